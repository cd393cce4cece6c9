"""Dragging an edge of the current span with the mouse moves that boundary.

Over the first or last character edge of the current span (one of the user's own), the
pointer becomes a resize arrow; pressing there and dragging moves that edge, the span's
outline following the pointer; releasing snaps the new span to whole words (unless
character precision is on) and saves it as one undoable step, like Alt+arrows.
A press anywhere else selects text as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor

if TYPE_CHECKING:
    from annotator.ui.article.view import ArticleView

Edge = Literal["start", "end"]
GRAB_PIXELS = 4
"""How close to an edge (horizontally) a press grabs it."""


class EdgeDragger(QObject):
    """Watches the article's viewport for presses on the current span's edges."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.view = view
        self._dragging: Edge | None = None
        self._range: tuple[int, int] | None = None
        viewport = view.editor.viewport()
        viewport.setMouseTracking(True)
        viewport.installEventFilter(self)

    def edge_at(self, point: QPoint) -> Edge | None:
        """The current span's edge under ``point`` (viewport pixels), if any."""
        span = self.view.editable_current_span()
        positions = self.view.text_positions()
        if span is None or positions is None:
            return None
        for edge, cp in (("start", span.start), ("end", span.end)):
            cursor = QTextCursor(self.view.editor.document())
            cursor.setPosition(positions.to_qt(cp))
            rect = self.view.editor.cursorRect(cursor)
            if abs(point.x() - rect.center().x()) <= GRAB_PIXELS and (
                rect.top() <= point.y() <= rect.bottom()
            ):
                return edge  # type: ignore[return-value]
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
        ):
            return False
        assert isinstance(event, QMouseEvent)
        point = event.position().toPoint()
        viewport = self.view.editor.viewport()
        if kind == QEvent.Type.MouseButtonPress:
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            self._dragging = self.edge_at(point)
            self._range = None
            return self._dragging is not None
        if kind == QEvent.Type.MouseMove:
            if self._dragging is None:
                if event.buttons() == Qt.MouseButton.NoButton:
                    hovering = self.edge_at(point) is not None
                    viewport.setCursor(
                        Qt.CursorShape.SizeHorCursor if hovering else Qt.CursorShape.IBeamCursor
                    )
                return False
            self._range = self._dragged_range(point)
            self.view.preview_current_range(self._range)
            return True
        # Release.
        if self._dragging is None:
            return False
        dragged, self._dragging = self._range, None
        self._range = None
        self.view.preview_current_range(None)
        if dragged is not None:
            self.view.resize_current_span(*dragged)
        return True

    def _dragged_range(self, point: QPoint) -> tuple[int, int] | None:
        span = self.view.editable_current_span()
        positions = self.view.text_positions()
        if span is None or positions is None:
            return None
        # The gap nearest the pointer, as a caret would go.
        here = positions.to_code_point(self.view.editor.cursorForPosition(point).position())
        if self._dragging == "start":
            return (min(here, span.end - 1), span.end)
        return (span.start, max(here, span.start + 1))

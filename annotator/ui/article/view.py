"""The article view: read an article, select a passage, press a key, and it is tagged.

The text is a read-only ``QPlainTextEdit`` (it lays out long documents lazily) with a
visible caret and keyboard selection. Spans come from the store once per document into
a ``SpanIndex``; a ``SpanHighlighter`` draws them block by block. Every change goes
through an undo command pushed on the shared ``QUndoStack``; the command calls the
store and reports back here, and only the blocks the span touches are re-styled.

Keys (while the text has the focus):
- a label's key (1-5, c d a p o): tag the selection, or relabel the current span;
- Tab / Shift+Tab: make the next / previous span current (from the caret);
- a click in a span makes it current (click again to reach a span nested under it);
- Delete / Backspace: remove the current span; Escape: no current span;
- Alt+Left/Right: move the current span's end, Alt+Up/Down its start (by word when
  snapping, by character otherwise; the keys are the user's to change, ``key_bindings``);
  or drag an edge with the mouse (``edge_drag``);
- Ctrl+= / Ctrl++ / Ctrl+-: zoom.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import IntEnum
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QKeyCombination,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QUndoStack,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QVBoxLayout, QWidget

from annotator.core.amounts.reading import AMOUNT_LABEL
from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Span
from annotator.core.store import Store
from annotator.core.text.selection import Direction, Edge, move_edge, snap
from annotator.core.text.span_index import Placed, SpanIndex, SpanRef
from annotator.ui.article.amount_editor import amount_reading, attrs_for_label, read_amount
from annotator.ui.article.edge_drag import EdgeDragger
from annotator.ui.article.highlighter import SpanHighlighter, SpanStyles, paint_statement_bars
from annotator.ui.article.qt_offsets import TextPositions, positions_for
from annotator.ui.article.reading_layout import SpacedPlainTextLayout
from annotator.ui.article.span_commands import AddSpan, DeleteSpan, RelabelSpan, ResizeSpan
from annotator.ui.key_bindings import default_edge_keys
from annotator.ui.keyboard import label_key
from annotator.ui.session import ProjectSession

READING_FONTS = [
    "Source Serif 4",
    "Source Serif Pro",
    "Noto Serif",
    "Charter",
    "Georgia",
    "Cambria",
    "DejaVu Serif",
    "Times New Roman",
]
BODY_POINT_SIZE = 12.5
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 32.0
READABLE_CHARACTERS = 72  # a comfortable measure: about 70 characters a line


class KeyPriority(IntEnum):
    """Who is asked first about a key pressed in the article: the highest priority.
    A mode in front of the text (linking) comes before the suggestions drawn on it,
    which come before tagging the text itself."""

    TAGGING = 0
    SUGGESTIONS = 10
    LINK_MODE = 20


KeyAction = Callable[[], None]


class KeyHandler(Protocol):
    """Something that answers keys typed in the article (``ArticleView.add_key_handler``)."""

    def key_action(self, event: QKeyEvent) -> KeyAction | None:
        """What this key does now, or None to let the next handler (then Qt) have it."""
        ...

    def declared_keys(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcut sheet."""
        ...


class ReadingPane(QPlainTextEdit):
    """The text itself: read-only but selectable, a readable column, statement bars."""

    clicked = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = QTextDocument(self)
        document.setDocumentLayout(SpacedPlainTextLayout(document))
        self.setDocument(document)
        self.styles: SpanStyles | None = None
        self.highlighter: SpanHighlighter | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(BODY_POINT_SIZE)
        self.setFont(font)
        # The margins around the column take the page colour, not the window's grey.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.document().setDocumentMargin(12)
        self._press_position: QPoint | None = None
        self._wrapped_width = -1
        self.overlay_painters: list[Callable[[QPainter, QRect], None]] = []
        """Drawn over the text after the bars (suggestion outlines), in viewport pixels."""

    # -- typography ------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.setFont(font)
        self.update_margins()

    def bar_width(self) -> float:
        return max(2.0, QFontMetricsF(self.font()).height() / 8.5)

    def update_margins(self) -> None:
        metrics = QFontMetricsF(self.font())
        column = metrics.averageCharWidth() * READABLE_CHARACTERS
        side = max(int(metrics.averageCharWidth() * 2), int((self.width() - column) / 2))
        top = int(metrics.height() * 0.8)
        self.setViewportMargins(side, top, side, 0)
        self._wrap_to_viewport()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._wrapped_width = self.viewport().width()  # Qt has just re-wrapped
        self.update_margins()

    def _wrap_to_viewport(self) -> None:
        """Re-wrap the text if the viewport's width is not the one it was wrapped to.

        QPlainTextEdit re-wraps only on a resize event that changes the width, and a
        viewport narrowed by its margins while the pane is hidden sends none: an
        article set before the window was shown stayed as wide as the whole pane
        (clipped lines, a horizontal scroll bar)."""
        width = self.viewport().width()
        if width != self._wrapped_width:
            self._wrapped_width = width
            super().resizeEvent(QResizeEvent(self.viewport().size(), QSize(-1, -1)))

    # -- drawing -----------------------------------------------------------------

    def visible_blocks(
        self, area: QRect, slack: float = 0.0
    ) -> Iterator[tuple[QTextBlock, QRectF]]:
        """The blocks drawn in ``area`` (viewport coordinates), with their geometry."""
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                return
            if block.isVisible() and geometry.bottom() + slack >= area.top():
                yield block, geometry
            block = block.next()

    def paintEvent(self, event: QPaintEvent) -> None:
        area: QRect = event.rect()
        if self.highlighter is not None:
            for block, _ in self.visible_blocks(area):
                self.highlighter.ensure_styled(block)
        super().paintEvent(event)
        if self.styles is None and not self.overlay_painters:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.styles is not None:
            width = self.bar_width()
            # Bars hang a little below their line: repaint them when the next line is.
            for block, geometry in self.visible_blocks(area, slack=4 * width):
                paint_statement_bars(painter, block, geometry.topLeft(), self.styles, width)
        for paint_overlay in self.overlay_painters:
            paint_overlay(painter, area)
        painter.end()

    # -- clicks --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_position = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_position = self._press_position, None
        position = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (position - press).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            self.clicked.emit(position)

    def character_at(self, point: QPoint) -> int:
        """Qt position of the character under ``point`` (not the gap nearest to it)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if position > cursor.block().position() and point.x() < self.cursorRect(cursor).x():
            position -= 1
        return position


class ArticleView(QWidget):
    """Reading and tagging one document of the session's project."""

    # Qt's naming for signals. currentSpanChanged(span id, or "" when none);
    # statusMessage: a hint (what to select first, an edit that could not be made).
    currentSpanChanged = Signal(str)
    statusMessage = Signal(str)

    def __init__(
        self, session: ProjectSession, annotator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store: Store = session.store
        self.annotator = annotator
        self.undo_stack: QUndoStack = session.undo_stack
        self.tag_selection_handler: Callable[[int, int, str], None] | None = None
        """Set while reviewing: a tagged selection goes to it (into gold), not into the
        annotator's own layer."""
        self.editor = ReadingPane(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)

        self.styles = SpanStyles(self.store.label_set())
        self.editor.styles = self.styles
        self.highlighter = SpanHighlighter(self.editor.document(), self.styles)
        self.editor.highlighter = self.highlighter
        self._document: Document | None = None
        self._positions: TextPositions | None = None
        self._index = SpanIndex()
        self._layers: list[str] = []
        self._current_id: str | None = None
        self._by_word = True
        self._edge_keys = default_edge_keys()
        self._edge_rows: list[tuple[str, str]] = []
        self._overlays: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._preview: tuple[int, int] | None = None

        self._key_handlers: list[tuple[KeyPriority, KeyHandler]] = []
        self.add_key_handler(_TaggingKeys(self), KeyPriority.TAGGING)
        self.editor.installEventFilter(self)
        self.editor.viewport().installEventFilter(self)
        self.editor.clicked.connect(self._on_click)
        self.edge_dragger = EdgeDragger(self)
        self.editor.selectionChanged.connect(self._on_selection_changed)
        session.listen_first(self.on_changes)

    # -- what the main window calls ------------------------------------------------

    def add_key_handler(self, handler: KeyHandler, priority: KeyPriority) -> None:
        """Ask ``handler`` about keys typed in the text, before those of lower priority."""
        self._key_handlers.append((priority, handler))
        self._key_handlers.sort(key=lambda entry: -entry[0])

    def key_handlers(self) -> list[KeyHandler]:
        """Every handler, lowest priority first (the order the shortcut sheet lists them)."""
        return [handler for _priority, handler in reversed(self._key_handlers)]

    def set_annotator(self, name: str) -> None:
        if name != self.annotator:
            self.annotator = name
            self._reload_spans()

    def set_document(self, doc_id: str | None) -> None:
        self._preview = None
        self._set_current(None)
        if doc_id is None:
            self._document = None
            self._positions = None
            self._index = SpanIndex()
            self.highlighter.set_content(self._index, None)
            self.editor.clear()
            return
        document = self.store.document(doc_id)
        self._document = document
        self._positions = positions_for(document.id, document.text)
        self._index = SpanIndex(self._load_spans(document.id))
        # Spans first, then the text; blocks get styled as they come into view.
        self.highlighter.set_content(self._index, self._positions)
        with self.highlighter.deferred():
            self.editor.setPlainText(document.text)
        if self.editor.document().characterCount() - 1 != self._positions.qt_length:
            self.statusMessage.emit(
                self.tr("This article holds characters the view cannot place exactly.")
            )
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)

    def document_id(self) -> str | None:
        return self._document.id if self._document else None

    def document_text(self) -> str | None:
        return self._document.text if self._document else None

    def visible_range(self) -> tuple[int, int] | None:
        """The code points on screen, from the top left to the bottom right character."""
        if self._positions is None:
            return None
        area = self.editor.viewport().rect()
        top = self.editor.cursorForPosition(area.topLeft()).position()
        bottom = self.editor.cursorForPosition(area.bottomRight()).position()
        return self._positions.to_code_point(top), self._positions.to_code_point(bottom)

    def text_positions(self) -> TextPositions | None:
        """Code point <-> Qt position converter of the document on show."""
        return self._positions

    def current_span(self) -> Span | None:
        """The current span, as stored, or None."""
        if self._current_id is None or self._current_id not in self._index:
            return None
        return self._stored(self._current_id)

    def current_span_id(self) -> str:
        return self._current_id or ""

    def placed_span(self, span_id: str) -> Placed | None:
        """Where one span on show sits (None if it is not on show)."""
        return self._index.get(span_id)

    def spans(self) -> list[Placed]:
        """Where the spans on show sit, in reading order (own layer and other layers)."""
        return list(self._index)

    def apply_label(self, label_name: str) -> None:
        """Tag the selection with ``label_name``, or relabel the current span."""
        document = self._document
        if document is None or self._positions is None:
            return
        if self.store.label_set().get(label_name) is None:
            self.statusMessage.emit(self.tr("Unknown label: %1").replace("%1", label_name))
            return
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            self._tag_selection(document, cursor, label_name)
            return
        current = self._current()
        if current is not None and current.label != label_name:
            if self._is_editable(current):
                span = self._stored(current.id)
                if span is None:
                    return
                attrs = attrs_for_label(self.store, span.doc_id, span.text, span.label, label_name)
                self.session.push(RelabelSpan(self.session, span, label_name, attrs))
        elif current is None:
            self.statusMessage.emit(self.tr("Select some text, then press a label key."))

    def select_span(self, span_id: str) -> None:
        """Scroll to a span and make it current."""
        span = self._index.get(span_id)
        if span is None or self._positions is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(self._positions.to_qt(span.end))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        cursor.setPosition(self._positions.to_qt(span.start))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._set_current(span_id)

    def select_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view: a label key
        then tags it."""
        if self._positions is None:
            return
        self._set_current(None)
        cursor = self.editor.textCursor()
        cursor.setPosition(self._positions.to_qt(end))
        cursor.setPosition(self._positions.to_qt(start), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        # Out of sight, it comes to the middle of the view: read with what is around it.
        if not self.editor.viewport().rect().contains(self.editor.cursorRect()):
            self.editor.centerCursor()

    def editable_current_span(self) -> Placed | None:
        """The current span if it is the user's own (its edges can be dragged)."""
        current = self._current()
        return current if current is not None and self._is_editable(current) else None

    def preview_current_range(self, span_range: tuple[int, int] | None) -> None:
        """Outline the current span at ``span_range`` while an edge is dragged."""
        self._preview = span_range
        self._show_current()

    def resize_current_span(self, start: int, end: int) -> None:
        """Move the current span to ``[start, end)``, snapped as selections are; one undo step."""
        current = self.editable_current_span()
        if current is None or self._document is None:
            return
        snapped = snap(self._document.text, start, end, self._by_word)
        if snapped is not None and snapped != (current.start, current.end):
            self._push_resize(current, *snapped)

    def clear_current(self) -> None:
        """No current span (another layer, such as suggestions, takes the keys)."""
        self._set_current(None)

    def set_overlay(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Short-lived highlights drawn under the current span's (e.g. the current
        suggestion); each layer replaces its own list."""
        self._overlays[name] = selections
        self._show_current()

    def delete_current_span(self) -> None:
        current = self._current()
        if current is not None and self._is_editable(current):
            span = self._stored(current.id)
            if span is not None:
                self.session.push(DeleteSpan(self.session, span))

    def set_word_snapping(self, on: bool) -> None:
        self._by_word = on

    def word_snapping(self) -> bool:
        return self._by_word

    def set_edge_keys(
        self, keys: dict[str, tuple[Edge, Direction]], rows: list[tuple[str, str]]
    ) -> None:
        """Which keys (portable text) move the current span's edges, and how; ``rows``
        say so as the shortcut sheet lists them."""
        self._edge_keys = keys
        self._edge_rows = rows

    def edge_rows(self) -> list[tuple[str, str]]:
        return self._edge_rows

    def zoom_in(self) -> None:
        self.editor.set_point_size(self.editor.font().pointSizeF() + 1)

    def zoom_out(self) -> None:
        self.editor.set_point_size(self.editor.font().pointSizeF() - 1)

    def set_layers(self, annotators: list[str]) -> None:
        """Also show these annotators' spans (read-only; the own layer stays editable)."""
        self._layers = [name for name in annotators if name != self.annotator]
        self._reload_spans()

    def refresh_labels(self) -> None:
        """Redraw after the label set (colours, kinds) changed."""
        self.styles = SpanStyles(self.store.label_set())
        self.editor.styles = self.styles
        self.highlighter.styles = self.styles
        self.highlighter.restyle_all()
        self.editor.viewport().update()
        self._show_current()

    # -- what the session reports --------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """Redraw what changed: only the blocks an exact span edit touches."""
        if changes.labels:
            self.refresh_labels()
        doc_id = self.document_id()
        if changes.reloads(doc_id):
            self._reload_spans()
            return
        for edit in changes.edits_in(doc_id):
            if edit.before is not None:
                self._index.remove(edit.before.id)
                self.highlighter.rehighlight_range(edit.before.start, edit.before.end)
            if edit.after is not None:
                self._index.add(edit.after)
                self.highlighter.rehighlight_range(edit.after.start, edit.after.end)
                self._set_current(edit.after.id)
            elif edit.before is not None and edit.before.id == self._current_id:
                self._set_current(None)
            else:
                self._show_current()

    def span_edit_failed(self, message: str) -> None:
        self.statusMessage.emit(self.tr("Not saved: %1").replace("%1", message))

    # -- internals -----------------------------------------------------------------

    def _load_spans(self, doc_id: str) -> list[SpanRef]:
        return self.store.span_refs(doc_id, [self.annotator, *self._layers])

    def _current(self) -> Placed | None:
        return self._index.get(self._current_id) if self._current_id else None

    def _stored(self, span_id: str) -> Span | None:
        """The span as saved; None when it is no longer there (another window under the
        same name removed it): that is said, and the article redrawn from what is saved."""
        try:
            return self.store.span(span_id)
        except AnnotatorError:
            self._reload_spans()
            self.statusMessage.emit(
                self.tr("That span is gone: it was removed in another window. Shown as saved now.")
            )
            return None

    def _reload_spans(self) -> None:
        if self._document is None:
            return
        self._set_current(None)
        self._index = SpanIndex(self._load_spans(self._document.id))
        self.highlighter.set_content(self._index, self._positions)
        self.highlighter.restyle_all()
        self.editor.viewport().update()

    def _is_editable(self, span: Placed) -> bool:
        return span.annotator == self.annotator

    def _tag_selection(self, document: Document, cursor: QTextCursor, label: str) -> None:
        assert self._positions is not None
        start, end = self._positions.selection(cursor)
        snapped = snap(document.text, start, end, self._by_word)
        if snapped is None:
            self.statusMessage.emit(self.tr("Nothing to tag: the selection holds no words."))
            return
        start, end = snapped
        if self.tag_selection_handler is not None:
            self.tag_selection_handler(start, end, label)
            return
        for existing in self._index.overlapping(start, end):
            if (existing.start, existing.end, existing.label) == (start, end, label) and (
                self._is_editable(existing)
            ):
                self.select_span(existing.id)
                return
        try:
            attrs = attrs_for_label(self.store, document.id, document.text[start:end], None, label)
            span = self.store.make_span(document, self.annotator, start, end, label, attrs=attrs)
        except AnnotatorError as error:
            self.span_edit_failed(str(error))
            return
        self.session.push(AddSpan(self.session, span))
        if span.id in self._index:
            cursor.setPosition(self._positions.to_qt(span.end))
            self.editor.setTextCursor(cursor)

    def _move_current_edge(self, edge: Edge, direction: Direction) -> None:
        current = self._current()
        if current is None or self._document is None or not self._is_editable(current):
            return
        text = self._document.text
        moved = move_edge(text, current.start, current.end, edge, direction, self._by_word)
        if moved is None:
            return
        self._push_resize(current, *moved)

    def _push_resize(self, current: Placed, start: int, end: int) -> None:
        assert self._document is not None
        span = self._stored(current.id)
        if span is None:
            return
        attrs = None
        if span.label == AMOUNT_LABEL and not span.attrs.get("checked"):
            # A value a person set (F2) stays; a value read from the text is read again.
            attrs = read_amount(self.store, span.doc_id, self._document.text[start:end])
        self.session.push(ResizeSpan(self.session, span, start, end, attrs))

    def _cycle(self, step: int) -> None:
        own = [span for span in self._index if self._is_editable(span)]
        if not own or self._positions is None:
            return
        ids = [span.id for span in own]
        if self._current_id in ids:
            target = own[(ids.index(self._current_id) + step) % len(own)]
        else:
            caret = self._positions.caret(self.editor.textCursor())
            if step > 0:
                target = next((span for span in own if span.end > caret), own[0])
            else:
                target = next((span for span in reversed(own) if span.start < caret), own[-1])
        self.select_span(target.id)

    def select_enclosing_span(self) -> None:
        """Make current the shortest span around the current one (a claim around a name)."""
        self._select_nested(outwards=True)

    def select_nested_span(self) -> None:
        """Make current the longest span inside the current one, at the caret if several."""
        self._select_nested(outwards=False)

    def _select_nested(self, *, outwards: bool) -> None:
        current = self._current()
        if current is None or self._positions is None:
            return
        own = [
            span
            for span in self._index.overlapping(current.start, current.end)
            if self._is_editable(span) and span.id != current.id
        ]
        if outwards:
            around = [s for s in own if s.start <= current.start and s.end >= current.end]
            chosen = min(around, key=lambda s: (s.end - s.start, s.start, s.id), default=None)
        else:
            inside = [s for s in own if s.start >= current.start and s.end <= current.end]
            caret = self._positions.caret(self.editor.textCursor())
            at_caret = [s for s in inside if s.start <= caret < s.end] or inside
            chosen = max(at_caret, key=lambda s: (s.end - s.start, -s.start), default=None)
        if chosen is not None:
            self._set_current(chosen.id)

    def _on_click(self, point: QPoint) -> None:
        if self._positions is None:
            return
        position = self._positions.to_code_point(self.editor.character_at(point))
        under = [span for span in self._index.containing(position) if self._is_editable(span)]
        if not under:
            self._set_current(None)
            return
        ids = [span.id for span in under]
        if self._current_id in ids:
            # Clicking again reaches the span nested under (or around) this one.
            self._set_current(ids[(ids.index(self._current_id) + 1) % len(ids)])
        else:
            self._set_current(under[0].id)

    def _on_selection_changed(self) -> None:
        if self.editor.textCursor().hasSelection():
            self._set_current(None)

    def _set_current(self, span_id: str | None) -> None:
        changed = span_id != self._current_id
        self._current_id = span_id
        self._show_current()
        if changed:
            self.currentSpanChanged.emit(span_id or "")

    def _show_current(self) -> None:
        span = self._current()
        overlays = [item for items in self._overlays.values() for item in items]
        if span is None or self._positions is None:
            self.editor.setExtraSelections(overlays)
            return
        start, end = self._preview or (span.start, span.end)
        outline = QPen(self.styles.colour(span.label).darker(130), 1.5)
        selections = []
        # The fill stays off the spans inside it: their own tints must still show.
        for piece_start, piece_end, covered in self._pieces_over_nested(span, start, end):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(self._positions.to_qt(piece_start))
            cursor.setPosition(self._positions.to_qt(piece_end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            if not covered:
                text_format.setBackground(self.styles.strong_tint(span.label))
            text_format.setProperty(QTextFormat.Property.OutlinePen, outline)
            selection.format = text_format
            selections.append(selection)
        self.editor.setExtraSelections([*overlays, *selections])

    def _pieces_over_nested(
        self, span: Placed, start: int, end: int
    ) -> list[tuple[int, int, bool]]:
        """``[start, end)`` cut where the spans inside it begin and end: (from, to,
        covered by one of them)."""
        others = [
            other
            for other in self._index.overlapping(start, end)
            if other.id != span.id and start <= other.start and other.end <= end
        ]
        cuts = sorted(
            {start, end}
            | {max(start, other.start) for other in others}
            | {min(end, other.end) for other in others}
        )
        return [
            (left, right, any(other.start < right and left < other.end for other in others))
            for left, right in zip(cuts, cuts[1:], strict=False)
            if left < right
        ]

    # -- keys --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            assert isinstance(event, QKeyEvent)
            action = None
            for _priority, handler in self._key_handlers:
                action = handler.key_action(event)
                if action is not None:
                    break
            if action is None:
                return False
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                action()
            return True
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            return self._show_tooltip(event)
        return super().eventFilter(watched, event)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if self._document is None:
            return None
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        has_current = self._current() is not None
        if ctrl and not alt and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            return self.zoom_in
        if ctrl and not alt and key == Qt.Key.Key_Minus:
            return self.zoom_out
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (ctrl or alt):
            if not any(self._is_editable(span) for span in self._index):
                return None  # nothing to cycle through: let Tab move the focus on
            backwards = key == Qt.Key.Key_Backtab or shift
            return lambda: self._cycle(-1 if backwards else 1)
        if has_current:
            keys = QKeySequence(QKeyCombination(modifiers, Qt.Key(key)))
            move = self._edge_keys.get(keys.toString(QKeySequence.SequenceFormat.PortableText))
            if move is not None:
                return lambda: self._move_current_edge(*move)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers and has_current:
            return self.delete_current_span
        if key == Qt.Key.Key_Escape and not modifiers and has_current:
            return lambda: self._set_current(None)
        pressed = label_key(event)
        if pressed is not None:
            label = self.store.label_set().by_shortcut(pressed)
            if label is not None and (has_current or self.editor.textCursor().hasSelection()):
                return lambda: self.apply_label(label.name)
        return None

    def _show_tooltip(self, event: QEvent) -> bool:
        if self._positions is None:
            return False
        point = event.pos()  # type: ignore[attr-defined]
        position = self._positions.to_code_point(self.editor.character_at(point))
        spans = self._index.containing(position)
        if not spans:
            QToolTip.hideText()
            return True
        label_set = self.store.label_set()
        language = self.locale().name()[:2]
        lines = []
        for span in spans:
            label = label_set.get(span.label)
            name = label.display_name(language) if label else span.label
            who = "" if span.annotator == self.annotator else f" ({span.annotator})"
            reading = ""
            if span.label == AMOUNT_LABEL:
                try:
                    reading = f" → {amount_reading(self.store.span(span.id).attrs)}"
                except AnnotatorError:
                    reading = ""  # removed in another window; the next action says so
            lines.append(f"{name}{who}{reading}")
        where = event.globalPos()  # type: ignore[attr-defined]
        QToolTip.showText(where, "\n".join(lines), self.editor)
        return True


class _TaggingKeys:
    """The article's own keys: tag, relabel, move between spans, resize, delete, zoom."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view

    def key_action(self, event: QKeyEvent) -> KeyAction | None:
        return self.view._key_action(event)  # noqa: SLF001 (the view's own keys)

    def declared_keys(self) -> list[tuple[str, str]]:
        translate = QCoreApplication.translate
        return [
            (
                translate("ShortcutSheet", "Tab / Shift+Tab"),
                translate("ShortcutSheet", "Select the next / previous span at the caret"),
            ),
            (
                translate("ShortcutSheet", "Delete / Backspace"),
                translate("ShortcutSheet", "Remove the selected span"),
            ),
            (
                translate("ShortcutSheet", "Escape"),
                translate("ShortcutSheet", "Leave the selected span"),
            ),
            *self.view.edge_rows(),
            (
                translate("ShortcutSheet", "Click in a span (again: the span under it)"),
                translate("ShortcutSheet", "Select that span"),
            ),
            (
                translate("ShortcutSheet", "A label's key, on a selected span"),
                translate("ShortcutSheet", "Change its label"),
            ),
        ]

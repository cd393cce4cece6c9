"""Links drawn over the article text, kept light enough to read a long article through.

- Every span with links gets small dots just after its last character, at cap height,
  one per link, in the colour of the span at the other end: a claim with a person dot
  has a source; a claim with no dots is unattributed. Dots cost no layout space and
  stay readable at any length, where arcs for every link would cross the text.
- Only the selected span's links (in link mode, only the candidate) are drawn as
  dashed curves, from the end of one span to the start of the other, named by the
  link type. A partner off screen gets its curve to the edge of the text, with an
  arrow saying which way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextCursor,
)

from annotator.core.attribution.links import ResolvedLink
from annotator.ui.article.view import ArticleView

MAX_DOTS = 4


@dataclass(frozen=True)
class Arc:
    """A curve to draw: from one span's end to another span's start (code points)."""

    from_end: int
    to_start: int
    colour: QColor
    caption: str
    strong: bool = False


class LinkMarkers:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.links: list[ResolvedLink] = []
        self.extra_arcs: Callable[[], Sequence[Arc]] = lambda: ()
        """Arcs from elsewhere (link mode's preview), drawn in front."""
        self.type_names: dict[str, str] = {}
        view.editor.overlay_painters.append(self.paint)

    def set_links(self, links: Sequence[ResolvedLink], type_names: dict[str, str]) -> None:
        self.links = list(links)
        self.type_names = type_names
        self.view.editor.viewport().update()

    # -- what is drawn -------------------------------------------------------------------------

    def dots(self) -> dict[str, list[str]]:
        """For each span of the article with links: the labels at the other ends."""
        doc_id = self.view.document_id()
        found: dict[str, list[str]] = {}
        for resolved in self.links:
            for here, there in (
                (resolved.source, resolved.target),
                (resolved.target, resolved.source),
            ):
                if here.doc_id == doc_id:
                    found.setdefault(here.id, []).append(there.label)
        return found

    def arcs(self) -> list[Arc]:
        """Curves for the selected span's links inside this article."""
        current = self.view.current_span_id()
        doc_id = self.view.document_id()
        styles = self.view.styles
        found: list[Arc] = []
        for resolved in self.links:
            source, target = resolved.source, resolved.target
            if current not in (source.id, target.id) or resolved.crosses_documents:
                continue
            if source.doc_id != doc_id:
                continue
            found.append(
                Arc(
                    source.end,
                    target.start,
                    styles.colour(target.label if source.id == current else source.label),
                    self.type_names.get(resolved.link.type, resolved.link.type),
                )
            )
        return found

    # -- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, area: QRect) -> None:
        positions = self.view.text_positions()
        if positions is None or self.view.document_id() is None:
            return
        editor = self.view.editor
        blocks = list(editor.visible_blocks(editor.viewport().rect()))
        if not blocks:
            return
        first, last = blocks[0][0], blocks[-1][0]
        low, high = first.position(), last.position() + last.length()
        radius = max(2.2, editor.bar_width() * 1.05)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for span_id, partner_labels in self.dots().items():
            span = self.view.placed_span(span_id)
            if span is None:
                continue
            end = positions.to_qt(span.end)
            if not low <= end <= high:
                continue
            rect = self._caret_rect(end)
            if not rect.intersects(QRectF(area).adjusted(-20, -20, 20, 20)):
                continue
            x = rect.left() + radius + 1
            y = rect.top() + radius + 1
            for index, label in enumerate(partner_labels[:MAX_DOTS]):
                painter.setBrush(QBrush(self.view.styles.colour(label)))
                painter.drawEllipse(QPointF(x + index * (2 * radius + 1.5), y), radius, radius)
        painter.restore()
        # In link mode only the candidate's curve: one thing to look at.
        for arc in list(self.extra_arcs()) or self.arcs():
            self._paint_arc(painter, arc, low, high)

    def _caret_rect(self, qt_position: int) -> QRectF:
        cursor = QTextCursor(self.view.editor.document())
        cursor.setPosition(qt_position)
        return QRectF(self.view.editor.cursorRect(cursor))

    def _anchor(self, code_point: int, low: int, high: int) -> tuple[QPointF, int]:
        """Where a curve meets a span (top of its line), and -1/+1 when it lies above
        or below the visible text (0: on screen)."""
        positions = self.view.text_positions()
        assert positions is not None
        position = positions.to_qt(code_point)
        viewport = self.view.editor.viewport().rect()
        if position < low:
            return QPointF(viewport.center().x(), viewport.top() + 2), -1
        if position > high:
            return QPointF(viewport.center().x(), viewport.bottom() - 2), 1
        rect = self._caret_rect(position)
        return QPointF(rect.left(), rect.top() + 1), 0

    def _paint_arc(self, painter: QPainter, arc: Arc, low: int, high: int) -> None:
        start, start_side = self._anchor(arc.from_end, low, high)
        end, end_side = self._anchor(arc.to_start, low, high)
        if start_side and end_side:
            return  # neither end on screen: nothing to point at
        if start_side or end_side:
            # A curve across a screenful of text would hide it: a short pointer instead.
            visible = end if start_side else start
            self._paint_pointer(painter, arc, visible, start_side or end_side)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(arc.colour).darker(140)
        colour.setAlpha(235 if arc.strong else 170)
        pen = QPen(colour, 2.2 if arc.strong else 1.6, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        lift = max(14.0, min(60.0, abs(end.x() - start.x()) / 4 + abs(end.y() - start.y()) / 6))
        top = min(start.y(), end.y()) - lift
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
        painter.drawPath(path)
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(QBrush(colour))
        self._arrow_head(painter, end, end_side)
        self._caption(painter, path.pointAtPercent(0.5), arc.caption, colour)
        painter.restore()

    def _paint_pointer(self, painter: QPainter, arc: Arc, at: QPointF, side: int) -> None:
        """A caption beside a span whose partner is above (-1) or below (+1) the screen."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(arc.colour).darker(140)
        colour.setAlpha(235 if arc.strong else 200)
        caption = f"{arc.caption} {'↑' if side < 0 else '↓'}"
        self._caption(painter, at + QPointF(0, -10), caption, colour, anchor_left=True)
        painter.restore()

    def _arrow_head(self, painter: QPainter, at: QPointF, side: int) -> None:
        size = 4.5
        direction = -1 if side < 0 else 1
        head = QPainterPath(at)
        head.lineTo(at + QPointF(-size, -direction * size * 1.4))
        head.lineTo(at + QPointF(size, -direction * size * 1.4))
        head.closeSubpath()
        painter.drawPath(head)

    def _caption(
        self, painter: QPainter, at: QPointF, text: str, colour: QColor, anchor_left: bool = False
    ) -> None:
        font = QFont(self.view.editor.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.7))
        font.setItalic(True)
        metrics = QFontMetricsF(font)
        box = QRectF(metrics.boundingRect(text)).adjusted(-4, -1, 4, 1)
        box.moveCenter(at)
        if anchor_left:
            box.moveLeft(at.x())
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(255, 255, 255, 230)))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QPen(colour.darker(120)))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

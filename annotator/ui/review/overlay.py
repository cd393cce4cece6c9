"""Marks over the article in review mode: where annotators disagree, and of what kind.

A transparent widget laid over the article's reading pane outlines each disagreement
in its kind's colour (only some annotators have it, labels differ, boundaries differ)
and puts its number in the left margin, the number the review list shows. Settled
disagreements fade to grey; the one being reviewed gets a thick outline. It paints over
the pane instead of styling the text, so the spans' own highlighting stays as it is,
and it ignores the mouse, so clicks and tooltips reach the text below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QTextBlock
from PySide6.QtWidgets import QWidget

from annotator.core.review.decisions import DisagreementKind
from annotator.ui.article.qt_offsets import TextPositions
from annotator.ui.article.text_geometry import line_segments
from annotator.ui.article.view import ReadingPane

KIND_COLOURS: dict[DisagreementKind, str] = {
    DisagreementKind.MISSING: "#E37400",
    DisagreementKind.LABEL: "#C5221F",
    DisagreementKind.BOUNDARY: "#1967D2",
}
SETTLED_COLOUR = "#9AA0A6"
FOCUS_COLOUR = "#202124"


def kind_colour(kind: DisagreementKind) -> QColor:
    return QColor(KIND_COLOURS[kind])


@dataclass(frozen=True)
class Mark:
    """One outlined range: code points ``[start, end)``."""

    number: int
    start: int
    end: int
    kind: DisagreementKind
    settled: bool


def range_rects(
    blocks: Sequence[tuple[QTextBlock, QRectF]], qt_start: int, qt_end: int, area: QRect
) -> list[QRectF]:
    """Viewport rectangles, one per laid-out line in ``area``, covering Qt positions
    [start, end); ``blocks`` are the visible blocks with their geometry, in order."""
    rects: list[QRectF] = []
    for block, geometry in blocks:
        block_start = block.position()
        block_end = block_start + block.length() - 1
        if block_end <= qt_start:
            continue
        if block_start >= qt_end:
            break
        layout = block.layout()
        if layout is None:
            continue
        origin = geometry.topLeft() + layout.position()
        segments = line_segments(
            block,
            max(qt_start, block_start) - block_start,
            min(qt_end, block_end) - block_start,
            trim_wrap_space=False,
        )
        for line, _start, _end, left, right in segments:
            top = origin.y() + line.y()
            if top > area.bottom():
                break
            if top + line.height() < area.top():
                continue
            rects.append(
                QRectF(origin.x() + min(left, right), top, abs(right - left), line.height())
            )
    return rects


class DisagreementOverlay(QWidget):
    """Painted over a ``ReadingPane``: its viewport plus the left margin for numbers."""

    def __init__(self, pane: ReadingPane) -> None:
        super().__init__(pane)
        self.setObjectName("disagreementOverlay")
        self.pane = pane
        self.marks: list[Mark] = []
        self.focus_range: tuple[int, int] | None = None
        self.positions: TextPositions | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane.viewport().installEventFilter(self)
        pane.updateRequest.connect(lambda *_: self.update())
        self._place()
        self.hide()

    def show_marks(
        self,
        positions: TextPositions | None,
        marks: Sequence[Mark],
        focus_range: tuple[int, int] | None,
    ) -> None:
        self.positions = positions
        self.marks = list(marks)
        self.focus_range = focus_range
        self._place()
        self.setVisible(positions is not None)
        self.raise_()
        self.update()

    def clear(self) -> None:
        self.show_marks(None, [], None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.pane.viewport().geometry()
        self.setGeometry(QRect(0, viewport.top(), viewport.right() + 1, viewport.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.positions is None or not (self.marks or self.focus_range):
            return
        viewport = self.pane.viewport()
        shift = QPointF(viewport.x(), 0)
        area = viewport.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        to_qt = self.positions.to_qt
        blocks = list(self.pane.visible_blocks(area))
        pills_by_line: dict[int, list[tuple[Mark, QColor, float]]] = {}
        for mark in self.marks:
            rects = range_rects(blocks, to_qt(mark.start), to_qt(mark.end), area)
            if not rects:
                continue
            colour = QColor(SETTLED_COLOUR) if mark.settled else kind_colour(mark.kind)
            style = Qt.PenStyle.DotLine if mark.settled else Qt.PenStyle.SolidLine
            painter.setPen(QPen(colour, 1.4, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                painter.drawRoundedRect(rect.translated(shift).adjusted(-2, -1, 2, 1), 3, 3)
            middle = rects[0].center().y()
            pills_by_line.setdefault(round(middle), []).append((mark, colour, middle))
        if self.focus_range is not None:
            rects = range_rects(
                blocks, to_qt(self.focus_range[0]), to_qt(self.focus_range[1]), area
            )
            painter.setPen(QPen(QColor(FOCUS_COLOUR), 2.6))
            for rect in rects:
                painter.drawRoundedRect(rect.translated(shift).adjusted(-4, -2, 4, 2), 4, 4)
        self._paint_numbers(painter, pills_by_line)
        painter.end()

    def _paint_numbers(
        self, painter: QPainter, pills_by_line: dict[int, list[tuple[Mark, QColor, float]]]
    ) -> None:
        """Each disagreement's number in a pill in the left margin, level with the line
        it starts on; pills of one line side by side, in document order."""
        number_font = QFont(self.font())
        number_font.setPointSizeF(max(7.0, self.pane.font().pointSizeF() * 0.62))
        number_font.setBold(True)
        painter.setFont(number_font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 2
        for pills in pills_by_line.values():
            right = self.pane.viewport().x() - 6.0
            for mark, colour, middle in reversed(pills):
                text = str(mark.number)
                width = metrics.horizontalAdvance(text) + 10
                x = max(2.0, right - width)
                right = x - 3.0
                pill = QRectF(x, middle - height / 2, width, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(pill, height / 2, height / 2)
                painter.setPen(QColor("white"))
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)

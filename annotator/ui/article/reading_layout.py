"""Line spacing for the reading pane.

``QPlainTextEdit`` lays out long documents lazily, block by block, which is what keeps
opening a 1 MB article fast, but its layout ignores a block format's line height: lines
sit as close as the font allows. This layout keeps Qt's lazy layout and spreads each
block's lines apart afterwards, half the extra space above a line and half below (as CSS
``line-height`` does), the first time Qt asks for the block's rectangle. Every part of
``QPlainTextEdit`` that places text (painting, scrolling, the caret, clicks) asks for that
rectangle before it reads the lines, so all of them see the same spacing.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

READING_LINE_SPACING = 1.4
"""Distance between baselines, in line heights: about what books and news sites use."""


class SpacedPlainTextLayout(QPlainTextDocumentLayout):
    """A ``QPlainTextDocumentLayout`` whose lines are ``spacing`` line heights apart."""

    def __init__(self, document: QTextDocument, spacing: float = READING_LINE_SPACING) -> None:
        super().__init__(document)
        self.spacing = spacing

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        # Restyling a block (the highlighter after a tag) reports its characters as both
        # removed and added. Qt's plain-text layout adds the two counts, so the change
        # seems to reach into the next block and the whole viewport is repainted on each
        # key press. What is in the document now is ``added`` characters from
        # ``position``: that is the part to lay out again and repaint.
        super().documentChanged(position, 0 if removed == added else removed, added)

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the block out if it is not yet
        layout = block.layout()
        count = layout.lineCount() if layout is not None else 0
        if count == 0 or self.spacing <= 1.0:
            return rect
        if layout.lineAt(0).y() == 0.0:
            # Freshly laid out by Qt: a spaced block's first line sits below 0.
            y = 0.0
            for number in range(count):
                line = layout.lineAt(number)
                half = self.half_leading(line.height())
                line.setPosition(QPointF(line.x(), y + half))
                y += line.height() + 2 * half
            rect = super().blockBoundingRect(block)
        # Qt's rectangle ends at the last line's bottom: add the space below it.
        rect.setHeight(rect.height() + self.half_leading(layout.lineAt(count - 1).height()))
        return rect

    def half_leading(self, line_height: float) -> float:
        return (self.spacing - 1.0) * line_height / 2

"""Where a stretch of text lies on screen, line by line, inside one laid-out block.

The bars under claims, the outlines of suggestions and review marks all need the same
thing: the laid-out lines a range covers and the x positions of its ends on each.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from PySide6.QtGui import QTextBlock, QTextLine


class LineSegment(NamedTuple):
    line: QTextLine
    start: int
    """Block-relative Qt position (UTF-16) where the range begins on this line."""
    end: int
    left: float
    """x of ``start`` and ``end`` in the block layout's coordinates."""
    right: float


def x_of(line: QTextLine, position: int) -> float:
    # PySide returns (x, position) from QTextLine.cursorToX's in-out argument.
    x, _ = cast(tuple[float, int], line.cursorToX(position))
    return x


def line_segments(
    block: QTextBlock, start: int, end: int, *, trim_wrap_space: bool = True
) -> list[LineSegment]:
    """The pieces of block-relative Qt positions ``[start, end)``, one per laid-out line.

    Only the lines the range covers are visited: a paragraph may hold thousands. With
    ``trim_wrap_space``, the space a wrapped line ends with is left out, as it is not
    under the text.
    """
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return []
    first = max(layout.lineForTextPosition(start).lineNumber(), 0)
    last = layout.lineForTextPosition(max(end - 1, start)).lineNumber()
    last = layout.lineCount() - 1 if last < 0 else last
    # Line positions count UTF-16 units, as block.text() (a Python str) does not: ask the
    # document for the character instead of indexing the string.
    document = block.document()
    segments = []
    for number in range(first, last + 1):
        line = layout.lineAt(number)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        low, high = max(start, line_start), min(end, line_end)
        if (
            trim_wrap_space
            and high == line_end
            and high > low
            and document.characterAt(block.position() + high - 1).isspace()
        ):
            high -= 1
        if low >= high:
            continue
        segments.append(LineSegment(line, low, high, x_of(line, low), x_of(line, high)))
    return segments

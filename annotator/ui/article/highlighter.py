"""Drawing spans: entities as tinted backgrounds, statements as coloured bars.

A ``QSyntaxHighlighter`` styles one paragraph (block) at a time, looking up the
block's spans in a ``SpanIndex`` by bisection, so adding a span re-styles only the
blocks it touches. Blocks are styled when first shown, not all when the text is set:
a 1 MB article has thousands of blocks and only a screenful is ever drawn at once.
Overlaps stay visible: an entity inside a claim keeps its background and gets the
claim's bar under it; an entity inside an entity is tinted deeper; nested statements
get bars in separate lanes.

Qt's underline cannot be made thick nor stacked, so the highlighter records, in a
character format property, which statements run under each piece of text and in which
lane, and ``paint_statement_bars`` draws them as thick lines after the text.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPalette,
    QPen,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from annotator.core.models import LabelSet
from annotator.core.text.span_index import Placed, SpanIndex
from annotator.ui.article.qt_offsets import TextPositions
from annotator.ui.article.text_geometry import line_segments
from annotator.ui.colours import luminance, mix, page_colours, tint_at_level

STATEMENTS_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Text property: the statements under a piece of text, as ``"claim:0;denial:1"``
(label and lane, lane 0 nearest the text)."""
ENTITY_PROPERTY = QTextFormat.Property.UserProperty + 2
"""Text property: the innermost entity label whose background is shown."""

_BAR_PEN_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
)


def blend(colour: QColor, amount: float, base: QColor | None = None) -> QColor:
    """``amount`` of ``colour`` over ``base`` (the page: the palette's Base)."""
    return mix(colour, amount, base or page_colours()[0])


class SpanStyles:
    """How each label looks: colours and bar patterns, derived from the label set, and
    tints that follow the palette (light or dark) and keep the text readable."""

    def __init__(self, label_set: LabelSet, palette: QPalette | None = None) -> None:
        self.base, self.text = page_colours(palette)
        entities = [label for label in label_set.labels if label.kind != "statement"]
        # Each entity its own lightness; the deepest tint goes to the darkest colour
        # (on a light page the only one that reaches it; on a dark one it stays faint).
        entities.sort(key=lambda label: luminance(QColor(label.color)), reverse=True)
        steps = max(len(entities) - 1, 1)
        self._levels = {
            label.name: 0.2 + 0.5 * rank / steps for rank, label in enumerate(entities)
        }
        self._tints: dict[tuple[str, float], QColor] = {}
        self.colours: dict[str, QColor] = {}
        self.statements: set[str] = set()
        self.bar_styles: dict[str, Qt.PenStyle] = {}
        for label in label_set.labels:
            self.colours[label.name] = QColor(label.color)
            if label.kind == "statement":
                self.bar_styles[label.name] = _BAR_PEN_STYLES[
                    len(self.statements) % len(_BAR_PEN_STYLES)
                ]
                self.statements.add(label.name)
        self._formats: dict[tuple[str | None, str, int], QTextCharFormat] = {}
        self._pens: dict[tuple[str, float], QPen] = {}

    def colour(self, label: str) -> QColor:
        return self.colours.get(label, QColor("#777777"))

    def is_statement(self, label: str) -> bool:
        return label in self.statements

    def _tint_at(self, label: str, level: float) -> QColor:
        """The tint ``level`` (0: the page, 1: as deep as AA contrast with the text
        allows) of the way in lightness from the page towards the label's colour."""
        key = (label, round(level, 3))
        tint = self._tints.get(key)
        if tint is None:
            tint = tint_at_level(self.colour(label), level, self.base, self.text)
            self._tints[key] = tint
        return tint

    def tint(self, label: str) -> QColor:
        return self._tint_at(label, self._levels.get(label, 0.5))

    def strong_tint(self, label: str) -> QColor:
        return self._tint_at(label, min(self._levels.get(label, 0.5) + 0.3, 1.0))

    def bar_pen(self, label: str, width: float) -> QPen:
        pen = self._pens.get((label, width))
        if pen is None:
            style = self.bar_styles.get(label, Qt.PenStyle.SolidLine)
            pen = QPen(self.colour(label), width, style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._pens[(label, width)] = pen
        return pen

    def nested_tint(self, label: str, depth: int) -> QColor:
        """Deeper for each entity around: a person tagged inside a person shows."""
        return self._tint_at(label, min(self._levels.get(label, 0.5) + 0.2 * (depth - 1), 1.0))

    def text_format(
        self, entity: str | None, statements: str, depth: int = 1
    ) -> QTextCharFormat:
        """One shared format per combination: thousands of spans, a handful of formats."""
        key = (entity, statements, depth)
        text_format = self._formats.get(key)
        if text_format is None:
            text_format = QTextCharFormat()
            if entity is not None:
                text_format.setBackground(self.nested_tint(entity, depth))
                text_format.setProperty(ENTITY_PROPERTY, entity)
            if statements:
                text_format.setProperty(STATEMENTS_PROPERTY, statements)
            self._formats[key] = text_format
        return text_format


def statement_lanes(spans: Iterable[Placed], styles: SpanStyles) -> dict[str, int]:
    """Give each statement a lane so that overlapping statements never share one."""
    lane_ends: list[int] = []
    lanes: dict[str, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        if not styles.is_statement(span.label):
            continue
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= span.start:
                lane_ends[lane] = span.end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(span.end)
        lanes[span.id] = lane
    return lanes


class SpanHighlighter(QSyntaxHighlighter):
    """Styles each block from the spans the index holds for it."""

    def __init__(self, document: QTextDocument, styles: SpanStyles) -> None:
        super().__init__(document)
        self.styles = styles
        self.index = SpanIndex()
        self.positions: TextPositions | None = None
        self._deferred = False
        self._styled: set[int] = set()

    def set_content(self, index: SpanIndex, positions: TextPositions | None) -> None:
        """Use these spans from now on; set the text inside ``deferred()``."""
        self.index = index
        self.positions = positions
        self._styled.clear()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Blocks (re)laid out in here are left plain until ``ensure_styled`` is called."""
        self._deferred = True
        try:
            yield
        finally:
            self._deferred = False

    def is_styled(self, block: QTextBlock) -> bool:
        return block.blockNumber() in self._styled

    def ensure_styled(self, block: QTextBlock) -> None:
        """Style a block about to be drawn, if it has not been styled yet."""
        if block.blockNumber() not in self._styled and self.positions is not None:
            self.rehighlightBlock(block)

    def restyle_all(self) -> None:
        """Forget every block's style (spans or colours changed wholesale)."""
        with self.deferred():
            self.rehighlight()
        self._styled.clear()

    def rehighlight_range(self, start: int, end: int) -> None:
        """Re-style only the blocks holding code points ``[start, end)``."""
        document = self.document()
        if document is None or self.positions is None:
            return
        end = min(max(end, start + 1), self.positions.length)
        first = document.findBlock(self.positions.to_qt(start))
        last = document.findBlock(self.positions.to_qt(max(start, end - 1)))
        block = first
        while block.isValid():
            if block.blockNumber() in self._styled:
                self.rehighlightBlock(block)  # the others get styled when shown
            if block == last:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        positions = self.positions
        if self._deferred or positions is None:
            return
        block = self.currentBlock()
        self._styled.add(block.blockNumber())
        if not len(self.index) or not text:
            return
        block_qt = block.position()
        block_start = positions.to_code_point(block_qt)
        block_end = block_start + len(text)
        spans = self.index.overlapping(block_start, block_end)
        if not spans:
            return
        lanes = statement_lanes(spans, self.styles)
        opening: defaultdict[int, list[Placed]] = defaultdict(list)
        closing: defaultdict[int, list[Placed]] = defaultdict(list)
        for span in spans:
            opening[max(span.start, block_start)].append(span)
            closing[min(span.end, block_end)].append(span)
        points = sorted(opening.keys() | closing.keys())
        active: dict[str, Placed] = {}
        for here, following in itertools.pairwise(points):
            for span in closing.get(here, ()):
                active.pop(span.id, None)
            for span in opening.get(here, ()):
                active[span.id] = span
            if not active:
                continue
            self.setFormat(
                positions.to_qt(here) - block_qt,
                positions.to_qt(following) - positions.to_qt(here),
                self._format_for(active.values(), lanes),
            )

    def _format_for(self, spans: Iterable[Placed], lanes: dict[str, int]) -> QTextCharFormat:
        entity: Placed | None = None
        # Nesting, not layers: two annotators' same span is one level deep.
        entity_ranges: set[tuple[int, int]] = set()
        statements: list[tuple[int, str]] = []
        for span in spans:
            if span.id in lanes:
                statements.append((lanes[span.id], span.label))
                continue
            entity_ranges.add((span.start, span.end))
            if entity is None or span.end - span.start < entity.end - entity.start:
                entity = span
        text = ";".join(f"{label}:{lane}" for lane, label in sorted(statements))
        depth = max(len(entity_ranges), 1)
        return self.styles.text_format(entity.label if entity else None, text, depth)


def statements_at(text_format: QTextCharFormat) -> list[tuple[str, int]]:
    """``[(label, lane)]`` recorded by the highlighter in a character format."""
    value = text_format.property(STATEMENTS_PROPERTY)
    if not value:
        return []
    pairs = []
    for item in str(value).split(";"):
        label, _, lane = item.rpartition(":")
        pairs.append((label, int(lane)))
    return pairs


def paint_statement_bars(
    painter: QPainter, block: QTextBlock, origin: QPointF, styles: SpanStyles, width: float
) -> None:
    """Draw the statement bars of one laid-out block whose top-left is ``origin``."""
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return
    # Join the pieces of one statement first, so a dashed bar keeps one rhythm.
    runs: dict[tuple[str, int], list[list[int]]] = defaultdict(list)
    for format_range in layout.formats():
        range_end = format_range.start + format_range.length
        for label, lane in statements_at(format_range.format):
            pieces = runs[(label, lane)]
            if pieces and pieces[-1][1] == format_range.start:
                pieces[-1][1] = range_end
            else:
                pieces.append([format_range.start, range_end])
    if not runs:
        return
    base = origin + layout.position()
    gap = width * 0.75
    for (label, lane), pieces in runs.items():
        painter.setPen(styles.bar_pen(label, width))
        for piece_start, piece_end in pieces:
            for segment in line_segments(block, piece_start, piece_end):
                line = segment.line
                y = base.y() + line.y() + line.ascent() + gap + width / 2 + lane * (width + gap)
                painter.drawLine(
                    QPointF(base.x() + segment.left, y), QPointF(base.x() + segment.right, y)
                )

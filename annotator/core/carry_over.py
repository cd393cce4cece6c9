"""Carry spans from an article to its corrected version.

A document's text never changes: a corrected article is imported as a new document and
the old one keeps its spans. Carrying over re-anchors the old spans on the new text:

1. The two texts are aligned (diff-match-patch, Myers' diff). A span whose text lies in
   a stretch the correction left untouched moves with that stretch: exact and cheap.
2. Otherwise the span is found the way a W3C TextQuoteSelector is: every occurrence of
   its exact quote is scored by how alike the text just before and after it is (prefix
   and suffix), then by nearness to where the alignment says it should be.

A quote that no longer appears verbatim is not guessed at: it is listed as not placed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from diff_match_patch import diff_match_patch

from annotator.core.errors import AnnotatorError
from annotator.core.models import DocumentSummary, Link, Note, Origin, Span, Status
from annotator.core.store import Store, new_id

CONTEXT_LENGTH = 32
"""How many characters of prefix and suffix are compared; W3C examples use about 32."""

# Weights as in Hypothesis' quote anchoring (prefix 20, suffix 20, position 2): the
# surroundings decide, the position only breaks ties between equally good contexts.
POSITION_WEIGHT = 0.1

DIFF_TIMEOUT_SECONDS = 5.0
"""Two unrelated texts: stop aligning after this long and rely on quotes alone. A 1 MB
article with a few hundred corrections aligns in about 1.5 s; 0.5 s was too short."""

NEAREST_CANDIDATES = 500
"""A quote found more often than this: only the occurrences nearest its expected place."""

FINALISTS = 8
"""Occurrences compared edit-tolerantly, after ranking by exactly agreeing context."""

# The start and end of the text count as context: a span that opened the old article
# should open the new one rather than go to a later occurrence of the same words.
_EDGE = "\x00" * CONTEXT_LENGTH


def _prefix(text: str, start: int) -> str:
    return (_EDGE + text[max(0, start - CONTEXT_LENGTH) : start])[-CONTEXT_LENGTH:]


def _suffix(text: str, end: int) -> str:
    return (text[end : end + CONTEXT_LENGTH] + _EDGE)[:CONTEXT_LENGTH]


def _similarity(a: str, b: str) -> float:
    # Edit-tolerant, unlike a common-prefix count: a comma added next to the span must
    # not make its 31 other characters of context worthless.
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class TextQuote:
    """Where a span was, independent of offsets: its text and what surrounds it."""

    exact: str
    prefix: str
    suffix: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextQuote:
        return cls(exact=text[start:end], prefix=_prefix(text, start), suffix=_suffix(text, end))


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    method: Literal["unchanged", "aligned", "quote"]
    """'unchanged': the text around the span was not edited; 'quote': found by search."""
    context_score: float
    """How alike the surroundings are: prefix plus suffix similarity, 0 to 2."""
    candidates: int | None
    """How many times the quote occurs in the new text (None: not searched for)."""


def _common_prefix_length(a: str, b: str) -> int:
    # Binary search on slice equality: a handful of comparisons done in C.
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix_length(a: str, b: str) -> int:
    return _common_prefix_length(a[::-1], b[::-1])


def _occurrences(text: str, quote: str) -> list[int]:
    starts = []
    start = text.find(quote)
    while start != -1:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def anchor(quote: TextQuote, text: str, expected_start: int) -> Placement | None:
    """Where ``quote`` sits in ``text``: most alike context, then nearest; or None.

    Every occurrence is ranked by how many characters of context agree exactly (cheap);
    the best few are then compared edit-tolerantly, so a short quote that occurs
    thousands of times in a long article costs milliseconds, not minutes.
    """
    if not quote.exact:
        return None
    starts = _occurrences(text, quote.exact)
    if not starts:
        return None
    candidates = len(starts)
    if candidates > NEAREST_CANDIDATES:
        starts = sorted(starts, key=lambda start: abs(start - expected_start))
        starts = starts[:NEAREST_CANDIDATES]
    length = len(quote.exact)

    def exact_context(start: int) -> tuple[int, int]:
        agree = _common_suffix_length(quote.prefix, _prefix(text, start)) + (
            _common_prefix_length(quote.suffix, _suffix(text, start + length))
        )
        return agree, -abs(start - expected_start)

    best: tuple[float, float, int] | None = None
    for start in sorted(starts, key=exact_context, reverse=True)[:FINALISTS]:
        context = _similarity(quote.prefix, _prefix(text, start)) + _similarity(
            quote.suffix, _suffix(text, start + length)
        )
        nearness = 1 - abs(start - expected_start) / max(1, len(text))
        score = context + POSITION_WEIGHT * nearness
        if best is None or score > best[0]:
            best = (score, context, start)
    assert best is not None
    return Placement(
        start=best[2],
        end=best[2] + length,
        method="quote",
        context_score=round(best[1], 3),
        candidates=candidates,
    )


class _MinimalDiff(diff_match_patch):  # type: ignore[misc]
    """Myers' diff without the library's half-match shortcut. With a time limit set,
    the library first looks for a shared stretch half as long as the longer text and
    splits there; in an article whose title is printed twice that stretch can start at
    the wrong copy, and the diff then maps one copy onto the other, so a span is
    carried to the first title. Without the shortcut the diff is minimal; it costs
    about twice the time on a 1 MB article with 200 scattered edits (1.8 s against 0.95 s)."""

    def diff_halfMatch(self, text1: str, text2: str) -> None:  # noqa: N802 (the library's name)
        return None


class Alignment:
    """Old text positions mapped to new ones through the diff of the two texts."""

    def __init__(self, old_text: str, new_text: str) -> None:
        differ = _MinimalDiff()
        differ.Diff_Timeout = DIFF_TIMEOUT_SECONDS
        self._differ = differ
        self._diffs = differ.diff_main(old_text, new_text)
        # (old start, new start, length) of every stretch both texts share.
        self._unchanged: list[tuple[int, int, int]] = []
        old_position = new_position = 0
        for operation, chunk in self._diffs:
            if operation == diff_match_patch.DIFF_EQUAL:
                self._unchanged.append((old_position, new_position, len(chunk)))
            if operation != diff_match_patch.DIFF_INSERT:
                old_position += len(chunk)
            if operation != diff_match_patch.DIFF_DELETE:
                new_position += len(chunk)
        self._unchanged_starts = [old_start for old_start, _, _ in self._unchanged]

    def unchanged(self, start: int, end: int) -> int | None:
        """The new start of ``[start, end)`` if the correction did not touch it."""
        index = bisect_right(self._unchanged_starts, start) - 1
        if index < 0:
            return None
        old_start, new_start, length = self._unchanged[index]
        if end <= old_start + length:
            return new_start + start - old_start
        return None

    def expected(self, position: int) -> int:
        return int(self._differ.diff_xIndex(self._diffs, position))


def place(
    alignment: Alignment, old_text: str, new_text: str, start: int, end: int
) -> Placement | None:
    """Where the old span ``[start, end)`` belongs on the new text, or None."""
    new_start = alignment.unchanged(start, end)
    if new_start is not None:
        return Placement(
            start=new_start,
            end=new_start + end - start,
            method="unchanged",
            context_score=2.0,
            candidates=None,
        )
    # An edit touching the span's edge (a letter added right after it) leaves it out of
    # the unchanged stretches; where the diff maps its start, the same text there is
    # still the span. Only then search by quote and context, which a repeated passage
    # (a title printed twice) can fool.
    expected_start = alignment.expected(start)
    if new_text[expected_start : expected_start + end - start] == old_text[start:end]:
        return Placement(
            start=expected_start,
            end=expected_start + end - start,
            method="aligned",
            context_score=2.0,
            candidates=None,
        )
    return anchor(TextQuote.of(old_text, start, end), new_text, expected_start)


@dataclass(frozen=True)
class CarriedSpan:
    old: Span
    new: Span
    placement: Placement


@dataclass
class CarryOverReport:
    old_id: str
    new_id: str
    carried: list[CarriedSpan] = field(default_factory=list)
    already_there: list[Span] = field(default_factory=list)
    """Old spans the new document already has (same annotator, offsets and label)."""
    not_placed: list[Span] = field(default_factory=list)
    """Old spans whose exact text no longer appears in the new document."""
    started: list[str] = field(default_factory=list)
    """Annotators whose layer on the new document went from not started to in progress."""
    links: int = 0
    """Links starting from the old spans carried over (``said_by``, ``denies``...)."""
    carried_links: list[Link] = field(default_factory=list)
    """The links made on the new document: between carried spans, or from a carried
    span to the span in another document the old one pointed at."""
    links_already_there: int = 0
    links_not_carried: list[Link] = field(default_factory=list)
    """Old links with an end that could not be placed on the new text."""
    carried_notes: list[Note] = field(default_factory=list)
    """The notes made on the new document: the old article's, and those of the spans
    carried (or found already there), each by its author with its times."""
    notes_already_there: int = 0
    """Old notes whose author has a note at that place on the new document already
    (that one is kept)."""


def carry_over(
    store: Store, old_id: str, new_id: str, annotator: str | None = None
) -> CarryOverReport:
    """Copy ``old_id``'s spans (everyone's, or one annotator's) onto ``new_id``.

    One transaction: every placeable span is added, or none, with the links starting
    from them and the notes on them and on the old article. Carried spans have origin
    ``carried-over`` and ``attrs["carried_over_from"]`` naming the old span. Running it
    again adds nothing: spans, links and notes already on the new document are
    reported, not doubled.
    """
    if old_id == new_id:
        raise AnnotatorError("carry-over needs two different documents")
    report = CarryOverReport(old_id=old_id, new_id=new_id)
    # Read and write under one write lock, so a span another window adds meanwhile
    # is seen as already there rather than doubled.
    with store.transaction():
        old_document, new_document = store.document(old_id), store.document(new_id)
        alignment = Alignment(old_document.text, new_document.text)
        existing = {
            (span.annotator, span.start, span.end, span.label): span.id
            for span in store.spans(new_id, annotator)
        }
        moved: dict[str, str] = {}
        """Old span id -> the new document's span at its place, for the links."""
        to_add: list[Span] = []
        old_spans = store.spans(old_id, annotator)
        for old_span in old_spans:
            placement = place(
                alignment, old_document.text, new_document.text, old_span.start, old_span.end
            )
            if placement is None:
                report.not_placed.append(old_span)
                continue
            key = (old_span.annotator, placement.start, placement.end, old_span.label)
            if key in existing:
                report.already_there.append(old_span)
                moved[old_span.id] = existing[key]
                continue
            new_span = store.make_span(
                new_document,
                old_span.annotator,
                placement.start,
                placement.end,
                old_span.label,
                origin=Origin.CARRIED_OVER.value,
                attrs={**old_span.attrs, "carried_over_from": old_span.id},
            )
            existing[key] = new_span.id
            moved[old_span.id] = new_span.id
            to_add.append(new_span)
            report.carried.append(CarriedSpan(old=old_span, new=new_span, placement=placement))
        store.add_spans(to_add)
        _carry_links(store, report, {span.id for span in old_spans}, moved)
        _carry_notes(store, report, moved, annotator)
        for name in sorted({span.annotator for span in to_add}):
            if store.status(new_id, name) == Status.NOT_STARTED:
                store.set_status(new_id, name, Status.IN_PROGRESS)
                report.started.append(name)
    return report


def _carry_links(
    store: Store, report: CarryOverReport, old_span_ids: set[str], moved: dict[str, str]
) -> None:
    """Copy the links that start from the old spans: without them every carried claim
    would lose its source, and ``annotator check`` would flag them all. A link to a span
    in another article (a denial of a claim made elsewhere) keeps its target there."""
    if not old_span_ids:
        return
    annotators = sorted({span.annotator for span in store.spans_by_ids(old_span_ids).values()})
    for link in store.links(doc_id=report.old_id, annotators=annotators):
        if link.from_span not in old_span_ids:
            continue  # a link from another article into this one stays on the old version
        report.links += 1
        source = moved.get(link.from_span)
        target = moved.get(link.to_span) if link.to_span in old_span_ids else link.to_span
        if source is None or target is None:
            report.links_not_carried.append(link)
        elif store.find_link(link.type, source, target) is not None:
            report.links_already_there += 1
        else:
            carried = Link(
                id=new_id(), type=link.type, from_span=source, to_span=target,
                annotator=link.annotator,
            )  # fmt: skip
            report.carried_links.append(store.insert_link(carried))


def _carry_notes(
    store: Store, report: CarryOverReport, moved: dict[str, str], annotator: str | None
) -> None:
    """Copy the old article's notes (only ``annotator``'s, when one layer is carried)
    and the notes of the spans placed on the new text, where their author has none."""
    for note in store.notes(report.old_id):
        if note.span_id is None:
            if annotator is not None and note.author != annotator:
                continue
            span_id = None
        elif note.span_id in moved:
            span_id = moved[note.span_id]
        else:
            continue  # its span was not placed (listed) or not carried
        if store.note_by(report.new_id, span_id, note.author) is not None:
            report.notes_already_there += 1
            continue
        carried = note.model_copy(
            update={"id": new_id(), "doc_id": report.new_id, "span_id": span_id}
        )
        report.carried_notes.append(store.put_note(carried))


# -- choosing what to carry from, and taking it back (the window) -------------


@dataclass(frozen=True)
class EarlierVersion:
    """A document whose spans could be carried onto another one."""

    summary: DocumentSummary
    spans: int
    likeness: Literal["same source", "same title"] | None
    """Why it looks like an earlier version of the same article, if it does."""


def earlier_versions(store: Store, doc_id: str) -> list[EarlierVersion]:
    """Every other document that has spans, the likely earlier versions of ``doc_id``
    first (the same source, then the same title; a corrected article is a new document
    with a new id), then the others by position."""
    summaries = store.document_summaries()
    counts = store.span_counts_by_document()
    target = next((s for s in summaries if s.id == doc_id), None)
    if target is None:
        raise AnnotatorError(f"no document {doc_id[:12]} in the project")
    found: list[EarlierVersion] = []
    for summary in summaries:
        spans = sum(counts.get(summary.id, {}).values())
        if summary.id == doc_id or not spans:
            continue
        likeness: Literal["same source", "same title"] | None = None
        if target.source and summary.source == target.source:
            likeness = "same source"
        elif target.title and summary.title == target.title:
            likeness = "same title"
        found.append(EarlierVersion(summary, spans, likeness))
    rank = {"same source": 0, "same title": 1, None: 2}
    return sorted(found, key=lambda version: (rank[version.likeness], version.summary.position))


def take_back(store: Store, report: CarryOverReport) -> list[Span]:
    """Remove the spans a carry-over added (undo), in one transaction; returns them as
    they were, for :func:`put_back`."""
    removed: list[Span] = []
    with store.transaction():
        for carried in report.carried:
            if store.has_span(carried.new.id):
                removed.append(store.delete_span(carried.new.id))
        for note in report.carried_notes:
            if store.note_by(note.doc_id, note.span_id, note.author) == note:
                store.delete_note(note.id)
        for name in report.started:
            if store.status(report.new_id, name) == Status.IN_PROGRESS:
                store.set_status(report.new_id, name, Status.NOT_STARTED)
    return removed


def put_back(store: Store, report: CarryOverReport, spans: list[Span]) -> None:
    """Add again the spans :func:`take_back` removed, same ids (redo), and the links
    between them (taking the spans back took their links with them)."""
    with store.transaction():
        store.add_spans([span for span in spans if not store.has_span(span.id)])
        for link in report.carried_links:
            ends = store.spans_by_ids((link.from_span, link.to_span))
            if len(ends) == 2 and store.find_link(link.type, link.from_span, link.to_span) is None:
                store.insert_link(link)
        for note in report.carried_notes:
            if store.note_by(note.doc_id, note.span_id, note.author) is None:
                store.put_note(note)
        for name in report.started:
            if store.status(report.new_id, name) == Status.NOT_STARTED:
                store.set_status(report.new_id, name, Status.IN_PROGRESS)

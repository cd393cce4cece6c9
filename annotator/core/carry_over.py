"""Carry spans from an article to its corrected version.

A document's text never changes: a corrected article is imported as a new document and
the old one keeps its spans. Carrying over re-anchors the old spans on the new text the
way a W3C TextQuoteSelector does: the exact quote, disambiguated by the text just before
and after it (prefix and suffix), then by the position nearest to where the span was.
A quote that no longer appears verbatim is not guessed at: it is listed as not placed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Origin, Span, Status
from annotator.core.store import Store

CONTEXT_LENGTH = 32
"""How many characters of prefix and suffix are compared; W3C examples use about 32."""


@dataclass(frozen=True)
class TextQuote:
    """Where a span was, independent of offsets: its text and what surrounds it."""

    exact: str
    prefix: str
    suffix: str
    relative_position: float

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextQuote:
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_LENGTH) : start],
            suffix=text[end : end + CONTEXT_LENGTH],
            relative_position=start / max(1, len(text)),
        )


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    context_score: int
    """Characters of prefix and suffix that agree (0 to 2 * CONTEXT_LENGTH)."""
    candidates: int
    """How many times the quote occurs in the new text."""


def _common_suffix_length(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_prefix_length(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def anchor(quote: TextQuote, text: str) -> Placement | None:
    """Where ``quote`` sits in ``text``: best context, then nearest position; or None."""
    if not quote.exact:
        return None
    expected = quote.relative_position * len(text)
    best: tuple[int, float, int] | None = None
    candidates = 0
    start = text.find(quote.exact)
    while start != -1:
        candidates += 1
        end = start + len(quote.exact)
        score = _common_suffix_length(
            quote.prefix, text[max(0, start - CONTEXT_LENGTH) : start]
        ) + _common_prefix_length(quote.suffix, text[end : end + CONTEXT_LENGTH])
        key = (score, -abs(start - expected), start)
        if best is None or key[:2] > best[:2]:
            best = key
        start = text.find(quote.exact, start + 1)
    if best is None:
        return None
    return Placement(
        start=best[2],
        end=best[2] + len(quote.exact),
        context_score=best[0],
        candidates=candidates,
    )


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


def carry_over(
    store: Store, old_id: str, new_id: str, annotator: str | None = None
) -> CarryOverReport:
    """Copy ``old_id``'s spans (everyone's, or one annotator's) onto ``new_id``.

    One transaction: every placeable span is added, or none. Carried spans have origin
    ``carried-over`` and ``attrs["carried_over_from"]`` naming the old span. Running it
    again adds nothing: spans already on the new document are reported, not doubled.
    """
    if old_id == new_id:
        raise AnnotatorError("carry-over needs two different documents")
    # Read and write under one write lock, so a span another window adds meanwhile
    # is seen as already there rather than doubled.
    with store.transaction():
        old_document = store.document(old_id)
        new_document: Document = store.document(new_id)
        report = CarryOverReport(old_id=old_id, new_id=new_id)
        existing = {
            (span.annotator, span.start, span.end, span.label)
            for span in store.spans(new_id, annotator)
        }
        to_add: list[Span] = []
        for old_span in store.spans(old_id, annotator):
            quote = TextQuote.of(old_document.text, old_span.start, old_span.end)
            placement = anchor(quote, new_document.text)
            if placement is None:
                report.not_placed.append(old_span)
                continue
            key = (old_span.annotator, placement.start, placement.end, old_span.label)
            if key in existing:
                report.already_there.append(old_span)
                continue
            existing.add(key)
            new_span = store.make_span(
                new_document,
                old_span.annotator,
                placement.start,
                placement.end,
                old_span.label,
                origin=Origin.CARRIED_OVER.value,
                attrs={**old_span.attrs, "carried_over_from": old_span.id},
            )
            to_add.append(new_span)
            report.carried.append(CarriedSpan(old=old_span, new=new_span, placement=placement))
        store.add_spans(to_add)
        for name in sorted({span.annotator for span in to_add}):
            if store.status(new_id, name) == Status.NOT_STARTED:
                store.set_status(new_id, name, Status.IN_PROGRESS)
    return report

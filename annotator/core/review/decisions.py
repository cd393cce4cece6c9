"""Reviewing colleagues' layers: where they disagree, and settling it into gold.

Pure functions over the store, so the window, the command line and tests share them.
Reading functions return pydantic models; each operation is one transaction and
returns a :class:`ReviewChange` describing exactly what it wrote, which
:func:`revert` takes back and :func:`reapply` writes again (an undo stack needs both).

How spans are compared. Each chosen annotator's layer is reduced to a set of
``(start, end, label)`` keys. A key every chosen annotator has is *agreed*. The other
keys are grouped: two keys belong together when they have the same offsets (their
labels differ) or the same label and overlapping offsets (their boundaries differ).
A group of one key is a ``missing`` disagreement (only some annotators have it); a
group in which two keys share offsets is a ``label`` disagreement; any other group is a
``boundary`` disagreement. A group where labels and boundaries both differ is therefore
reported as ``label``; an overlap between keys of different labels and different
offsets is no disagreement of its own, each key is judged on its own.

Settling. A decision names one candidate key. A disagreement is settled once any of
its candidates has a decision (accepting one boundary version settles the boundary
disagreement; the reviewer may still decide on the others). A document is settled
when every disagreement is settled *and* every agreed key has a decision, so a
document cannot be marked reviewed while the spans everybody agreed on are silently
missing from gold (:func:`accept_agreed` decides them all at once). Rejecting a key
that is in gold takes it out again: the latest decision on a key holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from annotator.core.amounts import reading as amounts
from annotator.core.attribution import links
from annotator.core.errors import AnnotatorError
from annotator.core.language import document_language
from annotator.core.models import (
    GOLD_LAYER,
    Decision,
    DecisionKind,
    Document,
    Link,
    Origin,
    Span,
    Status,
)
from annotator.core.scheme import set_span_attribute
from annotator.core.store import Store, new_id

SpanKey = tuple[int, int, str]
"""(start, end, label): what two layers must share for their spans to be the same."""


class ReviewError(AnnotatorError):
    """A review operation cannot be carried out as asked."""


class DisagreementKind(StrEnum):
    MISSING = "missing"
    """Only some of the chosen annotators have the span."""
    LABEL = "label"
    """Same offsets, different labels."""
    BOUNDARY = "boundary"
    """Same label, overlapping, different boundaries."""


class Candidate(BaseModel):
    """One version of a span, as one or more annotators had it."""

    start: int
    end: int
    label: str
    text: str
    annotators: list[str] = Field(description="The chosen annotators whose layer has it.")
    decision: Decision | None = Field(
        default=None, description="The latest decision on this key, if any."
    )

    @property
    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)


class Disagreement(BaseModel):
    kind: DisagreementKind
    start: int = Field(description="Start of the first candidate (for navigation).")
    end: int = Field(description="End of the candidate that reaches furthest.")
    candidates: list[Candidate]
    missing_from: list[str] = Field(
        description="Chosen annotators who have none of the candidates."
    )

    @property
    def settled(self) -> bool:
        return any(candidate.decision is not None for candidate in self.candidates)


class ReviewState(BaseModel):
    """Everything the review of one document shows, in document order."""

    doc_id: str
    annotators: list[str]
    agreed: list[Candidate]
    disagreements: list[Disagreement]
    decisions: list[Decision]
    gold: list[Span]

    @property
    def unsettled(self) -> list[Disagreement]:
        return [item for item in self.disagreements if not item.settled]

    @property
    def undecided_agreed(self) -> list[Candidate]:
        return [candidate for candidate in self.agreed if candidate.decision is None]

    @property
    def settled(self) -> bool:
        return not self.unsettled and not self.undecided_agreed


class GoldDiff(BaseModel):
    """How one annotator's layer differs from the gold layer of a document."""

    doc_id: str
    annotator: str
    matching: list[Candidate] = Field(description="Spans exactly as in gold.")
    differences: list[Disagreement] = Field(
        description="Disagreements between the layer and gold, kinds as in review."
    )

    @property
    def extra(self) -> list[Candidate]:
        """Spans of the annotator that gold lacks entirely."""
        return [
            candidate
            for item in self.differences
            if item.kind == DisagreementKind.MISSING
            for candidate in item.candidates
            if candidate.annotators == [self.annotator]
        ]

    @property
    def missed(self) -> list[Candidate]:
        """Gold spans the annotator lacks entirely."""
        return [
            candidate
            for item in self.differences
            if item.kind == DisagreementKind.MISSING
            for candidate in item.candidates
            if candidate.annotators == [GOLD_LAYER]
        ]


@dataclass(frozen=True)
class ReviewChange:
    """What one review operation wrote, so that it can be taken back and redone."""

    doc_id: str
    decisions: tuple[Decision, ...] = ()
    gold_spans_added: tuple[Span, ...] = ()
    """Gold spans the operation created (a decision on a key already in gold reuses
    that gold span and creates none)."""
    gold_spans_removed: tuple[Span, ...] = ()
    """Gold spans a rejection took out of gold (the key had been accepted before)."""
    gold_links_added: tuple[Link, ...] = ()
    """Links carried into gold: an annotator's link between two spans that are both in
    gold now."""
    gold_links_removed: tuple[Link, ...] = ()
    """Gold links that went with the gold spans a rejection took out."""
    gold_status_before: Status | None = None
    gold_status_after: Status | None = None


# -- comparing layers (pure) -------------------------------------------------------


def _overlap(a: SpanKey, b: SpanKey) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def compare_layers(
    layers: Mapping[str, Iterable[SpanKey]],
    text: str,
    decisions: Sequence[Decision] = (),
) -> tuple[list[Candidate], list[Disagreement]]:
    """Agreed candidates and disagreements between ``layers`` (annotator -> keys).

    ``decisions`` (oldest first) fill in each candidate's latest decision.
    """
    names = list(layers)
    holders: dict[SpanKey, list[str]] = {}
    for name in names:
        for key in set(layers[name]):
            holders.setdefault(key, []).append(name)
    latest: dict[SpanKey, Decision] = {}
    for decision in decisions:
        latest[(decision.start, decision.end, decision.label)] = decision

    def candidate(key: SpanKey) -> Candidate:
        return Candidate(
            start=key[0],
            end=key[1],
            label=key[2],
            text=text[key[0] : key[1]],
            annotators=[name for name in names if name in holders[key]],
            decision=latest.get(key),
        )

    order = sorted(holders, key=lambda key: (key[0], -key[1], key[2]))
    agreed = [candidate(key) for key in order if len(holders[key]) == len(names)]
    open_keys = [key for key in order if len(holders[key]) < len(names)]

    # Union-find over the keys nobody fully agrees on; a document holds few of them.
    parent = list(range(len(open_keys)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, a in enumerate(open_keys):
        for j in range(i + 1, len(open_keys)):
            b = open_keys[j]
            if b[0] >= a[1]:
                break  # sorted by start: no later key overlaps a
            same_offsets = a[:2] == b[:2]
            if same_offsets or (a[2] == b[2] and _overlap(a, b)):
                parent[root(j)] = root(i)
    groups: dict[int, list[SpanKey]] = {}
    for index, key in enumerate(open_keys):
        groups.setdefault(root(index), []).append(key)

    disagreements = []
    for keys in groups.values():
        if len(keys) == 1:
            kind = DisagreementKind.MISSING
        elif len({key[:2] for key in keys}) < len(keys):
            kind = DisagreementKind.LABEL
        else:
            kind = DisagreementKind.BOUNDARY
        having = {name for key in keys for name in holders[key]}
        disagreements.append(
            Disagreement(
                kind=kind,
                start=min(key[0] for key in keys),
                end=max(key[1] for key in keys),
                candidates=[candidate(key) for key in keys],
                missing_from=[name for name in names if name not in having],
            )
        )
    disagreements.sort(key=lambda item: (item.start, -item.end, item.candidates[0].label))
    return agreed, disagreements


# -- reading the store ---------------------------------------------------------------


def _chosen(annotators: Sequence[str], minimum: int = 2) -> list[str]:
    chosen = list(dict.fromkeys(annotators))
    if len(chosen) < minimum:
        raise ReviewError(f"choose at least {minimum} different annotators to compare")
    return chosen


def _layers(store: Store, doc_id: str, annotators: Sequence[str]) -> dict[str, set[SpanKey]]:
    layers: dict[str, set[SpanKey]] = {name: set() for name in annotators}
    for span in store.spans(doc_id):
        if span.annotator in layers:
            layers[span.annotator].add((span.start, span.end, span.label))
    return layers


def _text(store: Store, doc_id: str) -> str:
    try:
        return store.document(doc_id).text
    except KeyError:
        raise ReviewError(f"no document {doc_id[:12]} in the project") from None


def review_state(store: Store, doc_id: str, annotators: Sequence[str]) -> ReviewState:
    """The review of one document by two or more annotators, with decisions so far."""
    chosen = _chosen(annotators)
    decisions = store.decisions(doc_id)
    agreed, disagreements_found = compare_layers(
        _layers(store, doc_id, chosen), _text(store, doc_id), decisions
    )
    return ReviewState(
        doc_id=doc_id,
        annotators=chosen,
        agreed=agreed,
        disagreements=disagreements_found,
        decisions=decisions,
        gold=store.spans(doc_id, GOLD_LAYER),
    )


def disagreements(store: Store, doc_id: str, annotators: Sequence[str]) -> list[Disagreement]:
    """Where the chosen annotators' layers differ, in document order."""
    return review_state(store, doc_id, annotators).disagreements


def agreed_spans(store: Store, doc_id: str, annotators: Sequence[str]) -> list[Candidate]:
    """The spans every chosen annotator has exactly (same start, end and label)."""
    return review_state(store, doc_id, annotators).agreed


def is_settled(store: Store, doc_id: str, annotators: Sequence[str]) -> bool:
    """Every disagreement and every agreed span has a decision."""
    return review_state(store, doc_id, annotators).settled


def diff_against_gold(store: Store, doc_id: str, annotator: str) -> GoldDiff:
    """How ``annotator``'s layer differs from the gold layer of the document."""
    if annotator == GOLD_LAYER:
        raise ReviewError("compare an annotator's layer with gold, not gold with itself")
    matching, differences = compare_layers(
        _layers(store, doc_id, [annotator, GOLD_LAYER]), _text(store, doc_id)
    )
    return GoldDiff(doc_id=doc_id, annotator=annotator, matching=matching, differences=differences)


class DocumentProgress(BaseModel):
    """Where the review of one document stands, for a document list."""

    doc_id: str
    title: str
    disagreements: int
    unsettled: int
    undecided_agreed: int
    reviewed: bool


def review_progress(store: Store, annotators: Sequence[str]) -> list[DocumentProgress]:
    """For every document at least two of the chosen annotators have spans in, in
    document order: how many disagreements it has and how many are still open."""
    chosen = _chosen(annotators)
    counts = store.span_counts_by_document()
    progress = []
    for summary in store.document_summaries(GOLD_LAYER):
        if sum(1 for name in chosen if counts.get(summary.id, {}).get(name)) < 2:
            continue
        state = review_state(store, summary.id, chosen)
        progress.append(
            DocumentProgress(
                doc_id=summary.id,
                title=summary.title,
                disagreements=len(state.disagreements),
                unsettled=len(state.unsettled),
                undecided_agreed=len(state.undecided_agreed),
                reviewed=summary.status == Status.REVIEWED,
            )
        )
    return progress


def gold_provenance(store: Store, doc_id: str | None = None) -> dict[str, Decision]:
    """For each gold span (by id), the latest decision that put it into gold: who had
    it (``annotators``), the reviewer and the kind of decision (for the gold export)."""
    provenance: dict[str, Decision] = {}
    for decision in store.decisions(doc_id):  # oldest first: the latest wins
        if decision.gold_span_id is not None:
            provenance[decision.gold_span_id] = decision
    return provenance


# -- decisions (each one transaction) ----------------------------------------------


def _decide(
    store: Store,
    doc_id: str,
    reviewer: str,
    candidate: SpanKey,
    annotators: Sequence[str],
    gold: SpanKey | None,
    comment: str | None,
    layers: Mapping[str, Sequence[Span]] | None = None,
    gold_spans: dict[SpanKey, Span] | None = None,
    link_index: _LinkIndex | None = None,
) -> tuple[Decision, Span | None, Span | None, list[Link], list[Link]]:
    """Record one decision (inside the caller's transaction); the gold span it created
    and the one it took out, if any, and the gold links it added and took out."""
    if not reviewer or not reviewer.strip():
        raise ReviewError("a decision needs the reviewer's name")
    document = store.document(doc_id)
    for start, end, _label in (candidate, gold or candidate):
        if not (0 <= start < end <= len(document.text)):
            raise ReviewError(
                f"offsets {start}-{end} do not fit document {doc_id[:12]} "
                f"(length {len(document.text)})"
            )
    if layers is None:
        by_name: dict[str, list[Span]] = {name: [] for name in annotators}
        for span in store.spans(doc_id):
            if span.annotator in by_name:
                by_name[span.annotator].append(span)
        layers = by_name
    had = [
        span
        for name in annotators
        for span in layers.get(name, ())
        if (span.start, span.end, span.label) == candidate
    ]
    had_names = list(dict.fromkeys(span.annotator for span in had))
    created: Span | None = None
    removed: Span | None = None
    links_removed: list[Link] = []
    gold_span_id: str | None = None
    if gold_spans is None:
        gold_spans = {(s.start, s.end, s.label): s for s in store.spans(doc_id, GOLD_LAYER)}
    if gold is None:
        kind = DecisionKind.REJECT
        # Rejecting what was accepted before takes it out of gold again.
        removed = gold_spans.pop(candidate, None)
        if removed is not None:
            links_removed = store.links(span_id=removed.id)
            store.delete_span(removed.id)  # its links go with it
    else:
        if gold != candidate:
            kind = DecisionKind.EDIT
        else:
            kind = DecisionKind.ACCEPT if had_names else DecisionKind.ADD
        existing = gold_spans.get(gold)
        if existing is not None:
            gold_span_id = existing.id
        else:
            try:
                created = store.make_span(
                    document,
                    GOLD_LAYER,
                    gold[0],
                    gold[1],
                    gold[2],
                    origin=Origin.REVIEW.value,
                    attrs=_gold_attrs(store, document, had, candidate, gold),
                )
                store.add_span(created)
            except AnnotatorError as error:
                raise ReviewError(str(error)) from error
            gold_spans[gold] = created
            gold_span_id = created.id
    decision = Decision(
        id=new_id(),
        doc_id=doc_id,
        reviewer=reviewer,
        decision=kind,
        start=candidate[0],
        end=candidate[1],
        label=candidate[2],
        gold_span_id=gold_span_id,
        annotators=had_names,
        comment=comment,
    )
    store.add_decisions([decision])
    if link_index is None:
        link_index = _LinkIndex(store, doc_id, annotators, gold_spans)
    link_index.decided(decision)
    links_added = _carry_links(link_index, had, gold_span_id) if gold_span_id else []
    return decision, created, removed, links_added, links_removed


def _gold_attrs(
    store: Store, document: Document, had: Sequence[Span], candidate: SpanKey, gold: SpanKey
) -> dict[str, Any] | None:
    """The attributes of a new gold span. An accepted span comes with its own (an
    amount's value, currency and so on). An amount the reviewer added or edited is read
    from its text, as in the window, unless a person had set its value (F2) and only its
    boundaries moved. A scheme attribute the annotators gave different values (or
    one set and another did not) stays unset: the reviewer settles it."""
    if had and gold == candidate:
        attrs = dict(had[0].attrs)
        for name in _disputed_attributes(store, had):
            attrs.pop(name, None)
        return attrs
    if gold[2] != amounts.AMOUNT_LABEL:
        return None
    for span in had:
        if span.label == amounts.AMOUNT_LABEL and span.attrs.get("checked"):
            return dict(span.attrs)
    language = document_language(store, document)
    return amounts.attrs_for_span(document.text[gold[0] : gold[1]], language)


def _disputed_attributes(store: Store, had: Sequence[Span]) -> list[str]:
    """The scheme attributes on which the spans ``had`` do not all agree."""
    if len(had) < 2:
        return []
    label = store.label_set().get(had[0].label)
    return [
        definition.name
        for definition in (label.attributes if label is not None else ())
        if len({json.dumps(span.attrs.get(definition.name)) for span in had}) > 1
    ]


class AttributeDisagreement(BaseModel):
    """Annotators who tagged a span alike but gave one of its attributes different
    values; the reviewer picks the gold value."""

    start: int
    end: int
    label: str
    attribute: str
    values: dict[str, Any] = Field(description="Annotator -> value (None: not set).")
    gold_span_id: str | None = None
    gold_value: Any = None


def attribute_disagreements(
    store: Store, doc_id: str, annotators: Sequence[str]
) -> list[AttributeDisagreement]:
    """Every attribute the chosen annotators disagree on, span by span, with the gold
    span's value where the span is in gold."""
    by_key: dict[SpanKey, list[Span]] = {}
    gold: dict[SpanKey, Span] = {}
    for span in store.spans(doc_id):
        key = (span.start, span.end, span.label)
        if span.annotator == GOLD_LAYER:
            gold[key] = span
        elif span.annotator in annotators:
            by_key.setdefault(key, []).append(span)
    found = []
    for key, had in sorted(by_key.items()):
        for name in _disputed_attributes(store, had):
            in_gold = gold.get(key)
            found.append(
                AttributeDisagreement(
                    start=key[0],
                    end=key[1],
                    label=key[2],
                    attribute=name,
                    values={span.annotator: span.attrs.get(name) for span in had},
                    gold_span_id=in_gold.id if in_gold is not None else None,
                    gold_value=in_gold.attrs.get(name) if in_gold is not None else None,
                )
            )
    return found


def settle_attribute(
    store: Store, gold_span_id: str, attribute: str, value: Any
) -> tuple[Span, Span]:
    """The reviewer's value for a gold span's attribute: (before, after)."""
    span = store.span(gold_span_id)
    if span.annotator != GOLD_LAYER:
        raise ReviewError(f"span {gold_span_id} is not in gold")
    return set_span_attribute(store, gold_span_id, attribute, value)


class _LinkIndex:
    """What carrying links into gold looks up, read once per review operation: the
    document's spans, the chosen annotators' links, the latest decision on each key and
    the gold spans (the very dict ``_decide`` keeps up to date). Accepting 600 agreed
    spans with 300 links took a minute when each lookup was a query."""

    def __init__(
        self,
        store: Store,
        doc_id: str,
        annotators: Sequence[str],
        gold_spans: dict[SpanKey, Span],
    ) -> None:
        self.store = store
        self.doc_id = doc_id
        self.annotators = list(annotators)
        self.gold_spans = gold_spans
        spans = store.spans(doc_id)
        self.spans = {span.id: span for span in spans}
        self.by_layer_key: dict[tuple[str, SpanKey], list[Span]] = {}
        for span in spans:
            self.by_layer_key.setdefault((span.annotator, _span_key(span)), []).append(span)
        self.links_at: dict[str, list[Link]] = {}
        for link in store.links(doc_id=doc_id, annotators=self.annotators):
            for end in {link.from_span, link.to_span}:
                self.links_at.setdefault(end, []).append(link)
        self.latest = _latest_gold_by_key(store, doc_id)

    def decided(self, decision: Decision) -> None:
        self.latest[(decision.start, decision.end, decision.label)] = decision.gold_span_id

    def span(self, span_id: str) -> Span:
        found = self.spans.get(span_id)
        return found if found is not None else self.store.span(span_id)

    def links_of(self, span: Span) -> list[Link]:
        if span.doc_id == self.doc_id:
            return self.links_at.get(span.id, [])
        return self.store.links(span_id=span.id, annotators=self.annotators)

    def layer_spans_like(self, name: str, span: Span) -> list[Span]:
        """``name``'s spans with the offsets and label of ``span``, in its document."""
        if span.doc_id == self.doc_id:
            return self.by_layer_key.get((name, _span_key(span)), [])
        return [
            own for own in self.store.spans(span.doc_id, name) if _span_key(own) == _span_key(span)
        ]

    def gold_counterpart(self, span: Span) -> str | None:
        """The gold span an annotator's span became: the gold span of the latest
        decision on its key (None if that was a rejection), or else a gold span with
        its key."""
        latest, gold_spans = self.latest, self.gold_spans
        if span.doc_id != self.doc_id:  # a link to another article: rare, read it there
            latest = _latest_gold_by_key(self.store, span.doc_id)
            gold_spans = _gold_by_key(self.store, span.doc_id)
        key = _span_key(span)
        if key in latest:
            gold_id = latest[key]
            return gold_id if gold_id is not None and self.store.has_span(gold_id) else None
        gold = gold_spans.get(key)
        return gold.id if gold is not None else None

    def agreed(self, link_type: str, source: Span, target: Span) -> bool:
        """Whether every chosen annotator who tagged ``source`` (same offsets and label)
        linked it to ``target`` (same offsets and label) with this type."""
        for name in self.annotators:
            own = self.layer_spans_like(name, source)
            if own and not any(
                link.type == link_type
                and link.from_span == span.id
                and link.annotator == name
                and _same_place(self.span(link.to_span), target)
                for span in own
                for link in self.links_of(span)
            ):
                return False
        return True


def _span_key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def _same_place(a: Span, b: Span) -> bool:
    """Same document, offsets and label (in two layers, the same span)."""
    return a.doc_id == b.doc_id and _span_key(a) == _span_key(b)


def _latest_gold_by_key(store: Store, doc_id: str) -> dict[SpanKey, str | None]:
    """Each decided key -> the gold span of its latest decision (None: rejected)."""
    latest: dict[SpanKey, str | None] = {}
    for decision in store.decisions(doc_id):  # oldest first: the latest wins
        latest[(decision.start, decision.end, decision.label)] = decision.gold_span_id
    return latest


def _gold_by_key(store: Store, doc_id: str) -> dict[SpanKey, Span]:
    return {_span_key(span): span for span in store.spans(doc_id, GOLD_LAYER)}


def _carry_links(index: _LinkIndex, had: Sequence[Span], gold_span_id: str) -> list[Link]:
    """Copy into gold the links from or to the spans ``had`` (now gold span
    ``gold_span_id``) that the chosen annotators agree on and whose other end is in
    gold too; returns the new links.

    A said_by from the claim to "Sam Altman" becomes a said_by between the gold claim and
    the gold "Sam Altman" once both are accepted, whichever comes first. A link is agreed
    when every chosen annotator who tagged its first span made it: when Alice says Sam
    Altman made the claim and Bob says Andrew Bosworth did, gold gets neither, and the
    gold claim is reported unattributed until the reviewer links it.
    """
    store = index.store
    added: list[Link] = []
    for span in had:
        for link in index.links_of(span):
            source, target = index.span(link.from_span), index.span(link.to_span)
            if not index.agreed(link.type, source, target):
                continue
            gold_ends = tuple(
                gold_span_id if end.id == span.id else index.gold_counterpart(end)
                for end in (source, target)
            )
            if gold_ends[0] is None or gold_ends[1] is None:
                continue
            if store.find_link(link.type, gold_ends[0], gold_ends[1]) is not None:
                continue
            try:
                kind = links.link_type(store.label_set(), link.type)
                gold_source, gold_target = store.span(gold_ends[0]), store.span(gold_ends[1])
                links.check_link(store, kind, gold_source, gold_target, GOLD_LAYER)
            except links.LinkError:
                continue  # e.g. the reviewer relabelled one end: the link no longer fits
            added.append(
                store.insert_link(
                    Link(
                        id=new_id(),
                        type=link.type,
                        from_span=gold_source.id,
                        to_span=gold_target.id,
                        annotator=GOLD_LAYER,
                    )
                )
            )
    return added


def _single(
    store: Store,
    doc_id: str,
    reviewer: str,
    candidate: SpanKey,
    annotators: Sequence[str],
    gold: SpanKey | None,
    comment: str | None,
) -> ReviewChange:
    if not store.has_document(doc_id):
        raise ReviewError(f"no document {doc_id[:12]} in the project")
    with store.transaction():
        decision, created, removed, links_added, links_removed = _decide(
            store, doc_id, reviewer, candidate, annotators, gold, comment
        )
    return ReviewChange(
        doc_id=doc_id,
        decisions=(decision,),
        gold_spans_added=(created,) if created is not None else (),
        gold_spans_removed=(removed,) if removed is not None else (),
        gold_links_added=tuple(links_added),
        gold_links_removed=tuple(links_removed),
    )


def accept(
    store: Store,
    doc_id: str,
    reviewer: str,
    start: int,
    end: int,
    label: str,
    annotators: Sequence[str],
    comment: str | None = None,
) -> ReviewChange:
    """Put the span into gold and record the decision, with the chosen annotators who
    had it (none: the decision is an ``add``)."""
    key = (start, end, label)
    return _single(store, doc_id, reviewer, key, annotators, key, comment)


def reject(
    store: Store,
    doc_id: str,
    reviewer: str,
    start: int,
    end: int,
    label: str,
    annotators: Sequence[str],
    comment: str | None = None,
) -> ReviewChange:
    """Record that the span stays out of gold."""
    key = (start, end, label)
    return _single(store, doc_id, reviewer, key, annotators, None, comment)


def edit(
    store: Store,
    doc_id: str,
    reviewer: str,
    start: int,
    end: int,
    label: str,
    annotators: Sequence[str],
    *,
    new_start: int | None = None,
    new_end: int | None = None,
    new_label: str | None = None,
    comment: str | None = None,
) -> ReviewChange:
    """Accept the candidate (start, end, label) into gold with other boundaries or label."""
    gold = (
        start if new_start is None else new_start,
        end if new_end is None else new_end,
        label if new_label is None else new_label,
    )
    return _single(store, doc_id, reviewer, (start, end, label), annotators, gold, comment)


def accept_agreed(
    store: Store,
    doc_id: str,
    annotators: Sequence[str],
    reviewer: str,
    comment: str | None = None,
) -> ReviewChange:
    """Accept every span all chosen annotators agree on and that has no decision yet."""
    state = review_state(store, doc_id, annotators)
    pending = state.undecided_agreed
    recorded: list[Decision] = []
    created_spans: list[Span] = []
    carried: list[Link] = []
    with store.transaction():
        layers: dict[str, list[Span]] = {name: [] for name in state.annotators}
        for span in store.spans(doc_id):
            if span.annotator in layers:
                layers[span.annotator].append(span)
        gold_spans = {(s.start, s.end, s.label): s for s in state.gold}
        link_index = _LinkIndex(store, doc_id, state.annotators, gold_spans)
        for candidate in pending:
            decision, created, _, links_added, _ = _decide(
                store,
                doc_id,
                reviewer,
                candidate.key,
                state.annotators,
                candidate.key,
                comment,
                layers=layers,
                gold_spans=gold_spans,
                link_index=link_index,
            )
            recorded.append(decision)
            carried.extend(links_added)
            if created is not None:
                created_spans.append(created)
    return ReviewChange(
        doc_id=doc_id,
        decisions=tuple(recorded),
        gold_spans_added=tuple(created_spans),
        gold_links_added=tuple(carried),
    )


def mark_reviewed(store: Store, doc_id: str, annotators: Sequence[str]) -> ReviewChange:
    """Mark the document's gold layer reviewed; refused while anything is unsettled."""
    state = review_state(store, doc_id, annotators)
    if not state.settled:
        raise ReviewError(
            f"document {doc_id[:12]} is not settled: {len(state.unsettled)} disagreement(s) "
            f"and {len(state.undecided_agreed)} agreed span(s) still need a decision"
        )
    before = store.status(doc_id, GOLD_LAYER)
    store.set_status(doc_id, GOLD_LAYER, Status.REVIEWED)
    return ReviewChange(doc_id=doc_id, gold_status_before=before, gold_status_after=Status.REVIEWED)


# -- undo and redo -------------------------------------------------------------------


def revert(store: Store, change: ReviewChange) -> None:
    """Take back what ``change`` wrote (one transaction).

    A gold span goes only when no remaining decision points at it.
    """
    with store.transaction():
        store.delete_decisions(decision.id for decision in change.decisions)
        for link in change.gold_links_added:
            found = store.find_link(link.type, link.from_span, link.to_span)
            if found is not None and found.id == link.id:
                store.delete_link(link.id)
        for span in change.gold_spans_added:
            if store.has_span(span.id) and store.gold_span_references(span.id) == 0:
                store.delete_span(span.id)
        for span in change.gold_spans_removed:
            if not store.has_span(span.id):
                store.add_span(span)
        _restore_links(store, change.gold_links_removed)
        if change.gold_status_before is not None:
            store.set_status(change.doc_id, GOLD_LAYER, change.gold_status_before)


def reapply(store: Store, change: ReviewChange) -> None:
    """Write ``change`` again exactly as it was, same ids and times (redo)."""
    with store.transaction():
        for span in change.gold_spans_added:
            if not store.has_span(span.id):
                store.add_span(span)
        store.add_decisions(change.decisions)
        _restore_links(store, change.gold_links_added)
        for span in change.gold_spans_removed:
            if store.has_span(span.id):
                store.delete_span(span.id)
        if change.gold_status_after is not None:
            store.set_status(change.doc_id, GOLD_LAYER, change.gold_status_after)


def _restore_links(store: Store, saved: Iterable[Link]) -> None:
    """Put links back as they were, those whose two spans are there and that are not."""
    for link in saved:
        ends_there = store.has_span(link.from_span) and store.has_span(link.to_span)
        if ends_there and store.find_link(link.type, link.from_span, link.to_span) is None:
            store.insert_link(link)


def undo_decision(store: Store, decision_id: str) -> ReviewChange:
    """Take back one recorded decision and the gold span it alone stood for.

    Returns what was taken back; :func:`reapply` puts it back. A gold span that a
    rejection took out is not known from the decision alone: to bring it back, revert
    the :class:`ReviewChange` that :func:`reject` returned (as an undo stack does).
    """
    try:
        decision = store.decision(decision_id)
    except KeyError:
        raise ReviewError(f"no decision {decision_id} in the project") from None
    gold: tuple[Span, ...] = ()
    gold_links: tuple[Link, ...] = ()
    gold_id = decision.gold_span_id
    if gold_id is not None and store.has_span(gold_id) and store.gold_span_references(gold_id) == 1:
        gold = (store.span(gold_id),)
        gold_links = tuple(store.links(span_id=gold_id))  # they go with it, and come back
    change = ReviewChange(
        doc_id=decision.doc_id,
        decisions=(decision,),
        gold_spans_added=gold,
        gold_links_added=gold_links,
    )
    revert(store, change)
    return change

"""The claim ledger: every claim with who made it, its amounts, where it appears, and
who denied it, across all articles.

Claims are grouped into one ledger row when an annotator linked them ``same_as``
(transitively). The ledger also *proposes* groups the annotator has not made, by a
simple score between two rows:

    2 per normalised amount they share   (100 000 000 USD == "100 millions $")
    1 per source entity they share        (both said_by "Sam Altman")
    1 per entity both claims mention      (a person or organisation span inside both)

A pair scoring ``PROPOSAL_THRESHOLD`` (2) or more is proposed: one shared amount is
enough, a shared source needs one more thing in common. Entities are compared by
their text with case, accents and spacing ignored, and a lone surname ("Altman") is
the same person as the one full name that ends with it ("Sam Altman"). Amount
qualifiers ("jusqu'à", "plus de") are ignored: the figure and currency decide.
Proposals are suggestions for the editor; only a ``same_as`` link groups claims.
Each row gets at most ``PROPOSALS_PER_ROW`` (3) proposals, its best, and a key shared
by more than ``COMMON_KEY_ROWS`` (30) rows counts for nothing: when every claim
mentions Meta, mentioning Meta says nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from annotator.core.amounts import reading as amounts
from annotator.core.attribution.links import (
    AMOUNT_OF,
    DENIES,
    SAID_BY,
    SAME_AS,
    AttributionProblem,
    check,
)
from annotator.core.damaged_rows import DamagedDocument
from annotator.core.models import Span
from annotator.core.store import Store

CLAIM_LABEL = "claim"
DENIAL_LABEL = "denial"
ENTITY_LABELS = ("person", "organisation")
PERSON_LABEL = "person"

SHARED_AMOUNT_SCORE = 2
SHARED_SOURCE_SCORE = 1
SHARED_ENTITY_SCORE = 1
PROPOSAL_THRESHOLD = 2
PROPOSALS_PER_ROW = 3
COMMON_KEY_ROWS = 30


def entity_key(text: str) -> str:
    """Case, accents, spacing and surrounding punctuation ignored: 'Sam  Altman' ==
    'sam altman', 'Société Générale' == 'societe generale'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split()).strip(" .,;:!?'\"«»“”’()[]")


AmountKey = tuple[Any, ...]


def amount_key(attrs: dict[str, Any]) -> AmountKey | None:
    """What two amounts must share to be the same figure; None when unreadable."""
    if not attrs.get("readable", True):
        return None
    unit = attrs.get("unit")
    currency = attrs.get("currency")
    if "min" in attrs and "max" in attrs:
        return ("range", attrs["min"], attrs["max"], currency, unit)
    if "value" in attrs:
        return ("value", attrs["value"], currency, unit)
    return None


@dataclass(frozen=True)
class Source:
    """A person or organisation a statement is ``said_by``."""

    span: Span
    key: str
    """Canonical entity key: the same for 'Altman' and 'Sam Altman'."""

    @property
    def name(self) -> str:
        return self.span.text


@dataclass(frozen=True)
class Amount:
    span: Span
    attrs: dict[str, Any]

    @property
    def reading(self) -> str:
        return amounts.format_amount(self.attrs)

    def reading_in(self, words: amounts.AmountWords) -> str:
        """The reading in another language's words (the French report, the window)."""
        return amounts.format_amount(self.attrs, words)

    @property
    def key(self) -> AmountKey | None:
        return amount_key(self.attrs)


@dataclass
class Denial:
    span: Span
    doc_title: str
    order: int = 0
    """Position among all denials, in project order."""
    sources: list[Source] = field(default_factory=list)
    denies: list[Span] = field(default_factory=list)
    """The claims this denial denies (maybe in other articles)."""


@dataclass
class LedgerClaim:
    span: Span
    doc_title: str
    sources: list[Source] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    entities: list[Source] = field(default_factory=list)
    """People and organisations tagged inside the claim (not necessarily its sources)."""
    denials: list[Denial] = field(default_factory=list)


def _unique_by(items: Iterable[Any], key: Any) -> list[Any]:
    seen: set[Any] = set()
    kept = []
    for item in items:
        marker = key(item)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return kept


@dataclass
class ClaimGroup:
    """One ledger row: a claim, or several claims linked ``same_as``."""

    number: int
    claims: list[LedgerClaim]

    @property
    def label(self) -> str:
        return f"C{self.number}"

    @property
    def sources(self) -> list[Source]:
        return _unique_by((s for c in self.claims for s in c.sources), lambda s: s.key)

    @property
    def amounts(self) -> list[Amount]:
        return _unique_by(
            (a for c in self.claims for a in c.amounts), lambda a: a.key or ("span", a.span.id)
        )

    @property
    def articles(self) -> list[tuple[str, str]]:
        """``(doc_id, title)`` of the articles the claim appears in, in project order."""
        return _unique_by(((c.span.doc_id, c.doc_title) for c in self.claims), lambda a: a[0])

    @property
    def denials(self) -> list[Denial]:
        denials = _unique_by((d for c in self.claims for d in c.denials), lambda d: d.span.id)
        return sorted(denials, key=lambda d: d.order)

    def amount_keys(self) -> set[AmountKey]:
        return {a.key for a in self.amounts if a.key is not None}

    def source_keys(self) -> set[str]:
        return {s.key for s in self.sources}

    def entity_keys(self) -> set[str]:
        return {e.key for c in self.claims for e in c.entities}


ReasonKind = Literal["same_amount", "same_source", "both_mention"]


@dataclass(frozen=True)
class ProposalReason:
    """One thing two ledger rows have in common: an amount, a source, or a person or
    organisation both claims mention. Kept structured so that the window and the
    report can say it in their language; ``str()`` says it in English."""

    kind: ReasonKind
    subject: Amount | Source

    def __str__(self) -> str:
        if isinstance(self.subject, Amount):
            return f"same amount {self.subject.reading}"
        if self.kind == "same_source":
            return f"same source {self.subject.name}"
        return f"both mention {self.subject.name}"


@dataclass(frozen=True)
class Proposal:
    """Two ledger rows that may be the same claim, and why."""

    first: ClaimGroup
    second: ClaimGroup
    score: int
    grounds: list[ProposalReason]

    @property
    def reasons(self) -> list[str]:
        """The grounds in English: "same amount 100 000 000 USD", "both mention Meta"."""
        return [str(ground) for ground in self.grounds]


@dataclass
class SourceRecord:
    """Everything one person or organisation is said to have claimed or denied."""

    key: str
    name: str
    label: str
    claims: list[tuple[ClaimGroup, LedgerClaim]] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)


@dataclass
class Ledger:
    groups: list[ClaimGroup]
    proposals: list[Proposal]
    sources: list[SourceRecord]
    problems: list[AttributionProblem]
    denials: list[Denial]
    """Every denial, in project order, whether or not it denies a claim."""

    _rows_by_claim: dict[str, ClaimGroup] = field(default_factory=dict, repr=False)

    def group_of(self, claim_span_id: str) -> ClaimGroup | None:
        """The row of the claim span ``claim_span_id``."""
        if not self._rows_by_claim:
            self._rows_by_claim = {c.span.id: g for g in self.groups for c in g.claims}
        return self._rows_by_claim.get(claim_span_id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


def _surname_merges(spans: Iterable[Span]) -> dict[str, str]:
    """Lone surnames -> the one full name ending with them ('altman' -> 'sam altman')."""
    full_names: dict[str, set[str]] = {}
    surnames: set[str] = set()
    for span in spans:
        if span.label != PERSON_LABEL:
            continue
        key = entity_key(span.text)
        words = key.split()
        if len(words) == 1:
            surnames.add(key)
        elif words:
            full_names.setdefault(words[-1], set()).add(key)
    return {
        surname: next(iter(full_names[surname]))
        for surname in surnames
        if len(full_names.get(surname, ())) == 1
    }


def build(store: Store, annotator: str | None = None) -> Ledger:
    """The ledger of one layer (``annotator``, e.g. 'gold'), or of every layer."""
    layers = [annotator] if annotator is not None else None
    store.damaged_span_rows()  # left out of what follows, and named
    spans = [span for span in store.iter_spans(annotator)]
    by_id = {span.id: span for span in spans}
    links = [
        link
        for link in store.links(annotators=layers)
        if link.from_span in by_id and link.to_span in by_id
    ]
    titles = {summary.id: summary.title for summary in store.document_summaries()}
    merges = _surname_merges(spans)

    def source_of(span: Span) -> Source:
        key = entity_key(span.text)
        return Source(span, merges.get(key, key) if span.label == PERSON_LABEL else key)

    languages: dict[str, str | None] = {}

    def amount_of(span: Span) -> Amount:
        attrs = span.attrs
        if "readable" not in attrs and "value" not in attrs and "min" not in attrs:
            if span.doc_id not in languages:
                try:
                    languages[span.doc_id] = store.document(span.doc_id).language
                except DamagedDocument:
                    languages[span.doc_id] = None
            attrs = amounts.attrs_for_span(span.text, languages[span.doc_id] or "fr")
        return Amount(span, attrs)

    claims: dict[str, LedgerClaim] = {}
    denials: dict[str, Denial] = {}
    entities_by_doc: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        title = titles.get(span.doc_id, span.doc_id[:12])
        if span.label == CLAIM_LABEL:
            claims[span.id] = LedgerClaim(span, title)
        elif span.label == DENIAL_LABEL:
            denials[span.id] = Denial(span, title, order=len(denials))
        elif span.label in ENTITY_LABELS:
            entities_by_doc.setdefault((span.doc_id, span.annotator), []).append(span)

    for claim in claims.values():
        inside = entities_by_doc.get((claim.span.doc_id, claim.span.annotator), [])
        claim.entities = _unique_by(
            (
                source_of(entity)
                for entity in inside
                if claim.span.start <= entity.start and entity.end <= claim.span.end
            ),
            lambda s: s.key,
        )

    groups = _UnionFind()
    for claim_id in claims:
        groups.find(claim_id)
    for link in links:
        source, target = by_id[link.from_span], by_id[link.to_span]
        if link.type == SAID_BY:
            if source.id in claims:
                claims[source.id].sources.append(source_of(target))
            elif source.id in denials:
                denials[source.id].sources.append(source_of(target))
        elif link.type == AMOUNT_OF and target.id in claims:
            claims[target.id].amounts.append(amount_of(source))
        elif link.type == DENIES and source.id in denials and target.id in claims:
            denials[source.id].denies.append(target)
            claims[target.id].denials.append(denials[source.id])
        elif link.type == SAME_AS and source.id in claims and target.id in claims:
            groups.union(source.id, target.id)

    members: dict[str, list[LedgerClaim]] = {}
    for claim_id, claim in claims.items():  # iter_spans order: project order
        members.setdefault(groups.find(claim_id), []).append(claim)
    ledger_groups = [
        ClaimGroup(number, group) for number, group in enumerate(members.values(), start=1)
    ]
    return Ledger(
        groups=ledger_groups,
        proposals=propose(ledger_groups),
        sources=_source_records(ledger_groups, denials.values()),
        problems=check(store, layers),
        denials=list(denials.values()),
    )


def score(
    first: ClaimGroup, second: ClaimGroup, common: frozenset[Any] = frozenset()
) -> tuple[int, list[ProposalReason]]:
    """How alike two ledger rows are (see the module docstring), and why. Keys in
    ``common`` (``("amount", key)`` or ``("entity", key)``) count for nothing."""
    reasons: list[ProposalReason] = []
    total = 0
    shared_amounts = {
        key for key in first.amount_keys() & second.amount_keys() if ("amount", key) not in common
    }
    for amount in first.amounts:
        if amount.key in shared_amounts:
            reasons.append(ProposalReason("same_amount", amount))
            total += SHARED_AMOUNT_SCORE
            shared_amounts.discard(amount.key)
    shared_sources = {
        key for key in first.source_keys() & second.source_keys() if ("entity", key) not in common
    }
    for source in first.sources:
        if source.key in shared_sources:
            reasons.append(ProposalReason("same_source", source))
            total += SHARED_SOURCE_SCORE
    shared_entities = {
        key
        for key in first.entity_keys() & second.entity_keys()
        if ("entity", key) not in common and key not in first.source_keys() & second.source_keys()
    }
    for entity in _unique_by((e for c in first.claims for e in c.entities), lambda e: e.key):
        if entity.key in shared_entities:
            reasons.append(ProposalReason("both_mention", entity))
            total += SHARED_ENTITY_SCORE
    return total, reasons


def propose(groups: Sequence[ClaimGroup]) -> list[Proposal]:
    """Pairs of rows scoring at least PROPOSAL_THRESHOLD, best first, at most
    PROPOSALS_PER_ROW for each row. Only rows sharing a key are compared, and a key
    held by more than COMMON_KEY_ROWS rows is no evidence ("Meta" in every claim of a
    project about Meta), so a large project neither costs n² comparisons nor buries
    the editor in proposals."""
    by_key: dict[Any, list[int]] = {}
    for index, group in enumerate(groups):
        keys: set[Any] = {("amount", k) for k in group.amount_keys()}
        keys |= {("entity", k) for k in group.source_keys() | group.entity_keys()}
        for key in keys:
            by_key.setdefault(key, []).append(index)
    common = frozenset(key for key, indexes in by_key.items() if len(indexes) > COMMON_KEY_ROWS)
    pairs: set[tuple[int, int]] = set()
    for key, indexes in by_key.items():
        if key not in common:
            pairs.update(combinations(indexes, 2))
    candidates = []
    for first, second in sorted(pairs):
        total, reasons = score(groups[first], groups[second], common)
        if total >= PROPOSAL_THRESHOLD:
            candidates.append(Proposal(groups[first], groups[second], total, reasons))
    candidates.sort(key=lambda p: (-p.score, p.first.number, p.second.number))
    per_row: dict[int, int] = {}
    proposals = []
    for proposal in candidates:
        ends = (proposal.first.number, proposal.second.number)
        if all(per_row.get(end, 0) < PROPOSALS_PER_ROW for end in ends):
            proposals.append(proposal)
            for end in ends:
                per_row[end] = per_row.get(end, 0) + 1
    return proposals


def _source_records(groups: Sequence[ClaimGroup], denials: Iterable[Denial]) -> list[SourceRecord]:
    records: dict[str, SourceRecord] = {}

    def record_for(source: Source) -> SourceRecord:
        record = records.get(source.key)
        if record is None:
            record = records[source.key] = SourceRecord(source.key, source.name, source.span.label)
        elif len(source.name) > len(record.name):
            record.name = source.name  # 'Sam Altman' rather than 'Altman'
        return record

    for group in groups:
        for claim in group.claims:
            for source in _unique_by(claim.sources, lambda s: s.key):
                record_for(source).claims.append((group, claim))
    for denial in denials:
        for source in _unique_by(denial.sources, lambda s: s.key):
            record_for(source).denials.append(denial)
    return sorted(records.values(), key=lambda r: (r.name.casefold(), r.key))

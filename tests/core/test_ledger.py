"""The claim ledger on the seed example and on small made-up cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from annotator.core.attribution import ledger, links
from annotator.core.models import Document, Span
from annotator.core.store import Store


@pytest.fixture
def example(store: Store, build_seed_example: Callable[..., Any]) -> Any:
    return build_seed_example(store)


def row_of(built: ledger.Ledger, span: Span) -> ledger.ClaimGroup:
    group = built.group_of(span.id)
    assert group is not None, f"{span.text!r} is in no ledger row"
    return group


def test_altmans_claim_is_one_row_with_its_source_amount_articles_and_denials(
    store: Store, example: Any
) -> None:
    built = ledger.build(store)
    spans = example.spans
    row = row_of(built, spans["altman_claim_001"])
    # The same_as link puts the claim in seeds/000 in the same row.
    assert row is row_of(built, spans["altman_claim_000"])
    assert {claim.span.id for claim in row.claims} == {
        spans["altman_claim_000"].id,
        spans["altman_claim_001"].id,
    }
    assert [source.name for source in row.sources] == ["Sam Altman"]
    assert [(a.attrs["value"], a.attrs["currency"]) for a in row.amounts] == [(100_000_000, "USD")]
    assert {doc_id for doc_id, _ in row.articles} == {
        example.documents["000"].id,
        example.documents["001"].id,
    }
    denied_by = {
        denial.span.id: [source.name for source in denial.sources] for denial in row.denials
    }
    assert denied_by == {
        spans["bosworth_denial_000"].id: ["Andrew Bosworth"],
        spans["beyer_denial_000"].id: ["Lucas Beyer"],
        spans["beyer_denial_001"].id: ["Lucas Beyer"],
    }
    # In article order: seeds/000 (Bosworth, then Beyer), then seeds/001.
    assert [d.span.id for d in row.denials] == [
        spans["bosworth_denial_000"].id,
        spans["beyer_denial_000"].id,
        spans["beyer_denial_001"].id,
    ]


def test_bloombergs_report_is_its_own_row_with_a_normalised_amount(
    store: Store, example: Any
) -> None:
    built = ledger.build(store)
    row = row_of(built, example.spans["bloomberg_claim_001"])
    assert row is not row_of(built, example.spans["altman_claim_001"])
    assert [source.name for source in row.sources] == ["Bloomberg"]
    (amount,) = row.amounts
    assert (amount.attrs["value"], amount.attrs["currency"], amount.attrs["qualifier"]) == (
        200_000_000,
        "USD",
        "more_than",
    )
    assert row.denials == []


def test_the_ledger_proposes_rows_sharing_an_amount_or_a_source_and_an_entity(
    store: Store, example: Any
) -> None:
    built = ledger.build(store)
    spans = example.spans
    altman = row_of(built, spans["altman_claim_001"])
    wsj = row_of(built, spans["wsj_claim_004"])
    altman_004 = row_of(built, spans["altman_claim_004"])
    bloomberg = row_of(built, spans["bloomberg_claim_001"])
    proposed = {
        frozenset((p.first.number, p.second.number)): (p.score, p.reasons) for p in built.proposals
    }
    # The WSJ's "100 millions de dollars" and Altman's "100 millions $": one figure.
    assert proposed[frozenset((altman.number, wsj.number))][0] == ledger.SHARED_AMOUNT_SCORE
    score, reasons = proposed[frozenset((altman.number, altman_004.number))]
    assert score == ledger.SHARED_SOURCE_SCORE + ledger.SHARED_ENTITY_SCORE
    assert reasons == ["same source Sam Altman", "both mention Meta"]
    # Bloomberg's claim only mentions Meta too: below the threshold.
    assert not any(bloomberg.number in pair for pair in proposed)
    # Once the editor links them, the proposal becomes a row.
    links.add_link(store, "same_as", spans["altman_claim_004"].id, spans["altman_claim_001"].id)
    rebuilt = ledger.build(store)
    assert row_of(rebuilt, spans["altman_claim_004"]) is row_of(rebuilt, spans["altman_claim_000"])
    assert len(rebuilt.groups) == len(built.groups) - 1
    assert len(rebuilt.proposals) == len(built.proposals) - 1


def test_each_source_lists_what_they_claimed_and_denied(store: Store, example: Any) -> None:
    records = {record.name: record for record in ledger.build(store).sources}
    assert set(records) == {
        "Andrew Bosworth",
        "Bloomberg",
        "Lucas Beyer",
        "Sam Altman",
        "Wall Street Journal",
    }
    assert records["Lucas Beyer"].label == "person"
    assert [d.span.id for d in records["Lucas Beyer"].denials] == [
        example.spans["beyer_denial_000"].id,
        example.spans["beyer_denial_001"].id,
    ]
    assert records["Lucas Beyer"].claims == []
    assert [d.span.id for d in records["Andrew Bosworth"].denials] == [
        example.spans["bosworth_denial_000"].id
    ]
    assert {claim.span.id for _, claim in records["Sam Altman"].claims} == {
        example.spans["altman_claim_000"].id,
        example.spans["altman_claim_001"].id,
        example.spans["altman_claim_004"].id,
    }
    assert records["Bloomberg"].label == "organisation"


def test_the_seed_example_passes_the_checks(store: Store, example: Any) -> None:
    assert ledger.build(store).problems == []


TEXT = (
    "Altman affirme que Meta offre 100 M$ aux chercheurs. Selon Sam Altman, Meta offre "
    "des primes de 100 millions de dollars."
)


def tag(store: Store, document: Document, quote: str, label: str, **attrs: Any) -> Span:
    start = document.text.index(quote)
    span = store.make_span(document, "alice", start, start + len(quote), label, attrs=attrs)
    return store.add_span(span)


def test_amounts_without_attributes_are_read_by_the_normaliser_and_surnames_join_full_names(
    store: Store,
) -> None:
    document = Document.from_text(TEXT, language="fr")
    store.add_document(document)
    first = tag(store, document, "Meta offre 100 M$ aux chercheurs", "claim")
    second = tag(store, document, "Meta offre des primes de 100 millions de dollars", "claim")
    # Stored without attributes, as an imported amount might be.
    short_amount = tag(store, document, "100 M$", "amount")
    long_amount = tag(store, document, "100 millions de dollars", "amount")
    links.add_link(store, "said_by", first.id, tag(store, document, "Altman", "person").id)
    links.add_link(store, "said_by", second.id, tag(store, document, "Sam Altman", "person").id)
    links.add_link(store, "amount_of", short_amount.id, first.id)
    links.add_link(store, "amount_of", long_amount.id, second.id)

    built = ledger.build(store)
    first_row, second_row = row_of(built, first), row_of(built, second)
    assert first_row.amounts[0].attrs["value"] == 100_000_000
    assert first_row.amounts[0].key == second_row.amounts[0].key
    assert first_row.source_keys() == second_row.source_keys() == {"sam altman"}
    (proposal,) = built.proposals
    assert proposal.score == ledger.SHARED_AMOUNT_SCORE + ledger.SHARED_SOURCE_SCORE
    (record,) = built.sources
    assert record.name == "Sam Altman" and len(record.claims) == 2


def test_one_layer_only(store: Store, example: Any) -> None:
    assert ledger.build(store, "bob").groups == []
    assert len(ledger.build(store, example.annotator).groups) == len(ledger.build(store).groups)


def test_unattributed_claims_are_rows_and_problems(store: Store) -> None:
    document = Document.from_text(TEXT)
    store.add_document(document)
    claim = tag(store, document, "Meta offre 100 M$ aux chercheurs", "claim")
    built = ledger.build(store)
    assert row_of(built, claim).sources == []
    assert [(p.kind, p.span.id) for p in built.problems] == [
        (links.ProblemKind.UNATTRIBUTED, claim.id)
    ]


def test_proposals_are_capped_per_row_and_ignore_what_every_claim_shares(store: Store) -> None:
    sentences = [f"Selon la source {i}, Meta paierait {i % 2 + 1}00 millions $." for i in range(40)]
    document = Document.from_text(" ".join(sentences), language="fr")
    store.add_document(document)
    for i, sentence in enumerate(sentences):
        claim = tag(store, document, sentence, "claim")
        offset = claim.start + sentence.index("Meta")
        meta = store.make_span(document, "alice", offset, offset + 4, "organisation")
        store.add_span(meta)
        number = f"{i % 2 + 1}00 millions $"
        offset = claim.start + sentence.index(number)
        amount = store.make_span(
            document,
            "alice",
            offset,
            offset + len(number),
            "amount",
            attrs={"value": (i % 2 + 1) * 100_000_000, "currency": "USD", "readable": True},
        )
        store.add_span(amount)
        links.add_link(store, "amount_of", amount.id, claim.id)
    proposals = ledger.build(store).proposals
    per_row: dict[int, int] = {}
    for proposal in proposals:
        # 20 rows share each amount: under the common-key limit, so amounts count...
        assert proposal.reasons[0].startswith("same amount")
        # ...but Meta is in all 40 claims: over it, so it is no evidence.
        assert not any("Meta" in reason for reason in proposal.reasons)
        for number in (proposal.first.number, proposal.second.number):
            per_row[number] = per_row.get(number, 0) + 1
    assert proposals and max(per_row.values()) <= ledger.PROPOSALS_PER_ROW

"""Review carries the annotators' links into gold once both of their spans are there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.attribution import links
from annotator.core.formats.export import ExportOptions, export_gold_jsonl
from annotator.core.models import GOLD_LAYER, Document
from annotator.core.review import decisions as review
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."
PAIR = ["alice", "bob"]


def key(words: str, label: str) -> tuple[int, int, str]:
    start = TEXT.index(words)
    return (start, start + len(words), label)


CLAIM = key("Meta a offert 100 millions", "claim")
SAM = key("Sam Altman", "person")
ANDREW = key("Andrew Bosworth", "person")


@pytest.fixture
def doc(store: Store) -> Document:
    """Alice and Bob both tagged the claim and Sam Altman, and both said Altman made it."""
    document = Document.from_text(TEXT)
    store.add_document(document)
    for name in PAIR:
        claim = store.add_span(store.make_span(document, name, *CLAIM))
        sam = store.add_span(store.make_span(document, name, *SAM))
        links.add_link(store, "said_by", claim.id, sam.id)
    store.add_span(store.make_span(document, "bob", *ANDREW))
    return document


def gold_links(store: Store, doc_id: str) -> list[tuple[str, str, str]]:
    """Gold links as (type, from text, to text)."""
    spans = {span.id: span for span in store.spans(doc_id, GOLD_LAYER)}
    return [
        (link.type, spans[link.from_span].text, spans[link.to_span].text)
        for link in store.links(doc_id=doc_id, annotators=[GOLD_LAYER])
    ]


def test_accepting_both_ends_carries_one_link_into_gold(store: Store, doc: Document) -> None:
    change = review.accept_agreed(store, doc.id, PAIR, "editor")
    assert gold_links(store, doc.id) == [("said_by", "Meta a offert 100 millions", "Sam Altman")]
    assert len(change.gold_links_added) == 1  # two annotators' links, one gold link
    review.revert(store, change)
    assert gold_links(store, doc.id) == []
    review.reapply(store, change)
    assert store.links(annotators=[GOLD_LAYER]) == list(change.gold_links_added)


def test_the_link_comes_when_its_second_end_is_accepted(store: Store, doc: Document) -> None:
    review.accept(store, doc.id, "editor", *SAM, PAIR)
    assert gold_links(store, doc.id) == []
    review.accept(store, doc.id, "editor", *CLAIM, PAIR)
    assert gold_links(store, doc.id) == [("said_by", "Meta a offert 100 millions", "Sam Altman")]


def test_rejecting_an_accepted_end_takes_the_link_out_and_undo_brings_it_back(
    store: Store, doc: Document
) -> None:
    review.accept_agreed(store, doc.id, PAIR, "editor")
    (carried,) = store.links(annotators=[GOLD_LAYER])
    rejection = review.reject(store, doc.id, "editor", *SAM, PAIR)
    assert gold_links(store, doc.id) == []
    review.revert(store, rejection)
    assert store.links(annotators=[GOLD_LAYER]) == [carried]


def test_an_edited_end_still_gets_the_link(store: Store, doc: Document) -> None:
    review.edit(store, doc.id, "editor", *CLAIM, PAIR, new_end=CLAIM[1] - len(" millions"))
    review.accept(store, doc.id, "editor", *SAM, PAIR)
    assert gold_links(store, doc.id) == [("said_by", "Meta a offert 100", "Sam Altman")]


def test_a_link_the_annotators_disagree_on_stays_out_and_the_claim_is_flagged(
    store: Store, doc: Document
) -> None:
    # Bob changes his mind: Andrew Bosworth made the claim, not Sam Altman.
    (bobs,) = store.links(annotators=["bob"])
    links.delete_link(store, bobs.id)
    (andrew,) = [s for s in store.spans(doc.id, "bob") if s.text == "Andrew Bosworth"]
    links.add_link(store, "said_by", bobs.from_span, andrew.id)
    review.accept_agreed(store, doc.id, PAIR, "editor")
    review.accept(store, doc.id, "editor", *ANDREW, PAIR)
    assert gold_links(store, doc.id) == []
    (problem,) = links.check(store, [GOLD_LAYER], doc.id)
    assert (problem.kind, problem.span.text) == (
        links.ProblemKind.UNATTRIBUTED,
        "Meta a offert 100 millions",
    )


def test_a_link_by_the_only_annotator_who_tagged_its_span_is_carried(
    store: Store, doc: Document
) -> None:
    (andrew,) = [s for s in store.spans(doc.id, "bob") if s.text == "Andrew Bosworth"]
    denial = store.add_span(store.make_span(doc, "bob", *key("dément", "denial")))
    links.add_link(store, "said_by", denial.id, andrew.id)
    review.accept(store, doc.id, "editor", *key("dément", "denial"), PAIR)
    review.accept(store, doc.id, "editor", *ANDREW, PAIR)
    assert ("said_by", "dément", "Andrew Bosworth") in gold_links(store, doc.id)


def test_the_gold_export_carries_the_carried_link(
    store: Store, doc: Document, tmp_path: Path
) -> None:
    review.accept_agreed(store, doc.id, PAIR, "editor")
    path = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, path, ExportOptions(gold=True))
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {span["id"]: span["text"] for span in record["spans"]}
    assert [(r["type"], by_id[r["from"]], by_id[r["to"]]) for r in record["relations"]] == [
        ("said_by", "Meta a offert 100 millions", "Sam Altman")
    ]


def test_a_denial_of_a_claim_in_another_article_reaches_gold_too(
    store: Store, doc: Document
) -> None:
    other_text = "Andrew Bosworth dément toute prime de 100 millions."
    other = Document.from_text(other_text)
    store.add_document(other)
    denial_key = (0, len(other_text), "denial")
    for name in PAIR:
        (claim,) = [s for s in store.spans(doc.id, name) if s.label == "claim"]
        denial = store.add_span(store.make_span(other, name, *denial_key))
        links.add_link(store, "denies", denial.id, claim.id)
    review.accept(store, doc.id, "editor", *CLAIM, PAIR)
    review.accept(store, other.id, "editor", *denial_key, PAIR)
    (carried,) = store.links(annotators=[GOLD_LAYER], doc_id=other.id)
    assert carried.type == "denies"
    assert store.span(carried.from_span).doc_id == other.id
    (gold_claim,) = [s for s in store.spans(doc.id, GOLD_LAYER) if s.label == "claim"]
    assert carried.to_span == gold_claim.id

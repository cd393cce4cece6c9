"""Links between spans: made, refused, undone, checked and exported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotator.core.attribution import links
from annotator.core.attribution.links import LinkError, ProblemKind
from annotator.core.formats.export import ExportOptions, export_gold_jsonl
from annotator.core.formats.validate import validate_gold_file
from annotator.core.models import Document, Span
from annotator.core.store import Store

ARTICLE = (
    "Sam Altman affirme que Meta a offert des primes de 100 millions de dollars. "
    "Andrew Bosworth dément : « ce n'est pas une prime à la signature »."
)
OTHER_ARTICLE = "Lucas Beyer dément : « nous n'avons pas reçu 100 millions »."


def tag(store: Store, document: Document, quote: str, label: str, annotator: str = "alice") -> Span:
    start = document.text.index(quote)
    span = store.make_span(document, annotator, start, start + len(quote), label)
    return store.add_span(span)


@pytest.fixture
def article(store: Store) -> Document:
    document = Document.from_text(ARTICLE, source="article.txt")
    store.add_document(document)
    return document


@pytest.fixture
def spans(store: Store, article: Document) -> dict[str, Span]:
    return {
        "claim": tag(
            store, article, "Meta a offert des primes de 100 millions de dollars", "claim"
        ),
        "altman": tag(store, article, "Sam Altman", "person"),
        "amount": tag(store, article, "100 millions de dollars", "amount"),
        "denial": tag(store, article, "ce n'est pas une prime à la signature", "denial"),
        "bosworth": tag(store, article, "Andrew Bosworth", "person"),
        "meta": tag(store, article, "Meta", "organisation"),
    }


def test_a_claim_is_said_by_a_person_and_the_link_is_stored(
    store: Store, spans: dict[str, Span], article: Document
) -> None:
    link = links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    assert (link.type, link.from_span, link.to_span, link.annotator) == (
        "said_by",
        spans["claim"].id,
        spans["altman"].id,
        "alice",
    )
    assert store.links(doc_id=article.id) == [link]
    assert store.link(link.id) == link
    resolved = links.document_links(store, article.id)
    assert [(r.source.text, r.target.text) for r in resolved] == [
        (spans["claim"].text, "Sam Altman")
    ]


@pytest.mark.parametrize(
    ("link_type", "source", "target", "reason"),
    [
        ("said_by", "altman", "claim", "starts from claim or denial"),
        ("said_by", "claim", "amount", "points to person or organisation"),
        ("amount_of", "amount", "altman", "points to claim"),
        ("denies", "claim", "claim", "linked to itself"),
        ("denies", "amount", "claim", "starts from denial"),
        ("quotes", "claim", "altman", "unknown link type 'quotes'"),
    ],
)
def test_links_the_label_set_does_not_allow_are_refused_and_nothing_is_stored(
    store: Store, spans: dict[str, Span], link_type: str, source: str, target: str, reason: str
) -> None:
    with pytest.raises(LinkError, match=reason):
        links.add_link(store, link_type, spans[source].id, spans[target].id)
    assert store.links() == []


def test_the_same_link_twice_is_refused(store: Store, spans: dict[str, Span]) -> None:
    links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    with pytest.raises(LinkError, match="already linked"):
        links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    # The schema refuses it too, whoever writes.
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_link(
            links.Link(
                id="x",
                type="said_by",
                from_span=spans["claim"].id,
                to_span=spans["altman"].id,
                annotator="alice",
            )
        )
    assert len(store.links()) == 1


def test_a_denial_may_deny_a_claim_in_another_article_but_a_source_must_be_in_the_same(
    store: Store, spans: dict[str, Span]
) -> None:
    other = Document.from_text(OTHER_ARTICLE)
    store.add_document(other)
    beyer_denial = tag(store, other, "nous n'avons pas reçu 100 millions", "denial")
    beyer = tag(store, other, "Lucas Beyer", "person")
    denies = links.add_link(store, "denies", beyer_denial.id, spans["claim"].id)
    assert denies.to_span == spans["claim"].id
    with pytest.raises(LinkError, match="different articles"):
        links.add_link(store, "said_by", spans["claim"].id, beyer.id)
    resolved = links.document_links(store, other.id)
    assert [r.crosses_documents for r in resolved] == [True]


def test_spans_of_two_annotators_cannot_be_linked(
    store: Store, spans: dict[str, Span], article: Document
) -> None:
    bobs_person = tag(store, article, "Sam Altman", "person", annotator="bob")
    with pytest.raises(LinkError, match="bob's layer"):
        links.add_link(store, "said_by", spans["claim"].id, bobs_person.id)


def test_same_as_in_both_directions_is_one_link(store: Store, article: Document) -> None:
    first = tag(store, article, "Sam Altman affirme", "claim")
    second = tag(store, article, "Meta a offert", "claim")
    links.add_link(store, "same_as", first.id, second.id)
    with pytest.raises(LinkError, match="already marked the same claim"):
        links.add_link(store, "same_as", second.id, first.id)


def test_delete_then_restore_gives_back_the_same_link(store: Store, spans: dict[str, Span]) -> None:
    made = links.add_link(store, "amount_of", spans["amount"].id, spans["claim"].id)
    deleted = links.delete_link(store, made.id)
    assert deleted == made and store.links() == []
    restored = links.restore_link(store, deleted)
    assert store.links() == [made] and restored.created_at == made.created_at
    with pytest.raises(LinkError, match="no link"):
        links.delete_link(store, "no-such-link")


def test_deleting_a_span_removes_its_links_and_undo_brings_both_back(
    store: Store, spans: dict[str, Span]
) -> None:
    said_by = links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    amount_of = links.add_link(store, "amount_of", spans["amount"].id, spans["claim"].id)
    span, removed = links.delete_span_with_links(store, spans["claim"].id)
    assert store.links() == [] and not store.has_span(span.id)
    assert {link.id for link in removed} == {said_by.id, amount_of.id}
    with pytest.raises(LinkError, match="spans is gone"):
        links.restore_link(store, said_by)
    links.restore_span_with_links(store, span, removed)
    assert store.span(span.id) == span
    assert {link.id for link in store.links()} == {said_by.id, amount_of.id}


def test_candidates_for_the_l_key_are_the_allowed_targets_nearest_first(
    store: Store, spans: dict[str, Span]
) -> None:
    found = links.candidates(store, spans["claim"])
    # Meta is inside the claim (0 characters away), Andrew Bosworth 2 after it, Sam
    # Altman 13 before it.
    assert [(c.span.text, c.link_type.name) for c in found] == [
        ("Meta", "said_by"),
        ("Andrew Bosworth", "said_by"),
        ("Sam Altman", "said_by"),
    ]
    links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    assert "Sam Altman" not in [c.span.text for c in links.candidates(store, spans["claim"])]
    from_denial = links.candidates(store, spans["denial"])
    assert (spans["claim"].text, "denies") in [(c.span.text, c.link_type.name) for c in from_denial]
    assert [c.span.text for c in links.candidates(store, spans["amount"])] == [spans["claim"].text]


def test_check_lists_unattributed_statements_and_denials_that_deny_nothing(
    store: Store, spans: dict[str, Span]
) -> None:
    problems = {(p.kind, p.span.id) for p in links.check(store)}
    assert problems == {
        (ProblemKind.UNATTRIBUTED, spans["claim"].id),
        (ProblemKind.UNATTRIBUTED, spans["denial"].id),
        (ProblemKind.DENIES_NOTHING, spans["denial"].id),
    }
    links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    links.add_link(store, "said_by", spans["denial"].id, spans["bosworth"].id)
    assert [(p.kind, p.span.id) for p in links.check(store)] == [
        (ProblemKind.DENIES_NOTHING, spans["denial"].id)
    ]
    links.add_link(store, "denies", spans["denial"].id, spans["claim"].id)
    assert links.check(store) == []
    assert links.check(store, ["bob"]) == []


def test_gold_jsonl_carries_the_links_as_relations_and_stays_valid(
    store: Store, spans: dict[str, Span], tmp_path: Path
) -> None:
    other = Document.from_text(OTHER_ARTICLE)
    store.add_document(other)
    beyer_denial = tag(store, other, "nous n'avons pas reçu 100 millions", "denial")
    said_by = links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    amount_of = links.add_link(store, "amount_of", spans["amount"].id, spans["claim"].id)
    denies = links.add_link(store, "denies", beyer_denial.id, spans["claim"].id)

    out = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    relations = {r["id"]: r for record in records for r in record.get("relations", [])}
    assert relations[said_by.id] == {
        "id": said_by.id,
        "type": "said_by",
        "from": spans["claim"].id,
        "to": spans["altman"].id,
        "annotator": "alice",
    }
    assert relations[amount_of.id]["from"] == spans["amount"].id
    # The denial's record points at a span of the other record.
    assert relations[denies.id]["to"] == spans["claim"].id
    assert validate_gold_file(out) == []

    export_gold_jsonl(store, out, ExportOptions(labels=["claim", "person"]))
    kept = [
        r
        for line in out.read_text(encoding="utf-8").splitlines()
        for r in json.loads(line).get("relations", [])
    ]
    assert [r["id"] for r in kept] == [said_by.id]


def test_relations_read_from_a_gold_file_are_stored_checked_and_not_doubled(
    store: Store, spans: dict[str, Span], tmp_path: Path
) -> None:
    made = links.add_link(store, "said_by", spans["claim"].id, spans["altman"].id)
    export_gold_jsonl(store, tmp_path / "gold.jsonl")
    (record,) = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text().splitlines()]

    with Store(":memory:") as target:
        target.add_document(Document.from_text(record["text"]))
        target.add_spans(
            Span(doc_id=record["id"], **{k: v for k, v in span.items() if k != "attrs"})
            for span in record["spans"]
        )
        relations = [
            links.ForeignRelation(
                type=r["type"],
                from_span=r["from"],
                to_span=r["to"],
                id=r["id"],
                annotator=r.get("annotator"),
            )
            for r in record["relations"]
        ]
        wrong_way = links.ForeignRelation("said_by", spans["altman"].id, spans["claim"].id)
        ghost = links.ForeignRelation("denies", spans["denial"].id, "no-such-span")
        result = links.import_relations(target, [*relations, wrong_way, ghost])
        assert [link.id for link in result.added] == [made.id]
        assert target.links() == result.added
        assert [reason for _, reason in result.refused] == [
            "a said_by link starts from claim or denial, not from the person 'Sam Altman'",
            "no span no-such-span in the project",
        ]
        again = links.import_relations(target, relations)
        assert (again.added, again.present) == ([], 1)


def test_a_gold_export_imported_into_a_new_project_keeps_the_seed_examples_links(
    store: Store, tmp_path: Path, build_seed_example: Any
) -> None:
    from annotator.core.attribution import ledger
    from annotator.core.importing.annotated import import_file

    build_seed_example(store)
    out = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, out)
    with Store(":memory:") as target:
        report = import_file(target, out)
        assert report.links_added == len(store.links()) == 16
        assert not report.refused
        assert {(link.id, link.type, link.from_span, link.to_span) for link in target.links()} == {
            (link.id, link.type, link.from_span, link.to_span) for link in store.links()
        }
        rows = [[c.span.text for c in g.claims] for g in ledger.build(target).groups]
        assert rows == [[c.span.text for c in g.claims] for g in ledger.build(store).groups]
        again = import_file(target, out)
        assert again.links_added == 0
        assert "16 links already there: skipped" in again.notes

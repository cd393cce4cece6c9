"""What every store does, whatever its backend: the project file (SQLite) and a project
on a PostgreSQL server run the very same tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.attribution.links import add_link
from annotator.core.errors import NotFound, QueryError, SpanError
from annotator.core.formats.export import ExportOptions, gold_records
from annotator.core.models import GOLD_LAYER, Document, Span, Status, StatusEntry, span_row
from annotator.core.review import decisions as review
from annotator.core.search import search
from annotator.core.store import Store

TEXT = "Sam Altman 🚀 affirme que Meta a offert 100 M$. Andrew Bosworth dément."
OTHER = "Le ministre a déclaré que le budget augmenterait de 3 %. L'opposition conteste."


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "project.db")
    return str(request.getfixturevalue("server_url"))


@pytest.fixture
def project(location: str):
    with Store(location) as store:
        yield store


@pytest.fixture
def doc(project: Store) -> Document:
    document = Document.from_text(TEXT, source="altman.txt", meta={"site": "Le Monde"})
    project.add_document(document)
    return document


def test_documents_are_added_once_and_listed_in_import_order(project: Store) -> None:
    first = Document.from_text(TEXT, source="a.txt")
    second = Document.from_text(OTHER, source="b.txt")
    assert project.add_documents([first, second]) == [True, True]
    assert project.add_documents([second, first]) == [False, False]
    assert project.document_ids() == [first.id, second.id]
    assert project.document_count() == 2
    assert project.document(second.id).meta == {}
    assert project.resolve_document_id(second.id[:6]) == second.id
    summaries = project.document_summaries("alice")
    assert [(s.id, s.position, s.status) for s in summaries] == [
        (first.id, 1, Status.NOT_STARTED),
        (second.id, 2, Status.NOT_STARTED),
    ]


def test_a_span_keeps_its_code_point_offsets_and_text(project: Store, doc: Document) -> None:
    rocket = TEXT.index("🚀")
    span = project.add_span(project.make_span(doc, "alice", rocket + 2, rocket + 9, "claim"))
    stored = project.span(span.id)
    assert stored == span
    assert stored.text == TEXT[rocket + 2 : rocket + 9] == "affirme"
    assert project.status(doc.id, "alice") == Status.IN_PROGRESS
    assert project.span_counts(doc.id) == {"alice": 1}
    assert project.span_counts_by_document() == {doc.id: {"alice": 1}}
    assert project.annotators() == ["alice"]


def test_relabelling_and_moving_a_span_follows_the_text(project: Store, doc: Document) -> None:
    span = project.add_span(project.make_span(doc, "alice", 0, 3, "person"))
    moved = project.update_span(span.id, end=10, attrs={"role": "CEO"})
    assert (moved.text, moved.attrs) == ("Sam Altman", {"role": "CEO"})
    relabelled = project.update_span(span.id, label="organisation")
    assert project.span(span.id) == relabelled
    assert relabelled.label == "organisation" and relabelled.text == "Sam Altman"
    with pytest.raises(SpanError):
        project.update_span(span.id, label="no such label")
    with pytest.raises(SpanError):
        project.update_span(span.id, end=len(TEXT) + 1)
    assert project.span(span.id) == relabelled


def test_a_deleted_span_is_gone_and_its_undo_brings_it_back(project: Store, doc: Document) -> None:
    span = project.add_span(project.make_span(doc, "alice", 0, 10, "person"))
    assert project.delete_span(span.id) == span
    assert project.spans(doc.id) == []
    with pytest.raises(NotFound):
        project.span(span.id)
    project.restore_span(span)
    assert project.spans(doc.id, "alice") == [span]


def test_what_is_missing_is_not_found(project: Store, doc: Document) -> None:
    for lookup in (
        lambda: project.document("0" * 64),
        lambda: project.span("nope"),
        lambda: project.delete_span("nope"),
        lambda: project.link("nope"),
        lambda: project.decision("nope"),
        lambda: project.resolve_document_id("zzz"),
    ):
        with pytest.raises(NotFound):
            lookup()


def test_spans_that_do_not_fit_are_refused_whole(project: Store, doc: Document) -> None:
    good = project.make_span(doc, "alice", 0, 3, "person")
    bad = good.model_copy(update={"id": "other", "text": "not the text"})
    with pytest.raises(SpanError):
        project.add_spans([good, bad])
    assert project.spans(doc.id) == []
    with pytest.raises(SpanError):
        project.add_span(project.make_span(doc, "alice", 0, 3, "unknown label"))


def test_span_rows_are_checked_and_stored_whole_or_not_at_all(
    project: Store, doc: Document
) -> None:
    made = project.make_span(doc, "alice", 0, 10, "person")
    row = span_row(made.model_dump())
    shifted = row._replace(id="shifted", start=1, end=11)  # its text is still "Sam Altman"
    unknown = row._replace(id="unknown", label="nobody")
    for bad, says in ((shifted, "'am Altman '"), (unknown, "unknown label 'nobody'")):
        with pytest.raises(SpanError, match=says):
            project.add_span_rows([row, bad], [doc])
        assert project.spans(doc.id) == []
        assert project.annotators() == []
    assert project.add_span_rows([row, row._replace(id="second", start=4, text="Altman")]) == 2
    assert [(s.start, s.end, s.text) for s in project.spans(doc.id)] == [
        (0, 10, "Sam Altman"), (4, 10, "Altman")
    ]
    assert project.span(made.id) == made


def test_statuses_carried_in_bulk_never_go_back(project: Store, doc: Document) -> None:
    other = Document.from_text(OTHER, source="b.txt")
    project.add_document(other)
    project.set_status(doc.id, "alice", Status.DONE)
    changed = project.carry_statuses(
        [
            StatusEntry(doc_id=doc.id, annotator="alice", status=Status.IN_PROGRESS),
            StatusEntry(doc_id=doc.id, annotator="bob", status=Status.IN_PROGRESS),
            StatusEntry(doc_id=other.id, annotator="alice", status=Status.DONE),
        ]
    )
    assert changed == [False, True, True]
    assert project.all_statuses() == {
        (doc.id, "alice"): Status.DONE,
        (doc.id, "bob"): Status.IN_PROGRESS,
        (other.id, "alice"): Status.DONE,
    }


def test_links_join_spans_and_go_with_them(project: Store, doc: Document) -> None:
    person = project.add_span(project.make_span(doc, "alice", 0, 10, "person"))
    start = TEXT.index("Meta")
    claim = project.add_span(project.make_span(doc, "alice", start, start + 22, "claim"))
    link = add_link(project, "said_by", claim.id, person.id)
    assert project.link(link.id) == link
    assert project.find_link("said_by", claim.id, person.id) == link
    assert project.links(doc_id=doc.id) == [link]
    assert project.links(span_id=person.id, annotators=["alice"]) == [link]
    assert list(project.links_for_export()) == [doc.id]
    project.delete_span(person.id)
    assert project.links() == []


def test_statuses_are_per_annotator_and_carried_forward_only(
    project: Store, doc: Document
) -> None:
    project.set_status(doc.id, "alice", Status.DONE)
    project.set_status(doc.id, "bob", Status.IN_PROGRESS)
    assert project.statuses(doc.id) == {"alice": Status.DONE, "bob": Status.IN_PROGRESS}
    assert project.statuses_for("alice") == {doc.id: Status.DONE}
    assert project.all_statuses() == {
        (doc.id, "alice"): Status.DONE,
        (doc.id, "bob"): Status.IN_PROGRESS,
    }
    entries = project.status_entries()
    older = entries[0].model_copy(update={"status": Status.IN_PROGRESS})
    assert project.carry_status(older) is False
    assert project.status(doc.id, "alice") == Status.DONE
    assert project.annotated_document_ids("bob") == [doc.id]


def test_a_reviewers_decisions_build_the_gold_layer(project: Store, doc: Document) -> None:
    for name in ("alice", "bob"):
        project.add_span(project.make_span(doc, name, 0, 10, "person"))
    change = review.accept(project, doc.id, "carol", 0, 10, "person", ["alice", "bob"])
    assert change is not None
    gold = project.spans(doc.id, GOLD_LAYER)
    assert [(s.start, s.end, s.label) for s in gold] == [(0, 10, "person")]
    decisions = project.decisions(doc.id)
    assert [(d.reviewer, d.decision.value) for d in decisions] == [("carol", "accept")]
    assert project.decision(decisions[0].id) == decisions[0]
    assert project.gold_span_references(gold[0].id) == 1
    project.delete_decisions([decisions[0].id])
    assert project.decisions() == []


def test_the_gold_export_reads_every_layer_in_document_order(
    project: Store, doc: Document
) -> None:
    other = Document.from_text(OTHER, source="b.txt")
    project.add_document(other)
    project.add_span(project.make_span(other, "bob", 3, 11, "person"))
    project.add_span(project.make_span(doc, "alice", 26, 30, "organisation"))
    project.add_span(project.make_span(doc, "alice", 0, 10, "person", attrs={"role": "CEO"}))
    records = list(gold_records(project, ExportOptions()))
    assert [r["id"] for r in records] == [doc.id, other.id]
    assert [[layer["annotator"] for layer in r["layers"]] for r in records] == [["alice"], ["bob"]]
    spans = records[0]["spans"]
    assert [(s["start"], s["end"], s["label"], s["annotator"]) for s in spans] == [
        (0, 10, "person", "alice"),
        (26, 30, "organisation", "alice"),
    ]
    assert records[0]["meta"] == {"site": "Le Monde"}
    assert [text for _id, text in project.document_texts()] == [TEXT, OTHER]
    names, doc_ids, counts, starts, ends, labels = project.span_columns(["alice", "bob"])
    assert sorted(zip(names, counts, strict=True)) == [("alice", 2), ("bob", 1)]
    assert sorted(zip(starts, ends, labels, strict=True)) == [
        (0, 10, "person"),
        (3, 11, "person"),
        (26, 30, "organisation"),
    ]


def test_a_rejected_suggestion_is_remembered_once_and_forgotten_on_undo(
    project: Store, doc: Document
) -> None:
    project.reject_suggestion(doc.id, "alice", 0, 10, "person", "model")
    project.reject_suggestion(doc.id, "alice", 0, 10, "person", "model")
    assert project.rejected_suggestions(doc.id, "alice") == {(0, 10, "person")}
    assert project.rejected_suggestions(doc.id, "bob") == set()
    project.unreject_suggestion(doc.id, "alice", 0, 10, "person")
    assert project.rejected_suggestions(doc.id, "alice") == set()


def test_the_label_set_and_lookups_for_suggestions(project: Store, doc: Document) -> None:
    added = project.add_labels(["quote"])
    assert [label.name for label in added] == ["quote"]
    assert project.label_set().get("quote") is not None
    span = project.add_span(project.make_span(doc, "alice", 0, 10, "person"))
    assert project.entity_text_counts(["person"]) == {("Sam Altman", "person"): 1}
    before = project.entity_spans_fingerprint(["person"])
    project.update_span(span.id, end=3)
    assert project.entity_spans_fingerprint(["person"]) != before
    assert [s.id for s in project.spans_with_labels(["person"], "alice")] == [span.id]
    assert project.span_refs(doc.id, ["alice"])[0].id == span.id


def test_a_failed_action_leaves_nothing_behind(project: Store, doc: Document) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        project.add_span(project.make_span(doc, "alice", 0, 10, "person"))
        raise RuntimeError("the action fails half-way")
    assert project.spans(doc.id) == []


def test_everything_is_there_when_the_project_is_opened_again(
    location: str, project: Store, doc: Document
) -> None:
    span = project.add_span(project.make_span(doc, "alice", 0, 10, "person"))
    project.close()
    with Store(location) as again:
        assert again.spans(doc.id) == [span]
        assert again.document(doc.id) == doc


def _one_project(store: Store, documents: list[Document], spans: list[Span]) -> None:
    store.add_labels(["Person", "événement"])
    store.add_documents(documents)
    store.add_spans(spans, documents)
    store.set_status(documents[0].id, "alice", Status.DONE)


def test_a_server_project_exports_the_very_bytes_of_the_same_project_file(
    tmp_path: Path, server_url: str
) -> None:
    from annotator.core.formats.export import export_gold_jsonl

    documents = [
        Document.from_text(TEXT, source="altman.txt", meta={"site": "Le Monde"}),
        Document.from_text("Rien à signaler ici.", source="empty.txt"),
        Document.from_text(OTHER, source="b.txt"),
    ]
    first, _empty, other = documents
    maker = Store(":memory:")
    _one_project(maker, documents, [])
    spans = [
        # Ties on the start, names that sort differently by bytes than by alphabet,
        # an emoji before the offsets, attributes: the order and text of each survive.
        maker.make_span(first, "alice", 0, 10, "person", attrs={"role": "CEO"}),
        maker.make_span(first, "alice", 0, 3, "person"),
        maker.make_span(first, "Bruno", 0, 10, "Person"),
        maker.make_span(first, "chloé", 0, 10, "person"),
        maker.make_span(first, "alice", 26, 30, "organisation"),
        maker.make_span(first, "bob", 13, 19, "événement", origin="model"),
        maker.make_span(other, "bob", 3, 11, "person"),
        maker.make_span(other, "alice", 3, 11, "person"),
    ]
    maker.close()
    exported = {}
    for name, location in [("file", str(tmp_path / "project.db")), ("server", server_url)]:
        with Store(location) as store:
            _one_project(store, documents, spans)
            report = export_gold_jsonl(store, tmp_path / f"{name}.jsonl")
            assert report.spans == len(spans) and report.documents == 2
            only_alice = ExportOptions(annotators=["alice"], labels=["person"])
            export_gold_jsonl(store, tmp_path / f"{name}-alice.jsonl", only_alice)
        exported[name] = (
            (tmp_path / f"{name}.jsonl").read_bytes(),
            (tmp_path / f"{name}-alice.jsonl").read_bytes(),
        )
    assert exported["server"] == exported["file"]
    assert b"\xc3\xa9v\xc3\xa9nement" in exported["file"][0]


# -- full-text search: the same hits from either backend's index ----------------------

ALTMAN = (
    "Sam Altman 🚀 affirme que l'État a versé 100 M$. Andrew Bosworth dément.\n\n"
    "« L’ÉTAT n’a rien versé », répond “Andrew Bosworth”, de Meta."
)
HOPITAL = "Le gouvernement annonce 2 milliards pour l'hôpital. Bosworths are not Bosworth's."


def _hits(store: Store, query: str, **options: Any) -> list[tuple[str, str]]:
    """(document's first word, hit text) for each hit, checking every offset."""
    found = []
    for hit in search(store, query, **options).hits:
        text = store.document(hit.doc_id).text if hit.field == "text" else hit.title
        assert text[hit.start : hit.end] == hit.match
        found.append((text.split()[0], hit.match))
    return found


@pytest.fixture
def searched(project: Store) -> Store:
    project.add_documents([Document.from_text(ALTMAN), Document.from_text(HOPITAL)])
    return project


def test_search_forgives_accents_and_case_and_gives_code_point_offsets(searched: Store) -> None:
    assert _hits(searched, "etat") == [("Sam", "État"), ("Sam", "ÉTAT")]
    assert _hits(searched, "HÔPITAL") == [("Le", "hôpital")]
    first = search(searched, "bosworth").hits[0]
    assert first.start == ALTMAN.index("Bosworth")  # after an emoji and accents
    assert first.before.endswith("M$. Andrew ") and first.after.startswith(" dément. « L’ÉTAT")


def test_search_reads_phrases_prefixes_and_every_word(searched: Store) -> None:
    assert _hits(searched, '"andrew bosworth"') == [
        ("Sam", "Andrew Bosworth"),
        ("Sam", "Andrew Bosworth"),
    ]
    assert _hits(searched, "«altman meta»") == []  # both words there, not in a row
    assert _hits(searched, "l’etat") == [("Sam", "l'État"), ("Sam", "L’ÉTAT")]
    assert _hits(searched, "bosw*") == [
        ("Sam", "Bosworth"),
        ("Sam", "Bosworth"),
        ("Le", "Bosworths"),
        ("Le", "Bosworth"),
    ]
    assert _hits(searched, "bosworth hôpital") == [("Le", "hôpital"), ("Le", "Bosworth")]
    assert _hits(searched, "annonce etat") == []


def test_search_finds_titles_operators_and_labelled_hits(searched: Store) -> None:
    searched.add_document(Document(id="x", title="Rapport Bosworth", text="Ni NEAR ni OR."))
    assert _hits(searched, "near OR") == [("Ni", "NEAR"), ("Ni", "OR")]
    assert [hit.field for hit in search(searched, "rapport").hits] == ["title"]
    searched.set_document_details("x", "Rapport Altman", None, {})
    assert search(searched, "rapport altman").document_count == 1
    altman = searched.document(Document.from_text(ALTMAN).id)
    start = ALTMAN.index("Andrew Bosworth dément")
    searched.add_span(searched.make_span(altman, "alice", start, start + 15, "person"))
    [hit] = search(searched, "bosworth", label="person").hits
    assert hit.start == start + 7
    assert search(searched, "bosworth", limit=2).complete is False


def test_search_refuses_what_it_cannot_read(searched: Store) -> None:
    with pytest.raises(QueryError, match="cannot read this query"):
        list(searched.search_documents('"unclosed'))
    with pytest.raises(QueryError, match="never closed"):
        search(searched, '"andrew bosworth')

"""Notes on spans and articles, as the store keeps them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.attribution.links import delete_span_with_links, restore_span_with_links
from annotator.core.models import Document
from annotator.core.store import Store, migrations

TEXT = "Sam Altman 🚀 affirme que Meta a offert 100 M$. Andrew Bosworth dément."


@pytest.fixture
def doc() -> Document:
    return Document.from_text(TEXT, source="test.txt")


def test_a_project_with_data_gets_the_notes_table_and_keeps_everything(
    project_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_notes = migrations.MIGRATIONS.index(migrations._NOTES)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before_notes])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", before_notes)
    with Store(project_path) as old:
        old.add_document(doc)
        span = old.add_span(old.make_span(doc, "alice", 0, 10, "person"))
        spans_before = old.spans(doc.id)
    monkeypatch.undo()
    with Store(project_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.CURRENT_VERSION
        )
        assert store.spans(doc.id) == spans_before
        assert store.notes(doc.id) == []
        note = store.write_note(doc.id, span.id, "alice", "check this figure with legal")
        assert store.notes(doc.id) == [note]
        assert store.integrity_check() == "ok"
    assert project_path.with_name(f"{project_path.name}.before-v{before_notes + 1}.bak").exists()


def test_one_note_per_author_on_a_span_and_on_the_article(store: Store, doc: Document) -> None:
    store.add_document(doc)
    span = store.add_span(store.make_span(doc, "alice", 0, 10, "person"))
    first = store.write_note(doc.id, span.id, "alice", "who is he?")
    edited = store.write_note(doc.id, span.id, "alice", "check this figure with legal")
    bobs = store.write_note(doc.id, span.id, "bob", "agreed")
    article = store.write_note(doc.id, None, "alice", "the source is a press release")
    assert edited.id == first.id and edited.created_at == first.created_at
    assert {(n.span_id, n.author, n.text) for n in store.notes(doc.id)} == {
        (span.id, "alice", "check this figure with legal"),
        (span.id, "bob", "agreed"),
        (None, "alice", "the source is a press release"),
    }
    assert store.note_by(doc.id, None, "alice") == article
    assert store.delete_note(bobs.id) == bobs
    assert store.note_by(doc.id, span.id, "bob") is None


def test_an_empty_note_is_refused(store: Store, doc: Document) -> None:
    store.add_document(doc)
    with pytest.raises(ValueError):
        store.write_note(doc.id, None, "alice", "")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO notes VALUES ('x', ?, NULL, 'alice', '', 'now', 'now')", (doc.id,)
        )


def test_a_removed_spans_note_comes_back_with_it(store: Store, doc: Document) -> None:
    store.add_document(doc)
    span = store.add_span(store.make_span(doc, "alice", 0, 10, "person"))
    note = store.write_note(doc.id, span.id, "alice", "check this figure with legal")
    removed, links = delete_span_with_links(store, span.id)
    assert store.notes(doc.id) == []
    restore_span_with_links(store, removed, links)
    assert store.notes(doc.id) == [note]


def test_notes_and_the_review_comment_go_out_in_gold_jsonl_and_come_back(
    store: Store, doc: Document, tmp_path: Path
) -> None:
    import json

    from annotator.core.formats.export import ExportOptions, export_gold_jsonl
    from annotator.core.formats.validate import validate_gold_file
    from annotator.core.importing.annotated import import_file
    from annotator.core.models import GOLD_LAYER, Decision, DecisionKind

    store.add_document(doc)
    span = store.add_span(store.make_span(doc, GOLD_LAYER, 0, 10, "person"))
    store.add_decisions([Decision(
        id="d1", doc_id=doc.id, reviewer="rita", decision=DecisionKind.ACCEPT, start=0,
        end=10, label="person", gold_span_id=span.id, annotators=["alice"],
        comment="both annotators had it; the name is spelled as in the source",
    )])
    store.write_note(doc.id, span.id, "rita", "check this figure with legal")
    store.write_note(doc.id, None, "rita", "the source is a press release")
    target = tmp_path / "gold.jsonl"
    export_gold_jsonl(store, target, ExportOptions(gold=True))
    assert validate_gold_file(target) == []
    record = json.loads(target.read_text(encoding="utf-8"))
    assert record["schema_version"] == 2
    assert [n["text"] for n in record["notes"]] == ["the source is a press release"]
    (exported,) = record["spans"]
    assert exported["review_comment"].startswith("both annotators had it")
    assert [(n["author"], n["text"]) for n in exported["notes"]] == [
        ("rita", "check this figure with legal")
    ]

    with Store(tmp_path / "other.db") as other:
        report = import_file(other, target)
        assert report.notes_added == 2
        assert {(n.span_id is None, n.author, n.text) for n in other.notes()} == {
            (False, "rita", "check this figure with legal"),
            (True, "rita", "the source is a press release"),
        }
        again = import_file(other, target)
        assert again.notes_added == 0 and again.notes_kept == 0


def test_notes_travel_to_the_corrected_version_and_undo_takes_them_back(
    store: Store, doc: Document
) -> None:
    from annotator.core import carry_over

    corrected = Document.from_text(TEXT.replace("100 M$", "100 millions de dollars"))
    store.add_documents([doc, corrected])
    bosworth = TEXT.index("Andrew Bosworth")
    span = store.add_span(store.make_span(doc, "alice", bosworth, bosworth + 15, "person"))
    amount = TEXT.index("100 M$")
    gone = store.add_span(store.make_span(doc, "alice", amount, amount + 6, "amount"))
    on_span = store.write_note(doc.id, span.id, "rita", "is he still at Meta?")
    store.write_note(doc.id, gone.id, "alice", "in dollars?")
    store.write_note(doc.id, None, "alice", "the source is a press release")
    store.write_note(corrected.id, None, "bob", "corrected on the 3rd")

    report = carry_over.carry_over(store, doc.id, corrected.id)
    (new_span,) = [c.new for c in report.carried]
    assert {(n.span_id, n.author, n.text) for n in store.notes(corrected.id)} == {
        (new_span.id, "rita", "is he still at Meta?"),
        (None, "alice", "the source is a press release"),
        (None, "bob", "corrected on the 3rd"),
    }
    carried = store.note_by(corrected.id, new_span.id, "rita")
    assert carried is not None and carried.created_at == on_span.created_at
    assert len(store.notes(doc.id)) == 3  # the old version keeps its own

    removed = carry_over.take_back(store, report)
    assert [n.author for n in store.notes(corrected.id)] == ["bob"]
    carry_over.put_back(store, report, removed)
    assert len(store.notes(corrected.id)) == 3
    again = carry_over.carry_over(store, doc.id, corrected.id)
    assert again.carried_notes == [] and again.notes_already_there == 2

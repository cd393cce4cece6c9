from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError, SpanError
from annotator.core.models import Document, Status
from annotator.core.store import Store, migrations

TEXT = "Sam Altman 🚀 affirme que Meta a offert 100 M$. Andrew Bosworth dément."


@pytest.fixture
def doc() -> Document:
    return Document.from_text(TEXT, source="test.txt")


def test_a_new_project_file_is_migrated_to_the_current_schema(project_path: Path) -> None:
    with Store(project_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.integrity_check() == "ok"


def test_a_project_from_the_first_schema_keeps_every_span_after_the_upgrade(
    project_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 1)
    with Store(project_path) as old:
        old.add_document(doc)
        for start, end, label in [(0, 10, "person"), (0, 3, "person"), (26, 30, "organisation")]:
            old.add_span(old.make_span(doc, "alice", start, end, label))
        before = old.spans(doc.id)
    monkeypatch.undo()
    with Store(project_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        assert store.spans(doc.id) == before
        assert [(s.start, s.end) for s in before] == [(0, 10), (0, 3), (26, 30)]
        assert store.integrity_check() == "ok"
        # The upgrade's point: each document's spans come in export order from the
        # index, with no sort per document.
        plan = store.conn.execute(
            'EXPLAIN QUERY PLAN SELECT id, text FROM spans WHERE doc_id = ? '
            'ORDER BY start, "end" DESC, label, annotator, id',
            (doc.id,),
        ).fetchall()
        details = " ".join(row[-1] for row in plan)
        assert "spans_in_document_order" in details and "TEMP B-TREE" not in details


def test_importing_the_same_text_twice_adds_nothing(store: Store, doc: Document) -> None:
    assert store.add_document(doc) is True
    crlf = Document.from_text(TEXT.replace(" dément.", " dément.\r\n"))
    lf = Document.from_text(TEXT.replace(" dément.", " dément.\n"))
    assert crlf.id == lf.id
    assert store.add_document(Document.from_text(TEXT)) is False
    assert store.document_count() == 1


def test_document_text_can_never_change(store: Store, doc: Document) -> None:
    store.add_document(doc)
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE documents SET text = 'x' WHERE id = ?", (doc.id,))


def test_span_text_comes_from_the_document_in_code_points(store: Store, doc: Document) -> None:
    store.add_document(doc)
    start = TEXT.index("Meta")
    span = store.add_span(store.make_span(doc, "alice", start, start + 4, "organisation"))
    stored = store.spans(doc.id, "alice")
    assert [s.text for s in stored] == ["Meta"] == [TEXT[s.start : s.end] for s in stored]
    assert stored[0].id == span.id
    assert store.status(doc.id, "alice") == Status.IN_PROGRESS


def test_a_span_whose_text_does_not_match_is_refused(store: Store, doc: Document) -> None:
    store.add_document(doc)
    span = store.make_span(doc, "alice", 0, 3, "person").model_copy(update={"text": "Sam A"})
    with pytest.raises(SpanError, match="select 'Sam'"):
        store.add_span(span)
    assert store.spans(doc.id) == []


def test_unknown_labels_are_refused(store: Store, doc: Document) -> None:
    store.add_document(doc)
    with pytest.raises(SpanError, match="unknown label 'location'"):
        store.add_span(store.make_span(doc, "alice", 0, 3, "location"))


def test_moving_an_edge_takes_the_new_text_from_the_document(store: Store, doc: Document) -> None:
    store.add_document(doc)
    span = store.add_span(store.make_span(doc, "alice", 0, 3, "person"))
    moved = store.update_span(span.id, end=10, label="person")
    assert moved.text == "Sam Altman" == store.span(span.id).text
    relabelled = store.update_span(span.id, label="organisation")
    assert store.span(span.id).label == "organisation" == relabelled.label


def test_delete_and_restore_keep_the_span_identical(store: Store, doc: Document) -> None:
    store.add_document(doc)
    span = store.add_span(store.make_span(doc, "alice", 0, 10, "person"))
    removed = store.delete_span(span.id)
    assert store.spans(doc.id) == []
    store.restore_span(removed)
    assert store.spans(doc.id) == [span]


def test_a_batch_of_spans_is_all_or_nothing(store: Store, doc: Document) -> None:
    store.add_document(doc)
    good = store.make_span(doc, "alice", 0, 3, "person")
    bad = store.make_span(doc, "alice", 4, 10, "person").model_copy(update={"text": "nope"})
    with pytest.raises(SpanError):
        store.add_spans([good, bad])
    assert store.spans(doc.id) == []


def test_status_per_annotator(store: Store, doc: Document) -> None:
    store.add_document(doc)
    store.set_status(doc.id, "alice", Status.DONE)
    assert store.status(doc.id, "alice") == Status.DONE
    assert store.status(doc.id, "bob") == Status.NOT_STARTED
    summaries = store.document_summaries("alice")
    assert summaries[0].status == Status.DONE and summaries[0].title.startswith("Sam Altman")


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="not an annotator project"):
        Store(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not written by annotator"):
        Store(path)


def test_a_file_from_a_newer_version_is_refused(project_path: Path) -> None:
    Store(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        Store(project_path)


def test_added_labels_get_distinct_colours_and_keys(store: Store) -> None:
    added = store.add_labels(["LOC", "MISC", "person"])
    assert [label.name for label in added] == ["LOC", "MISC"]
    labels = store.label_set().labels
    assert len({label.color for label in labels}) == len(labels)
    assert len({label.key for label in labels}) == len(labels)

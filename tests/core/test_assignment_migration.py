"""The assignments table arrives by migration on projects that already hold work, on
a file and on a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import Document
from annotator.core.store import Store, migrations, migrations_postgres

TEXT = "Sam Altman affirme que Meta a offert 100 M$."


def _work(store: Store) -> tuple[Document, str]:
    document = Document.from_text(TEXT)
    store.add_document(document)
    return document, store.add_span(store.make_span(document, "alice", 0, 10, "person")).id


def test_a_project_file_from_before_assignments_keeps_its_work_and_takes_them(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with Store(project_path) as old:
        document, span_id = _work(old)
    monkeypatch.undo()
    with Store(project_path) as store:
        assert store.span(span_id).text == "Sam Altman"
        store.assign([(document.id, "bob")])
        assert store.assigned_documents("bob") == [document.id]


def test_a_server_project_from_before_assignments_keeps_its_work_and_takes_them(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations_postgres, "MIGRATIONS", migrations_postgres.MIGRATIONS[:2])
    monkeypatch.setattr(migrations_postgres, "CURRENT_VERSION", 2)
    document = Document.from_text(TEXT)
    with Store(server_url) as old:
        # As that version wrote an article (the columns of its schema only).
        old.server.raw.execute(  # type: ignore[attr-defined]
            "INSERT INTO documents (id, position, title, text, length, imported_at) "
            "VALUES (%s, 1, %s, %s, %s, %s)",
            (document.id, document.title, TEXT, len(TEXT), document.imported_at),
        )
        span_id = old.add_span(old.make_span(document, "alice", 0, 10, "person")).id
    monkeypatch.undo()
    with Store(server_url) as store:
        assert store.span(span_id).text == "Sam Altman"
        store.assign([(document.id, "bob")])
        assert store.assignments() == {document.id: ["bob"]}

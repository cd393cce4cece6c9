"""A project file deleted, moved away or replaced while a program has it open: nothing
more is written, neither into the lost file nor into what now lies at the path, and
background work never starts an empty project where the old one was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError, ProjectReplaced
from annotator.core.store import Store

from reliability_support import dump_file, fill_project, seed_documents


def first_document_span(store: Store, start: int = 0):
    document = store.document(store.document_ids()[0])
    return store.make_span(document, "alice", start, start + 4, "claim")


def test_a_write_after_the_project_file_was_deleted_is_refused(filled_project: Path) -> None:
    with Store(filled_project) as store:
        before = len(store.spans(store.document_ids()[0], "alice"))
        os.remove(filled_project)
        with pytest.raises(ProjectReplaced, match="deleted or replaced"):
            store.add_span(first_document_span(store, 3))
        # What the connection still holds is intact and can be saved elsewhere.
        assert len(store.spans(store.document_ids()[0], "alice")) == before
        store.release_log()
        store.backup_to(filled_project.with_name("saved.db"))
    assert not filled_project.exists()
    saved = dump_file(filled_project.with_name("saved.db"))
    assert len([s for s in saved["spans"] if s["annotator"] == "alice"]) == 50


def test_a_write_after_the_project_file_was_replaced_leaves_the_replacement_as_it_was(
    filled_project: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    with Store(other) as replacement:
        replacement.add_documents(seed_documents()[:1])
    with Store(filled_project) as store:
        store.add_span(first_document_span(store, 1))  # the log holds this one
        other_before = dump_file(other)
        os.replace(other, filled_project)
        with pytest.raises(ProjectReplaced):
            store.add_span(first_document_span(store, 3))
        with pytest.raises(ProjectReplaced):
            store.set_label_set(store.label_set())
        store.release_log()
        store.backup_to(tmp_path / "saved.db")
    assert dump_file(filled_project) == other_before
    with Store(filled_project, read_only=True) as replacement:
        assert replacement.integrity_check() == "ok"
    saved = dump_file(tmp_path / "saved.db")
    assert len([s for s in saved["spans"] if s["annotator"] == "alice"]) == 51


def test_work_that_must_not_create_a_project_refuses_a_missing_one(tmp_path: Path) -> None:
    missing = tmp_path / "gone.db"
    with pytest.raises(ProjectError, match="no such project file"):
        Store(missing, create=False)
    assert list(tmp_path.iterdir()) == []


def test_work_bound_to_the_opened_file_refuses_another_at_its_path(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=2)
    with Store(path) as window:
        identity = window.file_identity
        with Store(path, create=False, same_file_as=identity):
            pass
        os.replace(path, tmp_path / "moved.db")
        Store(tmp_path / "fresh.db").close()
        os.replace(tmp_path / "fresh.db", path)
        with pytest.raises(ProjectReplaced):
            Store(path, create=False, same_file_as=identity)

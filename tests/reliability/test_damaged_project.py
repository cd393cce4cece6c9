"""A damaged, foreign, read-only, full or too-new project file: one clear line, exit
status 1, no traceback, and the file exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core.carry_over import carry_over
from annotator.core.errors import ProjectError
from annotator.core.models import Document
from annotator.core.store import Store, migrations

from reliability_support import (
    assert_clean_failure,
    dump_file,
    fill_project,
    run_cli,
    seed_documents,
)


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def corrected_copy(store: Store) -> tuple[str, str]:
    """Add a corrected version of the first article; return (old id, new id)."""
    old = store.document(store.document_ids()[0])
    new = Document.from_text(old.text.replace("Meta", "Meta Platforms", 1), source="fixed.txt")
    store.add_document(new)
    return old.id, new.id


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Meeting notes, not a database.\n" * 200)
    before = files_in(tmp_path)
    assert_clean_failure(run_cli("--db", path, "docs"), str(path), "not an annotator project")
    assert files_in(tmp_path) == before


def test_a_truncated_project_is_reported_damaged_and_left_as_it_is(filled_project: Path) -> None:
    data = filled_project.read_bytes()
    filled_project.write_bytes(data[: len(data) // 2])
    before = files_in(filled_project.parent)
    assert_clean_failure(run_cli("--db", filled_project, "docs"), "damaged")
    assert_clean_failure(run_cli("--db", filled_project, "backup", filled_project.parent / "b.db"))
    assert files_in(filled_project.parent) == before


def test_pages_overwritten_inside_the_project_give_one_clean_line(
    filled_project: Path, tmp_path: Path
) -> None:
    data = bytearray(filled_project.read_bytes())
    half = len(data) // 2 // 4096 * 4096
    data[half:] = b"\xff" * (len(data) - half)  # same size: SQLite only notices on reading
    filled_project.write_bytes(bytes(data))
    before = filled_project.read_bytes()
    result = run_cli("--db", filled_project, "export", "-o", tmp_path / "out.jsonl")
    assert_clean_failure(result, "damaged")
    assert filled_project.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.execute("INSERT INTO photos VALUES ('beach.jpg')")
    conn.commit()
    conn.close()
    before = files_in(tmp_path)
    assert_clean_failure(run_cli("--db", path, "docs"), "not written by annotator")
    assert files_in(tmp_path) == before


def test_a_project_from_a_newer_version_is_refused_untouched(filled_project: Path) -> None:
    conn = sqlite3.connect(filled_project)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    before = files_in(filled_project.parent)
    assert_clean_failure(run_cli("--db", filled_project, "docs"), "newer version")
    assert_clean_failure(
        run_cli("--db", filled_project, "carry-over", "a", "b"), "upgrade annotator"
    )
    assert files_in(filled_project.parent) == before


def test_a_project_opened_read_only_refuses_every_change(filled_project: Path) -> None:
    with Store(filled_project) as store:
        old_id, new_id = corrected_copy(store)
    before = filled_project.read_bytes()
    with Store(filled_project, read_only=True) as store:
        expected = dump_file(filled_project)
        document = store.document(old_id)
        with pytest.raises(ProjectError, match="read-only"):
            store.add_span(store.make_span(document, "alice", 0, 4, "claim"))
        with pytest.raises(ProjectError, match="read-only"):
            carry_over(store, old_id, new_id)
        with pytest.raises(ProjectError, match="read-only"):
            store.delete_span(next(store.iter_spans()).id)
        assert store.span_count() == len(expected["spans"])
    assert filled_project.read_bytes() == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes through file permissions; read-only is covered with read_only=True",
)
def test_a_write_protected_project_file_fails_cleanly(filled_project: Path) -> None:
    with Store(filled_project) as store:
        old_id, new_id = corrected_copy(store)
    before = filled_project.read_bytes()
    filled_project.chmod(0o444)
    try:
        result = run_cli("--db", filled_project, "carry-over", old_id[:12], new_id[:12])
        assert_clean_failure(result, str(filled_project))
    finally:
        filled_project.chmod(0o644)
    assert filled_project.read_bytes() == before


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Store opened from now on cannot grow its file: SQLite reports SQLITE_FULL
    exactly as it does when the disk is full."""
    configure = Store._configure

    def capped(self: Store, read_only: bool) -> None:
        configure(self, read_only)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "_configure", capped)


def test_a_full_disk_saves_nothing_half_way(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=2)
    with Store(path) as store:
        document = store.document(store.document_ids()[0])
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        before = dump_file(path)
        spans = [store.make_span(document, "alice", i, i + 60, "claim") for i in range(300)]
        with pytest.raises(ProjectError, match="full"):
            store.add_spans(spans)
        with pytest.raises(ProjectError, match="nothing from this action was written"):
            store.add_document(Document.from_text("Un autre article. " * 5000))
        assert dump_file(path) == before
        assert store.integrity_check() == "ok"


def test_a_full_disk_during_a_command_gives_one_clean_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "project.db"
    with Store(path) as store:
        store.add_documents(seed_documents()[:1])
        old_id, new_id = corrected_copy(store)
        old = store.document(old_id)
        store.add_spans(
            [store.make_span(old, "alice", i, i + 40, "claim") for i in range(0, 4000, 10)]
        )
    before = dump_file(path)
    fill_the_disk(monkeypatch)
    result = run_cli("--db", path, "carry-over", old_id[:12], new_id[:12])
    assert_clean_failure(result, "full", str(path))
    monkeypatch.undo()
    assert dump_file(path) == before


def test_a_migration_first_takes_a_backup_holding_every_span(
    filled_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = dump_file(filled_project)
    version = migrations.CURRENT_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, "CREATE TABLE x (y);"])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", version + 1)
    with Store(filled_project) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == version + 1
    backup = migrations.backup_path(filled_project, version)
    assert backup.exists()
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    monkeypatch.undo()
    assert dump_file(backup) == expected


def test_a_failing_migration_leaves_the_project_at_its_version(
    filled_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = dump_file(filled_project)
    broken_step = "CREATE TABLE x (y); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken_step])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", migrations.CURRENT_VERSION + 1)
    assert_clean_failure(run_cli("--db", filled_project, "docs"), "cannot prepare")
    monkeypatch.undo()
    with Store(filled_project) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.CURRENT_VERSION
        )
        tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "x" not in tables
    assert dump_file(filled_project) == expected


@pytest.mark.parametrize(
    "version",
    [-1, 0, 1],
    ids=["negative", "zero on a written project", "an older number on the current schema"],
)
def test_a_schema_version_this_tool_does_not_know_is_refused_untouched(
    filled_project: Path, version: int
) -> None:
    conn = sqlite3.connect(filled_project)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before = files_in(filled_project.parent)
    for command in (["docs"], ["export", "-o", filled_project.parent / "out.jsonl"]):
        result = run_cli("--db", filled_project, *command)
        assert_clean_failure(result, str(filled_project), "unknown schema version", "left as it is")
    assert files_in(filled_project.parent) == before


@pytest.mark.parametrize("page_size", [4096, 1024], ids=["same page size", "other page size"])
def test_a_write_ahead_log_of_another_database_is_refused_and_nothing_written(
    filled_project: Path, page_size: int
) -> None:
    other = filled_project.parent / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.executemany("INSERT INTO photos VALUES (?)", [(f"beach{n}.jpg",) for n in range(100)])
    conn.commit()
    wal = filled_project.with_name(filled_project.name + "-wal")
    wal.write_bytes(other.with_name(other.name + "-wal").read_bytes())
    conn.close()
    other.unlink()
    before = files_in(filled_project.parent)
    for command in (["docs"], ["backup", filled_project.parent / "copy.db"]):
        result = run_cli("--db", filled_project, *command)
        assert_clean_failure(result, str(wal), "belongs to another database", "nothing was")
    assert files_in(filled_project.parent) == before
    wal.unlink()
    assert len(dump_file(filled_project)["spans"]) == 100  # the project, as it was

"""`annotator backup OUT.db`: a consistent copy on demand, even while someone writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.store import Store

from reliability_support import Worker, assert_clean_failure, dump_file, fill_project, run_cli


def test_backup_copies_every_document_and_span(filled_project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copies" / "monday.db"
    result = run_cli("--db", filled_project, "backup", copy)
    assert result.exit_code == 0, result.output
    assert "5 documents and 100 spans" in result.output
    with Store(copy) as backup:
        assert backup.integrity_check() == "ok"
    assert dump_file(copy) == dump_file(filled_project)


def test_backup_never_overwrites_without_force_nor_the_project_itself(
    filled_project: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "old.db"
    existing.write_bytes(b"yesterday's backup")
    assert_clean_failure(run_cli("--db", filled_project, "backup", existing), "--force")
    assert existing.read_bytes() == b"yesterday's backup"
    assert_clean_failure(
        run_cli("--db", filled_project, "backup", "--force", filled_project), "project itself"
    )
    result = run_cli("--db", filled_project, "backup", "--force", existing)
    assert result.exit_code == 0, result.output
    assert dump_file(existing) == dump_file(filled_project)


def test_a_backup_taken_while_another_process_writes_is_consistent(
    tmp_path: Path, workers: Callable[[Path, str], Worker]
) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=4)
    writer = workers(path, "carla")
    writer.send("add 200")
    saved_before_backup = {writer.read_line().split()[1] for _ in range(20)}
    copy = tmp_path / "during.db"
    result = run_cli("--db", path, "backup", copy)
    assert result.exit_code == 0, result.output
    all_saved = {
        line.split()[1] for line in writer.lines_until(lambda line: line == "done") if " " in line
    } | saved_before_backup
    with Store(copy) as backup:
        assert backup.integrity_check() == "ok"
        in_backup = {span.id for span in backup.iter_spans("carla")}
    assert saved_before_backup <= in_backup <= all_saved

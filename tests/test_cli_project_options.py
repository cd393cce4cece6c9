"""``--db`` and ``--annotator`` where people type them: before or after the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "after.db"
    result = CliRunner().invoke(main, ["import", str(seeds_dir), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["docs", "--db", "{db}"],
        ["docs", "--db={db}"],
        ["suggest", "--suggesters", "amount", "--db", "{db}"],
        ["agreement", "--db", "{db}", "--json"],
        ["links", "--db", "{db}"],
        ["check", "--db", "{db}"],
        ["backup", "{out}", "--db", "{db}"],
    ],
)
def test_db_after_the_command_reads_that_project(project: Path, tmp_path: Path, args) -> None:
    args = [arg.format(db=project, out=tmp_path / "copy.db") for arg in args]
    result = CliRunner().invoke(main, args, env={"ANNOTATOR_DB": str(tmp_path / "other.db")})
    assert result.exit_code in (0, 1), result.output  # check exits 1 on problems found
    assert "No such option" not in result.output
    assert not (tmp_path / "other.db").exists()  # the default project was not touched


def test_the_import_lands_in_the_project_named_after_the_command(project: Path) -> None:
    result = CliRunner().invoke(main, ["docs", "--db", str(project)])
    assert "Meta" in result.output


def test_annotator_after_the_command_names_the_user(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(
        main, ["export", "-o", str(out), "--annotator", "zoe", "--db", str(project)]
    )
    assert result.exit_code == 0, result.output

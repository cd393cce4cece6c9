"""A project the user may read but not write (a colleague's folder, a read-only share,
a write-protected file): every command that only reads works, `suggest` lists without
saving, and a command that writes says what is wrong and what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from write_protection import write_protected

from annotator.core.store import Store

from reliability_support import assert_clean_failure, dump_file, run_cli

READING_COMMANDS: list[tuple[str, ...]] = [
    ("docs",),
    ("export", "-o", "{out}/gold.jsonl"),
    ("export", "--format", "conll", "-o", "{out}/gold.conll"),
    ("report", "-o", "{out}/report.html"),
    ("agreement",),
    ("links",),
    ("check",),
    ("suggest", "--suggesters", "amount,gazetteer"),
    ("backup", "{out}/copy.db"),
]


@pytest.fixture(params=["folder", "file"])
def protected_project(request, filled_project: Path) -> Path:
    """The filled project, its folder write-protected, or only the file itself."""
    target = filled_project.parent if request.param == "folder" else filled_project
    with write_protected(target):
        yield filled_project


def test_every_reading_command_works_on_a_write_protected_project(
    protected_project: Path, tmp_path_factory
) -> None:
    out = tmp_path_factory.mktemp("out")
    for command in READING_COMMANDS:
        args = [part.replace("{out}", str(out)) for part in command]
        result = run_cli("--db", protected_project, *args)
        assert "readonly" not in result.output and "read-only" not in result.output, (
            command,
            result.output,
        )
        # check lists the claims that have no source (exit status 1), as it should.
        assert result.exit_code == (1 if command == ("check",) else 0), (command, result.output)
    assert len((out / "gold.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert dump_file(out / "copy.db") == dump_file(protected_project)


def test_suggest_on_a_write_protected_project_lists_suggestions_without_saving(
    protected_project: Path,
) -> None:
    result = run_cli("--db", protected_project, "suggest", "--json", "--suggesters", "amount")
    assert result.exit_code == 0, result.output
    suggestions = [json.loads(line) for line in result.output.splitlines()]
    assert suggestions and {item["label"] for item in suggestions} == {"amount"}


def test_a_writing_command_on_a_write_protected_project_says_what_to_do(
    protected_project: Path, seeds_dir: Path
) -> None:
    before = dump_file(protected_project)
    for command in (("import", str(seeds_dir)), ("merge", str(protected_project))):
        result = run_cli("--db", protected_project, *command)
        assert_clean_failure(result, str(protected_project), "read-only", "backup COPY.db")
        assert "attempt to write" not in result.output
    assert dump_file(protected_project) == before
    with Store.writable_or_read_only(protected_project) as store:
        assert store.read_only
        assert all(store.document(doc_id).language is None for doc_id in store.document_ids())


def test_no_project_is_started_in_a_write_protected_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    with write_protected(folder):
        result = run_cli("--db", folder / "new.db", "docs")
        assert_clean_failure(result, str(folder / "new.db"), "write-protected")
    assert list(folder.iterdir()) == []

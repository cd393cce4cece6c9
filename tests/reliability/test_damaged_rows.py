"""One damaged row of a project file (written by another program, a flipped byte, a
crafted colleague's project) costs that row, never the project: every command names it
and goes on with the rest; `annotator check --repair` says what it would do and does it
only when asked, after a backup."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from reliability_support import dump_file, fill_project, run_cli

# Each damage, the SQL that makes it (each on its own row), and what its message says.
DAMAGE = {
    "negative start": ("UPDATE spans SET start = -5 WHERE rowid = 1", "offsets -5-"),
    "end past the text": (
        'UPDATE spans SET "end" = 99999999 WHERE rowid = 2',
        "do not fit the text",
    ),
    "offset as text": ("UPDATE spans SET start = 'abc' WHERE rowid = 3", "not whole numbers"),
    "attributes not JSON": (
        "UPDATE spans SET attrs = '{bad' WHERE rowid = 4",
        "attributes are not a JSON object",
    ),
    "label as a BLOB": ("UPDATE spans SET label = x'00ff' WHERE rowid = 5", "label is not text"),
    "annotator as a BLOB": ("UPDATE spans SET annotator = x'ff' WHERE rowid = 6", "not text"),
    "meta not JSON": (
        "UPDATE documents SET meta = '{bad' WHERE rowid = 2",
        "meta is not a JSON object",
    ),
    "unknown status": ("UPDATE statuses SET status = 'lost' WHERE rowid = 1", "unknown status"),
    "garbage label set": (
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('label_set', 'garbage')",
        "the label set",
    ),
    "text not UTF-8": (
        "DROP TRIGGER documents_text_never_changes; "
        "UPDATE documents SET text = CAST(x'41ff42' AS TEXT) WHERE rowid = 3",
        "text is not valid UTF-8",
    ),
}
SPANS_PER_DOCUMENT = 4
DOCUMENTS = 5


def damaged_project(folder: Path, sql: str) -> Path:
    path = folder / "project.db"
    fill_project(path, spans_per_document=SPANS_PER_DOCUMENT)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return path


def annotator(*args: str | Path) -> subprocess.CompletedProcess[str]:
    finished = subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in finished.stderr, finished.stderr
    return finished


def run_in_process(*args: str | Path) -> Result:
    result = run_cli(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed: {result.exception!r}\n{result.output}"
    )
    return result


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_one_damaged_row_is_named_and_the_rest_exports(
    tmp_path: Path, damage: tuple[str, str]
) -> None:
    sql, reason = damage
    project = damaged_project(tmp_path, sql)
    out = tmp_path / "export.jsonl"
    exported = run_in_process("--db", project, "export", "-o", out)
    assert exported.exit_code == 0, exported.output
    assert "left out 1 damaged row" in exported.output and reason in exported.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    spans = sum(len(record["spans"]) for record in records)
    if "UTF-8" in reason:  # the document goes, with its spans; the others export
        assert len(records) == DOCUMENTS - 1 and spans == SPANS_PER_DOCUMENT * (DOCUMENTS - 1)
    elif sql.startswith("UPDATE spans"):
        assert len(records) == DOCUMENTS and spans == SPANS_PER_DOCUMENT * DOCUMENTS - 1
    else:
        assert len(records) == DOCUMENTS and spans == SPANS_PER_DOCUMENT * DOCUMENTS
    checked = run_in_process("--db", project, "check")
    assert checked.exit_code == 1
    assert "1 damaged row" in checked.output and reason in checked.output, checked.output


@pytest.fixture
def project_with_every_damage(tmp_path: Path) -> Path:
    return damaged_project(tmp_path, "; ".join(sql for sql, _reason in DAMAGE.values()))


def test_every_command_names_the_damaged_rows_and_goes_on_with_the_rest(
    project_with_every_damage: Path, tmp_path: Path
) -> None:
    project = project_with_every_damage
    reasons = [reason for _sql, reason in DAMAGE.values()]
    documents = DOCUMENTS - 1  # the one whose text is not UTF-8
    spans = SPANS_PER_DOCUMENT * documents - 6  # six damaged spans, none in it

    exported = annotator("--db", project, "export", "-o", tmp_path / "export.jsonl")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert f"Wrote {documents} documents (" in exported.stdout
    assert f"and {spans} of {spans} spans" in exported.stdout
    assert f"left out {len(DAMAGE)} damaged rows" in exported.stderr
    assert all(reason in exported.stderr for reason in reasons), exported.stderr

    report = annotator("--db", project, "report", "-o", tmp_path / "report.html")
    assert report.returncode == 0, report.stdout + report.stderr
    assert "damaged rows" in report.stderr and "UTF-8" in report.stderr, report.stderr

    checked = annotator("--db", project, "check")
    assert checked.returncode == 1
    assert f"{len(DAMAGE)} damaged rows" in checked.stdout
    assert all(reason in checked.stdout for reason in reasons), checked.stdout

    listed = annotator("--db", project, "docs")
    assert listed.returncode == 0 and f"{DOCUMENTS} documents" in listed.stdout
    for command in (["agreement"], ["suggest", "--suggesters", "amount,gazetteer"]):
        ran = annotator("--db", project, *command)
        assert ran.returncode == 0, ran.stdout + ran.stderr
        assert "damaged row" in ran.stderr, (command, ran.stderr)

    ours = tmp_path / "ours.db"
    merged = annotator("--db", ours, "merge", project)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert f"Left out {len(DAMAGE)} damaged rows" in merged.stdout, merged.stdout
    assert all(reason in merged.stdout for reason in reasons), merged.stdout
    dump = dump_file(ours)
    assert len(dump["documents"]) == documents and len(dump["spans"]) == spans


def test_repair_says_what_it_would_do_and_does_it_only_when_asked_after_a_backup(
    project_with_every_damage: Path, tmp_path: Path
) -> None:
    project = project_with_every_damage
    before = project.read_bytes()

    asked = annotator("--db", project, "check", "--repair")
    assert asked.returncode == 1
    assert "Repairing would" in asked.stdout and "Nothing was changed" in asked.stdout
    assert "reset the meta of document" in asked.stdout
    assert project.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))

    repaired = annotator("--db", project, "check", "--repair", "--yes")
    # A text changed behind the search index's back leaves it out of step: it is built
    # again too, after the same backup.
    assert repaired.stdout.count(": done") == len(DAMAGE) + 1, repaired.stdout + repaired.stderr
    assert "built the search index again" in repaired.stdout
    assert repaired.stdout.count("Backed up") == 1
    (backup,) = tmp_path.glob("project.db.before-repair-*.bak")
    kept = annotator("--db", backup, "check")
    assert f"{len(DAMAGE)} damaged rows" in kept.stdout  # the rows are kept there
    again = annotator("--db", project, "check")
    assert "damaged" not in again.stdout + again.stderr, again.stdout

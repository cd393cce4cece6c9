"""`annotator search` as a journalist runs it: one hit a line, exact offsets, JSON lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(seeds_dir: Path, tmp_path: Path) -> Path:
    db = tmp_path / "project.db"
    assert run(db, "import", str(seeds_dir))[0] == 0
    return db


def test_each_hit_is_a_line_with_its_document_offsets_and_context(project: Path) -> None:
    status, out, err = run(project, "search", "bosworth")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 4 and err.strip() == "4 hits in 1 document"
    with Store(project) as store:
        for line in lines:
            short_id, offsets, title, context = line.split("\t")
            document = store.document(store.resolve_document_id(short_id))
            start, end = map(int, offsets.split("-"))
            assert document.text[start:end] == "Bosworth"
            assert "[Bosworth]" in context and document.title.startswith(title)


def test_json_lines_carry_code_point_offsets(project: Path) -> None:
    status, out, _err = run(project, "search", '"Andrew Bosworth"', "--json")
    assert status == 0
    [record] = [json.loads(line) for line in out.splitlines()]
    with Store(project) as store:
        text = store.document(record["doc_id"]).text
    assert text[record["start"] : record["end"]] == record["text"] == "Andrew Bosworth"
    assert record["before"] + record["text"] + record["after"] in text.replace("\n", " ")


def test_accents_case_and_prefixes_are_forgiven(project: Path) -> None:
    _status, accented, _ = run(project, "search", "rémunération", "--json")
    _status, plain, _ = run(project, "search", "REMUNERATION", "--json")
    assert accented == plain and accented
    _status, prefixed, err = run(project, "search", "rémun*", "--limit", "2")
    assert len(prefixed.splitlines()) == 2 and "there are more" in err


def test_label_keeps_only_the_hits_tagged_with_it(project: Path) -> None:
    with Store(project) as store:
        [doc_id] = {hit_id for hit_id in store.document_ids() if "Bosworth" in
                    store.document(hit_id).text}
        document = store.document(doc_id)
        start = document.text.index("Andrew Bosworth")
        store.add_span(store.make_span(document, "alice", start, start + 15, "person"))
    status, out, _err = run(project, "search", "bosworth", "--label", "person", "--json")
    assert status == 0
    assert [json.loads(line)["start"] for line in out.splitlines()] == [start + 7]
    status, out, _err = run(project, "search", "bosworth", "--label", "nonsense")
    assert status == 1 and "no label 'nonsense'" in out + _err


def test_a_query_that_cannot_run_is_one_clear_line(project: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(project), "search", '"Andrew Bosworth'])
    assert result.exit_code == 1
    assert "never closed" in result.output and "Traceback" not in result.output


def test_the_installed_command_searches(project: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(project), "search", "Meta*"],
        capture_output=True, text=True, encoding="utf-8", env=environment, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") > 5 and "[Meta]" in done.stdout
    assert "\x1b[" not in done.stdout  # no terminal styling in a pipe


def test_check_finds_an_index_out_of_step_and_repair_builds_it_again(project: Path) -> None:
    with Store(project) as store:
        # What a program writing into the file around the index's triggers leaves.
        store.conn.execute(
            "INSERT INTO documents_search (documents_search, rowid, title, text) "
            "SELECT 'delete', position, title, text FROM documents WHERE text LIKE '%Bosworth%'"
        )
        store.conn.commit()
    assert run(project, "search", "bosworth")[2].strip() == "0 hits in 0 documents"

    status, out, _err = run(project, "check")
    assert status == 1 and "search index is out of step" in out
    assert "check --repair" in out
    status, out, _err = run(project, "check", "--repair")
    assert status == 1 and "Run `annotator check --repair --yes`" in out
    assert run(project, "search", "bosworth")[2].strip() == "0 hits in 0 documents"

    status, out, _err = run(project, "check", "--repair", "--yes")
    assert "built the search index again" in out and "Backed up the project" in out
    assert list(project.parent.glob("project.db.before-repair-*.bak"))
    assert run(project, "search", "bosworth")[2].strip() == "4 hits in 1 document"
    assert "out of step" not in run(project, "check")[1]

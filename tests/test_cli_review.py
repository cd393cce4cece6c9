"""`annotator agreement` and `annotator merge` from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import Document, Status
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."


def word(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def make_project(path: Path) -> str:
    with Store(path) as store:
        document = Document.from_text(TEXT, source="lemonde/altman.txt")
        store.add_document(document)
        for name in ("alice", "bob"):
            store.add_span(store.make_span(document, name, *word("Sam Altman"), "person"))
        store.add_span(store.make_span(document, "alice", *word("100 millions"), "amount"))
        store.add_span(store.make_span(document, "bob", *word("100"), "amount"))
        store.set_status(document.id, "alice", Status.DONE)
        return document.id


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    return result.exit_code, result.output


def test_agreement_prints_a_table(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "agreement")
    assert code == 0, output
    assert "alice vs bob: 1 document," in output
    overall = next(line for line in output.splitlines() if line.strip().startswith("overall"))
    # exact: 1 match of 2 + 2 spans; overlap: 2 matches.
    assert overall.split()[1:5] == ["0.500", "0.500", "0.500", "1"]
    assert overall.split()[5:9] == ["1.000", "1.000", "1.000", "2"]
    assert "Krippendorff's alpha" in output


def test_agreement_json_layout(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "agreement", "--json", "--labels", "amount")
    assert code == 0, output
    data = json.loads(output)
    assert data["annotators"] == ["alice", "bob"] and data["documents"] == 1
    (pair,) = data["pairs"]
    assert (pair["a"], pair["b"], pair["documents"]) == ("alice", "bob", 1)
    assert list(pair["labels"]) == ["amount"]
    exact = pair["labels"]["amount"]["exact"]
    assert exact == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "matches": 0, "a": 1, "b": 1}
    assert pair["labels"]["amount"]["overlap"]["f1"] == 1.0
    assert set(pair["overall"]) == {"exact", "overlap", "cohen_kappa"}
    assert isinstance(data["krippendorff_alpha"], float)


def test_agreement_done_only_and_errors(project_path: Path) -> None:
    make_project(project_path)
    code, output = run(project_path, "agreement", "--done-only", "--json")
    assert code == 0 and json.loads(output)["documents"] == 0
    code, output = run(project_path, "agreement", "--annotators", "alice")
    assert code == 1 and "at least two annotators" in output and "Traceback" not in output
    code, output = run(project_path, "agreement", "--annotators", "alice,zoe")
    assert code == 1 and "no annotator named zoe" in output


def test_merge_reports_and_is_idempotent(tmp_path: Path, project_path: Path) -> None:
    make_project(project_path)
    theirs = tmp_path / "theirs.db"
    shutil.copy(project_path, theirs)
    with Store(theirs) as store:
        document = store.document(Document.from_text(TEXT).id)
        store.add_span(store.make_span(document, "carol", *word("Meta"), "organisation"))
        changed = Document.from_text(TEXT + " Mis à jour.", source="lemonde/altman.txt")
        store.add_document(changed)
    code, output = run(project_path, "merge", str(theirs))
    assert code == 0, output
    assert "1 document added, 1 already here; 1 span added (carol 1)" in output
    assert f"theirs {changed.id[:12]} was imported beside ours" in output
    code, output = run(project_path, "merge", str(theirs))
    assert code == 0 and "0 documents added" in output and "0 spans added" in output
    code, output = run(project_path, "merge", str(tmp_path / "missing.db"))
    assert code == 1 and "no such project file" in output

"""`annotator suggest`: suggestions as JSON lines or a table, and their evaluation."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tests" / "scripts" / "seed_suggestion_evaluation.py"


def load_script():
    spec = importlib.util.spec_from_file_location("seed_suggestion_evaluation", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seeded_project(project_path: Path) -> Path:
    with Store(project_path) as store:
        load_script().build_project(store)
    return project_path


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(project), "--annotator", "zoe", *args])


def test_suggestions_as_json_lines_carry_amount_attrs(seeded_project: Path) -> None:
    with Store(seeded_project) as store:
        doc_id = store.document_ids()[3]
        text = store.document(doc_id).text
    result = run(seeded_project, "suggest", "--doc", doc_id[:8], "--json",
                 "--suggesters", "amount,gazetteer")  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and {r["doc"] for r in records} == {doc_id}
    for record in records:
        assert text[record["start"] : record["end"]] == record["text"]
        assert ("attrs" in record) == (record["label"] == "amount")
    amounts = {r["text"]: r["attrs"] for r in records if r["label"] == "amount"}
    assert amounts["14,3 milliards de dollars"]["value"] == 14_300_000_000
    assert amounts["de 500 000 $ à 2 millions de dollars"]["min"] == 500_000
    # The hand-tagged article taught the gazetteer "Mark Zuckerberg" and "Meta".
    entities = {(r["text"], r["label"], r["origin"]) for r in records if r["label"] != "amount"}
    assert ("Mark Zuckerberg", "person", "suggested:gazetteer") in entities
    assert ("Meta", "organisation", "suggested:gazetteer") in entities


def test_the_table_reads_amounts_aloud_and_skips_the_annotators_own_spans(
    seeded_project: Path,
) -> None:
    with Store(seeded_project) as store:
        tagged = store.annotated_document_ids("hand")[0]
    mine = run(seeded_project, "suggest", "--doc", tagged[:8], "--annotator", "hand",
               "--suggesters", "amount,gazetteer")  # fmt: skip
    assert mine.exit_code == 0, mine.output
    assert mine.output.strip() == ""  # hand tagged every amount and entity there
    theirs = run(seeded_project, "suggest", "--doc", tagged[:8], "--suggesters", "amount")
    assert "plus de 200 millions de dollars'  more than 200\u202f000\u202f000 USD" in theirs.output


def test_an_unknown_document_or_suggester_is_one_clean_error(seeded_project: Path) -> None:
    result = run(seeded_project, "suggest", "--doc", "zzzz")
    assert result.exit_code == 1
    assert "no document id starts with 'zzzz'" in result.output
    result = run(seeded_project, "suggest", "--suggesters", "amount,crystal-ball")
    assert result.exit_code == 1
    assert "unknown suggester crystal-ball" in result.output
    assert "Traceback" not in result.output


def test_evaluate_reports_precision_and_recall_per_suggester_and_label(
    seeded_project: Path,
) -> None:
    result = run(seeded_project, "suggest", "--evaluate", "--annotator", "hand",
                 "--suggesters", "amount,gazetteer")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {
        tuple(line.split()[:2]): line.split()[2:]
        for line in result.output.splitlines()[2:]
    }
    assert set(rows) == {
        ("amount", "amount"),
        ("gazetteer", "person"),
        ("gazetteer", "organisation"),
        ("gazetteer-reading-order", "person"),
        ("gazetteer-reading-order", "organisation"),
    }
    # Only one article is tagged: left out, it leaves the gazetteer nothing to know.
    assert rows[("gazetteer", "organisation")][:2] == ["0", "0"]
    suggested, correct = map(int, rows[("amount", "amount")][:2])
    assert 0 < correct <= suggested


def test_the_readme_shows_the_evaluation_the_script_produces(seeded_project: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    with Store(seeded_project) as store:
        from annotator.core.suggest import evaluate, format_evaluation

        table = format_evaluation(evaluate(store, "hand", ["amount", "gazetteer"]))
    for line in table.splitlines()[1:]:
        assert re.search(rf"^{re.escape(line)}$", readme, re.MULTILINE), (
            f"README.md does not show {line!r}: rerun tests/scripts/seed_suggestion_evaluation.py"
        )

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
        from annotator.core.suggestions.suggest import evaluate, format_evaluation

        table = format_evaluation(evaluate(store, "hand", ["amount", "gazetteer"]))
    for line in table.splitlines()[1:]:
        assert re.search(rf"^{re.escape(line)}$", readme, re.MULTILINE), (
            f"README.md does not show {line!r}: rerun tests/scripts/seed_suggestion_evaluation.py"
        )


@pytest.fixture
def french_pipeline_only(tmp_path: Path, monkeypatch):
    """An installed ``fr_core_news_sm`` (a real spaCy pipeline package: a blank French
    pipeline whose entity ruler knows two names) and no English one."""
    pytest.importorskip("spacy")
    site = tmp_path / "site"
    package = site / "fr_core_news_sm"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "import spacy\n\n"
        "def load(**overrides):\n"
        "    nlp = spacy.blank('fr')\n"
        "    ruler = nlp.add_pipe('entity_ruler')\n"
        "    ruler.add_patterns([{'label': 'PER', 'pattern': 'Sam Altman'},\n"
        "                        {'label': 'ORG', 'pattern': 'OpenAI'}])\n"
        "    return nlp\n",
        encoding="utf-8",
    )
    info = site / "fr_core_news_sm-3.8.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fr_core_news_sm\nVersion: 3.8.0\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    yield
    from annotator.core.suggestions import suggest

    suggest._models.pop("fr_core_news_sm", None)


def test_a_language_without_its_model_is_skipped_with_a_note(
    project_path: Path, french_pipeline_only
) -> None:
    from annotator.core.models import Document

    with Store(project_path) as store:
        english = Document.from_text("Sam Altman runs OpenAI.", source="en.txt", language="en")
        french = Document.from_text("Sam Altman dirige OpenAI.", source="fr.txt", language="fr")
        store.add_document(english)
        store.add_document(french)
    result = CliRunner().invoke(
        main, ["--db", str(project_path), "suggest", "--json", "--suggesters", "model"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["doc"], r["text"], r["label"]) for r in records} == {
        (french.id, "Sam Altman", "person"),
        (french.id, "OpenAI", "organisation"),
    }
    assert (
        "model suggester skipped 1 document in en: the spaCy pipeline en_core_web_sm is not "
        "installed (python -m spacy download en_core_web_sm)"
    ) in result.stderr
    assert "pip install en_core_web_sm" not in result.output

"""The export, validate and import commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import GOLD_LAYER, Document
from annotator.core.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRATIAA = FIXTURES / "brat" / "bratiaa-project"
TEXT = "Café 👩‍💻 : « Meta a offert 100 millions $ », dit Sam Altman.\nBosworth dément."


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    return result.exit_code, result.output


@pytest.fixture
def project(project_path: Path) -> Path:
    with Store(project_path) as store:
        doc = Document.from_text(TEXT, source="a.txt")
        store.add_document(doc)
        for who, words, label in [
            ("alice", "« Meta a offert 100 millions $ »", "claim"),
            ("alice", "Meta", "organisation"),
            ("alice", "Sam Alt", "person"),  # cuts "Altman"
            (GOLD_LAYER, "Sam Altman", "person"),
        ]:
            start = TEXT.index(words)
            store.add_span(store.make_span(doc, who, start, start + len(words), label))
    return project_path


def test_four_brat_annotators_become_four_layers_on_seven_documents(project_path: Path) -> None:
    for name in ("Lisa", "Maria", "Max", "Peter"):
        code, output = run(
            project_path, "import", "--as", name, "--add-labels", str(BRATIAA / name)
        )
        assert code == 0, output
        assert f"({name}: " in output and "offsets: code points" in output
    with Store(project_path) as store:
        assert store.document_count() == 7
        assert store.annotators() == ["Lisa", "Maria", "Max", "Peter"]
    code, output = run(
        project_path, "import", "--as", "Lisa", "--add-labels", str(BRATIAA / "Lisa")
    )
    assert code == 0 and "0 spans added" in output and "already there: skipped" in output


def test_refused_records_are_listed_and_exit_one(project_path: Path) -> None:
    code, output = run(project_path, "import", "--as", "Lisa", str(BRATIAA / "Lisa"))
    assert code == 1
    assert "refused:" in output and "esp.train-doc-" in output and "unknown label 'PER'" in output


def test_articles_and_annotated_files_in_one_command(project_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Un article.\n", encoding="utf-8")
    doccano = FIXTURES / "doccano" / "export_example.jsonl"
    code, output = run(
        project_path,
        "import",
        "--map",
        "ORG=organisation,PERSON=person,MISC=claim",
        str(article),
        str(doccano),
    )
    assert code == 0, output
    with Store(project_path) as store:
        assert store.document_count() == 4
        assert {s.label for s in store.iter_spans()} == {"organisation", "person", "claim"}


def test_an_unreadable_annotated_file_is_named_and_the_other_files_still_import(
    project_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Un article.\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    text = "Sam Altman dit non."
    good = tmp_path / "dave.jsonl"
    good.write_text(json.dumps({"text": text, "label": [[0, 10, "person"]]}) + "\n")
    code, output = run(project_path, "import", str(broken), str(article), str(good))
    assert code == 1
    assert f"Error: {broken}:1: not valid JSON" in output
    with Store(project_path) as store:
        assert store.document_count() == 2
        assert [(s.annotator, s.text) for s in store.iter_spans()] == [("dave", "Sam Altman")]


@pytest.mark.parametrize(
    "format_name, out",
    [
        ("jsonl", "o.jsonl"),
        ("conll", "o.conll"),
        ("hf", "o-hf"),
        ("brat", "o"),
        ("doccano", "o.jsonl"),
        ("labelstudio", "o.json"),
        ("prodigy", "o.jsonl"),
        ("spacy", "o.spacy"),
    ],
)
def test_export_prints_what_each_format_lost(
    project: Path, tmp_path: Path, format_name: str, out: str
) -> None:
    if format_name == "spacy":
        pytest.importorskip("spacy")
    code, output = run(project, "export", "--format", format_name, "-o", str(tmp_path / out))
    assert code == 0, output
    assert "Wrote 1 document (1 annotator layer) and" in output
    if format_name in ("conll", "hf", "prodigy", "spacy"):
        assert "dropped 1 span: cuts a" in output  # "Sam Alt"
    if format_name in ("conll", "hf"):
        assert "overlaps a longer span" in output
    assert (tmp_path / out).exists()


def test_export_align_expand_keeps_the_span(project: Path, tmp_path: Path) -> None:
    code, output = run(
        project, "export", "--format", "conll", "--align", "expand", "-o", str(tmp_path / "o.conll")
    )
    assert code == 0 and "expanded 1 span to whole tokens" in output
    assert "cuts a" not in output


def test_gold_export_validates_and_a_corrupted_one_is_caught(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    code, output = run(project, "export", "--gold", "-o", str(out))
    assert code == 0, output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(s["text"], s["annotator"]) for s in record["spans"]] == [("Sam Altman", GOLD_LAYER)]
    code, output = run(project, "validate", str(out))
    assert code == 0 and "valid" in output

    everyone = tmp_path / "all.jsonl"
    run(project, "export", "-o", str(everyone))
    lines = everyone.read_text(encoding="utf-8").splitlines()
    second = json.loads(lines[0])
    second["spans"][0]["start"] += 1
    second["spans"][1]["label"] = 3
    everyone.write_text("\n".join([lines[0], json.dumps(second, ensure_ascii=False)]) + "\n")
    code, output = run(project, "validate", str(everyone))
    assert code == 1
    assert ":2: spans/0: text[" in output  # the shifted span, on line 2
    assert ":2: spans/1/label: 3 is not of type 'string'" in output
    assert "is also on line 1" in output  # the copied line repeats span ids


def test_spacy_missing_is_one_clean_line(project: Path, tmp_path: Path, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "spacy", None)
    code, output = run(project, "export", "--format", "spacy", "-o", str(tmp_path / "o.spacy"))
    assert code == 1 and "pip install 'annotator[spacy]'" in output and "Traceback" not in output

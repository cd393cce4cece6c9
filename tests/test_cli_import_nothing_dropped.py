"""Annotated imports as a user runs them: every span, link and record in a file is
imported, or the file is refused with the reason; nothing is dropped with exit 0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store

JEAN = "Jean Dupont a dit que Meta perd de l'argent."
MARIE = "Marie Curie travaille chez Apple depuis mardi."


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    return result.exit_code, result.output


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


def spans_by_layer(project: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    with Store(project) as store:
        for span in store.iter_spans():
            found.setdefault(span.annotator, []).append((span.text, span.label))
    return {name: sorted(spans) for name, spans in found.items()}


def span(text: str, words: str, label: str) -> dict[str, Any]:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "label": label}


# -- plain JSONL: {"text", "spans"} with no answer -------------------------------------


def plain_records() -> list[dict[str, Any]]:
    return [
        {"text": JEAN, "spans": [span(JEAN, "Jean Dupont", "person"), span(JEAN, "Meta", "organisation")]},
        {"text": MARIE, "spans": [span(MARIE, "Marie Curie", "person")]},
    ]


def test_plain_span_jsonl_without_answers_is_imported_as_the_named_layer(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "spans.jsonl", plain_records())
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert "3 spans added (bob: 3), 2 new documents" in output
    assert spans_by_layer(project_path) == {
        "bob": [("Jean Dupont", "person"), ("Marie Curie", "person"), ("Meta", "organisation")]
    }


def test_plain_span_jsonl_takes_the_file_name_as_layer_without_as(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "carla.jsonl", plain_records())
    code, output = run(project_path, "import", str(path))
    assert code == 0, output
    assert set(spans_by_layer(project_path)) == {"carla"}
    assert "without an answer" in output and "accepted" in output


def test_rejected_and_ignored_answers_are_still_skipped_and_counted(
    project_path: Path, tmp_path: Path
) -> None:
    records = plain_records()
    records.append({**records[0], "text": "Paul Martin rejette tout.", "spans": [], "answer": "reject"})
    records.append({"text": "Rien ici.", "spans": [], "answer": "ignore"})
    path = write_jsonl(tmp_path / "mixed.jsonl", records)
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert "3 spans added (bob: 3), 2 new documents" in output
    assert "skipped 1 tasks answered 'reject'" in output
    assert "skipped 1 tasks answered 'ignore'" in output


# -- error positions ------------------------------------------------------------------


def test_a_cut_off_jsonl_line_is_named_by_its_own_line_number(
    project_path: Path, tmp_path: Path
) -> None:
    good = json.dumps({"text": JEAN, "label": [[0, 11, "person"]]})
    # Cut inside the label list: a decoder reading on finds the error two lines later.
    lines = [good, good, good[: good.index("11,") + 3], good, good]
    path = tmp_path / "cut.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run(project_path, "import", str(path))
    assert code == 1
    assert "cut.jsonl:3:" in output and "cut.jsonl:5" not in output
    assert "not valid JSON" in output


def test_a_broken_pretty_printed_value_names_where_it_starts_and_breaks(
    project_path: Path, tmp_path: Path
) -> None:
    pretty = json.dumps({"text": JEAN, "label": [[0, 11, "person"]]}, indent=2)
    broken = pretty.replace('"person"', '"person",,')
    path = tmp_path / "pretty.jsonl"
    path.write_text(pretty + "\n" + broken + "\n", encoding="utf-8")
    start_line = pretty.count("\n") + 2
    broken_line = start_line + broken[: broken.index(",,")].count("\n")
    code, output = run(project_path, "import", "--format", "doccano", str(path))
    assert code == 1
    assert f"pretty.jsonl:{start_line}:" in output
    assert f"line {broken_line}" in output

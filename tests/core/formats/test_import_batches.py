"""Large annotated files are written in batches as they are read: a bad record far into
the file still leaves nothing of it, and the plain per-batch checks refuse what the span
model refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from annotator.core.importing.annotated import import_file
from annotator.core.models import Span, span_row
from annotator.core.store import Store

WORDS = "Le ministre Jean Dupont dément les chiffres de Meta devant la commission."
RECORDS = 600
"""Records of the file: 20 spans each, so that batches are written before the last
record is read."""


def doccano_line(number: int, labels: list[Any]) -> str:
    return json.dumps({"id": number, "text": f"{number}. {WORDS}", "label": labels},
                      ensure_ascii=False)


def good_labels(number: int) -> list[list[Any]]:
    text = f"{number}. {WORDS}"
    start = text.index("Jean Dupont")
    return [[start, start + length, "person"] for length in range(1, 21)]


def write_file(path: Path, bad_record: int, bad_labels: list[Any]) -> Path:
    with open(path, "w", encoding="utf-8") as file:
        for number in range(1, RECORDS + 1):
            labels = bad_labels if number == bad_record else good_labels(number)
            file.write(doccano_line(number, labels) + "\n")
    return path


@pytest.mark.parametrize(
    ("bad_labels", "reason"),
    [
        ([[3, 7, "nobody"]], "unknown label 'nobody'"),
        ([[3, 700, "person"]], "does not fit the text"),
    ],
)
def test_a_bad_record_after_batches_were_written_leaves_nothing_of_the_file(
    tmp_path: Path, store: Store, bad_labels: list[Any], reason: str
) -> None:
    path = write_file(tmp_path / "alice.jsonl", bad_record=RECORDS - 20, bad_labels=bad_labels)
    report = import_file(store, path)
    (error,) = report.refused
    assert error.line == RECORDS - 20 and Path(error.path).name == "alice.jsonl"
    assert reason in error.reason
    assert store.document_count() == 0
    assert list(store.iter_spans()) == []
    assert sum(report.spans_added.values()) == 0 and report.documents_added == 0
    assert store.annotators() == []


def test_with_partial_the_other_records_of_the_batches_are_all_stored(
    tmp_path: Path, store: Store
) -> None:
    path = write_file(tmp_path / "alice.jsonl", bad_record=150, bad_labels=[[3, 7, "nobody"]])
    report = import_file(store, path, partial=True)
    assert [error.line for error in report.refused] == [150]
    assert store.document_count() == RECORDS - 1
    spans = list(store.iter_spans())
    assert len(spans) == (RECORDS - 1) * 20 == report.spans_added["alice"]
    assert all("Jean Dupont".startswith(span.text[:11]) for span in spans)
    assert store.document_count() == report.documents_added


def test_importing_a_large_file_again_adds_nothing(tmp_path: Path, store: Store) -> None:
    path = write_file(tmp_path / "alice.jsonl", bad_record=0, bad_labels=[])
    first = import_file(store, path)
    again = import_file(store, path)
    assert sum(again.spans_added.values()) == 0
    assert again.duplicates == RECORDS * 20 == sum(first.spans_added.values())
    assert again.documents_known == RECORDS


GOOD: dict[str, Any] = {
    "id": "a" * 32, "doc_id": "b" * 64, "annotator": "alice", "start": 3, "end": 7,
    "label": "person", "text": "Jean", "origin": "imported", "attrs": {"role": "x"},
    "created_at": "2026-12-02T06:00:00.000Z", "updated_at": "2026-12-02T06:00:00.000Z",
}


def test_a_span_row_holds_what_the_span_model_holds() -> None:
    assert span_row(dict(GOOD))._asdict() == Span(**GOOD).model_dump()


@pytest.mark.parametrize(
    "change",
    [
        {"start": -1},
        {"end": 3},
        {"end": 2},
        {"start": "three"},
        {"id": 5},
        {"label": None},
        {"created_at": 1733119200},
        {"attrs": "role=x"},
        {"attrs": {1: "x"}},
    ],
)
def test_a_span_row_refuses_what_the_span_model_refuses(change: dict[str, Any]) -> None:
    fields = {**GOOD, **change}
    with pytest.raises(ValidationError) as by_model:
        Span(**fields)
    with pytest.raises(ValidationError) as by_row:
        span_row(fields)
    assert by_row.value.errors(include_context=False) == by_model.value.errors(
        include_context=False
    )


@pytest.mark.parametrize("change", [{"start": True}, {"end": 7.0}, {"start": "3"}])
def test_a_span_row_converts_what_the_span_model_converts(change: dict[str, Any]) -> None:
    fields = {**GOOD, **change}
    assert span_row(fields)._asdict() == Span(**fields).model_dump()

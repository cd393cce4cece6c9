"""An imported layer gets a status: done when the other tool says the work was finished,
in progress otherwise, and never lower than the status it already had."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats.export import ExportOptions, gold_records
from annotator.core.importing.annotated import import_file
from annotator.core.models import Document, Status
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions de dollars."
DOC_ID = Document.from_text(TEXT).id


def label_studio_file(tmp_path: Path, result: list[dict]) -> Path:
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"id": 7, "completed_by": 1, "was_cancelled": False, "result": result}],
    }
    path = tmp_path / "label-studio.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def sam_altman_result() -> list[dict]:
    value = {"start": 0, "end": 10, "text": "Sam Altman", "labels": ["person"]}
    return [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value}]


def doccano_file(tmp_path: Path) -> Path:
    path = tmp_path / "doccano.jsonl"
    record = {"id": 1, "text": TEXT, "label": [[23, 27, "organisation"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_a_submitted_label_studio_annotation_is_a_done_layer(store: Store, tmp_path: Path) -> None:
    report = import_file(store, label_studio_file(tmp_path, sam_altman_result()), as_name="alice")
    assert store.status(DOC_ID, "alice") == Status.DONE
    assert "  layers marked: 1 done" in report.lines()
    # So an export of finished work takes it.
    done = list(gold_records(store, ExportOptions(status="done")))
    assert [span["text"] for record in done for span in record["spans"]] == ["Sam Altman"]


def test_a_submitted_annotation_with_nothing_tagged_still_says_the_work_is_done(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, label_studio_file(tmp_path, []), as_name="alice")
    assert store.status(DOC_ID, "alice") == Status.DONE


def test_a_format_without_a_notion_of_finished_gives_in_progress(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, doccano_file(tmp_path), as_name="bob")
    assert store.status(DOC_ID, "bob") == Status.IN_PROGRESS


def test_an_import_never_lowers_a_status(store: Store, tmp_path: Path) -> None:
    import_file(store, label_studio_file(tmp_path, sam_altman_result()), as_name="alice")
    store.set_status(DOC_ID, "alice", Status.REVIEWED)
    again = import_file(store, doccano_file(tmp_path), as_name="alice")
    assert store.status(DOC_ID, "alice") == Status.REVIEWED
    assert not again.statuses_set

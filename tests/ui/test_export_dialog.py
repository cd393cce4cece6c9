"""Export from the window: the dialog takes the command line's choices (format, status,
annotator, labels), the export runs off the UI thread, and a lossy format's losses are
shown, never silent."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.models import Status
from annotator.core.store import Store

CLAIM = "Meta avait tenté de débaucher ses meilleurs ingénieurs"
PERSON = "Sam Altman"


@pytest.fixture
def tagged_project(seeded_project: Path) -> tuple[Path, str]:
    """Alice: a claim, and Sam Altman outside it; the claim holds "Meta" (organisation),
    which BIO formats cannot keep. Bob: one person span. Alice is done, Bob is not."""
    with Store(seeded_project) as store:
        document = next(
            store.document(summary.id)
            for summary in store.document_summaries("alice")
            if CLAIM in store.document(summary.id).text
        )
        text = document.text

        def tag(annotator: str, words: str, label: str, start: int | None = None) -> None:
            start = text.index(words) if start is None else start
            assert text[start : start + len(words)] == words
            store.add_span(store.make_span(document, annotator, start, start + len(words), label))

        tag("alice", CLAIM, "claim")
        tag("alice", PERSON, "person")
        tag("alice", "Meta", "organisation", start=text.index(CLAIM))  # inside the claim
        tag("bob", PERSON, "person")
        store.set_status(document.id, "alice", Status.DONE)
    return seeded_project, document.id


def fill_export_dialog(qtbot, fill: Callable[[object], None]) -> list[str]:
    """Answer the modal export dialog once it is up: ``fill(dialog)``, then Export."""
    from annotator.ui.import_export.export_dialog import ExportDialog

    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(20, answer)
            return
        fill(dialog)
        seen.append(dialog.format_name())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def set_path(qtbot, dialog, path: Path) -> None:
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(path))


def test_a_lossy_export_shows_what_it_left_out(qtbot, open_window, tagged_project, tmp_path):
    project, _ = tagged_project
    window = open_window(project)
    target = tmp_path / "train.conll"

    def fill(dialog) -> None:
        choose(dialog.format_combo, "conll")
        assert dialog.align_combo.isEnabled()  # only token formats align
        choose(dialog.status_combo, "done")
        set_path(qtbot, dialog, target)

    seen = fill_export_dialog(qtbot, fill)
    with qtbot.waitSignal(window.exportFinished, timeout=20000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["conll"]
    report = finished.args[0]
    assert report is not None and report.format == "conll" and report.path == target
    # Only Alice is done: Bob's layer stays out.
    assert report.annotators == {"alice"}
    tags = [line.split()[-1] for line in target.read_text(encoding="utf-8").splitlines() if line]
    assert "B-claim" in tags and "B-person" in tags
    assert sum(report.dropped.values()) >= 1  # Meta inside the claim
    shown = window.export_report
    assert shown is not None and shown.isVisible()
    details = shown.findChild(QPlainTextEdit, "exportReportDetails")
    assert details is not None and "dropped" in details.toPlainText()
    shown.close()


def test_the_dialog_filters_by_annotator_and_labels(qtbot, open_window, tagged_project, tmp_path):
    project, doc_id = tagged_project
    window = open_window(project)
    target = tmp_path / "bob.jsonl"

    def fill(dialog) -> None:
        assert dialog.format_name() == "jsonl"
        assert not dialog.align_combo.isEnabled()
        choose(dialog.annotator_combo, "bob")
        for name in ("claim", "denial", "amount", "organisation"):
            qtbot.mouseClick(dialog.label_checks[name], Qt.MouseButton.LeftButton)
        set_path(qtbot, dialog, target)

    fill_export_dialog(qtbot, fill)
    with qtbot.waitSignal(window.exportFinished, timeout=20000) as finished:
        window.export_action.trigger()
    assert finished.args[0] is not None
    [record] = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == doc_id
    assert [(s["annotator"], s["label"], s["text"]) for s in record["spans"]] == [
        ("bob", "person", PERSON)
    ]
    assert window.export_report is None  # gold JSONL loses nothing


def test_no_label_chosen_means_nothing_to_export(qtbot, open_window, tagged_project):
    from annotator.ui.import_export.export_dialog import ExportDialog

    project, _ = tagged_project
    window = open_window(project)
    dialog = ExportDialog(
        window.db_path, window.label_set(), window.store.annotators(), "en", window
    )
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    for check in dialog.label_checks.values():
        check.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    choose(dialog.format_combo, "brat")
    assert dialog.path_edit.text().endswith("-brat")


def test_format_exports_run_off_the_ui_thread(
    qtbot, open_window, tagged_project, tmp_path, monkeypatch
):
    from annotator.core.formats import registry

    project, _ = tagged_project
    window = open_window(project)
    threads: list[threading.Thread] = []
    real = registry.export_format

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(registry, "export_format", recording)
    target = tmp_path / "tasks.labelstudio.json"
    with qtbot.waitSignal(window.exportFinished, timeout=20000) as finished:
        window.start_export(target, format_name="labelstudio")
    assert finished.args[0] is not None and target.exists()
    assert threads and threads[0] is not threading.main_thread()


def test_the_dialog_splits_by_article(qtbot, open_window, tagged_project, tmp_path):
    project, _ = tagged_project
    with Store(project) as store:
        for doc_id in store.document_ids():  # Alice read them all
            store.set_status(doc_id, "alice", Status.DONE)
    window = open_window(project)
    target = tmp_path / "gold.jsonl"

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.split_edit, "train=0.5,test=0.6")
        assert not dialog.ok_button.isEnabled()  # shares must add up to 1
        assert "adding up to 1" in dialog.split_note.text()
        dialog.split_edit.clear()
        qtbot.keyClicks(dialog.split_edit, "train=0.5,test=0.5")
        dialog.seed_spin.setValue(3)
        assert dialog.ok_button.isEnabled()
        set_path(qtbot, dialog, target)

    fill_export_dialog(qtbot, fill)
    with qtbot.waitSignal(window.exportFinished, timeout=20000) as finished:
        window.export_action.trigger()
    report = finished.args[0]
    assert report is not None and sorted(report.parts) == ["test", "train"]
    parts = {
        part: [json.loads(line)["id"] for line in (tmp_path / f"gold.{part}.jsonl").open()]
        for part in ("train", "test")
    }
    assert not set(parts["train"]) & set(parts["test"])
    assert len(parts["train"]) + len(parts["test"]) == report.documents > 1
    assert abs(len(parts["train"]) - len(parts["test"])) <= 1

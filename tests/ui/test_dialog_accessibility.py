"""What a screen reader gets in the window's dialogs: each control a name and a
description, as in the main window (``test_accessibility.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from review_support import example_project, review_window  # noqa: F401 (fixtures)
from test_accessibility import unnamed_controls


def unnamed_in_dialog(qtbot, window, open_it) -> tuple[str, list[str]]:
    """Open a dialog the way the window does, list its unnamed controls, close it."""
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            dialog = next(
                (
                    top
                    for top in QApplication.topLevelWidgets()
                    if isinstance(top, QDialog) and top.isVisible()
                ),
                None,
            )
        if dialog is None:
            QTimer.singleShot(50, inspect)
            return
        seen["name"] = type(dialog).__name__
        seen["missing"] = unnamed_controls(dialog)
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(0, inspect)
    open_it(window)
    qtbot.waitUntil(lambda: "missing" in seen, timeout=5000)
    return str(seen["name"]), list(seen["missing"])  # type: ignore[arg-type]


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCCANO_EXPORT = FIXTURES / "doccano" / "export_example.jsonl"

WINDOW_DIALOGS = {
    "export": lambda window: window.export_action.trigger(),
    "import choices": lambda window: window.import_with_choices([DOCCANO_EXPORT]),
    "shortcut sheet": lambda window: window.shortcuts_action.trigger(),
    "claim ledger": lambda window: window.attribution.ledger_action.trigger(),
    "preferences": lambda window: window.preferences_action.trigger(),
}


@pytest.mark.parametrize("which", sorted(WINDOW_DIALOGS))
def test_every_control_of_the_window_dialogs_is_named_and_described(
    qtbot, open_window, seeded_project, which
) -> None:
    window = open_window(seeded_project)
    name, missing = unnamed_in_dialog(qtbot, window, WINDOW_DIALOGS[which])
    assert missing == [], f"{name}: " + "; ".join(missing)


REVIEW_DIALOGS = {
    "choose annotators": lambda window: window.review_mode.start_action.trigger(),
    "agreement": lambda window: window.review_mode.agreement_action.trigger(),
}


@pytest.mark.parametrize("which", sorted(REVIEW_DIALOGS))
def test_every_control_of_the_review_dialogs_is_named_and_described(
    qtbot, review_window, example_project, which  # noqa: F811 (fixtures)
) -> None:
    window = review_window(example_project[0])
    name, missing = unnamed_in_dialog(qtbot, window, REVIEW_DIALOGS[which])
    assert missing == [], f"{name}: " + "; ".join(missing)


def built_dialogs(window) -> dict[str, QWidget]:
    """Dialogs the window builds from what a task found, built here from the same parts."""
    from annotator.core.formats.shared import FormatExportReport
    from annotator.core.models import Span
    from annotator.core.review.decisions import Candidate
    from annotator.ui.article.amount_editor import AmountDialog
    from annotator.ui.carry_over.view import CarryOverDialog
    from annotator.ui.error_list import ErrorListDialog
    from annotator.ui.import_export.export_dialog import ExportReportDialog
    from annotator.ui.review.dialogs import EditCandidateDialog

    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    amount = Span(id="a", doc_id=doc_id, annotator="alice", start=0, end=5, label="amount",
                  text=text[:5])  # fmt: skip
    report = FormatExportReport(
        path=window.db_path.with_suffix(".conll"), spans=3, format="conll", written_spans=2
    )
    report.dropped["cuts a word"] = 1
    return {
        "amount": AmountDialog(amount, window),
        "carry over": CarryOverDialog("Title", [], "alice", window),
        "import problems": ErrorListDialog(
            "Import", "1 file failed", [("a.pdf", "not an article")], window
        ),
        "export report": ExportReportDialog(report, window),
        "edit candidate": EditCandidateDialog(
            text,
            Candidate(start=0, end=5, label="person", text=text[:5], annotators=["alice"]),
            window.label_set(),
            "en",
            window,
        ),
    }


def test_every_control_of_the_task_dialogs_is_named_and_described(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    missing = {}
    for name, dialog in built_dialogs(window).items():
        dialog.show()
        qtbot.waitExposed(dialog)
        missing[name] = unnamed_controls(dialog)
        dialog.close()
    assert missing == {name: [] for name in missing}

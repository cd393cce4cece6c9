"""Setting an article's language by hand: from the Article menu and the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.cli import main
from annotator.core.store import Store


def test_the_article_menu_sets_the_language(qtbot, open_window, seeded_project) -> None:
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    action = window.document_language.action
    assert action in window.document_menu.actions()

    def choose_english() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, choose_english)
            return
        dialog.setTextValue("English (en)")
        dialog.accept()

    QTimer.singleShot(0, choose_english)
    action.trigger()
    assert window.store.document(doc_id).language == "en"
    assert "English" in window.statusBar().currentMessage()


def test_docs_set_language_sets_it_and_auto_forgets_it(seeded_project: Path) -> None:
    with Store(seeded_project) as store:
        doc_id = store.document_ids()[0]
    runner = CliRunner()
    result = runner.invoke(
        main, ["--db", str(seeded_project), "docs", "--set-language", doc_id[:8], "en"]
    )
    assert result.exit_code == 0, result.output
    with Store(seeded_project) as store:
        assert store.document(doc_id).language == "en"
    result = runner.invoke(
        main, ["docs", "--set-language", doc_id[:8], "auto", "--db", str(seeded_project)]
    )
    assert result.exit_code == 0 and "detected from the text" in result.output
    with Store(seeded_project) as store:
        assert store.document(doc_id).language is None
    result = runner.invoke(
        main, ["--db", str(seeded_project), "docs", "--set-language", doc_id[:8], "French"]
    )
    assert result.exit_code == 2 and "two-letter code" in result.output

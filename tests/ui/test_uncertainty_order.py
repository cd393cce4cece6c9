"""View → Order articles by what teaches the model most: the article list, most
uncertain first under the project model, measured in the background; Ctrl+Enter
follows that order; without a model the entry is disabled and says why.

One small model is trained for the module (a generated corpus in the gold layer,
``annotator train`` with few epochs: seconds); each test works on a copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.bench.claims_corpus import fill_gold
from annotator.cli import main
from annotator.core.store import Store
from annotator.core.suggestions.model_suggester import uncertainty_by_document
from annotator.ui import i18n
from annotator.ui.models import DOC_ID_ROLE, DocumentListModel


@pytest.fixture(scope="module")
def trained_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("uncertainty")
    project = folder / "project.db"
    with Store(project) as store:
        fill_gold(store, 10, size=700)
    result = CliRunner().invoke(
        main,
        ["--db", str(project), "train", "-o", str(folder / "model"), "--epochs", "4"],
    )
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture
def project_with_model(trained_project: Path, tmp_path: Path) -> Path:
    with Store(trained_project) as store:
        store.backup_to(tmp_path / "copy.db")
    return tmp_path / "copy.db"


def shown_rows(window) -> list[tuple[str, str]]:
    """(document id, the Doubt column's text) of each visible row, top to bottom."""
    shown = window.document_list.table.model()
    return [
        (
            str(shown.index(row, 0).data(DOC_ID_ROLE)),
            str(shown.index(row, DocumentListModel.UNCERTAINTY).data()),
        )
        for row in range(shown.rowCount())
    ]


def test_the_list_shows_the_most_uncertain_articles_first_and_ctrl_enter_follows(
    qtbot, open_window, project_with_model: Path
) -> None:
    window = open_window(project_with_model)
    table = window.document_list.table
    action = window.uncertainty_order.action
    assert action in window.view_menu.actions()
    assert action.text() == "Order articles by what &teaches the model most"
    assert action.isEnabled() and not action.isChecked()
    project_order = [doc_id for doc_id, _ in shown_rows(window)]
    assert table.isColumnHidden(DocumentListModel.UNCERTAINTY)
    title_width = table.columnWidth(DocumentListModel.TITLE)
    list_width = window.splitter.sizes()[0]

    with Store(project_with_model) as store:
        doubt = uncertainty_by_document(store)
    expected = sorted(project_order, key=lambda doc_id: -doubt[doc_id])
    assert expected != project_order, "the corpus must give the model varied doubts"

    action.trigger()
    qtbot.waitUntil(lambda: window.document_list.ordered_by_uncertainty(), timeout=30000)
    rows = shown_rows(window)
    assert [doc_id for doc_id, _ in rows] == expected
    assert [shown for _, shown in rows] == [f"{doubt[doc_id]:.2f}" for doc_id in expected]
    assert not table.isColumnHidden(DocumentListModel.UNCERTAINTY)
    # The list widens for the column: the titles stay as readable.
    qtbot.waitUntil(lambda: table.columnWidth(DocumentListModel.TITLE) >= title_width - 2)
    header = window.document_model.headerData(
        DocumentListModel.UNCERTAINTY, Qt.Orientation.Horizontal
    )
    assert header == "Doubt"
    tip = table.model().index(0, DocumentListModel.UNCERTAINTY).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"The project model's uncertainty about this article: {rows[0][1]}")
    assert "ordered by the project model's uncertainty" in window.statusBar().currentMessage()

    # Mark done and next goes down the list as it is shown, not in the project's order.
    window.open_document(expected[0])
    window.article_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    with qtbot.waitSignal(window.documentOpened) as opened:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert opened.args == [expected[1]]
    assert window.document_list.current_document_id() == expected[1]
    assert table.currentIndex().row() == 1

    action.trigger()
    assert [doc_id for doc_id, _ in shown_rows(window)] == project_order
    assert table.isColumnHidden(DocumentListModel.UNCERTAINTY)
    assert window.document_list.current_document_id() == expected[1]
    assert window.splitter.sizes()[0] == list_width


def test_without_a_project_model_the_order_is_disabled_and_says_why(
    qtbot, open_window, tmp_path: Path
) -> None:
    project = tmp_path / "project.db"
    with Store(project) as store:
        fill_gold(store, 3, size=400)
    window = open_window(project)
    action = window.uncertainty_order.action
    assert action in window.view_menu.actions()
    assert not action.isEnabled()
    why = "The project has no model yet: train one with Article → Train the project model."
    assert action.toolTip() == why
    assert action.statusTip() == why
    assert window.view_menu.toolTipsVisible()
    assert window.document_list.table.isColumnHidden(DocumentListModel.UNCERTAINTY)

    i18n.apply_language("fr")
    qtbot.waitUntil(lambda: action.text().startswith("&Trier"))
    assert action.toolTip() == (
        "Le projet n’a pas encore de modèle\xa0: entraînez-en un avec Article → "
        "Entraîner le modèle du projet."
    )

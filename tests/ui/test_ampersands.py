"""An "&" in a label, an article title or a file name is shown as typed in menus, the
label bar, the export dialog and the undo history: Qt reads a lone "&" in such a text as
the mark of a keyboard mnemonic and hides it ("R&D" showed as "RD")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core.importing.articles import import_paths
from annotator.core.store import Store
from annotator.ui.text_display import short_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# A title whose "&" falls where an undo entry cuts a long title: its last character.
LONG_TITLE = "Crédits publics de recherche, défense & espace exclus : la baisse"


def shown(text: str) -> str:
    """What a menu, a button or a tool button shows of ``text``: Qt reads "&" as the
    mark of the next letter's mnemonic and "&&" as one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def display_as(store: Store, label_name: str, shown_name: str) -> None:
    label_set = store.label_set()
    labels = [
        label.model_copy(update={"display": {"en": shown_name, "fr": shown_name}})
        if label.name == label_name
        else label
        for label in label_set.labels
    ]
    store.set_label_set(label_set.model_copy(update={"labels": labels}))


@pytest.fixture
def ampersand_project(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "R&D.db"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "budget.txt").write_text(
        f"{LONG_TITLE}\n\nLa Cour des comptes publie ses chiffres sur la recherche.\n",
        encoding="utf-8",
    )
    with Store(path) as store:
        import_paths(store, [seeds_dir, articles])
        display_as(store, "organisation", "R&D")
        display_as(store, "amount", "Sums & figures")
    return path


def test_the_label_bar_shows_a_label_with_an_ampersand_as_typed(
    qtbot, open_window, ampersand_project
):
    window = open_window(ampersand_project)
    action = window.label_bar.actions_by_label["organisation"]
    assert shown(action.text()).startswith("R&D ")


def test_the_export_dialog_shows_a_label_with_an_ampersand_as_typed(
    qtbot, open_window, ampersand_project
):
    from annotator.ui.import_export.export_dialog import ExportDialog

    window = open_window(ampersand_project)
    dialog = ExportDialog(
        ampersand_project, window.store.label_set(), ["alice"], "en", parent=window
    )
    qtbot.addWidget(dialog)
    assert shown(dialog.label_checks["organisation"].text()) == "R&D"


def test_the_recent_projects_menu_shows_a_file_name_with_an_ampersand(
    qtbot, open_window, seeded_project, ampersand_project
):
    window = open_window(seeded_project)
    window.preferences.add_recent_project(ampersand_project)
    window.projects.recent_menu.aboutToShow.emit()  # as opening the submenu does
    names = [shown(action.text()) for action in window.projects.recent_menu.actions()]
    assert any(name.startswith("R&D.db") for name in names), names


def test_the_accept_all_menu_shows_a_label_with_an_ampersand_and_keeps_its_key(
    qtbot, open_window, ampersand_project
):
    window = open_window(ampersand_project)
    editor = window.article_view.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.waitUntil(
        lambda: any(s.label == "amount" for s in window.suggestions.suggestions()), timeout=15000
    )
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    entry = next(action for action in menu.actions() if action.data() == "amount")
    assert "Sums & figures" in shown(entry.text())
    key = window.store.label_set().get("amount").key
    assert entry.text().startswith(f"&{key} ")
    menu.close()


def test_the_undo_entry_names_an_article_title_with_an_ampersand_as_typed(
    qtbot, open_window, ampersand_project
):
    window = open_window(ampersand_project)
    with Store(ampersand_project) as store:
        budget = next(s.id for s in store.document_summaries("alice") if s.title == LONG_TITLE)
    window.open_document(budget)
    qtbot.waitUntil(lambda: window.current_document_id() == budget)
    editor = window.article_view.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Right, CTRL | SHIFT)
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(editor, Qt.Key.Key_5)  # organisation, shown as "R&D"
    assert re.search(r"\bR&D\b", shown(window.undo_action.text()))

    other = next(s.id for s in window.store.document_summaries("alice") if s.id != budget)
    window.open_document(other)
    qtbot.waitUntil(lambda: window.current_document_id() == other)
    # The entry cuts the long title right after its "&", which must still show.
    assert short_text(LONG_TITLE).endswith("&…")
    assert f"(in “{short_text(LONG_TITLE)}”)" in shown(window.undo_action.text())

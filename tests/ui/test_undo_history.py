"""Undo over every article (changing article keeps the history; an undo opens the article
it changes first) and Undo/Redo texts that follow the interface language."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def spans_of(window, doc_id: str) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, s.text) for s in window.store.spans(doc_id, "alice")]


def first_word(text: str) -> tuple[int, int]:
    match = re.search(r"\w+", text)
    assert match is not None
    return match.start(), match.end()


def tag_first_word(qtbot, window, key: Qt.Key) -> None:
    """Ctrl+Home, Ctrl+Shift+Right, then a label key, as a user would."""
    editor = window.article_view.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Right, CTRL | SHIFT)
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(editor, key)


def next_article(qtbot, window) -> str:
    table = window.document_list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    with qtbot.waitSignal(window.documentOpened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    return opened.args[0]


def press(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(window.article_view.editor, key, modifiers)


def test_undo_reaches_back_into_the_previous_article_and_opens_it(
    qtbot, open_window, seeded_project: Path
):
    window = open_window(seeded_project)
    first = window.current_document_id()
    first_text = window.store.document(first).text
    tag_first_word(qtbot, window, Qt.Key.Key_4)  # person
    start, end = first_word(first_text)
    first_span = (start, end, "person", first_text[start:end])
    assert spans_of(window, first) == [first_span]

    second = next_article(qtbot, window)
    assert second != first
    second_text = window.store.document(second).text
    tag_first_word(qtbot, window, Qt.Key.Key_5)  # organisation
    start, end = first_word(second_text)
    second_span = (start, end, "organisation", second_text[start:end])
    assert spans_of(window, second) == [second_span]

    # The next undo would change the first article: the menu says where.
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert spans_of(window, second) == []
    assert window.current_document_id() == second
    first_title = window.document_model.summary(window.document_model.row_of(first)).title
    assert "(in “" in window.undo_action.text()
    assert first_title.split()[0] in window.undo_action.text()

    # Ctrl+Z again: the first article comes back on screen and loses its span.
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.current_document_id() == first
    assert window.article_view.document_id() == first
    listed = window.document_list.table.currentIndex()
    assert window.document_model.summary(listed.row()).id == first
    assert spans_of(window, first) == []
    assert spans_of(window, second) == []
    assert not window.undo_action.isEnabled()

    # Redo puts it back where the user is; the next redo goes to the second article.
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert spans_of(window, first) == [first_span]
    assert window.current_document_id() == first
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert window.current_document_id() == second
    assert spans_of(window, second) == [second_span]
    assert [span.id for span in window.article_view.spans()] == [
        s.id for s in window.store.spans(second, "alice")
    ]
    # The list counts follow.
    row = window.document_model.row_of(first)
    assert window.document_model.summary(row).span_count == 1


def test_undo_and_redo_texts_follow_the_language(qtbot, open_window, seeded_project: Path):
    from annotator.ui import i18n

    window = open_window(seeded_project)
    assert window.undo_action.text() == "&Undo"
    tag_first_word(qtbot, window, Qt.Key.Key_4)
    assert window.undo_action.text().startswith("&Undo Tag “")
    assert i18n.apply_language("fr")
    qtbot.waitUntil(lambda: window.edit_menu.title() == "&Édition")
    assert window.undo_action.text().startswith("&Annuler Étiqueter «\u00a0")
    assert window.undo_action.text().endswith(" comme Personne")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.redo_action.text().startswith("&Rétablir Étiqueter «\u00a0")
    assert window.undo_action.text() == "&Annuler"
    i18n.apply_language("en")
    QApplication.processEvents()
    assert window.redo_action.text().startswith("&Redo Tag “")

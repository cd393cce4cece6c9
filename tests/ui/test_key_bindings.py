"""Keys the desktop leaves to the window: moving a span's edges with keys no window
manager takes, and every shortcut changed in Preferences (kept, conflicts refused)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QKeySequenceEdit, QLabel
from text_mouse import drag

from annotator.ui.preferences import PreferencesDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# What GNOME, KDE, Xfce and Openbox bind out of the box to switch desktops or send the
# window to another one: the window never sees these keys.
TAKEN_BY_DESKTOPS = [
    QKeySequence(f"{mods}+{arrow}")
    for mods in ("Ctrl+Alt", "Shift+Alt", "Ctrl+Shift+Alt", "Meta", "Meta+Shift", "Meta+Ctrl")
    for arrow in ("Left", "Right", "Up", "Down")
]


def tag_word(qtbot, window, word: str) -> tuple[str, int]:
    view = window.article_view
    text = window.store.document(view.document_id()).text
    start = text.index(f" {word} ") + 1
    drag(view, text, start, start + len(word))
    qtbot.keyClick(view.editor, "p")
    return text, start


def stored_span(window, start: int) -> tuple[int, int]:
    spans = window.store.spans(window.article_view.document_id(), "alice")
    span = next(span for span in spans if span.start <= start < span.end)
    return span.start, span.end


def article_word(window) -> str:
    text = window.store.document(window.article_view.document_id()).text
    words = text.split()
    return next(
        word
        for before, word, after in zip(words, words[1:], words[2:], strict=False)
        if word.isalpha() and before.isalpha() and after.isalpha() and len(word) > 3
    )


def test_span_edges_move_with_keys_no_desktop_takes(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    word = article_word(window)
    text, start = tag_word(qtbot, window, word)
    end = start + len(word)
    editor = window.article_view.editor
    bound = {
        QKeySequence(key).toString()
        for binding in window.key_bindings.commands()
        for key in binding.current
    }
    assert not bound & {key.toString() for key in TAKEN_BY_DESKTOPS}

    qtbot.keyClick(editor, Qt.Key.Key_Right, ALT)  # the end, one word on
    new_end = stored_span(window, start)[1]
    assert new_end > end and text[end:new_end].strip().isalpha()
    qtbot.keyClick(editor, Qt.Key.Key_Left, ALT)  # and back
    assert stored_span(window, start) == (start, end)
    qtbot.keyClick(editor, Qt.Key.Key_Up, ALT)  # the start, one word earlier
    new_start = stored_span(window, start)[0]
    assert new_start < start
    qtbot.keyClick(editor, Qt.Key.Key_Down, ALT)
    assert stored_span(window, start) == (start, end)


def test_a_shortcut_changed_in_preferences_works_and_is_kept(
    qtbot, open_window, seeded_project, preferences
):
    preferences.annotator_name = "alice"
    window = open_window(seeded_project)

    def rebind() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        edit = dialog.findChild(QKeySequenceEdit, "shortcut_moveSpanEndRight")
        edit.setKeySequence(QKeySequence("Ctrl+Shift+K"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, rebind)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert preferences.shortcuts("moveSpanEndRight") == ["Ctrl+Shift+K"]

    word = article_word(window)
    _text, start = tag_word(qtbot, window, word)
    editor = window.article_view.editor
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL | SHIFT)
    moved = stored_span(window, start)
    assert moved[1] > start + len(word)
    qtbot.keyClick(editor, Qt.Key.Key_Right, ALT)  # the old key does nothing now
    assert stored_span(window, start) == moved


@pytest.mark.parametrize(
    ("command", "key", "said"),
    [
        ("importFiles", "Ctrl+E", "Export"),  # Export's key
        ("importFiles", "D", "Ctrl or Alt"),  # a bare letter would stop tagging
    ],
)
def test_a_shortcut_already_taken_is_refused(
    qtbot, open_window, seeded_project, preferences, command, key, said
):
    preferences.annotator_name = "alice"
    window = open_window(seeded_project)
    seen: list[str] = []

    def clash() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        edit = dialog.findChild(QKeySequenceEdit, f"shortcut_{command}")
        edit.setKeySequence(QKeySequence(key))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible()  # refused: the dialog stays open and says why
        seen.append(dialog.findChild(QLabel, "shortcutProblem").text())
        dialog.reject()

    QTimer.singleShot(0, clash)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert seen and said in seen[0]
    assert preferences.shortcuts(command) is None
    assert window.import_files_action.shortcut() == QKeySequence("Ctrl+O")

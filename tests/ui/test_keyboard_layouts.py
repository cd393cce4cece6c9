"""Label keys on the keyboards journalists have: French AZERTY (the digit row types
& é " ' ( without Shift), German QWERTZ and QWERTY, pressed in the real window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from text_mouse import drag

from annotator.ui.keyboard import digit_row_digit


def press(widget, key: Qt.Key, text: str, scan_code: int = 0) -> None:
    """One key press and release as the platform delivers it, with its typed text."""
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text)
        QApplication.sendEvent(widget, event)


def select_word(window, word: str) -> tuple[str, int]:
    view = window.article_view
    text = window.store.document(view.document_id()).text
    start = text.index(word)
    drag(view, text, start, start + len(word))
    assert view.editor.textCursor().hasSelection()
    return text, start


def labels_at(window, start: int) -> list[str]:
    doc_id = window.article_view.document_id()
    return [span.label for span in window.store.spans(doc_id, "alice") if span.start == start]


def a_word(window) -> str:
    text = window.store.document(window.article_view.document_id()).text
    return next(word for word in text.split() if word.isalpha() and len(word) > 4)


def test_the_azerty_key_printed_5_tags_an_organisation(open_window, seeded_project) -> None:
    window = open_window(seeded_project)
    word = a_word(window)
    _text, start = select_word(window, word)
    press(window.article_view.editor, Qt.Key.Key_ParenLeft, "(")  # AZERTY 5, no Shift
    assert labels_at(window, start) == ["organisation"]


def test_the_azerty_key_printed_2_tags_a_denial(open_window, seeded_project) -> None:
    window = open_window(seeded_project)
    _text, start = select_word(window, a_word(window))
    press(window.article_view.editor, Qt.Key.Key_Eacute, "é")
    assert labels_at(window, start) == ["denial"]


def test_qwertz_and_qwerty_digits_still_tag(open_window, seeded_project) -> None:
    window = open_window(seeded_project)
    _text, start = select_word(window, a_word(window))
    press(window.article_view.editor, Qt.Key.Key_4, "4")
    assert labels_at(window, start) == ["person"]


def test_the_digit_row_is_read_by_its_place_under_x11_windows_and_macos() -> None:
    # The key printed 5: X11 keycode 14, Windows scan code 0x06, macOS kVK_ANSI_5.
    assert digit_row_digit("xcb", 14, 0) == "5"
    assert digit_row_digit("wayland", 19, 0) == "0"
    assert digit_row_digit("windows", 0x06, 0) == "5"
    assert digit_row_digit("cocoa", 0, 0x17) == "5"
    assert digit_row_digit("xcb", 24, 0) is None  # the key printed A on AZERTY


def test_the_f1_sheet_says_the_digit_keys_need_no_shift(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    sheet = window.show_shortcuts()
    entries = dict(sheet.entries())
    assert entries["5 / O"].endswith("Organisation")
    assert "without Shift" in entries["Digit keys"]
    sheet.close()

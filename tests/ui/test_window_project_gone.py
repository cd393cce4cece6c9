"""The project file deleted or replaced while the window is open: the window stops
saving, says so, and saves what it still holds to a new project file on request."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from text_mouse import qt_position

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.ui import file_dialogs


def word_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w{3,}", text)]


def tag_word(qtbot, window, text: str, word: tuple[int, int]) -> None:
    """Select the word and press the claim key."""
    editor = window.article_view.editor
    cursor = editor.textCursor()
    cursor.setPosition(qt_position(text, word[0]))
    cursor.setPosition(qt_position(text, word[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_1)


def shown_claims(window) -> set[tuple[int, int]]:
    return {
        (s.start, s.end)
        for s in window.article_view.spans()
        if s.annotator == "alice" and s.label == "claim"
    }


def lost_message(window) -> QMessageBox | None:
    box = window.findChild(QMessageBox, "projectLost")
    return box if box is not None and box.isVisible() else None


def saved_spans(path: Path, doc_id: str) -> set[tuple[int, int]]:
    with Store(path, read_only=True) as store:
        return {(s.start, s.end) for s in store.spans(doc_id, "alice")}


def test_a_deleted_project_is_not_written_nor_re_created_and_the_work_can_be_saved(
    qtbot, open_window, seeded_project: Path, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    first, second = word_ranges(text)[:2]
    tag_word(qtbot, window, text, first)
    assert shown_claims(window) == {first}

    os.remove(seeded_project)
    tag_word(qtbot, window, text, second)
    # The window does not pretend: the tag is not shown, and it says why.
    assert shown_claims(window) == {first}
    assert "deleted or replaced" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: lost_message(window) is not None)
    assert window.findChild(type(window.status_label), "projectLostLabel").isVisible()

    # Background work (suggestions for the next article) never brings an empty
    # project back at the path.
    window.open_next_document()
    window.suggestions.wait()
    qtbot.wait(50)
    assert not seeded_project.exists()

    target = tmp_path / "recovered.db"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args, **kwargs: str(target))
    window.project_watch.save_action.trigger()
    assert saved_spans(target, doc_id) == {first}
    assert str(target) in window.statusBar().currentMessage()


def test_a_replaced_project_is_left_as_it_was_and_the_work_can_be_saved(
    qtbot, open_window, seeded_project: Path, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    first, second = word_ranges(text)[:2]
    tag_word(qtbot, window, text, first)

    other = tmp_path / "other.db"
    with Store(other) as replacement:
        replacement.add_document(Document.from_text("Un autre projet.\n\nAutre texte."))
        replacement_ids = replacement.document_ids()
    os.replace(other, seeded_project)
    qtbot.waitUntil(lambda: lost_message(window) is not None, timeout=5000)
    tag_word(qtbot, window, text, second)
    assert shown_claims(window) == {first}
    window.mark_done_and_next()  # refused too, with a message, not a traceback
    assert "deleted or replaced" in window.statusBar().currentMessage()

    with Store(seeded_project, read_only=True) as replacement:
        assert replacement.integrity_check() == "ok"
        assert replacement.document_ids() == replacement_ids
        assert list(replacement.iter_spans()) == []

    target = tmp_path / "recovered.db"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args, **kwargs: str(target))
    box = lost_message(window)
    assert box is not None
    save = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    save.click()
    assert saved_spans(target, doc_id) == {first}


def test_a_write_protected_project_opens_read_only_and_says_so(
    qtbot, preferences, seeded_project: Path
) -> None:
    from write_protection import write_protected

    from annotator.ui import i18n
    from annotator.ui.shell.main_window import MainWindow

    i18n.apply_language("en")
    with write_protected(seeded_project.parent):
        store = Store.writable_or_read_only(seeded_project)
        window = MainWindow(store, seeded_project, "alice", preferences)
        try:
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda: window.current_document_id() is not None)
            banner = window.findChild(type(window.status_label), "projectLostLabel")
            assert banner.isVisible() and "Read-only" in banner.text()
            assert "read-only" in window.windowTitle()
            doc_id = window.current_document_id()
            text = store.document(doc_id).text
            tag_word(qtbot, window, text, word_ranges(text)[0])
            assert shown_claims(window) == set()  # no tagging pretended
            assert "read-only" in window.statusBar().currentMessage()
            window.mark_done_and_next()
            assert "read-only" in window.statusBar().currentMessage()
        finally:
            window.suggestions.wait()
            window.tasks.wait()
            window.close()
            # Gone before its store closes: no later event may reach the store.
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            store.close()

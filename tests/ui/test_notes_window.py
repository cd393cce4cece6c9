"""Notes in the window, by keys and mouse: on a span (M) and on the article (Shift+M),
each change one undo step, a removed span's note back with the span on undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from text_mouse import select_first_word

from annotator.ui.notes.view import NoteEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _editor(qtbot, window) -> NoteEditor:
    qtbot.waitUntil(lambda: window.notes.editor is not None and window.notes.editor.isVisible())
    editor = window.notes.editor
    assert editor is not None
    qtbot.waitUntil(editor.edit.hasFocus)
    return editor


def _tag_first_word(qtbot, window) -> None:
    editor = window.article_view.editor
    select_first_word(qtbot, editor)
    QTest.keyClick(editor, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.article_view.current_span() is not None)


def test_a_span_note_is_written_by_keys_undone_redone_and_survives_the_spans_removal(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    store, doc_id = window.store, window.current_document_id()
    _tag_first_word(qtbot, window)
    span = window.article_view.current_span()
    assert not window.notes.span_box.text.isVisible()

    QTest.keyClick(window.article_view.editor, Qt.Key.Key_M)
    editor = _editor(qtbot, window)
    QTest.keyClicks(editor.edit, "check this figure with legal")
    QTest.keyClick(editor.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.notes.editor is None)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    (note,) = store.notes(doc_id)
    assert (note.span_id, note.author, note.text) == (
        span.id, "alice", "check this figure with legal"
    )
    assert "check this figure with legal" in window.notes.span_box.text.text()
    assert window.notes.span_box.text.isVisible()

    window.article_view.editor.setFocus()
    QTest.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL)
    assert store.notes(doc_id) == []
    assert "check this figure" not in window.notes.span_box.text.text()
    QTest.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.notes(doc_id) == [note]

    # Removing the span hides its note; undo brings both back.
    window.article_view.select_span(span.id)
    QTest.keyClick(window.article_view.editor, Qt.Key.Key_Delete)
    assert not store.has_span(span.id) and store.notes(doc_id) == []
    QTest.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL)
    assert store.has_span(span.id) and store.notes(doc_id) == [note]


def test_an_article_note_is_added_edited_and_removed_with_the_mouse_and_shift_n(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    store, doc_id = window.store, window.current_document_id()
    box = window.notes.article_box
    assert box.isVisible() and not box.text.isVisible()

    window.article_view.editor.setFocus()
    QTest.keyClick(window.article_view.editor, Qt.Key.Key_M, SHIFT)
    editor = _editor(qtbot, window)
    QTest.keyClicks(editor.edit, "the source is a press release")
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.notes.editor is None)
    (note,) = store.notes(doc_id)
    assert note.span_id is None and note.text == "the source is a press release"
    assert "press release" in box.text.text() and box.text.isVisible()

    QTest.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(qtbot, window)
    assert editor.edit.toPlainText() == "the source is a press release"
    QTest.keyClicks(editor.edit, " (AFP)")
    QTest.keyClick(editor.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.notes.editor is None)
    assert [n.text for n in store.notes(doc_id)] == ["the source is a press release (AFP)"]

    QTest.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert store.notes(doc_id) == []
    assert not box.text.isVisible()
    window.undo_action.trigger()
    assert [n.text for n in store.notes(doc_id)] == ["the source is a press release (AFP)"]
    window.undo_action.trigger()
    assert [n.text for n in store.notes(doc_id)] == ["the source is a press release"]
    assert window.undo_action.text().endswith("Note on the article")

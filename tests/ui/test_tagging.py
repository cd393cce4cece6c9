"""Tagging with real mouse drags and key presses; after every step the store must hold
exactly the spans Python slicing of the document text predicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from text_mouse import drag, point_at, qt_position

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.ui.article.view import ArticleView
from annotator.ui.session import ProjectSession

ANNOTATOR = "alice"
# Emoji (two UTF-16 units each, one a ZWJ sequence) and a combining accent come before
# the words we tag, so any UTF-16 / code point mix-up would shift the spans.
TEXT = (
    "Cafe\u0301 👩‍💻 et 🚀 : à Montréal, Élodie Durand a déclaré que la start-up "
    "lèvera 2 millions € en 2025.\n\n"
    "Le PDG d’OpenAI, Sam Altman, dément ces chiffres."
)


def click(view: ArticleView, text: str, cp: int) -> None:
    """Click in the middle of character ``cp``."""
    left, right = point_at(view, text, cp), point_at(view, text, cp + 1)
    if right.y() != left.y():
        right = left + QPoint(4, 0)
    QTest.mouseClick(
        view.editor.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint((left.x() + right.x()) // 2, left.y()),
    )


def stored(store: Store, doc_id: str) -> list[tuple[int, int, str, str]]:
    return sorted(
        (span.start, span.end, span.label, span.text) for span in store.spans(doc_id, ANNOTATOR)
    )


def expect(text: str, *tags: tuple[str, str]) -> list[tuple[int, int, str, str]]:
    """``(fragment, label)`` pairs, located by Python in the text."""
    found = []
    for fragment, label in tags:
        start = text.index(fragment)
        found.append((start, start + len(fragment), label, text[start : start + len(fragment)]))
    return sorted(found)


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


def open_view(qtbot, store: Store, undo_stack: QUndoStack, text: str) -> tuple[ArticleView, str]:
    document = Document.from_text(text, title="test")
    store.add_document(document)
    view = ArticleView(ProjectSession(store, undo_stack), ANNOTATOR)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document.id)
    view.setFocus()
    return view, document.id


@pytest.fixture
def opened(qtbot, store: Store, undo_stack: QUndoStack) -> tuple[ArticleView, str]:
    return open_view(qtbot, store, undo_stack, TEXT)


def test_drag_over_half_words_then_a_label_key_tags_whole_words(qtbot, store, opened) -> None:
    view, doc_id = opened
    start = TEXT.index("lodie")  # from inside "Élodie" ...
    end = TEXT.index("Durand") + 3  # ... to inside "Durand"
    drag(view, TEXT, start, end)
    assert view.editor.textCursor().hasSelection()
    with qtbot.waitSignal(view.session.changed) as changed:
        qtbot.keyClick(view.editor, "p")
    assert changed.args[0].touches(doc_id)
    assert stored(store, doc_id) == expect(TEXT, ("Élodie Durand", "person"))


def test_keyboard_selection_then_digit_key_tags_the_amount(qtbot, store, opened) -> None:
    view, doc_id = opened
    click(view, TEXT, TEXT.index("2 millions"))
    qtbot.keyClick(view.editor, Qt.Key.Key_Home)
    # Move to the "2" with the keyboard, then select two words with Ctrl+Shift+Right.
    cursor = view.editor.textCursor()
    while cursor.position() < qt_position(TEXT, TEXT.index("2 millions")):
        qtbot.keyClick(view.editor, Qt.Key.Key_Right)
        cursor = view.editor.textCursor()
    for _ in range(2):
        qtbot.keyClick(
            view.editor,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    qtbot.keyClick(view.editor, "3")
    assert stored(store, doc_id) == expect(TEXT, ("2 millions €", "amount"))


def test_shift_arrows_select_by_character_in_character_mode(qtbot, store, opened) -> None:
    view, doc_id = opened
    view.set_word_snapping(False)
    start = TEXT.index("Montréal")
    click(view, TEXT, start)
    cursor = view.editor.textCursor()
    cursor.setPosition(qt_position(TEXT, start))
    view.editor.setTextCursor(cursor)
    for _ in range(5):
        qtbot.keyClick(view.editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.editor, "o")
    assert stored(store, doc_id) == expect(TEXT, ("Montr", "organisation"))


def test_relabel_delete_and_undo_redo_each_step(qtbot, store, undo_stack, opened) -> None:
    view, doc_id = opened
    name = TEXT.index("Sam Altman")
    drag(view, TEXT, name, name + len("Sam Altman"))
    qtbot.keyClick(view.editor, "o")
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "organisation"))

    # Click elsewhere (no span there), then back in the span: it becomes current.
    click(view, TEXT, TEXT.index("dément"))
    assert view.current_span_id() == ""
    with qtbot.waitSignal(view.currentSpanChanged):
        click(view, TEXT, name + 2)
    qtbot.keyClick(view.editor, "4")
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "person"))

    qtbot.keyClick(view.editor, Qt.Key.Key_Delete)
    assert stored(store, doc_id) == []

    undo_stack.undo()  # the delete
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "person"))
    undo_stack.undo()  # the relabel
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "organisation"))
    undo_stack.undo()  # the tag itself
    assert stored(store, doc_id) == []
    undo_stack.redo()
    undo_stack.redo()
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "person"))
    undo_stack.redo()
    assert stored(store, doc_id) == []
    assert view.spans() == []


def test_moving_edges_with_the_keyboard_and_undoing_it(qtbot, store, undo_stack, opened) -> None:
    view, doc_id = opened
    sam = TEXT.index("Sam")
    drag(view, TEXT, sam, sam + 3)
    qtbot.keyClick(view.editor, "p")
    assert stored(store, doc_id) == expect(TEXT, ("Sam", "person"))
    steps_before = undo_stack.count()

    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view.editor, Qt.Key.Key_Right, alt)  # end: one word on
    assert stored(store, doc_id) == expect(TEXT, ("Sam Altman", "person"))
    qtbot.keyClick(view.editor, Qt.Key.Key_Up, alt)  # start: one word back
    assert stored(store, doc_id) == expect(TEXT, ("OpenAI, Sam Altman", "person"))

    view.set_word_snapping(False)
    qtbot.keyClick(view.editor, Qt.Key.Key_Left, alt)  # end: one character back
    assert stored(store, doc_id) == expect(TEXT, ("OpenAI, Sam Altma", "person"))

    # Successive moves of one span are one undo step.
    assert undo_stack.count() == steps_before + 1
    undo_stack.undo()
    assert stored(store, doc_id) == expect(TEXT, ("Sam", "person"))
    undo_stack.redo()
    assert stored(store, doc_id) == expect(TEXT, ("OpenAI, Sam Altma", "person"))


def test_tab_cycles_through_spans_from_the_caret(qtbot, store, opened) -> None:
    view, doc_id = opened
    for fragment, key in (("Montréal", "o"), ("Élodie Durand", "p"), ("Sam Altman", "p")):
        start = TEXT.index(fragment)
        drag(view, TEXT, start, start + len(fragment))
        qtbot.keyClick(view.editor, key)
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    cursor = view.editor.textCursor()
    cursor.setPosition(qt_position(TEXT, TEXT.index("lèvera")))
    view.editor.setTextCursor(cursor)

    def current_text() -> str:
        span = view.current_span()
        return span.text if span else ""

    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    assert current_text() == "Sam Altman"
    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    assert current_text() == "Montréal"  # wraps around
    qtbot.keyClick(view.editor, Qt.Key.Key_Tab)
    assert current_text() == "Élodie Durand"
    qtbot.keyClick(view.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current_text() == "Montréal"
    assert view.editor.hasFocus()  # Tab stayed in the text
    qtbot.keyClick(view.editor, Qt.Key.Key_Backspace)
    assert stored(store, doc_id) == expect(
        TEXT, ("Élodie Durand", "person"), ("Sam Altman", "person")
    )


def test_a_label_key_with_nothing_selected_changes_nothing(qtbot, store, opened) -> None:
    view, doc_id = opened
    click(view, TEXT, TEXT.index("Durand"))
    with qtbot.waitSignal(view.statusMessage):
        view.apply_label("claim")
    qtbot.keyClick(view.editor, "c")
    assert stored(store, doc_id) == []
    assert view.editor.toPlainText().count("c") == TEXT.count("c")


def test_the_same_tag_twice_is_stored_once(qtbot, store, opened) -> None:
    view, doc_id = opened
    start = TEXT.index("Montréal")
    for _ in range(2):
        drag(view, TEXT, start, start + 4)
        qtbot.keyClick(view.editor, "o")
    assert stored(store, doc_id) == expect(TEXT, ("Montréal", "organisation"))


def test_a_nested_span_is_reached_by_clicking_again(qtbot, store, opened) -> None:
    view, doc_id = opened
    claim = TEXT.index("Élodie Durand a déclaré")
    drag(view, TEXT, claim, TEXT.index("2025") + 4)
    qtbot.keyClick(view.editor, "c")
    amount = TEXT.index("2 millions €")
    drag(view, TEXT, amount, amount + len("2 millions €"))
    qtbot.keyClick(view.editor, "a")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    click(view, TEXT, amount + 3)
    assert view.current_span().label == "amount"  # innermost first
    click(view, TEXT, amount + 3)
    assert view.current_span().label == "claim"
    assert stored(store, doc_id) == expect(
        TEXT,
        ("Élodie Durand a déclaré que la start-up lèvera 2 millions € en 2025", "claim"),
        ("2 millions €", "amount"),
    )


def test_spans_are_there_after_closing_and_reopening(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Store(path) as store:
        view, doc_id = open_view(qtbot, store, QUndoStack(), TEXT)
        start = TEXT.index("Sam Altman")
        drag(view, TEXT, start, start + 6)
        qtbot.keyClick(view.editor, "p")
        view.close()
    with Store(path) as reopened:
        view = ArticleView(ProjectSession(reopened, QUndoStack()), ANNOTATOR)
        qtbot.addWidget(view)
        view.set_document(doc_id)
        assert [(span.start, span.end, span.label) for span in view.spans()] == [
            (start, start + len("Sam Altman"), "person")
        ]
        assert stored(reopened, doc_id) == expect(TEXT, ("Sam Altman", "person"))

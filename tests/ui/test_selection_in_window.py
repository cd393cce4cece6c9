"""What a double-click in the window stores: the word the journalist meant."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from text_mouse import point_at, qt_position


def open_article_holding(qtbot, window, fragment: str) -> str:
    for row in range(window.document_model.rowCount()):
        doc_id = window.document_model.summary(row).id
        if fragment in window.store.document(doc_id).text:
            window.open_document(doc_id)
            qtbot.waitUntil(lambda doc_id=doc_id: window.current_document_id() == doc_id)
            return window.store.document(doc_id).text
    raise AssertionError(f"no seed article holds {fragment!r}")


def test_double_clicking_a_name_after_d_apostrophe_stores_the_name(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    text = open_article_holding(qtbot, window, "d’OpenAI")
    view = window.article_view
    middle = text.index("d’OpenAI") + len("d’Ope")
    cursor = view.editor.textCursor()
    cursor.setPosition(qt_position(text, middle))
    view.editor.setTextCursor(cursor)
    view.editor.ensureCursorVisible()  # scrolled to, as a reader would
    left, right = point_at(view, text, middle), point_at(view, text, middle + 1)
    where = QPoint((left.x() + right.x()) // 2, left.y())
    QTest.mouseDClick(
        view.editor.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
    )
    qtbot.keyClick(view.editor, "o")
    spans = window.store.spans(view.document_id(), "alice")
    assert [span.text for span in spans] == ["OpenAI"]

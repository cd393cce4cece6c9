"""Two windows under the same annotator name: a span the other one removed is said to be
gone when this window acts on it (relabel, remove, resize), and the article is redrawn
from what is saved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from text_mouse import qt_position

DELETE_IN_ANOTHER_PROCESS = (
    "import sys\n"
    "from annotator.core.store import Store\n"
    "with Store(sys.argv[1]) as store:\n"
    "    store.delete_span(sys.argv[2])\n"
)



def press_label_key(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_2)  # denial: a relabel of the current claim


def press_delete(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Delete)


def press_resize(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # the end


@pytest.mark.parametrize("act", [press_label_key, press_delete, press_resize])
def test_acting_on_a_span_another_window_removed_says_it_is_gone(
    qtbot, open_window, seeded_project: Path, act
) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    editor = view.editor
    cursor = editor.textCursor()
    cursor.setPosition(qt_position(text, 0))
    cursor.setPosition(qt_position(text, 4), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_1)
    (span,) = window.store.spans(doc_id, "alice")
    view.select_span(span.id)
    assert view.current_span_id() == span.id

    subprocess.run(
        [sys.executable, "-c", DELETE_IN_ANOTHER_PROCESS, str(seeded_project), span.id],
        check=True,
        timeout=60,
    )
    act(qtbot, editor)
    assert "gone" in window.statusBar().currentMessage()
    assert [s.id for s in view.spans()] == []  # redrawn from what is saved
    assert window.store.spans(doc_id, "alice") == []

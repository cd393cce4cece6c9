"""Another program holds the project's write lock for longer than SQLite's 5 s wait (a
long merge, an import): a tag made in the window is not refused; the window says it is
waiting and saves the tag as soon as the other program is done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from text_mouse import qt_position

HOLD_THE_WRITE_LOCK = (
    "import sqlite3, sys, time\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('BEGIN IMMEDIATE')\n"
    "print('locked', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
    "conn.execute('COMMIT')\n"
)


def test_a_tag_made_while_another_program_holds_the_project_waits_and_is_saved(
    qtbot, open_window, seeded_project: Path
) -> None:
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_WRITE_LOCK, str(seeded_project), "7"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        editor = window.article_view.editor
        cursor = editor.textCursor()
        cursor.setPosition(qt_position(text, 0))
        cursor.setPosition(qt_position(text, 4), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_1)
    finally:
        holder.wait(timeout=60)
    assert any("Waiting for another program" in message for message in messages), messages
    assert not any(message.startswith("Not saved") for message in messages), messages
    assert [(s.start, s.end) for s in window.article_view.spans()] == [(0, 4)]
    assert [(s.start, s.end) for s in window.store.spans(doc_id, "alice")] == [(0, 4)]

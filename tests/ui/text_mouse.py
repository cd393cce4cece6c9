"""Pointing at article text with the mouse or the keyboard, as a user does, in code point
offsets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.ui.article.view import ArticleView


def qt_position(text: str, cp: int) -> int:
    """What Qt calls code point ``cp``: counted independently of the code under test."""
    return len(text[:cp].encode("utf-16-le")) // 2


def point_at(view: ArticleView, text: str, cp: int) -> QPoint:
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(qt_position(text, cp))
    return view.editor.cursorRect(cursor).center()


def drag(view: ArticleView, text: str, start: int, end: int) -> None:
    """Press at code point ``start``, move, release at ``end``."""
    viewport = view.editor.viewport()
    begin, finish = point_at(view, text, start), point_at(view, text, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    QTest.mouseMove(viewport, (begin + finish) / 2)
    QTest.mouseMove(viewport, finish)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finish)


def select_first_word(qtbot, editor) -> None:
    """The article's first word, by keyboard: Ctrl+Home, then Ctrl+Shift+Right."""
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(
        editor,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

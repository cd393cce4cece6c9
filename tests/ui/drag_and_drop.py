"""Dropping files on the window, as a user would: onto the article's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication


def drop_on_article(qtbot: Any, window: Any, *paths: Path, timeout: int = 20000) -> Any:
    """Drag ``paths`` over the article's text and drop them (drag enter first, then the
    drop, both accepted); returns what the import reported."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    target = window.article_view.findChild(QAbstractScrollArea).viewport()
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importFinished, timeout=timeout) as finished:
        QApplication.sendEvent(target, dropped)
    assert dropped.isAccepted()
    return finished.args[0]

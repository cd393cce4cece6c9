"""Text from users and files is shown as written, never read as markup.

A QLabel (the status bar, panel headings, message boxes, tooltips) takes text that
looks like HTML as HTML: an annotator named "<b>Alice</b>" would show in bold, an
article titled with an ``<img>`` tag would show an image. Every label of the
application is made plain text when it is first shown, unless it asked for rich text
itself (and then escapes what it shows).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel


class PlainTextLabels(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QLabel)
            and watched.textFormat() == Qt.TextFormat.AutoText
        ):
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


_installed: PlainTextLabels | None = None


def show_labels_as_plain_text() -> None:
    """Once per application: every label that did not choose a format is plain text."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is None and app is not None:
        _installed = PlainTextLabels(app)
        app.installEventFilter(_installed)

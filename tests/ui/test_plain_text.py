"""Text a user typed or imported (an annotator's name, a title, a span's text) is shown
as it is written, never read as markup: "<b>Alice</b>" shows its angle brackets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from annotator.core.models import Document
from annotator.core.store import Store

NAME = "<b>Alice</b> <i>&amp;</i>"
TITLE = "<h1>Grand titre</h1> <img src=x>"


def labels_showing(widgets, fragment: str) -> list[QLabel]:
    return [
        label
        for widget in widgets
        for label in [widget, *widget.findChildren(QLabel)]
        if isinstance(label, QLabel) and fragment in label.text()
    ]


def test_the_window_shows_names_and_titles_as_plain_text(
    qtbot, open_window, tmp_path: Path
) -> None:
    path = tmp_path / "project.db"
    with Store(path) as store:
        store.add_document(Document.from_text(f"{TITLE}\n\nUn article <b>gras</b>.", title=TITLE))
    window = open_window(path, annotator=NAME)
    shown = labels_showing([window], NAME)
    assert shown, "the status bar names the annotator"
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
        # Every character is drawn: the label is as wide as the whole name.
        metrics = label.fontMetrics()
        assert label.sizeHint().width() >= metrics.horizontalAdvance(label.text())
    for label in labels_showing([window], TITLE):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_tooltips_show_plain_text(qtbot, open_window, seeded_project: Path) -> None:
    window = open_window(seeded_project)
    QToolTip.showText(window.mapToGlobal(QPoint(20, 20)), NAME, window)
    qtbot.waitUntil(QToolTip.isVisible)
    tips = labels_showing(QApplication.topLevelWidgets(), NAME)
    assert tips and all(tip.textFormat() == Qt.TextFormat.PlainText for tip in tips)
    QToolTip.hideText()

"""The shortcut sheet (F1): every key the window answers to, read from the actions
themselves so the sheet cannot drift from what the keys do."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core import guidelines
from annotator.core.models import LabelSet
from annotator.ui.article.view import KeyHandler
from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.shell.label_bar import shortcut_text


def article_keys(handlers: Iterable[KeyHandler] = ()) -> list[tuple[str, str]]:
    """Keys handled inside the article view itself (they have no menu action): Qt's own
    for moving and selecting, then those each key handler declares."""
    translate = QCoreApplication.translate
    return [
        (
            translate("ShortcutSheet", "Arrows, Ctrl+arrows, Home, End"),
            translate("ShortcutSheet", "Move the caret by character, word, line"),
        ),
        (
            translate("ShortcutSheet", "Shift + movement keys"),
            translate("ShortcutSheet", "Select text"),
        ),
        (
            translate("ShortcutSheet", "Double-click, drag"),
            translate("ShortcutSheet", "Select a word, a passage"),
        ),
        *(row for handler in handlers for row in handler.declared_keys()),
        (
            translate("ShortcutSheet", "Delete, on a link in the Links panel"),
            translate("ShortcutSheet", "Remove the link"),
        ),
        (
            translate("ShortcutSheet", "Enter, Shift+Enter, Escape, in the find bar"),
            translate("ShortcutSheet", "Next hit, previous hit, close the bar"),
        ),
        (
            translate("ShortcutSheet", "Down, then Enter, in the search pane"),
            translate("ShortcutSheet", "Go to the hits, open the article at the hit"),
        ),
        (
            translate(
                "ShortcutSheet",
                "A label's key, Enter, Space or Delete, Ctrl+Enter, in Tag every hit",
            ),
            translate(
                "ShortcutSheet",
                "Tag the hit with that label or the one shown, skip it, tag every hit so decided",
            ),
        ),
    ]


def action_keys(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [
            key.toString(QKeySequence.SequenceFormat.NativeText)
            for key in action.shortcuts()
            if not key.isEmpty()
        ]
        if keys:
            rows.append((" / ".join(keys), action.text().replace("&", "").rstrip("…").strip()))
    return rows


class ShortcutSheet(QDialog):
    def __init__(
        self,
        actions: Sequence[QAction],
        label_set: LabelSet,
        language: str,
        parent: QWidget | None = None,
        key_handlers: Sequence[KeyHandler] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        # Wide enough for each French action on one line (they wrapped, crowding rows).
        self.resize(820, 620)
        label_rows = [
            (
                shortcut_text(label).replace(" · ", " / "),
                self.tr("Tag the selection: %1").replace("%1", label.display_name(language)),
            )
            for label in label_set.active
        ]
        label_rows.append(
            (
                self.tr("Digit keys"),
                self.tr(
                    "The key printed with the digit, Shift or not: on a French keyboard "
                    "the 5 key tags without Shift"
                ),
            )
        )
        sections = [
            (self.tr("Tagging"), label_rows),
            (self.tr("In the article"), article_keys(key_handlers)),
            (self.tr("Menus"), action_keys(actions)),
        ]
        attribute_rows = [
            (
                self.tr("%1, in the span panel").replace("%1", attribute.key.upper()),
                self.tr("%1 of a %2")
                .replace("%1", attribute.display_name(language))
                .replace("%2", label.display_name(language)),
            )
            for label in label_set.active
            for attribute in label.attributes
            if attribute.key
        ]
        if attribute_rows:
            sections.insert(1, (self.tr("Span attributes"), attribute_rows))
        self.table = QTableWidget()
        self.table.setObjectName("shortcutTable")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        rows = sum(len(entries) + 1 for _title, entries in sections)
        self.table.setRowCount(rows)
        row = 0
        for title, entries in sections:
            heading = QTableWidgetItem(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            row += 1
            for keys, meaning in entries:
                self.table.setItem(row, 0, QTableWidgetItem(keys))
                self.table.setItem(row, 1, QTableWidgetItem(meaning))
                row += 1
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(
            self.tr("Every key of the window and what it does, by where it works.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        describe_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        written = guidelines.page(label_set, language)
        self.guidelines = QTextBrowser()
        self.guidelines.setObjectName("sheetGuidelines")
        self.guidelines.setOpenExternalLinks(True)
        self.guidelines.setHtml(f"<h1>{html.escape(self.tr('Guidelines'))}</h1>{written}")
        self.guidelines.setVisible(bool(written))
        layout.addWidget(self.guidelines, 2)
        layout.addWidget(buttons)

    def entries(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for row in range(self.table.rowCount()):
            keys, meaning = self.table.item(row, 0), self.table.item(row, 1)
            if keys is not None and meaning is not None:
                found.append((keys.text(), meaning.text()))
        return found

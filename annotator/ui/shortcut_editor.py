"""The Preferences page where every command's key is changed: one row per command,
press the new key in its field; a key another command holds is refused."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.key_bindings import Binding, shortcut_problem


class ShortcutEditor(QWidget):
    def __init__(self, bindings: Sequence[Binding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bindings = list(bindings)
        self.table = QTableWidget(len(self.bindings), 2)
        self.table.setObjectName("shortcutEditor")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Key")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(
            self.tr("Every command and its key; a key another command holds is refused.")
        )
        self.edits: dict[str, QKeySequenceEdit] = {}
        self.problem_label = QLabel()
        self.problem_label.setObjectName("shortcutProblem")
        self.problem_label.setWordWrap(True)
        for row, binding in enumerate(self.bindings):
            self.table.setItem(row, 0, QTableWidgetItem(binding.text))
            edit = QKeySequenceEdit(binding.current[0] if binding.current else QKeySequence())
            edit.setObjectName(f"shortcut_{binding.name}")
            edit.setClearButtonEnabled(True)
            edit.setMaximumSequenceLength(1)
            spoken = self.tr("Key for %1").replace("%1", binding.text)
            hint = self.tr("Press the new key; the clear button removes it.")
            for part in (edit, *edit.findChildren(QLineEdit)):
                part.setAccessibleName(spoken)
                part.setAccessibleDescription(hint)
            edit.keySequenceChanged.connect(lambda _key: self.problem_label.clear())
            self.table.setCellWidget(row, 1, edit)
            self.edits[binding.name] = edit
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        defaults = QPushButton(self.tr("Restore the default keys"))
        defaults.clicked.connect(self.restore_defaults)
        row_of_buttons = QHBoxLayout()
        row_of_buttons.addWidget(self.problem_label, 1)
        row_of_buttons.addWidget(defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row_of_buttons)

    def restore_defaults(self) -> None:
        for binding in self.bindings:
            self.edits[binding.name].setKeySequence(
                binding.defaults[0] if binding.defaults else QKeySequence()
            )

    def chosen(self) -> dict[str, list[QKeySequence]]:
        """The keys of each command the user changed (a command keeps its other keys,
        Ctrl+Enter beside Ctrl+Return, while its first is left as it was)."""
        found: dict[str, list[QKeySequence]] = {}
        for binding in self.bindings:
            key = self.edits[binding.name].keySequence()
            first = binding.current[0] if binding.current else QKeySequence()
            if key == first:
                continue
            if not key.isEmpty() and binding.defaults and key == binding.defaults[0]:
                found[binding.name] = list(binding.defaults)
            else:
                found[binding.name] = [] if key.isEmpty() else [key]
        return found

    def problem(self) -> str | None:
        """Why the keys cannot be kept (shown under the table), or None."""
        problem = shortcut_problem(self.bindings, self.chosen())
        self.problem_label.setText(problem or "")
        return problem

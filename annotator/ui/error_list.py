"""A dialog listing the files that could not be used, each with its reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.dialog_buttons import describe_buttons


class ErrorListDialog(QDialog):
    def __init__(
        self,
        title: str,
        summary: str,
        problems: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        headers: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 380)
        heading = QLabel(summary)
        heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("errorList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(list(headers or (self.tr("File"), self.tr("Problem"))))
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for path, reason in problems:
            item = QTreeWidgetItem([path, reason])
            item.setToolTip(0, path)
            item.setToolTip(1, reason)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 360))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        describe_buttons(self.buttons)
        self.tree.setAccessibleName(self.tr("Problems"))
        self.tree.setAccessibleDescription(self.tr("Each file or line that failed, and why."))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)

    def add_action(self, text: str) -> QPushButton:
        """A button beside Close for what the user can do about the problems."""
        return self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)

    def problems(self) -> list[tuple[str, str]]:
        items = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]

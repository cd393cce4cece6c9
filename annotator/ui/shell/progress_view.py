"""The team's progress in the window: per annotator, the articles given to them, their
articles by status and their spans, and each pair's agreement so far. Computed in the
background (agreement reads every span); the table follows colleagues' changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.project.assignment import ProgressReport
from annotator.core.store import Store
from annotator.ui.tasks import StoreTask

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def progress_task(db_path: Any, description: str) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        from annotator.core.project.assignment import progress as team_progress

        return team_progress(store)

    return StoreTask(db_path, work, description)


class ProgressDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Team progress"))
        self.summary = QLabel()
        self.summary.setObjectName("progressSummary")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("progressTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Annotator"),
                self.tr("Given"),
                self.tr("Not started"),
                self.tr("In progress"),
                self.tr("Done"),
                self.tr("Reviewed"),
                self.tr("Spans by label"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.agreement = QLabel()
        self.agreement.setObjectName("progressAgreement")
        self.agreement.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.agreement)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def show_message(self, message: str) -> None:
        self.summary.setText(message)

    def show_report(self, report: ProgressReport) -> None:
        self.summary.setText(self.tr("%n article(s) in the project", "", report.documents))
        self.table.setRowCount(len(report.annotators))
        locale = QLocale()
        for row, person in enumerate(report.annotators):
            labels = ", ".join(f"{label} {count}" for label, count in person.spans.items())
            cells = [
                person.annotator,
                locale.toString(person.assigned),
                *(
                    locale.toString(person.statuses.get(status, 0))
                    for status in ("not_started", "in_progress", "done", "reviewed")
                ),
                labels or "–",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < 6:
                    item.setTextAlignment(RIGHT_ALIGNED)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        lines = [
            self.tr("Agreement so far, %1 and %2: F1 %3 over %n article(s)", "", pair.documents)
            .replace("%1", pair.a)
            .replace("%2", pair.b)
            .replace("%3", "–" if pair.f1 is None else locale.toString(pair.f1, "f", 2))
            for pair in report.agreement
        ]
        self.agreement.setText("\n".join(lines) or self.tr("Agreement needs two annotators."))


class ProgressAction(QObject):
    """The Article menu entry and its dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ProgressDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("teamProgress")
        self.action.triggered.connect(lambda _checked=False: self.show())
        window.document_menu.addAction(self.action)
        # Colleagues' changes arrive many a second on a busy server: count again at most
        # once a second.
        self.recount = QTimer(self)
        self.recount.setSingleShot(True)
        self.recount.setInterval(1000)
        self.recount.timeout.connect(self.refresh)
        window.session.changed.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Team &progress…"))

    def show(self) -> ProgressDialog:
        if self.dialog is None:
            self.dialog = ProgressDialog(self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.refresh()
        return self.dialog

    def refresh(self) -> None:
        if self.dialog is None:
            return
        dialog = self.dialog
        dialog.show_message(self.tr("Counting…"))
        task = progress_task(self.window.db_path, self.tr("Counting…"))
        task.signals.succeeded.connect(dialog.show_report)
        task.signals.failed.connect(dialog.show_message)
        self.window.tasks.start(task, None)

    def _on_changes(self, changes: Changes) -> None:
        if self.dialog is not None and self.dialog.isVisible() and not self.recount.isActive():
            self.recount.start()

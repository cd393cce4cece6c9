"""File → Back up the project… and Merge a colleague's project…, in the window: what
``annotator backup`` and ``annotator merge`` do, in the background with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.store import Store
from annotator.ui.tasks import StoreTask

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def backup_task(db_path: Path, target: Path, description: str) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        store.backup_to(target)
        return target

    return StoreTask(db_path, work, description)


def merge_task(db_path: Path, other: Path, description: str) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        from annotator.core.merge import merge_project

        return merge_project(store, other)

    return StoreTask(db_path, work, description)


class ProjectActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction(window)
        self.backup_action.setObjectName("backUpProject")
        self.backup_action.triggered.connect(lambda _checked=False: self.choose_backup_file())
        self.merge_action = QAction(window)
        self.merge_action.setObjectName("mergeProject")
        self.merge_action.triggered.connect(lambda _checked=False: self.choose_project_to_merge())
        menu = window.file_menu
        before = window.export_action
        for action in (self.merge_action, self.backup_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        self.retranslate()

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("&Back up the project…"))
        self.merge_action.setText(self.tr("&Merge a colleague's project…"))

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def _failed(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    # -- back up ----------------------------------------------------------------------

    def choose_backup_file(self) -> None:
        project = self.window.db_path
        target, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the project"),
            str(project.with_name(f"{project.stem}-backup.db")),
            self.tr("Projects (*.db)"),
        )
        if target:
            self.back_up_to(Path(target))

    def back_up_to(self, target: Path) -> StoreTask:
        task = backup_task(self.window.db_path, target, self.tr("Backing up the project…"))
        task.signals.succeeded.connect(
            lambda path: self._message(self.tr("Project backed up to %1.").replace("%1", str(path)))
        )
        task.signals.failed.connect(
            lambda message: self._failed(self.tr("Backup not written"), message)
        )
        return self.window.tasks.start(task, self.window)

    # -- merge -------------------------------------------------------------------------

    def choose_project_to_merge(self) -> None:
        other, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Merge a colleague's project"),
            str(self.window.db_path.parent),
            self.tr("Projects (*.db)"),
        )
        if other:
            self.merge_from(Path(other))

    def merge_from(self, other: Path) -> StoreTask:
        task = merge_task(self.window.db_path, other, self.tr("Merging the project…"))
        task.signals.succeeded.connect(self._merged)
        task.signals.failed.connect(lambda message: self._failed(self.tr("Not merged"), message))
        return self.window.tasks.start(task, self.window)

    def _merged(self, report: Any) -> None:
        self.window.reload_documents()
        self.window.attribution.refresh()
        spans = sum(report.spans_added.values())
        self._message(
            self.tr("Merged %1: %2 added, %3 added.")
            .replace("%1", Path(report.path).name)
            .replace("%2", self.tr("%n article(s)", "", report.documents_added))
            .replace("%3", self.tr("%n span(s)", "", spans))
        )

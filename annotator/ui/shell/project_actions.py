"""The File menu's projects: New project…, Open project… and the recent ones (each in a
window of its own), and Back up the project… and Merge a colleague's project…, what
``annotator backup`` and ``annotator merge`` do, in the background with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.store import Store
from annotator.core.store.postgres import beside_the_project
from annotator.ui import file_dialogs
from annotator.ui.preferences import Preferences
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask
from annotator.ui.text_display import as_typed

WindowOpener = Callable[[Store, Path], QWidget]
"""Makes the window of another project (its store opened at its path), not shown yet."""


def backup_task(db_path: Path | str, target: Path, description: str) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        store.backup_to(target)
        return target

    return StoreTask(db_path, work, description)


def merge_task(db_path: Path | str, other: Path, description: str) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        from annotator.core.project.merge import merge_project

        return merge_project(store, other)

    return StoreTask(db_path, work, description)


class ProjectActions(QObject):
    """The File menu's project entries; ``open_window`` makes the window of another
    project."""

    def __init__(
        self,
        session: ProjectSession,
        slots: WindowSlots,
        preferences: Preferences,
        open_window: WindowOpener,
    ) -> None:
        window = slots.dialog_parent()
        super().__init__(window)
        self.session = session
        self.slots = slots
        self.preferences = preferences
        self._open_window = open_window
        self.backup_action = QAction(window)
        self.backup_action.setObjectName("backUpProject")
        self.backup_action.triggered.connect(lambda _checked=False: self.choose_backup_file())
        self.merge_action = QAction(window)
        self.merge_action.setObjectName("mergeProject")
        self.merge_action.triggered.connect(lambda _checked=False: self.choose_project_to_merge())
        self.new_action = QAction(window)
        self.new_action.setObjectName("newProject")
        self.new_action.triggered.connect(lambda _checked=False: self.choose_new_project())
        self.open_action = QAction(window)
        self.open_action.setObjectName("openProject")
        self.open_action.triggered.connect(lambda _checked=False: self.choose_project_to_open())
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recentProjects")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu = slots.file_menu
        first = menu.actions()[0]
        for action in (self.new_action, self.open_action, self.recent_menu.menuAction()):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        before = slots.window_action("exportGold")
        for action in (self.merge_action, self.backup_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        self.opened: list[QWidget] = []
        preferences.add_recent_project(slots.db_path)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New project…"))
        self.open_action.setText(self.tr("&Open project…"))
        self.recent_menu.setTitle(self.tr("&Recent projects"))
        self.backup_action.setText(self.tr("&Back up the project…"))
        self.merge_action.setText(self.tr("&Merge a colleague's project…"))

    def _message(self, text: str) -> None:
        self.slots.show_message(text, 10000)

    def _failed(self, title: str, message: str) -> None:
        QMessageBox.warning(self.slots.dialog_parent(), title, message)

    # -- back up ----------------------------------------------------------------------

    def choose_backup_file(self) -> None:
        project = beside_the_project(self.slots.db_path)
        target = file_dialogs.save_file_name(
            self.slots.dialog_parent(),
            self.tr("Back up the project"),
            str(project.with_name(f"{project.stem}-backup.db")),
            self.tr("Projects (*.db)"),
        )
        if target:
            self.back_up_to(Path(target))

    def back_up_to(self, target: Path) -> StoreTask:
        task = backup_task(self.slots.db_path, target, self.tr("Backing up the project…"))
        task.signals.succeeded.connect(
            lambda path: self._message(self.tr("Project backed up to %1.").replace("%1", str(path)))
        )
        task.signals.failed.connect(
            lambda message: self._failed(self.tr("Backup not written"), message)
        )
        return self.slots.tasks.start(task, self.slots.dialog_parent())

    # -- merge -------------------------------------------------------------------------

    def choose_project_to_merge(self) -> None:
        other = file_dialogs.open_file_name(
            self.slots.dialog_parent(),
            self.tr("Merge a colleague's project"),
            str(beside_the_project(self.slots.db_path).parent),
            self.tr("Projects (*.db)"),
        )
        if other:
            self.merge_from(Path(other))

    def merge_from(self, other: Path) -> StoreTask:
        task = merge_task(self.slots.db_path, other, self.tr("Merging the project…"))
        task.signals.succeeded.connect(self._merged)
        task.signals.failed.connect(lambda message: self._failed(self.tr("Not merged"), message))
        return self.slots.tasks.start(task, self.slots.dialog_parent())

    def _merged(self, report: Any) -> None:
        # Written on another connection: articles, spans, labels, links, anywhere.
        self.session.did_change(Changes.everything())
        spans = sum(report.spans_added.values())
        self._message(
            self.tr("Merged %1: %2 added, %3 added.")
            .replace("%1", Path(report.path).name)
            .replace("%2", self.tr("%n article(s)", "", report.documents_added))
            .replace("%3", self.tr("%n span(s)", "", spans))
            + (
                " "
                + self.tr("Their scheme differs: %1")
                .replace("%1", "; ".join(report.scheme_differences))
                if report.scheme_differences
                else ""
            )
        )

    # -- other projects, each in a window of its own ----------------------------------

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = beside_the_project(self.slots.db_path).resolve()
        recent = [path for path in self.preferences.recent_projects() if path != current]
        for path in recent:
            action = self.recent_menu.addAction(as_typed(f"{path.name} — {path.parent}"))
            action.triggered.connect(lambda _checked=False, path=path: self.open_project(path))
        if not recent:
            self.recent_menu.addAction(self.tr("No other project yet")).setEnabled(False)

    def choose_new_project(self) -> None:
        target = file_dialogs.save_file_name(
            self.slots.dialog_parent(),
            self.tr("New project"),
            str(beside_the_project(self.slots.db_path).parent / "project.db"),
            self.tr("Projects (*.db)"),
            confirm_overwrite=False,
        )
        if target:
            self.new_project(Path(target))

    def new_project(self, target: Path) -> QWidget | None:
        if target.exists():
            # A new project never replaces a file: that one may be someone's work.
            self._failed(
                self.tr("New project"),
                self.tr("%1 already exists: open it with Open project…, or choose a new name.")
                .replace("%1", str(target)),
            )
            return None
        return self.open_project(target)

    def choose_project_to_open(self) -> None:
        chosen = file_dialogs.open_file_name(
            self.slots.dialog_parent(),
            self.tr("Open project"),
            str(beside_the_project(self.slots.db_path).parent),
            self.tr("Projects (*.db)"),
        )
        if chosen:
            self.open_project(Path(chosen))

    def open_project(self, path: Path) -> QWidget | None:
        try:
            store = Store(path)
        except AnnotatorError as error:
            self._failed(self.tr("Cannot open the project"), str(error))
            return None
        window = self._open_window(store, path)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(store.close)
        window.destroyed.connect(lambda _object=None, window=window: self._forget(window))
        self.opened.append(window)
        window.show()
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.opened:
            self.opened.remove(window)

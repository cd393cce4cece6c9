"""Noticing that the project file was deleted or replaced while the window is open.

The store refuses every write once its path no longer names the file it opened; this
watch tells the user as soon as it happens (a ``stat`` every second: it opens nothing)
and offers to save what the window's connection still holds to a new project file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.core.store.network_drives import network_drive
from annotator.core.store.postgres import beside_the_project
from annotator.ui import file_dialogs
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots

CHECK_EVERY_MS = 1000


class ProjectWatch(QObject):
    lost = Signal()
    """The project's path no longer names the file the window opened."""
    saved = Signal(object)
    """The Path the work was saved to."""

    def __init__(self, session: ProjectSession, slots: WindowSlots) -> None:
        super().__init__(slots.dialog_parent())
        self.session = session
        self.slots = slots
        self.is_lost = False
        self.message: QMessageBox | None = None
        self.banner = QLabel()
        self.banner.setObjectName("projectLostLabel")
        self.banner.setStyleSheet("color: palette(highlighted-text); background: #b3261e;")
        self.banner.setVisible(session.store.read_only)
        slots.add_status_widget(self.banner)
        self.save_action = QAction(slots.dialog_parent())
        self.save_action.setObjectName("saveWorkAsProject")
        self.save_action.triggered.connect(self.save_work)
        self.save_action.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.save_action.setText(self.tr("&Save the work to a new project file…"))
        if self.is_lost:
            self.banner.setText(self.tr("The project file is gone: nothing more is saved"))
        elif self.session.store.read_only and network_drive(self.session.store.path):
            self.banner.setText(
                self.tr("Read-only: the project is on a network drive, where saving is unsafe")
            )
        elif self.session.store.read_only:
            self.banner.setText(
                self.tr("Read-only: the project or its folder is write-protected, nothing is saved")
            )

    def check(self) -> bool:
        """True while the window's file is still at its path."""
        if self.is_lost:
            return False
        if self.session.store.is_same_file():
            return True
        self._lose()
        return False

    def _lose(self) -> None:
        self.is_lost = True
        self.timer.stop()
        # A file now at the path must not read this project's write-ahead log.
        self.session.store.release_log()
        self.retranslate()
        self.banner.show()
        self.save_action.setVisible(True)
        self.lost.emit()
        box = QMessageBox(self.slots.dialog_parent())
        box.setObjectName("projectLost")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The project file is gone"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "%1 was deleted, moved or replaced by another file since this window "
                "opened it. Nothing more is saved there, so that no other file is damaged."
            ).replace("%1", str(self.slots.db_path))
        )
        box.setInformativeText(
            self.tr(
                "Everything this window still holds, your latest tags included, can be "
                "saved to a new project file."
            )
        )
        save = box.addButton(self.save_action.text(), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        save.clicked.connect(self.save_work)
        self.message = box
        box.open()

    def save_work(self) -> Path | None:
        """Ask for a new file and copy the window's project there (SQLite's backup)."""
        project = beside_the_project(self.slots.db_path)
        chosen = file_dialogs.save_file_name(
            self.slots.dialog_parent(),
            self.tr("Save the work to a new project file"),
            str(project.with_name(project.stem + "-recovered.db")),
            self.tr("Project files (*.db)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        try:
            self.session.store.backup_to(target)
        except AnnotatorError as error:
            QMessageBox.warning(self.slots.dialog_parent(), self.tr("Not saved"), str(error))
            return None
        self.slots.show_message(
            self.tr("Your work is saved in %1: open it to go on.").replace("%1", str(target)),
            15000,
        )
        self.saved.emit(target)
        return target

"""Colleagues' work appearing in an open window, on a project on a server.

The server announces every write (LISTEN/NOTIFY); this watches the listening
connection's socket from the event loop, with no thread and no polling, and hands what
changed to the window's change seam, exactly as the window's own writes are: each view
redraws what it shows of it. On a project file there is nothing to watch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

from annotator.core.errors import AnnotatorError
from annotator.core.store.postgres import ColleagueChanges, PostgresStore

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow


class ColleagueWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.listener: ColleagueChanges | None = None
        self.notifier: QSocketNotifier | None = None
        if not isinstance(window.store, PostgresStore):
            return
        try:
            self.listener = ColleagueChanges(window.store)
        except AnnotatorError as error:
            # The window still works; it only stops showing colleagues' work live.
            window.statusBar().showMessage(
                self.tr("Colleagues' changes will not appear live: %1").replace("%1", str(error))
            )
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.take)

    def take(self) -> None:
        """Hand what colleagues changed to the views."""
        if self.listener is None:
            return
        changes = self.listener.take()
        if changes is not None:
            self.window.session.did_change(changes)

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        if self.listener is not None:
            self.listener.close()
            self.listener = None

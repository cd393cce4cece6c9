"""Background work: imports, exports and suggestions run off the UI thread, results come
back by signal.

Each task opens its OWN ``Store`` on the project file, because a SQLite connection
belongs to the thread that opened it. Tasks run one at a time on a private pool (one
writer at a time, as in Anki's task manager), so an import and an export never race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.store import FileIdentity, Store

Work = Callable[[Store, Callable[..., None], Callable[[], bool]], Any]
"""``work(store, progress, should_cancel)`` run on the worker thread."""


class TaskSignals(QObject):
    progress = Signal(int, int)
    """(done, total); total 0 while unknown."""
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()
    """Always emitted last, whatever happened."""


class StoreTask(QRunnable):
    """One piece of work on its own connection to the project file."""

    def __init__(self, db_path: Path | str, work: Work, description: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db_path = str(db_path)
        self.work = work
        self.description = description
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.same_file_as: FileIdentity | None = None
        """The window's project file: the task refuses to run on any other file."""
        self.read_only = False

    def bind_to(self, project: Store) -> None:
        """Run on the file ``project`` opened, read-only if it is."""
        self.same_file_as = project.file_identity
        self.read_only = project.read_only

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, *numbers: Any) -> None:
        done = int(numbers[0]) if numbers else 0
        total = int(numbers[1]) if len(numbers) > 1 else 0
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            # Never create: a project deleted under the window must not come back empty.
            store = Store(
                self.db_path,
                read_only=self.read_only,
                create=False,
                same_file_as=self.same_file_as,
            )
        except AnnotatorError as error:
            self.signals.failed.emit(str(error))
            self.signals.ended.emit()
            return
        try:
            result = self.work(store, self._progress, self.is_cancelled)
        except Exception as error:  # noqa: BLE001 - every failure must reach the window
            if self.is_cancelled():
                self.signals.cancelled.emit()
            elif isinstance(error, AnnotatorError):
                self.signals.failed.emit(str(error))
            else:
                self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            # Work that stops early on cancel returns what it did; its result says so.
            self.signals.succeeded.emit(result)
        finally:
            store.close()
            self.signals.ended.emit()


class TaskRunner(QObject):
    """Starts tasks one after the other and shows their progress with a Cancel button."""

    def __init__(self, parent: QObject | None = None, project: Store | None = None) -> None:
        """``project``: the window's store; tasks run only on the file it opened."""
        super().__init__(parent)
        self.project = project
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: dict[int, tuple[StoreTask, QProgressDialog | None]] = {}

    def start(self, task: StoreTask, window: QWidget | None) -> StoreTask:
        if self.project is not None:
            task.bind_to(self.project)
        dialog = _progress_dialog(task, window) if window is not None else None
        self._running[id(task)] = (task, dialog)
        task.signals.ended.connect(self._ended, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            task.signals.progress.connect(
                dialog_progress(dialog), Qt.ConnectionType.QueuedConnection
            )
        self.pool.start(task)
        return task

    def busy(self) -> bool:
        return bool(self._running)

    def cancel(self, task: StoreTask) -> None:
        """Stop ``task``: taken off the queue if it has not begun, else asked to stop."""
        task.cancel()
        if self.pool.tryTake(task):
            task.signals.cancelled.emit()
            task.signals.ended.emit()

    def cancel_all(self) -> None:
        for task, _dialog in self._running.values():
            task.cancel()

    def wait(self, milliseconds: int = -1) -> bool:
        return self.pool.waitForDone(milliseconds)

    def _ended(self) -> None:
        sender = self.sender()
        for key, (task, dialog) in list(self._running.items()):
            if task.signals is sender:
                if dialog is not None:
                    dialog.reset()
                    dialog.deleteLater()
                del self._running[key]


def _progress_dialog(task: StoreTask, window: QWidget) -> QProgressDialog:
    dialog = QProgressDialog(window)
    dialog.setWindowTitle(task.description)
    dialog.setLabelText(task.description)
    dialog.setCancelButtonText(QCoreApplication.translate("QProgressDialog", "Cancel"))
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # Quick work finishes before a dialog would flash on screen.
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)
    return dialog


def dialog_progress(dialog: QProgressDialog) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setRange(0, total)
        dialog.setValue(min(done, total) if total > 0 else 0)

    return show


# -- the tasks the window runs ------------------------------------------------


def import_task(
    db_path: Path | str, paths: Sequence[Path], description: str, request: Any = None
) -> StoreTask:
    """Articles and annotated files (doccano, Label Studio, Prodigy, gold JSONL, brat
    folders) alike, with the choices of ``request`` (an ``importing.request.ImportRequest``,
    None: the defaults), as ``annotator import`` runs it; the result is an
    ``importing.inputs.MixedImportReport``."""
    from annotator.core.importing.inputs import import_articles_and_annotations

    chosen = [Path(path) for path in paths]

    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        return import_articles_and_annotations(
            store, chosen, request, progress=progress, should_cancel=should_cancel
        )

    return StoreTask(db_path, work, description)


def export_task(
    db_path: Path | str,
    target: Path,
    options: Any,
    description: str,
    format_name: str = "jsonl",
    align: str = "strict",
    split: Any = None,
) -> StoreTask:
    """Export in ``format_name``; gold JSONL reports progress and can be cancelled.
    ``split`` (a ``core.splits.SplitSpec``) writes one file or folder per part."""

    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        if format_name == "jsonl" and split is None:
            from annotator.core.formats.export import export_gold_jsonl

            return export_gold_jsonl(
                store, target, options, progress=progress, should_cancel=should_cancel
            )
        from annotator.core.formats.registry import export_format

        return export_format(store, format_name, target, options, align=align, split=split)

    return StoreTask(db_path, work, description)

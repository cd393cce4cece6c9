"""Article → Train the project model…: ``core.training`` in the window.

Training runs on the task runner's thread with a progress dialog whose Cancel stops it
between two batches (nothing is written then). It learns the gold layer when it has
spans, else the annotator's own layer, with the command line's defaults, and writes
the model to a new folder beside the project (``models/<project>-<time>``); from
then on the article's suggestions include the model's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from annotator.core.models import GOLD_LAYER
from annotator.core.store import Store
from annotator.core.store.postgres import beside_the_project
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask

translate = QCoreApplication.translate


def default_model_dir(db_path: Path | str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    project = beside_the_project(db_path)
    return project.resolve().parent / "models" / f"{project.stem}-{stamp}"


def training_task(db_path: Path | str, output: Path, annotator: str, description: str) -> StoreTask:
    """Train on the gold layer (or ``annotator``'s when gold has no spans) into
    ``output``; progress is (batches done, batches in all)."""
    from annotator.core.training import train as training

    def work(store: Store, progress: Any, should_cancel: Any) -> Any:
        has_gold = any(GOLD_LAYER in counts for counts in store.span_counts_by_document().values())
        options = training.TrainingOptions(layer=GOLD_LAYER if has_gold else annotator)
        return training.train(
            store,
            output,
            options,
            lambda step: progress(step.step, step.steps),
            should_cancel,
        )

    return StoreTask(db_path, work, description)


class TrainModelAction(QObject):
    """The menu entry, the background training and what the window says after it."""

    trained = Signal()
    """A new project model is written: suggestions may now use it."""

    def __init__(self, slots: WindowSlots) -> None:
        super().__init__(slots.dialog_parent())
        self.slots = slots
        self.task: StoreTask | None = None
        self.action = QAction(slots.dialog_parent())
        self.action.setObjectName("trainProjectModel")
        self.action.triggered.connect(lambda _checked=False: self.start())
        slots.document_menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Train the project model"))

    def start(self, output: Path | None = None) -> StoreTask:
        target = output or default_model_dir(self.slots.db_path)
        task = training_task(
            self.slots.db_path,
            target,
            self.slots.annotator,
            self.tr("Training the project model…"),
        )
        task.signals.succeeded.connect(self._trained)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(
            lambda: self._message(self.tr("Training cancelled; nothing was written."))
        )
        task.signals.ended.connect(lambda: setattr(self, "task", None))
        self.task = task
        return self.slots.tasks.start(task, self.slots.dialog_parent())

    def _trained(self, meta: Any) -> None:
        overall = meta.scores.overall if meta.scores else None

        def figure(value: float | None) -> str:
            return "-" if value is None else f"{value:.2f}"

        self._message(
            self.tr("Project model trained — articles: %1, F1 %2 exact, %3 overlap.")
            .replace("%1", str(len(meta.trained_on)))
            .replace("%2", figure(overall.exact.f1 if overall else None))
            .replace("%3", figure(overall.overlap.f1 if overall else None))
        )
        self.trained.emit()

    def _failed(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot train the project model"),
            message,
            QMessageBox.StandardButton.Ok,
            self.slots.dialog_parent(),
        )
        box.setObjectName("trainingFailed")
        box.open()

    def _message(self, text: str) -> None:
        self.slots.show_message(text, 15000)

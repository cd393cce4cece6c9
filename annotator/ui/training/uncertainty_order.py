"""View → Order articles by what teaches the model most: active learning in the list.

The project model (``annotator train``, Article → Train the project model) reads every
article on the task runner's thread and says how unsure it is about each; the list
then shows the most uncertain first, with a Doubt column. Without a model the entry is
disabled and says why. Imports and reloads measure again (new articles wait at the
end meanwhile), and so does opening the View menu after a newer model was trained.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QTableView

from annotator.core.changes import Changes
from annotator.core.store import Store
from annotator.core.training.project_model import SPACY_HINT, latest_model_dir, unavailable_reason
from annotator.ui.models import DocumentListModel
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask

ARTICLE_KEEPS = 480
"""Pixels the article keeps when the list widens for its Doubt column."""


def uncertainty_task(db_path: Path | str, generation: int, description: str) -> StoreTask:
    """The result is (generation, the model's folder, uncertainty per document id)."""
    from annotator.core.suggestions.model_suggester import uncertainty_by_document

    def work(store: Store, progress: Any, should_cancel: Any) -> Any:
        model_dir = latest_model_dir(store)
        return generation, model_dir, uncertainty_by_document(store, progress, should_cancel)

    return StoreTask(db_path, work, description)


class ArticleList(Protocol):
    """What the entry asks of the article list: its table (the Doubt column's width)
    and its order."""

    @property
    def table(self) -> QTableView: ...

    def show_uncertainty(self, by_document: dict[str, float] | None) -> None: ...

    def ordered_by_uncertainty(self) -> bool: ...


class UncertaintyOrderAction(QObject):
    """The View menu's checkable entry, the measuring task and the list's order.

    ``splitter`` holds the article list and the article side by side: the list widens
    into the article's room for its Doubt column."""

    def __init__(
        self,
        session: ProjectSession,
        slots: WindowSlots,
        article_list: ArticleList,
        splitter: QSplitter,
    ) -> None:
        super().__init__(slots.dialog_parent())
        self.session = session
        self.slots = slots
        self.article_list = article_list
        self.splitter = splitter
        self.task: StoreTask | None = None
        self._generation = 0
        self._measured_with: Path | None = None
        self._room_taken = 0
        self.action = QAction(slots.dialog_parent())
        self.action.setObjectName("orderByUncertainty")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggled)
        slots.add_menu_actions("focusList", [self.action])
        menu = slots.view_menu
        # A disabled entry cannot be clicked: its tooltip says why.
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self.refresh)
        session.changed.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Order articles by what &teaches the model most"))
        self.refresh()

    def refresh(self) -> None:
        """Enable the entry when the project has a model; measure again with a newer one."""
        reason = unavailable_reason(self.session.store)
        if reason is None:
            tip = self.tr(
                "Lists first the articles the project model is least sure about: "
                "annotating them teaches it most."
            )
        elif reason == SPACY_HINT:
            tip = self.tr(
                "Needs spaCy to read the articles with the project model: "
                "pip install 'annotator[spacy]'"
            )
        else:
            tip = self.tr(
                "The project has no model yet: train one with Article → Train the project model."
            )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.setEnabled(reason is None)
        if reason is not None:
            self.action.setChecked(False)
        elif self.action.isChecked():
            if latest_model_dir(self.session.store) != self._measured_with:
                self._measure()

    def unavailable_text(self) -> str | None:
        """Why the entry is disabled, as its tooltip says; None when it is enabled."""
        return None if self.action.isEnabled() else self.action.toolTip()

    # -- reactions ------------------------------------------------------------

    def _toggled(self, on: bool) -> None:
        if on:
            self._measure()
            return
        self._stop()
        if self.article_list.ordered_by_uncertainty():
            self.article_list.show_uncertainty(None)
            self._make_room(0)
            self._message(self.tr("Articles in the project's order."))

    def _on_changes(self, changes: Changes) -> None:
        if self.action.isChecked() and (changes.document_list or changes.all_documents):
            self._measure()

    def _measure(self) -> None:
        self._stop()
        self._generation += 1
        task = uncertainty_task(
            self.slots.db_path,
            self._generation,
            self.tr("Measuring what the project model is unsure about…"),
        )
        queued = Qt.ConnectionType.QueuedConnection
        task.signals.progress.connect(self._progress, queued)
        task.signals.succeeded.connect(self._measured, queued)
        task.signals.failed.connect(self._failed, queued)
        self.task = task
        self._message(self.tr("Measuring what the project model is unsure about…"))
        # No progress dialog: the list stays usable while the model reads.
        self.slots.tasks.start(task, None)

    def _stop(self) -> None:
        if self.task is not None:
            self.slots.tasks.cancel(self.task)
            self.task = None

    def _progress(self, done: int, total: int) -> None:
        if self.task is not None and total:
            self._message(
                self.tr("Measuring what the project model is unsure about: %1 of %2 articles…")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _measured(self, result: Any) -> None:
        generation, model_dir, by_document = result
        if generation != self._generation or not self.action.isChecked():
            return  # a later measure, or the user went back to the project's order
        self.task = None
        self._measured_with = model_dir
        self.article_list.show_uncertainty(by_document)
        self._make_room(self.article_list.table.columnWidth(DocumentListModel.UNCERTAINTY))
        self._message(
            self.tr(
                "%n article(s) ordered by the project model's uncertainty, most unsure first.",
                "",
                len(by_document),
            )
        )

    def _failed(self, message: str) -> None:
        self.task = None
        self.action.setChecked(False)
        shown = self.tr("The articles stay in the project's order: %1")
        self._message(shown.replace("%1", message))

    def _make_room(self, width: int) -> None:
        """Widen the list by the Doubt column (taken from the article, while it keeps a
        comfortable width) so the titles stay as readable; 0 gives it back."""
        sizes = self.splitter.sizes()
        step = width - self._room_taken
        if step > 0:
            step = max(0, min(step, sizes[1] - ARTICLE_KEEPS))
        sizes[0] += step
        sizes[1] -= step
        self._room_taken += step
        self.splitter.setSizes(sizes)

    def _message(self, text: str) -> None:
        self.slots.show_message(text, 10000)

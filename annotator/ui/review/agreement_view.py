"""Agreement figures in the window: for the open article and for the whole project.

The figures are ``annotator.core.review.agreement.compute``'s, computed off the UI thread on
the task runner's own connection to the project file (a corpus of thousands of
articles takes a moment). Each row is one pair of annotators and one label (or all
labels); double-clicking a row, or Enter on it, asks for the disagreements behind the
figure: ``disagreementsWanted(a, b, label or None, doc_id or None)``, which review mode
answers by opening the first one (``first_disagreement_task`` finds it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.review import decisions as review
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask, TaskRunner

if TYPE_CHECKING:
    # The agreement module brings numpy: imported when figures are first asked for,
    # not at the window's start-up.
    from annotator.core.review.agreement import AgreementReport, LabelScores, PairAgreement

ARTICLE, PROJECT = "article", "project"
PAIR_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 10


def figure(value: float | None) -> str:
    """A score as the table shows it: three decimals in the interface's language
    ("0,727" in French), or a dash when undefined."""
    return "–" if value is None else QLocale().toString(value, "f", 3)


def agreement_task(
    db_path: Path | str, doc_id: str | None, done_only: bool, description: str
) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        from annotator.core.review import agreement

        return agreement.compute(
            store, done_only=done_only, doc_ids=[doc_id] if doc_id is not None else None
        )

    return StoreTask(db_path, work, description)


def first_disagreement(
    store: Store,
    a: str,
    b: str,
    label: str | None,
    doc_id: str | None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> tuple[str, int, int] | None:
    """``(doc_id, start, end)`` of the first disagreement between ``a`` and ``b`` with a
    candidate labelled ``label`` (any label when None), in ``doc_id`` or in the first
    document both annotated, in project order."""
    if doc_id is not None:
        documents = [doc_id]
    else:
        theirs = set(store.annotated_document_ids(b))
        documents = [d for d in store.annotated_document_ids(a) if d in theirs]
    for document in documents:
        if should_cancel():
            return None
        for item in review.disagreements(store, document, [a, b]):
            if label is None or any(candidate.label == label for candidate in item.candidates):
                return document, item.start, item.end
    return None


def first_disagreement_task(
    db_path: Path | str, a: str, b: str, label: str | None, doc_id: str | None
) -> StoreTask:
    def work(store: Store, progress: Callable[..., None], should_cancel: Callable[[], bool]) -> Any:
        return first_disagreement(store, a, b, label, doc_id, should_cancel)

    return StoreTask(
        db_path,
        work,
        QCoreApplication.translate("AgreementDialog", "Finding the disagreements"),
    )


class AgreementTable(QWidget):
    """One scope's figures: a summary line and the pair × label table."""

    rowActivated = Signal(str, str, object)
    """(a, b, label or None for all labels)"""

    def __init__(
        self, parent: QWidget | None = None, label_name: Callable[[str], str] | None = None
    ) -> None:
        """``label_name`` names a label in the interface's language (default: its id)."""
        super().__init__(parent)
        self._label_name = label_name or (lambda name: name)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("agreementSummary")
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("agreementTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        # Double-click and Enter both "activate" a row (double-click also emits
        # doubleClicked: listening to both would open the review twice).
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.report: AgreementReport | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Agreement by pair and label"))
        self.table.setAccessibleDescription(
            self.tr("Precision, recall, F1 and kappa per pair of annotators; Enter lists "
                    "their disagreements.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Pair"),
                self.tr("Label"),
                self.tr("Exact P"),
                self.tr("Exact R"),
                self.tr("Exact F1"),
                self.tr("Overlap P"),
                self.tr("Overlap R"),
                self.tr("Overlap F1"),
                self.tr("Kappa"),
                self.tr("Spans"),
            ]
        )

    def show_message(self, text: str) -> None:
        self.report = None
        self.summary.setText(text)
        self.table.setRowCount(0)

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.summary.setText(
            self.tr(
                "%1 · Krippendorff's alpha "
                "(nominal, per token): %3 · double-click a row to see its disagreements"
            )
            .replace(
                "%1",
                self.tr("%n article(s) annotated by at least two of %2", "", report.documents),
            )
            .replace("%2", ", ".join(report.annotators))
            .replace("%3", figure(report.krippendorff_alpha))
        )
        rows: list[tuple[PairAgreement, str | None, LabelScores]] = []
        for pair in report.pairs:
            rows += [(pair, name, scores) for name, scores in pair.labels.items()]
            rows.append((pair, None, pair.overall))
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (pair, label, scores) in enumerate(rows):
            kappa = pair.overall.cohen_kappa if label is None else None
            values = [
                f"{pair.a} × {pair.b}",
                self._label_name(label) if label is not None else self.tr("all labels"),
                figure(scores.exact.precision),
                figure(scores.exact.recall),
                figure(scores.exact.f1),
                figure(scores.overlap.precision),
                figure(scores.overlap.recall),
                figure(scores.overlap.f1),
                figure(kappa) if label is None else "",
                f"{scores.exact.a} / {scores.exact.b}",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(PAIR_ROLE, (pair.a, pair.b, label))
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if label is None:
                    item.setFont(bold)
                item.setToolTip(
                    self.tr("Double-click to review where %1 and %2 disagree")
                    .replace("%1", pair.a)
                    .replace("%2", pair.b)
                )
                self.table.setItem(row, column, item)
        self._add_attribute_rows(report)

    def _add_attribute_rows(self, report: AgreementReport) -> None:
        """Per attribute (a claim's verdict): its kappa, and how many of the spans both
        tagged alike got the same value."""
        for pair in report.pairs:
            for name, scores in pair.attributes.items():
                label_name, _, attribute_name = name.partition(".")
                shown = f"{self._label_name(label_name)} · {attribute_name}"
                row = self.table.rowCount()
                self.table.insertRow(row)
                values = [f"{pair.a} × {pair.b}", shown] + [""] * 6 + [
                    figure(scores.cohen_kappa),
                    self.tr("%1 of %2 agree")
                    .replace("%1", str(scores.agreed))
                    .replace("%2", str(scores.spans)),
                ]
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setData(PAIR_ROLE, (pair.a, pair.b, label_name))
                    item.setToolTip(
                        self.tr(
                            "On the spans both tagged alike: how often they gave this "
                            "attribute the same value, and Cohen's kappa"
                        )
                    )
                    self.table.setItem(row, column, item)

    def row_of(self, a: str, b: str, label: str | None) -> int | None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(PAIR_ROLE) == (a, b, label):
                return row
        return None

    def _activated(self, index: QModelIndex) -> None:
        found = index.data(PAIR_ROLE)
        if found:
            a, b, label = found
            self.rowActivated.emit(a, b, label)


class AgreementDialog(QDialog):
    """Agreement for the open article and for the project, side by side in tabs."""

    disagreementsWanted = Signal(str, str, object, object)
    """(a, b, label or None, doc_id or None for the whole project)"""
    computed = Signal(str)
    """ARTICLE or PROJECT, once that tab shows fresh figures (or why there are none)."""

    def __init__(self, session: ProjectSession, slots: WindowSlots) -> None:
        super().__init__(slots.dialog_parent())
        self.setObjectName("agreementDialog")
        self.db_path: Path | str = slots.db_path
        self.tasks: TaskRunner = slots.tasks
        self.doc_id: str | None = None
        self._generation = 0
        self.store: Store = session.store
        self.article = AgreementTable(label_name=self._label_name)
        self.project = AgreementTable(label_name=self._label_name)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.article, "")
        self.tabs.addTab(self.project, "")
        self.done_only = QCheckBox()
        self.done_only.toggled.connect(lambda _: self.compute())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.compute)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        describe_buttons(buttons)
        options = QHBoxLayout()
        options.addWidget(self.done_only)
        options.addStretch(1)
        options.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.article.rowActivated.connect(
            lambda a, b, label: self.disagreementsWanted.emit(a, b, label, self.doc_id)
        )
        self.project.rowActivated.connect(
            lambda a, b, label: self.disagreementsWanted.emit(a, b, label, None)
        )
        self.resize(980, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.tabs.setTabText(0, self.tr("This article"))
        self.tabs.setTabText(1, self.tr("Whole project"))
        self.done_only.setText(self.tr("Only articles both marked &done"))
        self.refresh_button.setText(self.tr("&Recompute"))
        self.done_only.setToolTip(
            self.tr("Counts only the articles that both annotators of a pair marked done.")
        )
        self.refresh_button.setToolTip(self.tr("Computes the figures again from the project."))
        self.tabs.setTabToolTip(0, self.tr("Agreement on the open article."))
        self.tabs.setTabToolTip(1, self.tr("Agreement on every article of the project."))
        self.article.retranslate()
        self.project.retranslate()

    def _label_name(self, name: str) -> str:
        found = self.store.label_set().get(name)
        return found.display_name(i18n.current_language()) if found else name

    def set_document(self, doc_id: str | None) -> None:
        self.doc_id = doc_id

    def compute(self) -> None:
        """Start computing both tabs; results arrive by ``computed``."""
        self._generation += 1
        generation = self._generation
        working = self.tr("Computing…")
        scopes: list[tuple[str, AgreementTable, str | None]] = [(PROJECT, self.project, None)]
        if self.doc_id is None:
            self.article.show_message(self.tr("No article is open."))
            self.computed.emit(ARTICLE)
        else:
            scopes.insert(0, (ARTICLE, self.article, self.doc_id))
        for scope, table, doc_id in scopes:
            table.show_message(working)
            task = agreement_task(self.db_path, doc_id, self.done_only.isChecked(), working)
            task.signals.succeeded.connect(
                lambda report, s=scope, t=table: self._show(generation, s, t, report)
            )
            task.signals.failed.connect(
                lambda message, s=scope, t=table: self._show(generation, s, t, message)
            )
            self.tasks.start(task, None)

    def _show(
        self, generation: int, scope: str, table: AgreementTable, result: AgreementReport | str
    ) -> None:
        if generation != self._generation:
            return  # an older computation: the article or the options changed since
        if not isinstance(result, str):
            table.show_report(result)
        else:
            table.show_message(result)
        self.computed.emit(scope)

"""Article → Carry spans over from an earlier version…: ``core.carry_over`` in the window.

A corrected article is imported as a new document; this brings the spans of the earlier
version onto it. The dialog offers the likely earlier versions first (same source, then
same title); the carrying runs off the UI thread (aligning two long texts can take a
second) and lands as one undo step. Spans whose text is gone are listed, never guessed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import carry_over
from annotator.core.changes import Changes
from annotator.core.models import Span
from annotator.core.store import Store
from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.error_list import ErrorListDialog
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask
from annotator.ui.text_display import short_text

translate = QCoreApplication.translate


class CarryOverDialog(QDialog):
    """Which document to carry spans from, and whose spans."""

    def __init__(
        self,
        title: str,
        versions: list[carry_over.EarlierVersion],
        annotator: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry spans over"))
        self.resize(620, 380)
        heading = QLabel(
            self.tr("Carry the spans of an earlier version onto “%1”:").replace(
                "%1", short_text(title)
            )
        )
        heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("earlierVersions")
        for version in versions:
            item = QListWidgetItem(self._describe(version))
            item.setData(Qt.ItemDataRole.UserRole, version.summary.id)
            item.setToolTip(version.summary.source or version.summary.title)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.scope = QComboBox()
        self.scope.setObjectName("carryScope")
        self.scope.addItem(self.tr("Everyone’s spans"), None)
        self.scope.addItem(self.tr("Only mine (%1)").replace("%1", annotator), annotator)
        form = QFormLayout()
        form.addRow(self.tr("Spans:"), self.scope)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Carry over"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        describe_buttons(buttons)
        self.list.setAccessibleName(self.tr("Earlier versions"))
        self.list.setAccessibleDescription(
            self.tr("Earlier versions of this article, with their spans; Enter carries them over.")
        )
        self.scope.setToolTip(self.tr("Carry every annotator's spans, or only yours."))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _describe(self, version: carry_over.EarlierVersion) -> str:
        summary = version.summary
        spans = self.tr("%n span(s)", "", version.spans)
        where = f" — {summary.source}" if summary.source else ""
        likeness = {
            "same source": self.tr("same source"),
            "same title": self.tr("same title"),
            None: "",
        }[version.likeness]
        return f"{summary.title}{where} · {spans}" + (f" · {likeness}" if likeness else "")

    def chosen(self) -> tuple[str, str | None] | None:
        """(the document to carry from, the one annotator or None for everyone)."""
        item = self.list.currentItem()
        if item is None:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole)), self.scope.currentData()


class CarryOverStep(OpCommand):
    """A finished carry-over on the undo stack: undo removes the carried spans, redo
    puts the very same spans back."""

    def __init__(self, session: ProjectSession, report: carry_over.CarryOverReport):
        super().__init__(session)
        self.report = report
        self.doc_id = report.new_id  # the undo history opens this article first
        self._removed: list[Span] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.report.carried)
        # lupdate reads no plural form from translate(): one text per form.
        text = (
            translate("CarryOver", "Carry over %1 span")
            if count == 1
            else translate("CarryOver", "Carry over %1 spans")
        )
        self.setText(text.replace("%1", str(count)))

    def do(self) -> Changes:
        # The first time, the background task has already written it: only say so.
        if self._removed is not None:
            carry_over.put_back(self.store, self.report, self._removed)
        return Changes.reloaded(self.report.new_id, links=True)

    def undo_it(self) -> Changes:
        self._removed = carry_over.take_back(self.store, self.report)
        return Changes.reloaded(self.report.new_id, links=True)


class CarryOverAction(QObject):
    """The Article menu entry and what follows it."""

    def __init__(self, session: ProjectSession, slots: WindowSlots) -> None:
        super().__init__(slots.dialog_parent())
        self.session = session
        self.slots = slots
        self.dialog: CarryOverDialog | None = None
        self.problems: ErrorListDialog | None = None
        self.action = QAction(self)
        self.action.setObjectName("carryOver")
        self.action.triggered.connect(lambda _checked=False: self.choose())
        slots.document_menu.addSeparator()
        slots.document_menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Carry spans over from an earlier version…"))

    def choose(self) -> CarryOverDialog | None:
        doc_id = self.slots.current_document_id()
        if doc_id is None:
            self._message(self.tr("Open the corrected article first."))
            return None
        store = self.session.store
        versions = carry_over.earlier_versions(store, doc_id)
        if not versions:
            self._message(self.tr("No other article has spans to carry over."))
            return None
        title = store.document(doc_id).title
        dialog = CarryOverDialog(
            title, versions, self.slots.annotator, self.slots.dialog_parent()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._start(doc_id, dialog.chosen()))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start(self, new_id: str, chosen: tuple[str, str | None] | None) -> None:
        if chosen is None:
            return
        old_id, annotator = chosen

        def work(store: Store, _progress: Any, _cancelled: Any) -> carry_over.CarryOverReport:
            return carry_over.carry_over(store, old_id, new_id, annotator)

        task = StoreTask(self.slots.db_path, work, self.tr("Carrying spans over…"))
        task.signals.succeeded.connect(self._carried)
        task.signals.failed.connect(lambda message: self._message(message))
        self.slots.tasks.start(task, self.slots.dialog_parent())

    def _carried(self, report: carry_over.CarryOverReport) -> None:
        if report.carried:
            self.session.push(CarryOverStep(self.session, report))
        message = self.tr("Carried %n span(s) over.", "", len(report.carried))
        if report.links:
            message += " " + self.tr("%n link(s) came along.", "", len(report.carried_links))
        if report.already_there:
            message += " " + self.tr("%1 were already there.").replace(
                "%1", str(len(report.already_there))
            )
        self._message(message)
        if report.not_placed:
            self.problems = ErrorListDialog(
                self.tr("Some spans could not be carried over"),
                self.tr(
                    "%n span(s) were left on the earlier version: their text is not in the "
                    "corrected article. Tag them again where they belong.",
                    "",
                    len(report.not_placed),
                ),
                [(self._span_name(span), span.annotator) for span in report.not_placed],
                self.slots.dialog_parent(),
                headers=(self.tr("Span"), self.tr("Annotator")),
            )
            self.problems.open()

    def _span_name(self, span: Span) -> str:
        label = self.slots.label_set().get(span.label)
        name = label.display_name(self.slots.language) if label else span.label
        return f"{name} “{short_text(span.text)}”"

    def _message(self, text: str) -> None:
        self.slots.show_message(text, 10000)

"""The current document's spans, grouped by label; picking one selects it in the article."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from annotator.core.changes import SpanEdit
from annotator.core.models import LabelSet
from annotator.ui.article.amount_editor import decorate_amount_row
from annotator.ui.models import SPAN_ID_ROLE, ShownSpan, SpanTreeModel
from annotator.ui.scheme.span_attributes import attribute_values_text, attributes_text


class SpanPanel(QWidget):
    spanPicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label_set = LabelSet(labels=[])
        self._language = "en"
        self.model = SpanTreeModel(self, decorate=self._decorate)
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("hint")
        self.tree = QTreeView()
        self.tree.setObjectName("spanTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        # A click or Enter on a span picks it; moving with the arrows only previews.
        self.tree.clicked.connect(self._picked)
        self.tree.activated.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)
        self._span_count = 0
        self.retranslate()

    def set_spans(self, spans: Sequence[ShownSpan], label_set: LabelSet, language: str) -> None:
        expanded = self._collapsed_groups()
        self._label_set, self._language = label_set, language
        self.model.set_spans(spans, label_set, language)
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            if self.model.item(row).text().split(" (")[0] in expanded:
                self.tree.collapse(self.model.index(row, 0))
        self._span_count = len(spans)
        self.retranslate()

    def apply_edits(self, edits: Sequence[SpanEdit], annotator: str) -> None:
        """Take out and put in the rows of ``annotator``'s spans these edits touched."""
        for edit in edits:
            if edit.before is not None and edit.before.annotator == annotator:
                self.model.remove_span(edit.before.id)
                self._span_count -= 1
            if edit.after is not None and edit.after.annotator == annotator:
                item = self.model.add_span(edit.after)
                group = item.parent()
                if group is not None and group.rowCount() == 1:
                    self.tree.expand(group.index())
                self._span_count += 1
        self.retranslate()

    def set_current_span(self, span_id: str) -> None:
        index = self.model.index_of_span(span_id) if span_id else QModelIndex()
        selection = self.tree.selectionModel()
        if not index.isValid():
            if selection.hasSelection():
                selection.clearSelection()
            return
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Spans in this article"))
        self.empty_hint.setText(
            self.tr("No spans yet. Select words in the article and press a label's key.")
        )
        self.empty_hint.setVisible(self._span_count == 0)
        self.tree.setVisible(self._span_count > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _decorate(self, item: QStandardItem, span: ShownSpan) -> None:
        """An amount's reading; a span's scheme attributes before its text (a long
        claim's end is cut off in the panel, its verdict must not be)."""
        decorate_amount_row(item, span)
        if span.attrs:
            label = self._label_set.get(span.label)
            values = attribute_values_text(label, span.attrs, self._language)
            if values:
                item.setText(f"[{values}] {item.text()}")
                shown = attributes_text(label, span.attrs, self._language)
                item.setToolTip(f"{item.toolTip()}\n{shown}")

    def _collapsed_groups(self) -> set[str]:
        return {
            self.model.item(row).text().split(" (")[0]
            for row in range(self.model.rowCount())
            if not self.tree.isExpanded(self.model.index(row, 0))
        }

    def _picked(self, index: QModelIndex) -> None:
        span_id = index.data(SPAN_ID_ROLE)
        if span_id:
            self.spanPicked.emit(str(span_id))

"""Qt item models: thin adapters over the core's data, no SQL and no widgets.

The document list model holds ``DocumentSummary`` objects only (never a text), so a
project of thousands of articles lists at once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from annotator.core.models import DocumentSummary, LabelSet, Span, Status
from annotator.core.resources import known_source
from annotator.ui.colours import muted_text

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 3
UNCERTAINTY_ROLE = Qt.ItemDataRole.UserRole + 4
UNMEASURED = -1.0
"""The uncertainty of an article the project model has not read yet: listed last."""

AnyIndex = QModelIndex | QPersistentModelIndex

FINISHED = (Status.DONE, Status.REVIEWED)


def status_text(status: Status) -> str:
    """A status as the user reads it, in the interface language."""
    names = {
        Status.NOT_STARTED: QCoreApplication.translate("Status", "Not started"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "In progress"),
        Status.DONE: QCoreApplication.translate("Status", "Done"),
        Status.REVIEWED: QCoreApplication.translate("Status", "Reviewed"),
    }
    return names[status]


def status_mark(status: Status) -> str:
    # A shape as well as a word: the column stays readable when narrow or colour-blind.
    return {
        Status.NOT_STARTED: "○",
        Status.IN_PROGRESS: "◐",
        Status.DONE: "●",
        Status.REVIEWED: "✔",
    }[status]


class DocumentListModel(QAbstractTableModel):
    """One row per document: title, the annotator's status, their span count and, once
    measured, the project model's uncertainty about it."""

    TITLE, STATUS, SPANS, UNCERTAINTY = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._row_of: dict[str, int] = {}
        self._uncertainty: dict[str, float] = {}

    # -- filling -----------------------------------------------------------

    def set_summaries(self, summaries: Sequence[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._row_of = {summary.id: row for row, summary in enumerate(self._rows)}
        self.endResetModel()

    def update_document(self, doc_id: str, status: Status, span_count: int) -> None:
        """Change one row in place: the view keeps its selection and scroll position."""
        row = self._row_of.get(doc_id)
        if row is None:
            return
        self._rows[row] = replace(self._rows[row], status=status, span_count=span_count)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_uncertainty(self, by_document: dict[str, float]) -> None:
        """The project model's uncertainty per document id (empty: none measured)."""
        self._uncertainty = dict(by_document)
        if self._rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # -- reading -----------------------------------------------------------

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def summaries(self) -> list[DocumentSummary]:
        return list(self._rows)

    def row_of(self, doc_id: str) -> int | None:
        return self._row_of.get(doc_id)

    @staticmethod
    def data_for_status(status: Status) -> str:
        """The status column's text: a shape and a word."""
        return f"{status_mark(status)} {status_text(status)}"

    def next_unfinished(self, after_doc_id: str | None) -> str | None:
        """The first document not done after ``after_doc_id``, wrapping round."""
        if not self._rows:
            return None
        start = self._row_of.get(after_doc_id, -1) + 1 if after_doc_id else 0
        count = len(self._rows)
        for step in range(count):
            summary = self._rows[(start + step) % count]
            if summary.id != after_doc_id and summary.status not in FINISHED:
                return summary.id
        return None

    # -- QAbstractTableModel ---------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("DocumentList", "Article"),
            QCoreApplication.translate("DocumentList", "Status"),
            QCoreApplication.translate("DocumentList", "Spans"),
            QCoreApplication.translate("DocumentList", "Doubt"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return summary.title or QCoreApplication.translate("DocumentList", "(untitled)")
            if column == self.STATUS:
                return self.data_for_status(summary.status)
            if column == self.UNCERTAINTY:
                doubt = self._uncertainty.get(summary.id)
                return "–" if doubt is None else f"{doubt:.2f}"
            return summary.span_count
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                source = known_source(summary.source)
                return summary.title + (f"\n{source}" if source else "")
            if column == self.UNCERTAINTY:
                return self._uncertainty_tip(summary.id)
            return status_text(summary.status)
        if role == UNCERTAINTY_ROLE:
            return self._uncertainty.get(summary.id, UNMEASURED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SPANS, self.UNCERTAINTY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and summary.status in FINISHED:
            return QBrush(muted_text())
        if role == DOC_ID_ROLE:
            return summary.id
        if role == STATUS_ROLE:
            return summary.status.value
        return None

    def _uncertainty_tip(self, doc_id: str) -> str:
        doubt = self._uncertainty.get(doc_id)
        if doubt is None:
            return QCoreApplication.translate(
                "DocumentList", "The project model has not read this article yet."
            )
        return QCoreApplication.translate(
            "DocumentList",
            "The project model's uncertainty about this article: %1 (0: sure, 1: unsure). "
            "The more unsure it is, the more annotating the article teaches it.",
        ).replace("%1", f"{doubt:.2f}")


class DocumentFilterModel(QSortFilterProxyModel):
    """Shows the documents whose title (or source) holds the text, with the status wanted."""

    ANY = "any"
    UNFINISHED = "unfinished"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = self.ANY

    def set_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_status(self, status: str) -> None:
        """``any``, ``unfinished`` or a ``Status`` value."""
        self._change_filter(lambda: setattr(self, "_status", status))

    def _change_filter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() by a begin/end pair; older Qt lacks the pair.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            change()
            self.invalidateFilter()

    def order_by_uncertainty(self, on: bool) -> None:
        """Most uncertain first (ties and unmeasured articles in the project's order),
        or the project's order."""
        if on:
            self.setSortRole(UNCERTAINTY_ROLE)
            self.sort(DocumentListModel.UNCERTAINTY, Qt.SortOrder.DescendingOrder)
        else:
            self.sort(-1)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DocumentListModel)
        summary = model.summary(source_row)
        if self._status == self.UNFINISHED and summary.status in FINISHED:
            return False
        if self._status not in (self.ANY, self.UNFINISHED) and summary.status != self._status:
            return False
        if self._text:
            haystack = f"{summary.title}\n{summary.source or ''}".casefold()
            return all(word in haystack for word in self._text.split())
        return True


class SpanRow(NamedTuple):
    """What the span panel shows of a span: its text is sliced from the document, its
    attributes are read for amounts only (10,000 full spans take a second to build)."""

    id: str
    start: int
    end: int
    label: str
    annotator: str
    text: str
    attrs: dict[str, Any]

    @classmethod
    def of(cls, span: Span) -> SpanRow:
        return cls(span.id, span.start, span.end, span.label, span.annotator, span.text, span.attrs)


ShownSpan = Span | SpanRow


class SpanTreeModel(QStandardItemModel):
    """A document's spans grouped under their label, in the label set's order.

    ``set_spans`` builds it; ``add_span`` and ``remove_span`` then insert or take out
    single rows, so a tag on a 10,000-span article does not rebuild the tree.
    ``decorate`` finishes a row before it goes in (an amount shows its reading): changing
    thousands of rows after they are in would cost one view update each."""

    def __init__(
        self,
        parent: QObject | None = None,
        decorate: Callable[[QStandardItem, ShownSpan], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setColumnCount(1)
        self._decorate = decorate
        self._label_set = LabelSet(labels=[])
        self._language = "en"
        self._groups: dict[str, QStandardItem] = {}
        self._members: dict[str, list[tuple[int, int, str]]] = {}
        """Per label, its rows' (start, -end, span id), in row order."""
        self._items: dict[str, tuple[str, QStandardItem]] = {}
        """span id -> (its label, its row)."""

    def set_spans(self, spans: Sequence[ShownSpan], label_set: LabelSet, language: str) -> None:
        self.clear()
        self.setColumnCount(1)
        self._label_set, self._language = label_set, language
        self._groups, self._members, self._items = {}, {}, {}
        by_label: dict[str, list[ShownSpan]] = {}
        for span in spans:
            by_label.setdefault(span.label, []).append(span)
        for name in self._order(by_label):
            keyed = sorted((_row_key(span), span) for span in by_label[name])
            # The rows go in with their group, in one step: not one view update per row.
            self._new_group(name, self.rowCount(), [self._row(span) for _, span in keyed])
            self._members[name] = [key for key, _ in keyed]
            self._set_count(name)

    def add_span(self, span: ShownSpan) -> QStandardItem:
        """One more row, in its label's group and in reading order."""
        group = self._groups.get(span.label)
        if group is None:
            others = set(self._groups) | {span.label}
            group = self._new_group(span.label, self._order(others).index(span.label))
            self._members[span.label] = []
        keys = self._members[span.label]
        row = bisect.bisect(keys, _row_key(span))
        keys.insert(row, _row_key(span))
        item = self._row(span)
        group.insertRow(row, item)
        self._set_count(span.label)
        return item

    def remove_span(self, span_id: str) -> None:
        found = self._items.pop(span_id, None)
        if found is None:
            return
        label, item = found
        keys = self._members[label]
        row = item.row()
        del keys[row]
        group = self._groups[label]
        group.removeRow(row)
        if keys:
            self._set_count(label)
        else:
            del self._groups[label], self._members[label]
            self.removeRow(group.row())

    def span_item(self, span_id: str) -> QStandardItem | None:
        found = self._items.get(span_id)
        return found[1] if found else None

    def index_of_span(self, span_id: str) -> QModelIndex:
        item = self.span_item(span_id)
        return item.index() if item is not None else QModelIndex()

    def _order(self, names: Iterable[str]) -> list[str]:
        present = set(names)
        known = self._label_set.names
        return [name for name in known if name in present] + sorted(present - set(known))

    def _new_group(
        self, name: str, row: int, rows: list[QStandardItem] | None = None
    ) -> QStandardItem:
        label = self._label_set.get(name)
        group = QStandardItem()
        bold = QFont()
        bold.setBold(True)
        group.setFont(bold)
        group.setEditable(False)
        group.setSelectable(False)
        if label:
            group.setData(QColor(label.color), Qt.ItemDataRole.DecorationRole)
        if rows:
            group.appendRows(rows)
        self.insertRow(row, group)
        self._groups[name] = group
        return group

    def _set_count(self, name: str) -> None:
        label = self._label_set.get(name)
        title = label.display_name(self._language) if label else name
        self._groups[name].setText(f"{title} ({len(self._members[name])})")

    def _row(self, span: ShownSpan) -> QStandardItem:
        # Not made read-only one by one: the tree allows no editing at all.
        item = QStandardItem(_one_line(span.text))
        item.setToolTip(span.text)
        item.setData(span.id, SPAN_ID_ROLE)
        if self._decorate is not None:
            self._decorate(item, span)
        self._items[span.id] = (span.label, item)
        return item


def _row_key(span: ShownSpan) -> tuple[int, int, str]:
    return (span.start, -span.end, span.id)


def _one_line(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

"""Qt item models: thin adapters over the core's data, no SQL and no widgets.

The document list model holds ``DocumentSummary`` objects only (never a text), so a
project of thousands of articles lists at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

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
    """One row per document: title, the annotator's status, their span count."""

    TITLE, STATUS, SPANS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._row_of: dict[str, int] = {}

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
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("DocumentList", "Article"),
            QCoreApplication.translate("DocumentList", "Status"),
            QCoreApplication.translate("DocumentList", "Spans"),
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
            return summary.span_count
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                source = known_source(summary.source)
                return summary.title + (f"\n{source}" if source else "")
            return status_text(summary.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and summary.status in FINISHED:
            return QBrush(muted_text())
        if role == DOC_ID_ROLE:
            return summary.id
        if role == STATUS_ROLE:
            return summary.status.value
        return None


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


class SpanTreeModel(QStandardItemModel):
    """A document's spans grouped under their label, in the label set's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(1)

    def set_spans(self, spans: Sequence[Span], label_set: LabelSet, language: str) -> None:
        self.clear()
        self.setColumnCount(1)
        by_label: dict[str, list[Span]] = {}
        for span in spans:
            by_label.setdefault(span.label, []).append(span)
        known = label_set.names
        order = known + sorted(name for name in by_label if name not in known)
        bold = QFont()
        bold.setBold(True)
        for name in order:
            members = by_label.get(name)
            if not members:
                continue
            label = label_set.get(name)
            title = label.display_name(language) if label else name
            group = QStandardItem(f"{title} ({len(members)})")
            group.setFont(bold)
            group.setEditable(False)
            group.setSelectable(False)
            if label:
                group.setData(QColor(label.color), Qt.ItemDataRole.DecorationRole)
            for span in sorted(members, key=lambda s: (s.start, -s.end)):
                item = QStandardItem(_one_line(span.text))
                item.setEditable(False)
                item.setToolTip(span.text)
                item.setData(span.id, SPAN_ID_ROLE)
                group.appendRow(item)
            self.appendRow(group)

    def index_of_span(self, span_id: str) -> QModelIndex:
        for group_row in range(self.rowCount()):
            group = self.item(group_row)
            for row in range(group.rowCount()):
                child = group.child(row)
                if child.data(SPAN_ID_ROLE) == span_id:
                    return child.index()
        return QModelIndex()


def _one_line(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

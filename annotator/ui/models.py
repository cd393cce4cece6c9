"""Qt item models: thin adapters over the core's data, no SQL and no widgets.

The document list model reads ``DocumentSummary`` pages only (never a text) as the
view shows them, so a project of 100,000 articles lists at once.
"""

from __future__ import annotations

import bisect
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from annotator.core.models import DocumentSummary, LabelSet, Span, Status
from annotator.core.resources import known_source
from annotator.core.store import Store
from annotator.core.store.article_filter import UNFINISHED, ArticleFilter
from annotator.ui.colours import muted_text

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 3
UNCERTAINTY_ROLE = Qt.ItemDataRole.UserRole + 4
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 5
"""Where and when the article was published ("Le Monde · 2024-03-05"), or None."""
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


_LIST_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        DOC_ID_ROLE,
        STATUS_ROLE,
        UNCERTAINTY_ROLE,
        BYLINE_ROLE,
    }
)

PAGE_ROWS = 128
"""Rows read from the store at a time: a few screens of the list."""
KEPT_PAGES = 16


class DocumentListModel(QAbstractTableModel):
    """One row per document the filter lets through: title (with the outlet and date it
    was published under it, when known), the annotator's status, their span count and,
    once measured, the project model's uncertainty about it.

    Rows are read from the store a page at a time, as the view shows them. Unfiltered
    and in the project's order, the list is a window over the documents' positions
    and start-up reads nothing but the page on screen; a filter (or the uncertainty
    order) holds the positions its one query found."""

    TITLE, STATUS, SPANS, UNCERTAINTY = range(4)

    def __init__(self, store: Store, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._annotator = annotator
        self._filter = ArticleFilter()
        self._positions: array[int] | None = None
        """The positions shown, in order; None: every document, in the project's order."""
        self._count = 0
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._uncertainty: dict[str, float] = {}
        self._by_uncertainty = False
        self._queue: frozenset[int] = frozenset()
        """Positions of the articles given to the annotator (a team's queue): shown first."""
        self._row_by_position: dict[int, int] | None = None
        self._counts: tuple[int, int, int] | None = None

    # -- filling -----------------------------------------------------------

    def reload(self, annotator: str | None = None) -> None:
        """Read the list again (after an import, or for another annotator)."""
        if annotator is not None:
            self._annotator = annotator
        self._counts = None
        self._queue = self._queue_of(self._annotator)
        self._list()

    def _list(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._row_by_position = None
        if self._filter.is_everything() and not self._by_uncertainty and not self._queue:
            self._positions = None
            self._count = self._store.document_count()
        else:
            positions = self._store.article_positions(self._annotator, self._filter)
            if self._by_uncertainty:
                positions = self._ordered_by_uncertainty(positions)
            elif self._queue:
                positions = array("q", sorted(positions, key=self._queue_key))
            self._positions = positions
            self._count = len(positions)
        self.endResetModel()

    def set_filter(self, chosen: ArticleFilter) -> None:
        if chosen != self._filter:
            self._filter = chosen
            self._list()

    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def store(self) -> Store:
        return self._store

    def counts(self, *, fresh: bool = False) -> tuple[int, int, int]:
        """The project's documents, and how many the annotator has done and started
        (read again when ``fresh``, or after a reload; not per keystroke of a filter)."""
        if fresh or self._counts is None:
            self._counts = self._store.article_counts(self._annotator)
        return self._counts

    def update_document(self, doc_id: str, status: Status, span_count: int) -> None:
        """Change one row in place: the view keeps its selection and scroll position.
        A row the filter no longer lets through leaves the list."""
        row = self.row_of(doc_id)
        if row is None:
            return
        summary = self.summary(row)
        page, at = divmod(row, PAGE_ROWS)
        self._pages[page][at] = replace(summary, status=status, span_count=span_count)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if self._positions is not None and not self._filter.is_everything():
            if not self._store.article_matches(self._annotator, self._filter, summary.position):
                self._remove_row(row)

    def document_changed(self, doc_id: str) -> None:
        """A document the list does not show changed: the filter may let it in now."""
        position = self._store.document_position(doc_id)
        if (
            self._positions is None
            or position is None
            or not self._store.article_matches(self._annotator, self._filter, position)
        ):
            return
        if self._by_uncertainty:
            doubt = self._uncertainty.get(doc_id, UNMEASURED)
            row = next(
                (
                    shown
                    for shown in range(self._count)
                    if (-self._doubt_at(shown), self._positions[shown]) > (-doubt, position)
                ),
                self._count,
            )
        elif self._queue:
            key = self._queue_key(position)
            row = next(
                (
                    shown
                    for shown in range(self._count)
                    if self._queue_key(self._positions[shown]) > key
                ),
                self._count,
            )
        else:
            row = bisect.bisect(self._positions, position)
        self.beginInsertRows(QModelIndex(), row, row)
        self._positions.insert(row, position)
        self._count += 1
        self._pages.clear()
        self._row_by_position = None
        self.endInsertRows()

    def set_uncertainty(self, by_document: dict[str, float]) -> None:
        """The project model's uncertainty per document id (empty: none measured)."""
        self._uncertainty = dict(by_document)
        if self._count:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, last))

    def order_by_uncertainty(self, on: bool) -> None:
        """Most uncertain first (ties and unmeasured articles in the project's order),
        or the project's order."""
        self._by_uncertainty = on
        self._list()

    def ordered_by_uncertainty(self) -> bool:
        return self._by_uncertainty

    # -- reading -----------------------------------------------------------

    def summary(self, row: int) -> DocumentSummary:
        page, at = divmod(row, PAGE_ROWS)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read_page(page)
        else:
            self._pages.move_to_end(page)
        return rows[at]

    def row_of(self, doc_id: str) -> int | None:
        position = self._store.document_position(doc_id)
        if position is None:
            return None
        if self._positions is None:
            return self._store.documents_before(position)
        if self._by_uncertainty or self._queue:
            if self._row_by_position is None:
                self._row_by_position = {shown: row for row, shown in enumerate(self._positions)}
            return self._row_by_position.get(position)
        row = bisect.bisect_left(self._positions, position)
        return row if row < self._count and self._positions[row] == position else None

    @staticmethod
    def data_for_status(status: Status) -> str:
        """The status column's text: a shape and a word."""
        return f"{status_mark(status)} {status_text(status)}"

    def next_unfinished(self, after_doc_id: str | None) -> str | None:
        """The first article not done after ``after_doc_id`` in the order the list
        shows, wrapping round; when the filters hide every one, the next in the project."""
        after = self._store.document_position(after_doc_id) if after_doc_id else None
        unfinished = self._filter.unfinished_part()
        found = None
        if unfinished is not None and self._by_uncertainty:
            wanted = set(self._store.article_positions(self._annotator, unfinished))
            start = self.row_of(after_doc_id) if after_doc_id else None
            first = 0 if start is None else start + 1
            for step in range(self._count):
                summary = self.summary((first + step) % self._count)
                if summary.position in wanted and summary.position != after:
                    return summary.id
        elif unfinished is not None:
            found = self._store.next_article_position(self._annotator, unfinished, after)
        if found is None:
            project = ArticleFilter(status=UNFINISHED)
            found = self._store.next_article_position(self._annotator, project, after)
        if found is None:
            return None
        rows = self._store.article_rows(self._annotator, [found])
        return rows[0].id if rows else None

    # -- QAbstractTableModel ---------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
        # The view asks a score of roles per cell and repaint: most answer nothing.
        if role not in _LIST_ROLES or not index.isValid() or index.row() >= self._count:
            return None
        summary = self.summary(index.row())
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
                published = ", ".join(filter(None, (summary.outlet, summary.published)))
                return "\n".join(filter(None, (summary.title, published, source)))
            if column == self.UNCERTAINTY:
                return self._uncertainty_tip(summary.id)
            return status_text(summary.status)
        if role == BYLINE_ROLE and column == self.TITLE:
            byline = (summary.outlet, (summary.published or "")[:10])
            return " · ".join(part for part in byline if part) or None
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

    # -- inside ----------------------------------------------------------------

    def _read_page(self, page: int) -> list[DocumentSummary]:
        first = page * PAGE_ROWS
        if self._positions is None:
            positions = self._store.positions_at(first, PAGE_ROWS)
        else:
            positions = list(self._positions[first : first + PAGE_ROWS])
        found = {s.position: s for s in self._store.article_rows(self._annotator, positions)}
        # A row too damaged to read keeps its place, untitled: the rows below stay put.
        rows = [found.get(p) or DocumentSummary("", "", None, 0, p) for p in positions]
        self._pages[page] = rows
        if len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _remove_row(self, row: int) -> None:
        assert self._positions is not None
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._positions[row]
        self._count -= 1
        self._pages.clear()
        self._row_by_position = None
        self.endRemoveRows()

    def _doubt_at(self, row: int) -> float:
        return self._uncertainty.get(self.summary(row).id, UNMEASURED)

    def _queue_of(self, annotator: str) -> frozenset[int]:
        """Positions of the articles given to ``annotator``, read once per reload (not
        per keystroke of a filter)."""
        assigned = self._store.assigned_documents(annotator)
        if not assigned:
            return frozenset()
        positions = self._store.document_positions()
        return frozenset(positions[doc_id] for doc_id in assigned if doc_id in positions)

    def _queue_key(self, position: int) -> tuple[bool, int]:
        """The annotator's queue first, each part in the project's order."""
        return position not in self._queue, position

    def _ordered_by_uncertainty(self, positions: array[int]) -> array[int]:
        by_position = {
            position: self._uncertainty[doc_id]
            for doc_id, position in self._store.document_positions().items()
            if doc_id in self._uncertainty
        }
        ordered = sorted(positions, key=lambda p: (-by_position.get(p, UNMEASURED), p))
        return array("q", ordered)

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

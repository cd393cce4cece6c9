"""The list of articles: filter by words and by status, move with the keyboard, and
optionally order them by the project model's uncertainty (shown in a column of its own).

Moving the current row (arrows, Page Up/Down, a click) opens that article; Enter puts
the keyboard in the article.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import Status
from annotator.ui.models import (
    DOC_ID_ROLE,
    FINISHED,
    DocumentFilterModel,
    DocumentListModel,
)


class DocumentTable(QTableView):
    """A table of whole rows: Home and End go to the first and last article."""

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursor_action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(cursor_action, modifiers)


class DocumentListPanel(QWidget):
    documentSelected = Signal(str)
    """The user moved to a document."""
    documentActivated = Signal(str)
    """The user pressed Enter or double-clicked: they want to read it."""

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = DocumentFilterModel(self)
        self.proxy.setSourceModel(model)

        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("documentFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.currentIndexChanged.connect(self._status_filter_changed)

        self.table = DocumentTable()
        self.table.setObjectName("documentTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        # Titles are long: two lines each, at one fixed height, so a journalist can tell
        # articles apart and the view never measures thousands of rows.
        self.table.setWordWrap(True)
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(2 * line + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths measured from the texts, not ResizeToContents: that would ask
        # every row for its size on each change, seconds in a project of 10,000 articles.
        header.setSectionResizeMode(DocumentListModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DocumentListModel.SPANS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DocumentListModel.UNCERTAINTY, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnHidden(DocumentListModel.UNCERTAINTY, True)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(self._activated)
        # Filtering can remove the current row; the article stays open regardless.
        self.filter_edit.returnPressed.connect(self._focus_first_row)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.status_combo, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._suppress_selection_signal = False
        self.retranslate()

    # -- public ---------------------------------------------------------------

    def current_document_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(DOC_ID_ROLE)) if index.isValid() else None

    def select_document(self, doc_id: str | None, *, notify: bool = False) -> bool:
        """Make ``doc_id`` the current row (without re-opening it unless ``notify``)."""
        row = self.model.row_of(doc_id) if doc_id else None
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self._suppress_selection_signal = not notify
        try:
            self.table.selectionModel().setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._suppress_selection_signal = False
        self.table.scrollTo(proxy_index)
        return True

    def show_uncertainty(self, by_document: dict[str, float] | None) -> None:
        """Order the rows by ``by_document`` (most uncertain first) and show it in a
        column; None: the project's order again, without the column."""
        current = self.current_document_id()
        self.model.set_uncertainty(by_document or {})
        self.table.setColumnHidden(DocumentListModel.UNCERTAINTY, by_document is None)
        self.proxy.order_by_uncertainty(by_document is not None)
        if current:
            self.select_document(current)

    def ordered_by_uncertainty(self) -> bool:
        return not self.table.isColumnHidden(DocumentListModel.UNCERTAINTY)

    def next_unfinished(self, after_doc_id: str | None) -> str | None:
        """The first article not done after ``after_doc_id`` in the order the list shows,
        wrapping round; when the filters hide every one, the next in the project."""
        rows = self.proxy.rowCount()
        after = self.model.row_of(after_doc_id) if after_doc_id else None
        start = 0
        if after is not None:
            shown = self.proxy.mapFromSource(self.model.index(after, 0))
            start = shown.row() + 1 if shown.isValid() else 0
        for step in range(rows):
            source = self.proxy.mapToSource(self.proxy.index((start + step) % rows, 0))
            summary = self.model.summary(source.row())
            if summary.id != after_doc_id and summary.status not in FINISHED:
                return summary.id
        return self.model.next_unfinished(after_doc_id)

    def clear_filters(self) -> None:
        self.filter_edit.clear()
        self.status_combo.setCurrentIndex(0)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Articles"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by title…"))
        choices = [
            (self.tr("All statuses"), DocumentFilterModel.ANY),
            (self.tr("To do (not done)"), DocumentFilterModel.UNFINISHED),
            (self.tr("Not started"), Status.NOT_STARTED.value),
            (self.tr("In progress"), Status.IN_PROGRESS.value),
            (self.tr("Done"), Status.DONE.value),
        ]
        current = self.status_combo.currentIndex()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for text, value in choices:
            self.status_combo.addItem(text, value)
        self.status_combo.setCurrentIndex(max(0, current))
        self.status_combo.blockSignals(False)
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._fit_columns()

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        padding = 4 * metrics.averageCharWidth()
        statuses = [
            self.model.data_for_status(status) for status in Status if status != Status.REVIEWED
        ]
        header = self.table.horizontalHeader()
        status_width = max(
            metrics.horizontalAdvance(text)
            for text in [*statuses, str(self.model.headerData(1, Qt.Orientation.Horizontal))]
        )
        spans_width = max(
            metrics.horizontalAdvance("99999"),
            metrics.horizontalAdvance(str(self.model.headerData(2, Qt.Orientation.Horizontal))),
        )
        header.resizeSection(DocumentListModel.STATUS, status_width + padding)
        header.resizeSection(DocumentListModel.SPANS, spans_width + padding)
        doubt_width = max(
            metrics.horizontalAdvance("0.00"),
            metrics.horizontalAdvance(str(self.model.headerData(3, Qt.Orientation.Horizontal))),
        )
        header.resizeSection(DocumentListModel.UNCERTAINTY, doubt_width + padding)

    # -- reactions ----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _status_filter_changed(self, _index: int) -> None:
        self.proxy.set_status(str(self.status_combo.currentData() or DocumentFilterModel.ANY))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._suppress_selection_signal:
            self.documentSelected.emit(str(current.data(DOC_ID_ROLE)))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentActivated.emit(str(index.data(DOC_ID_ROLE)))

    def _focus_first_row(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

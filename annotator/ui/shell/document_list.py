"""The list of articles: filter by words, status, labels held or not, annotator, outlet
and date, move with the keyboard, and optionally order them by the project model's
uncertainty (shown in a column of its own). The model reads rows page by page and
filters in the store's SQL, so a project of 100,000 articles lists and filters at once.

Moving the current row (arrows, Page Up/Down, a click) opens that article; Enter puts
the keyboard in the article.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import GOLD_LAYER, LabelSet, Status
from annotator.core.store.article_filter import ANY_STATUS, UNFINISHED, ArticleFilter, check_date
from annotator.ui.colours import muted_text
from annotator.ui.models import BYLINE_ROLE, DOC_ID_ROLE, DocumentListModel

INVALID_DATE = "#b3261e"
"""A date bound the filter cannot read is shown in this red (and left out)."""


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


class TitleDelegate(QStyledItemDelegate):
    """The title on two lines and, when known, where and when the article was published
    on a third, muted (the rows are a line taller in a project that knows them)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        byline = index.data(BYLINE_ROLE)
        if not byline:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        area = area.adjusted(2, 0, -2, 0)
        metrics = item.fontMetrics
        lines = [*title_lines(metrics, title, area.width()), str(byline)]
        height = metrics.lineSpacing()
        top = area.top() + (area.height() - len(lines) * height) // 2
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setFont(item.font)
        for number, text in enumerate(lines):
            last = number == len(lines) - 1
            painter.setPen(muted_text() if last and not selected else item.palette.color(text_role))
            painter.drawText(
                QRect(area.left(), top + number * height, area.width(), height),
                flags,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
            )
        painter.restore()


def title_lines(metrics: QFontMetrics, title: str, width: int) -> list[str]:
    """The title wrapped at words on at most two lines (the second elided when painted)."""
    words = title.split()
    first = ""
    for count, word in enumerate(words):
        longer = f"{first} {word}" if first else word
        if first and metrics.horizontalAdvance(longer) > width:
            return [first, " ".join(words[count:])]
        first = longer
    return [first]


class DocumentListPanel(QWidget):
    documentSelected = Signal(str)
    """The user moved to a document."""
    documentActivated = Signal(str)
    """The user pressed Enter or double-clicked: they want to read it."""

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.counts = QLabel()
        self.counts.setObjectName("documentCounts")
        self.counts.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("documentFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.status_combo = self._combo("statusFilter")
        self.with_label_combo = self._combo("withLabelFilter")
        self.without_label_combo = self._combo("withoutLabelFilter")
        self.annotator_combo = self._combo("annotatorFilter")
        self.outlet_combo = self._combo("outletFilter")
        self.date_from_edit = self._date_edit("dateFromFilter")
        self.date_to_edit = self._date_edit("dateToFilter")
        # The filters beyond title and status fold away: the list keeps its room.
        self.more_filters = QWidget()
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreFilters")
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.toggled.connect(self._show_more_filters)
        self.filter_edit.textChanged.connect(self._filters_changed)

        self.table = DocumentTable()
        self.table.setObjectName("documentTable")
        self.table.setModel(model)
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
        for column in (
            DocumentListModel.STATUS,
            DocumentListModel.SPANS,
            DocumentListModel.UNCERTAINTY,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setItemDelegateForColumn(DocumentListModel.TITLE, TitleDelegate(self.table))
        self.table.setColumnHidden(DocumentListModel.UNCERTAINTY, True)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(self._activated)
        # Filtering can remove the current row; the article stays open regardless.
        self.filter_edit.returnPressed.connect(self._focus_first_row)
        model.modelReset.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.rowsInserted.connect(self._rows_changed)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.status_combo, 2)
        filters.addWidget(self.more_button)
        more = QGridLayout(self.more_filters)
        more.setContentsMargins(0, 0, 0, 0)
        more.addWidget(self.with_label_combo, 0, 0)
        more.addWidget(self.without_label_combo, 0, 1)
        more.addWidget(self.annotator_combo, 1, 0)
        more.addWidget(self.outlet_combo, 1, 1)
        more.addWidget(self.date_from_edit, 2, 0)
        more.addWidget(self.date_to_edit, 2, 1)
        self.more_filters.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.more_filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.table)
        self._suppress_selection_signal = False
        self._label_set = LabelSet(labels=[])
        self._language = "en"
        self._choosing = False
        self.retranslate()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _date_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._filters_changed)
        return edit

    # -- public ---------------------------------------------------------------

    def current_document_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(DOC_ID_ROLE)) if index.isValid() else None

    def select_document(self, doc_id: str | None, *, notify: bool = False) -> bool:
        """Make ``doc_id`` the current row (without re-opening it unless ``notify``)."""
        row = self.model.row_of(doc_id) if doc_id else None
        if row is None:
            return False
        index = self.model.index(row, 0)
        self._suppress_selection_signal = not notify
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._suppress_selection_signal = False
        self.table.scrollTo(index)
        return True

    def reload(self, annotator: str | None = None) -> None:
        """Read the list again, keeping the current article current."""
        current = self.current_document_id()
        self.model.reload(annotator)
        if current:
            self.select_document(current)

    def set_choices(self, label_set: LabelSet, language: str) -> None:
        """The labels, annotators and outlets the filters offer, read again."""
        self._label_set, self._language = label_set, language
        self._fill_choices()

    def show_uncertainty(self, by_document: dict[str, float] | None) -> None:
        """Order the rows by ``by_document`` (most uncertain first) and show it in a
        column; None: the project's order again, without the column."""
        current = self.current_document_id()
        self.model.set_uncertainty(by_document or {})
        self.table.setColumnHidden(DocumentListModel.UNCERTAINTY, by_document is None)
        self.model.order_by_uncertainty(by_document is not None)
        if current:
            self.select_document(current)

    def ordered_by_uncertainty(self) -> bool:
        return not self.table.isColumnHidden(DocumentListModel.UNCERTAINTY)

    def next_unfinished(self, after_doc_id: str | None) -> str | None:
        """The first article not done after ``after_doc_id`` in the order the list shows,
        wrapping round; when the filters hide every one, the next in the project."""
        return self.model.next_unfinished(after_doc_id)

    def clear_filters(self) -> None:
        self._choosing = True
        try:
            self.filter_edit.clear()
            for combo in self._combos():
                combo.setCurrentIndex(0)
            self.date_from_edit.clear()
            self.date_to_edit.clear()
        finally:
            self._choosing = False
        self._filters_changed()

    def show_counts(self, *, fresh: bool = False) -> None:
        """How many articles the project holds, how many are shown, done and started:
        one query, whatever the project's size (again when ``fresh``: a status changed)."""
        total, done, started = self.model.counts(fresh=fresh)
        shown = self.model.rowCount()
        if self.model.article_filter.is_everything():
            listed = self.tr("%Ln article(s)", "", total)
        else:
            listed = self.tr("%1 of %Ln article(s)", "", total).replace(
                "%1", QLocale().toString(shown)
            )
        progress = (
            self.tr("%1 done, %2 in progress")
            .replace("%1", QLocale().toString(done))
            .replace("%2", QLocale().toString(started))
        )
        self.counts.setText(f"{listed} · {progress}")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Articles"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by title…"))
        self.date_from_edit.setPlaceholderText(self.tr("From (YYYY-MM-DD)"))
        self.date_to_edit.setPlaceholderText(self.tr("To (YYYY-MM-DD)"))
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setToolTip(
                self.tr("Articles published on or after / up to this date: a year, a month "
                        "(2024-03) or a day (2024-03-05)")
            )
        self.with_label_combo.setToolTip(self.tr("Only the articles holding this label"))
        self.without_label_combo.setToolTip(self.tr("Only the articles without this label"))
        self.annotator_combo.setToolTip(
            self.tr("Only the articles this annotator has marked or started; the label "
                    "filters then look at their spans only")
        )
        self.outlet_combo.setToolTip(self.tr("Only the articles from this outlet"))
        self.more_button.setToolTip(
            self.tr("More filters: labels, annotator, outlet and publication date")
        )
        self.more_button.setAccessibleName(self.tr("More filters"))
        self._fill_choices()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._fit_columns()
        self.show_counts()

    def _combos(self) -> list[QComboBox]:
        return [
            self.status_combo,
            self.with_label_combo,
            self.without_label_combo,
            self.annotator_combo,
            self.outlet_combo,
        ]

    def _fill_choices(self) -> None:
        store = self.model.store
        labels = [
            (label.display_name(self._language), label.name) for label in self._label_set.labels
        ]
        outlets = store.outlets()
        choices: list[tuple[QComboBox, list[tuple[str, str | None]]]] = [
            (
                self.status_combo,
                [
                    (self.tr("All statuses"), ANY_STATUS),
                    (self.tr("To do (not done)"), UNFINISHED),
                    (self.tr("Not started"), Status.NOT_STARTED.value),
                    (self.tr("In progress"), Status.IN_PROGRESS.value),
                    (self.tr("Done"), Status.DONE.value),
                ],
            ),
            (
                self.with_label_combo,
                [(self.tr("With any label"), None)]
                + [(self.tr("With %1").replace("%1", text), name) for text, name in labels],
            ),
            (
                self.without_label_combo,
                [(self.tr("Without: —"), None)]
                + [(self.tr("Without %1").replace("%1", text), name) for text, name in labels],
            ),
            (
                self.annotator_combo,
                [(self.tr("By anyone"), None)]
                + [
                    (self.tr("By %1").replace("%1", name), name)
                    for name in store.annotators()
                    if name != GOLD_LAYER
                ],
            ),
            (
                self.outlet_combo,
                [(self.tr("All outlets"), None)] + [(name, name) for name in outlets],
            ),
        ]
        self._choosing = True
        try:
            for combo, items in choices:
                current = combo.currentData()
                combo.clear()
                for text, value in items:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        finally:
            self._choosing = False
        has_dates = store.has_dates()
        # A third line in each row for the outlet and date, when the project knows them.
        lines = 3 if outlets or has_dates else 2
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(lines * line + 10)
        self.outlet_combo.setVisible(bool(outlets))
        self.date_from_edit.setVisible(has_dates)
        self.date_to_edit.setVisible(has_dates)
        self._filters_changed()

    def chosen_filter(self) -> ArticleFilter:
        """The filters as the user has set them (a date not understood is left out)."""

        def date(edit: QLineEdit) -> str | None:
            text = edit.text().strip()
            problem = check_date(text) if text else None
            style = f"color: {INVALID_DATE};" if problem else ""
            if edit.styleSheet() != style:  # a new style sheet polishes the widget again
                edit.setStyleSheet(style)
            return text if text and problem is None else None

        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (str(value),) if value else ()

        annotator = self.annotator_combo.currentData()
        outlet = self.outlet_combo.currentData()
        return ArticleFilter(
            words=ArticleFilter.words_of(self.filter_edit.text()),
            status=str(self.status_combo.currentData() or ANY_STATUS),
            with_labels=chosen(self.with_label_combo),
            without_labels=chosen(self.without_label_combo),
            annotator=str(annotator) if annotator else None,
            outlet=str(outlet) if outlet else None,
            date_from=date(self.date_from_edit),
            date_to=date(self.date_to_edit),
        )

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        padding = 4 * metrics.averageCharWidth()
        statuses = [
            self.model.data_for_status(status) for status in Status if status != Status.REVIEWED
        ]
        header = self.table.horizontalHeader()

        def heading(column: int) -> str:
            return str(self.model.headerData(column, Qt.Orientation.Horizontal))

        def widest(*texts: str) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + padding

        header.resizeSection(
            DocumentListModel.STATUS, widest(*statuses, heading(DocumentListModel.STATUS))
        )
        header.resizeSection(
            DocumentListModel.SPANS, widest("99999", heading(DocumentListModel.SPANS))
        )
        header.resizeSection(
            DocumentListModel.UNCERTAINTY, widest("0.00", heading(DocumentListModel.UNCERTAINTY))
        )

    # -- reactions ----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _rows_changed(self, *_args: object) -> None:
        self.show_counts()

    def _show_more_filters(self, shown: bool) -> None:
        self.more_filters.setVisible(shown)
        self.more_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if shown:
            self.with_label_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filters_changed(self, *_args: object) -> None:
        if self._choosing:
            return
        self.model.set_filter(self.chosen_filter())

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._suppress_selection_signal:
            self.documentSelected.emit(str(current.data(DOC_ID_ROLE)))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentActivated.emit(str(index.data(DOC_ID_ROLE)))

    def _focus_first_row(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

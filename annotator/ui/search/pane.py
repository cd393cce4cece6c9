"""The search pane: words, "a phrase" or a prefix* across the whole project.

Each hit is a row: the article, the words before it, the hit in bold, the words after
(plain text: an article's words are never read as markup). Enter or a click opens the
article with the hit selected; Down goes from the query to the hits. The search runs
on the window's own connection: the index answers in milliseconds, and only the first
``FIRST_HITS`` are read.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.search import FIRST_HITS, Hit, SearchResult, search
from annotator.core.store import Store
from annotator.ui.text_display import short_text

HIT_ROLE = Qt.ItemDataRole.UserRole
TYPING_PAUSE_MS = 300
"""Searching starts this long after the last key (at once on Enter)."""


class _QueryEdit(QLineEdit):
    """Down (or Enter once the hits are there) moves into the list of hits."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class ElidedAtTheStart(QStyledItemDelegate):
    """The words before a hit lose their start, not their end, when the column is
    narrow: what touches the hit stays in sight."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SearchPane(QDockWidget):
    hitChosen = Signal(object)
    """(Hit) Enter or a click on a hit."""
    tagRequested = Signal()
    """The user asked to tag every hit shown."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPane")
        self.store = store
        self.result: SearchResult | None = None
        self._searched = ""

        self.query_edit = _QueryEdit()
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tag_button = QPushButton()
        self.tag_button.setObjectName("tagEveryHit")
        self.tag_button.setEnabled(False)
        self.hit_list = QTreeWidget()
        self.hit_list.setObjectName("searchHits")
        self.hit_list.setColumnCount(4)
        self.hit_list.setRootIsDecorated(False)
        self.hit_list.setUniformRowHeights(True)
        self.hit_list.setAllColumnsShowFocus(True)
        self.hit_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_list.setItemDelegateForColumn(1, ElidedAtTheStart(self.hit_list))
        header = self.hit_list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 220)
        self._bold = QFont(self.hit_list.font())
        self._bold.setBold(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.summary)
        top.addWidget(self.tag_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.hit_list, 1)
        self.setWidget(body)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.run)
        self.query_edit.textEdited.connect(lambda _text: self._typing.start())
        self.query_edit.returnPressed.connect(self._enter_in_query)
        self.query_edit.downPressed.connect(self._focus_hits)
        self.hit_list.itemActivated.connect(self._chosen)
        self.hit_list.itemClicked.connect(self._chosen)
        self.tag_button.clicked.connect(self.tagRequested)
        self.retranslate()

    # -- what the window calls -----------------------------------------------------

    def start(self) -> None:
        """Show the pane with the query selected, ready to type over."""
        if not self.isVisible():
            self.show()
            window = self.parentWidget()
            if isinstance(window, QMainWindow):  # a third of the height: the article stays
                window.resizeDocks([self], [window.height() // 3], Qt.Orientation.Vertical)
        self.raise_()
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def hits(self) -> list[Hit]:
        return list(self.result.hits) if self.result is not None else []

    def run(self) -> None:
        """Search for what the query says now."""
        self._typing.stop()
        query = self.query_edit.text()
        self._searched = query
        self.hit_list.clear()
        self.result = None
        self.tag_button.setEnabled(False)
        if not query.strip():
            self.summary.clear()
            return
        try:
            self.result = search(self.store, query, limit=FIRST_HITS)
        except AnnotatorError as error:
            self.summary.setText(str(error))
            return
        self._show(self.result)

    def refresh(self) -> None:
        """Search again (the project changed: an import, a merge)."""
        if self.isVisible() and self._searched.strip():
            self.run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.query_edit.setPlaceholderText(
            self.tr("Search every article: words, \u201ca phrase\u201d, prefix*")
        )
        self.tag_button.setText(self.tr("&Tag every hit…"))
        self.hit_list.setHeaderLabels(
            [self.tr("Article"), self.tr("Before"), self.tr("Hit"), self.tr("After")]
        )
        if self.result is not None:
            self._show_summary(self.result)

    # -- inside ---------------------------------------------------------------------

    def _show(self, result: SearchResult) -> None:
        items = []
        for index, hit in enumerate(result.hits):
            item = QTreeWidgetItem(
                [short_text(hit.title, 60), hit.before, hit.match, hit.after]
            )
            item.setData(0, HIT_ROLE, index)
            item.setFont(2, self._bold)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if hit.field == "title":
                item.setToolTip(0, self.tr("Found in the title"))
            items.append(item)
        self.hit_list.addTopLevelItems(items)
        self.tag_button.setEnabled(any(hit.field == "text" for hit in result.hits))
        if items:
            self.hit_list.setCurrentItem(items[0])
        self._show_summary(result)

    def _show_summary(self, result: SearchResult) -> None:
        count, documents = len(result.hits), result.document_count
        hits = self.tr("%n hit(s)", "", count)
        articles = self.tr("in %n article(s)", "", documents)
        text = f"{hits} {articles}"
        if not result.complete:
            text = self.tr("The first %1; refine the query to see the rest").replace("%1", text)
        self.summary.setText(text)

    def _enter_in_query(self) -> None:
        if self.query_edit.text() != self._searched or self.result is None:
            self.run()
        if self.hit_list.topLevelItemCount():
            self._focus_hits()

    def _focus_hits(self) -> None:
        if self.hit_list.topLevelItemCount():
            first = self.hit_list.topLevelItem(0)
            if self.hit_list.currentItem() is None and first is not None:
                self.hit_list.setCurrentItem(first)
            self.hit_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen(self, item: QTreeWidgetItem) -> None:
        if self.result is not None:
            self.hitChosen.emit(self.result.hits[int(item.data(0, HIT_ROLE))])

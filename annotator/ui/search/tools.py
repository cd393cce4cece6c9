"""Search in the window: the project's search pane (Ctrl+Shift+F), the find bar over
the article (Ctrl+F, F3, Shift+F3), and tagging every hit of either (Ctrl+Shift+T)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout

from annotator.core.changes import Changes
from annotator.core.search import Hit
from annotator.ui.search.find_bar import FindBar
from annotator.ui.search.pane import SearchPane
from annotator.ui.search.tag_occurrences import TagOccurrencesDialog

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow


class WindowSearch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pane = SearchPane(window.store, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.pane)
        self.pane.hide()
        self.find_bar = FindBar(window.article_view)
        centre = window.article_view.parentWidget()
        layout = centre.layout() if centre is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(window.article_view), self.find_bar)
        self.dialog: TagOccurrencesDialog | None = None

        self.search_action = self._action("searchProject", self.pane.start, "Ctrl+Shift+F")
        self.find_action = self._action("findInArticle", self.find_bar.start, "Ctrl+F")
        self.next_action = self._action("findNext", lambda: self._step(1), "F3")
        self.previous_action = self._action("findPrevious", lambda: self._step(-1), "Shift+F3")
        self.tag_action = self._action("tagEveryHit", self.tag_every_hit, "Ctrl+Shift+T")
        menu = window.view_menu
        present = menu.actions()
        anchor = window.list_focus_action
        index = present.index(anchor) + 1 if anchor in present else len(present)
        actions = [
            self.search_action, self.find_action, self.next_action, self.previous_action,
            self.tag_action,
        ]
        if index < len(present):
            menu.insertActions(present[index], actions)
        else:
            menu.addActions(actions)

        self.pane.hitChosen.connect(self.open_hit)
        self.pane.tagRequested.connect(lambda: self.tag_hits(self.pane.hits(), self._query()))
        self.find_bar.tagRequested.connect(
            lambda: self.tag_hits(self.find_bar.hits(), self.find_bar.edit.text())
        )
        window.documentOpened.connect(lambda _doc_id: self.find_bar.document_changed())
        window.session.changed.connect(self._on_changes)

    def _action(self, name: str, slot: Callable[[], None], keys: str) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.search_action.setText(self.tr("Search e&very article…"))
        self.find_action.setText(self.tr("Fi&nd in this article…"))
        self.next_action.setText(self.tr("Find the ne&xt hit"))
        self.previous_action.setText(self.tr("Find the previous &hit"))
        self.tag_action.setText(self.tr("&Tag every hit…"))
        self.pane.retranslate()
        self.find_bar.retranslate()

    # -- opening and tagging hits ----------------------------------------------------

    def open_hit(self, hit: Hit) -> None:
        """Open the hit's article with the hit selected and in view."""
        window = self.window
        if window.document_model.row_of(hit.doc_id) is None:
            return
        if not window.document_list.select_document(hit.doc_id, notify=False):
            window.document_list.clear_filters()  # the filter hides it: show it anyway
            window.document_list.select_document(hit.doc_id, notify=False)
        window.open_document(hit.doc_id)
        if window.current_document_id() != hit.doc_id:
            return
        if hit.field == "text":
            window.article_view.select_range(hit.start, hit.end)
            window.article_view.editor.centerCursor()  # read with what comes before and after
        window.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def tag_every_hit(self) -> None:
        """Tag the find bar's hits when it has the focus or the pane is closed, else
        the search pane's."""
        focus = QApplication.focusWidget()
        in_find_bar = focus is not None and self.find_bar.isAncestorOf(focus)
        in_pane = focus is not None and self.pane.isAncestorOf(focus)
        if self.find_bar.isVisible() and self.find_bar.found and (
            in_find_bar or not (in_pane and self.pane.hits())
        ):
            self.tag_hits(self.find_bar.hits(), self.find_bar.edit.text())
        elif self.pane.isVisible() and self.pane.hits():
            self.tag_hits(self.pane.hits(), self._query())
        else:
            self.window.statusBar().showMessage(
                self.tr("Search first (Ctrl+Shift+F, or Ctrl+F in the article), then tag the hits.")
            )

    def tag_hits(self, hits: list[Hit], what: str) -> None:
        if not any(hit.field == "text" for hit in hits):
            return
        window = self.window
        self.dialog = TagOccurrencesDialog(
            window.session,
            window.annotator,
            hits,
            what,
            window.article_view.word_snapping(),
            window,
        )
        self.dialog.open()
        self.dialog.activateWindow()
        self.dialog.list.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # -- inside ---------------------------------------------------------------------

    def _query(self) -> str:
        return self.pane.query_edit.text()

    def _step(self, direction: int) -> None:
        if self.find_bar.isVisible() and self.find_bar.found:
            self.find_bar.step(direction)
        else:
            self.find_bar.start()

    def _on_changes(self, changes: Changes) -> None:
        if changes.document_list or changes.all_documents:
            self.pane.refresh()

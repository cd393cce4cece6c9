"""The annotation window: article list, article, labels, spans, menus and status bar.

The window wires the panels together and owns the actions. Every write goes through
the ``ProjectSession`` (spans by undo steps, statuses directly), and every panel
refreshes from the session's one ``changed`` signal. Long work (imports, exports) goes
to ``tasks`` and comes back by signal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.amounts.reading import AMOUNT_LABEL
from annotator.core.changes import Changes
from annotator.core.damaged_rows import DamagedDocument
from annotator.core.models import LabelSet, Status
from annotator.core.resources import seeds_dir
from annotator.core.store import Store
from annotator.core.store.postgres import is_server_url, project_name
from annotator.ui import file_dialogs, i18n, plain_text
from annotator.ui.accessibility import WindowAccessibility
from annotator.ui.article.details import ArticleDetails
from annotator.ui.article.document_language import DocumentLanguageAction
from annotator.ui.article.span_panel import SpanPanel
from annotator.ui.article.view import ArticleView
from annotator.ui.carry_over.view import CarryOverAction
from annotator.ui.error_list import ErrorListDialog
from annotator.ui.import_export.export_dialog import ExportDialog, ExportReportDialog, losses
from annotator.ui.import_export.import_problems import (
    annotated_summary,
    failed_files,
    offer_to_add_labels,
    problem_rows,
    unknown_labels_hint,
)
from annotator.ui.key_bindings import KeyBindings
from annotator.ui.links.attribution import Attribution
from annotator.ui.models import DocumentListModel, SpanRow, status_text
from annotator.ui.notes.view import NotesView
from annotator.ui.preferences import Preferences, PreferencesDialog
from annotator.ui.review.mode import ReviewMode
from annotator.ui.scheme.span_attributes import SpanAttributes
from annotator.ui.scheme.view import SchemeView
from annotator.ui.search.tools import WindowSearch
from annotator.ui.session import ProjectSession
from annotator.ui.shell.colleague_watch import ColleagueWatch
from annotator.ui.shell.document_list import DocumentListPanel
from annotator.ui.shell.label_bar import LabelBar
from annotator.ui.shell.menu_focus import MenuFocusKeeper
from annotator.ui.shell.progress_view import ProgressAction
from annotator.ui.shell.project_actions import ProjectActions
from annotator.ui.shell.project_watch import ProjectWatch
from annotator.ui.shell.shortcuts import ShortcutSheet
from annotator.ui.suggestions.controller import SuggestionController
from annotator.ui.tasks import StoreTask, TaskRunner, export_task, import_task
from annotator.ui.training.uncertainty_order import UncertaintyOrderAction
from annotator.ui.training.view import TrainModelAction
from annotator.ui.undo.history import UndoHistory

if TYPE_CHECKING:
    from annotator.core.importing.request import ImportRequest

OUTCOME_FAILED = "failed"
BUSY_TRIES = 240
"""Tries of a change while another program holds the project, a quarter second each."""


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


def first_window_size(available: QSize) -> QSize:
    """Roomy, but never larger than the screen less its panels (a 1366x768 laptop):
    the title bar and the frame stay on screen."""
    return QSize(1440, 900).boundedTo(available - QSize(24, 72))


class MainWindow(QMainWindow):
    documentOpened = Signal(str)
    importFinished = Signal(object)
    """The ImportReport of a finished import (or None if it failed or was cancelled)."""
    exportFinished = Signal(object)

    def __init__(
        self,
        store: Store,
        db_path: Path | str,
        annotator: str,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        plain_text.show_labels_as_plain_text()
        self.setObjectName("mainWindow")
        self.store = store
        self.db_path: Path | str = db_path if is_server_url(str(db_path)) else Path(db_path)
        self.annotator = annotator
        self.preferences = preferences
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self, store)
        self.session = ProjectSession(store, self.undo_stack, self)
        self.error_dialog: ErrorListDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.export_report: ExportReportDialog | None = None
        self._last_import_outcomes: Counter[str] = Counter()

        self.document_model = DocumentListModel(store, annotator, self)
        self.document_list = DocumentListPanel(self.document_model)
        self.article_view = ArticleView(self.session, annotator)
        self.article_view.setObjectName("articleView")
        self.article_view.set_word_snapping(preferences.word_snapping)
        self.label_bar = LabelBar()
        self.span_panel = SpanPanel()
        self.suggestions = SuggestionController(
            self.article_view, db_path, annotator, self.tasks, preferences, self
        )

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.label_bar)
        centre_layout.addWidget(self.article_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.document_list)
        self.splitter.addWidget(centre)
        self.column = QSplitter(Qt.Orientation.Vertical)
        self.column.setObjectName("rightColumn")
        self.column.setChildrenCollapsible(False)
        self.column.addWidget(self.span_panel)
        self.splitter.addWidget(self.column)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.document_list.setMinimumWidth(240)
        self.span_panel.setMinimumWidth(220)
        self.splitter.setSizes([290, 760, 390])
        self.setCentralWidget(self.splitter)

        self.annotator_label = QLabel()
        self.annotator_label.setObjectName("annotatorLabel")
        self.status_label = QLabel()
        self.status_label.setObjectName("documentStatusLabel")
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.annotator_label)

        self._create_actions()
        self._create_menus()
        self.project_watch = ProjectWatch(self.session, self)
        self.colleague_watch = ColleagueWatch(self)
        store.retry_when_busy(self._wait_for_another_program, self._done_waiting)
        self.file_menu.insertAction(self.quit_action, self.project_watch.save_action)
        self.review_mode = ReviewMode(self.session, self.article_view, self)
        self.setAcceptDrops(True)
        # The article's text widget would swallow drops meant for the window.
        for child in self.article_view.findChildren(QWidget):
            child.installEventFilter(self)

        self.document_list.documentSelected.connect(self.open_document)
        self.document_list.documentActivated.connect(self._focus_article)
        self.session.changed.connect(self._on_changes)
        self.session.failed.connect(lambda message, _step: self._show_message(message))
        # A refused write may be the first sign that the project file is gone.
        self.session.failed.connect(lambda _message, _step: self.project_watch.check())
        self.article_view.currentSpanChanged.connect(self.span_panel.set_current_span)
        self.article_view.currentSpanChanged.connect(self._enable_nesting_actions)
        self.article_view.statusMessage.connect(self._show_message)
        self.suggestions.statusMessage.connect(self._show_message)
        for action in self.suggestions.actions():
            self.addAction(action)
        self.span_panel.spanPicked.connect(self._span_picked)
        self.label_bar.labelClicked.connect(self.article_view.apply_label)
        # Links, the claim ledger and the report: menus, panel, keys.
        self.attribution = Attribution(self.session, self.article_view, self)
        self.carry_over = CarryOverAction(self.session, self)
        self.team_progress = ProgressAction(self)
        self.train_model = TrainModelAction(self)
        self.train_model.trained.connect(self.suggestions.refresh)
        self.uncertainty_order = UncertaintyOrderAction(
            self.session, self, self.document_list, self.splitter
        )
        self.document_language = DocumentLanguageAction(self.session, self)
        self.notes = NotesView(self)
        self.article_details = ArticleDetails(self)
        self.accessibility = WindowAccessibility(self)
        self.projects = ProjectActions(
            self.session,
            self,
            preferences,
            lambda store, path: MainWindow(store, path, self.annotator, self.preferences),
        )
        self.search = WindowSearch(self)
        self.span_attributes = SpanAttributes(self)
        self.scheme_view = SchemeView(self)
        self.key_bindings = KeyBindings(preferences)
        self.key_bindings.add_actions(self.menu_actions())
        self.article_view.set_edge_keys(
            self.key_bindings.edge_keys(), self.key_bindings.edge_rows()
        )
        self.menu_focus = MenuFocusKeeper(self.menuBar())

        self.retranslate()
        self._restore_layout()
        self.reload_documents()
        self._open_initial_document()

    # -- properties -------------------------------------------------------------

    @property
    def language(self) -> str:
        return i18n.current_language()

    def label_set(self) -> LabelSet:
        return self.store.label_set()

    def current_document_id(self) -> str | None:
        return self.article_view.document_id()

    def _enable_nesting_actions(self, span_id: str) -> None:
        # Disabled while no span is selected, so their keys reach whatever has the focus.
        for action in (self.enclosing_span_action, self.nested_span_action):
            action.setEnabled(bool(span_id))

    # -- actions and menus ------------------------------------------------------

    def _action(
        self, name: str, slot: Any, keys: Sequence[QKeySequence | str] = (), checkable: bool = False
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.import_files_action = self._action(
            "importFiles", self.choose_files_to_import, ["Ctrl+O"]
        )
        self.import_folder_action = self._action(
            "importFolder", self.choose_folder_to_import, ["Ctrl+Shift+O"]
        )
        self.load_samples_action = self._action("loadSamples", self.load_sample_articles)
        self.export_action = self._action("exportGold", self.choose_export_file, ["Ctrl+E"])
        self.quit_action = self._action("quit", self.close, ["Ctrl+Q"])

        self.undo_history = UndoHistory(
            self.undo_stack,
            self.current_document_id,
            self._open_for_undo,
            self._document_title,
            self,
            shown_elsewhere=self._reveal_current_span,
        )
        self.undo_action = self.undo_history.undo_action
        self.redo_action = self.undo_history.redo_action
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.delete_span_action = self._action("deleteSpan", self.article_view.delete_current_span)
        self.enclosing_span_action = self._action(
            "selectEnclosingSpan", self.article_view.select_enclosing_span, ["Ctrl+Shift+Up"]
        )
        self.nested_span_action = self._action(
            "selectNestedSpan", self.article_view.select_nested_span, ["Ctrl+Shift+Down"]
        )
        self._enable_nesting_actions("")
        self.preferences_action = self._action("preferences", self.edit_preferences, ["Ctrl+,"])

        self.zoom_in_action = self._action(
            "zoomIn", self.article_view.zoom_in, ["Ctrl+=", "Ctrl++"]
        )
        self.zoom_out_action = self._action("zoomOut", self.article_view.zoom_out, ["Ctrl+-"])
        self.snapping_action = self._action(
            "wordSnapping", self._set_word_snapping, ["Ctrl+Shift+W"], checkable=True
        )
        self.snapping_action.setChecked(self.preferences.word_snapping)
        self.find_action = self._action("findArticle", self._focus_filter, ["Ctrl+K"])
        self.list_focus_action = self._action("focusList", self._focus_list, ["Ctrl+L"])
        self.reload_action = self._action("reloadProject", self.reload_project, ["F5"])

        self.done_action = self._action(
            "markDone", self.mark_done_and_next, ["Ctrl+Return", "Ctrl+Enter"]
        )
        self.reopen_action = self._action("reopen", self.mark_in_progress)
        self.next_action = self._action("nextArticle", self.open_next_document, ["Ctrl+PgDown"])
        self.previous_action = self._action(
            "previousArticle", self.open_previous_document, ["Ctrl+PgUp"]
        )

        self.shortcuts_action = self._action("shortcutSheet", self.show_shortcuts, ["F1"])
        self.about_action = self._action("about", self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions(
            [self.import_files_action, self.import_folder_action, self.load_samples_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action, self.delete_span_action])
        self.edit_menu.addActions([self.enclosing_span_action, self.nested_span_action])
        self.edit_menu.addActions(
            [self.suggestions.accept_all_action, self.suggestions.correct_amount_action]
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)

        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.snapping_action)
        self.view_menu.addAction(self.suggestions.show_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.find_action, self.list_focus_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reload_action)

        self.document_menu = bar.addMenu("")
        self.document_menu.addActions(
            [self.done_action, self.reopen_action, self.next_action, self.previous_action]
        )

        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def menu_actions(self) -> list[QAction]:
        """Every action in the menus, in menu order (the shortcut sheet lists them)."""
        found: list[QAction] = []
        for menu in (
            self.file_menu,
            self.edit_menu,
            self.view_menu,
            self.document_menu,
            self.review_mode.menu,
            self.scheme_view.menu,
            self.help_menu,
        ):
            found.extend(action for action in menu.actions() if not action.isSeparator())
        return found

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.document_menu.setTitle(self.tr("&Article"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.import_files_action.setText(self.tr("&Import files…"))
        self.import_folder_action.setText(self.tr("Import a &folder…"))
        self.load_samples_action.setText(self.tr("Load the &sample articles"))
        self.export_action.setText(self.tr("&Export…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.undo_history.retranslate()
        self.delete_span_action.setText(self.tr("&Remove the selected span (Delete)"))
        self.enclosing_span_action.setText(self.tr("Select the span &around it"))
        self.nested_span_action.setText(self.tr("Select the span &inside it"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.snapping_action.setText(self.tr("&Snap selections to whole words"))
        self.find_action.setText(self.tr("&Filter the articles by title"))
        self.list_focus_action.setText(self.tr("Go to the article &list"))
        self.reload_action.setText(self.tr("&Reload what others changed in the project"))
        self.done_action.setText(self.tr("Mark &done and open the next"))
        self.reopen_action.setText(self.tr("Mark in &progress again"))
        self.next_action.setText(self.tr("&Next article"))
        self.previous_action.setText(self.tr("Pre&vious article"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About annotator"))
        self.suggestions.retranslate()
        self.label_bar.set_labels(self.label_set(), self.language, self.tr("Tag as:"))
        self._show_annotator()
        self._show_document_status()
        self._show_spans()
        self._update_title()
        self.attribution.retranslate()
        self.notes.retranslate()
        self.carry_over.retranslate()
        self.team_progress.retranslate()
        self.project_watch.retranslate()
        self.train_model.retranslate()
        self.uncertainty_order.retranslate()
        self.document_language.retranslate()
        self.article_details.retranslate()
        self.projects.retranslate()
        self.search.retranslate()
        self.span_attributes.retranslate()
        self.scheme_view.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- documents ----------------------------------------------------------------

    def reload_documents(self) -> None:
        """Read the list again from the store (after an import); texts are not loaded."""
        self.document_list.set_choices(self.label_set(), self.language)
        self.document_list.reload(self.annotator)

    def reload_project(self) -> None:
        """Read everything again: a colleague's import or edits in another process."""
        self.session.did_change(Changes.everything())

    def _open_initial_document(self) -> None:
        last = self.preferences.last_document(self.db_path)
        if last and self.document_model.row_of(last) is not None:
            self.open_document(last)
        # Else the first article that opens: a damaged one is named and passed over.
        for row in range(self.document_model.rowCount()):
            if self.current_document_id() is not None:
                break
            self.open_document(self.document_model.summary(row).id)

    def open_document(self, doc_id: str | None) -> None:
        if doc_id == self.current_document_id():
            return
        if doc_id is not None and self.document_model.row_of(doc_id) is None:
            return
        # The old article's suggestions stop now and the new one's start last: their
        # background work would share the CPU with what the opening draws.
        self.suggestions.set_document(None)
        try:
            self.article_view.set_document(doc_id)
        except DamagedDocument as error:
            self.article_view.set_document(None)
            self.statusBar().showMessage(
                self.tr("This article cannot be opened: %1").replace("%1", str(error))
            )
            return
        if doc_id is not None:
            self.document_list.select_document(doc_id)
        self.preferences.set_last_document(self.db_path, doc_id)
        self._show_spans()
        self._show_document_status()
        self._update_title()
        self.undo_history.refresh()  # an undo elsewhere names its article
        if doc_id is not None:
            self.documentOpened.emit(doc_id)
        self.suggestions.set_document(doc_id)

    def _open_for_undo(self, doc_id: str) -> None:
        """Show the article an undo or redo is about to change."""
        if self.document_model.row_of(doc_id) is None:
            return
        if not self.document_list.select_document(doc_id, notify=False):
            self.document_list.clear_filters()  # the filter hides it: show it anyway
            self.document_list.select_document(doc_id, notify=False)
        self.open_document(doc_id)

    def _reveal_current_span(self) -> None:
        span_id = self.article_view.current_span_id()
        if span_id:
            self.article_view.select_span(span_id)

    def _document_title(self, doc_id: str) -> str | None:
        row = self.document_model.row_of(doc_id)
        return self.document_model.summary(row).title if row is not None else None

    def _focus_article(self, _doc_id: str = "") -> None:
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_filter(self) -> None:
        self.document_list.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.document_list.filter_edit.selectAll()

    def _focus_list(self) -> None:
        self.document_list.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _refresh_row(self, doc_id: str, changes: Changes) -> None:
        row = self.document_model.row_of(doc_id)
        if row is None:
            self.document_model.document_changed(doc_id)  # the filter may show it now
            return
        if changes.reloads(doc_id):
            count = self.store.span_counts(doc_id).get(self.annotator, 0)
        else:  # counted from the exact edits: no query over the article's spans
            count = self.document_model.summary(row).span_count
            for edit in changes.edits_in(doc_id):
                count += (edit.after is not None and edit.after.annotator == self.annotator) - (
                    edit.before is not None and edit.before.annotator == self.annotator
                )
        status = self.store.status(doc_id, self.annotator)
        self.document_model.update_document(doc_id, status, count)

    def _set_status(self, doc_id: str, status: Status) -> bool:
        def write() -> Changes:
            self.store.set_status(doc_id, self.annotator, status)
            return Changes(documents=frozenset({doc_id}), statuses=True)

        return self.session.apply(write)

    def mark_done_and_next(self) -> None:
        doc_id = self.current_document_id()
        if doc_id is None:
            return
        # In the order the list shows, found before a "to do" filter hides this row.
        next_id = self.document_list.next_unfinished(doc_id)
        if not self._set_status(doc_id, Status.DONE):
            return
        if next_id is None:
            self.statusBar().showMessage(self.tr("Every article is done. Well done!"), 8000)
            return
        if not self.document_list.select_document(next_id, notify=True):
            # The filter hides it: show everything rather than open an invisible row.
            self.document_list.clear_filters()
            self.document_list.select_document(next_id, notify=False)
        self.open_document(next_id)
        self._focus_article()

    def mark_in_progress(self) -> None:
        doc_id = self.current_document_id()
        if doc_id is not None:
            self._set_status(doc_id, Status.IN_PROGRESS)

    def _open_neighbour(self, step: int) -> None:
        model = self.document_model
        if model.rowCount() == 0:
            return
        current = self.document_list.table.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < model.rowCount():
            self.document_list.table.setCurrentIndex(model.index(row, 0))

    def open_next_document(self) -> None:
        self._open_neighbour(+1)

    def open_previous_document(self) -> None:
        self._open_neighbour(-1)

    # -- spans --------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The list's rows, the label bar, the span panel and the status bar follow."""
        if changes.labels:
            self.label_bar.set_labels(self.label_set(), self.language, self.tr("Tag as:"))
        if changes.document_list or changes.all_documents:
            self.reload_documents()
        else:
            if changes.labels:
                self.document_list.set_choices(self.label_set(), self.language)
            for doc_id in changes.documents:
                self._refresh_row(doc_id, changes)
            if changes.statuses:
                self.document_list.show_counts(fresh=True)
        current = self.current_document_id()
        if changes.labels or changes.reloads(current):
            self._show_spans()
        elif edits := changes.edits_in(current):
            self.span_panel.apply_edits(edits, self.annotator)
            self.span_panel.set_current_span(self.article_view.current_span_id())
        if changes.touches(current):
            self._show_document_status()
        if current in changes.details:
            self._update_title()

    def _show_message(self, message: str) -> None:
        self.show_message(message)

    def show_message(self, message: str, milliseconds: int = 8000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def dialog_parent(self) -> QWidget:
        return self

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def add_window_menu(self, menu: QMenu) -> None:
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def add_dock(self, dock: QDockWidget) -> None:
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def resize_dock(self, dock: QDockWidget, width: int) -> None:
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def open_document_unfiltered(self, doc_id: str) -> None:
        self.document_list.clear_filters()
        self.open_document(doc_id)

    def when_document_opened(self, slot: Callable[[str], None]) -> None:
        self.documentOpened.connect(slot)

    def window_action(self, name: str) -> QAction:
        action = self.findChild(QAction, name)
        assert action is not None, f"the window has no action {name!r}"
        return action

    def add_menu_actions(self, after: str, actions: Sequence[QAction]) -> None:
        anchor = self.window_action(after)
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.document_menu):
            present = menu.actions()
            if anchor in present:
                index = present.index(anchor) + 1
                if index < len(present):
                    menu.insertActions(present[index], list(actions))
                else:
                    menu.addActions(list(actions))
                return
        raise AssertionError(f"the action {after!r} is in none of the window's menus")

    def right_column(self) -> QSplitter:
        return self.column

    def _wait_for_another_program(self, attempt: int) -> bool:
        """Between two tries of a change another program keeps waiting (a colleague's
        merge or import): say so, keep the window painted, give up after a minute."""
        if attempt == 0:
            self.statusBar().showMessage(
                self.tr("Waiting for another program that is saving to this project…")
            )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return attempt < BUSY_TRIES

    def _done_waiting(self) -> None:
        self.statusBar().clearMessage()

    def _span_picked(self, span_id: str) -> None:
        self.article_view.select_span(span_id)
        self._focus_article()

    def _show_spans(self) -> None:
        doc_id = self.current_document_id()
        text = self.article_view.document_text()
        rows: list[SpanRow] = []
        if doc_id is not None and text is not None:
            refs = self.store.span_refs(doc_id, [self.annotator])
            # Attributes are read for the labels that show them: amounts, and those
            # the scheme gives attributes (10,000 full spans take a second to build).
            with_attrs = {AMOUNT_LABEL} | {
                label.name for label in self.label_set().labels if label.attributes
            }
            amounts = self.store.spans_by_ids(r.id for r in refs if r.label in with_attrs)
            for ref in refs:
                attrs = amounts[ref.id].attrs if ref.id in amounts else {}
                shown = text[ref.start : ref.end]
                rows.append(SpanRow(ref.id, *ref[1:], shown, attrs))
        self.span_panel.set_spans(rows, self.label_set(), self.language)

    def _set_word_snapping(self, on: bool) -> None:
        self.preferences.word_snapping = on
        self.article_view.set_word_snapping(on)

    # -- status bar and title ---------------------------------------------------

    def _show_annotator(self) -> None:
        self.annotator_label.setText(self.tr("Annotator: %1").replace("%1", self.annotator))

    def _show_document_status(self) -> None:
        doc_id = self.current_document_id()
        if doc_id is None:
            self.status_label.setText(self.tr("No article open"))
            return
        status = self.store.status(doc_id, self.annotator)
        self.status_label.setText(self.tr("Status: %1").replace("%1", status_text(status)))

    def _update_title(self) -> None:
        doc_id = self.current_document_id()
        row = self.document_model.row_of(doc_id) if doc_id else None
        parts = ["annotator", project_name(self.db_path)]
        if self.store.read_only:
            parts[-1] += " " + self.tr("(read-only)")
        if row is not None:
            parts.insert(0, self.document_model.summary(row).title)
        self.setWindowTitle(" — ".join(parts))

    # -- who ----------------------------------------------------------------------

    def set_annotator(self, name: str) -> None:
        if not name or name == self.annotator:
            return
        self.annotator = name
        self.undo_stack.clear()
        self.article_view.set_annotator(name)
        self.attribution.refresh()
        self.suggestions.set_annotator(name)
        self.reload_documents()
        self._show_annotator()
        self._show_spans()
        self._show_document_status()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self, self.key_bindings.commands())
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        self.key_bindings.apply(dialog.shortcuts())
        self.article_view.set_edge_keys(
            self.key_bindings.edge_keys(), self.key_bindings.edge_rows()
        )
        self.apply_preferences(
            dialog.annotator_name(), dialog.language_choice(), dialog.word_snapping()
        )
        self.suggestions.set_use_model(dialog.suggest_with_model())

    def apply_preferences(self, name: str, language_choice: str, word_snapping: bool) -> None:
        self.preferences.annotator_name = name
        self.preferences.language_choice = language_choice
        self.preferences.word_snapping = word_snapping
        self.preferences.sync()
        self.set_annotator(name)
        self.snapping_action.setChecked(word_snapping)
        self._set_word_snapping(word_snapping)
        if self.preferences.language != i18n.current_language():
            i18n.apply_language(self.preferences.language)

    # -- import and export --------------------------------------------------------

    def choose_files_to_import(self) -> None:
        files = file_dialogs.open_file_names(
            self,
            self.tr("Import articles"),
            str(Path.home()),
            self.tr("Articles (*.txt *.md *.html *.htm *.pdf *.docx *.odt *.eml);;All files (*)")
            + ";;"
            + self.tr("Annotated files from other tools (*.jsonl *.json *.tsv)")
            + ";;"
            + self.tr("Zip archives of articles or annotated files (*.zip)"),
        )
        if files:
            self.import_with_choices([Path(name) for name in files])

    def choose_folder_to_import(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Import a folder of articles"))
        if folder:
            self.import_with_choices([Path(folder)])

    def import_with_choices(self, paths: Sequence[Path]) -> None:
        """Import ``paths``; when files annotated in another tool are among them, their
        choices (layer, label map, offsets...) are asked first. Cancel imports nothing."""
        # The importers load when an import is asked for, not at the window's start.
        from annotator.core.importing.inputs import holds_annotated_files
        from annotator.ui.import_export.import_options import ImportOptionsDialog

        if not holds_annotated_files(paths):
            self.start_import(paths)
            return
        dialog = ImportOptionsDialog(self.label_set(), self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            request = dialog.request()
            if request is not None:
                self.start_import(paths, request)

        dialog.accepted.connect(chosen)
        dialog.open()

    def load_sample_articles(self) -> None:
        self.start_import([seeds_dir()])

    def start_import(
        self, paths: Sequence[Path], request: ImportRequest | None = None
    ) -> StoreTask:
        """Articles go to the article import, files annotated in other tools (doccano,
        Label Studio, Prodigy, gold JSONL, brat folders) to the annotation import, with
        ``request``'s choices (None: the defaults), as ``annotator import`` does."""
        from annotator.core.importing.request import ImportRequest

        request = request or ImportRequest()
        task = import_task(self.db_path, paths, self.tr("Importing articles…"), request)
        task.signals.succeeded.connect(lambda report: self._import_succeeded(report, request))
        task.signals.failed.connect(self._import_failed)
        task.signals.cancelled.connect(self._task_cancelled)
        return self.tasks.start(task, self)

    def _import_succeeded(self, report: Any, request: ImportRequest) -> None:
        # Written on another connection: articles, spans, labels from another tool's file.
        self.session.did_change(Changes.everything())
        results = list(getattr(report, "results", []))
        outcomes = Counter(str(getattr(result, "outcome", "")) for result in results)
        self._last_import_outcomes = outcomes
        self.statusBar().showMessage(
            self.tr("Imported %1 new, %2 already there, %3 failed, %4 skipped.")
            .replace("%1", str(outcomes["imported"]))
            .replace("%2", str(outcomes["present"]))
            .replace("%3", str(outcomes[OUTCOME_FAILED]))
            .replace("%4", str(outcomes["skipped"])),
            10000,
        )
        if getattr(report, "cancelled", False):
            self.statusBar().showMessage(
                self.tr("Import cancelled: %1 new articles kept.").replace(
                    "%1", str(outcomes["imported"])
                ),
                10000,
            )
        if self.current_document_id() is None:
            first_new = next(
                (
                    r.doc_id
                    for r in results
                    if getattr(r, "doc_id", None) and r.outcome == "imported"
                ),
                None,
            )
            if first_new is None and self.document_model.rowCount() > 0:
                first_new = self.document_model.summary(0).id
            self.open_document(first_new)
        annotated = annotated_summary(report)
        if annotated:
            self.statusBar().showMessage(annotated, 10000)
        problems = problem_rows(report)
        if problems:
            summary = self.tr(
                "%n file(s) could not be imported. Nothing from them was saved.",
                "",
                failed_files(report),
            )
            hint = unknown_labels_hint(report)
            self.show_errors(
                self.tr("Some files were not imported"),
                f"{summary}\n{hint}" if hint else summary,
                problems,
            )
            if self.error_dialog is not None:
                offer_to_add_labels(
                    self.error_dialog,
                    report,
                    lambda paths: self.start_import(paths, request.adding_labels()),
                )
        self.importFinished.emit(report)

    def _import_failed(self, message: str) -> None:
        self.session.did_change(Changes.everything())
        QMessageBox.warning(self, self.tr("Import failed"), message)
        self.importFinished.emit(None)

    def _task_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Cancelled."), 6000)
        self.session.did_change(Changes.everything())

    def show_errors(self, title: str, summary: str, problems: Sequence[tuple[str, str]]) -> None:
        self.error_dialog = ErrorListDialog(title, summary, problems, self)
        self.error_dialog.open()

    def choose_export_file(self) -> None:
        """Ask for format, file and filters (as ``annotator export`` takes them), then
        export in the background."""
        dialog = ExportDialog(
            self.db_path, self.label_set(), self.store.annotators(), self.language, self
        )
        self.export_dialog = dialog
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        self.start_export(
            choice.path,
            choice.options,
            format_name=choice.format_name,
            align=choice.align,
            split=choice.split,
        )

    def start_export(
        self,
        target: Path,
        options: Any = None,
        *,
        format_name: str = "jsonl",
        align: str = "strict",
        split: Any = None,
    ) -> StoreTask:
        from annotator.core.formats.export import ExportOptions

        task = export_task(
            self.db_path,
            target,
            options or ExportOptions(),
            self.tr("Exporting the dataset…"),
            format_name=format_name,
            align=align,
            split=split,
        )
        task.signals.succeeded.connect(self._export_succeeded)
        task.signals.failed.connect(self._export_failed)
        task.signals.cancelled.connect(self._task_cancelled)
        return self.tasks.start(task, self)

    def _export_succeeded(self, report: Any) -> None:
        self.statusBar().showMessage(
            self.tr("Wrote %1 and %2 to %3.")
            .replace("%1", self.tr("%n article(s)", "", report.documents))
            .replace("%2", self.tr("%n span(s)", "", report.spans))
            .replace("%3", str(report.path)),
            10000,
        )
        if losses(report):
            # A lossy format left spans out: say which and why, never silently.
            self.export_report = ExportReportDialog(report, self)
            self.export_report.open()
        self.exportFinished.emit(report)

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), message)
        self.exportFinished.emit(None)

    # -- drag and drop ------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_import(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            mime = event.mimeData()  # type: ignore[attr-defined]
            if mime is not None and local_paths(mime.urls()):
                if kind == QEvent.Type.Drop:
                    self.dropEvent(event)  # type: ignore[arg-type]
                else:
                    event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        return super().eventFilter(watched, event)

    # -- help -----------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(
            self.menu_actions(),
            self.label_set(),
            self.language,
            self,
            key_handlers=self.article_view.key_handlers(),
        )
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()
        return sheet

    def show_about(self) -> None:
        from annotator import __version__

        QMessageBox.about(
            self,
            self.tr("About annotator"),
            self.tr(
                "annotator %1: tag claims, denials, amounts, people and organisations in "
                "news articles. Every tag is saved as you make it in %2."
            )
            .replace("%1", __version__)
            .replace("%2", str(self.db_path)),
        )

    # -- first run -----------------------------------------------------------------

    def offer_first_documents(self) -> None:
        """An empty project: offer the sample articles or the user's own files."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("An empty project"))
        box.setText(self.tr("This project has no articles yet."))
        box.setInformativeText(
            self.tr("Load the five sample articles to try the tool, or import your own files.")
        )
        samples = box.addButton(
            self.tr("Load the sample articles"), QMessageBox.ButtonRole.AcceptRole
        )
        files = box.addButton(self.tr("Import files…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(samples)
        box.exec()
        if box.clickedButton() is samples:
            self.load_sample_articles()
        elif box.clickedButton() is files:
            self.choose_files_to_import()

    # -- window state ----------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.preferences.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_window_size(self.screen().availableGeometry().size()))
        state = self.preferences.window_state("state")
        if state is not None:
            self.restoreState(state)
        splitter = self.preferences.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.preferences.set_window_state("geometry", self.saveGeometry())
        self.preferences.set_window_state("state", self.saveState())
        self.preferences.set_window_state("splitter", self.splitter.saveState())
        self.preferences.set_last_document(self.db_path, self.current_document_id())
        self.preferences.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        self.tasks.wait()
        self.suggestions.shutdown()
        self.colleague_watch.stop()
        # Let the finished tasks' queued signals arrive before the window goes.
        QApplication.processEvents()
        self.save_layout()
        super().closeEvent(event)

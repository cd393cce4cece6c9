"""Article → Article details (Ctrl+I): what the source says about the open article.

A panel docked beside the article shows its title, outlet, author, publication date,
address, language and summary, as imported from the page or file, and lets the user
correct them: each field confirmed (Enter, Tab or leaving it) is one undo step, saved at
once. Below, what cannot be edited: the file it was imported from, a PDF's pages (and
the page of the selected span), an e-mail's recipients and attachments. Escape goes
back to the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core import article_meta
from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document
from annotator.ui.session import OpCommand, ProjectSession

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

TITLE, LANGUAGE = "title", "language"
PANEL_WIDTH = 360
FIELDS = (TITLE, article_meta.SITE, article_meta.AUTHOR, article_meta.DATE, article_meta.URL,
          LANGUAGE, article_meta.DESCRIPTION)  # fmt: skip


def field_name(name: str) -> str:
    """A field as the panel and the Edit menu name it, in the interface's language."""
    names = {
        TITLE: QCoreApplication.translate("ArticleDetails", "title"),
        article_meta.SITE: QCoreApplication.translate("ArticleDetails", "outlet"),
        article_meta.AUTHOR: QCoreApplication.translate("ArticleDetails", "author"),
        article_meta.DATE: QCoreApplication.translate("ArticleDetails", "publication date"),
        article_meta.URL: QCoreApplication.translate("ArticleDetails", "address (URL)"),
        LANGUAGE: QCoreApplication.translate("ArticleDetails", "language"),
        article_meta.DESCRIPTION: QCoreApplication.translate("ArticleDetails", "summary"),
    }
    return names[name]


@dataclass(frozen=True)
class Details:
    """An article's own fields, its text aside."""

    title: str
    language: str | None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> Details:
        return cls(document.title, document.language, dict(document.meta))

    def value(self, name: str) -> str:
        if name == TITLE:
            return self.title
        if name == LANGUAGE:
            return self.language or ""
        found = self.meta.get(name)
        return found if isinstance(found, str) else ""

    def with_value(self, name: str, value: str) -> Details:
        if name == TITLE:
            return replace(self, title=value)
        if name == LANGUAGE:
            return replace(self, language=value or None)
        meta = {key: kept for key, kept in self.meta.items() if key != name}
        if value:
            meta[name] = value
        return replace(self, meta=meta)


def checked_value(name: str, text: str) -> str:
    """What the user typed, as stored; ValueError (in the interface's language) if it
    cannot be."""
    value = " ".join(text.split())
    if name == TITLE and not value:
        raise ValueError(QCoreApplication.translate("ArticleDetails", "An article needs a title."))
    if name == article_meta.DATE:
        try:
            return article_meta.check_date(value)
        except ValueError as error:
            raise ValueError(
                QCoreApplication.translate(
                    "ArticleDetails", "Write the date as YYYY-MM-DD, for example 2026-03-18."
                )
            ) from error
    if name == LANGUAGE and value:
        code = article_meta.language_code(value)
        if code is None:
            raise ValueError(
                QCoreApplication.translate(
                    "ArticleDetails", "Write the language as its code: fr, en, de…"
                )
            )
        return code
    return value


class EditDetails(OpCommand):
    """One field of an article's details changed: an undo step."""

    def __init__(
        self, session: ProjectSession, doc_id: str, name: str, before: Details, after: Details
    ) -> None:
        super().__init__(session)
        self.doc_id = doc_id
        self.name = name
        self.before = before
        self.after = after
        self.retranslate()

    def describe(self) -> str:
        steps = {
            TITLE: QCoreApplication.translate("ArticleDetails", "Change the article's title"),
            article_meta.SITE: QCoreApplication.translate(
                "ArticleDetails", "Change the article's outlet"
            ),
            article_meta.AUTHOR: QCoreApplication.translate(
                "ArticleDetails", "Change the article's author"
            ),
            article_meta.DATE: QCoreApplication.translate(
                "ArticleDetails", "Change the article's publication date"
            ),
            article_meta.URL: QCoreApplication.translate(
                "ArticleDetails", "Change the article's address"
            ),
            LANGUAGE: QCoreApplication.translate(
                "ArticleDetails", "Change the article's language"
            ),
            article_meta.DESCRIPTION: QCoreApplication.translate(
                "ArticleDetails", "Change the article's summary"
            ),
        }
        return steps[self.name]

    def retranslate(self) -> None:
        self.setText(self.describe())

    def do(self) -> Changes:
        return self._write(self.after)

    def undo_it(self) -> Changes:
        return self._write(self.before)

    def _write(self, details: Details) -> Changes:
        self.store.set_document_details(self.doc_id, details.title, details.language, details.meta)
        return Changes(details=frozenset({self.doc_id}), document_list=True)


class ArticleDetails(QObject):
    """The details dock and the Article menu's action that shows it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc_id: str | None = None
        self.shown: Details | None = None
        self.document: Document | None = None

        self.panel = QWidget()
        self.panel.setObjectName("articleDetails")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"details_{name}")
            edit.setClearButtonEnabled(name != TITLE)
            edit.editingFinished.connect(lambda name=name: self.commit(name))
            edit.installEventFilter(self)
            label = QLabel()
            label.setBuddy(edit)
            self.fields[name], self.labels[name] = edit, label
            form.addRow(label, edit)
        self.source_label = QLabel()
        self.source = QLabel()
        self.source.setObjectName("detailsSource")
        self.extra_label = QLabel()
        self.extra = QLabel()
        self.extra.setObjectName("detailsExtra")
        for shown in (self.source, self.extra):
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.source_label, self.source)
        form.addRow(self.extra_label, self.extra)
        self.problem = QLabel()
        self.problem.setObjectName("detailsProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.dock = QDockWidget(window)
        self.dock.setObjectName("articleDetailsDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

        self.action = QAction(window)
        self.action.setObjectName("articleDetails")
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.triggered.connect(lambda _checked=False: self.show_panel())
        window.addAction(self.action)
        window.document_menu.addAction(self.action)

        # Read only while the panel is shown: opening an article costs nothing more.
        window.documentOpened.connect(lambda doc_id: self._follow(doc_id))
        window.session.changed.connect(self._on_changes)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        window.article_view.currentSpanChanged.connect(
            lambda _span: self._show_extra() if self.dock.isVisible() else None
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Article &details (outlet, author, date)…"))
        self.dock.setWindowTitle(self.tr("Article details"))
        for name, label in self.labels.items():
            text = field_name(name)
            label.setText(text[:1].upper() + text[1:] + self.tr(":"))
        self.fields[article_meta.DATE].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.fields[LANGUAGE].setPlaceholderText(self.tr("detected from the text"))
        self.fields[article_meta.URL].setPlaceholderText("https://…")
        self.source_label.setText(self.tr("Imported from:"))
        self._show_extra()

    # -- showing -------------------------------------------------------------------

    def show_panel(self) -> None:
        """Show the panel with the open article, the title field ready to edit."""
        self.show_document(self.window.current_document_id())
        if not self.dock.isVisible():
            self.dock.show()
            # Wide enough to read an outlet's name and an address without scrolling.
            self.window.resizeDocks([self.dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        self.dock.raise_()
        title = self.fields[TITLE]
        title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # Selected from the end back to the start: the title's beginning stays in sight.
        title.setSelection(len(title.text()), -len(title.text()))

    def _visibility_changed(self, visible: bool) -> None:
        current = self.window.current_document_id()
        if visible and (self.doc_id != current or self.document is None):
            self.show_document(current)

    def _follow(self, doc_id: str | None) -> None:
        if self.dock.isVisible():
            self.show_document(doc_id)
        else:
            self.doc_id, self.shown, self.document = None, None, None

    def show_document(self, doc_id: str | None) -> None:
        self.doc_id = doc_id
        self.problem.hide()
        document = None
        if doc_id is not None:
            try:
                document = self.window.store.document(doc_id)
            except AnnotatorError:
                document = None
        self.shown = Details.of(document) if document is not None else None
        self.document = document
        editable = document is not None and not self.window.store.read_only
        for name, edit in self.fields.items():
            edit.setText(self.shown.value(name) if self.shown else "")
            edit.setCursorPosition(0)
            edit.setReadOnly(not editable)
            edit.setEnabled(document is not None)
        self.source.setText((document.source or "") if document is not None else "")
        self._show_extra()

    def _show_extra(self) -> None:
        """A PDF's pages, an e-mail's recipients and attachments."""
        document = self.document
        lines: list[str] = []
        meta = document.meta if document is not None else {}
        starts = meta.get(article_meta.PAGE_STARTS)
        if isinstance(starts, list) and starts:
            lines.append(self.tr("%n page(s)", "", len(starts)))
            span_id = self.window.article_view.current_span_id()
            if span_id:
                try:
                    start = self.window.store.span(span_id).start
                except AnnotatorError:
                    start = None
                page = article_meta.page_of(meta, start) if start is not None else None
                if page is not None:
                    on_page = self.tr("The selected span is on page %1.")
                    lines.append(on_page.replace("%1", str(page)))
        headers = meta.get(article_meta.HEADERS)
        if isinstance(headers, dict) and headers.get("To"):
            lines.append(self.tr("To: %1").replace("%1", str(headers["To"])))
        attachments = meta.get(article_meta.ATTACHMENTS)
        if isinstance(attachments, list) and attachments:
            names = ", ".join(str(name) for name in attachments)
            lines.append(self.tr("Attachments (not imported): %1").replace("%1", names))
        self.extra.setText("\n".join(lines))
        self.extra.setVisible(bool(lines))
        self.extra_label.setVisible(bool(lines))
        self.extra_label.setText(self.tr("In the file:"))

    def _on_changes(self, changes: Changes) -> None:
        if not self.dock.isVisible():
            return
        if self.doc_id is not None and (self.doc_id in changes.details or changes.all_documents):
            self.show_document(self.doc_id)

    # -- editing -------------------------------------------------------------------

    def commit(self, name: str) -> None:
        """Save what the user typed in the field ``name``, as one undo step."""
        if self.doc_id is None or self.shown is None or self.window.store.read_only:
            return
        edit = self.fields[name]
        try:
            value = checked_value(name, edit.text())
        except ValueError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.problem.hide()
        if value == self.shown.value(name):
            if edit.text() != value:
                edit.setText(value)
            return
        try:
            before = Details.of(self.window.store.document(self.doc_id))
        except AnnotatorError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        after = before.with_value(name, value)
        self.shown = after
        self.window.session.push(EditDetails(self.window.session, self.doc_id, name, before, after))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
        ):
            # Escape forgets what was typed and goes back to the article.
            name = next(key for key, edit in self.fields.items() if edit is watched)
            watched.setText(self.shown.value(name) if self.shown else "")
            self.problem.hide()
            self.window.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

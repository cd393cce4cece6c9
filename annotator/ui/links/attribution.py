"""Attribution in the window: wires link mode, the link panel, the markers in the
article, the claim ledger and the editorial report into the main window.

The window creates one ``Attribution`` and otherwise knows nothing of links: this
object adds its menu entries, puts the link panel under the span panel, and listens to
the session. Link edits go through ``link_commands`` on the window's undo stack; what
they change comes back on ``session.changed``, as every other write does, and redraws
what shows links. A span tagged, relabelled or removed without links touches only its
own rows of the panel; a new current span only the "selected span" group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from annotator.core.attribution import ledger as ledger_module
from annotator.core.attribution import links
from annotator.core.attribution.links import LinkError
from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import LinkType
from annotator.core.store.postgres import beside_the_project
from annotator.ui import file_dialogs
from annotator.ui.article.view import ArticleView
from annotator.ui.links.commands import AddLink, DeleteLink
from annotator.ui.links.ledger_view import LedgerDialog
from annotator.ui.links.markers import Arc, LinkMarkers
from annotator.ui.links.mode import LinkMode
from annotator.ui.links.panel import LinkPanel, LinkPanelContent
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.tasks import StoreTask


def report_task(
    db_path: Path | str, target: Path, description: str, language: str = "en"
) -> StoreTask:
    """Write the editorial report off the UI thread (a big project takes seconds), in
    ``language``: the interface's."""
    from annotator.core.report import render as report

    def work(store: Any, _progress: Any, _should_cancel: Any) -> Path:
        report.write_report(store, target, report.default_layer(store), language=language)
        return target

    return StoreTask(db_path, work, description)


class Attribution(QObject):
    reportFinished = Signal(object)
    """The report's path, or None if it failed."""

    def __init__(self, session: ProjectSession, view: ArticleView, slots: WindowSlots) -> None:
        window = slots.dialog_parent()
        super().__init__(window)
        self.slots = slots
        self.view = view
        self.session = session
        self.panel = LinkPanel()
        self.markers = LinkMarkers(self.view)
        self.mode = LinkMode(self.view, self.title_of, self)
        self.markers.extra_arcs = self._candidate_arc
        self.ledger_dialog: LedgerDialog | None = None
        self.report_box: QMessageBox | None = None
        self._check_all = False
        self._titles: dict[str, str] = {}
        self._place_panel()

        self.link_action = QAction(window)
        self.link_action.setObjectName("linkSpan")
        self.link_action.triggered.connect(self.mode.start)
        self.link_elsewhere_action = QAction(window)
        self.link_elsewhere_action.setObjectName("linkToOtherArticle")
        self.link_elsewhere_action.triggered.connect(lambda: self.mode.open_picker())
        self.ledger_action = QAction(window)
        self.ledger_action.setObjectName("claimLedger")
        self.ledger_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.ledger_action.triggered.connect(self.show_ledger)
        self.report_action = QAction(window)
        self.report_action.setObjectName("editorialReport")
        self.report_action.triggered.connect(self.choose_report_file)
        for action in (self.ledger_action, self.report_action):
            window.addAction(action)
        self._add_to_menus()

        self.view.currentSpanChanged.connect(lambda span_id: self.panel.set_current_span(
            span_id or None
        ))
        self.session.changed.connect(self.on_changes)
        self.mode.statusMessage.connect(lambda message: slots.show_message(message, 0))
        self.mode.candidateChanged.connect(self.view.editor.viewport().update)
        slots.when_document_opened(lambda _doc: self._document_opened())
        self.panel.jumpRequested.connect(self.jump_to)
        self.panel.deleteRequested.connect(self.delete_link)
        self.panel.problemsScopeChanged.connect(self._set_check_all)
        self.retranslate()

    # -- placing ----------------------------------------------------------------------------

    def _place_panel(self) -> None:
        """Under the span panel, in the window's right-hand column."""
        column = self.slots.right_column()
        column.addWidget(self.panel)
        column.setStretchFactor(0, 1)
        column.setStretchFactor(1, 1)
        column.setSizes([450, 450])

    def _add_to_menus(self) -> None:
        self.slots.add_menu_actions("exportGold", [self.report_action])
        self.slots.add_menu_actions("deleteSpan", [self.link_action, self.link_elsewhere_action])
        self.slots.add_menu_actions("zoomOut", [self.ledger_action])

    def retranslate(self) -> None:
        self.link_action.setText(self.tr("&Link the selected span… (L)"))
        self.link_elsewhere_action.setText(self.tr("Link to a span of &another article… (Shift+L)"))
        self.ledger_action.setText(self.tr("Claim &ledger…"))
        self.report_action.setText(self.tr("Editorial &report…"))
        self.refresh()  # rows name labels and link types in the interface language
        if self.ledger_dialog is not None:
            self.ledger_dialog.retranslate()

    # -- what shows links ------------------------------------------------------------------------

    def title_of(self, doc_id: str) -> str:
        if doc_id not in self._titles:
            self._titles = {s.id: s.title for s in self.session.store.document_summaries()}
        return self._titles.get(doc_id, doc_id[:12])

    def type_names(self) -> dict[str, str]:
        language = self.slots.language
        return {kind.name: kind.display_name(language) for kind in self.link_types()}

    def link_types(self) -> list[LinkType]:
        return list(self.session.store.label_set().link_types)

    def refresh(self) -> None:
        """Read the article's links and checks again; redraw the panel and markers."""
        doc_id = self.view.document_id()
        annotator = self.view.annotator
        if doc_id is None:
            resolved: list[links.ResolvedLink] = []
            problems: list[links.AttributionProblem] = []
        else:
            resolved = links.document_links(self.session.store, doc_id, [annotator])
            problems = links.check(
                self.session.store, [annotator], doc_id=None if self._check_all else doc_id
            )
        current = self.view.current_span_id() or None
        self.panel.set_content(
            LinkPanelContent(
                doc_id=doc_id,
                current_span_id=current,
                links=resolved,
                problems=problems,
                label_set=self.session.store.label_set(),
                language=self.slots.language,
                title_of=self.title_of,
            )
        )
        self.markers.set_links(resolved, self.type_names())

    def _document_opened(self) -> None:
        self._titles = {}
        self.refresh()

    def _set_check_all(self, on: bool) -> None:
        self._check_all = on
        self.refresh()

    def _candidate_arc(self) -> list[Arc]:
        source, candidate = self.mode.source(), self.mode.current_candidate()
        if source is None or candidate is None:
            return []
        return [
            Arc(
                source.end,
                candidate.span.start,
                self.view.styles.colour(candidate.span.label),
                candidate.link_type.display_name(self.slots.language),
                strong=True,
            )
        ]

    # -- what the session reports -------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        doc_id = self.view.document_id()
        if (
            changes.links
            or changes.labels
            or changes.reloads(doc_id)
            or (self._check_all and (changes.documents or changes.all_documents))
        ):
            self.refresh()
            return
        edits = changes.edits_in(doc_id)
        if not edits:
            return
        spans = [span for edit in edits for span in (edit.before, edit.after) if span]
        annotator = self.view.annotator
        problems = []
        for edit in edits:
            after = edit.after
            if after is not None and after.annotator == annotator:
                if self.session.store.links(span_id=after.id):
                    self.refresh()  # its link rows name its label
                    return
                problems.extend(links.check_span(self.session.store, after))
        self.panel.replace_problems({span.id for span in spans}, problems)

    def link_edit_failed(self, message: str) -> None:
        self.slots.show_message(self.tr("Link not saved: %1").replace("%1", message), 10000)

    # -- panel requests ---------------------------------------------------------------------------

    def jump_to(self, doc_id: str, span_id: str) -> None:
        if doc_id != self.view.document_id():
            self.slots.open_document(doc_id)
        self.view.select_span(span_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_link(self, link_id: str) -> None:
        try:
            link = self.session.store.link(link_id)
        except AnnotatorError:
            return
        (resolved,) = links.resolve(self.session.store, [link])
        self.session.push(DeleteLink(self.session, resolved, self.type_names().get(link.type)))

    # -- the claim ledger ---------------------------------------------------------------------

    def build_ledger(self) -> ledger_module.Ledger:
        return ledger_module.build(self.session.store, self.view.annotator)

    def show_ledger(self) -> LedgerDialog:
        if self.ledger_dialog is None:
            self.ledger_dialog = LedgerDialog(
                self.build_ledger,
                lambda: self.view.annotator,
                (self.slots.window_action("undo"), self.slots.window_action("redo")),
                self.slots.dialog_parent(),
            )
            self.ledger_dialog.claimActivated.connect(self.jump_to)
            self.ledger_dialog.groupConfirmed.connect(self.confirm_group)
            self.session.changed.connect(self.ledger_dialog.on_changes)
        self.ledger_dialog.refresh()
        self.ledger_dialog.show()
        self.ledger_dialog.raise_()
        self.ledger_dialog.activateWindow()
        return self.ledger_dialog

    def confirm_group(self, first_id: str, second_id: str) -> None:
        """Mark two claims the same claim (``same_as``), one undo step."""
        spans = self.session.store.spans_by_ids((first_id, second_id))
        if first_id not in spans or second_id not in spans:
            return
        try:
            kind = links.link_type(self.session.store.label_set(), links.SAME_AS)
        except LinkError as error:
            self.link_edit_failed(str(error))
            return
        self.session.push(
            AddLink(
                self.session,
                kind.name,
                spans[first_id],
                spans[second_id],
                kind.display_name(self.slots.language),
            )
        )

    # -- the editorial report ---------------------------------------------------------------------

    def choose_report_file(self) -> None:
        project = beside_the_project(self.slots.db_path)
        target = file_dialogs.save_file_name(
            self.slots.dialog_parent(),
            self.tr("Write the editorial report"),
            str(project.with_name(project.stem + "-report.html")),
            self.tr("Web page (*.html)"),
        )
        if target:
            self.write_report(Path(target))

    def write_report(self, target: Path) -> StoreTask:
        task = report_task(
            self.slots.db_path,
            target,
            self.tr("Writing the editorial report…"),
            self.slots.language,
        )
        task.signals.succeeded.connect(self._report_written)
        task.signals.failed.connect(self._report_failed)
        return self.slots.tasks.start(task, self.slots.dialog_parent())

    def _report_written(self, path: Path) -> None:
        box = QMessageBox(self.slots.dialog_parent())
        box.setObjectName("reportWritten")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Editorial report"))
        box.setText(self.tr("The report is written to %1.").replace("%1", str(path)))
        box.setInformativeText(self.tr("It is one self-contained page: mail it, print it."))
        self.open_report_button = box.addButton(
            self.tr("Open it"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(self.open_report_button)
        box.buttonClicked.connect(
            lambda button: self._open_report(path) if button is self.open_report_button else None
        )
        self.report_box = box
        box.open()
        self.slots.show_message(self.tr("Report written to %1.").replace("%1", str(path)), 10000)
        self.reportFinished.emit(path)

    def _open_report(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _report_failed(self, message: str) -> None:
        QMessageBox.warning(self.slots.dialog_parent(), self.tr("Report not written"), message)
        self.reportFinished.emit(None)


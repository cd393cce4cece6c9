"""Review mode: settle colleagues' disagreements on an article into the gold layer.

Review → "Review this article…" (Ctrl+R) asks whose layers to compare (two or more),
shows them together in the article view with each disagreement outlined by kind, and
opens the review panel beside it. Keys, while the panel has the focus:

- J or N / K or P: next / previous disagreement (the article scrolls to it);
  Up/Down: move between a disagreement's candidates;
- A: accept the current candidate into gold; R: reject it; E: edit its boundaries or
  label, then accept the edit; Shift+A: accept every span all chosen annotators agree on;
- C: type a comment for the next decision (Enter keeps it, Escape drops it);
- G: switch between the disagreements and how a layer differs from gold;
- Ctrl+Enter: mark the article reviewed once everything is settled (the panel offers
  it by itself at that point); Ctrl+Z / Ctrl+Shift+Z: undo / redo a decision.

Every decision goes through an undo command (``review_commands``) on the window's
undo stack; the reviewer is the window's annotator name. Review → "Agreement…" shows
the agreement figures (``agreement_view``); double-clicking one opens review mode on
the first disagreement behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMenu

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD_LAYER, DecisionKind, Status
from annotator.core.review import decisions as review
from annotator.core.store import Store
from annotator.ui.article.qt_offsets import positions_for
from annotator.ui.article.view import ArticleView
from annotator.ui.review.agreement_view import AgreementDialog, first_disagreement_task
from annotator.ui.review.commands import (
    ReviewCommand,
    accept_agreed_command,
    accept_command,
    add_command,
    edit_command,
    mark_reviewed_command,
    reject_command,
)
from annotator.ui.review.dialogs import ChooseAnnotatorsDialog, EditCandidateDialog
from annotator.ui.review.overlay import DisagreementOverlay, Mark
from annotator.ui.review.panel import AGREED, ReviewPanel
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots
from annotator.ui.text_display import short_text

STAY = "stay"
"""After this operation the reviewer stays on the row they were on."""


class ReviewDock(QDockWidget):
    """The dock holding the panel; closing it leaves review mode."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class ReviewMode(QObject):
    """Adds the Review menu to the window and runs review sessions in its article view."""

    stateChanged = Signal()
    """After the panel shows fresh data (a decision, an undo, another article)."""
    failed = Signal(str)

    def __init__(self, session: ProjectSession, view: ArticleView, slots: WindowSlots) -> None:
        window = slots.dialog_parent()
        super().__init__(window)
        self.session = session
        self.view = view
        self.slots = slots
        self._window = window
        self.active = False
        self.doc_id: str | None = None
        self.annotators: list[str] = []
        self.state: review.ReviewState | None = None
        self.pending_comment: str | None = None
        self.choose_dialog: ChooseAnnotatorsDialog | None = None
        self.edit_dialog: EditCandidateDialog | None = None
        self.agreement_dialog: AgreementDialog | None = None
        # Set by a fresh decision (not an undo or redo): where to go once it is saved.
        self._advance_after: tuple[int, tuple[int, int, str], DecisionKind] | str | None = None
        self._gold_annotator: str | None = None
        self._failure: str | None = None

        self.panel = ReviewPanel()
        self.dock = ReviewDock(window)
        self.dock.setObjectName("reviewDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.dock.setMinimumWidth(480)
        slots.add_dock(self.dock)
        self.dock.hide()
        self.dock.closed.connect(self.stop)
        self.overlay = DisagreementOverlay(view.editor)

        self._create_actions()
        self.menu = QMenu(window)
        self.menu.setObjectName("reviewMenu")
        self.menu.addActions([self.start_action, self.agreement_action])
        self.menu.addSeparator()
        self.menu.addActions(self.session_actions)
        self.menu.addSeparator()
        self.menu.addAction(self.leave_action)
        slots.add_window_menu(self.menu)

        self.panel.currentRowChanged.connect(self._row_changed)
        self.panel.goldRowChanged.connect(self._gold_row_changed)
        self.panel.goldAnnotatorChanged.connect(self._gold_annotator_chosen)
        self.panel.tabs.currentChanged.connect(lambda _: self._update_gold_diff())
        self.panel.markReviewedClicked.connect(self.mark_reviewed)
        self.panel.commentFinished.connect(self._comment_finished)
        self.panel.tree.itemDoubleClicked.connect(lambda *_: self.accept_current())
        slots.when_document_opened(self._document_opened)
        session.changed.connect(self._on_changes)
        session.failed.connect(self._on_failed)
        window.installEventFilter(self)
        self.retranslate()
        self._update_actions()

    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def reviewer(self) -> str:
        return self.slots.annotator

    # -- actions and menu ------------------------------------------------------------

    def _action(
        self, name: str, slot: Callable[[], Any], keys: Sequence[str], in_panel: bool
    ) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda _checked=False: slot())
        if in_panel:
            # Single letters must not fire while the reader types in the article list or
            # tags in the article: these keys work where the review panel has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.panel.addAction(action)
        else:
            self._window.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.start_action = self._action(
            "reviewDocument", self.choose_and_start, ["Ctrl+R"], in_panel=False
        )
        self.agreement_action = self._action(
            "showAgreement", self.show_agreement, ["Ctrl+Shift+M"], in_panel=False
        )
        self.next_action = self._action(
            "nextDisagreement", self.next_disagreement, ["J", "N"], True
        )
        self.previous_action = self._action(
            "previousDisagreement", self.previous_disagreement, ["K", "P"], True
        )
        self.accept_action = self._action("acceptCandidate", self.accept_current, ["A"], True)
        self.reject_action = self._action("rejectCandidate", self.reject_current, ["R"], True)
        self.edit_action = self._action("editCandidate", self.edit_current, ["E"], True)
        self.accept_agreed_action = self._action(
            "acceptAgreed", self.accept_agreed, ["Shift+A"], True
        )
        self.comment_action = self._action("reviewComment", self.start_comment, ["C"], True)
        self.gold_action = self._action("showGoldDiff", self.toggle_gold_diff, ["G"], True)
        self.mark_action = self._action(
            "markReviewed", self.mark_reviewed, ["Ctrl+Return", "Ctrl+Enter"], True
        )
        self.leave_action = self._action("leaveReview", self.stop, ["Ctrl+Shift+R"], False)
        self.session_actions = [
            self.next_action,
            self.previous_action,
            self.accept_action,
            self.reject_action,
            self.edit_action,
            self.accept_agreed_action,
            self.comment_action,
            self.gold_action,
            self.mark_action,
        ]

    def menu_actions(self) -> list[QAction]:
        return [action for action in self.menu.actions() if not action.isSeparator()]

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Review"))
        self.dock.setWindowTitle(self.tr("Review"))
        self.start_action.setText(self.tr("&Review this article…"))
        self.agreement_action.setText(self.tr("&Agreement…"))
        self.next_action.setText(self.tr("&Next disagreement"))
        self.previous_action.setText(self.tr("&Previous disagreement"))
        self.accept_action.setText(self.tr("&Accept into gold"))
        self.reject_action.setText(self.tr("Re&ject"))
        self.edit_action.setText(self.tr("&Edit, then accept…"))
        self.accept_agreed_action.setText(self.tr("Accept everything all &agree on"))
        self.comment_action.setText(self.tr("&Comment the next decision"))
        self.gold_action.setText(self.tr("Compare a layer with &gold"))
        self.mark_action.setText(self.tr("&Mark the article reviewed"))
        self.leave_action.setText(self.tr("&Leave review mode"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.active:
                self.refresh()
        elif watched is self._window and event.type() == QEvent.Type.Show and not self.active:
            # The saved window layout may remember the dock open from the last session.
            self.dock.hide()
        return False

    def _update_actions(self) -> None:
        for action in self.session_actions:
            action.setEnabled(self.active)
        self.leave_action.setEnabled(self.active)
        # Ctrl+Enter means "mark reviewed" here, not the window's "done and next".
        self.slots.window_action("markDone").setEnabled(not self.active)

    # -- starting and leaving ------------------------------------------------------------

    def default_annotators(self, doc_id: str) -> list[str]:
        """Every annotator but gold with spans on this article."""
        counts = self.store.span_counts(doc_id)
        return [name for name in self.store.annotators() if name != GOLD_LAYER and counts.get(name)]

    def choose_and_start(self) -> ChooseAnnotatorsDialog | None:
        """Ask whose layers to compare on the current article, then review them."""
        doc_id = self.slots.current_document_id()
        if doc_id is None:
            self._message(self.tr("Open an article to review first."))
            return None
        counts = self.store.span_counts(doc_id)
        everyone = [name for name in self.store.annotators() if name != GOLD_LAYER]
        ticked = self.annotators if self.active else self.default_annotators(doc_id)
        dialog = ChooseAnnotatorsDialog(everyone, ticked, counts, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(doc_id, dialog.chosen()))
        dialog.destroyed.connect(lambda: setattr(self, "choose_dialog", None))
        self.choose_dialog = dialog
        dialog.open()
        return dialog

    def start(
        self,
        doc_id: str,
        annotators: Sequence[str],
        select: tuple[int, int, str | None] | None = None,
    ) -> bool:
        """Review ``doc_id`` by ``annotators``; ``select`` = (start, end, label or None)
        picks the disagreement to begin with, else the first unsettled one."""
        chosen = list(dict.fromkeys(annotators))
        if len(chosen) < 2:
            self._message(self.tr("Choose at least two annotators to compare."))
            return False
        self.annotators = chosen
        self.active = True
        if doc_id != self.slots.current_document_id():
            self.slots.open_document_unfiltered(doc_id)
            if self.slots.current_document_id() != doc_id:
                self.active = False
                self._message(self.tr("That article is not in the list."))
                return False
        self.doc_id = doc_id
        self.view.set_layers(chosen)
        self.view.tag_selection_handler = self.add_to_gold
        self.slots.right_column().hide()
        if not self.dock.isVisible():
            self.dock.show()
            # Room for the text of each disagreement, the article keeps the rest.
            width = max(520, min(700, self._window.width() * 2 // 5))
            self.slots.resize_dock(self.dock, width)
        self._gold_annotator = self._gold_annotator if self._gold_annotator in chosen else chosen[0]
        self.panel.set_gold_annotators(chosen, self._gold_annotator)
        self._update_actions()
        self.panel.tree.setCurrentIndex(QModelIndex())
        self.refresh()
        if not self._select_matching(select):
            self._go_to_unsettled(after=-1)
        self.panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self.state = None
        self.doc_id = None
        self.pending_comment = None
        self.dock.hide()
        self.slots.right_column().show()
        self.view.tag_selection_handler = None
        self.view.set_layers([])
        self.overlay.clear()
        self._update_actions()

    def _document_opened(self, doc_id: str) -> None:
        if self.active and doc_id != self.doc_id:
            self.doc_id = doc_id
            self.pending_comment = None
            self.panel.comment_edit.clear()
            self.panel.tree.setCurrentIndex(QModelIndex())
            self.refresh()
            self._go_to_unsettled(after=-1)

    # -- showing the state ------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.active or self.doc_id is None:
            return
        try:
            self.state = review.review_state(self.store, self.doc_id, self.annotators)
        except AnnotatorError as error:
            self._message(str(error))
            return
        self.panel.show_state(
            self.state,
            self.store.label_set(),
            self.slots.language,
            self.store.status(self.doc_id, GOLD_LAYER),
        )
        self._update_gold_diff()
        self._update_overlay()
        self.stateChanged.emit()

    def _update_overlay(self) -> None:
        if self.state is None or self.doc_id is None:
            self.overlay.clear()
            return
        document = self.store.document(self.doc_id)
        marks = [
            Mark(number + 1, item.start, item.end, item.kind, item.settled)
            for number, item in enumerate(self.state.disagreements)
        ]
        self.overlay.show_marks(
            positions_for(document.id, document.text), marks, self._focus_range()
        )

    def _focus_range(self) -> tuple[int, int] | None:
        if self.panel.tabs.currentIndex() == 1:
            return self.panel.current_gold_range()
        row = self.panel.current_row()
        if row is None or self.state is None:
            return None
        group, number = row
        if group == AGREED:
            return None if number is None else self.state.agreed[number].key[:2]
        item = self.state.disagreements[group]
        return item.start, item.end

    def _row_changed(self) -> None:
        candidate = self.current_candidate()
        if candidate is not None:
            self._show_in_article(candidate[1])
        self._update_overlay()

    def _show_in_article(self, candidate: review.Candidate) -> None:
        view = self.view
        for span in view.spans():
            if (span.start, span.end, span.label) == candidate.key and (
                span.annotator in candidate.annotators
            ):
                view.select_span(span.id)
                return
        self._reveal(candidate.start, candidate.end)

    def _reveal(self, start: int, end: int) -> None:
        """Scroll the article to [start, end) without selecting anything."""
        if self.doc_id is None:
            return
        document = self.store.document(self.doc_id)
        positions = positions_for(document.id, document.text)
        editor = self.view.editor
        cursor = QTextCursor(editor.document())
        cursor.setPosition(positions.to_qt(end))
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        cursor.setPosition(positions.to_qt(start))
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    # -- navigation -------------------------------------------------------------------------

    def current_candidate(self) -> tuple[int, review.Candidate] | None:
        """(group, candidate) the reviewer is on; a group row means its first undecided."""
        row = self.panel.current_row()
        if row is None or self.state is None:
            return None
        group, number = row
        candidates = (
            self.state.agreed if group == AGREED else self.state.disagreements[group].candidates
        )
        if not candidates:
            return None
        if number is None:
            number = next(
                (i for i, candidate in enumerate(candidates) if candidate.decision is None), 0
            )
        return group, candidates[number]

    def current_disagreement(self) -> int | None:
        row = self.panel.current_row()
        return None if row is None or row[0] == AGREED else row[0]

    def select_disagreement(self, index: int) -> None:
        if self.state is None or not 0 <= index < len(self.state.disagreements):
            return
        candidates = self.state.disagreements[index].candidates
        first_open = next((i for i, c in enumerate(candidates) if c.decision is None), 0)
        self.panel.select_row(index, first_open)

    def next_disagreement(self) -> None:
        self._step(+1)

    def previous_disagreement(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.state is None or not self.state.disagreements:
            self._message(self.tr("No disagreements in this article."))
            return
        count = len(self.state.disagreements)
        current = self.current_disagreement()
        if current is None:
            target = 0 if step > 0 else count - 1
        else:
            target = current + step
            if not 0 <= target < count:
                self._message(
                    self.tr("Back to the first disagreement.")
                    if step > 0
                    else self.tr("Back to the last disagreement.")
                )
                target %= count
        self.select_disagreement(target)

    def _go_to_unsettled(self, after: int) -> bool:
        """Select the first unsettled disagreement after index ``after`` (wrapping)."""
        if self.state is None:
            return False
        count = len(self.state.disagreements)
        order = [(after + 1 + step) % count for step in range(count)] if count else []
        for index in order:
            if index >= 0 and not self.state.disagreements[index].settled:
                self.select_disagreement(index)
                return True
        if self.state.undecided_agreed and self.state.agreed:
            self.panel.select_row(AGREED, None)
            return True
        return False

    def _select_matching(self, select: tuple[int, int, str | None] | None) -> bool:
        if select is None or self.state is None:
            return False
        start, end, label = select
        for index, item in enumerate(self.state.disagreements):
            if (item.start, item.end) != (start, end):
                continue
            for number, candidate in enumerate(item.candidates):
                if label is None or candidate.label == label:
                    self.panel.select_row(index, number)
                    return True
        return False

    # -- decisions ---------------------------------------------------------------------------

    def _push(self, command: ReviewCommand) -> None:
        self.session.push(command)

    def _take_comment(self) -> str | None:
        comment = self.pending_comment
        self.pending_comment = None
        self.panel.comment_edit.clear()
        return comment

    def _decide(self, kind: DecisionKind) -> None:
        found = self.current_candidate()
        if found is None or self.doc_id is None:
            self._message(self.tr("Pick a disagreement first (J / K)."))
            return
        group, candidate = found
        self._advance_after = (group, candidate.key, kind)
        factory = accept_command if kind == DecisionKind.ACCEPT else reject_command
        self._push(
            factory(
                self.session,
                self.doc_id,
                self.reviewer,
                candidate,
                self.annotators,
                self._take_comment(),
            )
        )

    def accept_current(self) -> None:
        self._decide(DecisionKind.ACCEPT)

    def reject_current(self) -> None:
        self._decide(DecisionKind.REJECT)

    def edit_current(self) -> EditCandidateDialog | None:
        found = self.current_candidate()
        if found is None or self.doc_id is None:
            self._message(self.tr("Pick a disagreement first (J / K)."))
            return None
        group, candidate = found
        document = self.store.document(self.doc_id)
        dialog = EditCandidateDialog(
            document.text, candidate, self.store.label_set(), self.slots.language, self._window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        doc_id = self.doc_id

        def accepted() -> None:
            if self.doc_id != doc_id:
                return
            self._advance_after = (group, candidate.key, DecisionKind.EDIT)
            self._push(
                edit_command(
                    self.session,
                    doc_id,
                    self.reviewer,
                    candidate,
                    self.annotators,
                    dialog.gold_key(),
                    self._take_comment(),
                )
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _: self.panel.tree.setFocus())
        dialog.destroyed.connect(lambda: setattr(self, "edit_dialog", None))
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def add_to_gold(self, start: int, end: int, label: str) -> None:
        """A span the reviewer tagged in the article goes straight into gold: how a span
        every annotator missed gets there."""
        if self.doc_id is None:
            return
        self._advance_after = STAY
        self._failure = None
        self._push(
            add_command(
                self.session,
                self.doc_id,
                self.reviewer,
                (start, end, label),
                self.annotators,
                self._take_comment(),
            )
        )
        if self._failure is None:  # else review_failed said why
            added = short_text(self.store.document(self.doc_id).text[start:end])
            self._message(self.tr("Added to gold: “%1”.").replace("%1", added))

    def accept_agreed(self) -> None:
        if self.state is None or self.doc_id is None:
            return
        waiting = len(self.state.undecided_agreed)
        if not waiting:
            self._message(self.tr("Every agreed span already has a decision."))
            return
        self._advance_after = STAY
        self._push(
            accept_agreed_command(
                self.session,
                self.doc_id,
                self.reviewer,
                self.annotators,
                waiting,
                self._take_comment(),
            )
        )
        self._message(self.tr("Accepted %n agreed span(s) into gold.", "", waiting))

    def mark_reviewed(self) -> None:
        if self.state is None or self.doc_id is None:
            return
        if self.store.status(self.doc_id, GOLD_LAYER) == Status.REVIEWED:
            self._message(self.tr("This article is already reviewed."))
            return
        if not self.state.settled:
            self._message(
                self.tr("Not yet: %1 and %2 need a decision.")
                .replace("%1", self.tr("%n disagreement(s)", "", len(self.state.unsettled)))
                .replace(
                    "%2", self.tr("%n agreed span(s)", "", len(self.state.undecided_agreed))
                )
            )
            return
        self._advance_after = STAY
        self._push(mark_reviewed_command(self.session, self.doc_id, self.annotators))
        self._message(self.tr("Article marked reviewed."))

    def start_comment(self) -> None:
        self.panel.comment_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.comment_edit.selectAll()

    def _comment_finished(self) -> None:
        text = self.panel.comment_edit.text().strip()
        self.pending_comment = text or None
        self.panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if text:
            self._message(self.tr("The next decision will carry your comment."))

    def toggle_gold_diff(self) -> None:
        self.panel.tabs.setCurrentIndex(1 - self.panel.tabs.currentIndex())
        target = self.panel.gold_tree if self.panel.tabs.currentIndex() == 1 else self.panel.tree
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the gold comparison -------------------------------------------------------------------

    def _gold_annotator_chosen(self, name: str) -> None:
        self._gold_annotator = name or None
        self._update_gold_diff()

    def _update_gold_diff(self) -> None:
        if not self.active or self.doc_id is None or self.panel.tabs.currentIndex() != 1:
            self._update_overlay() if self.active else None
            return
        name = self._gold_annotator
        self.panel.show_gold_diff(
            review.diff_against_gold(self.store, self.doc_id, name) if name else None
        )
        self._update_overlay()

    def _gold_row_changed(self) -> None:
        found = self.panel.current_gold_range()
        if found is not None:
            self._reveal(*found)
        self._update_overlay()

    # -- what the commands report -----------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        step = changes.origin
        if isinstance(step, ReviewCommand) and step.change is not None:
            self.review_changed(step.change, step.undone)
        elif self.active and changes.touches(self.doc_id):
            self.refresh()

    def _on_failed(self, message: str, step: object) -> None:
        if isinstance(step, ReviewCommand):
            self.review_failed(message)

    def review_changed(self, change: review.ReviewChange, undone: bool) -> None:
        advance, self._advance_after = self._advance_after, None
        if not self.active or change.doc_id != self.doc_id:
            return
        self.refresh()
        if advance == STAY:
            return
        if undone or advance is None or isinstance(advance, str):
            if change.decisions:
                first = change.decisions[0]
                self._select_key((first.start, first.end, first.label))
            return
        group, key, kind = advance
        if self.state is None:
            return
        if group == AGREED:
            waiting = [
                number
                for number, candidate in enumerate(self.state.agreed)
                if candidate.decision is None
            ]
            if waiting:
                self.panel.select_row(AGREED, waiting[0])
                return
            group = -1
        else:
            item = self.state.disagreements[group]
            if kind == DecisionKind.REJECT:
                for number, candidate in enumerate(item.candidates):
                    if candidate.decision is None and candidate.key != key:
                        # Rejecting one version of a span: the other versions come next.
                        self.panel.select_row(group, number)
                        return
        if not self._go_to_unsettled(after=group):
            self._select_key(key)
            if self.state.settled:
                self._message(
                    self.tr("Everything is settled: Ctrl+Enter marks the article reviewed.")
                )

    def _select_key(self, key: tuple[int, int, str]) -> None:
        if self.state is None:
            return
        for index, item in enumerate(self.state.disagreements):
            for number, candidate in enumerate(item.candidates):
                if candidate.key == key:
                    self.panel.select_row(index, number)
                    return
        for number, candidate in enumerate(self.state.agreed):
            if candidate.key == key:
                self.panel.select_row(AGREED, number)
                return

    def review_failed(self, message: str) -> None:
        self._advance_after = None
        self._failure = message
        self._message(message)
        self.failed.emit(message)

    def _message(self, text: str) -> None:
        self.slots.show_message(text, 8000)

    # -- agreement ----------------------------------------------------------------------------

    def show_agreement(self) -> AgreementDialog:
        if self.agreement_dialog is None:
            dialog = AgreementDialog(self.session, self.slots)
            dialog.disagreementsWanted.connect(self.open_disagreement)
            self.agreement_dialog = dialog
        self.agreement_dialog.set_document(self.slots.current_document_id())
        self.agreement_dialog.show()
        self.agreement_dialog.raise_()
        self.agreement_dialog.activateWindow()
        self.agreement_dialog.compute()
        return self.agreement_dialog

    def open_disagreement(self, a: str, b: str, label: str | None, doc_id: str | None) -> None:
        """Open review mode on the first disagreement between a and b on ``label``
        (any label when None), in ``doc_id`` or the first document that has one."""
        task = first_disagreement_task(self.slots.db_path, a, b, label, doc_id)
        task.signals.succeeded.connect(lambda found: self._open_found(a, b, label, found))
        task.signals.failed.connect(self._message)
        self.slots.tasks.start(task, None)

    def _open_found(
        self, a: str, b: str, label: str | None, found: tuple[str, int, int] | None
    ) -> None:
        if found is None:
            self._message(
                self.tr("%1 and %2 do not disagree there.").replace("%1", a).replace("%2", b)
            )
            return
        doc_id, start, end = found
        if self.start(doc_id, [a, b], select=(start, end, label)):
            self._window.activateWindow()
            self.panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)

"""Undoable review decisions. Each command calls ``annotator.core.review.decisions`` in ``do()``
and takes it back with ``review.revert`` in ``undo_it()``; the review panel only pushes,
and hears what changed from the session like every other view.

The first ``redo()`` performs the operation (accept, reject, edit, accept the agreed
spans, mark reviewed) and keeps the :class:`~annotator.core.review.decisions.ReviewChange` it
returns; later ones write that same change again with ``review.reapply``, so a redo
restores the very decisions, ids and times that were undone. An operation the core
refuses marks the command obsolete and Qt drops it, as the span commands do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.core.changes import Changes
from annotator.core.review import decisions as review
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.text_display import short_text


def _label_name(store: Store, label: str) -> str:
    """A label as the interface names it ("Affirmation" in French), not its id."""
    found = store.label_set().get(label)
    return found.display_name(i18n.current_language()) if found else label


class ReviewCommand(OpCommand):
    """One review operation on the undo stack; ``undone`` says which way it last went."""

    def __init__(
        self,
        session: ProjectSession,
        text: str,
        operation: Callable[[], review.ReviewChange],
    ) -> None:
        super().__init__(session, text)
        self.operation = operation
        self.change: review.ReviewChange | None = None
        self.undone = False

    def do(self) -> Changes:
        if self.change is None:
            self.change = self.operation()
        else:
            review.reapply(self.store, self.change)
        self.undone = False
        return self._changed(self.change)

    def undo(self) -> None:
        if self.change is not None:
            super().undo()

    def undo_it(self) -> Changes:
        assert self.change is not None
        review.revert(self.store, self.change)
        self.undone = True
        return self._changed(self.change)

    @staticmethod
    def _changed(change: review.ReviewChange) -> Changes:
        # Gold is a layer of spans and links: the article view may be showing it.
        return Changes.reloaded(change.doc_id, decisions=True, links=True) | Changes(
            statuses=change.gold_status_after is not None
        )


def _candidate_command(
    session: ProjectSession,
    text: str,
    operation: Callable[..., review.ReviewChange],
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    """An undoable accept or reject of one candidate; ``text`` names it in the Edit menu."""
    quoted = text.replace("%1", _label_name(session.store, candidate.label)).replace(
        "%2", short_text(candidate.text)
    )
    return ReviewCommand(
        session,
        quoted,
        lambda: operation(
            session.store,
            doc_id,
            reviewer,
            candidate.start,
            candidate.end,
            candidate.label,
            annotators,
            comment=comment,
        ),
    )


def accept_command(
    session: ProjectSession,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    text = QCoreApplication.translate("ReviewCommand", "Accept %1 “%2”")
    return _candidate_command(
        session, text, review.accept, doc_id, reviewer, candidate, annotators, comment
    )


def reject_command(
    session: ProjectSession,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    text = QCoreApplication.translate("ReviewCommand", "Reject %1 “%2”")
    return _candidate_command(
        session, text, review.reject, doc_id, reviewer, candidate, annotators, comment
    )


def add_command(
    session: ProjectSession,
    doc_id: str,
    reviewer: str,
    key: review.SpanKey,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    """Put a span the reviewer tagged into gold (an ``add`` when nobody had it)."""
    start, end, label = key
    text = session.store.document(doc_id).text[start:end]
    return ReviewCommand(
        session,
        QCoreApplication.translate("ReviewCommand", "Add %1 “%2” to gold")
        .replace("%1", _label_name(session.store, label))
        .replace("%2", short_text(text)),
        lambda: review.accept(
            session.store, doc_id, reviewer, start, end, label, annotators, comment=comment
        ),
    )


def edit_command(
    session: ProjectSession,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    gold: review.SpanKey,
    comment: str | None,
) -> ReviewCommand:
    return ReviewCommand(
        session,
        QCoreApplication.translate("ReviewCommand", "Edit %1 “%2” into gold")
        .replace("%1", _label_name(session.store, candidate.label))
        .replace("%2", short_text(candidate.text)),
        lambda: review.edit(
            session.store,
            doc_id,
            reviewer,
            candidate.start,
            candidate.end,
            candidate.label,
            annotators,
            new_start=gold[0],
            new_end=gold[1],
            new_label=gold[2],
            comment=comment,
        ),
    )


def accept_agreed_command(
    session: ProjectSession,
    doc_id: str,
    reviewer: str,
    annotators: list[str],
    count: int,
    comment: str | None,
) -> ReviewCommand:
    return ReviewCommand(
        session,
        # lupdate reads no plural form from translate(): one text per form.
        QCoreApplication.translate("ReviewCommand", "Accept the agreed span")
        if count == 1
        else QCoreApplication.translate("ReviewCommand", "Accept the %1 agreed spans").replace(
            "%1", str(count)
        ),
        lambda: review.accept_agreed(session.store, doc_id, annotators, reviewer, comment=comment),
    )


def mark_reviewed_command(
    session: ProjectSession, doc_id: str, annotators: list[str]
) -> ReviewCommand:
    return ReviewCommand(
        session,
        QCoreApplication.translate("ReviewCommand", "Mark the article reviewed"),
        lambda: review.mark_reviewed(session.store, doc_id, annotators),
    )

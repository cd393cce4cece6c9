"""Undoable review decisions. Each command calls ``annotator.core.review`` in ``redo()``
and takes it back with ``review.revert`` in ``undo()``; the review panel only pushes.

The first ``redo()`` performs the operation (accept, reject, edit, accept the agreed
spans, mark reviewed) and keeps the :class:`~annotator.core.review.ReviewChange` it
returns; later ones write that same change again with ``review.reapply``, so a redo
restores the very decisions, ids and times that were undone. An operation the core
refuses marks the command obsolete and Qt drops it, as the span commands do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core import review
from annotator.core.errors import AnnotatorError
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.text_display import short_text


class ReviewListener(Protocol):
    """What a command reports to: the review panel."""

    def review_changed(self, change: review.ReviewChange, undone: bool) -> None: ...

    def review_failed(self, message: str) -> None: ...


def _label_name(store: Store, label: str) -> str:
    """A label as the interface names it ("Affirmation" in French), not its id."""
    found = store.label_set().get(label)
    return found.display_name(i18n.current_language()) if found else label


class ReviewCommand(QUndoCommand):
    """One review operation on the undo stack."""

    def __init__(
        self,
        store: Store,
        listener: ReviewListener,
        text: str,
        operation: Callable[[], review.ReviewChange],
    ) -> None:
        super().__init__(text)
        self.store = store
        self.listener = listener
        self.operation = operation
        self.change: review.ReviewChange | None = None

    def redo(self) -> None:
        try:
            if self.change is None:
                self.change = self.operation()
            else:
                review.reapply(self.store, self.change)
        except (AnnotatorError, KeyError, ValueError) as error:
            self.setObsolete(True)
            self.listener.review_failed(str(error))
            return
        self.listener.review_changed(self.change, False)

    def undo(self) -> None:
        if self.change is None:
            return
        try:
            review.revert(self.store, self.change)
        except (AnnotatorError, KeyError, ValueError) as error:
            self.setObsolete(True)
            self.listener.review_failed(str(error))
            return
        self.listener.review_changed(self.change, True)


def _candidate_command(
    store: Store,
    listener: ReviewListener,
    text: str,
    operation: Callable[..., review.ReviewChange],
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    """An undoable accept or reject of one candidate; ``text`` names it in the Edit menu."""
    quoted = text.replace("%1", _label_name(store, candidate.label)).replace(
        "%2", short_text(candidate.text)
    )
    return ReviewCommand(
        store,
        listener,
        quoted,
        lambda: operation(
            store,
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
    store: Store,
    listener: ReviewListener,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    text = QCoreApplication.translate("ReviewCommand", "Accept %1 “%2”")
    return _candidate_command(
        store, listener, text, review.accept, doc_id, reviewer, candidate, annotators, comment
    )


def reject_command(
    store: Store,
    listener: ReviewListener,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    text = QCoreApplication.translate("ReviewCommand", "Reject %1 “%2”")
    return _candidate_command(
        store, listener, text, review.reject, doc_id, reviewer, candidate, annotators, comment
    )


def add_command(
    store: Store,
    listener: ReviewListener,
    doc_id: str,
    reviewer: str,
    key: review.SpanKey,
    annotators: list[str],
    comment: str | None,
) -> ReviewCommand:
    """Put a span the reviewer tagged into gold (an ``add`` when nobody had it)."""
    start, end, label = key
    text = store.document(doc_id).text[start:end]
    return ReviewCommand(
        store,
        listener,
        QCoreApplication.translate("ReviewCommand", "Add %1 “%2” to gold")
        .replace("%1", _label_name(store, label))
        .replace("%2", short_text(text)),
        lambda: review.accept(
            store, doc_id, reviewer, start, end, label, annotators, comment=comment
        ),
    )


def edit_command(
    store: Store,
    listener: ReviewListener,
    doc_id: str,
    reviewer: str,
    candidate: review.Candidate,
    annotators: list[str],
    gold: review.SpanKey,
    comment: str | None,
) -> ReviewCommand:
    return ReviewCommand(
        store,
        listener,
        QCoreApplication.translate("ReviewCommand", "Edit %1 “%2” into gold")
        .replace("%1", _label_name(store, candidate.label))
        .replace("%2", short_text(candidate.text)),
        lambda: review.edit(
            store,
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
    store: Store,
    listener: ReviewListener,
    doc_id: str,
    reviewer: str,
    annotators: list[str],
    count: int,
    comment: str | None,
) -> ReviewCommand:
    return ReviewCommand(
        store,
        listener,
        # lupdate reads no plural form from translate(): one text per form.
        QCoreApplication.translate("ReviewCommand", "Accept the agreed span")
        if count == 1
        else QCoreApplication.translate("ReviewCommand", "Accept the %1 agreed spans").replace(
            "%1", str(count)
        ),
        lambda: review.accept_agreed(store, doc_id, annotators, reviewer, comment=comment),
    )


def mark_reviewed_command(
    store: Store, listener: ReviewListener, doc_id: str, annotators: list[str]
) -> ReviewCommand:
    return ReviewCommand(
        store,
        listener,
        QCoreApplication.translate("ReviewCommand", "Mark the article reviewed"),
        lambda: review.mark_reviewed(store, doc_id, annotators),
    )

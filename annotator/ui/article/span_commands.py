"""Undoable span edits. Each command only calls the store in ``do()``/``undo_it()``
and says what changed (``Changes``); the session tells the views. The view pushes
commands and never edits data itself.

Every step is one store transaction, so each step is on disk when it returns; a step
the store refuses marks the command obsolete (see ``session.OpCommand``).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.attribution.links import delete_span_with_links, restore_span_with_links
from annotator.core.changes import Changes
from annotator.core.models import Link, Span
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.text_display import short_text


def _fill(template: str, *values: str) -> str:
    """Qt's ``%1``, ``%2`` filled in one pass (a span's text may itself hold "%2")."""
    return re.sub(r"%(\d)", lambda match: values[int(match.group(1)) - 1], template)


def _label_name(store: Store, label: str) -> str:
    """A label as the interface names it in its current language ("Personne")."""
    found = store.label_set().get(label)
    return found.display_name(i18n.current_language()) if found else label


class SpanCommand(OpCommand):
    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(session, text)

    @property
    def doc_id(self) -> str | None:
        """The article this step changes (undo opens it first, see ``undo_history``)."""
        span = getattr(self, "span", None) or getattr(self, "before", None)
        return span.doc_id if span is not None else None

    def describe(self) -> str:
        """The step as the Edit menu names it, in the interface's current language."""
        return self.text()

    def retranslate(self) -> None:
        self.setText(self.describe())


class AddSpan(SpanCommand):
    def __init__(self, session: ProjectSession, span: Span) -> None:
        super().__init__(session, "")
        self.span = span
        self.retranslate()

    def describe(self) -> str:
        return _fill(
            QCoreApplication.translate("SpanCommand", "Tag “%1” as %2"),
            short_text(self.span.text),
            _label_name(self.store, self.span.label),
        )

    def do(self) -> Changes:
        return Changes.span(self.span.doc_id, None, self.store.add_span(self.span))

    def undo_it(self) -> Changes:
        return Changes.span(self.span.doc_id, self.store.delete_span(self.span.id), None)


class DeleteSpan(SpanCommand):
    def describe(self) -> str:
        return _fill(
            QCoreApplication.translate("SpanCommand", "Remove %1 “%2”"),
            _label_name(self.store, self.span.label),
            short_text(self.span.text),
        )

    def __init__(self, session: ProjectSession, span: Span) -> None:
        super().__init__(session, "")
        self.span = span
        self.retranslate()
        self.links: list[Link] = []

    def do(self) -> Changes:
        # Its links go with it, and come back with it on undo.
        self.span, self.links = delete_span_with_links(self.store, self.span.id)
        return Changes.span(self.span.doc_id, self.span, None, links=bool(self.links))

    def undo_it(self) -> Changes:
        restore_span_with_links(self.store, self.span, self.links)
        return Changes.span(
            self.span.doc_id, None, self.store.span(self.span.id), links=bool(self.links)
        )


class ChangeSpan(SpanCommand):
    """A change to a stored span's fields: redo applies ``changes()`` through
    ``Store.update_span``, undo writes the span back as it was (``before``)."""

    before: Span

    def changes(self) -> dict[str, Any]:
        raise NotImplementedError

    def do(self) -> Changes:
        current = self.store.span(self.before.id)
        after = self.store.update_span(self.before.id, **self.changes())
        return Changes.span(self.before.doc_id, current, after)

    def undo_it(self) -> Changes:
        current = self.store.span(self.before.id)
        return Changes.span(self.before.doc_id, current, self.store.replace_span(self.before))


class RelabelSpan(ChangeSpan):
    def __init__(
        self,
        session: ProjectSession,
        span: Span,
        label: str,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        """``attrs``: the span's new attributes (an amount's value), None to keep them."""
        super().__init__(session, "")
        self.before = span
        self.label = label
        self.attrs = attrs
        self.retranslate()

    def describe(self) -> str:
        return _fill(
            QCoreApplication.translate("SpanCommand", "Relabel “%1” as %2"),
            short_text(self.before.text),
            _label_name(self.store, self.label),
        )

    def changes(self) -> dict[str, Any]:
        return {"label": self.label, "attrs": self.attrs}


class ResizeSpan(ChangeSpan):
    """Move a span's boundaries; successive moves of one span merge into one undo step."""

    MERGE_ID = 0x5A17

    def __init__(
        self,
        session: ProjectSession,
        span: Span,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, "")
        self.before = span
        self.start = start
        self.end = end
        self.attrs = attrs
        self.retranslate()

    def describe(self) -> str:
        return _fill(
            QCoreApplication.translate("SpanCommand", "Resize “%1”"), short_text(self.before.text)
        )

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ResizeSpan) or other.before.id != self.before.id:
            return False
        self.start, self.end, self.attrs = other.start, other.end, other.attrs
        return True

    def changes(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "attrs": self.attrs}



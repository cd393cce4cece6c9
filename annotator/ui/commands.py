"""Undoable span edits. Each command only calls the store in ``redo()``/``undo()``, then
tells the view what changed; the view pushes commands and never edits data itself.

Every ``redo()``/``undo()`` is one store transaction, so each step is on disk when it
returns. A step the store refuses (a span changed meanwhile, a full disk) marks the
command obsolete, and Qt drops it from the stack instead of keeping a lie.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.core.models import Span
from annotator.core.store import Store


@dataclass(frozen=True)
class SpanChange:
    """One span before and after a step; ``None`` when it did not exist."""

    doc_id: str
    before: Span | None
    after: Span | None


class SpanListener(Protocol):
    """What a command reports to: the article view."""

    def span_changed(self, change: SpanChange) -> None: ...

    def span_edit_failed(self, message: str) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpanCommand", text)


class SpanCommand(QUndoCommand):
    def __init__(self, store: Store, listener: SpanListener, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.listener = listener

    def _run(self, step: Callable[[], SpanChange]) -> None:
        try:
            change = step()
        except (AnnotatorError, KeyError, ValueError) as error:
            self.setObsolete(True)
            self.listener.span_edit_failed(str(error))
            return
        self.listener.span_changed(change)


class AddSpan(SpanCommand):
    def __init__(self, store: Store, listener: SpanListener, span: Span) -> None:
        super().__init__(
            store,
            listener,
            _tr("Tag “%1” as %2").replace("%1", _short(span.text)).replace("%2", span.label),
        )
        self.span = span

    def redo(self) -> None:
        self._run(lambda: SpanChange(self.span.doc_id, None, self.store.add_span(self.span)))

    def undo(self) -> None:
        self._run(lambda: SpanChange(self.span.doc_id, self.store.delete_span(self.span.id), None))


class DeleteSpan(SpanCommand):
    def __init__(self, store: Store, listener: SpanListener, span: Span) -> None:
        super().__init__(
            store,
            listener,
            _tr("Remove %1 “%2”").replace("%1", span.label).replace("%2", _short(span.text)),
        )
        self.span = span

    def redo(self) -> None:
        def step() -> SpanChange:
            self.span = self.store.delete_span(self.span.id)
            return SpanChange(self.span.doc_id, self.span, None)

        self._run(step)

    def undo(self) -> None:
        self._run(lambda: SpanChange(self.span.doc_id, None, self.store.restore_span(self.span)))


class RelabelSpan(SpanCommand):
    def __init__(
        self,
        store: Store,
        listener: SpanListener,
        span: Span,
        label: str,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        """``attrs``: the span's new attributes (an amount's value), None to keep them."""
        super().__init__(
            store,
            listener,
            _tr("Relabel “%1” as %2").replace("%1", _short(span.text)).replace("%2", label),
        )
        self.before = span
        self.label = label
        self.attrs = attrs

    def redo(self) -> None:
        def step() -> SpanChange:
            current = self.store.span(self.before.id)
            after = self.store.update_span(self.before.id, label=self.label, attrs=self.attrs)
            return SpanChange(self.before.doc_id, current, after)

        self._run(step)

    def undo(self) -> None:
        def step() -> SpanChange:
            current = self.store.span(self.before.id)
            return SpanChange(self.before.doc_id, current, self.store.replace_span(self.before))

        self._run(step)


class ResizeSpan(SpanCommand):
    """Move a span's boundaries; successive moves of one span merge into one undo step."""

    MERGE_ID = 0x5A17

    def __init__(
        self,
        store: Store,
        listener: SpanListener,
        span: Span,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(store, listener, _tr("Resize “%1”").replace("%1", _short(span.text)))
        self.before = span
        self.start = start
        self.end = end
        self.attrs = attrs

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ResizeSpan) or other.before.id != self.before.id:
            return False
        self.start, self.end, self.attrs = other.start, other.end, other.attrs
        return True

    def redo(self) -> None:
        def step() -> SpanChange:
            current = self.store.span(self.before.id)
            after = self.store.update_span(
                self.before.id, start=self.start, end=self.end, attrs=self.attrs
            )
            return SpanChange(self.before.doc_id, current, after)

        self._run(step)

    def undo(self) -> None:
        def step() -> SpanChange:
            current = self.store.span(self.before.id)
            return SpanChange(self.before.doc_id, current, self.store.replace_span(self.before))

        self._run(step)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

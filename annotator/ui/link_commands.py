"""Undoable link edits. As with span commands, ``redo()``/``undo()`` only call the core
(``annotator.core.links``), one transaction each, then tell the listener what changed;
the window pushes commands and never edits links itself.

A link keeps its id through undo and redo: the first ``redo()`` creates it, ``undo()``
deletes it, and later ``redo()`` calls restore that very link, so a panel row or an
exported relation that named it still does. A step the core refuses (a span deleted
meanwhile) marks the command obsolete and reports why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core import links
from annotator.core.errors import AnnotatorError
from annotator.core.models import Link, Span
from annotator.core.store import Store
from annotator.ui.text_display import short_text


@dataclass(frozen=True)
class LinkChange:
    """One link before and after a step (None when it did not exist), and the
    documents its two spans are in."""

    doc_ids: frozenset[str]
    before: Link | None
    after: Link | None


class LinkListener(Protocol):
    def link_changed(self, change: LinkChange) -> None: ...

    def link_edit_failed(self, message: str) -> None: ...


class LinkCommand(QUndoCommand):
    def __init__(
        self, store: Store, listener: LinkListener, source: Span, target: Span, text: str
    ) -> None:
        super().__init__(text)
        self.store = store
        self.listener = listener
        # The window's undo history opens one of these articles before an undo (the
        # one on show if it is one of them): a link is undone where it can be seen.
        self.doc_ids = frozenset((source.doc_id, target.doc_id))

    def _run(self, step: Callable[[], tuple[Link | None, Link | None]]) -> None:
        try:
            before, after = step()
        except (AnnotatorError, KeyError, ValueError) as error:
            self.setObsolete(True)
            self.listener.link_edit_failed(str(error))
            return
        self.listener.link_changed(LinkChange(self.doc_ids, before, after))


class AddLink(LinkCommand):
    """``source -type_name-> target``; undo removes it."""

    def __init__(
        self,
        store: Store,
        listener: LinkListener,
        type_name: str,
        source: Span,
        target: Span,
        type_display: str | None = None,
    ) -> None:
        super().__init__(
            store,
            listener,
            source,
            target,
            QCoreApplication.translate("LinkCommand", "Link “%1” %2 “%3”")
            .replace("%1", short_text(source.text, 30))
            .replace("%2", type_display or type_name)
            .replace("%3", short_text(target.text, 30)),
        )
        self.type_name = type_name
        self.source_id = source.id
        self.target_id = target.id
        self.link: Link | None = None

    def redo(self) -> None:
        def step() -> tuple[Link | None, Link | None]:
            if self.link is None:
                self.link = links.add_link(
                    self.store, self.type_name, self.source_id, self.target_id
                )
            else:
                links.restore_link(self.store, self.link)
            return None, self.link

        self._run(step)

    def undo(self) -> None:
        def step() -> tuple[Link | None, Link | None]:
            assert self.link is not None
            return links.delete_link(self.store, self.link.id), None

        self._run(step)


class DeleteLink(LinkCommand):
    def __init__(
        self,
        store: Store,
        listener: LinkListener,
        resolved: links.ResolvedLink,
        type_display: str | None = None,
    ) -> None:
        super().__init__(
            store,
            listener,
            resolved.source,
            resolved.target,
            QCoreApplication.translate("LinkCommand", "Unlink “%1” %2 “%3”")
            .replace("%1", short_text(resolved.source.text, 30))
            .replace("%2", type_display or resolved.link.type)
            .replace("%3", short_text(resolved.target.text, 30)),
        )
        self.link = resolved.link

    def redo(self) -> None:
        self._run(lambda: (links.delete_link(self.store, self.link.id), None))

    def undo(self) -> None:
        self._run(lambda: (None, links.restore_link(self.store, self.link)))

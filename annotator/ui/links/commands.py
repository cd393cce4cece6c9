"""Undoable link edits. As with span commands, ``do()``/``undo_it()`` only call the core
(``annotator.core.attribution.links``), one transaction each, and say what changed; the session
tells the views. The window pushes commands and never edits links itself.

A link keeps its id through undo and redo: the first ``redo()`` creates it, ``undo()``
deletes it, and later ``redo()`` calls restore that very link, so a panel row or an
exported relation that named it still does. A step the core refuses (a span deleted
meanwhile) marks the command obsolete and reports why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.attribution import links
from annotator.core.changes import Changes
from annotator.core.models import Link, Span
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.text_display import short_text


class LinkCommand(OpCommand):
    def __init__(self, session: ProjectSession, source: Span, target: Span, text: str) -> None:
        super().__init__(session, text)
        # The window's undo history opens one of these articles before an undo (the
        # one on show if it is one of them): a link is undone where it can be seen.
        self.doc_ids = frozenset((source.doc_id, target.doc_id))

    def failure_message(self) -> str:
        return QCoreApplication.translate("Attribution", "Link not saved: %1")

    def _changed(self) -> Changes:
        return Changes(documents=self.doc_ids, links=True)


class AddLink(LinkCommand):
    """``source -type_name-> target``; undo removes it."""

    def __init__(
        self,
        session: ProjectSession,
        type_name: str,
        source: Span,
        target: Span,
        type_display: str | None = None,
    ) -> None:
        super().__init__(
            session,
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

    def do(self) -> Changes:
        if self.link is None:
            self.link = links.add_link(self.store, self.type_name, self.source_id, self.target_id)
        else:
            links.restore_link(self.store, self.link)
        return self._changed()

    def undo_it(self) -> Changes:
        assert self.link is not None
        links.delete_link(self.store, self.link.id)
        return self._changed()


class DeleteLink(LinkCommand):
    def __init__(
        self,
        session: ProjectSession,
        resolved: links.ResolvedLink,
        type_display: str | None = None,
    ) -> None:
        super().__init__(
            session,
            resolved.source,
            resolved.target,
            QCoreApplication.translate("LinkCommand", "Unlink “%1” %2 “%3”")
            .replace("%1", short_text(resolved.source.text, 30))
            .replace("%2", type_display or resolved.link.type)
            .replace("%3", short_text(resolved.target.text, 30)),
        )
        self.link = resolved.link

    def do(self) -> Changes:
        links.delete_link(self.store, self.link.id)
        return self._changed()

    def undo_it(self) -> Changes:
        links.restore_link(self.store, self.link)
        return self._changed()

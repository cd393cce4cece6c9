"""Undoable note edits: writing, changing or removing one author's note on a span or an
article is one undo step. As with span commands, ``do()``/``undo_it()`` only call the
store, one transaction each, and say what changed; the session tells the views.

A note keeps its id and first time through undo and redo: undo puts back the note as
it was (or takes away the one the step made), redo puts back the note the step wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.changes import Changes
from annotator.core.models import Note
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.text_display import short_text


class EditNote(OpCommand):
    """Set ``author``'s note on a span (or the article, ``span_id`` None) to ``text``;
    an empty ``text`` removes it."""

    def __init__(
        self,
        session: ProjectSession,
        doc_id: str,
        span_id: str | None,
        author: str,
        text: str,
        span_text: str = "",
    ) -> None:
        super().__init__(session)
        self.doc_id = doc_id
        self.span_id = span_id
        self.author = author
        self.text_to_write = text.strip()
        self.span_text = span_text
        self.before: Note | None = session.store.note_by(doc_id, span_id, author)
        self.after: Note | None = None
        self.setText(self.describe())

    def describe(self) -> str:
        translate = QCoreApplication.translate
        if self.span_id is None:
            if not self.text_to_write:
                return translate("NoteCommand", "Remove the note on the article")
            return translate("NoteCommand", "Note on the article")
        quoted = short_text(self.span_text, 30)
        if not self.text_to_write:
            return translate("NoteCommand", "Remove the note on “%1”").replace("%1", quoted)
        return translate("NoteCommand", "Note on “%1”").replace("%1", quoted)

    def retranslate(self) -> None:
        self.setText(self.describe())

    def failure_message(self) -> str:
        return QCoreApplication.translate("NoteCommand", "Note not saved: %1")

    def _changed(self) -> Changes:
        return Changes(documents=frozenset({self.doc_id}), notes=True)

    def do(self) -> Changes:
        if not self.text_to_write:
            if self.before is not None:
                self.store.delete_note(self.before.id)
        elif self.after is None:
            self.after = self.store.write_note(
                self.doc_id, self.span_id, self.author, self.text_to_write
            )
        else:
            self.store.put_note(self.after)
        return self._changed()

    def undo_it(self) -> Changes:
        if self.before is not None:
            self.store.put_note(self.before)
        elif self.after is not None:
            self.store.delete_note(self.after.id)
        return self._changed()

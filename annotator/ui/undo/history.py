"""Undo and redo across articles, with menu texts in the interface's language.

The window keeps one ``QUndoStack`` for every article, so changing article loses no
history. An undo must still never change a text the user cannot see: before a step is
undone or redone, the article it belongs to is opened, then the step runs there.

Which article a step belongs to: a command says so with a ``doc_id`` attribute, or
holds what it changed in ``span``, ``before``, ``suggestion`` or ``change`` (each with a
``doc_id``), or names several articles in ``doc_ids`` (a link between two articles,
undone where the user is if it is one of them); a macro belongs to its first child's
article. A step that names no article runs where the user is.

``QUndoStack.createUndoAction`` fixes its "Undo %1" prefix when the action is made, so
its text stayed English after switching to French: these actions are ours, and their
texts are made again on every change of step, article or language; on a change of
language the steps already on the stack are named again too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from annotator.ui.text_display import as_typed, short_text

_HOLDERS = ("span", "before", "suggestion", "change")


def documents_of(command: QUndoCommand) -> list[str]:
    """The articles a command changes, as far as it says (see the module docstring)."""
    doc_id = getattr(command, "doc_id", None)
    if isinstance(doc_id, str):
        return [doc_id]
    for holder in _HOLDERS:
        doc_id = getattr(getattr(command, holder, None), "doc_id", None)
        if isinstance(doc_id, str):
            return [doc_id]
    several = getattr(command, "doc_ids", None)
    if isinstance(several, Iterable) and not isinstance(several, str):
        return sorted(str(item) for item in several)
    for number in range(command.childCount()):
        child = command.child(number)
        if child is not None and (found := documents_of(child)):
            return found
    return []


class UndoHistory(QObject):
    """The Edit menu's Undo and Redo, over a stack shared by every article."""

    def __init__(
        self,
        stack: QUndoStack,
        current_document: Callable[[], str | None],
        open_document: Callable[[str], None],
        title_of: Callable[[str], str | None],
        parent: QObject | None = None,
        shown_elsewhere: Callable[[], None] | None = None,
    ) -> None:
        """``shown_elsewhere`` runs after a step that opened another article (to scroll
        to what changed)."""
        super().__init__(parent)
        self._shown_elsewhere = shown_elsewhere
        self.stack = stack
        self._current_document = current_document
        self._open_document = open_document
        self._title_of = title_of
        self.undo_action = QAction(parent)
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(parent)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        stack.indexChanged.connect(self.refresh)
        stack.cleanChanged.connect(self.refresh)
        self.refresh()

    # -- what the actions do --------------------------------------------------------

    def undo(self) -> None:
        if not self.stack.canUndo():
            return
        moved = self._go_to(self.stack.command(self.stack.index() - 1))
        self.stack.undo()
        if moved and self._shown_elsewhere is not None:
            self._shown_elsewhere()

    def redo(self) -> None:
        if not self.stack.canRedo():
            return
        moved = self._go_to(self.stack.command(self.stack.index()))
        self.stack.redo()
        if moved and self._shown_elsewhere is not None:
            self._shown_elsewhere()

    def _go_to(self, command: QUndoCommand | None) -> bool:
        """Open the article of the step about to run, unless the user is in it."""
        target = self._elsewhere(command)
        if target is None:
            return False
        self._open_document(target)
        return self._current_document() == target

    def _elsewhere(self, command: QUndoCommand | None) -> str | None:
        """The article ``command`` would change, if the user is not reading it."""
        if command is None:
            return None
        documents = documents_of(command)
        if not documents or self._current_document() in documents:
            return None
        return documents[0]

    # -- texts ------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Name every step again in the new language (steps that know how: ``retranslate``)."""
        for number in range(self.stack.count()):
            retranslate = getattr(self.stack.command(number), "retranslate", None)
            if callable(retranslate):
                retranslate()
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Say again what Undo and Redo would do (after a step, an article, a language)."""
        if not shiboken6.isValid(self.stack):
            return  # the window is being torn down
        can_undo, can_redo = self.stack.canUndo(), self.stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo_step = self.stack.command(self.stack.index() - 1) if can_undo else None
        redo_step = self.stack.command(self.stack.index()) if can_redo else None
        self.undo_action.setText(
            self._text(self.tr("&Undo"), self.tr("&Undo %1"), self.stack.undoText(), undo_step)
        )
        self.redo_action.setText(
            self._text(self.tr("&Redo"), self.tr("&Redo %1"), self.stack.redoText(), redo_step)
        )

    def _text(self, bare: str, with_step: str, step_text: str, command: QUndoCommand | None) -> str:
        if not step_text:
            return bare
        described = as_typed(step_text)
        elsewhere = self._elsewhere(command)
        if elsewhere is not None:
            title = as_typed(short_text(self._title_of(elsewhere) or elsewhere))
            described = self.tr("%1 (in “%2”)").replace("%1", described).replace("%2", title)
        return with_step.replace("%1", described)



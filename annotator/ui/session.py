"""The project as the window's views share it: one store, one undo stack, one signal.

Every write the window makes runs through ``ProjectSession.apply``: usually from an
undo step (``OpCommand``), sometimes directly (an article's status, a finished import).
The write returns a ``Changes`` value and the session emits it once, on ``changed``;
each view listens and refreshes what it shows of it. Nothing else tells a view that
data changed, so a new view needs no list of who to notify, and no view calls another.

The article view is told first (``listen_first``): other views read where its spans sit
while they handle the same change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.store import Store


class ProjectSession(QObject):
    changed = Signal(object)
    """(Changes) after a write, on the UI thread."""
    failed = Signal(str, object)
    """(what to tell the user, the undo step or None) when the store refused a write."""

    def __init__(
        self, store: Store, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self._first: list[Callable[[Changes], None]] = []

    def listen_first(self, slot: Callable[[Changes], None]) -> None:
        """Call ``slot`` with every change before the ``changed`` signal goes out."""
        self._first.append(slot)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def apply(
        self,
        write: Callable[[], Changes],
        failure: str | None = None,
        origin: object | None = None,
    ) -> bool:
        """Run ``write``; announce what it changed, or why the store refused it.

        ``failure`` is the message template (``%1``: the store's reason). The project's
        own errors are the only ones caught: anything else is a bug and propagates."""
        try:
            changes = write()
        except AnnotatorError as error:
            template = failure or QCoreApplication.translate("ArticleView", "Not saved: %1")
            self.failed.emit(template.replace("%1", str(error)), origin)
            return False
        self.did_change(changes)
        return True

    def did_change(self, changes: Changes) -> None:
        """Tell every view (also for writes made elsewhere: a background task)."""
        if changes.labels:
            self.store.reload_label_set()
        for slot in self._first:
            slot(changes)
        self.changed.emit(changes)


class OpCommand(QUndoCommand):
    """An undo step whose ``do()`` and ``undo_it()`` each make one write and say what it
    changed. A step the store refuses (a span changed meanwhile, a full disk) marks the
    command obsolete, and Qt drops it from the stack instead of keeping a lie."""

    def __init__(self, session: ProjectSession, text: str = "") -> None:
        super().__init__(text)
        self.session = session

    @property
    def store(self) -> Store:
        return self.session.store

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_it(self) -> Changes:
        raise NotImplementedError

    def failure_message(self) -> str | None:
        """The template telling the user a step was refused (None: "Not saved: %1")."""
        return None

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, step: Callable[[], Changes]) -> None:
        def write() -> Changes:
            return replace(step(), origin=self)

        if not self.session.apply(write, self.failure_message(), origin=self):
            self.setObsolete(True)

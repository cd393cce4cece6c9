"""Undoable changes to the project's scheme: a label renamed everywhere, or any other
change to the label set (a colour, a retirement, an attribute, guidelines)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core import scheme
from annotator.core.changes import Changes
from annotator.core.models import LabelSet
from annotator.ui.session import OpCommand, ProjectSession

translate = QCoreApplication.translate


class ChangeScheme(OpCommand):
    """The label set replaced by ``after``; undo puts ``before`` back."""

    def __init__(
        self, session: ProjectSession, before: LabelSet, after: LabelSet, text: str
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after

    def do(self) -> Changes:
        self.store.set_label_set(self.after)
        return Changes(labels=True)

    def undo_it(self) -> Changes:
        self.store.set_label_set(self.before)
        return Changes(labels=True)


class RenameLabel(OpCommand):
    """A label renamed on every span, decision and link type, in one step."""

    def __init__(self, session: ProjectSession, old: str, new: str) -> None:
        super().__init__(
            session,
            translate("LabelsDialog", "Rename the label %1 to %2")
            .replace("%1", old)
            .replace("%2", new),
        )
        self.old = old
        self.new = new
        self.before: LabelSet | None = None

    def do(self) -> Changes:
        self.before = self.store.label_set()
        scheme.rename_label(self.store, self.old, self.new)
        return self._everywhere()

    def undo_it(self) -> Changes:
        assert self.before is not None
        self.store.rename_label(self.new, self.old, self.before)
        return self._everywhere()

    @staticmethod
    def _everywhere() -> Changes:
        # Every document's spans may carry the label: each view reads them again.
        return Changes(all_documents=True, labels=True, links=True, decisions=True)

"""What a feature of the window may ask of the window, and nothing more.

A feature (carry-over, attribution, review…) is built from the project session, the
article view and these slots, never from the whole ``MainWindow``: what it reads and
writes goes through the session, where it adds its menu entries and what it says in
the status bar go through here. ``MainWindow`` implements it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QSplitter, QWidget

from annotator.core.models import LabelSet
from annotator.ui.tasks import TaskRunner


class WindowSlots(Protocol):
    db_path: Path | str
    """The project file (or a server project's URL): background tasks open their own
    connection to it."""
    annotator: str
    tasks: TaskRunner
    document_menu: QMenu
    view_menu: QMenu
    file_menu: QMenu

    @property
    def language(self) -> str: ...

    def label_set(self) -> LabelSet: ...

    def current_document_id(self) -> str | None: ...

    def open_document(self, doc_id: str | None) -> None: ...

    def open_document_unfiltered(self, doc_id: str) -> None:
        """Open ``doc_id`` even if the article list's filters hide it (they are cleared)."""
        ...

    def when_document_opened(self, slot: Callable[[str], None]) -> None:
        """Call ``slot`` with the document's id each time an article is opened."""
        ...

    def window_action(self, name: str) -> QAction:
        """The window's own action of this object name (``undo``, ``redo``…)."""
        ...

    def add_menu_actions(self, after: str, actions: Sequence[QAction]) -> None:
        """Put these entries in the menu of the window's action named ``after``, just
        after it."""
        ...

    def right_column(self) -> QSplitter:
        """The right-hand column: the span panel, and the panels features add under it."""
        ...

    def show_message(self, message: str, milliseconds: int = 8000) -> None:
        """Say it in the status bar for a while."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget a feature's dialogs and progress windows belong to."""
        ...

    def add_status_widget(self, widget: QWidget) -> None:
        """Show ``widget`` for good at the status bar's right end."""
        ...

    def add_window_menu(self, menu: QMenu) -> None:
        """Put a feature's own menu in the menu bar, before Help."""
        ...

    def add_dock(self, dock: QDockWidget) -> None:
        """Dock a feature's panel at the window's right."""
        ...

    def resize_dock(self, dock: QDockWidget, width: int) -> None:
        """Give a docked panel this width, the article the rest."""
        ...

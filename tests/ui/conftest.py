"""Window fixtures shared by the UI tests: a project holding the seeds and a shown main
window. Settings live in a temporary file: no test reads or writes the user's preferences."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.importing.articles import import_paths
from annotator.core.store import Store


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def preferences(qapp, settings_path: Path):
    from PySide6.QtCore import QSettings

    from annotator.ui.preferences import Preferences

    return Preferences(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def seeded_project(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "project.db"
    with Store(path) as store:
        report = import_paths(store, [seeds_dir])
        assert report.imported >= 3, "the window tests need several sample articles"
    return path


@pytest.fixture
def open_window(qtbot, preferences) -> Iterator[Callable[..., object]]:
    """``open_window(db_path, annotator="alice")``: a shown window; closed afterwards."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n
    from annotator.ui.shell.main_window import MainWindow

    i18n.apply_language("en")
    opened: list[tuple[MainWindow, Store]] = []

    def make(db_path: Path, annotator: str = "alice") -> MainWindow:
        store = Store(db_path)
        window = MainWindow(store, db_path, annotator, preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # Window shortcuts (Ctrl+Z, F1, Ctrl+Enter) answer only in the active window.
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        # The window opens the last (or first) article.
        qtbot.waitUntil(
            lambda: (
                window.document_model.rowCount() == 0 or window.current_document_id() is not None
            )
        )
        opened.append((window, store))
        return window

    yield make
    i18n.apply_language("en")
    for window, store in opened:
        if shiboken6.isValid(window):
            window.tasks.wait()  # background work still holding the project ends first
            if window.isVisible():
                window.close()
            # Nothing may reach the store once it is closed.
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()

"""Starting the window: the QApplication, the language, who is annotating, the project."""

from __future__ import annotations

import gc
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.project.desktop_entry import APP_ID
from annotator.core.resources import resources_dir
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.preferences import APPLICATION, ORGANISATION, Preferences, user_settings
from annotator.ui.shell.main_window import MainWindow

STYLE_SHEET = """
QLabel#panelHeading { font-weight: 600; padding: 2px 2px 4px 2px; }
QLabel#hint { color: palette(placeholder-text); padding: 2px; }
QWidget#labelBar { border-bottom: 1px solid palette(mid); }
QWidget#labelButtons QToolButton { padding: 3px 5px; }
QTableView#documentTable::item, QTreeView#spanTree::item { padding: 3px 4px; }
QStatusBar QLabel { padding: 0 8px; }
"""


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    # Background work (suggestions, imports) runs on threads, and the UI thread calls
    # into Python many times per paint: it gets the interpreter back within 1 ms of
    # asking rather than Python's default 5 ms, so typing stays quick meanwhile.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("annotator")
    # The desktop entry's name (Wayland's app id) and the icon title bars and docks show.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "annotator.svg")))
    app.setStyleSheet(STYLE_SHEET)
    return app


def keep_startup_objects_out_of_collections() -> None:
    """What starting made (modules, the window, the article list) lives as long as the
    window. Frozen, it is no longer walked by every full garbage collection, a few of
    which run while a long article opens (its 10,000 rows are many new objects)."""
    gc.freeze()


def ask_annotator_name(default: str, parent: QWidget | None = None) -> str | None:
    name, accepted = QInputDialog.getText(
        parent,
        QApplication.translate("FirstRun", "Who is annotating?"),
        QApplication.translate(
            "FirstRun",
            "Your name is recorded on every span you make. You can change it later in Preferences.",
        ),
        QLineEdit.EchoMode.Normal,
        default,
    )
    return name.strip() if accepted and name.strip() else None


def choose_annotator(preferences: Preferences, given: str | None) -> str | None:
    """The name to annotate under: the command line's, else the saved one, else asked."""
    if given:
        if not preferences.annotator_name:
            preferences.annotator_name = given
        return given
    if preferences.annotator_name:
        return preferences.annotator_name
    asked = ask_annotator_name(login_name() or "annotator")
    if asked:
        preferences.annotator_name = asked
    return asked


def run(
    db_path: Path | str,
    annotator: str | None,
    paths: Sequence[Path],
    settings: QSettings | None = None,
) -> int:
    """Open the window on the project at ``db_path``, importing ``paths`` first.

    ``annotator`` is the name given on the command line, or None to use the saved one
    (asked on first run).
    """
    app = create_application()
    preferences = Preferences(settings or user_settings())
    i18n.apply_language(preferences.language)
    name = choose_annotator(preferences, annotator)
    if not name:
        # Cancelled: nothing was opened nor changed; say so rather than vanish.
        print(
            QApplication.translate(
                "FirstRun",
                "No name given, so the window did not open. Every span records who made "
                "it: give your name when asked, or with --annotator NAME.",
            ),
            file=sys.stderr,
        )
        return 0
    try:
        store = Store.writable_or_read_only(db_path)
    except AnnotatorError as error:
        QMessageBox.critical(
            None, QApplication.translate("FirstRun", "Cannot open the project"), str(error)
        )
        return 1
    try:
        window = MainWindow(store, db_path, name, preferences)
        window.show()
        keep_startup_objects_out_of_collections()
        if paths:
            window.start_import(list(paths))
        elif store.document_count() == 0:
            QTimer.singleShot(0, window.offer_first_documents)
        return int(app.exec())
    finally:
        store.close()

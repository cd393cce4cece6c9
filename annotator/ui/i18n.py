"""Interface language: installs our French translation and Qt's own for its dialogs,
or, in English, only the plural forms.

Installing or removing a translator sends every widget a LanguageChange event; each
panel answers it by setting its texts again (``retranslate``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from annotator.core.resources import resources_dir

_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def current_language() -> str:
    return _current


def apply_language(language: str) -> bool:
    """Show the interface in ``language`` ("en" or "fr"); False if its file is missing."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before choosing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    QLocale.setDefault(QLocale(QLocale.Language.English))
    if language == "en":
        # The source strings are English; the English file holds only plural forms
        # ("%n span(s)" -> "1 span", "2 spans"). Widgets need the event either way.
        plurals = QTranslator(app)
        if plurals.load("annotator_en", str(translations_dir())):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        return True
    ours = QTranslator(app)
    if not ours.load(f"annotator_{language}", str(translations_dir())):
        return False
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language
    QLocale.setDefault(QLocale(language))
    return True

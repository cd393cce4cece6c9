"""The user's preferences (QSettings) and the dialog that edits them.

Everything the window remembers between sessions goes through ``Preferences``, so a
test can hand the window a settings file of its own and never touch the user's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.key_bindings import Binding
from annotator.ui.shortcut_editor import ShortcutEditor

ORGANISATION = "annotator"
APPLICATION = "annotator"
PORTABLE = QKeySequence.SequenceFormat.PortableText
SYSTEM_LANGUAGE = "system"
UI_LANGUAGES = ("en", "fr")


def user_settings() -> QSettings:
    """The user's own settings file (an INI file, readable and easy to reset)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def system_language() -> str:
    """The UI language the system locale asks for, among those we ship (else English)."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in UI_LANGUAGES:
            return code
    return "en"


def _project_key(db_path: Path | str) -> str:
    # QSettings keys cannot hold every character of a path; a digest can.
    return hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]


class Preferences:
    """Typed access to the settings; nothing else reads or writes QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _text(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return str(value) if value is not None else default

    # -- who and which language ------------------------------------------------

    @property
    def annotator_name(self) -> str:
        return self._text("annotator/name").strip()

    @annotator_name.setter
    def annotator_name(self, name: str) -> None:
        self.settings.setValue("annotator/name", name.strip())

    @property
    def language_choice(self) -> str:
        """``system``, ``en`` or ``fr``: what the user picked."""
        choice = self._text("ui/language", SYSTEM_LANGUAGE)
        return choice if choice in (SYSTEM_LANGUAGE, *UI_LANGUAGES) else SYSTEM_LANGUAGE

    @language_choice.setter
    def language_choice(self, choice: str) -> None:
        self.settings.setValue("ui/language", choice)

    @property
    def language(self) -> str:
        """The language the interface is shown in."""
        choice = self.language_choice
        return system_language() if choice == SYSTEM_LANGUAGE else choice

    # -- how the article is shown --------------------------------------------

    @property
    def word_snapping(self) -> bool:
        return self._text("article/word_snapping", "true").lower() == "true"

    @word_snapping.setter
    def word_snapping(self, on: bool) -> None:
        self.settings.setValue("article/word_snapping", "true" if on else "false")

    # -- suggestions -------------------------------------------------------

    @property
    def show_suggestions(self) -> bool:
        return self._text("suggestions/show", "true").lower() == "true"

    @show_suggestions.setter
    def show_suggestions(self, on: bool) -> None:
        self.settings.setValue("suggestions/show", "true" if on else "false")

    @property
    def suggest_with_model(self) -> bool:
        """Off unless asked for: loading spaCy costs a second and a few hundred MB."""
        return self._text("suggestions/model", "false").lower() == "true"

    @suggest_with_model.setter
    def suggest_with_model(self, on: bool) -> None:
        self.settings.setValue("suggestions/model", "true" if on else "false")

    # -- keys ------------------------------------------------------------------------

    def shortcuts(self, command: str) -> list[str] | None:
        """The keys the user chose for ``command`` (portable text), or None: the default."""
        value = self.settings.value(f"shortcuts/{command}")
        if value is None:
            return None
        text = str(value)
        keys = QKeySequence.listFromString(text, PORTABLE)
        return [key.toString(PORTABLE) for key in keys if not key.isEmpty()]

    def set_shortcuts(self, command: str, keys: list[str] | None) -> None:
        if keys is None:
            self.settings.remove(f"shortcuts/{command}")
        else:
            chosen = [QKeySequence(key) for key in keys]
            self.settings.setValue(
                f"shortcuts/{command}", QKeySequence.listToString(chosen, PORTABLE)
            )

    # -- projects --------------------------------------------------------------------

    def recent_projects(self) -> list[Path]:
        """The projects opened lately, the latest first."""
        value = self.settings.value("projects/recent")
        paths = value if isinstance(value, list) else [value] if value else []
        return [Path(str(path)) for path in paths]

    def add_recent_project(self, db_path: Path | str, keep: int = 8) -> None:
        path = Path(db_path).resolve()
        others = [known for known in self.recent_projects() if known != path]
        self.settings.setValue("projects/recent", [str(known) for known in [path, *others][:keep]])

    # -- where the user left off -------------------------------------------------

    def last_document(self, db_path: Path | str) -> str | None:
        return self._text(f"projects/{_project_key(db_path)}/last_document") or None

    def set_last_document(self, db_path: Path | str, doc_id: str | None) -> None:
        self.settings.setValue(f"projects/{_project_key(db_path)}/last_document", doc_id or "")

    def window_state(self, name: str) -> QByteArray | None:
        value = self.settings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, name: str, state: QByteArray) -> None:
        self.settings.setValue(f"window/{name}", state)

    def sync(self) -> None:
        self.settings.sync()


class PreferencesDialog(QDialog):
    """Name, interface language, word snapping and, on their own page, the keys."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        bindings: Sequence[Binding] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit(preferences.annotator_name)
        self.name_edit.setObjectName("annotatorName")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.language_combo.addItem(self.tr("System language"), SYSTEM_LANGUAGE)
        # Each language is named in itself, so a user lost in the wrong one finds theirs.
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(preferences.language_choice))
        )
        self.snapping_check = QCheckBox(self.tr("Snap selections to whole words"))
        self.snapping_check.setChecked(preferences.word_snapping)
        self.model_check = QCheckBox(self.tr("Suggest people and organisations with spaCy"))
        self.model_check.setObjectName("suggestWithModel")
        self.model_check.setChecked(preferences.suggest_with_model)

        self.name_edit.setAccessibleDescription(
            self.tr("Recorded on every span you make from now on.")
        )
        self.language_combo.setAccessibleDescription(
            self.tr("The language of menus and messages; the system's unless you pick one.")
        )
        self.snapping_check.setAccessibleDescription(
            self.tr("A selection widens to whole words and drops the punctuation around them.")
        )
        self.model_check.setAccessibleDescription(
            self.tr("Loads spaCy's model, which takes a few seconds and some memory.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow(self.tr("Interface language:"), self.language_combo)
        form.addRow("", self.snapping_check)
        form.addRow("", self.model_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        general.setLayout(form)
        self.shortcut_editor = ShortcutEditor(bindings)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.shortcut_editor, self.tr("Keyboard shortcuts"))
        self.tabs.setTabToolTip(0, self.tr("Your name, the interface language, selections."))
        self.tabs.setTabToolTip(1, self.tr("The keys of every command, which you can change."))
        describe_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _accept_if_named(self) -> None:
        if not self.name_edit.text().strip():
            self.tabs.setCurrentIndex(0)
            self.name_edit.setFocus()
        elif self.shortcut_editor.problem() is not None:
            self.tabs.setCurrentWidget(self.shortcut_editor)
        else:
            self.accept()

    def shortcuts(self) -> dict[str, list[QKeySequence]]:
        """The keys changed on the shortcuts page, by command."""
        return self.shortcut_editor.chosen()

    def annotator_name(self) -> str:
        return self.name_edit.text().strip()

    def language_choice(self) -> str:
        return str(self.language_combo.currentData())

    def word_snapping(self) -> bool:
        return self.snapping_check.isChecked()

    def suggest_with_model(self) -> bool:
        return self.model_check.isChecked()

"""Project → Labels…: the scheme's labels edited in the window.

The table lists every label (retired ones greyed, still there for their spans); the
form under it edits the selected one: its name (a rename reaches every span), its
English and French names, key, colour (checked for contrast and against the other
labels for colour-blind readers as it is typed), its attributes and its guidelines in
the interface's language. Each save is one undo step in the Edit menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import scheme
from annotator.core.changes import Changes
from annotator.core.colour_checks import colour_problems
from annotator.core.errors import AnnotatorError
from annotator.core.models import ATTRIBUTE_KINDS, Label, LabelSet
from annotator.ui import i18n
from annotator.ui.scheme.commands import ChangeScheme, RenameLabel
from annotator.ui.shell.label_bar import colour_swatch, shortcut_text

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

COLUMNS = 6


class LabelsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("labelsDialog")
        self.window_ = window
        self.session = window.session
        self.resize(900, 800)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("labelsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Every label of a usual scheme in sight, above the form that edits one.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 8)
        self.table.itemSelectionChanged.connect(self._selected)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("labelName")
        self.name_edit.textChanged.connect(self._check_colour)
        self.english_edit = QLineEdit()
        self.english_edit.setObjectName("labelEnglish")
        self.french_edit = QLineEdit()
        self.french_edit.setObjectName("labelFrench")
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("labelKey")
        self.key_edit.setMaxLength(1)
        self.colour_edit = QLineEdit()
        self.colour_edit.setObjectName("labelColour")
        self.colour_edit.setMaxLength(7)
        self.colour_edit.textChanged.connect(self._check_colour)
        self.pick_colour = QPushButton()
        self.pick_colour.setObjectName("pickColour")
        self.pick_colour.clicked.connect(self._pick_colour)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("labelKind")
        self.colour_warning = QLabel()
        self.colour_warning.setObjectName("colourWarning")
        self.colour_warning.setWordWrap(True)
        self.keep_colour = QCheckBox()
        self.keep_colour.setObjectName("keepColour")
        self.guidelines_edit = QPlainTextEdit()
        self.guidelines_edit.setObjectName("labelGuidelines")
        self.guidelines_edit.setTabChangesFocus(True)
        self.guidelines_edit.setMaximumHeight(110)

        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_edit)
        colour_row.addWidget(self.pick_colour)
        self.form = QFormLayout()
        self.name_caption = QLabel()
        self.english_caption = QLabel()
        self.french_caption = QLabel()
        self.key_caption = QLabel()
        self.colour_caption = QLabel()
        self.kind_caption = QLabel()
        self.guidelines_caption = QLabel()
        for caption, field in (
            (self.name_caption, self.name_edit),
            (self.english_caption, self.english_edit),
            (self.french_caption, self.french_edit),
            (self.key_caption, self.key_edit),
            (self.colour_caption, colour_row),
            (self.kind_caption, self.kind_combo),
            (self.guidelines_caption, self.guidelines_edit),
        ):
            self.form.addRow(caption, field)
            caption.setBuddy(field if isinstance(field, QWidget) else self.colour_edit)
        self.form.addRow("", self.colour_warning)
        self.form.addRow("", self.keep_colour)

        self.save_button = QPushButton()
        self.save_button.setObjectName("saveLabel")
        self.save_button.clicked.connect(self.save_selected)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLabel")
        self.add_button.clicked.connect(self.add_new)
        self.retire_button = QPushButton()
        self.retire_button.setObjectName("retireLabel")
        self.retire_button.clicked.connect(self.toggle_retired)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.add_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.attributes_box = QGroupBox()
        self.attribute_list = QListWidget()
        self.attribute_list.setObjectName("attributeList")
        self.attribute_list.setMaximumHeight(90)
        self.attribute_name = QLineEdit()
        self.attribute_name.setObjectName("attributeName")
        self.attribute_kind = QComboBox()
        self.attribute_kind.setObjectName("attributeKind")
        self.attribute_choices = QLineEdit()
        self.attribute_choices.setObjectName("attributeChoices")
        self.attribute_key = QLineEdit()
        self.attribute_key.setObjectName("attributeKey")
        self.attribute_key.setMaxLength(1)
        self.attribute_key.setMaximumWidth(40)
        self.add_attribute_button = QPushButton()
        self.add_attribute_button.setObjectName("addAttribute")
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self.remove_attribute_button = QPushButton()
        self.remove_attribute_button.setObjectName("removeAttribute")
        self.remove_attribute_button.clicked.connect(self.remove_attribute)
        attribute_row = QHBoxLayout()
        for widget in (
            self.attribute_name,
            self.attribute_kind,
            self.attribute_choices,
            self.attribute_key,
            self.add_attribute_button,
            self.remove_attribute_button,
        ):
            attribute_row.addWidget(widget)
        attribute_layout = QVBoxLayout(self.attributes_box)
        attribute_layout.addWidget(self.attribute_list)
        attribute_layout.addLayout(attribute_row)

        self.message = QLabel()
        self.message.setObjectName("labelsMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.attributes_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.session.changed.connect(self._on_changes)
        self.retranslate()
        self.refresh()
        if self.table.rowCount():
            self.table.selectRow(0)

    # -- what is shown ---------------------------------------------------------------

    @property
    def label_set(self) -> LabelSet:
        return self.session.store.label_set()

    def selected(self) -> Label | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return self.label_set.get(str(name))

    def refresh(self, keep: str | None = None) -> None:
        language = i18n.current_language()
        current = keep or (label.name if (label := self.selected()) else None)
        counts = self.session.store.span_counts_by_label()
        labels = self.label_set.labels
        self.table.blockSignals(True)
        self.table.setRowCount(len(labels))
        for row, label in enumerate(labels):
            retired = self.tr("retired") if label.retired else ""
            cells = [
                label.name,
                label.display_name(language),
                shortcut_text(label),
                label.color,
                ", ".join(a.name for a in label.attributes),
                " · ".join(
                    part
                    for part in (self.tr("%n span(s)", "", counts.get(label.name, 0)), retired)
                    if part
                ),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, label.name)
                if label.retired:
                    item.setForeground(self.palette().placeholderText())
                if column == 0:
                    item.setIcon(
                        colour_swatch(label.color, 16, underline=label.kind == "statement")
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        for row, label in enumerate(labels):
            if label.name == current:
                self.table.selectRow(row)
        self._selected()

    def _selected(self) -> None:
        label = self.selected()
        language = i18n.current_language()
        for field in (self.name_edit, self.english_edit, self.french_edit, self.key_edit):
            field.clear()
        if label is None:
            self.attribute_list.clear()
            return
        self.name_edit.setText(label.name)
        self.english_edit.setText(label.display.get("en", ""))
        self.french_edit.setText(label.display.get("fr", ""))
        self.key_edit.setText(label.key)
        self.colour_edit.setText(label.color)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(label.kind)))
        self.guidelines_edit.setPlainText(label.guidelines.get(language, ""))
        self.retire_button.setText(self.tr("&Bring back") if label.retired else self.tr("Re&tire"))
        self.attribute_list.clear()
        for definition in label.attributes:
            values = f": {', '.join(definition.choices)}" if definition.choices else ""
            key = f" [{definition.key.upper()}]" if definition.key else ""
            self.attribute_list.addItem(
                f"{definition.display_name(language)} ({definition.kind}){key}{values}"
            )
        self.keep_colour.setChecked(False)
        self._check_colour()

    def _check_colour(self) -> None:
        colour = self.colour_edit.text().strip().upper()
        label = self.selected()
        # A name typed anew is a label to add: it must stand apart from every label.
        editing = label is not None and self.name_edit.text().strip() in ("", label.name)
        others = [
            (other.name, other.color)
            for other in self.label_set.active
            if not editing or label is None or other.name != label.name
        ]
        if len(colour) != 7 or not colour.startswith("#"):
            self.colour_warning.setText(self.tr("A colour is #RRGGBB."))
            return
        try:
            QColor(colour)
            problems = colour_problems(colour, others)
        except ValueError:
            self.colour_warning.setText(self.tr("A colour is #RRGGBB."))
            return
        self.colour_warning.setText(
            "\n".join(
                self.tr("Hard to see on the page (%1).").replace("%1", problem.detail)
                if problem.kind == "invisible"
                else self.tr("Looks like %1 for colour-blind readers (%2).")
                .replace("%1", problem.other or "")
                .replace("%2", problem.detail)
                for problem in problems
            )
        )
        self.colour_warning.setStyleSheet("color: #B00020;" if problems else "")

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour_edit.text()), self)
        if chosen.isValid():
            self.colour_edit.setText(chosen.name().upper())

    # -- changes ---------------------------------------------------------------------

    def _push(self, after: LabelSet, text: str) -> None:
        before = self.label_set
        if after == before:
            return
        self.session.push(ChangeScheme(self.session, before, after, text))

    def _refused(self, error: AnnotatorError | ValueError) -> None:
        self.message.setText(self.tr("Not changed: %1").replace("%1", str(error)))

    def save_selected(self) -> None:
        label = self.selected()
        if label is None:
            return
        new_name = self.name_edit.text().strip()
        language = i18n.current_language()
        try:
            after = scheme.with_fields(
                self.label_set,
                label.name,
                display={
                    "en": self.english_edit.text().strip() or label.name,
                    "fr": self.french_edit.text().strip() or label.name,
                },
                key=self.key_edit.text().strip() or None,
                kind=self.kind_combo.currentData(),
            )
            if self.colour_edit.text().strip().upper() != label.color:
                after = scheme.with_colour(
                    after,
                    label.name,
                    self.colour_edit.text().strip(),
                    check=not self.keep_colour.isChecked(),
                )
            written = self.guidelines_edit.toPlainText().strip()
            if written != label.guidelines.get(language, ""):
                after = scheme.with_guidelines(after, label.name, language, written)
            if new_name != label.name:
                scheme.with_renamed(after, label.name, new_name)  # refused before any step
        except AnnotatorError as error:
            self._refused(error)
            return
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Change the label %1").replace("%1", label.name))
        self._push(after, self.tr("Change the label %1").replace("%1", label.name))
        if new_name != label.name:
            self.session.push(RenameLabel(self.session, label.name, new_name))
        stack.endMacro()
        self.message.setText(self.tr("Saved."))
        self.refresh(keep=new_name)

    def add_new(self) -> None:
        name = self.name_edit.text().strip()
        selected = self.selected()
        if selected is not None and name == selected.name:
            self._refused(scheme.SchemeError(self.tr("type the new label's name first")))
            return
        try:
            after = scheme.with_new_label(
                self.label_set,
                name,
                display={
                    "en": self.english_edit.text().strip() or name,
                    "fr": self.french_edit.text().strip() or name,
                },
                key=self.key_edit.text().strip() or None,
                colour=self.colour_edit.text().strip() or None,
                kind=self.kind_combo.currentData(),
                check_colour=not self.keep_colour.isChecked(),
            )
        except AnnotatorError as error:
            self._refused(error)
            return
        self._push(after, self.tr("Add the label %1").replace("%1", name))
        self.message.setText(self.tr("Added."))
        self.refresh(keep=name)

    def toggle_retired(self) -> None:
        label = self.selected()
        if label is None:
            return
        try:
            after = scheme.with_retired(self.label_set, label.name, not label.retired)
        except AnnotatorError as error:
            self._refused(error)
            return
        text = (
            self.tr("Bring back the label %1") if label.retired else self.tr("Retire the label %1")
        )
        self._push(after, text.replace("%1", label.name))
        self.refresh(keep=label.name)

    def add_attribute(self) -> None:
        label = self.selected()
        if label is None:
            return
        choices = [
            part.strip() for part in self.attribute_choices.text().split(",") if part.strip()
        ]
        try:
            definition = scheme.attribute(
                self.attribute_name.text().strip(),
                str(self.attribute_kind.currentData()),
                choices,
                key=self.attribute_key.text().strip() or None,
            )
            after = scheme.with_attribute(self.label_set, label.name, definition)
        except AnnotatorError as error:
            self._refused(error)
            return
        self._push(
            after,
            self.tr("Attribute %1 of %2").replace("%1", definition.name).replace("%2", label.name),
        )
        for field in (self.attribute_name, self.attribute_choices, self.attribute_key):
            field.clear()
        self.refresh(keep=label.name)

    def remove_attribute(self) -> None:
        label = self.selected()
        row = self.attribute_list.currentRow()
        if label is None or not 0 <= row < len(label.attributes):
            return
        name = label.attributes[row].name
        after = scheme.without_attribute(self.label_set, label.name, name)
        self._push(
            after,
            self.tr("Remove the attribute %1 of %2").replace("%1", name).replace("%2", label.name),
        )
        self.refresh(keep=label.name)

    def _on_changes(self, changes: Changes) -> None:
        if changes.labels:
            self.refresh()

    # -- words -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Labels"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Shown as"),
                self.tr("Keys"),
                self.tr("Colour"),
                self.tr("Attributes"),
                self.tr("Spans"),
            ]
        )
        self.name_caption.setText(self.tr("&Name:"))
        self.english_caption.setText(self.tr("In &English:"))
        self.french_caption.setText(self.tr("In &French:"))
        self.key_caption.setText(self.tr("&Key:"))
        self.colour_caption.setText(self.tr("&Colour:"))
        self.kind_caption.setText(self.tr("&Drawn as:"))
        self.guidelines_caption.setText(self.tr("&Guidelines (Markdown):"))
        self.pick_colour.setText(self.tr("&Pick…"))
        self.keep_colour.setText(self.tr("Keep this colour anyway"))
        self.save_button.setText(self.tr("&Save changes"))
        self.add_button.setText(self.tr("&Add as a new label"))
        self.attributes_box.setTitle(self.tr("Attributes of its spans"))
        self.attribute_name.setPlaceholderText(self.tr("name, e.g. verdict"))
        self.attribute_choices.setPlaceholderText(self.tr("values, separated by commas"))
        self.attribute_key.setPlaceholderText(self.tr("key"))
        self.add_attribute_button.setText(self.tr("Add / change"))
        self.remove_attribute_button.setText(self.tr("Remove"))
        kind = self.kind_combo.currentData()
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("a background (an entity)"), "entity")
        self.kind_combo.addItem(self.tr("an underline (a statement)"), "statement")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        names = {
            "choice": self.tr("a choice"),
            "text": self.tr("free text"),
            "number": self.tr("a number"),
            "yes/no": self.tr("yes or no"),
        }
        self.attribute_kind.clear()
        for value in ATTRIBUTE_KINDS:
            self.attribute_kind.addItem(names[value], value)
        self._selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

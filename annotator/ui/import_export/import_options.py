"""The choices of an import of files annotated in other tools, asked after the files
are chosen: what ``annotator import`` takes as ``--as``, ``--map``, ``--map-file``,
``--offsets``, ``--format``, ``--add-labels``, ``--predictions`` and ``--partial``. They are checked
by the core's ``ImportRequest``, as the command checks them, and a choice it refuses is
said here in the interface's language while Import waits."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import ChoiceError, InputError
from annotator.core.importing.request import ImportRequest
from annotator.core.models import LabelSet
from annotator.ui import file_dialogs
from annotator.ui.dialog_buttons import describe_buttons


def choice_problem(error: InputError) -> str:
    """What is wrong with a choice, in the interface's language (the core says it in
    English, with what is wrong and with what)."""
    translate = QCoreApplication.translate
    if isinstance(error, ChoiceError):
        values = error.values
        if error.kind == "unreadable map":
            return translate(
                "ImportOptions",
                "Cannot read “%1”: write THEIRS=OURS pairs separated by commas. A label "
                "with a comma or “=” in it goes alone on its line, or in a map file.",
            ).replace("%1", values.get("text", ""))
        if error.kind == "mapped twice":
            # Filled in one pass: another tool's label may itself hold "%2".
            return re.sub(
                r"%([123])",
                lambda found: values.get(("source", "first", "second")[int(found[1]) - 1], ""),
                translate("ImportOptions", "“%1” is mapped to both “%2” and “%3”."),
            )
        if error.kind == "map file not names":
            return translate(
                "ImportOptions",
                "%1: the map file must hold a JSON object of label names, "
                "{\"THEIRS\": \"OURS\", …}.",
            ).replace("%1", error.path)
        return str(error)  # a choice the dialog does not offer to type (a unit, a format)
    return translate("ImportOptions", "The map file cannot be used: %1").replace(
        "%1", str(error)
    )


FORMAT_NAMES = {
    "gold": "annotator (gold JSONL)",
    "doccano": "doccano",
    "labelstudio": "Label Studio",
    "prodigy": "Prodigy",
    "brat": "brat",
    "webanno": "INCEpTION / WebAnno TSV",
    "suggestions": "annotator suggest --json",
}
"""The tools ``--format`` names, as their own names are written (not translated)."""


class ImportOptionsDialog(QDialog):
    """Layer, label map, offsets and labels for the annotated files about to be imported."""

    def __init__(self, label_set: LabelSet, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importOptionsDialog")
        self.setWindowTitle(self.tr("Import annotated files"))
        self._request: ImportRequest | None = ImportRequest()

        intro = QLabel(
            self.tr(
                "Some of the chosen files were annotated in another tool. How should their "
                "spans come in? Articles are imported as they are."
            )
        )
        intro.setWordWrap(True)

        self.layer_edit = QLineEdit()
        self.layer_edit.setObjectName("importLayer")
        self.layer_edit.setPlaceholderText(self.tr("the file's name"))

        self.map_edit = QPlainTextEdit()
        self.map_edit.setObjectName("importLabelMap")
        self.map_edit.setTabChangesFocus(True)
        self.map_edit.setPlaceholderText(self.tr("PER=person, ORG=organisation"))
        self.map_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        names = ", ".join(
            f"{label.display_name(language)} ({label.name})" for label in label_set.active
        )
        self.labels_note = QLabel(self.tr("The project's labels: %1").replace("%1", names))
        self.labels_note.setObjectName("importProjectLabels")
        self.labels_note.setWordWrap(True)

        self.map_file_edit = QLineEdit()
        self.map_file_edit.setObjectName("importMapFile")
        self.map_file_edit.setPlaceholderText(self.tr("none"))
        self.map_file_button = QPushButton(self.tr("Choose…"))
        self.map_file_button.setObjectName("importMapFileBrowse")
        self.map_file_button.clicked.connect(self._choose_map_file)
        map_file_row = QHBoxLayout()
        map_file_row.addWidget(self.map_file_edit, 1)
        map_file_row.addWidget(self.map_file_button)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("importFormat")
        self.format_combo.addItem(self.tr("Recognised from each file"), "auto")
        for name, shown in FORMAT_NAMES.items():
            self.format_combo.addItem(shown, name)

        self.offsets_combo = QComboBox()
        self.offsets_combo.setObjectName("importOffsets")
        self.offsets_combo.addItem(self.tr("Detect from the span text"), "auto")
        self.offsets_combo.addItem(self.tr("Code points"), "codepoints")
        self.offsets_combo.addItem(self.tr("UTF-16 code units"), "utf16")

        self.add_labels_check = QCheckBox(
            self.tr("&Add the labels and link types the project lacks")
        )
        self.add_labels_check.setObjectName("importAddLabels")
        self.predictions_check = QCheckBox(
            self.tr("Label Studio: import its &predictions too, as suggestions")
        )
        self.predictions_check.setObjectName("importPredictions")
        self.partial_check = QCheckBox(
            self.tr("Keep a file's good records when some of its records are &refused")
        )
        self.partial_check.setObjectName("importPartial")

        self.problem = QLabel()
        self.problem.setObjectName("importProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Layer (annotator):"), self.layer_edit)
        form.addRow(self.tr("Label &map:"), self.map_edit)
        form.addRow("", self.labels_note)
        form.addRow(self.tr("Map &file:"), map_file_row)
        form.addRow(self.tr("&Offsets:"), self.offsets_combo)
        form.addRow(self.tr("Wri&tten by:"), self.format_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        self._describe_controls()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.add_labels_check)
        layout.addWidget(self.predictions_check)
        layout.addWidget(self.partial_check)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.layer_edit.textChanged.connect(self._check)
        self.map_edit.textChanged.connect(self._check)
        self.map_file_edit.textChanged.connect(self._check)
        self.offsets_combo.currentIndexChanged.connect(self._check)
        self.format_combo.currentIndexChanged.connect(self._check)
        for check in (self.add_labels_check, self.predictions_check, self.partial_check):
            check.toggled.connect(self._check)
        self._check()

    def _describe_controls(self) -> None:
        self.layer_edit.setToolTip(
            self.tr(
                "The annotator whose layer gets the spans of a file that names none; "
                "empty: the file's name."
            )
        )
        self.map_edit.setAccessibleName(self.tr("Label map"))
        self.map_edit.setToolTip(
            self.tr(
                "Their labels (and relation types) to the project's: THEIRS=OURS pairs "
                "separated by commas, on one or more lines."
            )
        )
        self.labels_note.setToolTip(self.tr("The labels a map can name."))
        self.map_file_edit.setAccessibleName(self.tr("Map file"))
        self.map_file_edit.setToolTip(
            self.tr("A JSON object of their labels to the project's; any label can be mapped so.")
        )
        self.map_file_button.setToolTip(self.tr("Pick the map file in a file dialog."))
        self.offsets_combo.setToolTip(
            self.tr("What the files' offsets count: detected unless you know it.")
        )
        self.format_combo.setToolTip(
            self.tr(
                "Which tool wrote the files, when their shape does not tell; then every "
                "chosen file is read as that tool's."
            )
        )
        self.add_labels_check.setToolTip(
            self.tr("Otherwise the spans and links of a label the project lacks are refused.")
        )
        self.predictions_check.setToolTip(
            self.tr("Not only the annotations of a Label Studio export.")
        )
        self.partial_check.setToolTip(
            self.tr("By default a file with a refused record is not imported at all.")
        )
        self.problem.setToolTip(self.tr("Why the choices cannot be used as they are."))

    # -- what the window asks -----------------------------------------------------------

    def request(self) -> ImportRequest | None:
        """The checked choices, or None while one of them is refused."""
        return self._request

    # -- reactions ---------------------------------------------------------------------

    def _choices(self) -> ImportRequest:
        map_file = self.map_file_edit.text().strip()
        return ImportRequest.from_choices(
            as_name=self.layer_edit.text(),
            maps=self.map_edit.toPlainText().splitlines(),
            map_files=[Path(map_file)] if map_file else [],
            add_labels=self.add_labels_check.isChecked(),
            offsets=str(self.offsets_combo.currentData()),
            format_name=str(self.format_combo.currentData()),
            predictions=self.predictions_check.isChecked(),
            partial=self.partial_check.isChecked(),
        )

    def _check(self, *_: object) -> None:
        try:
            self._request = self._choices()
        except InputError as error:
            self._request = None
            self.problem.setText(choice_problem(error))
            self.problem.show()
        else:
            self.problem.hide()
        self.import_button.setEnabled(self._request is not None)

    def _choose_map_file(self) -> None:
        chosen = file_dialogs.open_file_name(
            self, self.tr("Choose a label map"), "", self.tr("JSON files (*.json);;All files (*)")
        )
        if chosen:
            self.map_file_edit.setText(chosen)

    def accept(self) -> None:
        self._check()
        if self._request is not None:
            super().accept()

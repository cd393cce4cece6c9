"""Export from the window: which format, where, and which spans (the ``export`` command's
options), then what a lossy format left out.

The dialog only gathers choices into an :class:`ExportChoice`; the window runs the export
off the UI thread (``tasks.export_task``) and shows :class:`ExportReportDialog` when the
format dropped, trimmed or expanded spans, since a silent loss is a wrong dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.files.output_paths import output_refusal
from annotator.core.formats.export import ExportOptions
from annotator.core.formats.registry import ALL_FORMATS, FOLDER_FORMATS
from annotator.core.models import GOLD_LAYER, LabelSet
from annotator.core.splits import BadSplit, SplitSpec, parse_split
from annotator.core.store.postgres import beside_the_project
from annotator.ui import file_dialogs
from annotator.ui.dialog_buttons import describe_buttons
from annotator.ui.text_display import as_typed

TOKEN_FORMATS = ("spacy", "conll", "hf", "prodigy")
"""Formats that hold whole tokens only: a span that cuts a token is aligned or dropped."""
SUFFIXES = {
    "jsonl": ".jsonl",
    "spacy": ".spacy",
    "conll": ".conll",
    "doccano": ".doccano.jsonl",
    "labelstudio": ".labelstudio.json",
    "prodigy": ".prodigy.jsonl",
    "claimreview": ".claimreview.jsonld",
}
ALL_ANNOTATORS = ""


@dataclass(frozen=True)
class ExportChoice:
    format_name: str
    path: Path
    options: ExportOptions
    align: str = "strict"
    split: SplitSpec | None = None


def default_target(project: Path | str, format_name: str) -> Path:
    db_path = beside_the_project(project)
    if format_name in FOLDER_FORMATS:
        return db_path.with_name(f"{db_path.stem}-{format_name}")
    return db_path.with_name(db_path.stem + SUFFIXES[format_name])


class ExportDialog(QDialog):
    """Format, file, status, annotator and labels, as ``annotator export`` takes them."""

    def __init__(
        self,
        db_path: Path | str,
        label_set: LabelSet,
        annotators: list[str],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the dataset"))
        self.db_path = db_path
        self._path_edited = False

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        descriptions = self._format_descriptions()
        for name in ALL_FORMATS:
            self.format_combo.addItem(descriptions.get(name, name), name)
        self.format_note = QLabel()
        self.format_note.setObjectName("exportFormatNote")
        self.format_note.setWordWrap(True)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.textEdited.connect(self._path_typed)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setObjectName("exportBrowse")
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("exportStatus")
        self.status_combo.addItem(self.tr("Any article with spans or a status"), "any")
        self.status_combo.addItem(self.tr("Articles marked done (or reviewed)"), "done")
        self.status_combo.addItem(self.tr("Reviewed articles only"), "reviewed")

        self.annotator_combo = QComboBox()
        self.annotator_combo.setObjectName("exportAnnotator")
        self.annotator_combo.addItem(self.tr("Every annotator"), ALL_ANNOTATORS)
        for name in annotators:
            if name != GOLD_LAYER:
                self.annotator_combo.addItem(name, name)
        self.annotator_combo.addItem(self.tr("Gold (the reviewed layer)"), GOLD_LAYER)

        self.label_checks: dict[str, QCheckBox] = {}
        labels_box = QWidget()
        labels_layout = QHBoxLayout(labels_box)
        labels_layout.setContentsMargins(0, 0, 0, 0)
        for label in label_set.labels:
            check = QCheckBox(as_typed(label.display_name(language)))
            check.setObjectName(f"exportLabel_{label.name}")
            check.setChecked(True)
            check.toggled.connect(self._update_ok)
            self.label_checks[label.name] = check
            labels_layout.addWidget(check)
        labels_layout.addStretch(1)

        self.align_combo = QComboBox()
        self.align_combo.setObjectName("exportAlign")
        self.align_combo.addItem(self.tr("Drop spans that cut a word"), "strict")
        self.align_combo.addItem(self.tr("Shrink them to the words inside"), "contract")
        self.align_combo.addItem(self.tr("Grow them to whole words"), "expand")

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow("", self.format_note)
        form.addRow(self.tr("Write to:"), path_row)
        form.addRow(self.tr("Articles:"), self.status_combo)
        form.addRow(self.tr("Whose spans:"), self.annotator_combo)
        form.addRow(self.tr("Labels:"), labels_box)
        self.align_label = QLabel(self.tr("Spans that cut a word:"))
        form.addRow(self.align_label, self.align_combo)

        self.split_edit = QLineEdit()
        self.split_edit.setObjectName("exportSplit")
        self.split_edit.setPlaceholderText(self.tr("none, or train=0.8,dev=0.1,test=0.1"))
        self.split_edit.textChanged.connect(self._update_ok)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("exportSeed")
        self.seed_spin.setRange(0, 2**31 - 1)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_edit, 1)
        split_row.addWidget(QLabel(self.tr("Seed:")))
        split_row.addWidget(self.seed_spin)
        form.addRow(self.tr("Split by article:"), split_row)
        self.split_note = QLabel()
        self.split_note.setObjectName("exportSplitNote")
        self.split_note.setWordWrap(True)
        form.addRow("", self.split_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        self._describe_controls()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.setMinimumWidth(620)

    def _describe_controls(self) -> None:
        self.format_combo.setToolTip(self.tr("What program the dataset is written for."))
        self.path_edit.setAccessibleName(self.tr("Write to"))
        self.path_edit.setToolTip(
            self.tr("The file or folder the export writes; an existing one is replaced only if "
                    "an earlier export wrote it.")
        )
        self.browse_button.setToolTip(self.tr("Pick the file or folder in a file dialog."))
        self.status_combo.setToolTip(
            self.tr("Which articles go into the dataset, by their status.")
        )
        self.annotator_combo.setToolTip(self.tr("Whose spans go into the dataset."))
        for check in self.label_checks.values():
            check.setToolTip(self.tr("Export the spans with this label."))
        self.align_combo.setToolTip(
            self.tr("For formats that hold whole words only: what to do with a span that cuts one.")
        )
        self.split_edit.setAccessibleName(self.tr("Split by article"))
        self.split_edit.setToolTip(
            self.tr("Shares of train, dev and test parts, drawn by article; empty for one file.")
        )
        self.seed_spin.setAccessibleName(self.tr("Seed"))
        self.seed_spin.setToolTip(self.tr("The same seed draws the same split again."))

    def _format_descriptions(self) -> dict[str, str]:
        return {
            "jsonl": self.tr("Gold JSONL (everything, with provenance)"),
            "spacy": self.tr("spaCy DocBin (.spacy)"),
            "conll": self.tr("CoNLL-2003 IOB2 text"),
            "hf": self.tr("Hugging Face dataset folder (token classification)"),
            "brat": self.tr("brat standoff folder (.txt/.ann)"),
            "doccano": self.tr("doccano JSONL"),
            "labelstudio": self.tr("Label Studio JSON tasks"),
            "prodigy": self.tr("Prodigy JSONL"),
            "claimreview": self.tr("ClaimReview JSON-LD (the gold claims' verdicts)"),
        }

    def _format_note(self, name: str) -> str:
        if name in ("conll", "hf"):
            return self.tr(
                "One label per word: overlapping spans keep the longest, and spans that "
                "cut a word are aligned as chosen below. Whatever is left out is reported."
            )
        if name in TOKEN_FORMATS:
            return self.tr(
                "Whole words only: spans that cut a word are aligned as chosen below. "
                "Whatever is left out is reported."
            )
        if name == "jsonl":
            return self.tr("Keeps every span, nested ones included, and who made it.")
        if name == "claimreview":
            return self.tr(
                "One schema.org ClaimReview per reviewed claim with a verdict, from the gold "
                "layer; the claims without one are counted. The outlet named as author is "
                "set with “annotator settings set publisher.name”."
            )
        return self.tr("Keeps every span; who made it and when are not kept.")

    # -- reactions ---------------------------------------------------------------------

    def _format_changed(self) -> None:
        name = self.format_name()
        self.format_note.setText(self._format_note(name))
        token_format = name in TOKEN_FORMATS
        self.align_combo.setEnabled(token_format)
        self.align_label.setEnabled(token_format)
        if not self._path_edited:
            self.path_edit.setText(str(default_target(self.db_path, name)))
        self._update_ok()

    def _path_typed(self, _text: str) -> None:
        self._path_edited = True
        self._update_ok()

    def _browse(self) -> None:
        current = self.path_edit.text()
        if self.format_name() in FOLDER_FORMATS:
            chosen = file_dialogs.existing_directory(self, self.tr("Export to a folder"), current)
        else:
            chosen = file_dialogs.save_file_name(self, self.tr("Export to"), current)
        if chosen:
            self.path_edit.setText(chosen)
            self._path_edited = True
            self._update_ok()

    def _update_ok(self, *_: Any) -> None:
        readable = self.split_is_readable()
        self.split_note.setText(
            self.tr(
                "Each part is written beside the file you chose (tasks.train.json…); every "
                "annotator's layer of an article goes to the same part."
            )
            if readable
            else self.tr("Write the parts as train=0.8,dev=0.1,test=0.1: shares adding up to 1.")
        )
        self.ok_button.setEnabled(
            bool(self.chosen_labels()) and bool(self.path_edit.text()) and readable
        )

    def accept(self) -> None:
        # The export refuses these too; asking here keeps the user's other choices.
        refusal = output_refusal(
            Path(self.path_edit.text()).expanduser(),
            self.db_path,
            folder=self.format_name() in FOLDER_FORMATS,
        )
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Choose another place to write"), refusal)
            return
        super().accept()

    # -- what was chosen ---------------------------------------------------------------

    def format_name(self) -> str:
        return str(self.format_combo.currentData())

    def chosen_labels(self) -> list[str]:
        return [name for name, check in self.label_checks.items() if check.isChecked()]

    def split_is_readable(self) -> bool:
        try:
            self.chosen_split()
        except BadSplit:
            return False
        return True

    def chosen_split(self) -> SplitSpec | None:
        text = self.split_edit.text().strip()
        return parse_split(text, self.seed_spin.value()) if text else None

    def choice(self) -> ExportChoice:
        who = str(self.annotator_combo.currentData())
        labels = self.chosen_labels()
        options = ExportOptions(
            annotators=[who] if who not in (ALL_ANNOTATORS, GOLD_LAYER) else None,
            gold=who == GOLD_LAYER,
            labels=None if len(labels) == len(self.label_checks) else labels,
            status=str(self.status_combo.currentData()),
        )
        return ExportChoice(
            self.format_name(),
            Path(self.path_edit.text()).expanduser(),
            options,
            str(self.align_combo.currentData()) if self.align_combo.isEnabled() else "strict",
            self.chosen_split(),
        )


def losses(report: Any) -> int:
    """Spans a format export dropped, trimmed, expanded or left out of a part, and
    links it could not write (to another article, or a format without links)."""
    links = getattr(report, "links", 0)
    return (
        sum(getattr(report, "dropped", {}).values())
        + getattr(report, "trimmed", 0)
        + getattr(report, "expanded", 0)
        + sum(getattr(report, "left_out", {}).values())
        + links
        - getattr(report, "written_links", links)
    )


class ExportReportDialog(QDialog):
    """What a lossy export left out, and why, as the command line prints it."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReport")
        self.setWindowTitle(self.tr("Export report"))
        written = getattr(report, "written_spans", report.spans)
        headline = QLabel(
            self.tr("%1 of %n span(s) written; %3 dropped, %4 trimmed, %5 expanded.", "",
                    report.spans)
            .replace("%1", str(written))
            .replace("%3", str(sum(getattr(report, "dropped", {}).values())))
            .replace("%4", str(getattr(report, "trimmed", 0)))
            .replace("%5", str(getattr(report, "expanded", 0)))
        )
        headline.setObjectName("exportReportHeadline")
        headline.setWordWrap(True)
        details = QPlainTextEdit("\n".join(report.summary_lines()))
        details.setObjectName("exportReportDetails")
        details.setReadOnly(True)
        details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        details.setAccessibleName(self.tr("What the export left out"))
        details.setAccessibleDescription(
            self.tr("The export's report, one line per reason, as the command line prints it.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        describe_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(details, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

"""The two small dialogs of review mode: whose layers to compare, and editing a span
before it goes into gold. Both are driven from the keyboard (Space ticks, arrows step,
Enter accepts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import LabelSet
from annotator.core.review.decisions import Candidate, SpanKey
from annotator.core.text.selection import Direction, Edge, move_edge
from annotator.ui.dialog_buttons import describe_buttons


class ChooseAnnotatorsDialog(QDialog):
    """Tick two or more annotators whose layers to review together."""

    def __init__(
        self,
        annotators: Sequence[str],
        ticked: Sequence[str],
        span_counts: dict[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chooseAnnotatorsDialog")
        self.setWindowTitle(self.tr("Review this article"))
        self.hint = QLabel(
            self.tr("Whose tags do you want to compare? Tick two or more (Space ticks).")
        )
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("annotatorList")
        for name in annotators:
            count = span_counts.get(name, 0)
            item = QListWidgetItem(self.tr("%1 (%n span(s) here)", "", count).replace("%1", name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Review"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        self.list.setAccessibleName(self.tr("Annotators"))
        self.list.setAccessibleDescription(
            self.tr("Tick the annotators whose tags the review compares; Space ticks.")
        )
        self.list.itemChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self._update_ok()

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(len(self.chosen()) >= 2)


class EdgeSpinBox(QSpinBox):
    """A span edge as a code point offset: Up/Down move it a word (or a character)."""

    def __init__(self, step: Callable[[int, int], int | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._step = step

    def stepBy(self, steps: int) -> None:
        moved = self._step(self.value(), steps)
        if moved is not None:
            self.setValue(moved)


class EditCandidateDialog(QDialog):
    """Adjust a candidate's boundaries and label, then accept it into gold as an edit."""

    CONTEXT = 50

    def __init__(
        self,
        text: str,
        candidate: Candidate,
        label_set: LabelSet,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editCandidateDialog")
        self.setWindowTitle(self.tr("Edit before accepting"))
        self.text = text
        self.candidate = candidate
        self.label_combo = QComboBox()
        self.label_combo.setObjectName("labelCombo")
        for label in label_set.active:
            self.label_combo.addItem(label.display_name(language), label.name)
        if self.label_combo.findData(candidate.label) < 0:
            self.label_combo.addItem(candidate.label, candidate.label)
        self.label_combo.setCurrentIndex(self.label_combo.findData(candidate.label))
        self.start_box = EdgeSpinBox(lambda value, steps: self._moved("start", steps))
        self.start_box.setObjectName("startBox")
        self.end_box = EdgeSpinBox(lambda value, steps: self._moved("end", steps))
        self.end_box.setObjectName("endBox")
        for box in (self.start_box, self.end_box):
            box.setRange(0, len(text))
            box.setAccelerated(True)
        self.start_box.setValue(candidate.start)
        self.end_box.setValue(candidate.end)
        self.by_word = QCheckBox(self.tr("Up/Down move an edge by a whole &word"))
        self.by_word.setChecked(True)
        self.preview = QLabel()
        self.preview.setObjectName("editPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setMinimumWidth(460)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Accept into gold"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        self.label_combo.setToolTip(self.tr("The label the span gets in gold."))
        self.start_box.setToolTip(self.tr("Where the span starts, in characters."))
        self.end_box.setToolTip(self.tr("Where the span ends, in characters."))
        self.by_word.setToolTip(
            self.tr("Up and Down in Start and End move by words, not characters.")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Label:"), self.label_combo)
        form.addRow(self.tr("&Start:"), self.start_box)
        form.addRow(self.tr("E&nd:"), self.end_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.by_word)
        layout.addWidget(self.buttons)
        for box in (self.start_box, self.end_box):
            box.valueChanged.connect(self._update_preview)
        self.label_combo.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.start_box.setFocus()

    def gold_key(self) -> SpanKey:
        """What goes into gold: (start, end, label)."""
        return (self.start_box.value(), self.end_box.value(), str(self.label_combo.currentData()))

    def _moved(self, edge: Edge, steps: int) -> int | None:
        start, end = self.start_box.value(), self.end_box.value()
        direction: Direction = "right" if steps > 0 else "left"
        for _ in range(abs(steps)):
            moved = move_edge(self.text, start, end, edge, direction, self.by_word.isChecked())
            if moved is None:
                break
            start, end = moved
        return start if edge == "start" else end

    def _update_preview(self) -> None:
        start, end, _label = self.gold_key()
        valid = 0 <= start < end <= len(self.text)
        self.ok_button.setEnabled(valid)
        if not valid:
            self.preview.setText(self.tr("The start must come before the end."))
            return
        before = self.text[max(0, start - self.CONTEXT) : start]
        after = self.text[end : end + self.CONTEXT]
        self.preview.setText(
            f"<span style='color:#5f6368'>…{_html(before)}</span>"
            f"<b style='background:#fde293'>{_html(self.text[start:end])}</b>"
            f"<span style='color:#5f6368'>{_html(after)}…</span>"
            f"<br><small>{_html(self.label_combo.currentText())} · {start}–{end}</small>"
        )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")

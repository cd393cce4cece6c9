"""Tag every occurrence: the hits of a search, reviewed one by one, tagged in one step.

Not a blind bulk operation: each hit is a row, and a key decides it. A label's key tags
the hit with that label and goes to the next; Enter tags it with the label shown;
Space or Delete skips it. A hit snaps to whole words as a selection does; one already
tagged so (by this annotator) is counted and left alone. Ctrl+Enter (or Apply) writes
every decided hit as one undo step, through the session like every other write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Span
from annotator.core.search import Hit
from annotator.core.text.selection import snap
from annotator.ui import i18n
from annotator.ui.article.amount_editor import attrs_for_label
from annotator.ui.keyboard import label_key
from annotator.ui.search.pane import ElidedAtTheStart
from annotator.ui.session import OpCommand, ProjectSession
from annotator.ui.text_display import short_text

SKIPPED = ""
"""A row's decision when the hit is skipped (a label name when it is to be tagged)."""


class TagOccurrences(OpCommand):
    """Many new spans in one undo step: undo removes them all, redo puts them back."""

    def __init__(self, session: ProjectSession, spans: list[Span], what: str) -> None:
        super().__init__(session)
        self.spans = spans
        self.what = what
        self.doc_ids = sorted({span.doc_id for span in spans})
        """The articles this step changes (the undo history names them)."""
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.spans)
        # lupdate reads no plural form from translate(): one text per form.
        text = (
            QCoreApplication.translate("TagOccurrences", "Tag %1 occurrence of “%2”")
            if count == 1
            else QCoreApplication.translate("TagOccurrences", "Tag %1 occurrences of “%2”")
        )
        self.setText(text.replace("%1", str(count)).replace("%2", short_text(self.what)))

    def do(self) -> Changes:
        with self.store.transaction():
            for span in self.spans:
                self.store.add_span(span)
        return Changes.reloaded(*self.doc_ids)

    def undo_it(self) -> Changes:
        with self.store.transaction():
            for span in self.spans:
                self.store.delete_span(span.id)
        return Changes.reloaded(*self.doc_ids)


@dataclass
class _Row:
    hit: Hit
    decision: str | None = None
    """None: not decided yet; SKIPPED; or the label to tag it with."""
    planned: tuple[int, int] | None = None
    already: bool = False


class TagOccurrencesDialog(QDialog):
    def __init__(
        self,
        session: ProjectSession,
        annotator: str,
        hits: list[Hit],
        what: str,
        by_word: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagOccurrences")
        self.session = session
        self.store = session.store
        self.annotator = annotator
        self.what = what
        self.by_word = by_word
        self.rows = [_Row(hit) for hit in hits if hit.field == "text"]
        self._documents: dict[str, Document] = {}
        self._existing: dict[str, set[tuple[int, int, str]]] = {}
        language = i18n.current_language()

        self.help = QLabel()
        self.help.setWordWrap(True)
        self.label_combo = QComboBox()
        self.label_combo.setObjectName("occurrenceLabel")
        for label in self.store.label_set().labels:
            self.label_combo.addItem(f"{label.display_name(language)} ({label.key})", label.name)
        self.label_caption = QLabel()
        self.label_caption.setBuddy(self.label_combo)
        self.counts = QLabel()
        self.counts.setObjectName("occurrenceCounts")
        self.list = QTreeWidget()
        self.list.setObjectName("occurrenceList")
        self.list.setColumnCount(5)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setItemDelegateForColumn(2, ElidedAtTheStart(self.list))
        header.resizeSection(0, 150)
        header.resizeSection(1, 180)
        bold = QFont(self.list.font())
        bold.setBold(True)
        self.items: list[QTreeWidgetItem] = []
        for row in self.rows:
            hit = row.hit
            columns = ["", short_text(hit.title, 40), hit.before, hit.match, hit.after]
            item = QTreeWidgetItem(columns)
            item.setFont(3, bold)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.append(item)
        self.list.addTopLevelItems(self.items)
        if self.items:
            self.list.setCurrentItem(self.items[0])
        self.list.installEventFilter(self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        choice = QHBoxLayout()
        choice.addWidget(self.label_caption)
        choice.addWidget(self.label_combo, 1)
        choice.addWidget(self.counts, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addLayout(choice)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        self.retranslate()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the user does ----------------------------------------------------------

    def decide(self, decision: str) -> None:
        """Decide the current row (a label, or SKIPPED) and go to the next one."""
        item = self.list.currentItem()
        if item is None:
            return
        index = self.list.indexOfTopLevelItem(item)
        row = self.rows[index]
        row.decision = decision
        row.planned, row.already = None, False
        if decision != SKIPPED:
            row.planned = self._planned(row.hit)
            if row.planned is None:  # no words in it to tag
                row.decision = SKIPPED
            else:
                row.already = self._already_tagged(index, decision)
        self._show_row(index)
        if index + 1 < len(self.items):
            self.list.setCurrentItem(self.items[index + 1])
        self._show_counts()

    def spans_to_add(self) -> list[Span]:
        spans = []
        planned: set[tuple[str, int, int, str]] = set()
        for row in self.rows:
            if not row.decision or row.already or row.planned is None:
                continue
            document = self._document(row.hit.doc_id)
            start, end = row.planned
            if (document.id, start, end, row.decision) in planned:
                continue  # two hits inside one word snapped to the same span
            planned.add((document.id, start, end, row.decision))
            attrs = attrs_for_label(
                self.store, document.id, document.text[start:end], None, row.decision
            )
            spans.append(
                self.store.make_span(
                    document, self.annotator, start, end, row.decision, attrs=attrs
                )
            )
        return spans

    def apply(self) -> None:
        """Tag every hit decided so, in one undo step, and close."""
        try:
            spans = self.spans_to_add()
        except AnnotatorError as error:
            self.counts.setText(str(error))
            return
        if spans:
            self.session.push(TagOccurrences(self.session, spans, self.what))
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            action = self._key_action(event)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tag every hit of “%1”").replace("%1", short_text(self.what)))
        self.help.setText(
            self.tr(
                "A label's key tags the hit and goes to the next; Enter tags it with the "
                "label shown; Space or Delete skips it. Ctrl+Enter tags every hit decided "
                "so, in one step that Ctrl+Z undoes."
            )
        )
        self.label_caption.setText(self.tr("&Label for Enter:"))
        self.list.setHeaderLabels(
            [self.tr("Decision"), self.tr("Article"), self.tr("Before"), self.tr("Hit"),
             self.tr("After")]
        )
        for index in range(len(self.rows)):
            self._show_row(index)
        self._show_counts()

    # -- inside ---------------------------------------------------------------------

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                return self.apply
            if not modifiers:
                return lambda: self.decide(str(self.label_combo.currentData()))
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Delete) and not modifiers:
            return lambda: self.decide(SKIPPED)
        pressed = label_key(event)
        if pressed is not None:
            label = self.store.label_set().by_shortcut(pressed)
            if label is not None:
                def tag_with_label() -> None:
                    self.label_combo.setCurrentIndex(self.label_combo.findData(label.name))
                    self.decide(label.name)

                return tag_with_label
        return None

    def _document(self, doc_id: str) -> Document:
        if doc_id not in self._documents:
            self._documents[doc_id] = self.store.document(doc_id)
        return self._documents[doc_id]

    def _planned(self, hit: Hit) -> tuple[int, int] | None:
        return snap(self._document(hit.doc_id).text, hit.start, hit.end, self.by_word)

    def _already_tagged(self, index: int, label: str) -> bool:
        """Tagged so in the project, or by an earlier row of this list."""
        row = self.rows[index]
        assert row.planned is not None
        doc_id = row.hit.doc_id
        if doc_id not in self._existing:
            self._existing[doc_id] = {
                (span.start, span.end, span.label)
                for span in self.store.spans(doc_id, self.annotator)
            }
        if (*row.planned, label) in self._existing[doc_id]:
            return True
        return any(
            other.hit.doc_id == doc_id and other.decision == label and other.planned == row.planned
            and not other.already
            for other in self.rows[:index]
        )

    def _label_name(self, name: str) -> str:
        label = self.store.label_set().get(name)
        return label.display_name(i18n.current_language()) if label else name

    def _show_row(self, index: int) -> None:
        row = self.rows[index]
        if row.decision is None:
            text = ""
        elif row.decision == SKIPPED:
            text = self.tr("skipped")
        elif row.already:
            text = self.tr("already %1").replace("%1", self._label_name(row.decision))
        else:
            text = "→ " + self._label_name(row.decision)
        item = self.items[index]
        item.setText(0, text)
        if row.planned is not None and not row.already:
            document = self._document(row.hit.doc_id)
            item.setToolTip(0, document.text[row.planned[0] : row.planned[1]])

    def _show_counts(self) -> None:
        tagged = sum(1 for row in self.rows if row.decision and not row.already)
        skipped = sum(1 for row in self.rows if row.decision == SKIPPED)
        already = sum(1 for row in self.rows if row.decision and row.already)
        left = sum(1 for row in self.rows if row.decision is None)
        self.counts.setText(
            " · ".join(
                [
                    self.tr("%n to tag", "", tagged),
                    self.tr("%n skipped", "", skipped),
                    self.tr("%n already tagged", "", already),
                    self.tr("%n left", "", left),
                ]
            )
        )

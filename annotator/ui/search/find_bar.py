"""Find within the article on show (Ctrl+F): as one types, accents and case aside.

Every hit is underlined as an overlay of the article view (its span tints stay as they
are); the current one is selected, so a label key tags it. Enter / F3 go to the next
hit, Shift+Enter / Shift+F3 to the previous one, wrapping round; Escape closes the bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from annotator.core.search import Hit, find_in_text, hit_at
from annotator.ui.article.view import ArticleView

OVERLAY = "find"
HIT_UNDERLINE = QColor("#d9480f")


class _FindEdit(QLineEdit):
    """Enter finds the next hit, Shift+Enter the previous one, Escape closes."""

    stepped = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            self.stepped.emit(-1 if shift else 1)
            return
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    tagRequested = Signal()
    """The user asked to tag every hit in the article."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.found: list[tuple[int, int]] = []
        self.current = -1

        self.edit = _FindEdit()
        self.edit.setObjectName("findText")
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.tag_button = QToolButton()
        self.tag_button.setObjectName("tagEveryFound")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        for button in (self.previous_button, self.next_button, self.tag_button):
            layout.addWidget(button)
        layout.addWidget(self.close_button)

        self.edit.textChanged.connect(lambda _text: self.find_again(keep_place=True))
        self.edit.stepped.connect(self.step)
        self.edit.closed.connect(self.close_bar)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        self.tag_button.clicked.connect(self.tagRequested)
        self.hide()
        self.retranslate()

    # -- what the window calls -----------------------------------------------------

    def start(self) -> None:
        """Show the bar with its text selected (the selected words, if short, as text)."""
        selected = self.view.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 80:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.find_again(keep_place=True)

    def close_bar(self) -> None:
        self.hide()
        self.found, self.current = [], -1
        self.view.set_overlay(OVERLAY, [])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def document_changed(self) -> None:
        if self.isVisible():
            self.find_again()

    def hits(self) -> list[Hit]:
        """The hits in the article on show, as search hits (to tag them)."""
        doc_id, text = self.view.document_id(), self.view.document_text()
        if doc_id is None or text is None:
            return []
        title = self.view.store.document(doc_id).title
        return [hit_at(doc_id, title, "text", text, start, end) for start, end in self.found]

    def find_again(self, keep_place: bool = False) -> None:
        """Find the text again from the start of the article (the caret's place when
        ``keep_place``), and show every hit."""
        text = self.view.document_text() or ""
        self.found = find_in_text(text, self.edit.text()) if self.isVisible() else []
        self.current = -1
        if self.found:
            caret = 0
            positions = self.view.text_positions()
            if keep_place and positions is not None:
                caret = positions.to_code_point(self.view.editor.textCursor().selectionStart())
            self.current = next(
                (index for index, (start, _end) in enumerate(self.found) if start >= caret), 0
            )
            self.view.select_range(*self.found[self.current])
        self._draw()

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) hit, wrapping round."""
        if not self.found:
            return
        self.current = (self.current + direction) % len(self.found)
        self.view.select_range(*self.found[self.current])
        self._draw()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find:"))
        self.edit.setPlaceholderText(self.tr("Find in this article"))
        self.previous_button.setToolTip(self.tr("Previous hit (Shift+F3, Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next hit (F3, Enter)"))
        self.tag_button.setText(self.tr("Tag every hit…"))
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self._show_count()

    # -- inside ---------------------------------------------------------------------

    def _draw(self) -> None:
        positions = self.view.text_positions()
        selections = []
        if positions is not None:
            for start, end in self.found:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.view.editor.document())
                cursor.setPosition(positions.to_qt(start))
                cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                underline = QTextCharFormat()
                underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                underline.setUnderlineColor(HIT_UNDERLINE)
                selection.format = underline
                selections.append(selection)
        self.view.set_overlay(OVERLAY, selections)
        self._show_count()

    def _show_count(self) -> None:
        self.tag_button.setEnabled(bool(self.found))
        if not self.edit.text().strip():
            self.count_label.clear()
        elif not self.found:
            self.count_label.setText(self.tr("No match"))
        else:
            self.count_label.setText(
                self.tr("%1 of %n hit(s)", "", len(self.found)).replace(
                    "%1", str(self.current + 1)
                )
            )

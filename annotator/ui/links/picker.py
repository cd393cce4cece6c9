"""The other-article picker: link a denial to the claim it answers when that claim was
reported in another article (or mark two claims of two articles as the same claim).

Type to search (case and accents ignored, every word must match the span's text or
its article's title); Up/Down move in the list; Enter or a double-click links.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attribution.links import LinkCandidate
from annotator.core.models import Span
from annotator.ui.text_display import short_text


def folded(text: str) -> str:
    """Case and accents ignored: 'Démenti' matches 'dementi'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class OtherArticlePicker(QDialog):
    picked = Signal(object)
    """The chosen ``LinkCandidate``."""

    def __init__(
        self,
        source: Span,
        candidates: Sequence[LinkCandidate],
        titles: Callable[[str], str],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("otherArticlePicker")
        self.setWindowTitle(self.tr("Link to a span of another article"))
        self.resize(720, 480)
        self.candidates = list(candidates)
        several_types = len({c.link_type.name for c in candidates}) > 1
        intro = QLabel(
            self.tr("Link “%1” to:").replace("%1", short_text(source.text, 70))
            if candidates
            else self.tr("No span of another article can be linked to “%1”.").replace(
                "%1", short_text(source.text, 70)
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Search the text or the article title…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self._haystacks: list[str] = []
        for candidate in self.candidates:
            title = titles(candidate.span.doc_id)
            kind = f"{candidate.link_type.display_name(language)} → " if several_types else ""
            item = QListWidgetItem(f"{kind}“{short_text(candidate.span.text, 160)}”\n    — {title}")
            item.setToolTip(candidate.span.text)
            self.list.addItem(item)
            self._haystacks.append(folded(f"{candidate.span.text} {title}"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(lambda _row: self._update_ok())
        self._filter("")
        self.search.setFocus()

    def visible_rows(self) -> list[int]:
        return [row for row in range(self.list.count()) if not self.list.item(row).isHidden()]

    def current_candidate(self) -> LinkCandidate | None:
        row = self.list.currentRow()
        if row < 0 or self.list.item(row).isHidden():
            return None
        return self.candidates[row]

    def accept(self) -> None:
        candidate = self.current_candidate()
        if candidate is None:
            return
        super().accept()
        self.picked.emit(candidate)

    def _filter(self, text: str) -> None:
        words = folded(text).split()
        for row, haystack in enumerate(self._haystacks):
            self.list.item(row).setHidden(not all(word in haystack for word in words))
        visible = self.visible_rows()
        if visible and self.list.currentRow() not in visible:
            self.list.setCurrentRow(visible[0])
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.current_candidate() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search field move in the list: no need to leave the keyboard.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                visible = self.visible_rows()
                if visible:
                    row = self.list.currentRow()
                    at = visible.index(row) if row in visible else -1
                    step = 1 if key == Qt.Key.Key_Down else -1
                    self.list.setCurrentRow(visible[max(0, min(len(visible) - 1, at + step))])
                return True
        return super().eventFilter(watched, event)

"""Stand-in for ``article_view.ArticleView`` while that widget is being written.

Same signals and methods; shows the text read-only and tags nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from annotator.core.store import Store


class ArticleView(QWidget):
    spansChanged = Signal(str)
    currentSpanChanged = Signal(str)

    def __init__(
        self, store: Store, annotator: str, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.undo_stack = undo_stack
        self._doc_id: str | None = None
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        self.editor.setUndoRedoEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)

    def set_annotator(self, name: str) -> None:
        self.annotator = name

    def set_document(self, doc_id: str | None) -> None:
        self._doc_id = doc_id
        self.editor.setPlainText(self.store.document(doc_id).text if doc_id else "")

    def document_id(self) -> str | None:
        return self._doc_id

    def apply_label(self, label_name: str) -> None:
        pass

    def select_span(self, span_id: str) -> None:
        pass

    def delete_current_span(self) -> None:
        pass

    def set_word_snapping(self, on: bool) -> None:
        pass

    def zoom_in(self) -> None:
        self.editor.zoomIn(1)

    def zoom_out(self) -> None:
        self.editor.zoomOut(1)

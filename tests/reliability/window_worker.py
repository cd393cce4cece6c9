"""The annotation view, offscreen, tagging words with real key presses until killed.

    python window_worker.py PROJECT

Prints ``ready``, then for each word of the first document: selects it, presses the
claim key ("c"), and once the view shows the new span prints ``ack <start> <end>``.
"""

from __future__ import annotations

import os
import re
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor, QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.store import Store  # noqa: E402
from annotator.ui.article.view import ArticleView  # noqa: E402
from annotator.ui.session import ProjectSession  # noqa: E402

ANNOTATOR = "wanda"


def qt_position(text: str, code_point: int) -> int:
    return len(text[:code_point].encode("utf-16-le")) // 2


def main(path: str) -> None:
    app = QApplication.instance() or QApplication([])
    store = Store(path)
    doc_id = store.document_ids()[0]
    text = store.document(doc_id).text
    view = ArticleView(ProjectSession(store, QUndoStack()), ANNOTATOR)
    view.resize(900, 600)
    view.show()
    view.set_word_snapping(False)
    view.set_document(doc_id)
    view.setFocus()
    app.processEvents()
    print("ready", flush=True)
    for word in re.finditer(r"\w{3,}", text):
        cursor = view.editor.textCursor()
        cursor.setPosition(qt_position(text, word.start()))
        cursor.setPosition(qt_position(text, word.end()), QTextCursor.MoveMode.KeepAnchor)
        view.editor.setTextCursor(cursor)
        QTest.keyClick(view.editor, Qt.Key.Key_C)
        shown = {(s.start, s.end, s.label) for s in view.spans() if s.annotator == ANNOTATOR}
        if (word.start(), word.end(), "claim") in shown:
            print(f"ack {word.start()} {word.end()}", flush=True)
        else:
            print(f"not-shown {word.start()} {word.end()}", flush=True)
    print("done", flush=True)
    app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1])

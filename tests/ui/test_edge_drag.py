"""Dragging a span's edge with the mouse moves that boundary (snapped to words), as one
undo step; a press elsewhere still selects text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtTest import QTest

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.ui.article.view import ArticleView
from annotator.ui.session import ProjectSession

ANNOTATOR = "alice"
# An emoji and a combining accent before the span: UTF-16 and code points differ there.
TEXT = "Cafe\u0301 🚀 : Sam Altman affirme que Meta offrait 100 millions de dollars aux chercheurs."
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def qt_position(cp: int) -> int:
    return len(TEXT[:cp].encode("utf-16-le")) // 2


def gap_point(view: ArticleView, cp: int) -> QPoint:
    """Where the gap before code point ``cp`` is drawn, in viewport pixels."""
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(qt_position(cp))
    return view.editor.cursorRect(cursor).center()


def drag(view: ArticleView, begin: QPoint, finish: QPoint) -> None:
    viewport = view.editor.viewport()
    QTest.mousePress(viewport, LEFT, NONE, begin)
    QTest.mouseMove(viewport, (begin + finish) / 2)
    QTest.mouseMove(viewport, finish)
    QTest.mouseRelease(viewport, LEFT, NONE, finish)


def stored(store: Store, doc_id: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.text) for s in store.spans(doc_id, ANNOTATOR)]


def where(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_dragging_the_edges_of_a_span_moves_them_and_undoes(qtbot, store: Store):
    document = Document.from_text(TEXT, title="Drag")
    store.add_document(document)
    start, end = where("100 millions")
    span = store.add_span(store.make_span(document, ANNOTATOR, start, end, "amount"))
    undo = QUndoStack()
    view = ArticleView(ProjectSession(store, undo), ANNOTATOR)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document.id)
    view.select_span(span.id)

    # The end edge, dragged into the middle of "dollars": snapped to the whole word.
    dollars = TEXT.index("dollars")
    with qtbot.waitSignal(view.session.changed):
        drag(view, gap_point(view, end), gap_point(view, dollars + 3))
    assert stored(store, document.id) == [
        (*where("100 millions de dollars"), "100 millions de dollars")
    ]

    # The start edge, dragged left onto "offrait".
    with qtbot.waitSignal(view.session.changed):
        drag(view, gap_point(view, start), gap_point(view, TEXT.index("offrait")))
    expected = where("offrait 100 millions de dollars")
    assert stored(store, document.id) == [(*expected, TEXT[expected[0] : expected[1]])]
    # The amount's reading follows its text.
    assert store.span(span.id).attrs.get("value") == 100_000_000

    # Successive moves of one span are one undo step.
    undo.undo()
    assert stored(store, document.id) == [(start, end, "100 millions")]


def test_a_press_inside_a_span_still_selects_text(qtbot, store: Store):
    document = Document.from_text(TEXT, title="Select")
    store.add_document(document)
    start, end = where("Sam Altman")
    span = store.add_span(store.make_span(document, ANNOTATOR, start, end, "person"))
    view = ArticleView(ProjectSession(store, QUndoStack()), ANNOTATOR)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(document.id)
    view.select_span(span.id)
    affirme = TEXT.index("affirme")
    drag(view, gap_point(view, start + 4), gap_point(view, affirme + 7))
    cursor = view.editor.textCursor()
    assert cursor.hasSelection()
    assert stored(store, document.id) == [(start, end, "Sam Altman")]

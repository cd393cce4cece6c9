"""How the article reads: the text wraps to its column whatever the order in which the
view gets its text and its size, and lines are spaced for reading."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from text_mouse import select_first_word

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.ui.article.view import ArticleView
from annotator.ui.session import ProjectSession

PARAGRAPH = (
    "Sam Altman affirme que Meta a proposé des primes de 100 millions de dollars à ses "
    "chercheurs, une somme que le groupe de Mark Zuckerberg conteste vivement. "
) * 4


@pytest.fixture
def long_lines(store: Store) -> Document:
    document = Document.from_text(f"{PARAGRAPH}\n\n{PARAGRAPH}", title="Long lines")
    store.add_document(document)
    return document


def assert_wrapped_to_the_column(view: ArticleView) -> None:
    editor = view.editor
    assert editor.horizontalScrollBar().maximum() == 0, "text wider than its pane"
    document = editor.document()
    longest = max(
        (document.findBlockByNumber(n) for n in range(document.blockCount())),
        key=lambda block: block.length(),
    )
    layout = longest.layout()
    assert layout.lineCount() > 2, "a long paragraph must wrap"
    widest = max(layout.lineAt(n).naturalTextWidth() for n in range(layout.lineCount()))
    assert widest <= editor.viewport().width()


@pytest.mark.parametrize("width", [700, 1200, 1600])
def test_an_article_set_before_the_view_is_shown_wraps_to_its_column(
    qtbot, store: Store, long_lines: Document, width: int
):
    view = ArticleView(ProjectSession(store, QUndoStack()), "alice")
    qtbot.addWidget(view)
    view.set_document(long_lines.id)  # before the view has any size of its own
    view.resize(width, 600)
    view.show()
    qtbot.waitExposed(view)
    assert_wrapped_to_the_column(view)


def test_the_window_shows_its_first_article_wrapped(open_window, seeded_project: Path):
    window = open_window(seeded_project)
    assert window.current_document_id() is not None
    assert_wrapped_to_the_column(window.article_view)


@pytest.fixture
def shown_view(qtbot, store: Store, long_lines: Document) -> ArticleView:
    view = ArticleView(ProjectSession(store, QUndoStack()), "alice")
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(long_lines.id)
    return view


def test_lines_are_spaced_for_reading(shown_view: ArticleView):
    editor = shown_view.editor
    line_height = QFontMetricsF(editor.font()).height()
    first = editor.document().firstBlock()
    top = editor.blockBoundingGeometry(first).top()
    layout = first.layout()
    assert layout.lineCount() > 2
    baselines = [
        top + layout.lineAt(n).y() + layout.lineAt(n).ascent() for n in range(layout.lineCount())
    ]
    # The next paragraph (after the empty one) keeps the same rhythm.
    after = first.next().next()
    next_top = editor.blockBoundingGeometry(after).top()
    baselines.append(next_top + after.layout().lineAt(0).y() + after.layout().lineAt(0).ascent())
    gaps = [b - a for a, b in itertools.pairwise(baselines)]
    within = gaps[:-1]
    assert all(1.3 * line_height <= gap <= 1.5 * line_height for gap in within), (
        gaps,
        line_height,
    )
    # Two lines apart across the empty paragraph between them.
    assert 2.6 * line_height <= gaps[-1] <= 3.0 * line_height


def test_clicks_and_the_caret_agree_on_spaced_lines(qtbot, shown_view: ArticleView):
    editor = shown_view.editor
    layout = editor.document().firstBlock().layout()
    third_line = layout.lineAt(2)
    position = third_line.textStart() + 5
    cursor = editor.textCursor()
    cursor.setPosition(position)
    rect = editor.cursorRect(cursor)
    assert rect.height() <= 1.1 * QFontMetricsF(editor.font()).height() + 1
    # A click just right of the caret's place lands on it, not on a neighbouring line.
    assert editor.cursorForPosition(rect.center() + QPoint(1, 0)).position() == position
    # A click in the space between two lines lands on one of them.
    gap_point = QPoint(rect.center().x(), rect.top() - 2)
    landed = editor.cursorForPosition(gap_point).position()
    assert (
        layout.lineAt(1).textStart() <= landed <= third_line.textStart() + third_line.textLength()
    )


class PaintedRegions(QObject):
    """What a widget was asked to repaint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def test_a_label_key_repaints_the_paragraph_tagged_not_the_whole_article(
    qtbot, shown_view: ArticleView
):
    editor = shown_view.editor
    select_first_word(qtbot, editor)
    qtbot.waitUntil(lambda: editor.textCursor().hasSelection())
    second = editor.document().lastBlock()
    below = editor.blockBoundingGeometry(second).translated(editor.contentOffset()).toRect()
    assert below.top() < editor.viewport().height(), "the second paragraph is on screen"
    QApplication.processEvents()
    painted = PaintedRegions(editor.viewport())

    QTest.keyClick(editor, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: bool(painted.regions))
    QApplication.processEvents()

    assert shown_view.current_span_id(), "the word is tagged"
    assert not any(region.intersects(below) for region in painted.regions), (
        f"the paragraph below was repainted too: {painted.regions} over {below}"
    )

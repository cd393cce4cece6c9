"""What the reader sees: a read-only text, spans drawn so none hides another, only the
touched paragraphs re-styled, and positions converted once at the UI boundary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.ui.article.highlighter import ENTITY_PROPERTY, SpanHighlighter, statements_at
from annotator.ui.article.qt_offsets import TextPositions
from annotator.ui.article.view import ArticleView
from annotator.ui.session import ProjectSession

ANNOTATOR = "alice"
TEXT = (
    "🚀 Meta 👩‍💻 aurait offert 100 millions $ à Sam Altman, selon Élodie.\n\n"
    "Meta dément avoir promis une prime de 100 millions $ à quiconque.\n\n"
    "Troisième paragraphe sans étiquette."
)


def qt_position(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def where(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def tag(store: Store, document: Document, fragment: str, label: str, occurrence: int = 0) -> str:
    start, end = where(fragment, occurrence)
    return store.add_span(store.make_span(document, ANNOTATOR, start, end, label)).id


def formats_at(view: ArticleView, cp: int):
    """The character format the highlighter gave code point ``cp`` (None if plain)."""
    qt = qt_position(TEXT, cp)
    block = view.editor.document().findBlock(qt)
    inside = qt - block.position()
    for format_range in block.layout().formats():
        if format_range.start <= inside < format_range.start + format_range.length:
            return QTextCharFormat(format_range.format)
    return None


@pytest.fixture
def document(store: Store) -> Document:
    document = Document.from_text(TEXT, title="Meta")
    store.add_document(document)
    return document


@pytest.fixture
def view(qtbot, store: Store) -> ArticleView:
    view = ArticleView(ProjectSession(store, QUndoStack()), ANNOTATOR)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(qtbot, view: ArticleView, doc_id: str) -> None:
    """Open a document and wait until the screenful on show is drawn."""
    view.set_document(doc_id)
    last = view.editor.document().lastBlock()
    qtbot.waitUntil(lambda: view.highlighter.is_styled(last))


def test_the_text_is_read_only_selectable_and_has_no_undo_of_its_own(qtbot, view, document):
    shown(qtbot, view, document.id)
    editor = view.editor
    assert editor.isReadOnly()
    assert not editor.document().isUndoRedoEnabled()
    flags = editor.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    view.setFocus()
    qtbot.keyClicks(editor, "xyz")
    assert editor.toPlainText() == TEXT
    assert editor.lineWrapMode() == editor.LineWrapMode.WidgetWidth


def test_an_amount_inside_a_claim_shows_both(qtbot, view, store, document):
    tag(store, document, "Meta 👩‍💻 aurait offert 100 millions $ à Sam Altman", "claim")
    tag(store, document, "100 millions $", "amount")
    tag(store, document, "Sam Altman", "person")
    shown(qtbot, view, document.id)

    amount = formats_at(view, where("millions")[0])
    assert amount is not None
    assert amount.background().color() == view.styles.tint("amount")
    assert statements_at(amount) == [("claim", 0)]

    person = formats_at(view, where("Altman")[0])
    assert person.property(ENTITY_PROPERTY) == "person"
    assert statements_at(person) == [("claim", 0)]

    claim_only = formats_at(view, where("aurait")[0])
    assert statements_at(claim_only) == [("claim", 0)]
    assert claim_only.property(ENTITY_PROPERTY) is None

    assert formats_at(view, where("selon")[0]) is None


def test_the_claim_bar_is_painted_under_the_amount(qtbot, view, store, document):
    tag(store, document, "Meta 👩‍💻 aurait offert 100 millions $ à Sam Altman", "claim")
    tag(store, document, "100 millions $", "amount")
    shown(qtbot, view, document.id)
    editor = view.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(qt_position(TEXT, where("millions")[0] + 3))
    caret = editor.cursorRect(cursor)
    image = editor.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    claim = QColor("#0072B2")

    def near(colour: QColor, target: QColor) -> bool:
        pairs = zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
        return all(abs(a - b) < 40 for a, b in pairs)

    # Somewhere in the band just under the text line, the claim's colour shows.
    column = [
        image.pixelColor(int(caret.x() * ratio), int(y * ratio))
        for y in range(caret.bottom() - 4, caret.bottom() + 8)
    ]
    assert any(near(colour, claim) for colour in column)
    # And the amount's tint fills the line's background above the glyphs.
    top = image.pixelColor(int(caret.x() * ratio), int((caret.top() + 1) * ratio))
    assert near(top, view.styles.tint("amount"))


def test_a_claim_inside_a_denial_gets_its_own_lane(qtbot, view, store, document):
    tag(store, document, "Meta dément avoir promis une prime de 100 millions $", "denial")
    tag(store, document, "promis une prime de 100 millions $", "claim")
    tag(store, document, "100 millions $", "amount", occurrence=1)
    shown(qtbot, view, document.id)
    inner = formats_at(view, where("millions", 1)[0])
    assert sorted(statements_at(inner)) == [("claim", 1), ("denial", 0)]
    assert inner.property(ENTITY_PROPERTY) == "amount"
    assert statements_at(formats_at(view, where("dément")[0])) == [("denial", 0)]


def test_adding_a_span_restyles_only_the_paragraph_it_is_in(qtbot, store, document, monkeypatch):
    restyled: list[int] = []
    style_block = SpanHighlighter.highlightBlock

    def record(self: SpanHighlighter, text: str) -> None:
        restyled.append(self.currentBlock().blockNumber())
        style_block(self, text)

    monkeypatch.setattr(SpanHighlighter, "highlightBlock", record)
    view = ArticleView(ProjectSession(store, QUndoStack()), ANNOTATOR)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    shown(qtbot, view, document.id)
    assert 0 in restyled  # the spy sees the first styling pass
    restyled.clear()
    start, end = where("dément")
    cursor = view.editor.textCursor()
    cursor.setPosition(qt_position(TEXT, start))
    cursor.setPosition(qt_position(TEXT, end), QTextCursor.MoveMode.KeepAnchor)
    view.editor.setTextCursor(cursor)
    view.apply_label("denial")
    QApplication.processEvents()  # let the view repaint
    second_paragraph = view.editor.document().findBlock(qt_position(TEXT, start)).blockNumber()
    assert restyled == [second_paragraph]
    assert statements_at(formats_at(view, start)) == [("denial", 0)]


def test_a_long_article_styles_only_what_is_shown(qtbot, view, store):
    paragraph = "Le ministre a promis 3 milliards € aux hôpitaux, selon Le Monde. " * 6
    text = "\n\n".join(f"{number}. {paragraph}" for number in range(400))
    document = Document.from_text(text, title="long")
    store.add_document(document)
    last = text.rindex("3 milliards €")
    spans = [
        store.make_span(document, ANNOTATOR, start, start + len("3 milliards €"), "amount")
        for start in (text.index("3 milliards €"), last)
    ]
    store.add_spans(spans)
    view.set_document(document.id)
    blocks = view.editor.document()
    qtbot.waitUntil(lambda: bool(blocks.firstBlock().layout().formats()))  # on screen
    last_block = blocks.findBlock(last)
    assert not last_block.layout().formats()  # far below: not styled yet
    assert not view.highlighter.is_styled(last_block.previous().previous())
    view.select_span(spans[1].id)
    qtbot.waitUntil(lambda: bool(last_block.layout().formats()))
    assert view.current_span_id() == spans[1].id


def test_selecting_a_span_scrolls_to_it_and_outlines_it(qtbot, view, store, document):
    span_id = tag(store, document, "Élodie", "person")
    shown(qtbot, view, document.id)
    with qtbot.waitSignal(view.currentSpanChanged) as current:
        view.select_span(span_id)
    assert current.args == [span_id]
    (outline,) = view.editor.extraSelections()
    start, end = where("Élodie")
    assert outline.cursor.selectionStart() == qt_position(TEXT, start)
    assert outline.cursor.selectionEnd() == qt_position(TEXT, end)
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert view.editor.extraSelections() == []
    assert view.current_span_id() == ""


def test_zoom_keys_change_the_text_size(qtbot, view, document):
    shown(qtbot, view, document.id)
    size = view.editor.font().pointSizeF()
    qtbot.keyClick(view.editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.font().pointSizeF() == size + 1
    qtbot.keyClick(view.editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.font().pointSizeF() == size - 1


def test_other_layers_are_shown_but_not_editable(qtbot, view, store, document):
    start, end = where("Sam Altman")
    store.add_span(store.make_span(document, "bob", start, end, "person"))
    shown(qtbot, view, document.id)
    assert formats_at(view, start) is None
    view.set_layers(["bob"])
    qtbot.waitUntil(lambda: formats_at(view, start) is not None)
    assert formats_at(view, start).property(ENTITY_PROPERTY) == "person"
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(qt_position(TEXT, start + 2))
    point = view.editor.cursorRect(cursor).center() + QPoint(2, 0)
    QTest.mouseClick(
        view.editor.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert view.current_span_id() == ""  # bob's span cannot be picked for editing


def test_positions_convert_between_qt_and_code_points() -> None:
    positions = TextPositions(TEXT)
    for cp in range(len(TEXT) + 1):
        assert positions.to_qt(cp) == qt_position(TEXT, cp)
        assert positions.to_code_point(qt_position(TEXT, cp)) == cp
    inside_rocket = 1  # between the two halves of 🚀
    assert positions.to_code_point(inside_rocket, "down") == 0
    assert positions.to_code_point(inside_rocket, "up") == 1
    assert TextPositions("plain text").identity


def test_no_document_shows_nothing(qtbot, view, document):
    shown(qtbot, view, document.id)
    view.set_document(None)
    assert view.document_id() is None
    assert view.editor.toPlainText() == ""
    view.apply_label("claim")  # nothing to tag, and no error

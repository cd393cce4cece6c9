"""Spans inside spans: a click reaches the innermost, clicks again walk outwards, and
every nested span stays visible."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from text_mouse import drag, point_at


def click_on(view, text: str, cp: int) -> None:
    left, right = point_at(view, text, cp), point_at(view, text, cp + 1)
    QTest.mouseClick(
        view.editor.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint((left.x() + right.x()) // 2, left.y()),
    )


def tag(qtbot, view, text: str, fragment: str, key: str) -> None:
    start = text.index(fragment)
    drag(view, text, start, start + len(fragment))
    qtbot.keyClick(view.editor, key)


def current_label(view) -> str | None:
    span = view.editable_current_span()
    return span.label if span else None


def a_sentence(text: str) -> tuple[str, str]:
    """A sentence of the article and a word in its middle."""
    for sentence in text.split(". "):
        words = sentence.split()
        if len(words) >= 8 and all(word.isalpha() for word in words[2:6]):
            return " ".join(words[1:7]), words[3]
    raise AssertionError("no plain sentence in the article")


def test_a_click_selects_the_innermost_span_then_walks_outwards(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    claim, name = a_sentence(text)
    tag(qtbot, view, text, claim, "1")
    start = text.index(claim) + claim.index(f" {name} ") + 1
    drag(view, text, start, start + len(name))
    qtbot.keyClick(view.editor, "4")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)

    click_on(view, text, start + 1)
    assert current_label(view) == "person"
    click_on(view, text, start + 1)  # again: the claim around it
    assert current_label(view) == "claim"
    click_on(view, text, start + 1)  # and back in
    assert current_label(view) == "person"

    qtbot.keyClick(view.editor, Qt.Key.Key_Delete)
    labels = sorted(span.label for span in window.store.spans(view.document_id(), "alice"))
    assert labels == ["claim"]


def test_keys_walk_out_of_a_nested_span_and_back_in_then_relabel_the_claim(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    claim, name = a_sentence(text)
    tag(qtbot, view, text, claim, "1")
    start = text.index(claim) + claim.index(f" {name} ") + 1
    drag(view, text, start, start + len(name))
    qtbot.keyClick(view.editor, "4")
    assert current_label(view) == "person"

    outwards = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.editor, Qt.Key.Key_Up, outwards)
    assert current_label(view) == "claim"
    qtbot.keyClick(view.editor, Qt.Key.Key_Up, outwards)  # nothing around the claim
    assert current_label(view) == "claim"
    qtbot.keyClick(view.editor, "2")  # the claim, not the name, becomes a denial
    labels = sorted(span.label for span in window.store.spans(view.document_id(), "alice"))
    assert labels == ["denial", "person"]
    qtbot.keyClick(view.editor, Qt.Key.Key_Down, outwards)
    assert current_label(view) == "person"
    assert "Ctrl+Shift+Up" in [
        action.shortcut().toString() for action in window.edit_menu.actions()
    ]


def test_the_nesting_keys_are_off_while_no_span_is_selected(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    assert not window.enclosing_span_action.isEnabled()
    text = window.store.document(window.article_view.document_id()).text
    claim, _name = a_sentence(text)
    tag(qtbot, window.article_view, text, claim, "1")
    assert window.enclosing_span_action.isEnabled()


def background_at(view, text: str, cp: int):
    """The colour drawn behind character ``cp``: the current span's overlay, else the
    highlighter's tint (None: the page itself)."""
    from text_mouse import qt_position

    position = qt_position(text, cp)
    for selection in reversed(view.editor.extraSelections()):
        cursor = selection.cursor
        if cursor.selectionStart() <= position < cursor.selectionEnd():
            if selection.format.hasProperty(selection.format.Property.BackgroundBrush):
                return selection.format.background().color().name()
    block = view.editor.document().findBlock(position)
    inside = position - block.position()
    for piece in block.layout().formats():
        if piece.start <= inside < piece.start + piece.length:
            brush = piece.format.background()
            return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else None
    return None


def test_a_selected_claim_leaves_the_tags_inside_it_visible(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    claim, name = a_sentence(text)
    start = text.index(claim) + claim.index(f" {name} ") + 1
    drag(view, text, start, start + len(name))
    qtbot.keyClick(view.editor, "4")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    person_tint = background_at(view, text, start)
    tag(qtbot, view, text, claim, "1")
    assert current_label(view) == "claim"
    assert background_at(view, text, start) == person_tint


def test_a_person_inside_a_person_is_seen(qtbot, open_window, seeded_project) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    outer, inner = a_sentence(text)
    tag(qtbot, view, text, outer, "4")
    start = text.index(outer) + outer.index(f" {inner} ") + 1
    drag(view, text, start, start + len(inner))
    qtbot.keyClick(view.editor, "4")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    outside_inner = text.index(outer)
    assert background_at(view, text, outside_inner) is not None
    assert background_at(view, text, start) not in (None, background_at(view, text, outside_inner))


def test_a_selected_name_inside_a_claim_is_filled_as_selected(
    qtbot, open_window, seeded_project
) -> None:
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    claim, name = a_sentence(text)
    tag(qtbot, view, text, claim, "1")
    start = text.index(claim) + claim.index(f" {name} ") + 1
    drag(view, text, start, start + len(name))
    qtbot.keyClick(view.editor, "4")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    tint = background_at(view, text, start)
    click_on(view, text, start + 1)
    assert current_label(view) == "person"
    assert background_at(view, text, start) not in (None, tint)  # the selection shows

"""Search in the window, by key presses: the project's search pane, the find bar over
the article, and tagging every hit in one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.models import Document
from annotator.core.search import fold
from annotator.core.store import Store

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
BOSWORTH_ARTICLE = "Meta propose des salaires"  # the seed article that names him


@pytest.fixture
def window(open_window, seeded_project: Path):
    return open_window(seeded_project)


def selected(window) -> tuple[int, int]:
    view = window.article_view
    return view.text_positions().selection(view.editor.textCursor())


def search_for(qtbot, window, query: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    pane = window.search.pane
    qtbot.waitUntil(lambda: pane.query_edit.hasFocus())
    qtbot.keyClicks(pane.query_edit, query)
    qtbot.keyClick(pane.query_edit, Qt.Key.Key_Return)


def test_a_word_in_one_articles_body_is_found_and_enter_opens_it_selected(
    qtbot, window
) -> None:
    search_for(qtbot, window, "BOSWORTH")
    pane = window.search.pane
    assert pane.summary.text() == "4 hits in 1 article"
    assert pane.hit_list.hasFocus()  # Enter went from the query to the hits
    qtbot.keyClick(pane.hit_list, Qt.Key.Key_Down)
    qtbot.keyClick(pane.hit_list, Qt.Key.Key_Return)
    second = pane.hits()[1]
    assert window.current_document_id() == second.doc_id
    text = window.store.document(second.doc_id).text
    assert selected(window) == (second.start, second.end)
    assert text[second.start : second.end] == "Bosworth"
    editor = window.article_view.editor
    assert editor.viewport().rect().contains(editor.cursorRect().center())  # in view
    assert window.article_view.editor.hasFocus()
    item = pane.hit_list.topLevelItem(1)
    assert item.text(2) == "Bosworth" and item.font(2).bold()
    assert item.text(1) == second.before and item.text(3) == second.after


def test_a_click_on_a_hit_opens_it(qtbot, window) -> None:
    search_for(qtbot, window, "«Andrew Bosworth»")
    pane = window.search.pane
    [hit] = pane.hits()
    item = pane.hit_list.topLevelItem(0)
    rect = pane.hit_list.visualItemRect(item)
    qtbot.mouseClick(pane.hit_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document_id() == hit.doc_id
    assert selected(window) == (hit.start, hit.end)


def test_a_query_that_cannot_run_is_said_in_the_pane(qtbot, window) -> None:
    search_for(qtbot, window, '"Andrew Bosworth')
    pane = window.search.pane
    assert "never closed" in pane.summary.text()
    assert pane.hits() == []


def test_the_title_filter_moved_to_ctrl_k(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.document_list.filter_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.search.find_bar.edit.hasFocus()


def open_article(qtbot, window, starts_with: str) -> str:
    doc_id = next(
        summary.id
        for summary in window.store.document_summaries()
        if summary.title.startswith(starts_with)
    )
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.current_document_id() == doc_id)
    return doc_id


def block_formats(window) -> list[list[tuple[int, int, str]]]:
    document = window.article_view.editor.document()
    block, found = document.begin(), []
    while block.isValid():
        found.append(
            [(r.start, r.length, r.format.background().color().name())
             for r in block.layout().formats()]
        )
        block = block.next()
    return found


def test_ctrl_f_finds_in_the_article_with_next_and_previous(qtbot, window) -> None:
    doc_id = open_article(qtbot, window, BOSWORTH_ARTICLE)
    text = window.store.document(doc_id).text
    document = window.store.document(doc_id)
    start = text.index("Meta")
    window.store.add_span(window.store.make_span(document, "alice", start, start + 4, "person"))
    window.reload_project()
    spans_drawn = block_formats(window)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_F, CTRL)
    bar = window.search.find_bar
    qtbot.keyClicks(bar.edit, "META")
    expected = [i for i in range(len(text)) if fold(text[i : i + 4]) == "meta"]
    count = len(expected)
    assert count > 3
    assert bar.count_label.text() == f"1 of {count} hits"
    assert selected(window) == (expected[0], expected[0] + 4)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"3 of {count} hits"
    assert selected(window) == (expected[2], expected[2] + 4)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == f"{count} of {count} hits"  # wrapped round
    # Every hit underlined as an overlay; the spans' own tints are untouched.
    overlays = window.article_view.editor.extraSelections()
    underlined = [s for s in overlays if s.format.fontUnderline()]
    assert len(underlined) == count
    assert all(s.format.background().style() == Qt.BrushStyle.NoBrush for s in underlined)
    assert block_formats(window) == spans_drawn
    qtbot.keyClicks(bar.edit, "zzz")
    assert bar.count_label.text() == "No match"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.article_view.editor.hasFocus()
    assert not [s for s in window.article_view.editor.extraSelections()
                if s.format.fontUnderline()]


def dialog_of(qtbot, window):
    qtbot.waitUntil(lambda: window.search.dialog is not None and window.search.dialog.isVisible())
    dialog = window.search.dialog
    qtbot.waitUntil(dialog.list.hasFocus)  # the keys go to the list of hits
    return dialog


def spans_labelled(store: Store, label: str) -> list[tuple[str, int, int, str]]:
    return sorted(
        (span.doc_id, span.start, span.end, span.text)
        for doc_id in store.document_ids()
        for span in store.spans(doc_id, "alice")
        if span.label == label
    )


def test_tag_every_hit_of_a_search_by_keys_in_one_undo_step(qtbot, window) -> None:
    store = window.store
    search_for(qtbot, window, "bosworth")
    hits = window.search.pane.hits()
    document = store.document(hits[3].doc_id)
    store.add_span(store.make_span(document, "alice", hits[3].start, hits[3].end, "person"))
    qtbot.keyClick(window.search.pane.hit_list, Qt.Key.Key_T, CTRL | SHIFT)
    dialog = dialog_of(qtbot, window)
    assert dialog.list.topLevelItemCount() == 4
    qtbot.keyClick(dialog.list, Qt.Key.Key_4)  # person: tags the first, goes on
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # skips the second
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # the label shown: person again
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # already tagged: counted, left alone
    assert [dialog.list.topLevelItem(i).text(0) for i in range(4)] == [
        "→ Person", "skipped", "→ Person", "already Person"
    ]
    assert dialog.counts.text() == "2 to tag · 1 skipped · 1 already tagged · 0 left"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tagged = [(hit.doc_id, hit.start, hit.end, "Bosworth") for hit in (hits[0], hits[2], hits[3])]
    assert spans_labelled(store, "person") == sorted(tagged)
    assert window.undo_stack.undoText() == "Tag 2 occurrences of “bosworth”"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL)
    assert spans_labelled(store, "person") == [tagged[2]]
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert spans_labelled(store, "person") == sorted(tagged)
    assert window.article_view.spans()  # the article view shows them


def test_tag_every_hit_of_the_find_bar_snaps_to_whole_words(qtbot, window) -> None:
    doc_id = open_article(qtbot, window, BOSWORTH_ARTICLE)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_F, CTRL)
    bar = window.search.find_bar
    qtbot.keyClicks(bar.edit, "oswor")  # inside the word
    qtbot.keyClick(bar.edit, Qt.Key.Key_T, CTRL | SHIFT)
    dialog = dialog_of(qtbot, window)
    for _hit in range(dialog.list.topLevelItemCount()):
        qtbot.keyClick(dialog.list, Qt.Key.Key_4)
    dialog.apply()
    text = window.store.document(doc_id).text
    starts = [i for i in range(len(text)) if text.startswith("Bosworth", i)]
    assert spans_labelled(window.store, "person") == [
        (doc_id, start, start + 8, "Bosworth") for start in starts
    ]


def test_the_pane_finds_what_an_import_brings(qtbot, window, tmp_path: Path) -> None:
    search_for(qtbot, window, "Zanzibar")
    assert window.search.pane.hits() == []
    (tmp_path / "new.txt").write_text("Un article sur Zanzibar.\n", encoding="utf-8")
    window.start_import([tmp_path / "new.txt"])
    qtbot.waitUntil(lambda: window.search.pane.hits() != [], timeout=10000)
    [hit] = window.search.pane.hits()
    assert hit.match == "Zanzibar"
    assert hit.doc_id == Document.from_text("Un article sur Zanzibar.\n").id


def test_two_hits_in_one_word_make_one_span(qtbot, open_window, tmp_path: Path) -> None:
    path = tmp_path / "small.db"
    with Store(path) as store:
        store.add_document(Document.from_text("Bosworth dit non, Bosworth dit oui."))
    window = open_window(path)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_F, CTRL)
    bar = window.search.find_bar
    qtbot.keyClicks(bar.edit, "o")
    assert bar.count_label.text() == "1 of 6 hits"  # Bosworth twice, non, oui
    qtbot.keyClick(bar.edit, Qt.Key.Key_T, CTRL | SHIFT)
    dialog = dialog_of(qtbot, window)
    for _hit in range(6):
        qtbot.keyClick(dialog.list, Qt.Key.Key_4)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, CTRL)
    text = "Bosworth dit non, Bosworth dit oui."
    [doc_id] = window.store.document_ids()
    assert spans_labelled(window.store, "person") == [
        (doc_id, 0, 8, "Bosworth"),
        (doc_id, 13, 16, "non"),
        (doc_id, 18, 26, "Bosworth"),
        (doc_id, 31, 34, "oui"),
    ]
    assert text[13:16] == "non"

"""The article list of a large project in the real window: it reads only the rows on
show, its counts say what the project holds, and its filters (title words, status,
labels held and not held, annotator, outlet, date) answer keys and follow each change."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from text_mouse import select_first_word

from annotator.core.models import Document, Status
from annotator.core.store import Store
from annotator.ui.models import BYLINE_ROLE, PAGE_ROWS, DocumentListModel

ARTICLES = 5 * PAGE_ROWS
OUTLETS = ["Le Monde", "AFP", "Reuters"]


def title_of(number: int) -> str:
    return f"Dépêche {number:04d} " + ("budget" if number % 7 == 0 else "santé")


@pytest.fixture
def large_project(tmp_path: Path) -> Path:
    path = tmp_path / "large.db"
    with Store(path) as store:
        documents = [
            Document.from_text(
                f"{title_of(n)}\n\nTexte de l’article numéro {n}, dit le ministre.",
                meta={"site": OUTLETS[n % 3], "date": f"2024-{n % 12 + 1:02d}-15"},
            )
            for n in range(ARTICLES)
        ]
        store.add_documents(documents)
        for n in (3, 14, 21):
            store.add_span(store.make_span(documents[n], "alice", 0, 7, "claim"))
        store.add_span(store.make_span(documents[14], "alice", 8, 12, "denial"))
        store.add_span(store.make_span(documents[21], "bruno", 0, 7, "claim"))
        store.set_status(documents[5].id, "alice", Status.DONE)
    return path


def shown_titles(window) -> list[str]:
    model = window.document_list.table.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def show_more_filters(qtbot, window) -> None:
    """Unfold the filters beyond title and status: the button by the status, by Space."""
    button = window.document_list.more_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(window.document_list.with_label_combo.isVisible)


def choose(qtbot, combo: QComboBox, value: object) -> None:
    """Pick ``value`` in a closed combo box with the arrow keys, as from the keyboard."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wanted = combo.findData(value)
    assert wanted >= 0, value
    while combo.currentIndex() != wanted:
        key = Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_a_large_list_opens_reading_only_the_rows_on_show(
    qtbot, open_window, large_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    every_summary = Store.document_summaries
    original = Store.article_rows

    def counting(self, annotator, positions):
        read.append(len(positions))
        return original(self, annotator, positions)

    def refused(self, annotator=None):
        raise AssertionError("the window built a summary of every document")

    monkeypatch.setattr(Store, "article_rows", counting)
    monkeypatch.setattr(Store, "document_summaries", refused)
    window = open_window(large_project)
    table = window.document_list.table
    assert window.document_model.rowCount() == ARTICLES
    assert sum(read) <= 2 * PAGE_ROWS, read
    assert window.current_document_id() is not None
    counts = window.document_list.counts.text()
    assert f"{ARTICLES} articles" in counts and "1 done, 3 in progress" in counts
    # Where and when under the title.
    assert table.model().index(1, DocumentListModel.TITLE).data(BYLINE_ROLE) == "AFP · 2024-02-15"

    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert window.windowTitle().startswith(title_of(ARTICLES - 1))
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert window.windowTitle().startswith(title_of(ARTICLES - 2))
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert window.windowTitle().startswith(title_of(0))
    monkeypatch.setattr(Store, "document_summaries", every_summary)


def test_every_filter_answers_keys_and_they_combine(qtbot, open_window, large_project) -> None:
    window = open_window(large_project)
    panel = window.document_list
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.filter_edit.hasFocus)
    qtbot.keyClicks(panel.filter_edit, "BUDGET")
    budget = [title_of(n) for n in range(ARTICLES) if n % 7 == 0]
    assert shown_titles(window) == budget
    assert f"{len(budget)} of {ARTICLES} articles" in panel.counts.text()

    assert not panel.outlet_combo.isVisible()
    show_more_filters(qtbot, window)
    choose(qtbot, panel.outlet_combo, "AFP")
    assert shown_titles(window) == [title_of(n) for n in range(ARTICLES) if n % 21 == 7]
    panel.date_from_edit.setFocus()
    qtbot.keyClicks(panel.date_from_edit, "2024-06")
    qtbot.keyClicks(panel.date_to_edit, "2024-08-31")
    assert shown_titles(window) == [
        title_of(n) for n in range(ARTICLES) if n % 21 == 7 and 5 <= n % 12 <= 7
    ]
    # A date the list cannot read is shown so and left out.
    panel.date_to_edit.clear()
    qtbot.keyClicks(panel.date_to_edit, "2024-13")
    assert "color" in panel.date_to_edit.styleSheet()
    assert shown_titles(window) == [
        title_of(n) for n in range(ARTICLES) if n % 21 == 7 and n % 12 >= 5
    ]

    panel.clear_filters()
    assert len(shown_titles(window)) == ARTICLES
    choose(qtbot, panel.with_label_combo, "claim")
    assert shown_titles(window) == [title_of(3), title_of(14), title_of(21)]
    choose(qtbot, panel.without_label_combo, "denial")
    assert shown_titles(window) == [title_of(3), title_of(21)]
    choose(qtbot, panel.annotator_combo, "bruno")
    assert shown_titles(window) == [title_of(21)]
    choose(qtbot, panel.with_label_combo, None)
    choose(qtbot, panel.without_label_combo, None)
    assert shown_titles(window) == [title_of(21)]  # bruno marked only that one
    choose(qtbot, panel.annotator_combo, None)
    choose(qtbot, panel.status_combo, Status.DONE.value)
    assert shown_titles(window) == [title_of(5)]


def test_the_filtered_list_follows_a_tag_and_a_status(qtbot, open_window, large_project) -> None:
    window = open_window(large_project)
    panel = window.document_list
    with Store(large_project) as store:
        ids = [s.id for s in store.document_summaries("alice")]
    window.open_document(ids[2])
    show_more_filters(qtbot, window)
    choose(qtbot, panel.with_label_combo, "claim")
    assert title_of(2) not in shown_titles(window)
    assert window.current_document_id() == ids[2]  # the article stays open

    # Tagging a claim in it brings it into the list, in its place.
    editor = window.article_view.editor
    select_first_word(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_1)
    assert shown_titles(window) == [title_of(2), title_of(3), title_of(14), title_of(21)]
    # Undone, it leaves again.
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_titles(window) == [title_of(3), title_of(14), title_of(21)]

    # To do only: Ctrl+Enter marks done, the row leaves, the next opens, counts follow.
    choose(qtbot, panel.with_label_combo, None)
    choose(qtbot, panel.status_combo, "unfinished")
    window.open_document(ids[4])
    window.article_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    with qtbot.waitSignal(window.documentOpened) as opened:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert opened.args == [ids[6]]  # the fifth was done already
    assert title_of(4) not in shown_titles(window)
    assert len(shown_titles(window)) == ARTICLES - 2
    assert "2 done" in panel.counts.text()
    assert panel.current_document_id() == ids[6]

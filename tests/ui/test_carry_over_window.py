"""Article → Carry spans over from an earlier version…, used as a journalist would after
importing the corrected version of an article they had tagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.models import Document, Origin
from annotator.core.store import Store

OLD_TEXT = (
    "Meta a proposé 100 M$ à un chercheur, selon Sam Altman. "
    "Meta dément. Andrew Bosworth affirme que Meta n'a rien offert de tel."
)
# The correction adds a lead, and rewrites Bosworth's sentence: "affirme" is gone.
NEW_TEXT = (
    "Mise à jour le 12 juin. "
    "Meta a proposé 100 M$ à un chercheur, selon Sam Altman. "
    "Meta dément formellement. Andrew Bosworth assure que Meta n'a rien offert de tel."
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def corrected_project(tmp_path: Path, preferences) -> tuple[Path, Document, Document]:
    """Alice tagged the first version; the corrected one was imported since, and is open."""
    path = tmp_path / "project.db"
    old = Document.from_text(OLD_TEXT, source="lemonde/meta.txt", title="Meta et les primes")
    new = Document.from_text(NEW_TEXT, source="lemonde/meta.txt", title="Meta et les primes")
    with Store(path) as store:
        store.add_documents([old, new])
        for quote, label in [
            ("Sam Altman", "person"),
            ("100 M$", "amount"),
            ("Bosworth affirme", "person"),  # its text is not in the new version
        ]:
            start = OLD_TEXT.index(quote)
            store.add_span(store.make_span(old, "alice", start, start + len(quote), label))
    preferences.set_last_document(path, new.id)
    return path, old, new


def carried(store: Store, doc_id: str) -> list[tuple[str, str, str]]:
    """(text, label, origin) of the document's spans; text sliced from the document."""
    text = store.document(doc_id).text
    return [(text[s.start : s.end], s.label, s.origin) for s in store.spans(doc_id)]


def test_spans_are_carried_onto_the_corrected_article_as_one_undo_step(
    qtbot, open_window, corrected_project
):
    path, old, new = corrected_project
    window = open_window(path)
    assert window.current_document_id() == new.id
    store = window.store

    window.carry_over.action.trigger()
    dialog = window.carry_over.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    first = dialog.list.item(0).text()
    assert first.startswith("Meta et les primes — lemonde/meta.txt") and "same source" in first
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    expected = [
        ("100 M$", "amount", Origin.CARRIED_OVER.value),
        ("Sam Altman", "person", Origin.CARRIED_OVER.value),
    ]
    qtbot.waitUntil(lambda: sorted(carried(store, new.id)) == expected, timeout=10000)
    # The task's result reaches the window just after its write.
    qtbot.waitUntil(
        lambda: sorted((s.start, s.end) for s in window.article_view.spans())
        == sorted((s.start, s.end) for s in store.spans(new.id))
    )
    # The span panel and the article list follow too.
    panel = window.span_panel.model
    shown = [
        panel.item(row).child(i).text()
        for row in range(panel.rowCount())
        for i in range(panel.item(row).rowCount())
    ]
    assert "Sam Altman" in shown and len(shown) == len(store.spans(new.id, "alice"))
    row = window.document_model.row_of(new.id)
    assert window.document_model.summary(row).span_count == len(store.spans(new.id, "alice"))
    assert "Carried 2 spans over." in window.statusBar().currentMessage()
    problems = window.carry_over.problems
    qtbot.waitUntil(lambda: problems is not None and problems.isVisible())
    assert problems.problems() == [("Person “Bosworth affirme”", "alice")]
    problems.close()
    assert len(store.spans(old.id)) == 3  # the earlier version keeps its spans

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = store.spans(new.id)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL)
    assert store.spans(new.id) == []
    assert window.article_view.spans() == []
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.spans(new.id) == before


def test_with_no_other_tagged_article_it_says_so(qtbot, open_window, tmp_path: Path):
    path = tmp_path / "lonely.db"
    with Store(path) as store:
        store.add_document(Document.from_text(NEW_TEXT, title="Seul"))
    window = open_window(path)
    window.carry_over.action.trigger()
    assert window.carry_over.dialog is None
    assert "No other article has spans" in window.statusBar().currentMessage()


def test_the_window_carries_links_and_its_undo_takes_them_back(
    qtbot, open_window, corrected_project
):
    from annotator.core.attribution import links

    path, old, new = corrected_project
    with Store(path) as store:
        claim_text = "Meta a proposé 100 M$ à un chercheur"
        start = OLD_TEXT.index(claim_text)
        claim = store.add_span(
            store.make_span(old, "alice", start, start + len(claim_text), "claim")
        )
        spans = {s.text: s for s in store.spans(old.id)}
        links.add_link(store, "said_by", claim.id, spans["Sam Altman"].id)
        links.add_link(store, "amount_of", spans["100 M$"].id, claim.id)
    window = open_window(path)
    store = window.store
    window.carry_over.action.trigger()
    dialog = window.carry_over.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "2 links came along." in window.statusBar().currentMessage(), timeout=10000
    )
    assert len(store.links(doc_id=new.id)) == 2
    assert len(window.attribution.panel.link_rows()) == 2
    problems = window.carry_over.problems
    qtbot.waitUntil(lambda: problems is not None and problems.isVisible())
    problems.close()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = store.links(doc_id=new.id)
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL)
    assert store.links(doc_id=new.id) == []
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.links(doc_id=new.id) == before
    assert len(window.attribution.panel.link_rows()) == 2

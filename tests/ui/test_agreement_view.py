"""Agreement figures in the window, and the click-through to the disagreements behind them."""

from __future__ import annotations

from pathlib import Path

import review_support
from PySide6.QtCore import Qt

from annotator.core.importing.articles import import_paths
from annotator.core.models import Document
from annotator.core.review import agreement
from annotator.core.store import Store
from annotator.ui.review.agreement_view import figure, first_disagreement

load_fixture = review_support.load_fixture
review_window = review_support.review_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def build_project(path: Path, seeds_dir: Path):
    """The three-annotator article, plus a seed article where alice and carol also
    tagged one organisation the same way (so the corpus differs from the article)."""
    with Store(path) as store:
        example = load_fixture().build_review_example(store)
        import_paths(store, [seeds_dir])
        other = next(d for d in store.document_ids() if d != example.doc_id)
        document = store.document(other)
        start = document.text.index("Meta")
        for name in ("alice", "carol"):
            store.add_span(store.make_span(document, name, start, start + 4, "organisation"))
    return example, other


def cell_texts(table, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]


def test_agreement_figures_per_article_and_project_match_the_core(
    qtbot, review_window, tmp_path, seeds_dir
):
    path = tmp_path / "agreement.db"
    example, _other = build_project(path, seeds_dir)
    window = review_window(path)
    window.open_document(example.doc_id)
    with qtbot.waitSignal(window.review_mode.agreement_action.triggered):
        qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = window.review_mode.agreement_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(
        lambda: dialog.article.report is not None and dialog.project.report is not None,
        timeout=10000,
    )
    article_report = agreement.compute(window.store, doc_ids=[example.doc_id])
    project_report = agreement.compute(window.store)
    assert dialog.article.report == article_report
    assert dialog.project.report == project_report
    assert project_report.documents == 2 and article_report.documents == 1

    # Hand-checked figure: on this article, alice and bob agree exactly on the three
    # agreed spans and "OpenAI", disagree on the denial's boundaries, and only bob has
    # the claim: exact F1 = 2·4 / (5 + 6).
    table = dialog.article.table
    row = dialog.article.row_of("alice", "bob", None)
    assert row is not None
    cells = cell_texts(table, row)
    assert cells[0] == "alice × bob" and cells[1] == "all labels"
    assert cells[4] == figure(8 / 11) == "0.727"
    assert cells[8] == figure(article_report.pairs[0].overall.cohen_kappa)
    # Over the project, alice and carol also share the seed article's organisation.
    project_row = dialog.project.row_of("alice", "carol", "organisation")
    assert project_row is not None
    assert cell_texts(dialog.project.table, project_row)[4] == figure(2 * 1 / (2 + 2))
    assert figure(project_report.krippendorff_alpha) in dialog.project.summary.text()

    # Enter on the article's alice × carol row opens their first disagreement there.
    row = dialog.article.row_of("alice", "carol", None)
    table.setFocus()
    table.setCurrentCell(row, 4)
    review_mode = window.review_mode
    with qtbot.waitSignal(review_mode.stateChanged, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review_mode.active)
    assert review_mode.annotators == ["alice", "carol"]
    found = review_mode.current_candidate()
    assert found is not None and found[1].key == (*example.meta, "organisation")


def test_double_click_on_a_figure_opens_the_disagreement_behind_it(
    qtbot, review_window, tmp_path, seeds_dir
):
    path = tmp_path / "agreement.db"
    example, other = build_project(path, seeds_dir)
    window = review_window(path)
    window.open_document(other)  # the click-through must find the other article
    dialog = window.review_mode.show_agreement()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.project.report is not None, timeout=10000)
    table = dialog.project.table
    row = dialog.project.row_of("alice", "carol", "person")
    assert row is not None
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(table.isVisible)
    table.scrollToItem(table.item(row, 4))
    rect = table.visualItemRect(table.item(row, 4))
    review_mode = window.review_mode
    with qtbot.waitSignal(review_mode.stateChanged, timeout=10000):
        # A double-click's first press selects the row, as a real one does.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: review_mode.active)
    assert window.current_document_id() == example.doc_id
    assert review_mode.annotators == ["alice", "carol"]
    # alice and carol disagree on the label of "OpenAI": carol's person is selected.
    found = review_mode.current_candidate()
    assert found is not None
    assert found[1].key == (*example.openai, "person")
    assert found[1].annotators == ["carol"]


def test_first_disagreement_walks_documents_in_project_order(tmp_path, seeds_dir):
    path = tmp_path / "agreement.db"
    example, other = build_project(path, seeds_dir)
    with Store(path) as store:
        assert first_disagreement(store, "alice", "carol", "organisation", None) == (
            example.doc_id,
            *example.meta,
        )
        # Where they agree on everything, there is nothing to open.
        assert first_disagreement(store, "alice", "carol", None, other) is None
        # A label they never disagree on.
        assert first_disagreement(store, "alice", "bob", "amount", None) is None


def test_agreement_tabs_say_why_there_are_no_figures(qtbot, review_window, tmp_path):
    path = tmp_path / "lonely.db"
    with Store(path) as store:
        document = Document.from_text("Un seul annotateur a lu cet article.")
        store.add_document(document)
        store.add_span(store.make_span(document, "alice", 0, 2, "claim"))
    window = review_window(path)
    dialog = window.review_mode.show_agreement()
    qtbot.waitUntil(lambda: "two annotators" in dialog.project.summary.text(), timeout=10000)
    qtbot.waitUntil(lambda: "two annotators" in dialog.article.summary.text(), timeout=10000)
    assert dialog.project.table.rowCount() == 0 and dialog.article.table.rowCount() == 0

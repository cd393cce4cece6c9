"""Every panel follows every kind of change, whoever made it: the article, the span
panel, the link panel, the article list, the label bar and an open claim ledger show
what is stored, without a restart or a Refresh button."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from text_mouse import select_first_word

from annotator.core.importing.request import ImportRequest


def span_panel_rows(window) -> dict[str, list[str]]:
    """Group title -> the rows' texts, as the span panel shows them."""
    model = window.span_panel.model
    groups = {}
    for row in range(model.rowCount()):
        group = model.item(row)
        groups[group.text()] = [group.child(i).text() for i in range(group.rowCount())]
    return groups


def listed_span_count(window, doc_id: str) -> int:
    model = window.document_model
    return model.summary(model.row_of(doc_id)).span_count


def problems_about(window, word: str) -> list[str]:
    return [row for row in window.attribution.panel.link_rows("problems") if f"«{word}»" in row]


def test_labels_added_by_an_import_get_their_colour(
    qtbot, open_window, seeded_project, tmp_path: Path
):
    window = open_window(seeded_project)
    text = "Le ministre a parlé à Lyon hier."
    start = text.index("Lyon")
    file = tmp_path / "bob.jsonl"
    file.write_text(json.dumps({"text": text, "label": [[start, start + 4, "location"]]}) + "\n")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.start_import([file], ImportRequest(add_labels=True))
    assert window.store.label_set().get("location") is not None, "import added the label"
    new_colour = QColor(window.store.label_set().get("location").color)
    assert window.article_view.styles.colour("location") == new_colour
    assert "location" in window.label_bar.buttons


def test_the_open_ledger_follows_a_deleted_claim(
    qtbot, tmp_path: Path, build_seed_example, preferences
):
    from annotator.core.store import Store
    from annotator.ui import i18n
    from annotator.ui.shell.main_window import MainWindow

    i18n.apply_language("en")
    path = tmp_path / "p.db"
    with Store(path) as store:
        example = build_seed_example(store)
    preferences.show_suggestions = False
    window = MainWindow(Store(path), path, "alice", preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.attribution.show_ledger()
    before = dialog.rows()
    claim = example.spans["bloomberg_claim_001"]
    window.open_document(claim.doc_id)
    window.article_view.select_span(claim.id)
    window.article_view.delete_current_span()
    assert not window.store.has_span(claim.id)
    rows_now = dialog.rows()
    assert rows_now != before
    dialog.refresh()
    assert rows_now == dialog.rows()

    # Hidden, it does not rebuild on every change, but it is right when shown again.
    dialog.hide()
    window.undo_action.trigger()
    assert window.store.has_span(claim.id)
    window.attribution.show_ledger()
    assert dialog.rows() == before


def test_every_panel_follows_a_tag_a_relabel_a_delete_and_their_undo(
    qtbot, open_window, seeded_project
):
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    select_first_word(qtbot, window.article_view.editor)
    editor = window.article_view.editor
    assert span_panel_rows(window) == {} and listed_span_count(window, doc_id) == 0

    qtbot.keyClick(editor, Qt.Key.Key_1)  # claim
    [span] = window.store.spans(doc_id, "alice")
    word = span.text
    tagged = {"Claim (1)": [word]}
    assert span_panel_rows(window) == tagged
    assert listed_span_count(window, doc_id) == 1
    assert problems_about(window, word), "a claim without a source is listed to check"
    assert window.span_panel.tree.currentIndex().data() == word

    qtbot.keyClick(editor, Qt.Key.Key_4)  # relabel: person
    relabelled = {"Person (1)": [word]}
    assert span_panel_rows(window) == relabelled
    assert problems_about(window, word) == []

    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert span_panel_rows(window) == {}
    assert listed_span_count(window, doc_id) == 0
    assert window.article_view.spans() == []

    window.undo_action.trigger()  # the delete
    assert span_panel_rows(window) == relabelled
    assert listed_span_count(window, doc_id) == 1
    window.undo_action.trigger()  # the relabel
    assert span_panel_rows(window) == tagged
    assert problems_about(window, word)
    window.undo_action.trigger()  # the tag
    assert span_panel_rows(window) == {}
    assert problems_about(window, word) == []
    assert listed_span_count(window, doc_id) == 0


def test_marking_an_article_done_shows_in_the_list_and_the_status_bar(
    qtbot, open_window, seeded_project
):
    from annotator.core.models import Status

    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    changes = []
    window.session.changed.connect(changes.append)
    window.mark_done_and_next()
    row = window.document_model.row_of(doc_id)
    assert window.document_model.summary(row).status == Status.DONE
    assert [c.statuses and c.touches(doc_id) for c in changes] == [True]
    window.open_document(doc_id)
    assert "Done" in window.status_label.text()
    window.mark_in_progress()
    assert window.document_model.summary(row).status == Status.IN_PROGRESS
    assert "In progress" in window.status_label.text()


def test_a_colleagues_import_in_another_process_shows_after_reload(
    qtbot, open_window, seeded_project, tmp_path: Path
):
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    start, end = re.search(r"\w+", text).span()
    colleague = tmp_path / "colleague.jsonl"
    elsewhere = "Le ministre a parlé à Lyon hier."
    lyon = elsewhere.index("Lyon")
    colleague.write_text(
        json.dumps({"text": text, "label": [[start, end, "organisation"]]}) + "\n"
        + json.dumps({"text": elsewhere, "label": [[lyon, lyon + 4, "location"]]}) + "\n",
        encoding="utf-8",
    )
    documents_before = window.document_model.rowCount()
    subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(seeded_project), "import",
         str(colleague), "--as", "alice", "--add-labels"],
        check=True, capture_output=True, timeout=120,
    )

    window.reload_action.trigger()
    assert window.document_model.rowCount() == documents_before + 1
    assert "location" in window.label_bar.buttons
    assert window.article_view.styles.colour("location") == QColor(
        window.store.label_set().get("location").color
    )
    assert listed_span_count(window, doc_id) == 1
    assert span_panel_rows(window) == {"Organisation (1)": [text[start:end]]}
    assert [(s.start, s.end) for s in window.article_view.spans()] == [(start, end)]

"""Review mode, driven by key presses: three annotators' layers settled into gold.

The project is built through the store API (``tests/fixtures/review``); expected spans
come from the article text itself, by Python slicing, never from the window."""

from __future__ import annotations

import json

import review_support
from PySide6.QtCore import Qt
from text_mouse import drag

from annotator.core.formats.export import ExportOptions
from annotator.core.models import GOLD_LAYER, DecisionKind, Status
from annotator.core.review.decisions import DisagreementKind
from annotator.core.store import Store

example_project = review_support.example_project
open_review = review_support.open_review
press = review_support.press
review_window = review_support.review_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def current_key(review_mode) -> tuple[int, int, str]:
    found = review_mode.current_candidate()
    assert found is not None
    return found[1].key


def decision_on(store: Store, doc_id: str, key: tuple[int, int, str]):
    found = [d for d in store.decisions(doc_id) if (d.start, d.end, d.label) == key]
    assert len(found) == 1, found
    return found[0]


def gold_keys(store: Store, doc_id: str) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in store.spans(doc_id, GOLD_LAYER)}


def test_three_annotators_reviewed_end_to_end_with_keys(
    qtbot, review_window, example_project, tmp_path
):
    path, example = example_project
    text = example.text
    window = review_window(path)
    store = window.store
    doc_id = example.doc_id

    review_mode = open_review(qtbot, window)
    assert review_mode.annotators == ["alice", "bob", "carol"], "default: everyone with spans"
    # The three layers are on show together, and each disagreement is marked by kind.
    shown = {span.annotator for span in window.article_view.spans()}
    assert {"alice", "bob", "carol"} <= shown
    assert [mark.kind for mark in review_mode.overlay.marks] == [
        DisagreementKind.MISSING,
        DisagreementKind.MISSING,
        DisagreementKind.BOUNDARY,
        DisagreementKind.LABEL,
    ]
    tree = review_mode.panel.tree
    kinds = [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]
    assert kinds[1:] == [
        "1. Only some have it",
        "2. Only some have it",
        "3. Boundaries differ",
        "4. Labels differ",
    ]
    # It starts on the first disagreement, selected in the article.
    assert current_key(review_mode) == (*example.claim, "claim")
    current = window.article_view.current_span()
    assert current is not None and (current.start, current.end) == example.claim

    # Ctrl+Enter is refused while anything is unsettled.
    press(qtbot, review_mode, Qt.Key.Key_Return, CTRL)
    assert store.status(doc_id, GOLD_LAYER) != Status.REVIEWED

    # Shift+A: the spans all three agree on go into gold.
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A, SHIFT)
    agreed = {
        (*example.sam, "person"),
        (*example.amount, "amount"),
        (*example.bosworth, "person"),
    }
    assert gold_keys(store, doc_id) == agreed

    # 1: a comment (C, type, Enter), then A accepts bob's claim with it.
    press(qtbot, review_mode, Qt.Key.Key_C)
    qtbot.waitUntil(review_mode.panel.comment_edit.hasFocus)
    qtbot.keyClicks(review_mode.panel.comment_edit, "clear attribution")
    qtbot.keyClick(review_mode.panel.comment_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(tree.hasFocus)
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A)
    claim_decision = decision_on(store, doc_id, (*example.claim, "claim"))
    assert (claim_decision.start, claim_decision.end, claim_decision.label) == (
        *example.claim,
        "claim",
    )
    assert claim_decision.decision == DecisionKind.ACCEPT
    assert claim_decision.reviewer == "editor"
    assert claim_decision.comment == "clear attribution"
    assert (*example.claim, "claim") in gold_keys(store, doc_id)

    # Ctrl+Z takes the decision and its gold span back; Ctrl+Shift+Z writes them again.
    decisions_before_undo = [d.id for d in store.decisions(doc_id)]
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(store.decisions(doc_id)) == len(decisions_before_undo) - 1)
    assert gold_keys(store, doc_id) == agreed
    assert current_key(review_mode) == (*example.claim, "claim"), "undo returns to it"
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: [d.id for d in store.decisions(doc_id)] == decisions_before_undo)
    assert (*example.claim, "claim") in gold_keys(store, doc_id)

    # 2: carol's "Meta" is rejected (R): recorded, and nothing enters gold.
    review_mode.select_disagreement(1)
    assert current_key(review_mode) == (*example.meta, "organisation")
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_R)
    rejection = decision_on(store, doc_id, (*example.meta, "organisation"))
    assert rejection.decision == DecisionKind.REJECT and rejection.annotators == ["carol"]
    assert (*example.meta, "organisation") not in gold_keys(store, doc_id)

    # 3: it moved on to the denial; E edits bob's version: Up moves its start a word on
    # (past the opening guillemet), Enter accepts the edit into gold.
    assert current_key(review_mode) == (*example.denial_bob, "denial")
    press(qtbot, review_mode, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: review_mode.edit_dialog is not None)
    dialog = review_mode.edit_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.start_box, Qt.Key.Key_Up)
    edited_start = text.index("ce n’est")
    assert dialog.gold_key() == (edited_start, example.denial_bob[1], "denial")
    with qtbot.waitSignal(review_mode.stateChanged):
        qtbot.keyClick(dialog.start_box, Qt.Key.Key_Return)
    assert (edited_start, example.denial_bob[1], "denial") in gold_keys(store, doc_id)

    # 4: the labels differ on "OpenAI": A accepts the first version, the organisation.
    assert current_key(review_mode) == (*example.openai, "organisation")
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A)
    assert review_mode.state is not None and review_mode.state.settled
    # Settled: the panel offers to mark the article reviewed; Ctrl+Enter does it.
    assert review_mode.panel.mark_button.isVisible()
    press(qtbot, review_mode, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: store.status(doc_id, GOLD_LAYER) == Status.REVIEWED)
    assert store.status(doc_id, "editor") != Status.DONE, "not the window's done-and-next"

    # Export the gold layer and check the file against the text.
    target = tmp_path / "gold.jsonl"
    with qtbot.waitSignal(window.exportFinished, timeout=10000) as finished:
        window.start_export(target, ExportOptions(gold=True))
    assert finished.args[0] is not None
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["text"] == text
    spans = {(s["start"], s["end"], s["label"]): s for s in record["spans"]}
    edited_end = example.denial_bob[1]
    assert set(spans) == agreed | {
        (*example.claim, "claim"),
        (edited_start, edited_end, "denial"),
        (*example.openai, "organisation"),
    }
    for (start, end, _label), span in spans.items():
        assert text[start:end] == span["text"]
        assert span["annotator"] == GOLD_LAYER and span["reviewer"] == "editor"
    assert spans[(*example.claim, "claim")]["text"].startswith("Sam Altman affirme")
    assert spans[(edited_start, edited_end, "denial")]["text"] == (
        "ce n’est pas une prime à la signature »"
    )
    for key in agreed:
        assert spans[key]["annotators"] == ["alice", "bob", "carol"]
        assert spans[key]["decision"] == "accept"
    assert spans[(*example.claim, "claim")]["annotators"] == ["bob"]
    assert spans[(edited_start, edited_end, "denial")]["annotators"] == ["bob"]
    assert spans[(edited_start, edited_end, "denial")]["decision"] == "edit"
    assert spans[(*example.openai, "organisation")]["annotators"] == ["alice", "bob"]
    assert spans[(*example.openai, "organisation")]["decision"] == "accept"


def test_undoing_accept_agreed_and_mark_reviewed_restores_the_store(
    qtbot, review_window, example_project
):
    path, example = example_project
    window = review_window(path)
    store = window.store
    review_mode = open_review(qtbot, window)
    tree = review_mode.panel.tree
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A, SHIFT)
    assert len(store.spans(example.doc_id, GOLD_LAYER)) == 3
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not store.decisions(example.doc_id))
    assert store.spans(example.doc_id, GOLD_LAYER) == []
    assert review_mode.state is not None and len(review_mode.state.undecided_agreed) == 3

    # Settle everything with R, mark reviewed, then undo that.
    press(qtbot, review_mode, Qt.Key.Key_A, SHIFT)
    press(qtbot, review_mode, Qt.Key.Key_J)
    assert review_mode.current_disagreement() == 0
    # Five rejections: rejecting one version of the denial moves to the other first.
    for _ in range(5):
        assert not review_mode.state.settled
        with qtbot.waitSignal(review_mode.stateChanged):
            press(qtbot, review_mode, Qt.Key.Key_R)
    assert review_mode.state.settled
    before = store.status(example.doc_id, GOLD_LAYER)
    press(qtbot, review_mode, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: store.status(example.doc_id, GOLD_LAYER) == Status.REVIEWED)
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: store.status(example.doc_id, GOLD_LAYER) == before)


def test_rejecting_one_label_moves_to_the_other_version(qtbot, review_window, example_project):
    path, example = example_project
    window = review_window(path)
    review_mode = open_review(qtbot, window)
    review_mode.select_disagreement(3)
    assert current_key(review_mode) == (*example.openai, "organisation")
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_R)
    assert current_key(review_mode) == (*example.openai, "person")
    # J and K walk the disagreements and wrap around.
    press(qtbot, review_mode, Qt.Key.Key_J)
    assert review_mode.current_disagreement() == 0
    press(qtbot, review_mode, Qt.Key.Key_K)
    assert review_mode.current_disagreement() == 3
    press(qtbot, review_mode, Qt.Key.Key_K)
    assert review_mode.current_disagreement() == 2
    current = window.article_view.current_span()
    assert current is not None and (current.start, current.end) == example.denial_bob


def test_layer_against_gold_lists_what_gold_has_that_the_layer_lacks(
    qtbot, review_window, example_project
):
    path, example = example_project
    window = review_window(path)
    review_mode = open_review(qtbot, window)
    press(qtbot, review_mode, Qt.Key.Key_A, SHIFT)
    review_mode.select_disagreement(0)
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A)  # bob's claim: alice does not have it
    press(qtbot, review_mode, Qt.Key.Key_G)
    panel = review_mode.panel
    qtbot.waitUntil(lambda: panel.tabs.currentIndex() == 1)
    assert panel.gold_annotator.currentText() == "alice"
    groups = {
        panel.gold_tree.topLevelItem(row).text(0): panel.gold_tree.topLevelItem(row)
        for row in range(panel.gold_tree.topLevelItemCount())
    }
    only_gold = groups["Only in gold (1)"]
    assert only_gold.child(0).text(1).startswith("“Sam Altman affirme")
    # alice's denial and OpenAI are not in gold yet.
    assert groups["Only in alice's layer (2)"].childCount() == 2
    # Picking a row scrolls to it and outlines it.
    panel.gold_tree.setCurrentItem(only_gold.child(0))
    assert review_mode.overlay.focus_range == example.claim
    # Leaving review mode puts the window back as it was.
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not review_mode.active)
    assert not review_mode.dock.isVisible() and window.span_panel.isVisible()
    assert {span.annotator for span in window.article_view.spans()} <= {"editor"}
    assert window.done_action.isEnabled()


def test_a_span_every_annotator_missed_is_tagged_straight_into_gold(
    qtbot, review_window, example_project
):
    path, example = example_project
    window = review_window(path)
    store = window.store
    view = window.article_view
    links_panel = window.attribution.panel
    assert links_panel.isVisible()
    open_review(qtbot, window)
    # The review panel takes the place of the spans and links: the article keeps its width.
    assert not links_panel.isVisible() and not window.span_panel.isVisible()
    title_meta = (0, len("Meta"))
    assert example.text[slice(*title_meta)] == "Meta"  # in the title, nobody tagged it
    drag(view, example.text, *title_meta)
    qtbot.keyClick(view.editor, Qt.Key.Key_O)
    added = (*title_meta, "organisation")
    assert added in gold_keys(store, example.doc_id)
    decision = decision_on(store, example.doc_id, added)
    assert (decision.decision, decision.reviewer, decision.annotators) == (
        DecisionKind.ADD,
        "editor",
        [],
    )
    assert store.spans(example.doc_id, "editor") == []  # not the reviewer's own layer
    assert "Added to gold" in window.statusBar().currentMessage()

    qtbot.keyClick(view.editor, Qt.Key.Key_Z, CTRL)
    assert added not in gold_keys(store, example.doc_id)
    assert not [d for d in store.decisions(example.doc_id) if (d.start, d.end) == title_meta]

    # Out of review mode, tagging is the reviewer's own layer again.
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not window.review_mode.active)
    assert links_panel.isVisible() and window.span_panel.isVisible()
    drag(view, example.text, *title_meta)
    qtbot.keyClick(view.editor, Qt.Key.Key_O)
    assert [(s.start, s.end, s.label) for s in store.spans(example.doc_id, "editor")] == [added]
    assert added not in gold_keys(store, example.doc_id)

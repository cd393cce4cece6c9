"""The comment a reviewer gives with a decision is on show in review mode, on that
decision's row, and goes out with the gold span in the export."""

from __future__ import annotations

import json

import review_support
from PySide6.QtCore import Qt

from annotator.core.formats.export import ExportOptions, export_gold_jsonl

example_project = review_support.example_project
open_review = review_support.open_review
press = review_support.press
review_window = review_support.review_window


def test_the_reviewers_comment_is_shown_on_its_decision_and_exported(
    qtbot, review_window, example_project, tmp_path
) -> None:
    path, example = example_project
    window = review_window(path)
    review_mode = open_review(qtbot, window)
    panel = review_mode.panel
    assert review_mode.current_candidate()[1].key == (*example.claim, "claim")
    assert not panel.decision_comment.isVisible()

    press(qtbot, review_mode, Qt.Key.Key_C)
    qtbot.waitUntil(panel.comment_edit.hasFocus)
    qtbot.keyClicks(panel.comment_edit, "clear attribution")
    qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.tree.hasFocus)
    with qtbot.waitSignal(review_mode.stateChanged):
        press(qtbot, review_mode, Qt.Key.Key_A)

    # Back on the decided claim, its comment is under the list.
    candidates = review_mode.state.disagreements[0].candidates
    decided = next(i for i, c in enumerate(candidates) if c.decision is not None)
    panel.select_row(0, decided)
    assert panel.decision_comment.isVisible()
    assert panel.decision_comment.text() == (
        "editor's comment on this decision: clear attribution"
    )

    target = tmp_path / "gold.jsonl"
    export_gold_jsonl(window.store, target, ExportOptions(gold=True))
    spans = [s for line in target.read_text().splitlines() for s in json.loads(line)["spans"]]
    (claim,) = [s for s in spans if (s["start"], s["end"]) == example.claim]
    assert claim["review_comment"] == "clear attribution"

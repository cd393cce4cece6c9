"""An annotator's article list starts with the articles given to them, and the team's
progress opens from the Article menu."""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import Status
from annotator.core.store import Store


def test_alices_queue_comes_first_and_the_progress_view_counts_it(
    open_window, seeded_project: Path, qtbot
) -> None:
    with Store(seeded_project) as store:
        ids = store.document_ids()
        given = [ids[-1], ids[-3]]
        store.assign([(doc_id, "alice") for doc_id in given] + [(ids[0], "bob")])
        store.set_status(ids[-1], "alice", Status.DONE)
    window = open_window(seeded_project, annotator="alice")
    model = window.document_model
    listed = [model.summary(row).id for row in range(model.rowCount())]
    assert listed[:2] == [ids[-3], ids[-1]]
    assert sorted(listed) == sorted(ids)

    window.team_progress.action.trigger()
    dialog = window.team_progress.dialog
    assert dialog is not None
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=20000)
    rows = {
        table.item(row, 0).text(): [table.item(row, column).text() for column in range(1, 6)]
        for row in range(table.rowCount())
    }
    assert rows["alice"] == ["2", "1", "0", "1", "0"]  # given, not started, in progress, done
    assert rows["bob"] == ["1", "1", "0", "0", "0"]
    assert "Agreement" in dialog.agreement.text()


def test_the_progress_view_follows_the_annotators_work(
    open_window, seeded_project: Path, qtbot
) -> None:
    window = open_window(seeded_project, annotator="alice")
    window.team_progress.action.trigger()
    dialog = window.team_progress.dialog
    qtbot.waitUntil(lambda: "article" in dialog.summary.text(), timeout=20000)
    assert dialog.table.rowCount() == 0  # nobody has worked yet
    window.done_action.trigger()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
    assert [dialog.table.item(0, column).text() for column in (0, 4)] == ["alice", "1"]

"""File → Back up the project… and Merge a colleague's project…, run in the background
from the window."""

from __future__ import annotations

from pathlib import Path

from annotator.core.ingest import import_paths
from annotator.core.models import Document
from annotator.core.store import Store


def test_back_up_from_the_window_writes_a_copy(qtbot, open_window, seeded_project, tmp_path):
    window = open_window(seeded_project)
    assert window.projects.backup_action in window.file_menu.actions()
    target = tmp_path / "copy.db"
    task = window.projects.back_up_to(target)
    with qtbot.waitSignal(task.signals.ended, timeout=10000):
        pass
    with Store(target) as copy:
        assert copy.document_count() == window.store.document_count()
    assert str(target) in window.statusBar().currentMessage()


def test_merging_a_colleague_s_project_adds_their_articles(
    qtbot, open_window, seeded_project, tmp_path: Path, seeds_dir: Path
):
    colleague = tmp_path / "bob.db"
    with Store(colleague) as store:
        import_paths(store, [seeds_dir])
        extra = Document.from_text("Un article de Bob.\n\nSeul Bob l’a.", title="Celui de Bob")
        store.add_document(extra)
        store.add_span(store.make_span(extra, "bob", 0, 2, "claim"))
    window = open_window(seeded_project)
    before = window.document_model.rowCount()
    task = window.projects.merge_from(colleague)
    with qtbot.waitSignal(task.signals.ended, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.document_model.rowCount() == before + 1)
    message = window.statusBar().currentMessage()
    assert "bob.db" in message and "1 article" in message and "1 span" in message

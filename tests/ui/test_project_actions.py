"""File → Back up the project… and Merge a colleague's project…, run in the background
from the window."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importing.articles import import_paths
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


def test_new_and_open_project_open_a_window_each_and_are_remembered(
    qtbot, open_window, seeded_project, tmp_path: Path
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = open_window(seeded_project)
    assert window.projects.new_action in window.file_menu.actions()
    fresh = tmp_path / "fresh.db"
    other = window.projects.new_project(fresh)
    assert other is not None and other.isVisible() and fresh.exists()
    assert other.document_model.rowCount() == 0
    other.close()
    qtbot.waitUntil(lambda: not window.projects.opened)

    # A new project never takes the place of a file already there.
    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, dismiss)
            return
        box.accept()

    QTimer.singleShot(0, dismiss)
    assert window.projects.new_project(seeded_project) is None

    reopened = window.projects.open_project(fresh)
    assert reopened is not None and reopened.db_path == fresh
    recent = window.preferences.recent_projects()
    assert recent[0] == fresh.resolve() and seeded_project.resolve() in recent
    reopened.close()
    window.projects.recent_menu.aboutToShow.emit()  # as opening the submenu does
    names = [action.text() for action in window.projects.recent_menu.actions()]
    assert any(name.startswith("fresh.db") for name in names)

"""Article → Train the project model: in the background, with progress and Cancel; its
suggestions then appear in the article with the model's confidence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from annotator.bench.claims_corpus import fill_gold
from annotator.core.store import Store


def gold_project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    with Store(path) as store:
        fill_gold(store, 6, size=400)
    return path


def test_training_in_the_window_writes_a_model_and_its_suggestions_appear(
    qtbot, open_window, tmp_path: Path
) -> None:
    window = open_window(gold_project(tmp_path))
    actions = window.document_menu.actions()
    action = next(a for a in actions if a.objectName() == "trainProjectModel")
    assert action.text() == "&Train the project model"
    output = tmp_path / "model"
    task = window.train_model.start(output)
    with qtbot.waitSignal(task.signals.ended, timeout=60000):
        pass
    assert (output / "meta.json").is_file()
    message = window.statusBar().currentMessage()
    assert message.startswith("Project model trained — articles: 5, F1 ")
    qtbot.waitUntil(
        lambda: any(s.suggester == "project-model" for s in window.suggestions.suggestions()),
        timeout=30000,
    )


def test_cancelling_the_training_writes_nothing(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window(gold_project(tmp_path))
    output = tmp_path / "model"
    task = window.train_model.start(output)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=20000
    )
    dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(task.signals.ended, timeout=60000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Training cancelled; nothing was written."
    assert not output.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".model")]


def test_too_little_data_is_explained_in_the_window(qtbot, open_window, tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Store(path) as store:
        fill_gold(store, 1, size=400)
    window = open_window(path)
    # The refusal comes at once: its box, not the task's end signal (which may go out
    # before a wait could catch it), is what the user sees.
    window.train_model.start(tmp_path / "model")
    qtbot.waitUntil(lambda: window.findChild(object, "trainingFailed") is not None, timeout=30000)
    box = window.findChild(object, "trainingFailed")
    assert "too little data to train" in box.text()

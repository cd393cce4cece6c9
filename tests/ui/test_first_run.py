"""The first start: "Who is annotating?" and what Cancel does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog


def test_cancelling_who_is_annotating_says_why_and_exits_cleanly(
    qapp, tmp_path: Path, capsys
) -> None:
    from annotator.ui.app import run

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, cancel)
            return
        assert dialog.windowTitle() == "Who is annotating?"
        dialog.reject()

    QTimer.singleShot(0, cancel)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    status = run(tmp_path / "project.db", None, [], settings)
    assert status == 0
    assert "--annotator NAME" in capsys.readouterr().err
    assert not (tmp_path / "project.db").exists()  # nothing opened, nothing made

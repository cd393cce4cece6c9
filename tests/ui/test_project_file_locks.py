"""Only SQLite opens the project's files in the window's process.

On Linux, closing any descriptor of a file drops every POSIX lock the process holds on
it. A file dialog that opens ``project.db``, ``-wal`` or ``-shm`` to guess its type
drops the window's locks; the next program that closes the project then thinks it is
the last, checkpoints and deletes the write-ahead log, and every tag the window makes
afterwards goes into a deleted file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QPushButton
from text_mouse import select_first_word

from annotator.ui.import_export.export_dialog import ExportDialog

UI_PACKAGE = Path(__file__).resolve().parents[2] / "annotator" / "ui"


def run_annotator(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def spans_seen_from_outside(db_path: Path, doc_id: str, annotator: str) -> list[list[object]]:
    """The spans another process reads from the project file."""
    script = (
        "import json, sys\n"
        "from annotator.core.store import Store\n"
        "with Store(sys.argv[1], read_only=True) as store:\n"
        "    spans = store.spans(sys.argv[2], sys.argv[3])\n"
        "    print(json.dumps([[s.start, s.end, s.label] for s in spans]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(db_path), doc_id, annotator],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return list(json.loads(done.stdout))


class DialogAnswerer:
    """Shows every file dialog that opens the project's folder, lets it list the files
    (names, sizes, icons, types), then cancels it. The export dialog's two Choose…
    buttons (a file, and a folder for brat) are pressed in turn, then it is cancelled."""

    def __init__(self, qtbot, folder: Path) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.listed: list[str] = []
        self.export_steps = 0
        self._answering = False
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        if self._answering:
            return
        shown = QApplication.activeModalWidget()
        if isinstance(shown, QFileDialog):
            self._answering = True
            try:
                self._list_and_cancel(shown)
            finally:
                self._answering = False
        elif isinstance(shown, ExportDialog):
            self._drive_export_dialog(shown)

    def _list_and_cancel(self, dialog: QFileDialog) -> None:
        dialog.setDirectory(str(self.folder))
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        root = model.index(str(self.folder))
        self.qtbot.waitUntil(lambda: model.rowCount(root) > 0, timeout=10000)
        # Let the dialog fetch what it shows of each entry (icon, type, size).
        self.qtbot.wait(700)
        self.listed.append(dialog.windowTitle())
        dialog.reject()

    def _drive_export_dialog(self, dialog: ExportDialog) -> None:
        browse = dialog.findChild(QPushButton, "exportBrowse")
        assert browse is not None
        step = self.export_steps
        self.export_steps += 1
        if step == 0:
            QTimer.singleShot(0, browse.click)  # a file (jsonl)
        elif step == 1:
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
            QTimer.singleShot(0, browse.click)  # a folder
        elif step == 2:
            dialog.reject()

    def stop(self) -> None:
        self.timer.stop()


def test_file_dialogs_on_the_project_folder_keep_the_windows_tags_safe(
    qtbot, open_window, seeded_project: Path
) -> None:
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    assert doc_id is not None
    notes = seeded_project.parent / "notes"
    notes.mkdir()  # something a folder-only dialog lists too

    answerer = DialogAnswerer(qtbot, seeded_project.parent)
    try:
        window.import_files_action.trigger()
        window.import_folder_action.trigger()
        window.export_action.trigger()
        window.attribution.report_action.trigger()
    finally:
        answerer.stop()
    assert len(answerer.listed) == 5, answerer.listed  # files, folder, export x2, report
    # An import of the project's own folder looks at the project's files by name only.
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.start_import([seeded_project.parent])
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.start_import([seeded_project])  # the project file dropped on the window

    # Other programs open and close the project meanwhile.
    backup = run_annotator("--db", str(seeded_project), "backup", str(notes / "copy.db"))
    assert backup.returncode == 0, backup.stderr
    docs = run_annotator("--db", str(seeded_project), "docs")
    assert docs.returncode == 0, docs.stderr

    # Tag the first word in the window.
    text = window.store.document(doc_id).text
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.article_view.editor
    select_first_word(qtbot, editor)
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(editor, Qt.Key.Key_1)
    first_word = re.search(r"\w+", text)
    assert first_word is not None
    tag = [first_word.start(), first_word.end(), "claim"]
    assert [[s.start, s.end, s.label] for s in window.store.spans(doc_id, "alice")] == [tag]

    # Another process finds the tag in the project file.
    assert spans_seen_from_outside(seeded_project, doc_id, "alice") == [tag]


def test_every_file_dialog_of_the_window_lists_folders_without_opening_files() -> None:
    """The window shows file dialogs only through ``annotator.ui.file_dialogs``."""
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(UI_PACKAGE.rglob("*.py"))
        if path.name != "file_dialogs.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"QFileDialog|QFileIconProvider|QMimeDatabase|QFileSystemWatcher", line)
    ]
    assert offenders == []

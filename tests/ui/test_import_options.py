"""File → Import with files annotated in another tool: the window asks the choices
``annotator import`` takes (layer, label map, offset unit, labels to add), refuses the
same choices the command refuses, in the interface's language, and imports exactly what
the command imports. Cancel imports nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from annotator.cli import main
from annotator.core.models import document_id
from annotator.core.store import Store
from annotator.ui.import_export.import_options import ImportOptionsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier

# After the emoji, UTF-16 offsets run one ahead of code points: read as code points they
# would cut "Sam Altman" and "OpenAI" by a letter.
TEXT = "🎉 Sam Altman rejoint OpenAI, dit la dépêche."


def utf16(text: str, words: str) -> list[int]:
    start = len(text[: text.index(words)].encode("utf-16-le")) // 2
    return [start, start + len(words.encode("utf-16-le")) // 2]


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    """A doccano export with the other tool's labels, UTF-16 offsets and no annotator."""
    path = tmp_path / "export.jsonl"
    line = {
        "text": TEXT,
        "label": [[*utf16(TEXT, "Sam Altman"), "PER"], [*utf16(TEXT, "OpenAI"), "ORG"]],
    }
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def stored_spans(db_path: Path) -> list[tuple[str, int, int, str, str]]:
    with Store(db_path) as store:
        return sorted(
            (s.annotator, s.start, s.end, s.label, s.text)
            for s in store.iter_spans()
            if s.doc_id == document_id(TEXT)
        )


def choose_in_file_dialog(qtbot, path: Path) -> None:
    """Once the window's file dialog is up: type the file's name and press Enter."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setDirectory(str(path.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        qtbot.keyClicks(name, path.name)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def options_dialog(qtbot) -> ImportOptionsDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportOptionsDialog))
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_into(qtbot, dialog: ImportOptionsDialog, mnemonic: Qt.Key, text: str) -> None:
    """Alt+letter goes to the field its label names; then the text is typed."""
    qtbot.keyClick(dialog, mnemonic, ALT)
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_the_window_imports_with_a_layer_a_label_map_and_an_offset_unit_as_the_command_does(
    qtbot, open_window, seeded_project: Path, export_file: Path, tmp_path: Path
):
    by_command = tmp_path / "by-command.db"
    shutil.copy(seeded_project, by_command)
    window = open_window(seeded_project)

    choose_in_file_dialog(qtbot, export_file)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    dialog = options_dialog(qtbot)
    type_into(qtbot, dialog, Qt.Key.Key_L, "Lisa")
    type_into(qtbot, dialog, Qt.Key.Key_M, "PER=person")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "ORG=organisation")
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)
    assert QApplication.focusWidget() is dialog.offsets_combo
    qtbot.keyClick(dialog.offsets_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.offsets_combo, Qt.Key.Key_Down)
    assert dialog.offsets_combo.currentText() == "UTF-16 code units"
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not finished.args[0].annotation_problems()

    result = CliRunner().invoke(
        main,
        [
            "--db", str(by_command), "import", "--as", "Lisa",
            "--map", "PER=person", "--map", "ORG=organisation",
            "--offsets", "utf16", str(export_file),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    expected = [
        ("Lisa", 2, 12, "person", "Sam Altman"),
        ("Lisa", 21, 27, "organisation", "OpenAI"),
    ]
    assert stored_spans(by_command) == expected
    assert stored_spans(seeded_project) == expected
    # The new layer shows in the window at once.
    assert "Lisa" in window.store.annotators()


def test_cancelling_the_choices_imports_nothing(
    qtbot, open_window, seeded_project: Path, export_file: Path
):
    window = open_window(seeded_project)
    finished: list[object] = []
    window.importFinished.connect(finished.append)
    documents = window.store.document_count()

    choose_in_file_dialog(qtbot, export_file)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    dialog = options_dialog(qtbot)
    type_into(qtbot, dialog, Qt.Key.Key_L, "Lisa")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    assert finished == [] and not window.tasks.busy()
    assert stored_spans(seeded_project) == []
    with Store(seeded_project) as store:
        assert store.document_count() == documents and "Lisa" not in store.annotators()


def test_a_label_map_the_command_refuses_is_refused_in_french_before_anything_is_imported(
    qtbot, open_window, seeded_project: Path, export_file: Path, preferences
):
    from annotator.ui import i18n

    preferences.language_choice = "fr"
    assert i18n.apply_language(preferences.language)
    window = open_window(seeded_project)

    command = CliRunner().invoke(
        main, ["--db", str(seeded_project), "import", "--map", "PER=person,PER=claim",
               str(export_file)],
    )  # fmt: skip
    assert command.exit_code == 1
    assert "'PER' is mapped to both 'person' and 'claim'" in command.output

    window.import_with_choices([export_file])
    dialog = options_dialog(qtbot)
    qtbot.mouseClick(dialog.map_edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.map_edit, "PER=person,PER=claim")
    assert dialog.problem.isVisible()
    said = dialog.problem.text().replace("\u00a0", " ")
    assert said == "« PER » est associé à la fois à « person » et à « claim »."
    assert not dialog.import_button.isEnabled()

    qtbot.keyClick(dialog.map_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.map_edit, ",=")
    assert dialog.problem.text().replace("\u00a0", " ").startswith("Impossible de lire « ,= »")
    assert not dialog.import_button.isEnabled()

    qtbot.keyClick(dialog.map_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.map_edit, Qt.Key.Key_Delete)
    assert not dialog.problem.isVisible() and dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert stored_spans(seeded_project) == []


def test_adding_the_missing_labels_imports_again_with_the_same_choices(
    qtbot, open_window, seeded_project: Path, export_file: Path
):
    from PySide6.QtWidgets import QPushButton

    window = open_window(seeded_project)
    window.import_with_choices([export_file])
    dialog = options_dialog(qtbot)
    type_into(qtbot, dialog, Qt.Key.Key_L, "Lisa")
    type_into(qtbot, dialog, Qt.Key.Key_M, "PER=person")  # ORG is left unmapped
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)
    qtbot.keyClick(dialog.offsets_combo, Qt.Key.Key_End)
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored_spans(seeded_project) == []
    add = window.error_dialog.findChild(QPushButton, "addUnknownLabels")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert not finished.args[0].annotation_problems()
    assert stored_spans(seeded_project) == [
        ("Lisa", 2, 12, "person", "Sam Altman"),
        ("Lisa", 21, 27, "ORG", "OpenAI"),
    ]

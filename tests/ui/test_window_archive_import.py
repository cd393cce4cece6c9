"""A .zip dropped on the window or chosen with File → Import: its members import, named
inside the archive; an unsafe archive is named in the error list and stores nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from drag_and_drop import drop_on_article
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from annotator.core.models import document_id
from annotator.core.store import Store
from annotator.ui.import_export.import_options import ImportOptionsDialog

ARTICLE = "Meta dément.\n\nAndrew Bosworth dément toute prime de 100 millions.\n"
TAGGED = "Google recrute à Paris."


def handover_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("articles/meta.txt", ARTICLE)
        archive.writestr(
            "exports/carol.jsonl", json.dumps({"text": TAGGED, "label": [[0, 6, "ORG"]]}) + "\n"
        )
    return path


def test_a_dropped_zip_imports_its_articles_and_offers_its_unknown_labels(
    qtbot, open_window, seeded_project: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_project)
    archive = handover_zip(tmp_path / "handover.zip")

    report = drop_on_article(qtbot, window, archive)

    assert report.imported == 1
    with Store(window.db_path) as store:
        assert store.document(document_id(ARTICLE)).source == f"{archive}/articles/meta.txt"
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert [where for where, _ in dialog.problems()] == [f"{archive}/exports/carol.jsonl:1"]
    add = dialog.findChild(QPushButton, "addUnknownLabels")
    assert add is not None and add.isVisible()
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert not finished.args[0].annotation_problems()
    with Store(window.db_path) as store:
        spans = [(s.start, s.end, s.label) for s in store.spans(document_id(TAGGED), "carol")]
        assert spans == [(0, 6, "ORG")]
        assert store.document(document_id(TAGGED)).source == f"{archive}/exports/carol.jsonl"


def test_a_dropped_zip_slip_archive_is_named_and_stores_nothing(
    qtbot, open_window, seeded_project: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_project)
    documents_before = window.store.document_count()
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("meta.txt", ARTICLE)
        zipped.writestr("../../outside.txt", ARTICLE)

    drop_on_article(qtbot, window, archive)

    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    [(where, reason)] = dialog.problems()
    assert where == f"{archive}/../../outside.txt" and "zip slip" in reason
    assert window.store.document_count() == documents_before


def test_the_import_dialog_offers_zip_archives(
    qtbot, open_window, seeded_project: Path, tmp_path: Path, monkeypatch
) -> None:
    from annotator.ui.shell import main_window as main_window_module

    window = open_window(seeded_project)
    archive = handover_zip(tmp_path / "handover.zip")
    offered: list[str] = []

    def choose(parent, caption, folder, filters):
        offered.append(filters)
        return [str(archive)]

    monkeypatch.setattr(main_window_module.file_dialogs, "open_file_names", choose)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert any(kind.endswith("(*.zip)") for kind in offered[0].split(";;"))
    # The archive holds a doccano export: its choices are asked; Enter takes the defaults.
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportOptionsDialog))
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return)
    assert finished.args[0].imported == 1

"""Files annotated in other tools, dropped on the window: their layers come in, and a
file with a bad record is refused whole and named, with its line, in the error list."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from drag_and_drop import drop_on_article
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from annotator.core.models import document_id
from annotator.core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BRAT_LISA = FIXTURES / "brat" / "bratiaa-project" / "Lisa"


def write_jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return path


def test_a_doccano_file_with_a_bad_line_is_refused_whole_and_named(
    qtbot, open_window, seeded_project: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_project)
    documents_before = window.store.document_count()
    good_text = "Sam Altman dit que Meta a offert 100 millions de dollars."
    bad_text = "Lucas Beyer dément."
    doccano = write_jsonl(
        tmp_path / "bob.jsonl",
        [
            {"text": good_text, "label": [[0, 10, "person"], [19, 23, "organisation"]]},
            # Line 2: the span runs past the end of its text.
            {"text": bad_text, "label": [[0, 11, "person"], [12, 80, "denial"]]},
        ],
    )
    report = drop_on_article(qtbot, window, doccano)
    assert report.annotations.files, "the dropped JSONL went to the annotation import"
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.problems()
    assert [where for where, _reason in rows] == [f"{doccano}:2"]
    assert "does not fit the text" in rows[0][1]
    # Nothing of the file is stored, not even its good first line.
    with Store(window.db_path) as store:
        assert store.document_count() == documents_before
        assert "bob" not in store.annotators()
        assert not store.has_document(document_id(good_text))


def test_a_dropped_brat_folder_brings_its_layer(
    qtbot, open_window, seeded_project: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_project)
    # The project already has bratiaa's labels (PER, LOC, ...), as after a first drop
    # and "Add these labels to the project".
    with Store(window.db_path) as store:
        store.add_labels(["LOC", "MISC", "ORG", "PER"])
    window.store.reload_label_set()
    folder = tmp_path / "Lisa"
    shutil.copytree(BRAT_LISA, folder)
    shutil.copy(BRAT_LISA.parent / "annotation.conf", tmp_path / "annotation.conf")
    t_lines = sum(
        1
        for ann in folder.glob("*.ann")
        for line in ann.read_text(encoding="utf-8").splitlines()
        if line.startswith("T")
    )
    report = drop_on_article(qtbot, window, folder)
    assert report.annotations.spans_added == t_lines
    assert window.error_dialog is None or not window.error_dialog.isVisible()
    with Store(window.db_path) as store:
        assert "Lisa" in store.annotators()
        assert len(list(store.iter_spans("Lisa"))) == t_lines
        text = (folder / "esp.train-doc-29.txt").read_text(encoding="utf-8")
        lisa = {(s.start, s.end, s.label, s.text) for s in store.spans(document_id(text), "Lisa")}
        assert (4, 17, "PER", "Caius Apicius") in lisa
    assert "Lisa" in window.statusBar().currentMessage()


def test_unknown_labels_can_be_added_from_the_error_list(
    qtbot, open_window, seeded_project: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_project)
    text = "Google was founded by Larry Page."
    doccano = write_jsonl(
        tmp_path / "carol.jsonl",
        [{"text": text, "label": [[0, 6, "ORG"], [22, 32, "PERSON"]]}],
    )
    drop_on_article(qtbot, window, doccano)
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert [where for where, _ in dialog.problems()] == [f"{doccano}:1"]
    heading = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "ORG, PERSON" in heading and "--map" in heading
    with Store(window.db_path) as store:
        assert "carol" not in store.annotators()
    add = dialog.findChild(QPushButton, "addUnknownLabels")
    assert add is not None and add.isVisible()
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert not finished.args[0].annotation_problems()
    with Store(window.db_path) as store:
        assert {"ORG", "PERSON"} <= set(store.label_set().names)
        spans = {(s.start, s.end, s.label) for s in store.spans(document_id(text), "carol")}
        assert spans == {(0, 6, "ORG"), (22, 32, "PERSON")}
    # The label bar offers the new labels at once.
    assert {"ORG", "PERSON"} <= set(window.label_set().names)

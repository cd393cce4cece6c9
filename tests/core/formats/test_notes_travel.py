"""Notes in other tools' formats: brat's AnnotatorNotes (read from brat's own tutorial
file, written back), Label Studio's per-region text areas and doccano's comments, and
every note a format cannot hold counted in the export's report."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats.export import ExportOptions
from annotator.core.formats.registry import export_format
from annotator.core.importing.annotated import import_file
from annotator.core.models import Document
from annotator.core.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TEXT = "Sam Altman 🚀 affirme que Meta a offert 100 M$.\nAndrew Bosworth dément."


def test_brats_annotator_notes_are_imported_on_their_spans(store: Store) -> None:
    report = import_file(store, FIXTURES / "brat" / "notes", add_labels=True)
    assert not report.refused, report.lines()
    (note,) = store.notes()
    span = store.span(note.span_id or "")
    assert (span.text, span.label, note.text, note.author) == (
        "IgG", "Protein", "Check: is this a Protein or a Complex?", "annotator"
    )
    assert report.notes_added == 1
    # brat notes on an event and a relation have no span to go on: counted, not lost.
    assert report.skipped["brat notes on events or other annotations (not spans)"] == 1
    assert report.skipped["brat notes on relations (not spans)"] == 1


def _project_with_notes(store: Store) -> Document:
    document = Document.from_text(TEXT, title="Altman")
    store.add_document(document)
    sam = store.add_span(store.make_span(document, "alice", 0, 10, "person"))
    store.add_span(store.make_span(document, "alice", 48, 63, "person"))
    store.write_note(document.id, sam.id, "alice", "check this figure\nwith legal")
    store.write_note(document.id, sam.id, "rita", "agreed")
    store.write_note(document.id, None, "alice", "the source is a press release")
    return document


def test_brat_export_writes_span_notes_and_counts_the_article_note(
    store: Store, tmp_path: Path
) -> None:
    _project_with_notes(store)
    out = tmp_path / "brat"
    report = export_format(store, "brat", out, ExportOptions())
    (ann,) = (out / "alice").glob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert "#1\tAnnotatorNotes T1\tcheck this figure with legal" in lines
    assert "#2\tAnnotatorNotes T1\trita: agreed" in lines
    summary = "\n".join(report.summary_lines())
    assert "wrote 2 of 3 notes" in summary
    assert "left out 1 note: brat has no place for a note on a whole article" in summary
    assert "1 note written on one line" in summary

    with Store(tmp_path / "back.db") as back:
        imported = import_file(back, out)
        # brat names no author: both are the layer's, one note.
        assert [n.text for n in back.notes()] == ["check this figure with legal\n\nrita: agreed"]
        assert imported.notes_added == 1


def test_label_studio_keeps_notes_as_text_areas_and_reads_them_back(
    store: Store, tmp_path: Path
) -> None:
    _project_with_notes(store)
    out = tmp_path / "tasks.json"
    report = export_format(store, "labelstudio", out, ExportOptions())
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    (annotation,) = task["annotations"]
    areas = [item for item in annotation["result"] if item["type"] == "textarea"]
    by_name = {item["from_name"]: item for item in areas}
    region = next(item for item in annotation["result"] if item["type"] == "labels")
    assert by_name["note"]["id"] == region["id"]
    assert by_name["note"]["value"]["text"] == ["check this figure\nwith legal", "rita: agreed"]
    assert by_name["article_note"]["value"]["text"] == ["the source is a press release"]
    config = out.with_name("tasks.config.xml").read_text(encoding="utf-8")
    assert '<TextArea name="note" toName="text" perRegion="true"' in config
    assert "wrote 3 of 3 notes" in "\n".join(report.summary_lines())

    with Store(tmp_path / "back.db") as back:
        import_file(back, out)
        assert sorted((n.span_id is None, n.text) for n in back.notes()) == [
            (False, "check this figure\nwith legal\n\nrita: agreed"),
            (True, "the source is a press release"),
        ]


def test_doccano_writes_notes_as_the_texts_comments(store: Store, tmp_path: Path) -> None:
    _project_with_notes(store)
    out = tmp_path / "doccano.jsonl"
    report = export_format(store, "doccano", out, ExportOptions())
    (line,) = [json.loads(row) for row in out.read_text(encoding="utf-8").splitlines()]
    assert line["Comments"] == [
        "the source is a press release",
        "“Sam Altman”: check this figure\nwith legal",
        "“Sam Altman”: rita: agreed",
    ]
    summary = "\n".join(report.summary_lines())
    assert "wrote 3 of 3 notes" in summary
    assert "2 notes on a span written as comments on the whole text" in summary

    with Store(tmp_path / "back.db") as back:
        import_file(back, out)
        # One text's comments, all the layer's: one note on the article.
        (note,) = back.notes()
        assert note.span_id is None and note.text == "\n\n".join(line["Comments"])


def test_a_format_with_no_place_for_notes_counts_them(store: Store, tmp_path: Path) -> None:
    _project_with_notes(store)
    report = export_format(store, "conll", tmp_path / "out.conll", ExportOptions())
    assert "left out 3 notes: conll has no place for notes" in "\n".join(report.summary_lines())

"""Each importer on real files written by the tool, with exact offsets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.importing.annotated import (
    detect_format,
    import_annotated,
    import_file,
    parse_label_map,
)
from annotator.core.models import Document, document_id
from annotator.core.store import Store
from annotator.core.text.offsets import Utf16Map

from .conftest import INTEROP_FIXTURES as FIXTURES

BRATIAA = FIXTURES / "brat" / "bratiaa-project"
ANNOTATORS = ["Lisa", "Maria", "Max", "Peter"]


def span_tuples(store: Store, annotator: str | None = None) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, s.text) for s in store.iter_spans(annotator)]


def test_formats_are_detected_from_the_files() -> None:
    assert detect_format(FIXTURES / "doccano" / "export_example.jsonl") == "doccano"
    assert detect_format(FIXTURES / "doccano" / "relation_pretty.jsonl") == "doccano"
    assert detect_format(FIXTURES / "labelstudio" / "annotation_1.json") == "labelstudio"
    assert detect_format(FIXTURES / "prodigy" / "news_headlines.jsonl") == "prodigy"
    assert detect_format(FIXTURES / "brat" / "news") == "brat"


def test_bratiaa_project_gives_four_layers_on_the_same_seven_documents(store: Store) -> None:
    for name in ANNOTATORS:
        report = import_file(store, BRATIAA / name, as_name=name, add_labels=True)
        assert not report.refused
    assert store.document_count() == 7
    assert store.annotators() == ANNOTATORS
    counts = {name: len(span_tuples(store, name)) for name in ANNOTATORS}
    # Each .ann file's T lines, counted independently of the importer.
    expected = {
        name: sum(
            1
            for ann in (BRATIAA / name).glob("*.ann")
            for line in ann.read_text().splitlines()
            if line.startswith("T")
        )
        for name in ANNOTATORS
    }
    assert counts == expected
    text = (BRATIAA / "Lisa" / "esp.train-doc-29.txt").read_text(encoding="utf-8")
    doc_id = document_id(text)
    lisa = [(s.start, s.end, s.label, s.text) for s in store.spans(doc_id, "Lisa")]
    assert (4, 17, "PER", "Caius Apicius") in lisa
    assert (18, 24, "LOC", "Madrid") in lisa
    assert set(store.label_set().names) >= {"PER", "LOC", "ORG", "MISC"}


def test_whole_brat_project_folder_names_layers_by_subfolder(store: Store) -> None:
    report = import_file(store, BRATIAA, add_labels=True)
    assert set(report.spans_added) == set(ANNOTATORS)
    assert store.document_count() == 7


def test_importing_twice_adds_nothing(store: Store) -> None:
    import_file(store, BRATIAA / "Lisa", as_name="Lisa", add_labels=True)
    before = store.span_count()
    again = import_file(store, BRATIAA / "Lisa", as_name="Lisa", add_labels=True)
    assert store.span_count() == before
    assert sum(again.spans_added.values()) == 0 and again.duplicates == before
    assert again.documents_known == 7 and again.documents_added == 0


def test_unknown_labels_are_refused_and_named_never_dropped(store: Store) -> None:
    report = import_file(store, BRATIAA / "Lisa", as_name="Lisa")
    assert store.span_count() == 0
    assert report.refused and all("unknown label" in str(e) for e in report.refused)
    first = report.refused[0]
    assert first.path.endswith(".ann") and first.line is not None
    assert "--map" in str(first)


def test_label_map_maps_to_the_projects_labels(store: Store) -> None:
    report = import_file(
        store,
        BRATIAA / "Lisa",
        as_name="Lisa",
        label_map=parse_label_map("PER=person, ORG=organisation, LOC=organisation, MISC=claim"),
    )
    assert not report.refused
    assert {s.label for s in store.iter_spans()} == {"person", "organisation", "claim"}
    assert ("Caius Apicius", "person") in {(s.text, s.label) for s in store.iter_spans()}
    with pytest.raises(InputError):
        parse_label_map("PER")


def test_a_folder_with_an_unmapped_label_stores_nothing(store: Store) -> None:
    report = import_file(
        store,
        BRATIAA / "Lisa",
        as_name="Lisa",
        label_map=parse_label_map("PER=person,ORG=organisation"),
    )
    assert report.refused and store.span_count() == 0 and store.document_count() == 0
    assert any("--partial" in note for note in report.notes)


def test_a_document_with_an_unmapped_label_is_refused_whole(store: Store) -> None:
    report = import_file(
        store,
        BRATIAA / "Lisa",
        as_name="Lisa",
        label_map=parse_label_map("PER=person,ORG=organisation"),
        partial=True,
    )
    refused_files = {Path(e.path).name for e in report.refused}
    assert refused_files and all("'LOC'" in str(e) or "'MISC'" in str(e) for e in report.refused)
    stored_docs = {store.document(s.doc_id).source for s in store.iter_spans()}
    assert not any(Path(src).with_suffix(".ann").name in refused_files for src in stored_docs)


def test_brat_news_keeps_entities_and_reports_the_rest(store: Store) -> None:
    report = import_file(store, FIXTURES / "brat" / "news", add_labels=True)
    spans = span_tuples(store)
    assert (418, 426, "Organization", "Citibank") in spans
    assert (456, 468, "Money", "$100 million") in spans
    assert not any(label == "Transfer-money" for _, _, label, _ in spans)
    assert report.skipped["brat event triggers (not spans)"] == 1
    assert report.links_added == 2, "its R lines between entities become links"
    assert report.skipped["brat relations to events (not spans)"] == 0


def test_brat_discontinuous_span_is_refused_with_its_line(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nLocation\n")
    (folder / "a.txt").write_text("North and South America", encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tLocation 0 5;16 23\tNorth America\nT2\tLocation 10 23\tSouth America\n"
    )
    report = import_file(store, folder, as_name="ann", add_labels=True)
    assert span_tuples(store) == [], "half a layer would pass for the whole of it"
    (problem,) = report.refused
    assert problem.line == 1 and "discontinuous" in problem.reason
    assert problem.path.endswith("a.ann")


def test_brat_crlf_text_keeps_offsets_right(tmp_path: Path, store: Store) -> None:
    # brat counts the CR of a Windows line break; the store's text has none.
    folder = tmp_path / "crlf"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPER\n")
    raw = "Hola.\r\nCaius Apicius\r\nMadrid"
    (folder / "d.txt").write_bytes(raw.encode("utf-8"))
    start = raw.index("Caius")
    (folder / "d.ann").write_text(f"T1\tPER {start} {start + 13}\tCaius Apicius\n")
    import_file(store, folder, as_name="x", add_labels=True)
    ((s, e, _label, text),) = span_tuples(store)
    assert text == "Caius Apicius" and (s, e) == (start - 1, start + 12)


def test_doccano_real_exports(store: Store) -> None:
    report = import_file(store, FIXTURES / "doccano" / "export_example.jsonl", add_labels=True)
    assert not report.refused and report.spans_added == {"export_example": 4}
    assert sorted(span_tuples(store)) == sorted(
        [
            (0, 2, "ORG", "EU"),
            (11, 17, "MISC", "German"),
            (0, 15, "PERSON", "Peter Blackburn"),
            (10, 15, "PERSON", "Obama"),
        ]
    )


def test_doccano_line_without_text_is_refused_by_line(store: Store) -> None:
    path = FIXTURES / "doccano" / "import_example.jsonl"
    report = import_file(store, path, as_name="ann", add_labels=True)
    (problem,) = report.refused
    assert problem.line == 3 and "no text" in problem.reason
    assert store.span_count() == 0 and store.document_count() == 0
    import_file(store, path, as_name="ann", add_labels=True, partial=True)
    assert span_tuples(store) == [(0, 1, "LOC", "e")]
    assert store.document_count() == 2


def test_doccano_overlapping_duplicate_is_skipped_not_doubled(store: Store) -> None:
    report = import_file(
        store, FIXTURES / "doccano" / "example_overlapping.jsonl", as_name="a", add_labels=True
    )
    assert span_tuples(store) == [(0, 1, "LOC", "e")] and report.duplicates == 1


def test_doccano_pretty_printed_relations(store: Store) -> None:
    report = import_file(store, FIXTURES / "doccano" / "relation_pretty.jsonl", add_labels=True)
    assert (44, 54, "PERSON", "Larry Page") in span_tuples(store)
    assert report.links_added == 3 and report.link_types_added == ["foundedAt", "foundedBy"]


def test_per_user_doccano_files_name_their_layer(tmp_path: Path, store: Store) -> None:
    for user in ("alice", "bob"):
        shutil.copy(FIXTURES / "doccano" / "export_example.jsonl", tmp_path / f"{user}.jsonl")
    import_annotated(store, sorted(tmp_path.glob("*.jsonl")), add_labels=True)
    assert store.annotators() == ["alice", "bob"]
    assert store.document_count() == 3


EMOJI_SENTENCE = "I like it 😊 ."
"""The text of INCEpTION's testSentenceWithEmoji, the real UTF-16 file in fixtures."""


def test_inception_emoji_file_converts_exactly() -> None:
    # The one real UTF-16 file with an emoji: every token's UTF-16 offsets, converted
    # the way the import converts them, select the token in the Python text.
    tsv = (FIXTURES / "inception" / "sentence_with_emoji.tsv").read_text(encoding="utf-8")
    text = next(line for line in tsv.splitlines() if line.startswith("#Text="))[6:]
    assert text == EMOJI_SENTENCE
    mapping = Utf16Map(text)
    rows = [line.split("\t") for line in tsv.splitlines() if line[:1].isdigit()]
    for row in rows:
        begin, end = map(int, row[1].split("-"))
        assert text[mapping.to_code_point(begin) : mapping.to_code_point(end)] == row[2]
    assert rows[3][1:3] == ["10-12", "😊"] and rows[4][1:3] == ["13-14", "."]


def test_doccano_utf16_offsets_after_emoji_are_detected(tmp_path: Path, store: Store) -> None:
    # doccano writes UTF-16 offsets: "Paris" after the emoji is 15-20 there, 14-19 in
    # Python; 15-20 does not fit the 19 code points, so only UTF-16 is consistent.
    text = EMOJI_SENTENCE + " Paris"
    path = tmp_path / "lisa.jsonl"
    path.write_text(
        json.dumps({"text": text, "label": [[10, 12, "EMO"], [15, 20, "LOC"]]}) + "\n",
        encoding="utf-8",
    )
    report = import_file(store, path, add_labels=True)
    assert report.unit == "UTF-16 code units (detected from which reading fits the text)"
    assert not report.refused
    assert span_tuples(store) == [(10, 11, "EMO", "😊"), (14, 19, "LOC", "Paris")]
    assert store.annotators() == ["lisa"], "a per-user export is named by its file"


def test_doccano_offsets_that_fit_both_readings_go_by_word_boundaries(
    tmp_path: Path, store: Store
) -> None:
    text = EMOJI_SENTENCE + " Paris est loin."
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[15, 20, "LOC"]]}) + "\n", encoding="utf-8")
    report = import_file(store, path, add_labels=True)
    assert report.unit.startswith("UTF-16 code units (detected from word boundaries")
    assert span_tuples(store) == [(14, 19, "LOC", "Paris")]
    with Store(":memory:") as other:
        forced = import_file(other, path, add_labels=True, offsets="codepoints")
        assert "--offsets" in forced.unit
        assert span_tuples(other) == [(15, 20, "LOC", "aris ")]


def test_labelstudio_real_annotation(store: Store) -> None:
    report = import_file(
        store, FIXTURES / "labelstudio" / "annotation_1.json", as_name="ls", add_labels=True
    )
    assert span_tuples(store, "ls") == [(343, 354, "Date", "February 22")]
    assert not report.refused


def test_labelstudio_predictions_only_when_asked(store: Store) -> None:
    path = FIXTURES / "labelstudio" / "tasks_with_predictions.json"
    report = import_file(store, path, add_labels=True)
    assert store.span_count() == 0 and store.document_count() == 0
    assert report.skipped["predictions (use --predictions to import them)"] == 1
    import_file(store, path, add_labels=True, predictions=True)
    ((span),) = list(store.iter_spans())
    assert (span.text, span.origin, span.annotator) == (
        "February 22",
        "suggested:model",
        "labelstudio-model-1",
    )


def test_labelstudio_image_task_is_skipped_not_imported(store: Store) -> None:
    report = import_file(store, FIXTURES / "labelstudio" / "image_task.json")
    assert store.document_count() == 0 and not report.refused
    assert report.skipped["tasks without text (images, audio...)"] == 1


def labelstudio_task(text: str, results: list[dict], **annotation: object) -> dict:
    return {
        "id": 1,
        "data": {"text": text},
        "annotations": [{"id": 1, "result": results, **annotation}],
    }


def ls_result(start: int, end: int, text: str | None, label: str) -> dict:
    value: dict = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_old_labelstudio_utf16_export_with_user_object(tmp_path: Path, store: Store) -> None:
    text = EMOJI_SENTENCE + " Paris"
    task = labelstudio_task(
        text,
        [ls_result(15, 20, "Paris", "LOC")],  # UTF-16: one more than Python after 😊
        completed_by={"id": 3, "email": "maria@example.org"},
        was_cancelled=False,
    )
    cancelled = labelstudio_task(
        text, [ls_result(0, 1, "I", "LOC")], completed_by=4, was_cancelled=True
    )
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task, cancelled]), encoding="utf-8")
    report = import_file(store, path, add_labels=True)
    assert "UTF-16" in report.unit and "span text" in report.unit
    assert span_tuples(store, "maria@example.org") == [(14, 19, "LOC", "Paris")]
    assert report.skipped["cancelled annotations"] == 1


def test_a_span_matching_neither_unit_is_refused_with_file_and_line(
    tmp_path: Path, store: Store
) -> None:
    task = labelstudio_task("I like it 😊 .", [ls_result(0, 4, "Paris", "LOC")], completed_by=1)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    report = import_file(store, path, as_name="x", add_labels=True)
    (problem,) = report.refused
    assert problem.path == str(path) and problem.line == 1
    assert "not the span's text 'Paris'" in problem.reason
    assert store.span_count() == 0


def test_prodigy_accepted_answers_only(store: Store) -> None:
    path = FIXTURES / "prodigy" / "news_headlines.jsonl"
    report = import_file(store, path, as_name="prodigy", add_labels=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    accepted = [row for row in rows if row["answer"] == "accept"]
    assert report.skipped["tasks answered 'ignore'"] == len(rows) - len(accepted)
    expected = {
        (row["text"][s["start"] : s["end"]], s["label"])
        for row in accepted
        for s in row.get("spans", [])
    }
    assert {(text, label) for _, _, label, text in span_tuples(store, "prodigy")} == expected
    first = Document.from_text(accepted[0]["text"]).id
    assert [(s.start, s.end, s.label, s.text) for s in store.spans(first)] == [
        (0, 4, "ORG", "Uber"),
        (15, 29, "LOCATION", "Silicon Valley"),
    ]


def test_prodigy_binary_rejections_are_not_imported(store: Store) -> None:
    path = FIXTURES / "prodigy" / "reddit_product_first200.jsonl"
    report = import_file(store, path, as_name="p", add_labels=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    accepted_spans = {
        (row["text"], s["start"], s["end"])
        for row in rows
        if row["answer"] == "accept"
        for s in row["spans"]
        if s.get("answer", "accept") == "accept"
    }
    stored = {(store.document(s.doc_id).text, s.start, s.end) for s in store.iter_spans()}
    assert stored == accepted_spans
    assert report.skipped["tasks answered 'reject'"] > 0


def test_prodigy_tasks_without_answer_are_imported_as_accepted(store: Store) -> None:
    # Prodigy's own example data, {"text", "spans"} lines with no answer: db-in takes
    # them as accepted, and so does the import (as work in progress).
    path = FIXTURES / "prodigy" / "bio_events_first5.jsonl"
    report = import_file(store, path, as_name="p", add_labels=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert store.span_count() == sum(len(row["spans"]) for row in rows) > 0
    assert report.statuses_set == {"in_progress": 5}
    assert any("5 tasks without an answer imported as accepted" in n for n in report.notes)


def test_a_broken_file_changes_nothing(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "broken.jsonl"
    good = json.dumps({"text": "EU rejects", "label": [[0, 2, "ORG"]]})
    path.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_file(store, path, add_labels=True)
    assert raised.value.line == 2
    assert store.document_count() == 0 and store.span_count() == 0
    assert "ORG" not in store.label_set().names

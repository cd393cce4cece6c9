"""A layer marked done with no spans says "nothing to tag here": a negative example.

Every format writes it (an empty .ann, an empty label list, an all-O sentence, an
accepted Prodigy task with no spans, a spaCy Doc with no entities), read back by the
consumers themselves, and the printed counts say what was written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.formats.brat import read_folder
from annotator.core.formats.export import ExportOptions
from annotator.core.formats.registry import FORMATS, export_format
from annotator.core.importing.annotated import import_file
from annotator.core.models import Document, Status
from annotator.core.store import Store

from .conftest import INTEROP_FIXTURES

TAGGED = "Meta a offert 100 millions $, dit Sam Altman."
NOTHING = "Il pleuvait sur Lyon ce matin-là."


@pytest.fixture
def with_negative(store: Store) -> tuple[Store, Document, Document]:
    tagged = Document.from_text(TAGGED, source="a.txt", language="fr")
    empty = Document.from_text(NOTHING, source="b.txt", language="fr")
    store.add_document(tagged)
    store.add_document(empty)
    start = TAGGED.index("Sam Altman")
    store.add_span(store.make_span(tagged, "alice", start, start + 10, "person"))
    store.set_status(tagged.id, "alice", Status.DONE)
    store.set_status(empty.id, "alice", Status.DONE)  # read, nothing to tag
    store.set_status(empty.id, "bob", Status.IN_PROGRESS)  # opened, not finished
    return store, tagged, empty


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_format_counts_the_negative_example(with_negative, tmp_path, format_name) -> None:
    store, _, _ = with_negative
    report = export_format(store, format_name, tmp_path / f"out.{format_name}")
    assert (report.documents, report.examples, report.negative_examples) == (2, 2, 1)
    first = report.summary_lines()[0]
    assert first.startswith("Wrote 2 documents (2 annotator layers, 1 with no spans: ")
    manifest = json.loads(report.manifest_path.read_text())
    assert (manifest["examples"], manifest["negative_examples"]) == (2, 1)


def test_gold_jsonl_says_whose_layer_is_done(with_negative, tmp_path) -> None:
    store, _, empty = with_negative
    out = tmp_path / "gold.jsonl"
    export_format(store, "jsonl", out)
    record = next(r for r in read_jsonl(out) if r["id"] == empty.id)
    assert record["spans"] == []
    assert record["layers"] == [
        {"annotator": "alice", "status": "done"},
        {"annotator": "bob", "status": "in_progress"},
    ]
    with Store(":memory:") as fresh:
        assert not import_file(fresh, out).refused


def test_doccano_writes_an_empty_label_list(with_negative, tmp_path) -> None:
    store, _, empty = with_negative
    out = tmp_path / "doccano.jsonl"
    export_format(store, "doccano", out)
    lines = {line["id"]: line for line in read_jsonl(out)}
    assert lines[empty.id]["label"] == [] and lines[empty.id]["text"] == NOTHING
    assert len(lines) == 2, "bob's unfinished empty layer is not an example"


def test_conll_and_seqeval_see_an_all_outside_document(with_negative, tmp_path) -> None:
    seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")
    store, _, _ = with_negative
    out = tmp_path / "train.conll"
    export_format(store, "conll", out)
    blocks = out.read_text(encoding="utf-8").split("-DOCSTART- -X- -X- O")
    documents = [
        [line.split(" ")[3] for line in block.splitlines() if line.strip()]
        for block in blocks
        if block.strip()
    ]
    assert len(documents) == 2
    entities = [seqeval.get_entities(tags) for tags in documents]
    assert sorted(map(len, entities)) == [0, 1]


def test_hf_dataset_has_the_all_o_row(with_negative, tmp_path) -> None:
    datasets = pytest.importorskip("datasets")
    store, _, empty = with_negative
    out = tmp_path / "hf"
    export_format(store, "hf", out)
    loaded = datasets.load_dataset(str(out), split="train", cache_dir=str(tmp_path / "cache"))
    rows = [row for row in loaded if row["document_id"] == empty.id]
    assert rows and all(set(row["ner_tags"]) == {0} for row in rows)


def test_spacy_docbin_holds_a_doc_with_no_entities(with_negative, tmp_path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    store, _, empty = with_negative
    out = tmp_path / "train.spacy"
    export_format(store, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("fr").vocab))
    assert len(docs) == 2
    negative = next(doc for doc in docs if doc.user_data["id"] == empty.id)
    # Every token explicitly outside an entity: spaCy trains on it as a negative.
    assert negative.text == NOTHING and not negative.ents
    assert {token.ent_iob_ for token in negative} == {"O"}


def test_brat_writes_an_empty_ann_file(with_negative, tmp_path) -> None:
    store, _, empty = with_negative
    out = tmp_path / "brat"
    export_format(store, "brat", out)
    ann = out / "alice" / f"{empty.id[:16]}.ann"
    assert ann.exists() and ann.read_text(encoding="utf-8") == ""
    documents = {document.text: document for _, document in read_folder(out / "alice")}
    assert NOTHING in documents and not documents[NOTHING].spans


def test_labelstudio_writes_a_submitted_empty_annotation(with_negative, tmp_path) -> None:
    store, _, empty = with_negative
    out = tmp_path / "tasks.json"
    export_format(store, "labelstudio", out)
    task = next(t for t in json.loads(out.read_text()) if t["data"]["doc_id"] == empty.id)
    assert [(a["annotator"], a["result"], a["was_cancelled"]) for a in task["annotations"]] == [
        ("alice", [], False)
    ]


def test_labelstudio_converter_reads_the_negative_example(with_negative, tmp_path) -> None:
    converter = pytest.importorskip("label_studio_converter")
    store, _, _ = with_negative
    out = tmp_path / "tasks.json"
    export_format(store, "labelstudio", out)
    config = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    convert = converter.Converter(config=config, project_dir=str(tmp_path))
    convert.convert_to_conll2003(str(out), str(tmp_path / "conll"), is_dir=False)
    written = next((tmp_path / "conll").glob("*.conll")).read_text(encoding="utf-8")
    assert "Lyon -X- _ O" in written and "Altman -X- _ I-person" in written


def test_prodigy_round_trip_gives_back_every_accepted_task(tmp_path) -> None:
    source = INTEROP_FIXTURES / "prodigy" / "news_headlines.jsonl"
    tasks = read_jsonl(source)
    accepted = {t["text"] for t in tasks if t.get("answer") == "accept"}
    with Store(":memory:") as store:
        assert not import_file(store, source, as_name="news", add_labels=True).refused
        out = tmp_path / "prodigy.jsonl"
        report = export_format(store, "prodigy", out, ExportOptions(status="done"))
    written = read_jsonl(out)
    assert {t["text"] for t in written} == accepted
    assert all(t["answer"] == "accept" for t in written)
    assert report.examples == len(written) == len(accepted)
    found_nothing = {t["text"] for t in tasks if t.get("answer") == "accept" and not t.get("spans")}
    assert report.negative_examples == len(found_nothing) == 151
    assert {t["text"] for t in written if not t["spans"]} >= found_nothing

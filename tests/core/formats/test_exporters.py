"""Each exporter against what consumes it: spaCy, a CoNLL/HF reader, brat, Label Studio's
documented layout, Prodigy's token conventions; and every loss is counted."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.core.formats.brat import conf_sections
from annotator.core.formats.export import ExportError, ExportOptions
from annotator.core.formats.prodigy import input_hash, murmurhash3_32
from annotator.core.formats.registry import FORMATS, export_format
from annotator.core.importing.annotated import import_file
from annotator.core.store import Store

from .conftest import INTEROP_FIXTURES

ENTITY_LABELS = ["person", "organisation", "amount"]


def spans_of(store: Store, doc_id: str) -> set[tuple[str, int, int, str, str]]:
    return {(s.annotator, s.start, s.end, s.label, s.text) for s in store.spans(doc_id)}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_span_is_written_or_counted_as_dropped(
    project, tmp_path: Path, format_name: str
) -> None:
    store, _ = project
    report = export_format(store, format_name, tmp_path / f"out.{format_name}")
    assert report.spans == store.span_count() == 8
    assert report.written_spans + sum(report.dropped.values()) == report.spans
    assert report.manifest_path is not None and report.manifest_path.exists()


def test_spacy_docbin_loads_with_the_same_entities(project, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    store, doc = project
    out = tmp_path / "train.spacy"
    report = export_format(store, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("fr").vocab))
    by_annotator = {d.user_data["annotator"]: d for d in docs}
    alice = by_annotator["alice"]
    assert alice.user_data["id"] == doc.id and alice.text == doc.text
    # doc.ents: entity labels only, no overlap (the longer "Sam Altman" wins).
    assert [(e.text, e.label_) for e in alice.ents] == [
        ("Meta", "organisation"),
        ("100 millions $", "amount"),
        ("Sam Altman", "person"),
    ]
    # doc.spans["sc"]: every span, statements and the overlapping "Altman" included.
    assert sorted((s.start_char, s.end_char, s.label_) for s in alice.spans["sc"]) == sorted(
        (s.start, s.end, s.label) for s in store.spans(doc.id, "alice")
    )
    # "Bosw" cuts the token "Bosworth": dropped, and said so.
    assert [s.text for s in by_annotator["bob"].spans["sc"]] == [
        "Sam Altman.\nBosworth",
        "Bosworth de\u0301ment",
    ]
    assert sum(report.dropped.values()) == 1
    assert "cuts a spaCy token" in next(iter(report.dropped))
    assert any("left out of doc.ents" in reason for reason in report.left_out)


def test_spacy_expand_keeps_the_span_that_cuts_a_token(project, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    store, _ = project
    out = tmp_path / "train.spacy"
    report = export_format(store, "spacy", out, align="expand")
    assert not report.dropped and report.expanded == 1
    bob = next(
        d
        for d in DocBin().from_disk(out).get_docs(spacy.blank("fr").vocab)
        if d.user_data["annotator"] == "bob"
    )
    assert ("Bosworth", "person") in [(e.text, e.label_) for e in bob.ents]


def test_spacy_missing_says_how_to_install_it(project, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ExportError, match=r"pip install 'annotator\[spacy\]'"):
        export_format(project[0], "spacy", tmp_path / "x.spacy")
    assert not (tmp_path / "x.spacy").exists()


def conll_blocks(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag), read the way CoNLL readers do."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            assert line == "-DOCSTART- -X- -X- O"
            documents.append([])
            continue
        if not line.strip():
            if sentence:
                documents[-1].append(sentence)
                sentence = []
            continue
        columns = line.split(" ")
        assert len(columns) == 4, line
        sentence.append((columns[0], columns[3]))
    if sentence:
        documents[-1].append(sentence)
    return documents


def entities_from_tags(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found: list[tuple[list[str], str]] = []
    for token, tag in pairs:
        if tag.startswith("B-"):
            found.append(([token], tag[2:]))
        elif tag.startswith("I-"):
            assert found and found[-1][1] == tag[2:], "I- must continue a span"
            found[-1][0].append(token)
    return [(" ".join(tokens), label) for tokens, label in found]


def test_conll_is_iob2_and_reports_overlaps_and_cut_tokens(project, tmp_path: Path) -> None:
    store, _ = project
    out = tmp_path / "train.conll"
    report = export_format(store, "conll", out)
    alice, bob = conll_blocks(out)
    assert entities_from_tags([p for s in alice for p in s]) == [
        ("« Meta a offert 100 millions $ »", "claim"),
        ("Sam Altman", "person"),
    ]
    # Bob's claim crosses the line break: the sentence break is held back so the span
    # stays one B- I- I- run.
    assert entities_from_tags([p for s in bob for p in s]) == [("Sam Altman . Bosworth", "claim")]
    overlap = [r for r in report.dropped if "overlaps a longer span" in r]
    cut = [r for r in report.dropped if "cuts a token" in r]
    assert report.dropped[overlap[0]] == 4  # Meta, amount, Altman; bob's denial
    assert report.dropped[cut[0]] == 1  # "Bosw"
    assert any("dropped 4 spans: overlaps" in line for line in report.summary_lines())


def test_conll_with_entity_labels_keeps_nested_entities(project, tmp_path: Path) -> None:
    store, _ = project
    out = tmp_path / "ner.conll"
    export_format(store, "conll", out, ExportOptions(annotators=["alice"], labels=ENTITY_LABELS))
    (alice,) = conll_blocks(out)
    assert entities_from_tags([p for s in alice for p in s]) == [
        ("Meta", "organisation"),
        ("100 millions $", "amount"),
        ("Sam Altman", "person"),
    ]
    assert len(alice) == 3, "three sentences: after 'Altman .', after 'dément .'"


def test_hf_rows_have_equal_lengths_and_named_tags(project, tmp_path: Path) -> None:
    store, _ = project
    out = tmp_path / "hf"
    report = export_format(store, "hf", out)
    names = json.loads((out / "label_names.json").read_text())
    assert names[0] == "O" and "B-claim" in names and "I-person" in names
    manifest = json.loads(report.manifest_path.read_text())
    assert manifest["label_names"] == names
    rows = read_jsonl(out / "train.jsonl")
    assert rows and len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"]) == len(row["tags"]) > 0
        assert [names[i] for i in row["ner_tags"]] == row["tags"]


def test_hf_folder_loads_with_ner_tags_as_a_class_label(project, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    store, _ = project
    out = tmp_path / "hf"
    export_format(store, "hf", out)
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    train = loaded["train"]
    feature = train.features["ner_tags"].feature
    assert isinstance(feature, datasets.ClassLabel)
    assert feature.names == json.loads((out / "label_names.json").read_text())
    for row in train:
        assert [feature.int2str(tag) for tag in row["ner_tags"]] == row["tags"]


def test_brat_output_reimports_identically(project, tmp_path: Path) -> None:
    store, doc = project
    out = tmp_path / "brat"
    report = export_format(store, "brat", out)
    assert conf_sections(out / "annotation.conf")["entities"].count("claim") == 1
    # Beside brat's files, the hidden list of what annotator wrote (it replaces only those).
    assert sorted(p.name for p in out.iterdir()) == [
        ".annotator-export.json", "alice", "annotation.conf", "bob"
    ]
    ann = (out / "bob" / f"{doc.id[:16]}.ann").read_text(encoding="utf-8")
    assert "\tclaim " in ann and ";" in ann, "the span across the line break is two fragments"
    assert report.written_spans == 8 and not report.dropped
    with Store(":memory:") as fresh:
        imported = import_file(fresh, out)
        assert not imported.refused
        assert spans_of(fresh, doc.id) == spans_of(store, doc.id)
        assert fresh.document(doc.id).text == doc.text


def test_doccano_offsets_are_utf16_and_reimport_identically(project, tmp_path: Path) -> None:
    store, doc = project
    out = tmp_path / "doccano.jsonl"
    export_format(store, "doccano", out)
    lines = read_jsonl(out)
    assert {line["annotator"] for line in lines} == {"alice", "bob"}
    encoded = doc.text.encode("utf-16-le")
    for line in lines:
        for start, end, label in line["label"]:
            span_text = encoded[2 * start : 2 * end].decode("utf-16-le")
            assert span_text in {s.text for s in store.spans(doc.id) if s.label == label}
    meta = next(s for s in store.spans(doc.id) if s.text == "Meta")
    alice = next(line for line in lines if line["annotator"] == "alice")
    assert [meta.start + 2, meta.end + 2, "organisation"] in alice["label"], (
        "the emoji (two astral characters) shifts UTF-16 offsets by two"
    )
    with Store(":memory:") as fresh:
        report = import_file(fresh, out)
        assert "UTF-16" in report.unit
        assert spans_of(fresh, doc.id) == spans_of(store, doc.id)


def test_doccano_codepoint_option(project, tmp_path: Path) -> None:
    store, doc = project
    out = tmp_path / "doccano.jsonl"
    report = export_format(store, "doccano", out, offsets="codepoints")
    assert report.offsets == "code points"
    line = next(record for record in read_jsonl(out) if record["annotator"] == "alice")
    meta = next(s for s in store.spans(doc.id) if s.text == "Meta")
    assert [meta.start, meta.end, "organisation"] in line["label"]
    with pytest.raises(ExportError, match="--offsets applies to doccano and labelstudio"):
        export_format(store, "brat", tmp_path / "b", offsets="utf16")


def test_labelstudio_matches_the_documented_task_layout(project, tmp_path: Path) -> None:
    store, doc = project
    out = tmp_path / "tasks.json"
    report = export_format(store, "labelstudio", out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 1
    (task,) = tasks
    assert task["data"]["text"] == doc.text
    assert isinstance(task["id"], int) and task["predictions"] == []
    assert [a["annotator"] for a in task["annotations"]] == ["alice", "bob"]
    for annotation in task["annotations"]:
        assert isinstance(annotation["completed_by"], int)
        assert annotation["was_cancelled"] is False
        for item in annotation["result"]:
            assert item["type"] == "labels"
            assert (item["from_name"], item["to_name"]) == ("label", "text")
            value = item["value"]
            assert set(value) == {"start", "end", "text", "labels"}
            assert doc.text[value["start"] : value["end"]] == value["text"]  # code points
            assert len(value["labels"]) == 1
    config = ElementTree.parse(tmp_path / "tasks.config.xml").getroot()
    labels = config.find("Labels")
    assert (labels.get("name"), labels.get("toName")) == ("label", "text")
    assert config.find("Text").get("name") == "text"
    assert config.find("Text").get("value") == "$text"
    assert {label.get("value") for label in labels} >= {s.label for s in store.spans(doc.id)}
    assert report.files == [tmp_path / "tasks.config.xml"]
    with Store(":memory:") as fresh:
        assert not import_file(fresh, out).refused
        assert spans_of(fresh, doc.id) == spans_of(store, doc.id)


def test_prodigy_token_end_is_inclusive_and_hashes_are_prodigys(project, tmp_path: Path) -> None:
    store, _doc = project
    out = tmp_path / "prodigy.jsonl"
    report = export_format(store, "prodigy", out, align="expand")
    assert report.expanded == 1 and not report.dropped
    tasks = read_jsonl(out)
    for task in tasks:
        assert task["answer"] == "accept"
        assert -(2**31) <= task["_input_hash"] < 2**31
        assert -(2**31) <= task["_task_hash"] < 2**31
        tokens = task["tokens"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
            assert task["text"][span["start"] : span["end"]] == span["text"]
        for token in tokens:
            assert task["text"][token["start"] : token["end"]] == token["text"]
    assert len({task["_task_hash"] for task in tasks}) == 2
    assert len({task["_input_hash"] for task in tasks}) == 1


def test_input_hash_matches_prodigys_own_dataset() -> None:
    # Prodigy wrote these hashes; the reddit dataset's input hashes are the JSON text's.
    rows = read_jsonl(INTEROP_FIXTURES / "prodigy" / "reddit_product_first200.jsonl")
    assert all(input_hash(row["text"]) == row["_input_hash"] for row in rows)


@pytest.mark.parametrize("text", ["", "a", "ab", "abc", "abcd", "Café 👩‍💻", "x" * 101])
def test_murmurhash_matches_the_library(text: str) -> None:
    murmurhash = pytest.importorskip("murmurhash")
    assert murmurhash3_32(text) == murmurhash.hash(text)


def test_filters_apply_to_every_format(project, tmp_path: Path) -> None:
    store, _ = project
    options = ExportOptions(annotators=["bob"], labels=["denial"])
    for format_name in FORMATS:
        report = export_format(store, format_name, tmp_path / f"f.{format_name}", options)
        assert report.spans == 1 and report.annotators == {"bob"}, format_name


def test_gold_option_exports_only_the_gold_layer(project, tmp_path: Path) -> None:
    store, doc = project
    from annotator.core.models import GOLD_LAYER

    start = doc.text.index("Meta")
    store.add_span(store.make_span(doc, GOLD_LAYER, start, start + 4, "organisation"))
    report = export_format(store, "doccano", tmp_path / "gold.jsonl", ExportOptions(gold=True))
    assert report.spans == 1 and report.annotators == {GOLD_LAYER}

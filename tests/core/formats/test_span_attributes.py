"""Span attributes (a claim's verdict, a person's role) out through every format: gold
JSONL keeps them all, brat writes ``A`` lines and ``[attributes]`` (and reads them back,
also from brat's own example corpus), Label Studio per-region choices; what a format
cannot hold is counted, never dropped in silence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core import scheme
from annotator.core.formats.brat import conf_sections, read_document
from annotator.core.formats.registry import export_format
from annotator.core.importing.annotated import import_file
from annotator.core.models import Document, Status
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."


def word(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.fixture
def tagged(store: Store) -> Store:
    store.set_label_set(
        scheme.with_attribute(
            store.label_set(), "person", scheme.attribute("quoted", "yes/no", key="q")
        )
    )
    document = Document.from_text(TEXT, title="Altman")
    store.add_document(document)
    claim = store.make_span(document, "alice", *word("Meta a offert 100 millions"), "claim")
    store.add_span(
        claim.model_copy(update={"attrs": {"verdict": "mostly false", "checked_by": "Léa"}})
    )
    altman = store.make_span(document, "alice", *word("Sam Altman"), "person")
    store.add_span(
        altman.model_copy(update={"attrs": {"role": "anonymous source", "quoted": True}})
    )
    bosworth = store.make_span(document, "alice", *word("Andrew Bosworth"), "person")
    store.add_span(bosworth.model_copy(update={"attrs": {"role": "official", "quoted": False}}))
    store.set_status(document.id, "alice", Status.DONE)
    return store


def attributes_by_text(store: Store) -> dict[str, dict[str, object]]:
    return {
        span.text: scheme.scheme_attributes(store.label_set().get(span.label), span.attrs)
        for doc_id in store.document_ids()
        for span in store.spans(doc_id)
    }


def test_gold_jsonl_keeps_every_attribute(tagged: Store, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    export_format(tagged, "jsonl", out)
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    by_text = {span["text"]: span["attrs"] for span in record["spans"]}
    assert by_text["Meta a offert 100 millions"] == {
        "verdict": "mostly false",
        "checked_by": "Léa",
    }
    assert by_text["Andrew Bosworth"] == {"role": "official", "quoted": False}
    # Made after the scheme's change to version 2: each span says so, as the schema allows.
    assert {span["scheme_version"] for span in record["spans"]} == {2}
    from annotator.core.formats.validate import validate_gold_file

    assert validate_gold_file(out) == []
    manifest = json.loads((tmp_path / "gold.manifest.json").read_text())
    assert manifest["scheme"]["version"] == tagged.label_set().version
    assert manifest["scheme"]["labels"]["claim"]["attributes"]["verdict"]["choices"][0] == "true"


def test_brat_writes_a_lines_and_attributes_in_annotation_conf(
    tagged: Store, tmp_path: Path
) -> None:
    out = tmp_path / "brat"
    report = export_format(tagged, "brat", out)
    conf = (out / "annotation.conf").read_text()
    assert (
        "verdict\tArg:claim, Value:true|mostly_true|half_true|mostly_false|false|unverifiable"
        in conf
    )
    assert "role\tArg:person, Value:official|expert|anonymous_source" in conf
    assert "quoted\tArg:person\n" in conf
    assert conf_sections(out / "annotation.conf")["attributes"] == ["verdict", "role", "quoted"]
    (ann,) = (out / "alice").glob("*.ann")
    lines = ann.read_text().splitlines()
    t_ids = {line.split("\t")[2]: line.split("\t")[0] for line in lines if line.startswith("T")}
    a_lines = {line.split("\t", 1)[1] for line in lines if line.startswith("A")}
    assert f"verdict {t_ids['Meta a offert 100 millions']} mostly_false" in a_lines
    assert f"role {t_ids['Sam Altman']} anonymous_source" in a_lines
    assert f"quoted {t_ids['Sam Altman']}" in a_lines
    # What brat cannot hold is said: free text, and a flag set to no.
    assert report.attributes == 6 and report.written_attributes == 4
    summary = "\n".join(report.summary_lines())
    assert "wrote 4 of 6 span attributes" in summary
    assert "left out 1 span attribute: text attributes" in summary
    assert "left out 1 span attribute: yes/no attributes set to no" in summary
    manifest = json.loads((tmp_path / "brat.manifest.json").read_text())
    assert manifest["written_attributes"] == 4


def test_brat_attributes_come_back_on_import(tagged: Store, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export_format(tagged, "brat", out)
    with Store(":memory:") as fresh:
        fresh.set_label_set(tagged.label_set())
        imported = import_file(fresh, out)
        assert not imported.refused
        found = attributes_by_text(fresh)
    assert found["Meta a offert 100 millions"] == {"verdict": "mostly false"}
    assert found["Sam Altman"] == {"role": "anonymous source", "quoted": True}
    assert found["Andrew Bosworth"] == {"role": "official"}


def test_brats_own_attribute_lines_are_read(tmp_path: Path) -> None:
    """The shapes of brat's example-data (BioNLP ST GE: ``A1<TAB>Negation E1``, and the
    multi-valued ``A2<TAB>Confidence T1 High`` brat's documentation gives)."""
    (tmp_path / "doc.txt").write_text("Protein X binds Y.\n", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tProtein 0 9\tProtein X\n"
        "T2\tBinding 10 15\tbinds\n"
        "E1\tBinding:T2 Theme:T1\n"
        "A1\tNegation E1\n"
        "A2\tConfidence T1 High\n"
        "M3\tSpeculation T1\n",
        encoding="utf-8",
    )
    document = read_document(tmp_path / "doc.ann", {"Binding"})
    (protein,) = document.spans
    assert protein.attrs == {"Confidence": "High", "Speculation": True}
    assert document.ignored["attributes of events"] == 1
    assert not document.problems


def test_an_attribute_on_a_missing_span_refuses_the_file_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Protein X binds Y.\n", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tProtein 0 9\tProtein X\nA1\tNegation T7\n", encoding="utf-8"
    )
    document = read_document(tmp_path / "doc.ann", set())
    (problem,) = document.problems
    assert problem.line == 2 and "T7" in problem.reason


def test_label_studio_regions_carry_their_choices_and_text(tagged: Store, tmp_path: Path) -> None:
    out = tmp_path / "ls.json"
    report = export_format(tagged, "labelstudio", out)
    (task,) = json.loads(out.read_text())
    results = task["annotations"][0]["result"]
    labels = {r["id"]: r["value"]["text"] for r in results if r["type"] == "labels"}
    per_region = {
        (labels[r["id"]], r["from_name"]): r["value"]
        for r in results
        if r["type"] in ("choices", "textarea")
    }
    assert per_region[("Meta a offert 100 millions", "verdict")] == {
        "start": TEXT.index("Meta"),
        "end": TEXT.index(". Andrew"),
        "text": "Meta a offert 100 millions",
        "choices": ["mostly false"],
    }
    assert per_region[("Meta a offert 100 millions", "checked_by")]["text"] == ["Léa"]
    assert per_region[("Sam Altman", "quoted")]["choices"] == ["yes"]
    assert per_region[("Andrew Bosworth", "quoted")]["choices"] == ["no"]
    assert report.written_attributes == report.attributes == 6
    config = (tmp_path / "ls.config.xml").read_text()
    assert '<Choices name="verdict" toName="text" perRegion="true"' in config
    assert '<Choice value="mostly false"' in config
    assert '<TextArea name="checked_by" toName="text" perRegion="true"' in config


def test_doccano_says_it_left_the_attributes_out(tagged: Store, tmp_path: Path) -> None:
    report = export_format(tagged, "doccano", tmp_path / "d.jsonl")
    assert report.attributes == 6
    assert "left out 6 span attributes: doccano has no place for them" in "\n".join(
        report.summary_lines()
    )


def test_label_studio_attributes_come_back_on_import(tagged: Store, tmp_path: Path) -> None:
    out = tmp_path / "ls.json"
    export_format(tagged, "labelstudio", out)
    with Store(":memory:") as fresh:
        fresh.set_label_set(tagged.label_set())
        imported = import_file(fresh, out)
        assert not imported.refused
        found = attributes_by_text(fresh)
    assert found == attributes_by_text(tagged)
    assert found["Andrew Bosworth"] == {"role": "official", "quoted": False}

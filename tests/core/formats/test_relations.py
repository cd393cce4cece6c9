"""Links (said_by, denies, amount_of, same_as) through brat, Label Studio and doccano:
written as each tool writes relations, read back the same, and what a per-document
format cannot hold (a link to another article) counted, never dropped silently."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator.core.formats.brat import conf_sections
from annotator.core.formats.registry import export_format
from annotator.core.importing.annotated import import_file, parse_label_map
from annotator.core.models import document_id
from annotator.core.store import Store

from .conftest import INTEROP_FIXTURES as FIXTURES

sys.path.insert(0, str(FIXTURES / "attribution"))
from seed_example import build_seed_example  # noqa: E402

GOOGLE = "Google was founded on September 4, 1998, by Larry Page and Sergey Brin."
PER_DOCUMENT_FORMATS = {"brat": "out", "labelstudio": "tasks.json", "doccano": "out.jsonl"}

LinkKey = tuple[str, tuple[str, int, int, str], tuple[str, int, int, str]]


def link_keys(store: Store) -> set[LinkKey]:
    """Each link by its type and both spans' document, offsets and label (not ids:
    the other tools do not keep ours)."""
    spans = {span.id: span for span in store.iter_spans()}

    def key(span_id: str) -> tuple[str, int, int, str]:
        span = spans[span_id]
        return (span.doc_id, span.start, span.end, span.label)

    return {(link.type, key(link.from_span), key(link.to_span)) for link in store.links()}


@pytest.fixture
def seeded(store: Store) -> Store:
    build_seed_example(store)
    return store


@pytest.mark.parametrize("format_name", sorted(PER_DOCUMENT_FORMATS))
def test_links_round_trip_and_cross_document_ones_are_counted(
    seeded: Store, tmp_path: Path, format_name: str
) -> None:
    out = tmp_path / PER_DOCUMENT_FORMATS[format_name]
    report = export_format(seeded, format_name, out)
    original = link_keys(seeded)
    within = {key for key in original if key[1][0] == key[2][0]}
    across = original - within
    assert {kind for kind, _, _ in within} == {"said_by", "denies", "amount_of"}
    assert across, "the seed example links a denial to a claim in another article"
    assert report.links == len(original)
    assert report.written_links == len(within)
    assert sum(report.links_left_out.values()) == len(across)
    assert all("another document" in reason for reason in report.links_left_out)
    summary = "\n".join(report.summary_lines())
    assert f"wrote {len(within)} of {len(original)} links" in summary
    assert "another document" in summary
    with Store(":memory:") as fresh:
        imported = import_file(fresh, out)
        assert not imported.refused
        assert imported.links_added == len(within)
        assert link_keys(fresh) == within


@pytest.mark.parametrize("format_name", sorted(PER_DOCUMENT_FORMATS))
def test_importing_the_links_twice_adds_none(
    seeded: Store, tmp_path: Path, format_name: str
) -> None:
    out = tmp_path / PER_DOCUMENT_FORMATS[format_name]
    export_format(seeded, format_name, out)
    with Store(":memory:") as fresh:
        import_file(fresh, out)
        before = link_keys(fresh)
        again = import_file(fresh, out)
        assert again.links_added == 0 and link_keys(fresh) == before
        assert len(fresh.links()) == len(before)


def test_brat_relations_are_r_lines_and_listed_in_annotation_conf(
    seeded: Store, tmp_path: Path
) -> None:
    export_format(seeded, "brat", tmp_path / "out")
    relations = conf_sections(tmp_path / "out" / "annotation.conf")["relations"]
    assert relations == ["said_by", "denies", "amount_of", "same_as"]
    conf = (tmp_path / "out" / "annotation.conf").read_text()
    assert "said_by\tArg1:claim|denial, Arg2:person|organisation" in conf
    ann_files = list((tmp_path / "out" / "alice").glob("*.ann"))
    lines = [line for ann in ann_files for line in ann.read_text().splitlines()]
    r_lines = [line for line in lines if line.startswith("R")]
    t_ids = {line.split("\t")[0] for line in lines if line.startswith("T")}
    assert r_lines
    for line in r_lines:
        number, fields, _ = line.split("\t")
        kind, arg1, arg2 = fields.split(" ")
        assert kind in relations
        assert arg1.startswith("Arg1:T") and arg2.startswith("Arg2:T")
        assert arg1[5:] in t_ids and arg2[5:] in t_ids


def test_labelstudio_relations_follow_the_documented_layout(seeded: Store, tmp_path: Path) -> None:
    export_format(seeded, "labelstudio", tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    relation_count = 0
    for task in tasks:
        for annotation in task["annotations"]:
            regions = {
                item["id"]: item for item in annotation["result"] if item["type"] == "labels"
            }
            for item in annotation["result"]:
                if item["type"] != "relation":
                    continue
                relation_count += 1
                assert set(item) == {"from_id", "to_id", "type", "direction", "labels"}
                assert item["direction"] == "right"
                assert item["from_id"] in regions and item["to_id"] in regions
                (kind,) = item["labels"]
                source = regions[item["from_id"]]["value"]["labels"][0]
                kinds = {k.name: k for k in seeded.label_set().link_types}
                assert source in kinds[kind].source_labels
    assert relation_count > 0
    config = ElementTree.parse(tmp_path / "tasks.config.xml").getroot()
    assert [r.get("value") for r in config.find("Relations")] == [
        "said_by",
        "denies",
        "amount_of",
        "same_as",
    ]


def test_labelstudio_left_direction_points_the_other_way(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export_format(seeded, "labelstudio", out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            for item in annotation["result"]:
                if item["type"] == "relation":
                    item["from_id"], item["to_id"] = item["to_id"], item["from_id"]
                    item["direction"] = "left"
    out.write_text(json.dumps(tasks), encoding="utf-8")
    with Store(":memory:") as fresh:
        imported = import_file(fresh, out)
        assert not imported.refused
        assert link_keys(fresh) == {k for k in link_keys(seeded) if k[1][0] == k[2][0]}


def test_doccano_uses_the_relation_layout_only_when_there_are_links(
    seeded: Store, tmp_path: Path
) -> None:
    out = tmp_path / "with.jsonl"
    report = export_format(seeded, "doccano", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        assert "label" not in line and set(line) >= {"text", "entities", "relations"}
        entity_ids = {entity["id"] for entity in line["entities"]}
        for relation in line["relations"]:
            assert set(relation) == {"id", "from_id", "to_id", "type"}
            assert {relation["from_id"], relation["to_id"]} <= entity_ids
    assert any("JSONL (Relation)" in note for note in report.notes)
    for link in seeded.links():
        seeded.delete_link(link.id)
    export_format(seeded, "doccano", tmp_path / "without.jsonl")
    plain = json.loads((tmp_path / "without.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "label" in plain and "entities" not in plain


@pytest.mark.parametrize("format_name", ["conll", "prodigy"])
def test_formats_without_links_say_how_many_they_left_out(
    seeded: Store, tmp_path: Path, format_name: str
) -> None:
    report = export_format(seeded, format_name, tmp_path / f"out.{format_name}")
    count = len(seeded.links())
    assert report.links == count and report.written_links == 0
    assert f"left out {count} links: {format_name} has no place for links" in "\n".join(
        report.summary_lines()
    )
    manifest = json.loads(report.manifest_path.read_text(encoding="utf-8"))
    assert manifest["links_left_out"] == {f"{format_name} has no place for links": count}


# -- real files written by the tools ------------------------------------------------


@pytest.mark.parametrize("name", ["relation_pretty.jsonl", "relation_example.jsonl"])
def test_doccano_relation_extraction_files(store: Store, name: str) -> None:
    path = FIXTURES / "doccano" / name
    refused = import_file(store, path, as_name="ann")
    assert store.span_count() == 0
    assert any("unknown" in error.reason for error in refused.refused)
    report = import_file(store, path, as_name="ann", add_labels=True)
    assert not report.refused and report.links_added == 3
    doc_id = document_id(GOOGLE)
    assert link_keys(store) == {
        ("foundedAt", (doc_id, 0, 6, "ORG"), (doc_id, 22, 39, "DATE")),
        ("foundedBy", (doc_id, 0, 6, "ORG"), (doc_id, 44, 54, "PERSON")),
        ("foundedBy", (doc_id, 0, 6, "ORG"), (doc_id, 59, 70, "PERSON")),
    }
    text = store.document(doc_id).text
    assert [text[s:e] for s, e in ((0, 6), (22, 39), (44, 54), (59, 70))] == [
        "Google",
        "September 4, 1998",
        "Larry Page",
        "Sergey Brin",
    ]
    kinds = {kind.name: kind for kind in store.label_set().link_types}
    assert kinds["foundedBy"].source_labels == ["ORG"]
    assert kinds["foundedBy"].target_labels == ["PERSON"]


def test_brat_news_relations_with_exact_offsets(store: Store) -> None:
    report = import_file(store, FIXTURES / "brat" / "news", add_labels=True)
    assert not report.refused
    assert report.skipped["brat relations to events (not spans)"] == 0
    txt = FIXTURES / "brat" / "news" / "000-introduction.txt"
    doc_id = document_id(txt.read_bytes().decode("utf-8"))
    # R2 Origin Arg1:T6 Arg2:T7 and R1 Family Arg1:T4 Arg2:T5 in 000-introduction.ann.
    assert link_keys(store) == {
        ("Origin", (doc_id, 540, 545, "Organization"), (doc_id, 549, 560, "GPE")),
        ("Family", (doc_id, 473, 496, "Person"), (doc_id, 511, 535, "Person")),
    }
    text = store.document(doc_id).text
    assert (text[540:545], text[549:560]) == ("banks", "Switzerland")
    assert (text[473:496], text[511:535]) == ("Raul Salinas de Gortari", "former Mexican president")
    assert sorted(report.link_types_added) == ["Family", "Origin"]


def _news_copy(tmp_path: Path, extra_lines: str = "") -> Path:
    folder = tmp_path / "news"
    shutil.copytree(FIXTURES / "brat" / "news", folder)
    ann = folder / "000-introduction.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + extra_lines, encoding="utf-8")
    return folder


def test_unknown_relation_type_refuses_the_file_naming_its_line(
    tmp_path: Path, store: Store
) -> None:
    folder = _news_copy(tmp_path)
    mapping = parse_label_map("Organization=organisation,GPE=organisation,Person=person")
    mapping["Money"] = "amount"
    report = import_file(store, folder, label_map=mapping)
    assert store.span_count() == 0 and store.links() == []
    lines = (folder / "000-introduction.ann").read_text(encoding="utf-8").splitlines()
    refused = {error.line: error.reason for error in report.refused}
    origin_line = next(n for n, line in enumerate(lines, 1) if line.startswith("R2\tOrigin"))
    assert "unknown relation type 'Origin'" in refused[origin_line]
    assert "--map Origin=TYPE" in refused[origin_line]


def test_relation_type_mapped_with_map_is_checked_against_the_link_type(
    tmp_path: Path, store: Store
) -> None:
    folder = _news_copy(tmp_path)
    # Family joins two persons: no said_by link goes from a person, so it is refused.
    mapping = parse_label_map(
        "Organization=organisation,GPE=organisation,Person=person,Money=amount,"
        "Origin=said_by,Family=said_by"
    )
    report = import_file(store, folder, label_map=mapping)
    assert store.span_count() == 0
    assert any(
        "a said_by link goes from claim or denial" in error.reason for error in report.refused
    )


def test_brat_relation_to_a_missing_span_is_refused_with_its_line(
    tmp_path: Path, store: Store
) -> None:
    folder = _news_copy(tmp_path, "R9\tFamily Arg1:T4 Arg2:T99\t\n")
    report = import_file(store, folder, add_labels=True)
    assert store.span_count() == 0
    (error,) = report.refused
    lines = (folder / "000-introduction.ann").read_text(encoding="utf-8").splitlines()
    assert lines[error.line - 1].startswith("R9\t") and "T99" in error.reason

"""Annotated imports as a user runs them: every span, link and record in a file is
imported, or the file is refused with the reason; nothing is dropped with exit 0."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store

JEAN = "Jean Dupont a dit que Meta perd de l'argent."
MARIE = "Marie Curie travaille chez Apple depuis mardi."


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    return result.exit_code, result.output


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


def spans_by_layer(project: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    with Store(project) as store:
        for span in store.iter_spans():
            found.setdefault(span.annotator, []).append((span.text, span.label))
    return {name: sorted(spans) for name, spans in found.items()}


def span(text: str, words: str, label: str) -> dict[str, Any]:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "label": label}


# -- plain JSONL: {"text", "spans"} with no answer -------------------------------------


def plain_records() -> list[dict[str, Any]]:
    return [
        {
            "text": JEAN,
            "spans": [span(JEAN, "Jean Dupont", "person"), span(JEAN, "Meta", "organisation")],
        },
        {"text": MARIE, "spans": [span(MARIE, "Marie Curie", "person")]},
    ]


def test_plain_span_jsonl_without_answers_is_imported_as_the_named_layer(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "spans.jsonl", plain_records())
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert "3 spans added (bob: 3), 2 new documents" in output
    assert spans_by_layer(project_path) == {
        "bob": [("Jean Dupont", "person"), ("Marie Curie", "person"), ("Meta", "organisation")]
    }


def test_plain_span_jsonl_takes_the_file_name_as_layer_without_as(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "carla.jsonl", plain_records())
    code, output = run(project_path, "import", str(path))
    assert code == 0, output
    assert set(spans_by_layer(project_path)) == {"carla"}
    assert "without an answer" in output and "accepted" in output


def test_rejected_and_ignored_answers_are_still_skipped_and_counted(
    project_path: Path, tmp_path: Path
) -> None:
    records = plain_records()
    records.append({"text": "Paul Martin rejette tout.", "spans": [], "answer": "reject"})
    records.append({"text": "Rien ici.", "spans": [], "answer": "ignore"})
    path = write_jsonl(tmp_path / "mixed.jsonl", records)
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert "3 spans added (bob: 3), 2 new documents" in output
    assert "skipped 1 tasks answered 'reject'" in output
    assert "skipped 1 tasks answered 'ignore'" in output


# -- error positions ------------------------------------------------------------------


def test_a_cut_off_jsonl_line_is_named_by_its_own_line_number(
    project_path: Path, tmp_path: Path
) -> None:
    good = json.dumps({"text": JEAN, "label": [[0, 11, "person"]]})
    # Cut inside the label list: a decoder reading on finds the error two lines later.
    lines = [good, good, good[: good.index("11,") + 3], good, good]
    path = tmp_path / "cut.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run(project_path, "import", str(path))
    assert code == 1
    assert "cut.jsonl:3:" in output and "cut.jsonl:5" not in output
    assert "not valid JSON" in output


def test_a_broken_pretty_printed_value_names_where_it_starts_and_breaks(
    project_path: Path, tmp_path: Path
) -> None:
    pretty = json.dumps({"text": JEAN, "label": [[0, 11, "person"]]}, indent=2)
    broken = pretty.replace('"person"', '"person",,')
    path = tmp_path / "pretty.jsonl"
    path.write_text(pretty + "\n" + broken + "\n", encoding="utf-8")
    start_line = pretty.count("\n") + 2
    broken_line = start_line + broken[: broken.index(",,")].count("\n")
    code, output = run(project_path, "import", "--format", "doccano", str(path))
    assert code == 1
    assert f"pretty.jsonl:{start_line}:" in output
    assert f"line {broken_line}" in output


# -- links whose type --add-labels adds --------------------------------------------------

LINKED_TEXTS = [
    "Jean Dupont dirige Meta depuis Paris.",
    "Marie Curie dirige Apple depuis Lyon.",
    "Paul Martin dirige Google depuis Nice.",
]
LINKS = [  # (from label, to label) of each record's "works_for" relations, by record
    [("PER", "ORG")],
    [("PER", "ORG")],
    [("LOC", "PER"), ("ORG", "LOC")],  # pairs the first records did not join
]


def linked_entities(text: str) -> list[tuple[str, int, int, str]]:
    """(id, start, end, label): the person, the organisation and the city."""
    words = text.rstrip(".").split()
    found = []
    for number, (words_, label) in enumerate(
        [(" ".join(words[:2]), "PER"), (words[3], "ORG"), (words[5], "LOC")], start=1
    ):
        start = text.index(words_)
        found.append((str(number), start, start + len(words_), label))
    return found


def relation_ends(
    entities: list[tuple[str, int, int, str]], pair: tuple[str, str]
) -> tuple[str, str]:
    by_label = {label: entity_id for entity_id, _, _, label in entities}
    return by_label[pair[0]], by_label[pair[1]]


def write_linked_doccano(folder: Path) -> Path:
    records = []
    for text, pairs in zip(LINKED_TEXTS, LINKS, strict=True):
        entities = linked_entities(text)
        records.append(
            {
                "text": text,
                "entities": [
                    {"id": int(i), "label": label, "start_offset": s, "end_offset": e}
                    for i, s, e, label in entities
                ],
                "relations": [
                    {"id": n, "from_id": int(a), "to_id": int(b), "type": "works_for"}
                    for n, (a, b) in enumerate(
                        (relation_ends(entities, pair) for pair in pairs), start=1
                    )
                ],
            }
        )
    return write_jsonl(folder / "linked.jsonl", records)


def write_linked_labelstudio(folder: Path) -> Path:
    tasks = []
    for text, pairs in zip(LINKED_TEXTS, LINKS, strict=True):
        entities = linked_entities(text)
        result: list[dict[str, Any]] = [
            {
                "id": f"r{i}",
                "type": "labels",
                "from_name": "label",
                "to_name": "text",
                "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
            }
            for i, s, e, label in entities
        ]
        for pair in pairs:
            a, b = relation_ends(entities, pair)
            result.append(
                {
                    "type": "relation",
                    "from_id": f"r{a}",
                    "to_id": f"r{b}",
                    "direction": "right",
                    "labels": ["works_for"],
                }
            )
        annotation = {"completed_by": 1, "result": result}
        tasks.append({"data": {"text": text}, "annotations": [annotation]})
    path = folder / "linked.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


def write_linked_brat(folder: Path) -> Path:
    project = folder / "linked-brat"
    project.mkdir()
    (project / "annotation.conf").write_text(
        "[entities]\nPER\nORG\nLOC\n[relations]\nworks_for\tArg1:PER|LOC|ORG, Arg2:ORG|PER|LOC\n"
        "[events]\n[attributes]\n",
        encoding="utf-8",
    )
    for number, (text, pairs) in enumerate(zip(LINKED_TEXTS, LINKS, strict=True)):
        entities = linked_entities(text)
        lines = [f"T{i}\t{label} {s} {e}\t{text[s:e]}" for i, s, e, label in entities]
        for n, pair in enumerate(pairs, start=1):
            a, b = relation_ends(entities, pair)
            lines.append(f"R{n}\tworks_for Arg1:T{a} Arg2:T{b}\t")
        (project / f"doc{number}.txt").write_text(text, encoding="utf-8")
        (project / f"doc{number}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


@pytest.mark.parametrize(
    "write", [write_linked_doccano, write_linked_labelstudio, write_linked_brat],
    ids=["doccano", "labelstudio", "brat"],
)
def test_every_link_of_a_type_add_labels_adds_is_imported(
    project_path: Path, tmp_path: Path, write: Callable[[Path], Path]
) -> None:
    path = write(tmp_path)
    code, output = run(project_path, "import", "--as", "bob", "--add-labels", str(path))
    assert code == 0, output
    assert "4 links added" in output and "not imported" not in output
    with Store(project_path) as store:
        links = store.links()
        spans = {s.id: s.label for s in store.iter_spans()}
        assert sorted((spans[link.from_span], spans[link.to_span]) for link in links) == sorted(
            pair for pairs in LINKS for pair in pairs
        )


def test_a_same_as_link_given_both_ways_is_one_link_not_a_dropped_one(
    project_path: Path, tmp_path: Path
) -> None:
    text = "Meta paiera cent millions. Meta versera cent millions."
    first, second = text.index("Meta paiera"), text.index("Meta versera")
    record = {
        "text": text,
        "entities": [
            {"id": 1, "label": "claim", "start_offset": first, "end_offset": first + 26},
            {"id": 2, "label": "claim", "start_offset": second, "end_offset": len(text)},
        ],
        "relations": [
            {"id": 1, "from_id": 1, "to_id": 2, "type": "same_as"},
            {"id": 2, "from_id": 2, "to_id": 1, "type": "same_as"},
        ],
    }
    path = write_jsonl(tmp_path / "same.jsonl", [record])
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert "1 link added" in output and "1 link already there" in output
    assert "not imported" not in output


# -- --map ------------------------------------------------------------------------------


def pos_tagged_file(folder: Path) -> Path:
    text = "Meta, dit Jean Dupont, perd."
    spans_ = [span(text, "Meta", "ORG"), span(text, ",", ","), span(text, "Jean Dupont", "PER")]
    return write_jsonl(folder / "tagged.jsonl", [{"text": text, "spans": spans_}])


def test_repeated_map_options_all_count(project_path: Path, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "ner.jsonl",
        [{"text": JEAN, "spans": [span(JEAN, "Jean Dupont", "PER"), span(JEAN, "Meta", "ORG")]}],
    )
    code, output = run(
        project_path, "import", "--as", "bob", "--map", "PER=person", "--map", "ORG=organisation",
        str(path),
    )
    assert code == 0, output
    assert spans_by_layer(project_path) == {
        "bob": [("Jean Dupont", "person"), ("Meta", "organisation")]
    }


def test_a_comma_label_is_mapped_as_the_error_message_says(
    project_path: Path, tmp_path: Path
) -> None:
    path = pos_tagged_file(tmp_path)
    code, output = run(
        project_path, "import", "--as", "bob", "--map", "PER=person,ORG=organisation", str(path)
    )
    assert code == 1 and "--map" in output
    suggested = output.split("--map ")[-1].split()[0].strip("'")
    assert suggested.startswith(",=")
    code, output = run(
        project_path, "import", "--as", "bob", "--add-labels",
        "--map", "PER=person,ORG=organisation", "--map", ",=punct", str(path),
    )
    assert code == 0, output
    assert ("Meta", "organisation") in spans_by_layer(project_path)["bob"]
    assert (",", "punct") in spans_by_layer(project_path)["bob"]


def test_a_map_file_maps_any_label(project_path: Path, tmp_path: Path) -> None:
    path = pos_tagged_file(tmp_path)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps({"PER": "person", "ORG": "organisation", ",": "punct"}), encoding="utf-8"
    )
    code, output = run(
        project_path, "import", "--as", "bob", "--add-labels", "--map-file", str(mapping), str(path)
    )
    assert code == 0, output
    assert spans_by_layer(project_path)["bob"] == [
        (",", "punct"), ("Jean Dupont", "person"), ("Meta", "organisation")
    ]


def test_one_label_mapped_two_ways_is_refused(project_path: Path, tmp_path: Path) -> None:
    path = pos_tagged_file(tmp_path)
    code, output = run(
        project_path, "import", "--map", "PER=person", "--map", "PER=organisation", str(path)
    )
    assert code != 0
    assert "PER" in output and "person" in output and "organisation" in output
    with Store(project_path) as store:
        assert store.span_count() == 0


# -- brat events --------------------------------------------------------------------------

EVENT_TEXT = "IRF-4 expression is impaired in CML."


def brat_event_project(folder: Path, events_section: str) -> Path:
    project = folder / "events-brat"
    project.mkdir()
    (project / "annotation.conf").write_text(
        f"[entities]\nProtein\n[relations]\n[events]\n{events_section}[attributes]\n",
        encoding="utf-8",
    )
    (project / "doc.txt").write_text(EVENT_TEXT, encoding="utf-8")
    (project / "doc.ann").write_text(
        "T1\tProtein 0 5\tIRF-4\n"
        "T2\tGene_expression 6 16\texpression\n"
        "E1\tGene_expression:T2 Theme:T1\n",
        encoding="utf-8",
    )
    return project


def test_brat_event_triggers_with_an_aliased_event_type_are_not_spans(
    project_path: Path, tmp_path: Path
) -> None:
    project = brat_event_project(tmp_path, "Gene_expression|GE\tTheme:Protein\n")
    code, output = run(project_path, "import", "--as", "bob", "--add-labels", str(project))
    assert code == 0, output
    assert spans_by_layer(project_path) == {"bob": [("IRF-4", "Protein")]}
    assert "skipped 1 brat event triggers (not spans)" in output
    assert "skipped 1 brat events (not spans)" in output


def test_brat_event_triggers_are_known_by_their_event_line_too(
    project_path: Path, tmp_path: Path
) -> None:
    project = brat_event_project(tmp_path, "")  # the event type is not declared
    code, output = run(project_path, "import", "--as", "bob", "--add-labels", str(project))
    assert code == 0, output
    assert spans_by_layer(project_path) == {"bob": [("IRF-4", "Protein")]}
    assert "skipped 1 brat event triggers (not spans)" in output


# -- Unicode label names ------------------------------------------------------------------

UNICODE_TEXT = "Le Démenti de la Société Gespräch arrive."


def unicode_labelled_file(folder: Path) -> Path:
    return write_jsonl(
        folder / "unicode.jsonl",
        [
            {
                "text": UNICODE_TEXT,
                "spans": [
                    span(UNICODE_TEXT, "Démenti", "Démenti"),
                    span(UNICODE_TEXT, "Société Gespräch", "Société"),
                    span(UNICODE_TEXT, "Gespräch", "Gespräch"),
                ],
            }
        ],
    )


def test_unicode_labels_are_added_by_an_import(project_path: Path, tmp_path: Path) -> None:
    code, output = run(
        project_path, "import", "--as", "bob", "--add-labels", str(unicode_labelled_file(tmp_path))
    )
    assert code == 0, output
    assert "labels added: Démenti, Société, Gespräch" in output
    assert spans_by_layer(project_path) == {
        "bob": [("Démenti", "Démenti"), ("Gespräch", "Gespräch"), ("Société Gespräch", "Société")]
    }


def test_unicode_labels_survive_a_brat_round_trip_in_brat_safe_type_names(
    project_path: Path, tmp_path: Path
) -> None:
    run(project_path, "import", "--as", "bob", "--add-labels", str(unicode_labelled_file(tmp_path)))
    out = tmp_path / "brat-out"
    code, output = run(project_path, "export", "--format", "brat", "-o", str(out))
    assert code == 0, output
    written = [path.read_text(encoding="utf-8") for path in out.rglob("*.ann")]
    written.append((out / "annotation.conf").read_text(encoding="utf-8"))
    type_names = {
        line.split("\t")[1].split()[0] for text in written[:-1] for line in text.splitlines()
    }
    assert all(name.isascii() for name in type_names), type_names
    assert "said_by" in written[-1]  # plain names are written as they are
    again = tmp_path / "again.db"
    code, output = run(again, "import", "--add-labels", str(out / "bob"))
    assert code == 0, output
    assert spans_by_layer(again) == spans_by_layer(project_path)


# -- offset unit without span text ------------------------------------------------------

EMOJI_TEXT = "Grève 🚨 : Jean Dupont quitte Meta pour Apple."


def doccano_offsets(unit: str) -> list[list[Any]]:
    """doccano spans (no span text) for the people and companies, in ``unit``."""
    found = []
    people_and_companies = [
        ("Jean Dupont", "person"), ("Meta", "organisation"), ("Apple", "organisation")
    ]
    for words, label in people_and_companies:
        start = EMOJI_TEXT.index(words)
        shift = 1 if unit == "utf16" else 0  # one emoji before every span
        found.append([start + shift, start + len(words) + shift, label])
    return found


def test_code_point_offsets_without_span_text_are_not_shifted(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "cp.jsonl", [{"text": EMOJI_TEXT, "label": doccano_offsets("cp")}]
    )
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert spans_by_layer(project_path) == {
        "bob": [("Apple", "organisation"), ("Jean Dupont", "person"), ("Meta", "organisation")]
    }
    assert "offsets: code points (detected from word boundaries" in output
    assert "assumed" not in output


def test_utf16_offsets_without_span_text_are_detected_too(
    project_path: Path, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "u16.jsonl", [{"text": EMOJI_TEXT, "label": doccano_offsets("utf16")}]
    )
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 0, output
    assert ("Jean Dupont", "person") in spans_by_layer(project_path)["bob"]
    assert "offsets: UTF-16 code units (detected from word boundaries" in output


def test_offsets_no_evidence_can_place_refuse_the_file_and_ask_for_offsets(
    project_path: Path, tmp_path: Path
) -> None:
    # Spans inside words: neither reading puts their edges on word boundaries.
    text = "Grève 🚨 : abcdefghij"
    start = text.index("abc") + 3
    path = write_jsonl(
        tmp_path / "odd.jsonl", [{"text": text, "label": [[start, start + 3, "claim"]]}]
    )
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 1
    assert "--offsets codepoints" in output and "--offsets utf16" in output
    with Store(project_path) as store:
        assert store.span_count() == 0 and store.document_count() == 0
    code, output = run(project_path, "import", "--as", "bob", "--offsets", "codepoints", str(path))
    assert code == 0, output
    assert spans_by_layer(project_path) == {"bob": [("def", "claim")]}


# -- suggest --json as a layer ----------------------------------------------------------

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_0628ff97c4024806.txt"


def test_suggest_json_output_imports_as_a_pre_annotation_layer(
    project_path: Path, tmp_path: Path
) -> None:
    code, output = run(project_path, "import", str(SEED))
    assert code == 0, output
    result = CliRunner().invoke(
        main, ["--db", str(project_path), "suggest", "--json", "--suggesters", "amount"]
    )
    assert result.exit_code == 0, result.output
    suggestions = [json.loads(line) for line in result.stdout.splitlines()]
    assert suggestions
    path = tmp_path / "suggestions.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    code, output = run(project_path, "import", "--as", "pre", str(path))
    assert code == 0, output
    assert f"{len(suggestions)} spans added (pre: {len(suggestions)})" in output
    with Store(project_path) as store:
        stored = sorted(
            (s.start, s.end, s.label, s.text, s.origin, s.attrs) for s in store.iter_spans()
        )
    assert stored == sorted(
        (s["start"], s["end"], s["label"], s["text"], s["origin"], s["attrs"]) for s in suggestions
    )
    code, output = run(project_path, "import", "--as", "pre", str(path))
    assert code == 0 and "0 spans added" in output


def test_suggestions_for_a_document_the_project_lacks_are_refused(
    project_path: Path, tmp_path: Path
) -> None:
    line = {"doc": "0" * 64, "start": 0, "end": 4, "label": "amount", "text": "1 M€",
            "origin": "suggested:amount"}
    path = write_jsonl(tmp_path / "suggestions.jsonl", [line])
    code, output = run(project_path, "import", "--as", "pre", str(path))
    assert code == 1
    assert "suggestions.jsonl:1:" in output and "no document 000000000000" in output


# -- a large file: written in batches, still whole or not at all --------------------------


def many_records(folder: Path, refused_at: int) -> Path:
    """130 records of 50 spans (more than one batch); one with an unknown label."""
    words = " ".join(f"mot{i}" for i in range(50))
    records = []
    for number in range(130):
        text = f"Article {number} : {words}."
        starts = [text.index(f"mot{i} ") if i < 49 else text.index("mot49.") for i in range(50)]
        label = "bizarre" if number == refused_at else "person"
        spans_ = [[s, s + len(text[s:].split()[0].rstrip(".")), label] for s in starts]
        records.append({"text": text, "label": spans_})
    return write_jsonl(folder / "many.jsonl", records)


def test_a_refused_record_late_in_a_large_file_leaves_nothing_behind(
    project_path: Path, tmp_path: Path
) -> None:
    path = many_records(tmp_path, refused_at=120)
    code, output = run(project_path, "import", "--as", "bob", str(path))
    assert code == 1 and "many.jsonl:121:" in output and "unknown label 'bizarre'" in output
    with Store(project_path) as store:
        assert store.span_count() == 0 and store.document_count() == 0


def test_partial_keeps_every_other_record_of_a_large_file(
    project_path: Path, tmp_path: Path
) -> None:
    path = many_records(tmp_path, refused_at=3)
    code, output = run(project_path, "import", "--as", "bob", "--partial", str(path))
    assert code == 1 and "many.jsonl:4:" in output
    assert "6450 spans added (bob: 6450), 129 new documents" in output
    with Store(project_path) as store:
        assert store.span_count() == 129 * 50 and store.document_count() == 129


# -- real brat corpora --------------------------------------------------------------------

BRAT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "brat"


def test_every_relation_of_a_real_dependency_corpus_becomes_a_link(project_path: Path) -> None:
    corpus = BRAT_FIXTURES / "tdt" / "annotator"
    relations = sum(line.startswith("R") for line in corpus.joinpath("b105.ann").open())
    code, output = run(project_path, "import", "--as", "tdt", "--add-labels", str(corpus))
    assert code == 0, output
    assert f"{relations} links added" in output and "not imported" not in output
    with Store(project_path) as store:
        assert len(store.links()) == relations == 237


def test_a_real_event_corpus_imports_its_entities_and_counts_its_events(
    project_path: Path,
) -> None:
    corpus = BRAT_FIXTURES / "bionlp-ge" / "annotator"
    code, output = run(project_path, "import", "--as", "ge", "--add-labels", str(corpus))
    assert code == 0, output
    assert "24 spans added (ge: 24)" in output
    assert "skipped 7 brat event triggers (not spans)" in output
    assert "skipped 9 brat events (not spans)" in output
    with Store(project_path) as store:
        assert {span.label for span in store.iter_spans()} == {"Protein"}

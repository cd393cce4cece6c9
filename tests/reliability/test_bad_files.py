"""Bad files thrown at every importer: one clear error naming the file (and line), exit
status 1, no traceback, and the project exactly as it was before that file.

Importers: articles (.txt, .md, .html, .pdf, .docx, .odt, .eml) and annotated files from
other tools (gold JSONL, doccano, Label Studio, Prodigy, brat), all through `annotator
import`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability_support import dump_file, fill_project, run_cli

TEXT = "Sam Altman affirme que Meta a offert 100 M$ à un chercheur. Meta dément."
SAM, META = (0, 10), (23, 27)
FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=2)
    return path


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed: {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output


def assert_refused(
    project: Path,
    bad_file: Path,
    *,
    line: int | None = None,
    where: Path | None = None,
    **options: str,
) -> Result:
    """Import ``bad_file``: it must be refused, named (``where``: the file inside a
    folder that holds the fault), and leave the project as it was."""
    before = dump_file(project)
    arguments = [f"--{name.replace('_', '-')}={value}" for name, value in options.items()]
    result = run_cli("--db", project, "import", *arguments, bad_file)
    assert_no_traceback(result)
    assert result.exit_code == 1, result.output
    where = where or bad_file
    assert str(where) in result.output, result.output
    if line is not None:
        assert f"{where}:{line}" in result.output, result.output
    assert dump_file(project) == before
    return result


# -- one good record per format, and ways to spoil one span ------------------------


def gold_record(text: str, spans: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "doc", "title": "t", "source": None, "text": text, "language": "fr",
        "spans": spans, "meta": {}, "schema_version": 1,
    }  # fmt: skip


def gold_span(start: int, end: int, label: str = "person", span_id: str = "s1") -> dict[str, Any]:
    return {
        "id": span_id, "start": start, "end": end, "label": label, "text": TEXT[start:end],
        "annotator": "alice", "origin": "manual",
    }  # fmt: skip


def jsonl(records: list[Any], blank_lines_before: int = 0) -> bytes:
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    lines = "\n" * blank_lines_before + body
    return lines.encode("utf-8")


def write_gold(folder: Path, spans: list[dict[str, Any]], name: str = "gold.jsonl") -> Path:
    path = folder / name
    path.write_bytes(jsonl([gold_record(TEXT, spans)], blank_lines_before=2))
    return path


def write_doccano(folder: Path, labels: list[Any]) -> Path:
    path = folder / "doccano.jsonl"
    path.write_bytes(jsonl([{"id": 1, "text": TEXT, "label": labels}], blank_lines_before=2))
    return path


def write_prodigy(folder: Path, spans: list[Any]) -> Path:
    path = folder / "prodigy.jsonl"
    record = {"text": TEXT, "spans": spans, "answer": "accept", "_annotator_id": "p-alice"}
    path.write_bytes(jsonl([record], blank_lines_before=2))
    return path


def write_labelstudio(folder: Path, values: list[Any], result_ids: list[str] | None = None) -> Path:
    ids = result_ids or [f"r{i}" for i in range(len(values))]
    results = [
        {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}
        for rid, value in zip(ids, values, strict=True)
    ]
    task = {
        "id": 1, "data": {"text": TEXT},
        "annotations": [{"id": 1, "completed_by": 1, "was_cancelled": False, "result": results}],
    }  # fmt: skip
    path = folder / "labelstudio.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def write_brat(folder: Path, lines: list[str]) -> Path:
    brat = folder / "brat"
    brat.mkdir()
    (brat / "article.txt").write_text(TEXT, encoding="utf-8")
    (brat / "article.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    entities = "\n".join(["claim", "denial", "amount", "person", "organisation"])
    (brat / "annotation.conf").write_text(f"[entities]\n{entities}\n", encoding="utf-8")
    return brat


SpoiledSpan = tuple[int | Any, int | Any, Any]
DEFECTS: dict[str, SpoiledSpan] = {
    "out of range": (60, 400, "person"),
    "negative start": (-3, 4, "person"),
    "start equals end": (10, 10, "person"),
    "start after end": (12, 4, "person"),
    "unknown label": (*SAM, "rumour"),
    "start as text": ("0", 10, "person"),
    "end as float": (0, 10.5, "person"),
    "label as number": (*SAM, 4),
    "offsets as null": (None, None, "person"),
}


def spoiled_file(folder: Path, format_name: str, defect: SpoiledSpan) -> tuple[Path, int | None]:
    """A file in ``format_name`` with one good span and one spoiled one; its line."""
    start, end, label = defect
    if format_name == "gold":
        bad = {**gold_span(*SAM), "id": "s2", "start": start, "end": end, "label": label}
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(TEXT):
            bad["text"] = TEXT[start:end]
        return write_gold(folder, [gold_span(*META, "organisation"), bad]), 3
    if format_name == "doccano":
        return write_doccano(folder, [[*META, "organisation"], [start, end, label]]), 3
    if format_name == "prodigy":
        spans = [{"start": META[0], "end": META[1], "label": "organisation"},
                 {"start": start, "end": end, "label": label}]  # fmt: skip
        return write_prodigy(folder, spans), 3
    if format_name == "labelstudio":
        values = [{"start": META[0], "end": META[1], "labels": ["organisation"]},
                  {"start": start, "end": end, "labels": [label]}]  # fmt: skip
        return write_labelstudio(folder, values), None
    assert format_name == "brat"
    return write_brat(folder, ["T1\torganisation 23 27\tMeta", f"T2\t{label} {start} {end}\tx"]), 2


@pytest.mark.parametrize("defect", DEFECTS.values(), ids=DEFECTS.keys())
@pytest.mark.parametrize("format_name", ["gold", "doccano", "prodigy", "labelstudio", "brat"])
def test_a_spoiled_span_is_refused_with_its_file_and_line(
    project: Path,
    tmp_path: Path,
    format_name: str,
    defect: SpoiledSpan,
) -> None:
    if format_name == "brat" and not isinstance(defect[2], str):
        pytest.skip("a brat type is always text")
    bad_file, line = spoiled_file(tmp_path, format_name, defect)
    where = bad_file / "article.ann" if format_name == "brat" else bad_file
    assert_refused(project, bad_file, line=line, where=where)


def test_duplicate_span_ids_are_refused(project: Path, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_span(*SAM), gold_span(*META, "organisation")])
    assert_refused(project, gold, line=3)
    studio = write_labelstudio(
        tmp_path,
        [
            {"start": 0, "end": 10, "labels": ["person"]},
            {"start": 23, "end": 27, "labels": ["person"]},
        ],
        result_ids=["same", "same"],
    )
    result = run_cli("--db", project, "import", studio)
    assert_no_traceback(result)


# -- whole files that are not what they claim to be --------------------------------

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".eml", ".jsonl", ".json"]


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_and_a_refusal_changes_nothing(
    project: Path, tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("random") / f"random{suffix}"
    path.write_bytes(data)
    before = dump_file(project)
    result = run_cli("--db", project, "import", path)
    assert_no_traceback(result)
    if result.exit_code != 0:
        assert result.exit_code == 1
        assert str(path) in result.output
        assert dump_file(project) == before


@FUZZ
@given(
    format_name=st.sampled_from(["gold", "doccano", "prodigy", "labelstudio", "article"]),
    cut=st.floats(min_value=0.05, max_value=0.95),
)
def test_a_file_cut_inside_a_character_is_refused(
    project: Path, tmp_path_factory: pytest.TempPathFactory, format_name: str, cut: float
) -> None:
    folder = tmp_path_factory.mktemp("cut")
    if format_name == "article":
        whole = folder / "whole.txt"
        whole.write_text(TEXT * 20, encoding="utf-8")
    else:
        whole = spoiled_file(folder, format_name, (*SAM, "person"))[0]
    data = whole.read_bytes()
    position = int(len(data) * cut)
    while position < len(data) and not 0x80 <= data[position] < 0xC0:
        position += 1  # to a continuation byte: the cut falls inside a character
    if position >= len(data):
        return
    cut_file = folder / f"cut{whole.suffix}"
    cut_file.write_bytes(data[:position])
    result = assert_refused(project, cut_file)
    assert "UTF-8" in result.output


def test_deeply_nested_json_is_refused(project: Path, tmp_path: Path) -> None:
    for name, data in {
        "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "nested.jsonl": b'{"text": "x", "spans": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "objects.jsonl": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert "nested too deeply" in assert_refused(project, path, format="auto").output


def test_a_huge_single_line_is_refused_or_imported_whole(project: Path, tmp_path: Path) -> None:
    broken = tmp_path / "huge.jsonl"
    broken.write_bytes(b'{"text": "' + b"a" * 5_000_000)
    assert_refused(project, broken, line=1)
    article = tmp_path / "huge.txt"
    article.write_text("Un mot. " * 500_000, encoding="utf-8")
    result = run_cli("--db", project, "import", article)
    assert_no_traceback(result)
    assert result.exit_code == 0, result.output


def test_jsonl_with_a_broken_line_in_the_middle_imports_nothing(
    project: Path, tmp_path: Path
) -> None:
    records = [gold_record(f"Article {n}. " + TEXT, []) for n in range(5)]
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    lines[2] = lines[2][: len(lines[2]) // 2]  # cut short: not JSON any more
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_refused(project, path, line=3)


@FUZZ
@given(
    position=st.integers(min_value=0, max_value=4),
    defect=st.sampled_from(list(DEFECTS.values())),
)
def test_a_spoiled_record_in_the_middle_stores_nothing_of_its_file(
    project: Path, tmp_path_factory: pytest.TempPathFactory, position: int, defect: SpoiledSpan
) -> None:
    """A record that cannot be used is refused with its line and nothing of its file is
    stored; with --partial the file's other records go in, never the refused one."""
    run = uuid.uuid4().hex[:8]  # the project fixture lives across examples
    texts = [f"Article {run}-{n}. {TEXT}" for n in range(5)]
    records = []
    for n, text in enumerate(texts):
        offset = len(f"Article {run}-{n}. ")
        span = {"id": f"{run}-{n}", "start": offset, "end": offset + 10, "label": "person",
                "text": "Sam Altman", "annotator": "fuzz", "origin": "manual"}  # fmt: skip
        if n == position:
            span.update(start=defect[0], end=defect[1], label=defect[2])
        records.append(gold_record(text, [span]))
    path = tmp_path_factory.mktemp("middle") / "five.jsonl"
    path.write_bytes(jsonl(records))
    assert_refused(project, path, line=position + 1)

    before = dump_file(project)
    result = run_cli("--db", project, "import", "--partial", path)
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert f"{path}:{position + 1}" in result.output
    after = dump_file(project)
    added_texts = {d["text"] for d in after["documents"]} - {d["text"] for d in before["documents"]}
    assert texts[position] not in added_texts
    assert not [s for s in after["spans"] if s["id"] == f"{run}-{position}"]
    assert len(after["spans"]) == len(before["spans"]) + 4
    assert [s for s in before["spans"] if s not in after["spans"]] == []


@FUZZ
@given(
    format_name=st.sampled_from(["gold", "doccano", "prodigy"]),
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ),
    field_index=st.integers(min_value=0, max_value=20),
)
def test_a_field_of_the_wrong_type_never_crashes_the_import(
    project: Path,
    tmp_path_factory: pytest.TempPathFactory,
    format_name: str,
    value: Any,
    field_index: int,
) -> None:
    """Any field of a record (or of its first span) replaced by any JSON value."""
    records: dict[str, Callable[[], dict[str, Any]]] = {
        "gold": lambda: gold_record(TEXT, [gold_span(*SAM)]),
        "doccano": lambda: {"id": 1, "text": TEXT, "label": [[*SAM, "person"]]},
        "prodigy": lambda: {"text": TEXT, "answer": "accept",
                            "spans": [{"start": SAM[0], "end": SAM[1], "label": "person"}]},
    }  # fmt: skip
    record = records[format_name]()
    span_holder = record.get("spans") or record.get("label")
    fields: list[tuple[Any, Any]] = [(record, key) for key in record]
    first_span = span_holder[0] if isinstance(span_holder, list) else None
    if isinstance(first_span, dict):
        fields += [(first_span, key) for key in first_span]
    elif isinstance(first_span, list):
        fields += [(first_span, index) for index in range(len(first_span))]
    owner, key = fields[field_index % len(fields)]
    owner[key] = value
    path = tmp_path_factory.mktemp("types") / f"{format_name}.jsonl"
    path.write_bytes(jsonl([record]))
    before = dump_file(project)
    result = run_cli("--db", project, "import", f"--format={format_name}", path)
    assert_no_traceback(result)
    if result.exit_code != 0:
        assert result.exit_code == 1
        assert str(path) in result.output
        assert dump_file(project) == before


# -- folders -----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symbolic_link_loops_in_a_folder_do_not_hang_the_import(
    project: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "article.txt").write_text(TEXT, encoding="utf-8")
    # Two loops double the paths at every level: without a guard this never ends.
    os.symlink("../..", folder / "a" / "b" / "up")
    os.symlink("..", folder / "a" / "b" / "back")
    os.symlink("itself", folder / "a" / "itself")
    finished = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(project), "import", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in finished.stderr, finished.stderr
    assert finished.stdout.count("imported ") == 1, finished.stdout
    assert "a link to a folder already read" in finished.stdout
    assert str(folder / "a" / "itself") in finished.stdout


def import_in_a_subprocess(project: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    finished = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(project), "import", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in finished.stderr, finished.stderr
    return finished


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symbolic links and named pipes")
def test_a_folder_import_reads_only_regular_files_in_the_folder_and_names_each_other_one(
    project: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("/dev/zero", folder / "zero.txt")  # would read forever
    os.mkfifo(folder / "pipe.txt")  # an open that would never return
    os.symlink("/etc/passwd", folder / "passwd.txt")  # outside the folder
    (folder / "sub").mkdir()
    os.symlink("../good.txt", folder / "sub" / "again.txt")  # inside: read
    bad_name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad_name, "w", encoding="utf-8") as file:
        file.write("Un autre article, au nom mal encodé.")
    before = dump_file(project)
    finished = import_in_a_subprocess(project, folder)
    out = finished.stdout
    assert finished.returncode == 1, out + finished.stderr
    lines = out.splitlines()
    assert [line.split()[0] for line in lines if str(folder / "good.txt") in line] == ["imported"]
    assert f"skipped   {folder / 'zero.txt'}: a link to /dev/zero, outside" in out, out
    assert f"skipped   {folder / 'pipe.txt'}: not a regular file" in out, out
    assert f"skipped   {folder / 'passwd.txt'}: a link to /etc/passwd, outside" in out, out
    assert f"present   {folder / 'sub' / 'again.txt'}" in out, out
    assert "caf\\xe9.txt" in out and "not valid UTF-8" in out, out
    after = dump_file(project)
    added = [d for d in after["documents"] if d not in before["documents"]]
    assert [d["text"] for d in added] == [TEXT]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_brat_text_that_links_out_of_its_folder_is_refused(
    project: Path, tmp_path: Path
) -> None:
    brat = write_brat(tmp_path, ["T1\tperson 0 4\troot"])
    (brat / "article.txt").unlink()
    os.symlink("/etc/passwd", brat / "article.txt")
    before = dump_file(project)
    finished = import_in_a_subprocess(project, brat)
    assert finished.returncode == 1
    assert "outside" in finished.stdout + finished.stderr, finished.stdout + finished.stderr
    assert dump_file(project) == before


def test_a_library_failing_on_one_file_fails_that_file_alone(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import charset_normalizer

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ValueError("the detector broke")

    monkeypatch.setattr(charset_normalizer, "from_bytes", broken)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-utf8.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b-windows.txt").write_bytes("L’État dément.".encode("cp1252"))
    (folder / "c-utf8.txt").write_text("Un autre article.", encoding="utf-8")
    result = run_cli("--db", project, "import", folder)
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert [line.split()[0] for line in result.output.splitlines()][:3] == [
        "imported", "failed", "imported",
    ], result.output
    assert f"{folder / 'b-windows.txt'}" in result.output and "the detector broke" in result.output


@pytest.mark.parametrize("header", ["#T_SP=", "#T_RL=|", "#T_CH=||"])
def test_a_webanno_layer_header_that_names_no_layer_is_refused_with_its_line(
    project: Path, tmp_path: Path, header: str
) -> None:
    path = tmp_path / "empty_layer.tsv"
    path.write_text(
        f"#FORMAT=WebAnno TSV 3.3\n{header}\n\n\n#Text=Sam\n1-1\t0-3\tSam\t_\t\n",
        encoding="utf-8",
    )
    assert "names no layer type" in assert_refused(project, path, line=2).output


def raw_gold_line(**changes: Any) -> str:
    span = {**gold_span(*SAM), **changes}
    return json.dumps(gold_record(TEXT, [span]), ensure_ascii=True)


def _gold(line: str) -> Callable[[Path], Path]:
    return lambda folder: _lines(folder, "gold.jsonl", line)


def _doccano(text: str, label: str) -> Callable[[Path], Path]:
    record = {"id": 1, "text": text, "label": [[0, 3, label]]}
    return lambda folder: _lines(folder, "doccano.jsonl", json.dumps(record))


def _labelstudio(label: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = write_labelstudio(folder, [{"start": 0, "end": 3, "labels": ["person"]}])
        tasks = json.loads(path.read_text(encoding="utf-8"))
        tasks[0]["annotations"][0]["result"][0]["value"]["labels"] = [label]
        path.write_text(json.dumps(tasks), encoding="utf-8")  # \\ud800, as JSON may hold it
        return path

    return write


HUGE = '"start": ' + "9" * 5000
HOSTILE_VALUES: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "gold float offset": ("gold", _gold(raw_gold_line(start=0.0)), "not a whole number"),
    "gold 5,000-digit offset": (
        "gold", _gold(raw_gold_line().replace('"start": 0', HUGE)), "a number too long",
    ),
    "gold surrogate in text": (
        "gold", _gold(raw_gold_line().replace("affirme", "aff\\ud800rme")), "lone surrogate",
    ),
    "gold surrogate in label": ("gold", _gold(raw_gold_line(label="per\udc00")), "surrogate"),
    "gold surrogate in annotator": (
        "gold", _gold(raw_gold_line(annotator="al\ud800ice")), "lone surrogate",
    ),
    "gold annotator of spaces": ("gold", _gold(raw_gold_line(annotator="   ")), "only spaces"),
    "doccano surrogate in text": ("doccano", _doccano("Sam \ud800", "person"), "surrogate"),
    "doccano surrogate in label": ("doccano", _doccano(TEXT, "p\ud800"), "lone surrogate"),
    "Label Studio surrogate in a label": ("labelstudio", _labelstudio("person\ud800"), "surrogate"),
}  # fmt: skip


def _lines(folder: Path, name: str, line: str) -> Path:
    """One record on line 2 (a blank line first)."""
    path = folder / name
    path.write_text("\n" + line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_float_offsets_huge_numbers_and_lone_surrogates_are_refused_with_file_and_line(
    project: Path, tmp_path: Path, case: tuple[str, Callable[[Path], Path], str]
) -> None:
    format_name, make, reason = case
    path = make(tmp_path)
    line = None if format_name == "labelstudio" else 2
    result = assert_refused(project, path, line=line)
    assert reason in result.output, result.output


@pytest.mark.parametrize("end", ["from", "to"])
def test_a_link_naming_a_missing_span_refuses_its_record(
    project: Path, tmp_path: Path, end: str
) -> None:
    record = gold_record(TEXT, [gold_span(*SAM), gold_span(*META, "organisation", "s2")])
    relation = {"id": "r1", "type": "said_by", "from": "s2", "to": "s1", "annotator": "alice"}
    record["relations"] = [{**relation, end: "nowhere"}]
    path = tmp_path / "linked.jsonl"
    path.write_bytes(jsonl([record], blank_lines_before=1))
    assert "'nowhere'" in assert_refused(project, path, line=2).output


def test_an_element_with_200000_attributes_is_refused_and_the_folder_imports(
    project: Path, tmp_path: Path
) -> None:
    """libxml2 compares each attribute with those before it: 200,000 attributes on one
    element (3 MB) kept the import busy for over five minutes."""
    body = "Un article avec du texte assez long pour être extrait sans le moindre problème."
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, count in (("crowded.html", 200_000), ("ordinary.html", 900)):
        attributes = " ".join(f'data-a{n}="v{n}"' for n in range(count))
        page = f"<html><head><title>{name}</title></head><body><article><p {attributes}>"
        (folder / name).write_text(page + body + "</p></article></body></html>")
    finished = import_in_a_subprocess(project, folder)
    assert finished.returncode == 1
    assert f"failed    {folder / 'crowded.html'}: an element with 200,000 attributes" in (
        finished.stdout
    ), finished.stdout
    assert f"imported  {folder / 'ordinary.html'}" in finished.stdout, finished.stdout


def test_a_label_past_the_last_free_shortcut_key_refuses_its_file_by_name(
    project: Path, tmp_path: Path
) -> None:
    """Found by fuzzing: the project had labels on every letter and digit, and
    --add-labels ended in a ValueError traceback."""
    from annotator.core.errors import SpanError
    from annotator.core.store import Store

    with Store(project) as store, pytest.raises(SpanError, match="every letter and digit"):
        for n in range(40):
            store.add_labels([f"label{n}"])
    path = write_doccano(tmp_path, [[*SAM, "rumour"]])
    before = dump_file(project)
    result = run_cli("--db", project, "import", "--add-labels", path)
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert f"{path}: cannot add the label 'rumour'" in result.output, result.output
    assert dump_file(project) == before

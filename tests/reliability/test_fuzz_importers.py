"""Mutated sample files thrown at every importer, and crafted colleague's projects at
`merge`: each case goes in whole or not at all, and never ends in a traceback.

Each importer gets a small valid sample, whose bytes hypothesis then replaces, inserts
and deletes (with tokens that have broken importers before: lone surrogates, float and
huge offsets, an empty WebAnno layer). CI runs FUZZ_EXAMPLES cases per importer (default
25, a few seconds each); `FUZZ_EXAMPLES=2500 pytest tests/reliability/test_fuzz_importers.py`
runs a large count by hand. Every run prints how many cases it ran.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from annotator.core.models import Document
from annotator.core.store import Store

from reliability_support import dump_file, fill_project, run_cli
from safety_checks import HOSTILE_TEXTS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CASES_RUN: Counter[str] = Counter()

TEXT = "Sam Altman affirme que Meta a offert 100 M$ à un chercheur. Meta dément."
TOKENS = [
    b"\\ud800", b"\\udc00", b"0.0", b"-1", b"9" * 5000, b"99999999", b'"', b"{", b"}", b"[",
    b"]", b",", b":", b"null", b"true", b"\xff", b"\xc3", b"\n", b"\r\n", b"\t", b"\x00",
    b"#T_SP=", b"|", b"_", b"T1", b"R1", b"person", b"rumour", b"\xe2\x80\xa8", b" ",
]  # fmt: skip


def _gold() -> bytes:
    spans = [
        {"id": "s1", "start": 0, "end": 10, "label": "person", "text": "Sam Altman",
         "annotator": "alice", "origin": "manual"},
        {"id": "s2", "start": 23, "end": 27, "label": "organisation", "text": "Meta",
         "annotator": "alice", "origin": "manual"},
    ]  # fmt: skip
    record = {"id": "d", "title": "t", "source": None, "text": TEXT, "language": "fr",
              "spans": spans, "meta": {}, "schema_version": 1,
              "relations": [{"id": "r", "type": "said_by", "from": "s2", "to": "s1",
                             "annotator": "alice"}]}  # fmt: skip
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def _doccano() -> bytes:
    record = {"id": 1, "text": TEXT, "label": [[0, 10, "person"], [23, 27, "organisation"]]}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def _prodigy() -> bytes:
    record = {"text": TEXT, "answer": "accept", "_annotator_id": "p-alice",
              "spans": [{"start": 0, "end": 10, "label": "person"}]}  # fmt: skip
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def _labelstudio() -> bytes:
    value = {"start": 0, "end": 10, "text": "Sam Altman", "labels": ["person"]}
    result = [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
               "value": value}]  # fmt: skip
    task = {"id": 1, "data": {"text": TEXT},
            "annotations": [{"id": 1, "completed_by": 1, "result": result}]}  # fmt: skip
    return json.dumps([task], ensure_ascii=False).encode()


def _suggestions() -> bytes:
    """``annotator suggest --json`` lines on the sample text's document."""
    doc_id = Document.from_text(TEXT).id
    line = {"doc": doc_id, "start": 0, "end": 10, "label": "person", "text": "Sam Altman",
            "origin": "gazetteer", "attrs": {}}  # fmt: skip
    return (json.dumps(line, ensure_ascii=False) + "\n").encode()


WEBANNO = (
    b"#FORMAT=WebAnno TSV 3.3\n"
    b"#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n"
    b"#Text=Sam Altman parle\n"
    b"1-1\t0-3\tSam\t_\tperson[1]\t\n1-2\t4-10\tAltman\t_\tperson[1]\t\n1-3\t11-16\tparle\t_\t_\t\n"
)
HTML = (
    "<html><head><title>Meta</title></head><body><nav>Menu</nav><article>"
    f"<p>{TEXT}</p><p>Un second paragraphe, assez long pour être gardé par l'extraction.</p>"
    "</article></body></html>"
).encode()


def _write(name: str) -> Callable[[Path, bytes], Path]:
    def write(folder: Path, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def _brat(folder: Path, data: bytes) -> Path:
    brat = folder / "brat"
    brat.mkdir()
    (brat / "annotation.conf").write_text(
        "[entities]\nperson\norganisation\n[relations]\n[events]\n[attributes]\n"
    )
    (brat / "article.txt").write_text(TEXT, encoding="utf-8")
    (brat / "article.ann").write_bytes(data)
    return brat


def _zip(folder: Path, data: bytes) -> Path:
    path = folder / "bundle.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("export/doccano.jsonl", data)
    path.write_bytes(buffer.getvalue())
    return path


# importer -> (its sample's bytes, how to lay them out for `annotator import`)
IMPORTERS: dict[str, tuple[bytes, Callable[[Path, bytes], Path]]] = {
    "gold": (_gold(), _write("gold.jsonl")),
    "doccano": (_doccano(), _write("doccano.jsonl")),
    "labelstudio": (_labelstudio(), _write("tasks.json")),
    "prodigy": (_prodigy(), _write("prodigy.jsonl")),
    "suggestions": (_suggestions(), _write("suggestions.jsonl")),
    "brat": (b"T1\tperson 0 10\tSam Altman\nT2\torganisation 23 27\tMeta\n", _brat),
    "webanno": (WEBANNO, _write("alice.tsv")),
    "zip": (_doccano(), _zip),
    "txt": (TEXT.encode(), _write("article.txt")),
    "md": (f"# Titre\n\n{TEXT}\n".encode(), _write("article.md")),
    "html": (HTML, _write("page.html")),
}

Edit = tuple[int, str, bytes]
EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["replace", "insert", "delete"]),
        st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, edits: list[Edit]) -> bytes:
    for position, kind, token in edits:
        at = position % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + token + data[at:]
        elif kind == "replace":
            data = data[:at] + token + data[at + len(token) :]
        else:
            data = data[:at] + data[at + len(token) :]
    return data


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=2)
    return path


@pytest.fixture(scope="module", autouse=True)
def report_cases_run() -> Iterator[None]:
    yield
    if CASES_RUN:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(CASES_RUN.items()))
        print(f"\nfuzz cases run: {sum(CASES_RUN.values())} ({counts})")


@pytest.mark.parametrize("importer", IMPORTERS)
@FUZZ
@given(edits=EDITS)
def test_a_mutated_file_goes_in_whole_or_not_at_all_and_never_crashes(
    project: Path, tmp_path_factory: pytest.TempPathFactory, importer: str, edits: list[Edit]
) -> None:
    sample, lay_out = IMPORTERS[importer]
    path = lay_out(tmp_path_factory.mktemp(importer), mutate(sample, edits))
    before = dump_file(project)
    result = run_cli("--db", project, "import", "--add-labels", path)
    CASES_RUN[importer] += 1
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed: {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert str(path) in result.output, result.output
        assert dump_file(project) == before  # a refused file leaves nothing behind


# -- merge: a crafted colleague's project ------------------------------------------

SQL = ["'); DROP TABLE spans; --", 'x" OR 1=1 --', "Robert'); DELETE FROM documents;--"]
NAMES = st.sampled_from([*HOSTILE_TEXTS, *SQL]) | st.text(
    st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=12
).filter(str.strip)


MERGE_FUZZ = settings(
    FUZZ, max_examples=max(5, EXAMPLES // 3), phases=[Phase.explicit, Phase.reuse, Phase.generate]
)


@MERGE_FUZZ
@given(
    labels=st.lists(NAMES, min_size=1, max_size=3, unique=True),
    annotators=st.lists(NAMES.filter(lambda name: name != "gold"), min_size=1, max_size=2),
    pieces=st.lists(NAMES, min_size=1, max_size=4),
    title=NAMES,
    source=NAMES,
)
def test_merging_a_crafted_project_goes_in_whole_and_the_report_escapes_it(
    tmp_path_factory: pytest.TempPathFactory,
    labels: list[str],
    annotators: list[str],
    pieces: list[str],
    title: str,
    source: str,
) -> None:
    """Their project holds SQL and HTML in every text a user can type: titles, sources,
    article text, annotator names, attributes and (written into the file by another
    program, as our API refuses them) label names."""
    folder = tmp_path_factory.mktemp("merge")
    ours, theirs = folder / "ours.db", folder / "theirs.db"
    with Store(ours) as store:
        store.add_document(Document.from_text(TEXT, title="Notre article"))
    text = " ".join(f"Phrase {n} : {piece}." for n, piece in enumerate(pieces))
    with Store(theirs) as store:
        document = Document.from_text(text, title=title, source=source, meta={title: source})
        store.add_document(document)
        for number, piece in enumerate(pieces):
            start = text.index(piece)
            annotator = annotators[number % len(annotators)]
            span = store.make_span(
                document, annotator, start, start + len(piece), "claim", attrs={piece: title}
            )
            store.add_span(span)
            store.conn.execute(
                "UPDATE spans SET label = ? WHERE id = ?", (labels[number % len(labels)], span.id)
            )
            store.conn.commit()
        their_spans = [span.model_dump() for span in store.iter_spans()]
    before = dump_file(ours)
    merged = run_cli("--db", ours, "merge", theirs)
    CASES_RUN["merge"] += 1
    assert merged.exception is None or isinstance(merged.exception, SystemExit), (
        f"crashed: {merged.exception!r}\n{merged.output}"
    )
    assert merged.exit_code == 0, merged.output
    after = dump_file(ours)
    assert [s for s in before["spans"] if s not in after["spans"]] == []  # ours all kept
    def key(span: dict[str, object]) -> tuple[object, ...]:
        return (span["doc_id"], span["annotator"], span["start"], span["end"], span["label"])

    ours_now = {key(span) for span in after["spans"]}
    for span in their_spans:  # each of theirs is in (or its duplicate), or left out and named
        assert key(span) in ours_now or f"span {span['id']}" in merged.output, merged.output
    assert {d["text"] for d in after["documents"]} == {TEXT, text}

    page_path = folder / "report.html"
    reported = run_cli("--db", ours, "report", "-o", page_path)
    assert reported.exit_code == 0, reported.output
    page = page_path.read_text(encoding="utf-8")
    merged_in = [s for s in their_spans if key(s) in ours_now]
    typed = {t for s in merged_in for t in (s["annotator"], s["text"], s["label"])}
    typed |= {title} if merged_in else set()
    # What would be markup if written raw: a tag's opening. A short or tagless value
    # (">", "&", a quote) is in every page's own markup, raw or not.
    markup = [t for t in typed if t.strip() == t and len(t) > 12 and "<" in t]
    markup += [piece for piece in pieces if "<" in piece and piece in typed]
    assert [t for t in markup if t in page] == []  # none raw: every one escaped


def test_every_importer_is_fuzzed() -> None:
    """Each format `annotator import` reads has a sample here, and so do articles."""
    from annotator.core.importing.annotated import FORMATS

    assert set(FORMATS) - {"auto"} - set(IMPORTERS) == set()
    assert {"zip", "txt", "md", "html"} <= set(IMPORTERS)

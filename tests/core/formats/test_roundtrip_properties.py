"""Export then import through every format that can carry the spans: the same spans.

Texts mix emoji (astral, skin tones, ZWJ sequences, flags), combining marks, CRLF,
no-break spaces and French punctuation: where code points, UTF-16 and line breaks part.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.formats.registry import export_format
from annotator.core.formats.tokens import tokenize
from annotator.core.importing.annotated import import_file
from annotator.core.models import Document
from annotator.core.store import Store

PIECES = [
    "Meta",
    "a",
    "offert",
    "100",
    "millions",
    "$",
    "«",
    "»",
    ",",
    ".",
    ":",
    "l'État",
    "de\u0301ment",
    "A\u0308",
    "😊",
    "👩\u200d💻",
    "👍🏽",
    "🇫🇷",
    "𝔘nicode",
    " ",
    " ",
    " ",
    "\u00a0",
    "\u202f",
    "\r\n",
    "\n",
    "\t",
]
LABELS = ["claim", "denial", "amount", "person", "organisation"]
ANNOTATORS = ["alice", "bob"]

texts = (
    st.lists(st.sampled_from(PIECES), min_size=3, max_size=40)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)

SpanKey = tuple[str, int, int, str, str]


def stored(store: Store, doc_id: str) -> set[SpanKey]:
    return {(s.annotator, s.start, s.end, s.label, s.text) for s in store.spans(doc_id)}


def round_trip(format_name: str, spans: list[tuple[str, int, int, str]], text: str) -> None:
    doc = Document.from_text(text)
    with (
        Store(":memory:") as source,
        Store(":memory:") as target,
        tempfile.TemporaryDirectory() as folder,
    ):
        source.add_document(doc)
        source.add_spans(
            source.make_span(doc, who, start, end, label) for who, start, end, label in spans
        )
        out = Path(folder) / f"export.{format_name}"
        report = export_format(source, format_name, out)
        assert report.written_spans == len(spans) and not report.dropped
        imported = import_file(target, out)
        assert not imported.refused, [str(e) for e in imported.refused]
        assert stored(target, doc.id) == stored(source, doc.id)


@st.composite
def any_spans(draw: st.DrawFn, edges_off_line_breaks: bool = False) -> tuple[str, list]:
    text = Document.from_text(draw(texts)).text
    candidates = [
        (start, end)
        for start in range(len(text))
        for end in range(start + 1, min(len(text), start + 12) + 1)
        if not edges_off_line_breaks or (text[start] != "\n" and text[end - 1] != "\n")
    ]
    assume(candidates)
    chosen = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ANNOTATORS), st.sampled_from(candidates), st.sampled_from(LABELS)
            ),
            min_size=1,
            max_size=6,
            unique_by=lambda item: (item[0], item[1], item[2]),
        )
    )
    return text, [(who, start, end, label) for who, (start, end), label in chosen]


@st.composite
def token_spans(draw: st.DrawFn) -> tuple[str, list]:
    text = Document.from_text(draw(texts)).text
    tokens = tokenize(text)
    assume(tokens)
    pairs = st.tuples(st.integers(0, len(tokens) - 1), st.integers(0, 3)).map(
        lambda p: (tokens[p[0]].start, tokens[min(len(tokens) - 1, p[0] + p[1])].end)
    )
    chosen = draw(
        st.lists(
            st.tuples(st.sampled_from(ANNOTATORS), pairs, st.sampled_from(LABELS)),
            min_size=1,
            max_size=6,
            unique_by=lambda item: (item[0], item[1], item[2]),
        )
    )
    return text, [(who, start, end, label) for who, (start, end), label in chosen]


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(any_spans())
def test_gold_jsonl_round_trip(case: tuple[str, list]) -> None:
    round_trip("jsonl", case[1], case[0])


@PROPERTY
@given(any_spans())
def test_doccano_round_trip(case: tuple[str, list]) -> None:
    round_trip("doccano", case[1], case[0])


@PROPERTY
@given(any_spans())
def test_labelstudio_round_trip(case: tuple[str, list]) -> None:
    round_trip("labelstudio", case[1], case[0])


@PROPERTY
@given(any_spans(edges_off_line_breaks=True))
def test_brat_round_trip(case: tuple[str, list]) -> None:
    # A brat span cannot start or end on a line break (the export trims and says so).
    round_trip("brat", case[1], case[0])


@PROPERTY
@given(token_spans())
def test_prodigy_round_trip(case: tuple[str, list]) -> None:
    # Prodigy spans sit on tokens: spans that do are carried exactly.
    round_trip("prodigy", case[1], case[0])

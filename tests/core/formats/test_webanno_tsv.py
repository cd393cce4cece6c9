"""INCEpTION / WebAnno TSV 3 import: INCEpTION's own test files, then a project export.

The files in ``fixtures/webanno/test*.tsv`` are INCEpTION's ``tsv3-suite`` cases
(``reference.tsv`` each, renamed after its case); the offsets expected below are those
of the ``reference.xmi`` beside each, which INCEpTION's reader must reproduce.
``fixtures/webanno/inception-project`` is a hand-written project export: two users and
the curation on one sentence of ``seeds/``, with a relation layer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.formats import webanno_tsv
from annotator.core.importing.annotated import detect_format, import_file, is_annotated_input
from annotator.core.models import GOLD_LAYER
from annotator.core.store import Store

from .conftest import INTEROP_FIXTURES

FIXTURES = INTEROP_FIXTURES / "webanno"
PROJECT = FIXTURES / "inception-project"
DOCUMENT = "meta_bosworth.txt"
SENTENCE = (
    "Altman aurait “sous-entendu que nous faisons cela pour chaque personne”, "
    "a déclaré Bosworth lors de la réunion."
)
CLAIM = "“sous-entendu que nous faisons cela pour chaque personne”"
MAP = "CLAIM=claim,PER=person,said=said_by"

HEADER = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=webanno.custom.Span|value\n"
    "#T_RL=webanno.custom.Rel|value|BT_webanno.custom.Span\n\n\n"
)


def read_one(path: Path) -> tuple[str, list[tuple[int, int, str]], webanno_tsv.ForeignFile]:
    foreign = webanno_tsv.read(path)
    [record] = foreign.records
    assert not record.line_problems, record.line_problems
    assert record.text is not None
    return record.text, [(s.start, s.end, s.label) for s in record.spans], foreign


def stored(store: Store, annotator: str) -> list[tuple[str, str, int, int]]:
    return sorted((s.label, s.text, s.start, s.end) for s in store.iter_spans(annotator))


def write(tmp_path: Path, body: str, name: str = "alice.tsv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# -- INCEpTION's own test files ------------------------------------------------------


def test_the_emoji_span_comes_out_in_code_points(store: Store) -> None:
    path = FIXTURES / "testSentenceWithEmoji.tsv"
    text, spans, foreign = read_one(path)
    assert foreign.fixed_unit == "utf16" and foreign.format == "webanno"
    assert spans == [(10, 12, "Span")], "the reader keeps the file's UTF-16 offsets"
    report = import_file(store, path, add_labels=True)
    assert not report.refused and report.unit == "UTF-16 code units (webanno format)"
    [span] = store.iter_spans()
    document = store.document(span.doc_id)
    assert document.text == "I like it 😊 .\n"
    assert (span.start, span.end) == (10, 11)
    assert document.text[span.start : span.end] == "😊" == span.text


def test_a_multi_token_span_covers_every_row_that_names_it() -> None:
    text, spans, _ = read_one(FIXTURES / "testMultiTokenSpanWithFeatureValue.tsv")
    assert spans == [(0, 16, "PERSON")]
    assert text[0:16] == "This is a test ."


def test_stacked_spans_over_the_same_tokens_are_two_spans(store: Store) -> None:
    path = FIXTURES / "testMultiTokenStackedSpanWithFeatureValue.tsv"
    _, spans, _ = read_one(path)
    assert spans == [(0, 16, "PERSON"), (0, 16, "LOCATION")]
    import_file(store, path, label_map={"PERSON": "person", "LOCATION": "place"}, add_labels=True)
    layer = "testMultiTokenStackedSpanWithFeatureValue"
    assert stored(store, layer) == [
        ("person", "This is a test .", 0, 16),
        ("place", "This is a test .", 0, 16),
    ]


def test_sub_token_spans_match_inceptions_own_reading() -> None:
    text, spans, foreign = read_one(FIXTURES / "testSubMultiTokenSpanWithFeatureValue.tsv")
    # (begin, end, value) of reference.xmi's NamedEntity annotations, zero-width left out.
    expected = {
        (0, 13, "2"), (0, 10, "7"), (0, 6, "1"), (3, 17, "9"), (3, 13, "6"),
        (3, 10, "8"), (7, 11, "4"), (9, 13, "5"), (9, 11, "3"),
    }  # fmt: skip
    assert set(spans) == expected and len(spans) == len(expected)
    assert text == "aaaaaa bbbbbb cccccc\n"
    assert foreign.skipped[webanno_tsv.ZERO_WIDTH] == 3  # 7-7, 10-10 and 13-13


def test_an_annotation_without_value_is_named_after_its_layer() -> None:
    # The NamedEntity in reference.xmi covers "one " (0-4); the TSV can only say token 1.
    text, spans, _ = read_one(FIXTURES / "testAnnotationWithTrailingWhitespace.tsv")
    assert text == "one  two\n"
    assert spans == [(0, 3, "NamedEntity")]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.tsv")), ids=lambda p: p.stem)
def test_every_suite_file_is_recognised_and_imports(store: Store, path: Path) -> None:
    assert is_annotated_input(path) and detect_format(path) == "webanno"
    # The sub-token case's labels are numbers, which a label name cannot be.
    numbers = {str(n): f"n{n}" for n in range(1, 13)}
    report = import_file(store, path, label_map=numbers, add_labels=True)
    assert not report.refused, report.lines()
    assert store.span_count() > 0
    for span in store.iter_spans():
        assert store.document(span.doc_id).text[span.start : span.end] == span.text


# -- the parts of the format the suite does not show ---------------------------------


def test_sentences_escapes_and_relations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        # Text escapes: \t is a tab, \\ a backslash; "[" needs none in the text.
        "#Text=Sam\\tdit: [ok]\\\\.\n"
        "1-1\t0-3\tSam\tPER[1]\t_\t_\t\n"
        "1-2\t4-8\tdit:\t_\t_\t_\t\n"
        "1-3\t9-13\t[ok]\ta\\|b\\_c\\\\\t_\t_\t\n"
        "1-4\t13-15\t\\.\t_\t_\t_\t\n"
        "\n"
        "#Text=Deux\n"
        "#Text=lignes 😊 fin\n"
        "2-1\t18-22\tDeux\tPER[1]\t_\t_\t\n"
        "2-2\t23-29\tlignes\t*\t_\t_\t\n"
        "2-3\t33-36\tfin\tQ\\[1\\]|R[2]\tsaid|*\t2-2|1-1[1_2]\t\n",
    )
    text, spans, _ = read_one(path)
    # The gap between sentences is INCEpTION's: the first one's closing line break, then
    # spaces up to the next sentence's first token (at 18, 2 past that line break).
    assert text == "Sam\tdit: [ok]\\.\n  Deux\nlignes 😊 fin\n"
    # The reader keeps the file's UTF-16 offsets: "fin" is 33-36 after the emoji.
    assert spans == [
        (0, 22, "PER"),  # annotation 1 reaches from sentence 1 into sentence 2
        (9, 13, "a|b_c\\"),
        (23, 29, "Span"),
        (33, 36, "Q[1]"),
        (33, 36, "R"),
    ]
    [record] = webanno_tsv.read(path).records
    local = {s.local_id: (s.start, s.end, s.label) for s in record.spans}
    links = [(r.type, local[r.from_span], local[r.to_span], r.line) for r in record.relations]
    assert links == [
        ("said", (23, 29, "Span"), (33, 36, "Q[1]"), 16),
        ("Rel", (0, 22, "PER"), (33, 36, "R"), 16),
    ]


def test_chains_and_dependencies_are_counted_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "alice.tsv"
    path.write_text(
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=webanno.custom.Span|value\n"
        "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink"
        "|referenceType|referenceRelation\n"
        "#T_RL=de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency"
        "|DependencyType|flavor|BT_de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS\n"
        "\n\n"
        "#Text=Sam dort\n"
        "1-1\t0-3\tSam\tPER\t*->1-1\t*->1-1\t_\t_\t_\t\n"
        "1-2\t4-8\tdort\t_\t*->1-2\t*\tnsubj\tbasic\t1-1\t\n",
        encoding="utf-8",
    )
    foreign = webanno_tsv.read(path)
    [record] = foreign.records
    assert not record.line_problems
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 3, "PER")]
    assert record.relations == []
    assert foreign.skipped == {webanno_tsv.CHAINS: 2, webanno_tsv.UNLINKABLE: 1}


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("#Text=Sam\n1-1\t0-3\tSam\tPER\n", 7, "4 tab-separated fields"),
        ("#Text=Sam\n1-1\t0-x\tSam\tPER\t_\t_\t\n", 7, "cannot read the token id and offsets"),
        ("1-1\t0-3\tSam\tPER\t_\t_\t\n", 6, "before its sentence's #Text= line"),
        ("#Text=Sam\n1-1\t0-4\tSam\tPER\t_\t_\t\n", 7, "its offsets 0-4"),
        ("#Text=Sam\n1-1\t0-3\tSam\tPER\tx\t9-9\t\n", 7, "points to token 9-9, not in this file"),
        ("#Text=Sam\n1-1\t0-3\tSam\tPER[x]\t_\t_\t\n", 7, "annotation number [x]"),
    ],
)
def test_a_malformed_line_stores_nothing_and_is_named(
    tmp_path: Path, store: Store, body: str, line: int, reason: str
) -> None:
    path = write(tmp_path, body)
    report = import_file(store, path, add_labels=True)
    assert store.span_count() == 0 and store.document_count() == 0
    [error] = report.refused
    assert isinstance(error, InputError)
    assert (error.path, error.line) == (str(path), line)
    assert reason in str(error) and f"{path}:{line}" in str(error)


def test_a_tsv_file_of_another_kind_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    path.write_text("name\tvalue\nx\t1\n", encoding="utf-8")
    assert not is_annotated_input(path)
    with pytest.raises(InputError, match="not WebAnno TSV 3"):
        detect_format(path)


# -- an INCEpTION project export through `annotator import` --------------------------


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(project), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_project_export_imports_each_user_as_a_layer(project_path: Path) -> None:
    assert detect_format(PROJECT) == "webanno"
    code, output = run(project_path, "import", "--map", MAP, str(PROJECT))
    assert code == 0, output
    assert "offsets: UTF-16 code units (webanno format)" in output
    assert "3 links added" in output
    with Store(project_path) as store:
        assert store.document_count() == 1
        [doc_id] = store.document_ids()
        document = store.document(doc_id)
        assert document.text == SENTENCE + "\n"
        assert document.source == DOCUMENT
        assert store.annotators() == ["alice", "bob", GOLD_LAYER]
        claim_start = SENTENCE.index(CLAIM)
        bosworth = ("person", "Bosworth", 83, 91)
        assert stored(store, "alice") == [
            ("claim", CLAIM, claim_start, claim_start + len(CLAIM)),
            ("person", "Altman", 0, 6),  # from the NamedEntity layer
            bosworth,
        ]
        assert stored(store, "bob") == [("claim", CLAIM[1:-1], 15, 70), bosworth]
        assert stored(store, GOLD_LAYER) == [
            ("claim", CLAIM, claim_start, claim_start + len(CLAIM)),
            bosworth,
        ]
        for layer in ("alice", "bob", GOLD_LAYER):
            [link] = store.links(annotators=[layer])
            ends = store.spans_by_ids([link.from_span, link.to_span])
            assert link.type == "said_by"
            assert ends[link.from_span].label == "claim"
            assert ends[link.to_span].text == "Bosworth"

    code, output = run(project_path, "import", "--map", MAP, str(PROJECT))
    assert code == 0 and "0 spans added" in output and "already there: skipped" in output
    with Store(project_path) as store:
        assert store.span_count() == 7 and len(store.links()) == 3


def test_one_users_file_takes_the_name_given_with_as(project_path: Path) -> None:
    alice = PROJECT / "annotation" / DOCUMENT / "alice.tsv"
    code, output = run(project_path, "import", "--map", MAP, "--as", "alice-b", str(alice))
    assert code == 0, output
    with Store(project_path) as store:
        assert store.annotators() == ["alice-b"]
        assert store.document(store.document_ids()[0]).source == DOCUMENT


def test_an_unmapped_label_refuses_the_file_and_names_it(project_path: Path) -> None:
    bob = PROJECT / "annotation" / DOCUMENT / "bob.tsv"
    code, output = run(project_path, "import", str(bob))
    assert code == 1
    assert f"refused: {bob}:" in output and "unknown label 'CLAIM'" in output
    with Store(project_path) as store:
        assert store.span_count() == 0


def test_a_malformed_file_in_a_folder_stores_nothing(project_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(PROJECT, folder)
    bob = folder / "annotation" / DOCUMENT / "bob.tsv"
    lines = bob.read_text(encoding="utf-8").split("\n")
    assert lines[10].startswith("1-4\t15-27\tsous-entendu")
    lines[10] = lines[10].replace("15-27", "15-2x")
    bob.write_text("\n".join(lines), encoding="utf-8")
    code, output = run(project_path, "import", "--map", MAP, str(folder))
    assert code == 1
    assert f"refused: {bob}:11:" in output
    with Store(project_path) as store:
        assert store.span_count() == 0 and store.document_count() == 0

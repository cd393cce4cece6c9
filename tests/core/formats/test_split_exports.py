"""``--split train=0.8,dev=0.1,test=0.1 --seed N``: by document, in every format.

Each part is read back the way its consumer reads it, and the documents found in each
part are compared: none in two parts, every layer of a document in the same part, the
same parts for the same seed, and the parts ``core.splits`` assigns.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.formats.export import ExportOptions, document_splits
from annotator.core.formats.registry import FORMATS, export_format, split_path
from annotator.core.models import Document, Status
from annotator.core.splits import parse_split
from annotator.core.store import Store

PARTS = ("train", "dev", "test")
SPLIT = "train=0.8,dev=0.1,test=0.1"


def article(number: int) -> str:
    return f"Article numéro {number} : Sam Altman parle à Paris.\nMeta répond."


@pytest.fixture
def ten_articles(store: Store) -> Store:
    for number in range(10):
        doc = Document.from_text(article(number), source=f"{number}.txt", language="fr")
        store.add_document(doc)
        start = doc.text.index("Sam Altman")
        store.add_span(store.make_span(doc, "alice", start, start + 10, "person"))
        if number % 2:
            meta = doc.text.index("Meta")
            store.add_span(store.make_span(doc, "bob", meta, meta + 4, "organisation"))
        else:
            store.set_status(doc.id, "bob", Status.DONE)  # a negative example
    return store


def number_in(text: str) -> int:
    found = re.search(r"numéro (\d+)", text)
    assert found, text
    return int(found.group(1))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def layers_in(format_name: str, path: Path) -> list[tuple[int, str]]:
    """(article number, annotator) of each layer a part holds, read as its tool would."""
    if format_name == "jsonl":
        return [
            (number_in(r["text"]), layer["annotator"])
            for r in read_jsonl(path)
            for layer in r["layers"]
        ]
    if format_name == "spacy":
        spacy = pytest.importorskip("spacy")
        from spacy.tokens import DocBin

        docs = DocBin().from_disk(path).get_docs(spacy.blank("fr").vocab)
        return [(number_in(d.text), d.user_data["annotator"]) for d in docs]
    if format_name == "conll":
        blocks = path.read_text(encoding="utf-8").split("-DOCSTART- -X- -X- O")
        found = []
        for block in blocks:
            words = [line.split(" ")[0] for line in block.splitlines() if line.strip()]
            if words:
                found.append((int(words[words.index("numéro") + 1]), "?"))
        return found
    if format_name == "brat":
        return [
            (number_in(txt.read_text(encoding="utf-8")), txt.parent.name)
            for txt in path.glob("*/*.txt")
        ]
    if format_name == "doccano":
        return [(number_in(line["text"]), line["annotator"]) for line in read_jsonl(path)]
    if format_name == "labelstudio":
        return [
            (number_in(task["data"]["text"]), annotation["annotator"])
            for task in json.loads(path.read_text(encoding="utf-8"))
            for annotation in task["annotations"]
        ]
    assert format_name == "prodigy"
    return [(number_in(t["text"]), t["_annotator_id"]) for t in read_jsonl(path)]


def numbers_by_part(store: Store, seed: int) -> dict[str, set[int]]:
    texts = {doc_id: store.document(doc_id).text for doc_id in store.document_ids()}
    assigned = document_splits(store, ExportOptions(), parse_split(SPLIT, seed))
    parts: dict[str, set[int]] = defaultdict(set)
    for doc_id, part in assigned.items():
        parts[part].add(number_in(texts[doc_id]))
    return dict(parts)


@pytest.mark.parametrize("format_name", [name for name in FORMATS if name != "hf"])
def test_each_part_holds_whole_documents(ten_articles, tmp_path, format_name) -> None:
    out = tmp_path / ("out" if format_name == "brat" else f"out.{format_name}")
    report = export_format(ten_articles, format_name, out, split=parse_split(SPLIT, 7))
    found = {part: layers_in(format_name, split_path(out, part)) for part in PARTS}
    numbers = {part: {number for number, _ in layers} for part, layers in found.items()}
    assert [len(numbers[part]) for part in PARTS] == [8, 1, 1]
    assert set().union(*numbers.values()) == set(range(10))
    assert numbers == numbers_by_part(ten_articles, 7)
    # Both layers of every article (bob's negative examples too) went with it.
    assert sum(map(len, found.values())) == 20
    assert report.documents == 10 and report.examples == 20
    assert report.negative_examples == 5
    for part in PARTS:
        manifest = json.loads(report.parts[part].manifest_path.read_text())
        assert manifest["filters"]["split"] == {
            "part": part,
            "shares": {"train": 0.8, "dev": 0.1, "test": 0.1},
            "seed": 7,
        }


def test_the_same_seed_gives_the_same_parts(ten_articles, tmp_path) -> None:
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    export_format(ten_articles, "jsonl", first, split=parse_split(SPLIT, 3))
    export_format(ten_articles, "jsonl", second, split=parse_split(SPLIT, 3))
    for part in PARTS:
        assert [r["id"] for r in read_jsonl(split_path(first, part))] == [
            r["id"] for r in read_jsonl(split_path(second, part))
        ]
    other_seeds = [numbers_by_part(ten_articles, seed) for seed in range(4, 10)]
    assert any(parts != numbers_by_part(ten_articles, 3) for parts in other_seeds)


def test_hf_folder_has_one_split_per_part(ten_articles, tmp_path) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    export_format(ten_articles, "hf", out, split=parse_split(SPLIT, 7))
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert sorted(loaded) == sorted(PARTS)
    texts = {d: ten_articles.document(d).text for d in ten_articles.document_ids()}
    numbers = {
        part: {number_in(texts[row["document_id"]]) for row in loaded[part]} for part in PARTS
    }
    assert numbers == numbers_by_part(ten_articles, 7)
    assert isinstance(loaded["dev"].features["ner_tags"].feature, datasets.ClassLabel)


def test_cli_split_writes_one_file_per_part(tmp_path) -> None:
    project = tmp_path / "project.db"
    with Store(project) as store:
        for number in range(10):
            doc = Document.from_text(article(number), source=f"{number}.txt")
            store.add_document(doc)
            store.set_status(doc.id, "alice", Status.DONE)
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(
        main, ["--db", str(project), "export", "-o", str(out), "--split", SPLIT, "--seed", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Split by document (seed 1): train 8, dev 1, test 1 documents" in result.output
    assert [len(read_jsonl(tmp_path / f"gold.{part}.jsonl")) for part in PARTS] == [8, 1, 1]
    assert not out.exists()
    bad = CliRunner().invoke(
        main, ["--db", str(project), "export", "-o", str(out), "--split", "train=0.8"]
    )
    assert bad.exit_code == 1 and "must add up to 1" in bad.output

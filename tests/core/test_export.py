from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from annotator.core.formats.export import ExportError, ExportOptions, export_gold_jsonl
from annotator.core.models import Document, Status
from annotator.core.store import Store

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schemas" / "gold.schema.json").read_text()
)
TEXT = "Café 👩‍💻 : « Meta a offert 100 millions $ », dit Sam Altman. Bosworth dément."


def tag(store: Store, doc: Document, who: str, words: str, label: str, nth: int = 0) -> None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    store.add_span(store.make_span(doc, who, start, start + len(words), label))


@pytest.fixture
def tagged(store: Store) -> tuple[Store, Document]:
    doc = Document.from_text(TEXT, source="a.txt")
    store.add_document(doc)
    tag(store, doc, "alice", "« Meta a offert 100 millions $ »", "claim")
    tag(store, doc, "alice", "100 millions $", "amount")
    tag(store, doc, "alice", "Meta", "organisation")
    tag(store, doc, "alice", "Sam Altman", "person")
    tag(store, doc, "bob", "Bosworth dément", "denial")
    return store, doc


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_keeps_exact_code_point_offsets_after_emoji(tagged, tmp_path: Path) -> None:
    store, doc = tagged
    out = tmp_path / "gold.jsonl"
    report = export_gold_jsonl(store, out, ExportOptions(annotators=["alice"]))
    (record,) = read_jsonl(out)
    jsonschema.validate(record, SCHEMA)
    assert record["id"] == doc.id and report.spans == 4
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    assert [s["text"] for s in record["spans"]][:2] == [
        "« Meta a offert 100 millions $ »",
        "Meta",
    ], "sorted by start, longest first"
    manifest = json.loads((tmp_path / "gold.manifest.json").read_text())
    assert manifest["counts_per_label"] == {
        "amount": 1, "claim": 1, "organisation": 1, "person": 1,
    }
    assert manifest["annotators"] == ["alice"]
    assert [label["name"] for label in manifest["label_set"]["labels"]][0] == "claim"


def test_status_and_label_filters(tagged, tmp_path: Path) -> None:
    store, doc = tagged
    out = tmp_path / "done.jsonl"
    assert export_gold_jsonl(store, out, ExportOptions(status="done")).documents == 0
    store.set_status(doc.id, "bob", Status.DONE)
    export_gold_jsonl(store, out, ExportOptions(status="done", labels=["denial", "claim"]))
    (record,) = read_jsonl(out)
    assert [(s["annotator"], s["label"]) for s in record["spans"]] == [("bob", "denial")]


def test_a_corrupted_span_is_named_and_nothing_is_written(tagged, tmp_path: Path) -> None:
    store, doc = tagged
    store.conn.execute("UPDATE spans SET start = start + 1 WHERE label = 'person'")
    store.conn.commit()
    out = tmp_path / "gold.jsonl"
    with pytest.raises(ExportError, match="select 'am Altman', not 'Sam Altman'"):
        export_gold_jsonl(store, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_jsonl_file_holds_the_records_other_formats_read(tagged, tmp_path: Path) -> None:
    """The JSONL writer counts as it writes; other formats read the same records."""
    from annotator.core.formats.export import gold_records

    store, doc = tagged
    amount = next(s for s in store.spans(doc.id) if s.label == "amount")
    store.update_span(amount.id, attrs={"value": 100_000_000, "currency": "USD", "ok": True})
    out = tmp_path / "gold.jsonl"
    report = export_gold_jsonl(store, out)
    written = read_jsonl(out)
    assert written == list(gold_records(store))
    assert report.spans == 5 and report.labels["amount"] == 1
    (span,) = [s for s in written[0]["spans"] if s["label"] == "amount"]
    assert span["attrs"] == {"value": 100_000_000, "currency": "USD", "ok": True}

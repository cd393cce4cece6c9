"""Gold export after review: each gold span names who had it and what the reviewer decided."""

from __future__ import annotations

from annotator.core.formats.export import ExportOptions, gold_records
from annotator.core.models import Document
from annotator.core.review import decisions as review


def test_gold_spans_carry_annotators_decision_and_reviewer(store):
    text = "🚀 Sam Altman dément : « ce n’est pas une prime »."
    document = Document.from_text(text)
    store.add_document(document)
    sam = (text.index("Sam"), text.index("Sam") + len("Sam Altman"))
    quote = (text.index("«"), text.index("»") + 1)
    for name in ("alice", "bob"):
        store.add_span(store.make_span(document, name, *sam, "person"))
    store.add_span(store.make_span(document, "alice", *quote, "denial"))
    store.add_span(store.make_span(document, "bob", quote[0] + 2, quote[1] - 2, "denial"))
    review.accept_agreed(store, document.id, ["alice", "bob"], "editor")
    # Both versions of the denial end up as one gold span: it names both annotators.
    review.edit(
        store, document.id, "editor", *quote, "denial", ["alice", "bob"],
        new_start=quote[0] + 2, new_end=quote[1] - 2,
    )  # fmt: skip
    review.accept(store, document.id, "lea", quote[0] + 2, quote[1] - 2, "denial", ["alice", "bob"])

    (record,) = gold_records(store, ExportOptions(gold=True))
    spans = {(s["start"], s["end"], s["label"]): s for s in record["spans"]}
    assert set(spans) == {(*sam, "person"), (quote[0] + 2, quote[1] - 2, "denial")}
    person = spans[(*sam, "person")]
    assert text[person["start"] : person["end"]] == person["text"] == "Sam Altman"
    assert (person["annotators"], person["decision"], person["reviewer"]) == (
        ["alice", "bob"],
        "accept",
        "editor",
    )
    denial = spans[(quote[0] + 2, quote[1] - 2, "denial")]
    assert denial["text"] == "ce n’est pas une prime"
    # The latest decision speaks for the span; the annotators are everyone behind it.
    assert denial["annotators"] == ["alice", "bob"]
    assert (denial["decision"], denial["reviewer"]) == ("accept", "lea")


def test_layers_other_than_gold_carry_no_review_fields(store):
    document = Document.from_text("Meta recrute.")
    store.add_document(document)
    store.add_span(store.make_span(document, "alice", 0, 4, "organisation"))
    store.add_span(store.make_span(document, "bob", 0, 4, "organisation"))
    review.accept_agreed(store, document.id, ["alice", "bob"], "editor")
    (record,) = gold_records(store, ExportOptions())
    assert {s["annotator"] for s in record["spans"]} == {"alice", "bob"}
    assert all("decision" not in s and "reviewer" not in s for s in record["spans"])

"""Agreement per attribute on the spans two annotators tagged alike, checked against
scikit-learn's Cohen's kappa; review settles an attribute disagreement into gold."""

from __future__ import annotations

import pytest

from annotator.core.models import GOLD_LAYER, Document, Status
from annotator.core.review import agreement
from annotator.core.review import decisions as review
from annotator.core.review.attribute_agreement import NOT_SET, kappa
from annotator.core.store import Store

sklearn_metrics = pytest.importorskip("sklearn.metrics")

CLAIMS = [f"Claim number {n} is said here." for n in range(8)]
TEXT = " ".join(CLAIMS)
ALICE = ["false", "false", "true", "mostly true", "false", "half true", None, "true"]
BOB = ["false", "mostly false", "true", "mostly true", "true", "half true", "false", None]


def place(n: int) -> tuple[int, int]:
    start = TEXT.index(CLAIMS[n])
    return start, start + len(CLAIMS[n])


@pytest.fixture
def rated(store: Store) -> str:
    document = Document.from_text(TEXT, title="claims")
    store.add_document(document)
    for name, verdicts in (("alice", ALICE), ("bob", BOB)):
        for n, verdict in enumerate(verdicts):
            span = store.make_span(document, name, *place(n), "claim")
            attrs = {"verdict": verdict} if verdict is not None else {}
            store.add_span(span.model_copy(update={"attrs": attrs}))
        store.set_status(document.id, name, Status.DONE)
    # A span only alice has is not comparable, whatever its verdict.
    only = store.make_span(document, "alice", 0, 5, "claim")
    store.add_span(only.model_copy(update={"attrs": {"verdict": "false"}}))
    return document.id


def test_verdict_kappa_is_sklearns(store: Store, rated: str) -> None:
    report = agreement.compute(store)
    (pair,) = report.pairs
    scores = pair.attributes["claim.verdict"]
    first = [v or NOT_SET for v in ALICE]
    second = [v or NOT_SET for v in BOB]
    assert scores.spans == 8 and scores.agreed == 4
    assert scores.cohen_kappa == pytest.approx(sklearn_metrics.cohen_kappa_score(first, second))
    assert kappa(first, second) == pytest.approx(sklearn_metrics.cohen_kappa_score(first, second))
    table = agreement.format_table(report)
    assert "attribute claim.verdict: 4 of 8 spans tagged alike agree (0.500)" in table


def test_kappa_of_one_shared_value_is_undefined() -> None:
    assert kappa(["true", "true"], ["true", "true"]) is None


def test_accepting_a_span_leaves_a_disputed_verdict_for_the_reviewer(
    store: Store, rated: str
) -> None:
    start, end = place(1)
    review.accept(store, rated, "rita", start, end, "claim", ["alice", "bob"])
    (gold,) = store.spans(rated, GOLD_LAYER)
    assert "verdict" not in gold.attrs
    start0, end0 = place(0)
    review.accept(store, rated, "rita", start0, end0, "claim", ["alice", "bob"])
    agreed = next(s for s in store.spans(rated, GOLD_LAYER) if s.start == start0)
    assert agreed.attrs["verdict"] == "false"
    disputes = review.attribute_disagreements(store, rated, ["alice", "bob"])
    assert len(disputes) == 4
    first = next(d for d in disputes if d.start == start)
    assert first.values == {"alice": "false", "bob": "mostly false"}
    assert first.gold_span_id == gold.id and first.gold_value is None
    review.settle_attribute(store, gold.id, "verdict", "mostly false")
    assert store.span(gold.id).attrs["verdict"] == "mostly false"
    with pytest.raises(review.ReviewError):
        alice_span = next(s for s in store.spans(rated, "alice") if s.start == start)
        review.settle_attribute(store, alice_span.id, "verdict", "false")

"""Agreement figures: small cases worked out by hand, then the reference implementations
(scikit-learn's Cohen's kappa, the ``krippendorff`` package) on random projects."""

from __future__ import annotations

import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.core.models import GOLD_LAYER, Document, Span, Status
from annotator.core.review import agreement
from annotator.core.review.agreement import (
    AgreementError,
    cohen_kappa,
    coincidences,
    exact_matches,
    krippendorff_alpha_nominal,
    overlap_matches,
    token_labels,
    token_starts,
)
from annotator.core.store import Store, new_id

LABELS = ["amount", "claim", "denial", "organisation", "person"]


def add_layer(
    store: Store, document: Document, annotator: str, keys: list[tuple[int, int, str]]
) -> None:
    store.add_spans(
        Span(
            id=new_id(),
            doc_id=document.id,
            annotator=annotator,
            start=start,
            end=end,
            label=label,
            text=document.text[start:end],
        )
        for start, end, label in keys
    )


# -- span matching by hand -------------------------------------------------------------


def test_exact_and_overlap_matches_on_a_small_case() -> None:
    a = [(0, 5, "person"), (10, 20, "claim"), (30, 40, "claim")]
    b = [(0, 5, "person"), (12, 20, "claim"), (50, 60, "amount")]
    assert exact_matches(a, b) == {"person": 1}
    assert overlap_matches(a, b) == {"person": 1, "claim": 1}


def test_overlap_needs_the_same_label() -> None:
    assert overlap_matches([(0, 10, "claim")], [(0, 10, "denial")]) == {}
    # Touching spans do not overlap: ends are exclusive.
    assert overlap_matches([(0, 10, "claim")], [(10, 20, "claim")]) == {}


def test_overlap_matching_is_maximum_not_greedy() -> None:
    # Pairing the identical spans first would leave [0,2) and [8,10) unmatched: 1.
    # The best pairing crosses: [0,10)-[8,10) and [0,2)-[0,10): 2.
    a = [(0, 10, "claim"), (0, 2, "claim")]
    b = [(0, 10, "claim"), (8, 10, "claim")]
    assert overlap_matches(a, b) == {"claim": 2}
    # One long span against two short ones it covers matches only once.
    assert overlap_matches([(0, 20, "claim")], [(0, 5, "claim"), (10, 15, "claim")]) == {"claim": 1}


# -- tokens ------------------------------------------------------------------------------

def test_tokens_are_words_and_single_marks() -> None:
    text = "L'Élysée a versé 100 M$ 🚀 à\u00a0Meta_AI, aujourd’hui.\n"
    assert [text[i] for i in token_starts(text)] == [
        "L",
        "É",
        "a",
        "v",
        "1",
        "M",
        "$",
        "🚀",
        "à",
        "M",
        ",",
        "a",
        ".",
    ]


def test_a_token_takes_the_innermost_span_covering_its_first_character() -> None:
    text = "Le ministre Jean Dupont a dit"
    starts = token_starts(text)  # Le ministre Jean Dupont a dit
    codes = {"claim": 1, "person": 2}
    labels = token_labels(starts, [(0, 29, "claim"), (12, 23, "person")], codes)
    assert labels.tolist() == [1, 1, 2, 2, 1, 1]
    # A span starting inside a token does not label it; one covering its start does.
    assert token_labels(starts, [(13, 14, "person")], codes).tolist() == [0] * 6
    assert token_labels(starts, [(12, 13, "person")], codes).tolist() == [0, 0, 2, 0, 0, 0]
    # Same length: the earlier start wins; same offsets: the first label.
    assert token_labels(starts, [(3, 16, "person"), (0, 11, "claim")], codes).tolist()[1] == 1
    assert token_labels(starts, [(0, 2, "person"), (0, 2, "claim")], codes).tolist()[0] == 1


# -- chance-corrected coefficients by hand ----------------------------------------------


def test_cohen_kappa_by_hand_and_against_scikit_learn() -> None:
    # 50 tokens: agree on 20 O and 15 claim; observed 0.7, expected
    # (25·30 + 25·20) / 50² = 0.5, so kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    confusion = np.array([[20, 5], [10, 15]])
    assert cohen_kappa(confusion) == pytest.approx(0.4)
    a = [0] * 25 + [1] * 25
    b = [0] * 20 + [1] * 5 + [0] * 10 + [1] * 15
    assert cohen_kappa_score(a, b) == pytest.approx(0.4)


def test_coefficients_are_none_when_undefined() -> None:
    assert cohen_kappa(np.array([[7, 0], [0, 0]])) is None
    assert cohen_kappa(np.zeros((2, 2))) is None
    assert krippendorff_alpha_nominal(coincidences(np.array([[0, 0], [0, 0]]), 2)) is None


def test_krippendorff_alpha_by_hand_and_against_the_package() -> None:
    # Two coders, four units: (a,a) (a,b) (b,b) (b,b). Coincidences o_aa=2, o_ab=o_ba=1,
    # o_bb=4; n_a=3, n_b=5, n=8: alpha = 1 - 7·2 / (64 - 9 - 25) = 1 - 14/30.
    data = np.array([[0, 0, 1, 1], [0, 1, 1, 1]])
    matrix = coincidences(data, 2)
    assert matrix.tolist() == [[2, 1], [1, 4]]
    assert krippendorff_alpha_nominal(matrix) == pytest.approx(1 - 14 / 30)
    assert krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") == (
        pytest.approx(1 - 14 / 30)
    )


def test_krippendorff_alpha_with_missing_values_matches_the_package() -> None:
    rng = np.random.default_rng(7)
    data = rng.integers(0, 4, size=(4, 60))
    data[rng.random(data.shape) < 0.3] = -1
    expected = krippendorff.alpha(
        reliability_data=np.where(data < 0, np.nan, data), level_of_measurement="nominal"
    )
    assert krippendorff_alpha_nominal(coincidences(data, 4)) == pytest.approx(expected)


# -- over a project: by hand --------------------------------------------------------------

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."


@pytest.fixture
def doc(store: Store) -> Document:
    document = Document.from_text(TEXT)
    store.add_document(document)
    return document


def span_of(word: str, label: str) -> tuple[int, int, str]:
    start = TEXT.index(word)
    return (start, start + len(word), label)


def test_a_pair_on_one_document_by_hand(store: Store, doc: Document) -> None:
    add_layer(
        store,
        doc,
        "alice",
        [
            span_of("Sam Altman", "person"),
            span_of("Meta", "organisation"),
            span_of("100 millions", "amount"),
        ],
    )
    add_layer(
        store,
        doc,
        "bob",
        [
            span_of("Sam Altman", "person"),
            span_of("Meta", "person"),
            span_of("100", "amount"),
            span_of("Andrew Bosworth", "person"),
        ],
    )
    report = agreement.compute(store)
    assert report.annotators == ["alice", "bob"] and report.documents == 1
    pair = report.pairs[0]
    assert (pair.a, pair.b, pair.documents) == ("alice", "bob", 1)
    exact = pair.overall.exact
    assert (exact.matches, exact.a, exact.b) == (1, 3, 4)
    assert exact.precision == pytest.approx(1 / 4)  # bob against alice
    assert exact.recall == pytest.approx(1 / 3)
    assert exact.f1 == pytest.approx(2 * 1 / 7)
    assert pair.overall.overlap.matches == 2  # the amount overlaps
    assert pair.labels["amount"].overlap.f1 == pytest.approx(1.0)
    assert pair.labels["amount"].exact.f1 == pytest.approx(0.0)
    assert pair.labels["organisation"].exact.precision is None  # bob has none
    assert pair.labels["organisation"].exact.recall == 0.0
    tokens = [TEXT[i] for i in token_starts(TEXT)]
    assert len(tokens) == 14
    alice = ["P", "P", "O", "O", "G", "O", "O", "A", "A", "O", "O", "O", "O", "O"]
    bob = ["P", "P", "O", "O", "P", "O", "O", "A", "O", "O", "P", "P", "O", "O"]
    assert pair.overall.cohen_kappa == pytest.approx(cohen_kappa_score(alice, bob))
    assert report.krippendorff_alpha == pytest.approx(
        krippendorff.alpha(
            reliability_data=[[ord(c) for c in alice], [ord(c) for c in bob]],
            level_of_measurement="nominal",
        )
    )


def test_only_documents_both_annotated_count(store: Store, doc: Document) -> None:
    other = Document.from_text("Un autre article sur Meta.")
    store.add_document(other)
    add_layer(store, doc, "alice", [span_of("Meta", "organisation")])
    add_layer(store, doc, "bob", [span_of("Meta", "organisation")])
    add_layer(store, other, "alice", [(21, 25, "organisation")])
    pair = agreement.compute(store).pairs[0]
    assert pair.documents == 1 and pair.overall.exact.f1 == 1.0
    # Bob marking the other document done without tagging anything is a disagreement.
    store.set_status(other.id, "bob", Status.DONE)
    pair = agreement.compute(store).pairs[0]
    assert pair.documents == 2
    assert (pair.overall.exact.matches, pair.overall.exact.a, pair.overall.exact.b) == (1, 2, 1)
    # Done only: alice never marked anything done.
    with_done = agreement.compute(store, done_only=True)
    assert with_done.documents == 0 and with_done.pairs[0].overall.exact.f1 is None
    store.set_status(other.id, "alice", Status.REVIEWED)
    with_done = agreement.compute(store, done_only=True)
    assert with_done.pairs[0].documents == 1
    assert with_done.pairs[0].overall.exact.recall == 0.0


def test_labels_filter_and_gold_left_out(store: Store, doc: Document) -> None:
    add_layer(
        store, doc, "alice", [span_of("Meta", "organisation"), span_of("Sam Altman", "person")]
    )
    add_layer(store, doc, "bob", [span_of("Meta", "organisation")])
    add_layer(store, doc, GOLD_LAYER, [span_of("Meta", "organisation")])
    report = agreement.compute(store, labels=["organisation"])
    assert report.annotators == ["alice", "bob"]
    assert list(report.pairs[0].labels) == ["organisation"]
    assert report.pairs[0].overall.exact.f1 == 1.0
    assert report.pairs[0].overall.cohen_kappa == 1.0
    with_gold = agreement.compute(store, annotators=["alice", GOLD_LAYER])
    assert with_gold.pairs[0].overall.exact.matches == 1


def test_unknown_or_too_few_annotators_are_refused(store: Store, doc: Document) -> None:
    add_layer(store, doc, "alice", [span_of("Meta", "organisation")])
    with pytest.raises(AgreementError, match="at least two annotators"):
        agreement.compute(store)
    with pytest.raises(AgreementError, match="no annotator named zoe"):
        agreement.compute(store, annotators=["alice", "zoe"])


# -- over a project: against the references on random layers ------------------------------


def random_project(
    store: Store, seeds_dir: Path, seed: int
) -> dict[str, dict[str, set[tuple[int, int, str]]]]:
    """Three annotators tagging the seed articles with noise; some skip a document."""
    rng = random.Random(seed)
    layers: dict[str, dict[str, set[tuple[int, int, str]]]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        document = Document.from_text(path.read_text(encoding="utf-8"))
        store.add_document(document)
        starts = token_starts(document.text).tolist()
        base = []
        for _ in range(25):
            first = rng.randrange(len(starts) - 8)
            base.append((starts[first], starts[first + rng.randrange(1, 8)], rng.choice(LABELS)))
        for name in ("alice", "bob", "carol"):
            if rng.random() < 0.2:
                continue
            keys = set()
            for start, end, label in base:
                roll = rng.random()
                if roll < 0.15:
                    continue
                if roll < 0.3:
                    end = max(start + 1, end - rng.randrange(1, 4))
                elif roll < 0.4:
                    label = rng.choice(LABELS)
                keys.add((start, end, label))
            add_layer(store, document, name, sorted(keys))
            layers.setdefault(document.id, {})[name] = keys
    return layers


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_project_figures_match_the_references(store: Store, seeds_dir: Path, seed: int) -> None:
    layers = random_project(store, seeds_dir, seed)
    report = agreement.compute(store)
    codes = {label: code for code, label in enumerate(LABELS, start=1)}
    names = ["alice", "bob", "carol"]
    reliability: list[list[float]] = [[], [], []]
    for pair in report.pairs:
        truth_a: list[int] = []
        truth_b: list[int] = []
        exact = overlap = size_a = size_b = 0
        for doc_id, by_name in layers.items():
            if pair.a in by_name and pair.b in by_name:
                text = store.document(doc_id).text
                starts = token_starts(text)
                truth_a += token_labels(starts, by_name[pair.a], codes).tolist()
                truth_b += token_labels(starts, by_name[pair.b], codes).tolist()
                exact += sum(exact_matches(by_name[pair.a], by_name[pair.b]).values())
                overlap += sum(overlap_matches(by_name[pair.a], by_name[pair.b]).values())
                size_a += len(by_name[pair.a])
                size_b += len(by_name[pair.b])
        assert pair.overall.cohen_kappa == pytest.approx(cohen_kappa_score(truth_a, truth_b))
        assert (pair.overall.exact.matches, pair.overall.exact.a, pair.overall.exact.b) == (
            exact,
            size_a,
            size_b,
        )
        assert pair.overall.overlap.matches == overlap
        assert pair.overall.exact.f1 == pytest.approx(2 * exact / (size_a + size_b))
    for doc_id, by_name in layers.items():
        if len(by_name) < 2:
            continue
        starts = token_starts(store.document(doc_id).text)
        for row, name in zip(reliability, names, strict=True):
            if name in by_name:
                row += token_labels(starts, by_name[name], codes).tolist()
            else:
                row += [np.nan] * len(starts)
    assert report.krippendorff_alpha == pytest.approx(
        krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal")
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12), st.sampled_from("xy")), max_size=8),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12), st.sampled_from("xy")), max_size=8),
)
def test_vectorised_matching_agrees_with_the_plain_one(
    a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]
) -> None:
    keys_a = {(s, s + n, label) for s, n, label in a}
    keys_b = {(s, s + n, label) for s, n, label in b}
    codes = {"x": 1, "y": 2}

    def layer(keys: set[tuple[int, int, str]]) -> agreement._Layer:
        rows = sorted(keys)
        return agreement._Layer.of(
            np.zeros(len(rows), dtype=np.int64),
            np.array([r[0] for r in rows], dtype=np.int64),
            np.array([r[1] for r in rows], dtype=np.int64),
            np.array([codes[r[2]] for r in rows], dtype=np.int64),
        )

    exact, overlap = agreement._match_counts(layer(keys_a), layer(keys_b), 3)
    assert exact.tolist()[1:] == [exact_matches(keys_a, keys_b)[name] for name in "xy"]
    assert overlap.tolist()[1:] == [overlap_matches(keys_a, keys_b)[name] for name in "xy"]


def test_figures_for_chosen_documents_only(store: Store, doc: Document) -> None:
    other = Document.from_text("Un autre article sur Meta.")
    store.add_document(other)
    for name in ("alice", "bob"):
        add_layer(store, doc, name, [span_of("Meta", "organisation")])
    add_layer(store, other, "alice", [(21, 25, "organisation")])
    add_layer(store, other, "bob", [(21, 25, "person")])
    assert agreement.compute(store).pairs[0].overall.exact.f1 == pytest.approx(0.5)
    one = agreement.compute(store, doc_ids=[doc.id])
    assert one.documents == 1 and one.pairs[0].overall.exact.f1 == 1.0
    assert agreement.compute(store, doc_ids=[]).documents == 0


@pytest.mark.parametrize("seed", [4, 5])
def test_a_project_read_in_batches_gives_the_same_figures(
    store: Store, seeds_dir: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large project is read a few thousand documents at a time: one document at a
    time or all at once, every figure is the same (labels some batches lack included)."""
    random_project(store, seeds_dir, seed)
    whole = agreement.compute(store)
    chosen = agreement.compute(store, labels=["claim", "person", "unused"], done_only=False)
    for size in (1, 2, 3):
        monkeypatch.setattr(agreement, "BATCH_DOCUMENTS", size)
        assert agreement.compute(store) == whole
        assert agreement.compute(store, labels=["claim", "person", "unused"]) == chosen
    assert whole.documents > 3 and whole.krippendorff_alpha is not None

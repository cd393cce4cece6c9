"""Inter-annotator agreement over a project.

Which documents count. A pair of annotators is compared on every document both have
*annotated*: the annotator has a span there or a status other than ``not_started``
(with ``done_only``: both marked it done or reviewed). Krippendorff's alpha takes each
such document with every chosen annotator who annotated it (two at least).

Span matching, per pair, B measured against A (A is the reference):

- **exact**: same start, end and label. Precision = matches / |B|, recall =
  matches / |A|, F1 = 2·matches / (|A| + |B|), summed over documents (micro average).
- **overlap**: same label and overlapping offsets, each span matched at most once; the
  number of matches is a maximum bipartite matching (so it is never below the exact
  count). Same formulas.

A layer holding the same (start, end, label) twice counts it once.

Token-level measures. The text is cut into the tokens the token exports write
(``formats.tokens``: words with their accents, hyphenated compounds and "aujourd’hui"
whole, French elisions cut, each other visible character alone). Each token takes the
label of the span that covers its first character; when several do, the innermost
(shortest) wins, then the one that starts first, then the alphabetically first label;
a token no span covers is ``O``.
Cohen's kappa compares two annotators' token labels; Krippendorff's alpha (nominal)
treats each token as a unit and each annotator's label as a value. Both are ``None``
when undefined (every token has the same label for everyone).

Fast on purpose: 10,000 documents by three annotators in a few seconds, with numpy
for the token work; the project is read a batch of documents at a time, so memory does
not grow with it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, Field

from annotator.core.errors import AnnotatorError
from annotator.core.formats.tokens import token_starts
from annotator.core.models import GOLD_LAYER, Status
from annotator.core.review import attribute_agreement
from annotator.core.review.attribute_agreement import AttributeScores
from annotator.core.store import Store
from annotator.core.wording import counted

SpanKey = tuple[int, int, str]
"""(start, end, label)"""

OUTSIDE = "O"


class AgreementError(AnnotatorError):
    pass


# -- results -------------------------------------------------------------------------


class Scores(BaseModel):
    precision: float | None = Field(description="matches / b; None when b is 0.")
    recall: float | None = Field(description="matches / a; None when a is 0.")
    f1: float | None = Field(description="2·matches / (a + b); None when both are 0.")
    matches: int
    a: int = Field(description="Spans of annotator a (the reference).")
    b: int = Field(description="Spans of annotator b.")

    @classmethod
    def of(cls, matches: int, a: int, b: int) -> Scores:
        return cls(
            precision=matches / b if b else None,
            recall=matches / a if a else None,
            f1=2 * matches / (a + b) if a + b else None,
            matches=matches,
            a=a,
            b=b,
        )


class LabelScores(BaseModel):
    exact: Scores
    overlap: Scores


class PairOverall(LabelScores):
    cohen_kappa: float | None = Field(description="Token-level Cohen's kappa.")


class PairAgreement(BaseModel):
    a: str
    b: str
    documents: int = Field(description="Documents both annotated.")
    labels: dict[str, LabelScores]
    overall: PairOverall
    attributes: dict[str, AttributeScores] = Field(
        default_factory=dict,
        description="Per attribute (claim.verdict), on the spans both tagged alike.",
    )


class AgreementReport(BaseModel):
    annotators: list[str]
    documents: int = Field(description="Documents at least two chosen annotators annotated.")
    pairs: list[PairAgreement]
    krippendorff_alpha: float | None = Field(
        description="Nominal, per token, across all chosen annotators."
    )


# -- span matching (pure) -------------------------------------------------------------


def exact_matches(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> Counter[str]:
    """Per label, how many keys both sets hold."""
    return Counter(key[2] for key in set(a) & set(b))


def _max_matching(a: list[SpanKey], b: list[SpanKey]) -> int:
    """Maximum bipartite matching between a and b, edges where spans overlap (Kuhn)."""
    adjacency = [[j for j, y in enumerate(b) if x[0] < y[1] and y[0] < x[1]] for x in a]
    owner: list[int | None] = [None] * len(b)

    def augment(i: int, seen: list[bool]) -> bool:
        for j in adjacency[i]:
            if not seen[j]:
                seen[j] = True
                current = owner[j]
                if current is None or augment(current, seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, [False] * len(b)) for i in range(len(a)))


def overlap_matches(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> Counter[str]:
    """Per label, the size of a maximum matching of overlapping same-label spans."""
    items = sorted(
        [(key[2], key[0], key[1], 0) for key in set(a)]
        + [(key[2], key[0], key[1], 1) for key in set(b)]
    )
    counts: Counter[str] = Counter()
    # Sweep each label's spans by start into chains of overlapping spans: no edge runs
    # between two chains, so each chain is matched on its own (most are one or two spans).
    chain: list[tuple[str, int, int, int]] = []
    chain_end = -1

    def settle(chain: list[tuple[str, int, int, int]]) -> None:
        sides = {item[3] for item in chain}
        if len(sides) < 2:
            return
        if len(chain) == 2:
            counts[chain[0][0]] += 1
            return
        left = [(s, e, label) for label, s, e, side in chain if side == 0]
        right = [(s, e, label) for label, s, e, side in chain if side == 1]
        counts[chain[0][0]] += _max_matching(left, right)

    for item in items:
        if chain and item[0] == chain[0][0] and item[1] < chain_end:
            chain.append(item)
            chain_end = max(chain_end, item[2])
        else:
            if chain:
                settle(chain)
            chain = [item]
            chain_end = item[2]
    if chain:
        settle(chain)
    return counts


# -- tokens (pure) -------------------------------------------------------------------

def token_labels(
    starts: np.ndarray, spans: Iterable[SpanKey], label_codes: dict[str, int]
) -> np.ndarray:
    """Each token's label code (0 = outside); spans with labels not in ``label_codes``
    are ignored."""
    labels = np.zeros(len(starts), dtype=np.intp)
    # Painted longest first, so inner spans overwrite outer ones; among equal lengths
    # the earliest start, then the first label, is painted last and wins.
    painted = sorted(
        (key for key in spans if key[2] in label_codes),
        key=lambda key: (key[1] - key[0], key[0], key[2]),
        reverse=True,
    )
    if not painted:
        return labels
    bounds = np.searchsorted(starts, [(key[0], key[1]) for key in painted])
    for (low, high), key in zip(bounds.tolist(), painted, strict=True):
        if low < high:
            labels[low:high] = label_codes[key[2]]
    return labels


# -- chance-corrected coefficients (pure) ---------------------------------------------


def cohen_kappa(confusion: np.ndarray) -> float | None:
    """Cohen's kappa from a square confusion matrix (rows: a's labels, columns: b's)."""
    confusion = np.asarray(confusion, dtype=float)
    total = confusion.sum()
    if total == 0:
        return None
    observed = np.trace(confusion) / total
    expected = float(confusion.sum(axis=1) @ confusion.sum(axis=0)) / total**2
    if expected >= 1.0:
        return None
    return float((observed - expected) / (1.0 - expected))


def coincidences(values: np.ndarray, categories: int) -> np.ndarray:
    """Krippendorff's coincidence matrix from a (coders × units) array of category
    codes, -1 where a coder gave no value; units with fewer than two values drop out."""
    values = np.asarray(values)
    counts = np.zeros((values.shape[1], categories))
    for row in values:
        present = row >= 0
        counts[np.flatnonzero(present), row[present]] += 1
    pairable = counts.sum(axis=1)
    keep = pairable >= 2
    counts, pairable = counts[keep], pairable[keep]
    weighted = counts / (pairable - 1)[:, None]
    matrix: np.ndarray = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    return matrix


def krippendorff_alpha_nominal(coincidence: np.ndarray) -> float | None:
    """Nominal alpha from a coincidence matrix; None when undefined (one category)."""
    coincidence = np.asarray(coincidence, dtype=float)
    per_value = coincidence.sum(axis=1)
    total = per_value.sum()
    expected = total * total - float(per_value @ per_value)
    if total <= 1 or expected <= 0:
        return None
    observed_disagreement = total - np.trace(coincidence)
    return float(1.0 - (total - 1.0) * observed_disagreement / expected)


# -- over a project ------------------------------------------------------------------

_CHUNK_CHARACTERS = 8_000_000
"""Texts are tokenised together, this many code points at a time (bounds memory)."""


def _lexical_order(*columns: np.ndarray) -> np.ndarray:
    """Indices sorting by the first column, then the next, ... (non-negative ints).

    Packs the columns into one int64 key when they fit (one fast argsort), else falls
    back to ``np.lexsort``.
    """
    widths = [int(column.max()).bit_length() if len(column) else 0 for column in columns]
    if sum(widths) <= 62:
        key = np.zeros(len(columns[0]), dtype=np.int64)
        for column, width in zip(columns, widths, strict=True):
            key = (key << width) | column
        return np.argsort(key, kind="stable")
    return np.lexsort(columns[::-1])


@dataclass
class _Layer:
    """One annotator's distinct spans over the included documents, as parallel arrays
    sorted by document, label, start and end."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray

    @classmethod
    def of(cls, doc: np.ndarray, start: np.ndarray, end: np.ndarray, label: np.ndarray) -> _Layer:
        order = _lexical_order(doc, label, start, end)
        doc, start, end, label = doc[order], start[order], end[order], label[order]
        distinct = np.ones(len(doc), dtype=bool)
        distinct[1:] = (
            (doc[1:] != doc[:-1])
            | (label[1:] != label[:-1])
            | (start[1:] != start[:-1])
            | (end[1:] != end[:-1])
        )
        return cls(doc[distinct], start[distinct], end[distinct], label[distinct])

    def where(self, keep: np.ndarray) -> _Layer:
        return _Layer(self.doc[keep], self.start[keep], self.end[keep], self.label[keep])


def _match_counts(a: _Layer, b: _Layer, categories: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact and overlap matches per label code, over all documents at once.

    The same rules as :func:`exact_matches` and :func:`overlap_matches`, vectorised.
    """
    exact = np.zeros(categories, dtype=np.int64)
    overlap = np.zeros(categories, dtype=np.int64)
    size = len(a.doc) + len(b.doc)
    if not len(a.doc) or not len(b.doc):
        return exact, overlap
    side = np.concatenate([np.zeros(len(a.doc), np.int64), np.ones(len(b.doc), np.int64)])
    doc, start, end, label = (
        np.concatenate([getattr(a, name), getattr(b, name)])
        for name in ("doc", "start", "end", "label")
    )
    order = _lexical_order(doc, label, start, end, side)
    doc, start, end, label, side = doc[order], start[order], end[order], label[order], side[order]

    # Each layer holds a key once, so two equal neighbours are one key in both layers.
    same = (
        (doc[1:] == doc[:-1])
        & (label[1:] == label[:-1])
        & (start[1:] == start[:-1])
        & (end[1:] == end[:-1])
    )
    exact += np.bincount(label[1:][same], minlength=categories)

    # Chains of overlapping same-label spans in one document: running maximum of the
    # ends, shifted per (document, label) group so that groups never run together.
    group = doc * categories + label
    shift = group * (int(end.max()) + 1)
    reach = np.maximum.accumulate(shift + end)
    breaks = np.ones(size, dtype=bool)
    breaks[1:] = shift[1:] + start[1:] >= reach[:-1]
    chain = np.cumsum(breaks) - 1
    firsts = np.flatnonzero(breaks)
    in_b = np.bincount(chain, weights=side).astype(np.int64)
    in_a = np.bincount(chain) - in_b
    # A chain with one span on a side matches exactly once: that span overlaps a span
    # of the other side (its neighbour in the sweep). Larger chains need a matching.
    matches = ((in_a >= 1) & (in_b >= 1)).astype(np.int64)
    bounds = np.append(firsts, size)
    for index in np.flatnonzero((in_a >= 2) & (in_b >= 2)).tolist():
        low, high = bounds[index], bounds[index + 1]
        keys = list(zip(start[low:high].tolist(), end[low:high].tolist(), strict=True))
        sides = side[low:high].tolist()
        left = [(s, e, "") for (s, e), k in zip(keys, sides, strict=True) if k == 0]
        right = [(s, e, "") for (s, e), k in zip(keys, sides, strict=True) if k == 1]
        matches[index] = _max_matching(left, right)
    overlap += np.bincount(label[firsts], weights=matches, minlength=categories).astype(np.int64)
    return exact, overlap


def _paint(starts: np.ndarray, offsets: np.ndarray, layer: _Layer) -> np.ndarray:
    """The label code of each unit (token or segment) starting at ``starts`` in one
    layer, by the rule of :func:`token_labels`."""
    codes = np.zeros(len(starts), dtype=np.int64)
    if not len(layer.doc):
        return codes
    first = offsets[layer.doc] + layer.start
    lows = np.searchsorted(starts, first)
    highs = np.searchsorted(starts, offsets[layer.doc] + layer.end)
    # Where one span covers a token, summed differences give its label directly.
    size = len(starts) + 1
    covering = np.cumsum(np.bincount(lows, minlength=size) - np.bincount(highs, minlength=size))[
        :-1
    ]
    codes[:] = np.cumsum(
        np.bincount(lows, weights=layer.label, minlength=size)
        - np.bincount(highs, weights=layer.label, minlength=size)
    )[:-1].astype(np.int64)
    # Where spans are stacked, paint the spans involved longest first, so inner spans
    # win; among equal lengths the earliest start, then the first label, comes last.
    stacked = np.zeros(len(starts) + 1, dtype=np.int64)
    stacked[1:] = np.cumsum(covering > 1)
    involved = np.flatnonzero(stacked[highs] > stacked[lows])
    if len(involved):
        length = (layer.end - layer.start)[involved]
        order = involved[np.lexsort((-layer.label[involved], -first[involved], -length))]
        for low, high, code in zip(
            lows[order].tolist(), highs[order].tolist(), layer.label[order].tolist(), strict=True
        ):
            codes[low:high] = code
    return codes


def _tokenise(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Token starts of all texts as if joined by newlines, and each text's offset."""
    offsets = np.zeros(len(texts), dtype=np.int64)
    pieces: list[np.ndarray] = []
    chunk: list[str] = []
    chunk_start = position = 0
    for index, text in enumerate(texts):
        offsets[index] = position
        chunk.append(text)
        position += len(text) + 1
        if position - chunk_start >= _CHUNK_CHARACTERS or index == len(texts) - 1:
            pieces.append(token_starts("\n".join(chunk)) + chunk_start)
            chunk, chunk_start = [], position
    starts = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
    return starts, offsets


BATCH_DOCUMENTS = 2_000
"""Documents read and measured at a time: memory stays that of a batch, whatever the
project's size (every count below adds up over batches)."""


@dataclass
class _Tally:
    """What the measures are made of, summed over batches of documents; label codes
    are those of every label in the project (1, 2, ...; 0 is no label)."""

    categories: int
    pairs: list[tuple[int, int]]
    documents: int = 0
    used: set[int] = field(default_factory=set)
    included_ids: list[str] = field(default_factory=list)
    """The documents measured: those at least two of the annotators worked on."""

    def __post_init__(self) -> None:
        square = (self.categories, self.categories)
        self.coincidence = np.zeros(square)
        self.confusion = [np.zeros(square) for _ in self.pairs]
        self.shared = [0 for _ in self.pairs]
        self.exact = [np.zeros(self.categories, np.int64) for _ in self.pairs]
        self.overlap = [np.zeros(self.categories, np.int64) for _ in self.pairs]
        self.count_a = [np.zeros(self.categories, np.int64) for _ in self.pairs]
        self.count_b = [np.zeros(self.categories, np.int64) for _ in self.pairs]


def compute(
    store: Store,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    done_only: bool = False,
    doc_ids: Iterable[str] | None = None,
) -> AgreementReport:
    """Agreement between the chosen annotators (default: everyone but the gold layer),
    on the chosen labels (default: every label they used), over the whole project or
    the documents ``doc_ids``. The project is read ``BATCH_DOCUMENTS`` at a time."""
    chosen = list(dict.fromkeys(annotators or [n for n in store.annotators() if n != GOLD_LAYER]))
    if len(chosen) < 2:
        raise AgreementError(
            "agreement needs at least two annotators"
            + (f"; the project has only {', '.join(chosen)}" if chosen else "")
        )
    known = set(store.annotators())
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise AgreementError(
            f"no annotator named {', '.join(unknown)} in the project; "
            f"it has {', '.join(sorted(known)) or 'none'}"
        )
    wanted_labels = list(dict.fromkeys(labels)) if labels else None
    annotator_index = {name: index for index, name in enumerate(chosen)}
    all_ids = store.document_ids()
    position = {doc_id: index for index, doc_id in enumerate(all_ids)}

    # Who marked which document done or started, whatever their spans.
    by_status = np.zeros((len(all_ids), len(chosen)), dtype=bool)
    counting = (
        (Status.DONE, Status.REVIEWED)
        if done_only
        else (Status.IN_PROGRESS, Status.DONE, Status.REVIEWED)
    )
    for (doc_id, name), status in store.all_statuses().items():
        if status in counting and name in annotator_index and doc_id in position:
            by_status[position[doc_id], annotator_index[name]] = True
    wanted_documents = None
    if doc_ids is not None:
        wanted_documents = np.zeros(len(all_ids), dtype=bool)
        wanted_documents[[position[d] for d in set(doc_ids) if d in position]] = True

    # Codes for every label in the project: a label no counted span holds is dropped
    # at the end, as its rows and columns stay empty.
    all_labels = sorted(set(store.span_labels()) | set(wanted_labels or ()))
    if wanted_labels is not None:
        kept = {name: code for code, name in enumerate(wanted_labels, start=1)}
        recode = {name: kept.get(name, 0) for name in all_labels}
        categories = len(wanted_labels) + 1
    else:
        recode = {name: code for code, name in enumerate(all_labels, start=1)}
        categories = len(all_labels) + 1
    tally = _Tally(categories, list(itertools.combinations(range(len(chosen)), 2)))
    for first in range(0, len(all_ids), BATCH_DOCUMENTS):
        batch = all_ids[first : first + BATCH_DOCUMENTS]
        rows = slice(first, first + len(batch))
        keep = wanted_documents[rows] if wanted_documents is not None else None
        _tally_batch(store, tally, chosen, batch, by_status[rows], keep, recode, done_only)

    if wanted_labels is not None:
        label_names, codes = wanted_labels, list(range(categories))
    else:
        used = sorted(tally.used - {0})
        label_names = [all_labels[code - 1] for code in used]
        codes = [0, *used]
    label_codes = {name: code for code, name in enumerate(label_names, start=1)}
    square = np.ix_(codes, codes)
    pairs = []
    for number, (i, j) in enumerate(tally.pairs):
        exact, overlap = tally.exact[number][codes], tally.overlap[number][codes]
        count_a, count_b = tally.count_a[number][codes], tally.count_b[number][codes]
        per_label = {
            name: LabelScores(
                exact=Scores.of(int(exact[code]), int(count_a[code]), int(count_b[code])),
                overlap=Scores.of(int(overlap[code]), int(count_a[code]), int(count_b[code])),
            )
            for name, code in label_codes.items()
        }
        total_a, total_b = int(count_a.sum()), int(count_b.sum())
        pairs.append(
            PairAgreement(
                a=chosen[i],
                b=chosen[j],
                documents=tally.shared[number],
                labels=per_label,
                overall=PairOverall(
                    exact=Scores.of(int(exact.sum()), total_a, total_b),
                    overlap=Scores.of(int(overlap.sum()), total_a, total_b),
                    cohen_kappa=cohen_kappa(tally.confusion[number][square]),
                ),
            )
        )
    by_pair = attribute_agreement.compute(store, chosen, wanted_labels, tally.included_ids)
    for pair in pairs:
        pair.attributes = by_pair.get((pair.a, pair.b), {})
    return AgreementReport(
        annotators=chosen,
        documents=tally.documents,
        pairs=pairs,
        krippendorff_alpha=krippendorff_alpha_nominal(tally.coincidence[square]),
    )


def _tally_batch(
    store: Store,
    tally: _Tally,
    chosen: list[str],
    batch: list[str],
    by_status: np.ndarray,
    wanted: np.ndarray | None,
    recode: dict[str, int],
    done_only: bool,
) -> None:
    """Add one batch of documents (in document order) to ``tally``."""
    annotator_index = {name: index for index, name in enumerate(chosen)}
    position = {doc_id: index for index, doc_id in enumerate(batch)}
    categories = tally.categories
    # Every span of the chosen annotators, as columns; labels are filtered afterwards,
    # since a span of any label shows that its annotator worked on the document.
    group_names, group_docs, group_sizes, start_column, end_column, label_column = (
        store.span_columns(chosen, batch)
    )
    span_doc = np.repeat(
        np.fromiter(map(position.__getitem__, group_docs), np.int64, len(group_docs)),
        group_sizes,
    )
    span_coder = np.repeat(
        np.fromiter(map(annotator_index.__getitem__, group_names), np.int64, len(group_names)),
        group_sizes,
    )
    span_label = np.fromiter(map(recode.__getitem__, label_column), np.int64, len(label_column))

    # Who annotated which document.
    present_everywhere = by_status.copy()
    if not done_only:
        present_everywhere[span_doc, span_coder] = True
    included = present_everywhere.sum(axis=1) >= 2
    if wanted is not None:
        included &= wanted
    if not included.any():
        return
    present = present_everywhere[included]
    renumber = np.cumsum(included) - 1
    included_ids = [doc_id for doc_id, keep in zip(batch, included.tolist(), strict=True) if keep]
    texts = dict(store.document_texts(included_ids))
    texts_in_order = [texts.get(doc_id, "") for doc_id in included_ids]
    tally.documents += len(texts_in_order)
    tally.included_ids += included_ids

    counted = included[span_doc] & present_everywhere[span_doc, span_coder] & (span_label > 0)
    tally.used.update(np.unique(span_label[counted]).tolist())
    span_start = np.array(start_column, dtype=np.int64)
    span_end = np.array(end_column, dtype=np.int64)
    layers = []
    for k in range(len(chosen)):
        mine = counted & (span_coder == k)
        layers.append(
            _Layer.of(renumber[span_doc[mine]], span_start[mine], span_end[mine], span_label[mine])
        )

    # Tokens between two consecutive span boundaries share their labels in every layer:
    # label those segments, weighted by their number of tokens, not each token.
    starts, offsets = _tokenise(texts_in_order)
    ends_of_text = offsets + np.array([len(text) for text in texts_in_order], dtype=np.int64)
    boundaries = np.sort(
        np.concatenate(
            [offsets, ends_of_text]
            + [offsets[layer.doc] + layer.start for layer in layers]
            + [offsets[layer.doc] + layer.end for layer in layers]
        )
    )
    distinct = np.ones(len(boundaries), dtype=bool)
    distinct[1:] = boundaries[1:] != boundaries[:-1]
    boundaries = boundaries[distinct]
    segments = boundaries[:-1]
    tokens_in_segment = np.diff(np.searchsorted(starts, boundaries)).astype(float)
    doc_of_segment = np.searchsorted(offsets, segments, side="right") - 1
    segment_codes = [_paint(segments, offsets, layer) for layer in layers]

    # Krippendorff: a token's coincidences are its ordered pairs of values / (m - 1),
    # m the number of annotators of its document; summing the pairs' confusions gives it.
    pairable = present.sum(axis=1)
    weight = tokens_in_segment / (pairable[doc_of_segment] - 1) if len(segments) else None
    for number, (i, j) in enumerate(tally.pairs):
        both = present[:, i] & present[:, j]
        shared = both[doc_of_segment]
        cells = segment_codes[i][shared] * categories + segment_codes[j][shared]
        tally.confusion[number] += np.bincount(
            cells, weights=tokens_in_segment[shared], minlength=categories**2
        ).reshape(categories, categories)
        if weight is not None:
            weighted = np.bincount(cells, weights=weight[shared], minlength=categories**2).reshape(
                categories, categories
            )
            tally.coincidence += weighted + weighted.T
        layer_a = layers[i].where(both[layers[i].doc])
        layer_b = layers[j].where(both[layers[j].doc])
        exact, overlap = _match_counts(layer_a, layer_b, categories)
        tally.exact[number] += exact
        tally.overlap[number] += overlap
        tally.count_a[number] += np.bincount(layer_a.label, minlength=categories)
        tally.count_b[number] += np.bincount(layer_b.label, minlength=categories)
        tally.shared[number] += int(both.sum())


# -- the readable table ---------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, scores: LabelScores) -> str:
    exact, overlap = scores.exact, scores.overlap
    return (
        f"  {name:<14}"
        f"{_figure(exact.precision):>7}{_figure(exact.recall):>7}{_figure(exact.f1):>7}"
        f"{exact.matches:>7}  "
        f"{_figure(overlap.precision):>7}{_figure(overlap.recall):>7}{_figure(overlap.f1):>7}"
        f"{overlap.matches:>7}  {exact.a:>7}{exact.b:>7}"
    )


def format_table(report: AgreementReport) -> str:
    """The report as a plain-text table, one block per pair of annotators."""
    lines = [
        (
            f"{counted(report.documents, 'document')} annotated by at least two of: "
            f"{', '.join(report.annotators)}"
        ),
        "P and R: the second annotator measured against the first; F1 is symmetric.",
    ]
    for pair in report.pairs:
        lines += [
            "",
            (
                f"{pair.a} vs {pair.b}: {counted(pair.documents, 'document')}, "
                f"token Cohen's kappa "
                f"{_figure(pair.overall.cohen_kappa)}"
            ),
            f"  {'':<14}{' exact ':-^28}  {' overlap ':-^28}  {' spans ':-^14}",
            (
                f"  {'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}  "
                f"{'P':>7}{'R':>7}{'F1':>7}{'match':>7}  {pair.a[:6]:>7}{pair.b[:6]:>7}"
            ),
        ]
        lines += [_row(name, scores) for name, scores in pair.labels.items()]
        lines.append(_row("overall", pair.overall))
        for name, scores in pair.attributes.items():
            lines.append(
                f"  attribute {name}: {scores.agreed} of {scores.spans} spans tagged alike "
                f"agree ({_figure(scores.observed)}), Cohen's kappa {_figure(scores.cohen_kappa)}"
            )
    lines += [
        "",
        (
            f"Krippendorff's alpha (nominal, per token, all {len(report.annotators)} "
            f"annotators): {_figure(report.krippendorff_alpha)}"
        ),
    ]
    return "\n".join(lines)

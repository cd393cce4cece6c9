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
for the token work.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from annotator.core import attribute_agreement
from annotator.core.attribute_agreement import AttributeScores
from annotator.core.errors import AnnotatorError
from annotator.core.formats.tokens import token_starts
from annotator.core.models import GOLD_LAYER, Status
from annotator.core.store import Store

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


def compute(
    store: Store,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    done_only: bool = False,
    doc_ids: Iterable[str] | None = None,
) -> AgreementReport:
    """Agreement between the chosen annotators (default: everyone but the gold layer),
    on the chosen labels (default: every label they used), over the whole project or
    the documents ``doc_ids``."""
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

    # Every span of the chosen annotators, as columns; labels are filtered afterwards,
    # since a span of any label shows that its annotator worked on the document.
    group_names, group_docs, group_sizes, start_column, end_column, label_column = (
        store.span_columns(chosen)
    )
    span_doc = np.repeat(
        np.fromiter(map(position.__getitem__, group_docs), np.int64, len(group_docs)),
        group_sizes,
    )
    span_coder = np.repeat(
        np.fromiter(map(annotator_index.__getitem__, group_names), np.int64, len(group_names)),
        group_sizes,
    )
    all_labels = sorted(set(label_column))
    span_label = np.fromiter(
        map({name: code for code, name in enumerate(all_labels)}.__getitem__, label_column),
        np.int64,
        len(label_column),
    )

    # Who annotated which document.
    present_everywhere = np.zeros((len(all_ids), len(chosen)), dtype=bool)
    if not done_only:
        present_everywhere[span_doc, span_coder] = True
    counting = (
        (Status.DONE, Status.REVIEWED)
        if done_only
        else (Status.IN_PROGRESS, Status.DONE, Status.REVIEWED)
    )
    for (doc_id, name), status in store.all_statuses().items():
        if status in counting and name in annotator_index and doc_id in position:
            present_everywhere[position[doc_id], annotator_index[name]] = True
    included = present_everywhere.sum(axis=1) >= 2
    if doc_ids is not None:
        wanted_documents = np.zeros(len(all_ids), dtype=bool)
        wanted_documents[[position[d] for d in set(doc_ids) if d in position]] = True
        included &= wanted_documents
    present = present_everywhere[included]
    renumber = np.cumsum(included) - 1
    # Documents are only ever appended: one added since document_ids() (another window)
    # comes last and is left out here as it was above.
    texts = [
        text
        for (_, text), keep in zip(store.document_texts(), included.tolist(), strict=False)
        if keep
    ]

    counted = included[span_doc] & present_everywhere[span_doc, span_coder]
    if wanted_labels is not None:
        wanted_codes = [all_labels.index(name) for name in wanted_labels if name in all_labels]
        counted &= np.isin(span_label, wanted_codes)
    label_names = wanted_labels or [
        all_labels[code] for code in np.unique(span_label[counted]).tolist()
    ]
    label_codes = {name: code for code, name in enumerate(label_names, start=1)}
    categories = len(label_names) + 1
    recode = np.array([label_codes.get(name, 0) for name in all_labels], dtype=np.int64)
    span_start = np.array(start_column, dtype=np.int64)
    span_end = np.array(end_column, dtype=np.int64)
    layers = []
    for k in range(len(chosen)):
        mine = counted & (span_coder == k)
        layers.append(
            _Layer.of(
                renumber[span_doc[mine]],
                span_start[mine],
                span_end[mine],
                recode[span_label[mine]],
            )
        )

    # Tokens between two consecutive span boundaries share their labels in every layer:
    # label those segments, weighted by their number of tokens, not each token.
    starts, offsets = _tokenise(texts)
    ends_of_text = offsets + np.array([len(text) for text in texts], dtype=np.int64)
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
    coincidence = np.zeros((categories, categories))
    pairs = []
    for i, j in itertools.combinations(range(len(chosen)), 2):
        both = present[:, i] & present[:, j]
        shared = both[doc_of_segment]
        cells = segment_codes[i][shared] * categories + segment_codes[j][shared]
        confusion = np.bincount(
            cells, weights=tokens_in_segment[shared], minlength=categories**2
        ).reshape(categories, categories)
        if weight is not None:
            weighted = np.bincount(cells, weights=weight[shared], minlength=categories**2).reshape(
                categories, categories
            )
            coincidence += weighted + weighted.T
        layer_a = layers[i].where(both[layers[i].doc])
        layer_b = layers[j].where(both[layers[j].doc])
        exact, overlap = _match_counts(layer_a, layer_b, categories)
        count_a = np.bincount(layer_a.label, minlength=categories)
        count_b = np.bincount(layer_b.label, minlength=categories)
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
                documents=int(both.sum()),
                labels=per_label,
                overall=PairOverall(
                    exact=Scores.of(int(exact.sum()), total_a, total_b),
                    overlap=Scores.of(int(overlap.sum()), total_a, total_b),
                    cohen_kappa=cohen_kappa(confusion),
                ),
            )
        )
    included_ids = [doc_id for doc_id, keep in zip(all_ids, included.tolist(), strict=True) if keep]
    by_pair = attribute_agreement.compute(store, chosen, wanted_labels, included_ids)
    for pair in pairs:
        pair.attributes = by_pair.get((pair.a, pair.b), {})
    return AgreementReport(
        annotators=chosen,
        documents=len(texts),
        pairs=pairs,
        krippendorff_alpha=krippendorff_alpha_nominal(coincidence),
    )


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
            f"{report.documents} documents annotated by at least two of: "
            f"{', '.join(report.annotators)}"
        ),
        "P and R: the second annotator measured against the first; F1 is symmetric.",
    ]
    for pair in report.pairs:
        lines += [
            "",
            (
                f"{pair.a} vs {pair.b}: {pair.documents} documents, token Cohen's kappa "
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

"""Agreement on span attributes: do two annotators who tagged the same span give it the
same verdict, the same role?

Per pair of annotators and per attribute of the scheme (``claim.verdict``), on the
spans both tagged identically (same start, end and label; an attribute is only
comparable on a span both have): the spans where at least one of them set the
attribute are the units; a value one of them left unset counts as its own category
("not set"). Cohen's kappa is computed on those units (the same formula as
``sklearn.metrics.cohen_kappa_score``); observed agreement is the share of units with
the same value.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence

import numpy as np
from pydantic import BaseModel, Field

from annotator.core.models import LabelSet
from annotator.core.store import Store

NOT_SET = "(not set)"

SpanPlace = tuple[str, int, int, str]
"""(document id, start, end, label)"""


class AttributeScores(BaseModel):
    spans: int = Field(description="Spans both tagged alike where either set the attribute.")
    agreed: int = Field(description="Of those, the spans where both gave the same value.")
    observed: float | None = Field(description="agreed / spans; None when spans is 0.")
    cohen_kappa: float | None = Field(
        description="Cohen's kappa over those spans; None when undefined (one value only)."
    )


def kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two equally long sequences of category names."""
    categories = sorted(set(first) | set(second))
    index = {name: code for code, name in enumerate(categories)}
    confusion = np.zeros((len(categories), len(categories)))
    for a, b in zip(first, second, strict=True):
        confusion[index[a], index[b]] += 1
    total = confusion.sum()
    if total == 0:
        return None
    observed = np.trace(confusion) / total
    expected = float((confusion.sum(axis=0) * confusion.sum(axis=1)).sum()) / total**2
    if expected == 1:
        return None
    return float((observed - expected) / (1 - expected))


def _shown(value: object) -> str:
    """A value as one category: text as it is, anything else as JSON (true, 14.5)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def attribute_values(
    store: Store,
    annotators: Sequence[str],
    label_set: LabelSet,
    labels: Sequence[str] | None = None,
    doc_ids: Iterable[str] | None = None,
) -> dict[str, dict[SpanPlace, dict[str, str]]]:
    """Per annotator: each span of a label with attributes, and its attribute values."""
    with_attributes = [
        label.name
        for label in label_set.labels
        if label.attributes and (labels is None or label.name in labels)
    ]
    found: dict[str, dict[SpanPlace, dict[str, str]]] = {name: {} for name in annotators}
    if not with_attributes:
        return found
    wanted = set(doc_ids) if doc_ids is not None else None
    defined = {
        label.name: [definition.name for definition in label.attributes]
        for label in label_set.labels
        if label.name in with_attributes
    }
    for doc_id, start, end, label, annotator, attrs_json in store.attribute_rows(
        list(annotators), with_attributes
    ):
        if wanted is not None and doc_id not in wanted:
            continue
        try:
            attrs = json.loads(attrs_json) if attrs_json else {}
        except ValueError:
            continue  # a damaged row: the store's check names it
        if not isinstance(attrs, dict):
            continue
        found[annotator][(doc_id, start, end, label)] = {
            name: _shown(attrs[name]) for name in defined[label] if attrs.get(name) is not None
        }
    return found


def pair_scores(
    a: dict[SpanPlace, dict[str, str]],
    b: dict[SpanPlace, dict[str, str]],
    label_set: LabelSet,
) -> dict[str, AttributeScores]:
    """``label.attribute`` -> the pair's agreement on it, over the spans both tagged."""
    scores: dict[str, AttributeScores] = {}
    shared = sorted(a.keys() & b.keys())
    for label in label_set.labels:
        for definition in label.attributes:
            first: list[str] = []
            second: list[str] = []
            for place in shared:
                if place[3] != label.name:
                    continue
                value_a = a[place].get(definition.name, NOT_SET)
                value_b = b[place].get(definition.name, NOT_SET)
                if value_a == NOT_SET and value_b == NOT_SET:
                    continue
                first.append(value_a)
                second.append(value_b)
            if not first:
                continue
            agreed = sum(x == y for x, y in zip(first, second, strict=True))
            scores[f"{label.name}.{definition.name}"] = AttributeScores(
                spans=len(first),
                agreed=agreed,
                observed=agreed / len(first),
                cohen_kappa=kappa(first, second),
            )
    return scores


def compute(
    store: Store,
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
    doc_ids: Iterable[str] | None = None,
) -> dict[tuple[str, str], dict[str, AttributeScores]]:
    """(a, b) -> per attribute scores, for every pair of ``annotators``."""
    label_set = store.label_set()
    values = attribute_values(store, annotators, label_set, labels, doc_ids)
    return {
        (first, second): pair_scores(values[first], values[second], label_set)
        for first, second in itertools.combinations(annotators, 2)
    }

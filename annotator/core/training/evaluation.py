"""How good the project model is: its spans against a layer's on held-out documents.

Spans are matched as in inter-annotator agreement (``core.agreement``): **exact** is
same start, end and label; **overlap** is same label and overlapping offsets, each
span matched at most once. The layer is the reference: precision = matches /
predicted, recall = matches / reference, F1 = 2·matches / (reference + predicted),
summed over documents.

Next to the model's figures stands the **ceiling**: the annotators' own agreement on
the same documents (their mean pairwise F1). A model is not expected to agree with
the gold layer better than people agree with each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from annotator.core.models import GOLD_LAYER
from annotator.core.review import agreement
from annotator.core.review.agreement import AgreementError, SpanKey, exact_matches, overlap_matches
from annotator.core.store import Store
from annotator.core.training.project_model import (
    HeldOutScores,
    LabelResult,
    LabelScore,
    ModelError,
    load_model,
)

OVERALL = "overall"


def _score(matches: int, reference: int, predicted: int) -> LabelScore:
    return LabelScore(
        precision=matches / predicted if predicted else None,
        recall=matches / reference if reference else None,
        f1=2 * matches / (reference + predicted) if reference + predicted else None,
        matches=matches,
        reference=reference,
        predicted=predicted,
    )


def score_predictions(
    part: str,
    labels: Sequence[str],
    references: Sequence[Sequence[SpanKey]],
    predictions: Sequence[Sequence[SpanKey]],
) -> HeldOutScores:
    """Per label and overall, exact and overlap scores over paired documents."""
    exact: Counter[str] = Counter()
    overlap: Counter[str] = Counter()
    reference_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    wanted = set(labels)
    for reference, predicted in zip(references, predictions, strict=True):
        gold = {key for key in reference if key[2] in wanted}
        found = {key for key in predicted if key[2] in wanted}
        exact.update(exact_matches(gold, found))
        overlap.update(overlap_matches(gold, found))
        reference_count.update(key[2] for key in gold)
        predicted_count.update(key[2] for key in found)

    def result(names: Sequence[str]) -> LabelResult:
        a = sum(reference_count[name] for name in names)
        b = sum(predicted_count[name] for name in names)
        return LabelResult(
            exact=_score(sum(exact[name] for name in names), a, b),
            overlap=_score(sum(overlap[name] for name in names), a, b),
        )

    return HeldOutScores(
        part=part,
        documents=len(references),
        labels={name: result([name]) for name in labels},
        overall=result(list(labels)),
    )


class Ceiling(BaseModel):
    """The annotators' mean pairwise F1 on the held-out documents, per label."""

    annotators: list[str]
    documents: int
    exact_f1: dict[str, float | None]
    overlap_f1: dict[str, float | None]
    note: str | None = Field(default=None, description="Why there is no ceiling.")


class ModelEvaluation(BaseModel):
    model: str
    layer: str
    scores: HeldOutScores
    ceiling: Ceiling


def _mean(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def ceiling(store: Store, doc_ids: Sequence[str], labels: Sequence[str]) -> Ceiling:
    """How well the annotators (the gold layer aside) agree on these documents."""
    try:
        report = agreement.compute(store, labels=list(labels), doc_ids=doc_ids)
    except AgreementError as error:
        return Ceiling(annotators=[], documents=0, exact_f1={}, overlap_f1={}, note=str(error))
    if not report.pairs or report.documents == 0:
        return Ceiling(
            annotators=report.annotators,
            documents=0,
            exact_f1={},
            overlap_f1={},
            note="no two annotators tagged the same held-out documents",
        )
    exact_f1: dict[str, float | None] = {}
    overlap_f1: dict[str, float | None] = {}
    for name in [*labels, OVERALL]:
        exact_values: list[float | None] = []
        overlap_values: list[float | None] = []
        for pair in report.pairs:
            scores = pair.overall if name == OVERALL else pair.labels.get(name)
            if scores is not None:
                exact_values.append(scores.exact.f1)
                overlap_values.append(scores.overlap.f1)
        exact_f1[name] = _mean(exact_values)
        overlap_f1[name] = _mean(overlap_values)
    return Ceiling(
        annotators=report.annotators,
        documents=report.documents,
        exact_f1=exact_f1,
        overlap_f1=overlap_f1,
    )


def layer_keys(store: Store, doc_id: str, layer: str) -> list[SpanKey]:
    return [(span.start, span.end, span.label) for span in store.spans(doc_id, layer)]


def evaluate_model(store: Store, model_dir: Path, layer: str | None = None) -> ModelEvaluation:
    """The model in ``model_dir`` on the documents it held out (its split's test part,
    else dev), against ``layer`` (default: the layer it was trained on) as it is now."""
    model = load_model(model_dir)
    meta = model.meta
    part = meta.held_out_part
    held_out = [doc_id for doc_id in meta.documents.get(part, []) if store.has_document(doc_id)]
    if not held_out:
        raise ModelError(
            f"{model_dir}: none of the documents it held out ({part}) is in this project"
        )
    reference_layer = layer or meta.layer
    labels = [*meta.span_labels, *meta.entity_labels]
    texts = [store.document(doc_id).text for doc_id in held_out]
    predicted = [
        [(span.start, span.end, span.label) for span in spans] for spans in model.predict(texts)
    ]
    references = [layer_keys(store, doc_id, reference_layer) for doc_id in held_out]
    return ModelEvaluation(
        model=str(model_dir),
        layer=reference_layer,
        scores=score_predictions(part, labels, references, predicted),
        ceiling=ceiling(store, held_out, labels),
    )


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_scores(scores: HeldOutScores, ceiling: Ceiling | None = None) -> list[str]:
    """The table of scores, one row per label, with the ceiling's F1 when given."""
    head = (
        f"{'label':<14}{'P':>6}{'R':>6}{'F1':>6}  {'P':>6}{'R':>6}{'F1':>6}  "
        f"{'spans':>5}{'found':>6}"
    )
    lines = [f"{'':<14}{' exact ':-^18}  {' overlap ':-^18}"]
    if ceiling is not None:
        lines[0] += f"  {'':<11}{' annotators F1 ':-^16}"
        head += f"  {'exact':>8}{'overlap':>8}"
    lines.append(head)
    for name, result in [*scores.labels.items(), (OVERALL, scores.overall)]:
        exact, overlap = result.exact, result.overlap
        row = (
            f"{name:<14}{_figure(exact.precision):>6}{_figure(exact.recall):>6}"
            f"{_figure(exact.f1):>6}  {_figure(overlap.precision):>6}"
            f"{_figure(overlap.recall):>6}{_figure(overlap.f1):>6}  "
            f"{exact.reference:>5}{exact.predicted:>6}"
        )
        if ceiling is not None:
            row += (
                f"  {_figure(ceiling.exact_f1.get(name)):>8}"
                f"{_figure(ceiling.overlap_f1.get(name)):>8}"
            )
        lines.append(row)
    return lines


def format_evaluation(evaluation: ModelEvaluation) -> str:
    scores = evaluation.scores
    lines = [
        f"{evaluation.model}: {scores.documents} held-out ({scores.part}) document(s), "
        f"against the {evaluation.layer} layer"
        + (" (reviewed)" if evaluation.layer == GOLD_LAYER else ""),
        *format_scores(scores, evaluation.ceiling),
    ]
    if evaluation.ceiling.note:
        lines.append(f"No ceiling: {evaluation.ceiling.note}.")
    else:
        lines.append(
            f"Annotators F1: {', '.join(evaluation.ceiling.annotators)} on "
            f"{evaluation.ceiling.documents} of these documents (mean over pairs)."
        )
    return "\n".join(lines)


"""Training the project model on a layer: a spaCy pipeline small enough for a laptop CPU.

The pipeline starts from ``spacy.blank(<the documents' language>)``: a shared token
encoder (``tok2vec``: hashed word, prefix, suffix and shape features, two convolution
layers), a **span categorizer** for the statement labels (claim, denial: long spans
that may nest, scored on clause-shaped candidates, ``core.span_candidates``) and an
**entity recognizer** for the entity labels (person, organisation, amount). When
spaCy's ``fr_core_news_sm`` is installed and the documents are French, the encoder
starts from that pipeline's trained one instead of from nothing. Nothing is
downloaded.

Documents are split with ``core.splits`` (the same parts, for the same option and
seed, as ``annotator export --split``); the model learns from ``train`` only and is
scored on the held-out part (``test`` when the split has one, else ``dev``).

The model directory appears whole or not at all: it is written beside its final
place and renamed there, so a cancelled or failed run leaves nothing behind.
"""

from __future__ import annotations

import math
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import ExportOptions, gold_records
from annotator.core.language import detect
from annotator.core.models import GOLD_LAYER, utc_now
from annotator.core.review.agreement import SpanKey
from annotator.core.splits import SplitSpec, assign_splits, parse_split
from annotator.core.store import Store
from annotator.core.training.evaluation import score_predictions
from annotator.core.training.project_model import (
    META_FILE,
    PIPELINE_FOLDER,
    SPANS_KEY,
    HeldOutScores,
    ModelMeta,
    is_model_dir,
    require_spacy,
    scored_spans,
)

DEFAULT_SPLIT = "train=0.8,dev=0.2"
TRAIN_PART = "train"
MIN_TRAIN_DOCUMENTS = 1
MIN_HELD_OUT_DOCUMENTS = 1
MIN_TRAIN_SPANS = 5
WIDTH = 64
BATCH_SIZE = 4
DROPOUT = 0.1
MIN_UPDATES = 120
"""Automatic epochs: enough passes for this many updates (a handful of documents
needs many passes, two hundred need few)."""
MIN_EPOCHS, MAX_EPOCHS = 4, 40
MAX_CANDIDATE_TOKENS = 60
SOURCE_PIPELINES = {"fr": "fr_core_news_sm"}


class TrainingError(AnnotatorError):
    """Training cannot start: no spaCy, too little data, a bad output folder."""


class TrainingCancelled(AnnotatorError):
    """The user stopped the training; nothing was written."""


@dataclass(frozen=True)
class LabelledText:
    """One document of the layer: its text and spans (code point offsets)."""

    doc_id: str
    text: str
    language: str | None
    spans: tuple[SpanKey, ...]


@dataclass
class TrainingOptions:
    layer: str = GOLD_LAYER
    """Whose spans to learn: the gold layer, or an annotator's."""
    status: str = "any"
    """any, done (done or reviewed) or reviewed, as for export."""
    split: str = DEFAULT_SPLIT
    seed: int = 0
    epochs: int | None = None
    """None: chosen from the amount of data (see MIN_UPDATES)."""


@dataclass(frozen=True)
class TrainingProgress:
    """Where a run is: shown by the command line and the window."""

    step: int
    steps: int
    epoch: int
    epochs: int
    loss: float
    stage: str = ""
    """For a learning curve: which step of the curve."""


Progress = Callable[[TrainingProgress], None]
ShouldCancel = Callable[[], bool]


@dataclass
class TrainingPlan:
    """The data split and the labels, checked: what a run will learn and test on."""

    parts: dict[str, list[LabelledText]]
    span_labels: list[str]
    entity_labels: list[str]
    language: str
    spec: SplitSpec
    options: TrainingOptions
    label_counts: Counter[str] = field(default_factory=Counter)

    @property
    def train(self) -> list[LabelledText]:
        return self.parts.get(TRAIN_PART, [])

    @property
    def held_out_part(self) -> str:
        return "test" if self.parts.get("test") else "dev"

    @property
    def held_out(self) -> list[LabelledText]:
        return self.parts.get(self.held_out_part, [])


def labelled_texts(
    store: Store, layer: str = GOLD_LAYER, status: str = "any"
) -> list[LabelledText]:
    """The layer's documents (those with spans or a status, as export chooses them)."""
    options = ExportOptions(
        gold=layer == GOLD_LAYER,
        annotators=None if layer == GOLD_LAYER else [layer],
        status=status,
    )
    return [
        LabelledText(
            doc_id=record["id"],
            text=record["text"],
            language=record["language"],
            spans=tuple((span["start"], span["end"], span["label"]) for span in record["spans"]),
        )
        for record in gold_records(store, options)
    ]


def _language(texts: Sequence[LabelledText]) -> str:
    votes = Counter(text.language or detect(text.text) or "fr" for text in texts)
    return max(sorted(votes), key=lambda name: votes[name]) if votes else "fr"


def plan_training(store: Store, options: TrainingOptions) -> TrainingPlan:
    """Split the layer's documents and check there is enough to learn and to test."""
    spec = parse_split(options.split, options.seed)
    if TRAIN_PART not in spec.names:
        raise TrainingError(f"the split {options.split!r} has no {TRAIN_PART!r} part")
    if "dev" not in spec.names and "test" not in spec.names:
        raise TrainingError(
            f"the split {options.split!r} holds nothing out: add a dev or test part"
        )
    layer = options.layer
    if layer != GOLD_LAYER and layer not in store.annotators():
        known = ", ".join(name for name in store.annotators()) or "none"
        raise TrainingError(f"no annotator named {layer} in the project; it has {known}")
    texts = labelled_texts(store, layer, options.status)
    assignment = assign_splits((text.doc_id for text in texts), spec)
    parts: dict[str, list[LabelledText]] = {name: [] for name in spec.names}
    for text in texts:
        parts[assignment[text.doc_id]].append(text)
    label_set = store.label_set()
    span_labels = [label.name for label in label_set.labels if label.kind == "statement"]
    entity_labels = [label.name for label in label_set.labels if label.kind == "entity"]
    plan = TrainingPlan(
        parts=parts,
        span_labels=span_labels,
        entity_labels=entity_labels,
        language=_language(texts),
        spec=spec,
        options=options,
    )
    for text in plan.train:
        plan.label_counts.update(key[2] for key in text.spans)
    _check_enough(plan, len(texts))
    return plan


def _check_enough(plan: TrainingPlan, documents: int) -> None:
    options = plan.options
    which = f"the {options.layer} layer" + (
        f" ({options.status} only)" if options.status != "any" else ""
    )
    train_spans = sum(plan.label_counts.values())
    if (
        len(plan.train) >= MIN_TRAIN_DOCUMENTS
        and len(plan.held_out) >= MIN_HELD_OUT_DOCUMENTS
        and train_spans >= MIN_TRAIN_SPANS
    ):
        return
    raise TrainingError(
        f"too little data to train: {which} has {documents} annotated document(s); the "
        f"split {options.split} (seed {options.seed}) gives {len(plan.train)} to train on "
        f"with {train_spans} span(s) and {len(plan.held_out)} held out ({plan.held_out_part}). "
        f"Training needs at least {MIN_TRAIN_DOCUMENTS} document(s) to train on with "
        f"{MIN_TRAIN_SPANS} spans or more, and {MIN_HELD_OUT_DOCUMENTS} held out to test on: "
        "annotate more articles (or choose another layer with --annotator)"
    )


# -- the pipeline ----------------------------------------------------------------------


def _blank(spacy: Any, language: str) -> Any:
    try:
        return spacy.blank(language)
    except (ImportError, KeyError, ValueError, OSError):
        return spacy.blank("xx")  # spaCy's multi-language tokeniser


def _source_pipeline(spacy: Any, language: str) -> Any | None:
    """spaCy's trained small pipeline for the language, when installed."""
    import importlib.util

    package = SOURCE_PIPELINES.get(language)
    if package is None or importlib.util.find_spec(package) is None:
        return None
    try:
        return spacy.load(package, exclude=["parser", "lemmatizer", "morphologizer", "ner"])
    except (OSError, ValueError, ImportError):
        return None


ENTITY_BEAM_WIDTH = 8


def build_pipeline(plan: TrainingPlan) -> tuple[Any, str]:
    """A fresh pipeline for the plan's labels, and what its token vectors start from."""
    spacy = require_spacy()
    import annotator.core.training.span_candidates as candidates

    candidates.register()
    nlp = _blank(spacy, plan.language)
    source = _source_pipeline(spacy, plan.language)
    width = WIDTH
    features = "blank (hashed word features)"
    if source is not None and "tok2vec" in source.pipe_names:
        nlp.add_pipe("tok2vec", source=source)
        width = int(source.get_pipe("tok2vec").model.get_dim("nO"))
        features = f"{SOURCE_PIPELINES[plan.language]} tok2vec"
    else:
        nlp.add_pipe(
            "tok2vec",
            config={
                "model": {
                    "@architectures": "spacy.Tok2Vec.v2",
                    "embed": {
                        "@architectures": "spacy.MultiHashEmbed.v2",
                        "width": width,
                        "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                        "rows": [5000, 1000, 2500, 1000],
                        "include_static_vectors": False,
                    },
                    "encode": {
                        "@architectures": "spacy.MaxoutWindowEncoder.v2",
                        "width": width,
                        "depth": 2,
                        "window_size": 1,
                        "maxout_pieces": 3,
                    },
                }
            },
        )
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "*"}
    if plan.entity_labels:
        # The beam gives each entity a probability, shown with its suggestion: an
        # annotator can then accept the sure ones and look twice at the others.
        ner = nlp.add_pipe(
            "beam_ner",
            name="ner",
            config={
                "beam_width": ENTITY_BEAM_WIDTH,
                "model": {
                    "@architectures": "spacy.TransitionBasedParser.v2",
                    "state_type": "ner",
                    "extra_state_tokens": False,
                    "hidden_width": 64,
                    "maxout_pieces": 2,
                    "use_upper": True,
                    "tok2vec": listener,
                }
            },
        )
        for label in plan.entity_labels:
            ner.add_label(label)
    if plan.span_labels:
        spancat = nlp.add_pipe(
            "spancat",
            config={
                "spans_key": SPANS_KEY,
                "threshold": 0.5,
                "suggester": {
                    "@misc": candidates.SUGGESTER_NAME,
                    "max_length": MAX_CANDIDATE_TOKENS,
                },
                "model": {
                    "@architectures": "spacy.SpanCategorizer.v1",
                    "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 64},
                    "scorer": {"@layers": "spacy.LinearLogistic.v1"},
                    "tok2vec": listener,
                },
            },
        )
        for label in plan.span_labels:
            spancat.add_label(label)
    return nlp, features


def make_examples(nlp: Any, texts: Sequence[LabelledText], plan: TrainingPlan) -> list[Any]:
    """spaCy training examples: statements in ``doc.spans``, entities in ``doc.ents``
    (overlapping entities: the longest; a span is widened to whole tokens)."""
    from spacy.training import Example
    from spacy.util import filter_spans

    span_labels, entity_labels = set(plan.span_labels), set(plan.entity_labels)
    examples = []
    for text in texts:
        reference = nlp.make_doc(text.text)
        statements, entities = [], []
        for start, end, label in text.spans:
            span = reference.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if label in span_labels:
                statements.append(span)
            elif label in entity_labels:
                entities.append(span)
        reference.spans[SPANS_KEY] = statements
        reference.ents = filter_spans(entities)
        examples.append(Example(nlp.make_doc(text.text), reference))
    return examples


def automatic_epochs(train_documents: int) -> int:
    batches = max(1, math.ceil(train_documents / BATCH_SIZE))
    return max(MIN_EPOCHS, min(MAX_EPOCHS, math.ceil(MIN_UPDATES / batches)))


def fit(
    nlp: Any,
    examples: list[Any],
    epochs: int,
    seed: int,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    stage: str = "",
) -> None:
    """Train the pipeline in place: ``epochs`` shuffled passes in batches."""
    from spacy.util import fix_random_seed

    fix_random_seed(seed)
    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(seed).shuffle
    batches = math.ceil(len(examples) / BATCH_SIZE)
    steps = epochs * batches
    step = 0
    for epoch in range(1, epochs + 1):
        order = list(examples)
        shuffle(order)
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            if should_cancel is not None and should_cancel():
                raise TrainingCancelled("training cancelled; nothing was written")
            losses: dict[str, float] = {}
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
            step += 1
            if progress is not None:
                progress(
                    TrainingProgress(step, steps, epoch, epochs, float(sum(losses.values())), stage)
                )


def held_out_scores(nlp: Any, plan: TrainingPlan) -> HeldOutScores:
    """The trained pipeline against the layer on the held-out documents."""
    texts = plan.held_out
    predicted = [
        [(span.start, span.end, span.label) for span in spans]
        for spans in scored_spans(nlp, [text.text for text in texts])
    ]
    return score_predictions(
        plan.held_out_part,
        [*plan.span_labels, *plan.entity_labels],
        [list(text.spans) for text in texts],
        predicted,
    )


@dataclass
class TrainedModel:
    nlp: Any
    meta: ModelMeta


def train_model(
    store: Store,
    options: TrainingOptions,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    *,
    plan: TrainingPlan | None = None,
    train_texts: Sequence[LabelledText] | None = None,
    stage: str = "",
) -> TrainedModel:
    """Train and score a model (in memory); ``train_texts`` trains on a subset."""
    plan = plan or plan_training(store, options)
    nlp, features = build_pipeline(plan)
    texts = list(plan.train if train_texts is None else train_texts)
    epochs = options.epochs or automatic_epochs(len(texts))
    started = time.perf_counter()
    fit(nlp, make_examples(nlp, texts, plan), epochs, options.seed, progress, should_cancel, stage)
    seconds = time.perf_counter() - started
    documents = {name: [text.doc_id for text in part] for name, part in plan.parts.items()}
    documents[TRAIN_PART] = [text.doc_id for text in texts]
    meta = ModelMeta(
        created_at=utc_now(),
        annotator_version=__version__,
        project=str(Path(store.path).resolve()) if store.path != ":memory:" else store.path,
        layer=options.layer,
        status=options.status,
        language=plan.language,
        span_labels=plan.span_labels,
        entity_labels=plan.entity_labels,
        split=",".join(f"{name}={share:g}" for name, share in plan.spec.parts),
        seed=options.seed,
        documents=documents,
        epochs=epochs,
        training_seconds=round(seconds, 2),
        features=features,
        scores=held_out_scores(nlp, plan),
    )
    return TrainedModel(nlp, meta)


def _check_output(output: Path, replace: bool) -> None:
    if not output.exists() or (output.is_dir() and not any(output.iterdir())):
        return
    if not output.is_dir() or not is_model_dir(output):
        raise TrainingError(f"{output}: already exists and is not a model; choose another folder")
    if not replace:
        raise TrainingError(f"{output}: a model is already there; use --force to replace it")


def write_model(trained: TrainedModel, output: Path, *, replace: bool = False) -> Path:
    """Write the model directory whole, or leave nothing. An existing folder is
    replaced only when it is a model and ``replace`` is set."""
    output = Path(output)
    _check_output(output, replace)
    if output.is_dir() and not any(output.iterdir()):
        output.rmdir()  # an empty folder holds nothing to lose
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        trained.nlp.to_disk(partial / PIPELINE_FOLDER)
        (partial / META_FILE).write_text(trained.meta.model_dump_json(indent=2), encoding="utf-8")
        if output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old.", dir=output.parent))
            output.rename(old / "model")
            partial.rename(output)
            shutil.rmtree(old)
        else:
            partial.rename(output)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return output


def train(
    store: Store,
    output: Path,
    options: TrainingOptions,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    *,
    replace: bool = False,
) -> ModelMeta:
    """Train on the layer, write the model to ``output`` and record it in the project."""
    output = Path(output)
    _check_output(output, replace)  # before minutes of training, not after
    trained = train_model(store, options, progress, should_cancel)
    write_model(trained, output, replace=replace)
    if not store.read_only:
        store.record_model(output)
    return trained.meta


# -- learning curve -------------------------------------------------------------------

CURVE_FRACTIONS = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class CurvePoint:
    fraction: float
    documents: int
    spans: int
    scores: HeldOutScores


@dataclass
class LearningCurve:
    points: list[CurvePoint]
    labels: list[str]
    held_out_part: str
    held_out_documents: int


def train_curve(
    store: Store,
    options: TrainingOptions,
    fractions: Sequence[float] = CURVE_FRACTIONS,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> LearningCurve:
    """Train on growing shares of the training documents (the first of them in split
    order, so each step holds the previous one) and score each on the same held-out
    documents."""
    plan = plan_training(store, options)
    points = []
    for fraction in fractions:
        count = max(1, math.ceil(len(plan.train) * fraction))
        subset = plan.train[:count]
        trained = train_model(
            store,
            options,
            progress,
            should_cancel,
            plan=plan,
            train_texts=subset,
            stage=f"{fraction:.0%}",
        )
        assert trained.meta.scores is not None
        points.append(
            CurvePoint(
                fraction=fraction,
                documents=count,
                spans=sum(len(text.spans) for text in subset),
                scores=trained.meta.scores,
            )
        )
    return LearningCurve(
        points=points,
        labels=[*plan.span_labels, *plan.entity_labels],
        held_out_part=plan.held_out_part,
        held_out_documents=len(plan.held_out),
    )


def curve_json(curve: LearningCurve) -> str:
    """The curve's figures as JSON (each step's scores as in a model's meta.json)."""
    import json

    return json.dumps(
        {
            "labels": curve.labels,
            "held_out_part": curve.held_out_part,
            "held_out_documents": curve.held_out_documents,
            "points": [
                {
                    "fraction": point.fraction,
                    "documents": point.documents,
                    "spans": point.spans,
                    "scores": point.scores.model_dump(),
                }
                for point in curve.points
            ],
        },
        indent=2,
    )


def format_curve(curve: LearningCurve) -> str:
    def figure(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [
        f"F1 on {curve.held_out_documents} held-out ({curve.held_out_part}) document(s), "
        "exact match (overlap in brackets)",
        f"{'share':>6}{'docs':>6}{'spans':>7}  "
        + "".join(f"{name[:13]:>14}" for name in [*curve.labels, "overall"]),
    ]
    for point in curve.points:
        results = [point.scores.labels[name] for name in curve.labels]
        cells = [
            f"{figure(result.exact.f1)} ({figure(result.overlap.f1)})"
            for result in [*results, point.scores.overall]
        ]
        lines.append(
            f"{point.fraction:>6.0%}{point.documents:>6}{point.spans:>7}  "
            + "".join(f"{cell:>14}" for cell in cells)
        )
    return "\n".join(lines)

"""The project's model on disk: a spaCy pipeline and the ``meta.json`` that says what it is.

A model directory holds ``meta.json`` (this module's :class:`ModelMeta`: the project,
the layer and label scheme it learnt, the documents it was trained on and held out,
its scores) and ``pipeline/``, the spaCy pipeline (spaCy's own files, its own
``meta.json`` among them). A project remembers the directories its models were
written to (``Store.model_paths``), so ``annotator models`` lists them and the
``project-model`` suggester finds the newest.

spaCy is an optional extra (``annotator[spacy]``); everything here that needs it says
so in one line when it is missing.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.store import Store

MODEL_FORMAT = "annotator-model"
META_FILE = "meta.json"
PIPELINE_FOLDER = "pipeline"
SPANS_KEY = "sc"
SPACY_HINT = "spaCy is not installed: pip install 'annotator[spacy]'"


class ModelError(AnnotatorError):
    """A model directory that cannot be read, or a model that cannot run."""


def require_spacy() -> Any:
    """spaCy, or a one-line :class:`ModelError` saying how to install it."""
    try:
        import spacy
    except ImportError:
        raise ModelError(SPACY_HINT) from None
    return spacy


class LabelScore(BaseModel):
    precision: float | None
    recall: float | None
    f1: float | None
    matches: int
    reference: int = Field(description="Spans of the layer in the held-out documents.")
    predicted: int = Field(description="Spans the model found there.")


class LabelResult(BaseModel):
    exact: LabelScore
    overlap: LabelScore


class HeldOutScores(BaseModel):
    """The model against the layer on documents it was not trained on."""

    part: str = Field(description="Which part of the split: dev or test.")
    documents: int
    labels: dict[str, LabelResult]
    overall: LabelResult


class ModelMeta(BaseModel):
    format: str = MODEL_FORMAT
    format_version: int = 1
    created_at: str
    annotator_version: str
    project: str = Field(description="The project file the model was trained from.")
    layer: str = Field(description="Whose spans it learnt: gold or an annotator.")
    status: str = Field(description="Which layers: any, done or reviewed.")
    language: str
    span_labels: list[str] = Field(description="Labels of the span categorizer (statements).")
    entity_labels: list[str] = Field(description="Labels of the entity recognizer.")
    split: str = Field(description="The split, as --split takes it.")
    seed: int
    documents: dict[str, list[str]] = Field(description="Document ids per part of the split.")
    epochs: int
    training_seconds: float
    features: str = Field(description="What the tokens' vectors start from.")
    scores: HeldOutScores | None = None

    @property
    def trained_on(self) -> list[str]:
        return self.documents.get("train", [])

    @property
    def held_out_part(self) -> str:
        return "test" if self.documents.get("test") else "dev"


def read_meta(model_dir: Path) -> ModelMeta:
    """The model's ``meta.json``; a clear error when the folder is not a model."""
    path = Path(model_dir) / META_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"{model_dir}: not a model directory (no {META_FILE})") from None
    except OSError as error:
        raise ModelError(f"{path}: cannot read ({error.strerror or error})") from error
    try:
        meta = ModelMeta.model_validate_json(raw)
    except ValidationError as error:
        problem = error.errors()[0]["msg"]
        raise ModelError(f"{path}: not an annotator model's meta.json ({problem})") from None
    if meta.format != MODEL_FORMAT:
        raise ModelError(f"{path}: not an annotator model (format {meta.format!r})")
    return meta


def is_model_dir(path: Path) -> bool:
    try:
        read_meta(path)
    except ModelError:
        return False
    return True


# -- loading and predicting ----------------------------------------------------------


class ScoredSpan(BaseModel):
    start: int
    end: int
    label: str
    score: float = Field(ge=0.0, le=1.0)


class ProjectModel:
    """A loaded model: predicts scored spans in a text. Thread-safe (one lock)."""

    def __init__(self, model_dir: Path) -> None:
        self.path = Path(model_dir)
        self.meta = read_meta(self.path)
        spacy = require_spacy()
        from annotator.core.training.span_candidates import register

        register()

        try:
            self.nlp = spacy.load(self.path / PIPELINE_FOLDER)
        except (OSError, ValueError) as error:
            raise ModelError(f"{self.path}: cannot load the pipeline ({error})") from error
        self._lock = threading.Lock()

    def predict(self, texts: list[str]) -> list[list[ScoredSpan]]:
        with self._lock:
            return list(scored_spans(self.nlp, texts))

    def uncertainty(self, texts: list[str]) -> list[float]:
        """How unsure the span categorizer is about each text, 0 (sure) to 1: the mean
        closeness to 0.5 of its most doubtful candidate scores. An article where many
        clauses could be claims or not teaches the model more once annotated."""
        import numpy as np

        if "spancat" not in self.nlp.pipe_names:
            return [0.0] * len(texts)
        spancat = self.nlp.get_pipe("spancat")
        found = []
        with self._lock:
            for doc in self.nlp.pipe(texts, disable=["ner", "spancat"]):
                _, scores = spancat.predict([doc])
                doubt = 1.0 - np.abs(2.0 * np.asarray(scores, dtype="f").ravel() - 1.0)
                if not doubt.size:
                    found.append(0.0)
                    continue
                top = np.sort(doubt)[-UNCERTAIN_CANDIDATES:]
                found.append(float(top.mean()))
        return found


def scored_spans(nlp: Any, texts: list[str]) -> Iterator[list[ScoredSpan]]:
    """Each text's statements, scored with the span categorizer's probability, and its
    entities, scored with the probability the entity recognizer's beam gives them (the
    share of the beam's parses that contain the entity). A model trained before the
    recognizer searched with a beam decides greedily: its entities score 1.0."""
    if "ner" not in nlp.pipe_names:
        for doc in nlp.pipe(texts):
            yield _statements(doc)
        return
    ner = nlp.get_pipe("ner")
    beam = int(ner.cfg.get("beam_width", 1)) > 1
    for doc in nlp.pipe(texts, disable=["ner"]):
        entity_scores: dict[tuple[int, int, str], float] = {}
        if len(doc):
            parses = ner.predict([doc])
            ner.set_annotations([doc], parses)
            if beam:
                entity_scores = ner.scored_ents(parses)[0]
        found = _statements(doc)
        for entity in doc.ents:
            score = entity_scores.get((entity.start, entity.end, entity.label_), 1.0)
            found.append(_scored(entity.start_char, entity.end_char, entity.label_, score))
        yield sorted(found, key=lambda s: (s.start, -s.end, s.label))


def _statements(doc: Any) -> list[ScoredSpan]:
    found: list[ScoredSpan] = []
    if SPANS_KEY in doc.spans:
        group = doc.spans[SPANS_KEY]
        scores = group.attrs.get("scores")
        for index, span in enumerate(group):
            score = float(scores[index]) if scores is not None else 1.0
            found.append(_scored(span.start_char, span.end_char, span.label_, score))
    return found


def _scored(start: int, end: int, label: str, score: float) -> ScoredSpan:
    return ScoredSpan(start=start, end=end, label=label, score=min(1.0, max(0.0, score)))


UNCERTAIN_CANDIDATES = 10


_loaded: dict[tuple[str, float], ProjectModel] = {}
_loaded_lock = threading.Lock()


def load_model(model_dir: Path) -> ProjectModel:
    """The model in ``model_dir``, loaded once per version of its files and shared."""
    meta_path = Path(model_dir) / META_FILE
    try:
        key = (str(Path(model_dir).resolve()), meta_path.stat().st_mtime)
    except OSError:
        raise ModelError(f"{model_dir}: not a model directory (no {META_FILE})") from None
    with _loaded_lock:
        if key not in _loaded:
            for stale in [known for known in _loaded if known[0] == key[0]]:
                del _loaded[stale]  # an older version of the same folder
            _loaded[key] = ProjectModel(Path(model_dir))
        return _loaded[key]


# -- the project's models ---------------------------------------------------------------


_metas: dict[tuple[str, int], ModelMeta] = {}


def _meta_of(path: Path) -> ModelMeta | None:
    """``read_meta``, read again only when the file changed: the window asks on every
    article it opens, and a meta.json lists every document id."""
    try:
        key = (str(path), (path / META_FILE).stat().st_mtime_ns)
    except OSError:
        return None
    if key not in _metas:
        try:
            _metas[key] = read_meta(path)
        except ModelError:
            return None
    return _metas[key]


def project_models(store: Store) -> list[tuple[Path, ModelMeta | None]]:
    """The model directories the project wrote, oldest first, with their meta (None
    when the directory is gone or no longer a model)."""
    return [(Path(text), _meta_of(Path(text))) for text in store.model_paths()]


def latest_model_dir(store: Store) -> Path | None:
    """The newest model the project trained that is still there."""
    present = [(meta.created_at, path) for path, meta in project_models(store) if meta]
    return max(present)[1] if present else None


def unavailable_reason(store: Store) -> str | None:
    """None when the project model can suggest, else why not (for the user)."""
    if importlib.util.find_spec("spacy") is None:
        return SPACY_HINT
    if latest_model_dir(store) is None:
        return "the project has no model yet: train one with `annotator train -o MODEL_DIR`"
    return None

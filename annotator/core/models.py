"""The domain: documents, spans, labels and who made them.

Offsets are Unicode code point indices into ``Document.text``, end exclusive.
Nothing here knows about Qt or SQL.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION: Final = 2
GOLD_LAYER = "gold"
"""The annotator name under which adjudicated (reviewed) spans are stored."""


def utc_now() -> str:
    """An ISO 8601 timestamp in UTC, to the millisecond: sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so the same article hashes the same on every OS."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """A document is its text: the id is the SHA-256 of the newline-normalised text."""
    return hashlib.sha256(normalise_newlines(text).encode("utf-8")).hexdigest()


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REVIEWED = "reviewed"


class Origin(StrEnum):
    MANUAL = "manual"
    IMPORTED = "imported"
    SUGGESTED_AMOUNT = "suggested:amount"
    SUGGESTED_GAZETTEER = "suggested:gazetteer"
    SUGGESTED_MODEL = "suggested:model"
    REVIEW = "review"
    CARRIED_OVER = "carried-over"


_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_label_name(value: str) -> bool:
    """A letter of any alphabet, then letters, digits, '_' or '-' (accents in either
    Unicode form: combining marks count with their letter)."""
    return (
        bool(value)
        and value[0].isalpha()
        and all(
            char.isalnum() or char in "_-" or unicodedata.category(char).startswith("M")
            for char in value
        )
    )


ATTRIBUTE_KINDS: Final = ("choice", "text", "number", "yes/no")


class Attribute(BaseModel):
    """A typed attribute of a label's spans, stored as ``Span.attrs[name]``: a choice
    from a list (a claim's verdict), free text, a number, or yes/no."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="The key in a span's attrs, e.g. 'verdict'.")
    kind: str = Field(default="choice", description="choice, text, number or yes/no.")
    choices: list[str] = Field(default_factory=list, description="A choice's values.")
    unrated: list[str] = Field(
        default_factory=list,
        description="Choices that rate nothing (a verdict of 'unverifiable').",
    )
    key: str | None = Field(default=None, description="Its key in the span panel.")
    display: dict[str, str] = Field(default_factory=dict)
    choice_display: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="A choice's name per language code."
    )

    @field_validator("name")
    @classmethod
    def _name_is_identifier(cls, value: str) -> str:
        if not is_label_name(value):
            raise ValueError(
                f"attribute name {value!r} must start with a letter and hold only "
                "letters, digits, '_' or '-'"
            )
        return value

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in ATTRIBUTE_KINDS:
            kinds = ", ".join(ATTRIBUTE_KINDS)
            raise ValueError(f"attribute kind {value!r} must be one of {kinds}")
        return value

    @field_validator("key")
    @classmethod
    def _single_character(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 1 or not value.isalnum()):
            raise ValueError(f"attribute key {value!r} must be one letter or digit")
        return value.lower() if value else value

    @model_validator(mode="after")
    def _choices_fit_the_kind(self) -> Attribute:
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"attribute {self.name!r} is a choice with no values to choose")
        if len(set(self.choices)) != len(self.choices):
            raise ValueError(f"attribute {self.name!r} lists a value twice")
        unknown = [value for value in self.unrated if value not in self.choices]
        if unknown:
            raise ValueError(f"attribute {self.name!r}: unrated {unknown} are not among its values")
        return self

    def display_name(self, language: str = "en") -> str:
        return self.display.get(language) or self.display.get("en") or self.name

    def choice_name(self, value: object, language: str = "en") -> str:
        if isinstance(value, bool):
            return {True: "yes", False: "no"}[value]
        names = self.choice_display.get(str(value), {})
        return names.get(language) or names.get("en") or str(value)

    def check_value(self, value: object) -> object:
        """The value as stored; ValueError when it does not fit the attribute."""
        if self.kind == "choice":
            if value not in self.choices:
                raise ValueError(
                    f"{value!r} is not a value of {self.name} ({', '.join(self.choices)})"
                )
            return value
        if self.kind == "yes/no":
            if isinstance(value, bool):
                return value
            words = {"yes": True, "true": True, "oui": True, "no": False, "false": False,
                     "non": False}
            if isinstance(value, str) and value.strip().lower() in words:
                return words[value.strip().lower()]
            raise ValueError(f"{self.name} is yes or no, not {value!r}")
        if self.kind == "number":
            if isinstance(value, bool):
                raise ValueError(f"{self.name} is a number, not {value!r}")
            if isinstance(value, int | float):
                return value
            try:
                number = float(str(value).replace(",", ".").strip())
            except ValueError:
                raise ValueError(f"{self.name} is a number, not {value!r}") from None
            return int(number) if number.is_integer() else number
        if not isinstance(value, str):
            raise ValueError(f"{self.name} is text, not {value!r}")
        return value


class Label(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Stable identifier written in exports, e.g. 'claim'.")
    key: str = Field(description="Shortcut key: a digit or a letter.")
    letter: str | None = Field(default=None, description="Second shortcut: a letter.")
    color: str = Field(description="Background colour, #RRGGBB.")
    display: dict[str, str] = Field(
        default_factory=dict, description="Display name per language code."
    )
    kind: str = Field(
        default="entity",
        description="'statement' spans (claims, denials) are drawn as underlines, "
        "'entity' spans as backgrounds, so nested spans stay visible.",
    )
    attributes: list[Attribute] = Field(
        default_factory=list, description="Typed attributes of its spans (a verdict)."
    )
    retired: bool = Field(
        default=False,
        description="Kept for the spans made with it (drawn, exported), not offered for new tags.",
    )
    guidelines: dict[str, str] = Field(
        default_factory=dict, description="How to tag it, Markdown, per language code."
    )

    @field_validator("name")
    @classmethod
    def _name_is_identifier(cls, value: str) -> str:
        if not is_label_name(value):
            raise ValueError(
                f"label name {value!r} must start with a letter (of any alphabet) and hold "
                "only letters, digits, '_' or '-' (other tools cannot store spaces)"
            )
        return value

    @field_validator("key", "letter")
    @classmethod
    def _single_character(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 1 or not value.isalnum()):
            raise ValueError(f"shortcut {value!r} must be one letter or digit")
        return value.lower() if value else value

    @field_validator("color")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not _HEX_COLOUR.match(value):
            raise ValueError(f"colour {value!r} must be #RRGGBB")
        return value.upper()

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in ("entity", "statement"):
            raise ValueError(f"kind {value!r} must be 'entity' or 'statement'")
        return value

    def display_name(self, language: str = "en") -> str:
        return self.display.get(language) or self.display.get("en") or self.name

    def attribute(self, name: str) -> Attribute | None:
        return next((attribute for attribute in self.attributes if attribute.name == name), None)

    def guideline(self, language: str = "en") -> str:
        return self.guidelines.get(language) or self.guidelines.get("en") or ""

    @model_validator(mode="after")
    def _unique_attributes(self) -> Label:
        names = [attribute.name for attribute in self.attributes]
        twice = {name for name in names if names.count(name) > 1}
        if twice:
            first = sorted(twice)[0]
            raise ValueError(f"label {self.name!r} defines the attribute {first!r} twice")
        keys = [attribute.key for attribute in self.attributes if attribute.key]
        if len(set(keys)) != len(keys):
            raise ValueError(f"label {self.name!r} gives two attributes the same key")
        return self


class SchemeChange(BaseModel):
    """One version of the scheme: when it began and what changed to make it."""

    model_config = ConfigDict(frozen=True)

    version: int = Field(ge=1)
    at: str = Field(default_factory=utc_now)
    change: str = ""


class LinkType(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    source_labels: list[str]
    target_labels: list[str]
    display: dict[str, str] = Field(default_factory=dict)
    cross_document: bool = Field(
        default=False,
        description="True when the two spans may be in different documents "
        "(a denial of a claim made in another article).",
    )

    def display_name(self, language: str = "en") -> str:
        return self.display.get(language) or self.display.get("en") or self.name


class LabelSet(BaseModel):
    labels: list[Label]
    link_types: list[LinkType] = Field(default_factory=list)
    version: int = Field(default=1, ge=1, description="The scheme's version, one up per change.")
    history: list[SchemeChange] = Field(
        default_factory=list, description="Each version after the first: when and what."
    )
    guidelines: dict[str, str] = Field(
        default_factory=dict, description="The project's guidelines, Markdown, per language."
    )

    @model_validator(mode="after")
    def _unique_names_and_keys(self) -> LabelSet:
        seen_names: set[str] = set()
        seen_keys: dict[str, str] = {}
        for label in self.labels:
            if label.name in seen_names:
                raise ValueError(f"label {label.name!r} is defined twice")
            seen_names.add(label.name)
            for shortcut in (label.key, label.letter):
                if shortcut is None or label.retired:
                    continue
                if shortcut in seen_keys:
                    raise ValueError(
                        f"shortcut {shortcut!r} is used by both "
                        f"{seen_keys[shortcut]!r} and {label.name!r}"
                    )
                seen_keys[shortcut] = label.name
        for link in self.link_types:
            for name in (*link.source_labels, *link.target_labels):
                if name not in seen_names:
                    raise ValueError(f"link type {link.name!r} names unknown label {name!r}")
        return self

    @property
    def names(self) -> list[str]:
        return [label.name for label in self.labels]

    def get(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    def by_shortcut(self, key: str) -> Label | None:
        key = key.lower()
        return next(
            (
                label
                for label in self.labels
                if not label.retired and key in (label.key, label.letter)
            ),
            None,
        )

    @property
    def active(self) -> list[Label]:
        """The labels offered for new tags (retired ones are kept for old spans only)."""
        return [label for label in self.labels if not label.retired]

    def guideline(self, language: str = "en") -> str:
        return self.guidelines.get(language) or self.guidelines.get("en") or ""

    def version_at(self, timestamp: str) -> int:
        """The scheme version in force at ``timestamp`` (a span's ``created_at``)."""
        return self.version_finder()(timestamp)

    def version_finder(self) -> Callable[[str], int]:
        """``version_at`` for many timestamps: the history sorted once, then bisected."""
        changes = sorted((change.at, change.version) for change in self.history)
        times = [at for at, _version in changes]
        versions = [1] + [version for _at, version in changes]
        return lambda timestamp: versions[bisect.bisect_right(times, timestamp)]


class Document(BaseModel):
    id: str
    title: str
    text: str
    source: str | None = None
    imported_at: str = Field(default_factory=utc_now)
    language: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, title: str | None = None, **fields: Any) -> Document:
        text = normalise_newlines(text)
        if title is None:
            title = first_line(text)
        return cls(id=document_id(text), title=title, text=text, **fields)


def first_line(text: str, limit: int = 200) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return ""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows: never the text, so a large project lists fast.

    A plain dataclass, not a pydantic model: the window builds 10,000 of them at
    start-up from rows the store has already checked, and validation would cost more
    than the query.
    """

    id: str
    title: str
    source: str | None
    length: int
    position: int
    status: Status = Status.NOT_STARTED
    span_count: int = 0
    outlet: str | None = None
    """Where it was published (``meta["site"]``), when known."""
    published: str | None = None
    """When it was published (``meta["date"]``, ISO 8601), when known."""


class Span(BaseModel):
    id: str
    doc_id: str
    annotator: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: str
    text: str
    origin: str = Origin.MANUAL.value
    attrs: dict[str, Any] = Field(default_factory=dict)
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)

    @model_validator(mode="after")
    def _non_empty(self) -> Span:
        if self.start >= self.end:
            raise ValueError(f"span start {self.start} must be before end {self.end}")
        return self


class SpanRow(NamedTuple):
    """A span as plain values, in ``Span``'s field order: what an import makes by the
    thousand (a model per span cost a sixth of an import). Make one with ``span_row``
    or check one with ``checked_span_row``: they check what ``Span`` checks."""

    id: str
    doc_id: str
    annotator: str
    start: int
    end: int
    label: str
    text: str
    origin: str
    attrs: dict[str, Any]
    created_at: str
    updated_at: str


def checked_span_row(row: SpanRow) -> SpanRow:
    """``row`` checked as ``Span`` checks its fields: values of exactly the right types
    with ``0 <= start < end`` pass as they are; anything else goes through ``Span``
    itself, which converts what it converts and raises its own ValidationError for the
    rest."""
    attrs = row.attrs
    if (
        type(row.start) is int
        and type(row.end) is int
        and 0 <= row.start < row.end
        and type(row.id) is str
        and type(row.doc_id) is str
        and type(row.annotator) is str
        and type(row.label) is str
        and type(row.text) is str
        and type(row.origin) is str
        and type(row.created_at) is str
        and type(row.updated_at) is str
        and type(attrs) is dict
        and (not attrs or all(type(key) is str for key in attrs))
    ):
        return row
    return SpanRow(**dict(Span(**row._asdict())))


def span_row(fields: dict[str, Any]) -> SpanRow:
    """``fields`` (every field of ``Span``) as a checked SpanRow."""
    return checked_span_row(SpanRow(**fields))


class SpanMismatch(ValueError):
    """A span's offsets do not select its text in the document."""


def check_span_against_text(text: str, start: int, end: int, span_text: str | None = None) -> str:
    """Return ``text[start:end]`` after checking the offsets; raise SpanMismatch otherwise."""
    if not (0 <= start < end <= len(text)):
        raise SpanMismatch(
            f"offsets {start}-{end} are outside the document (length {len(text)})"
        )
    selected = text[start:end]
    if span_text is not None and selected != span_text:
        raise SpanMismatch(
            f"offsets {start}-{end} select {selected!r}, not the span's text {span_text!r}"
        )
    return selected


class StatusEntry(BaseModel):
    doc_id: str
    annotator: str
    status: Status
    updated_at: str = Field(default_factory=utc_now)


def sort_spans(spans: list[Span]) -> list[Span]:
    """Export order: by start, then longest first, then label for a stable tie-break."""
    return sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.annotator, s.id))


# -- review: decisions on colleagues' spans ---------------------------


class DecisionKind(StrEnum):
    ACCEPT = "accept"
    """A span some chosen annotators had goes into gold as it is."""
    EDIT = "edit"
    """A span goes into gold with other boundaries or another label."""
    ADD = "add"
    """The reviewer adds a span none of the chosen annotators had."""
    REJECT = "reject"
    """A span stays out of gold."""


class Decision(BaseModel):
    """A reviewer's decision on one candidate span (start, end, label) of a document.

    ``start``/``end``/``label`` name the candidate decided upon, as the annotators had
    it; the gold span (``gold_span_id``) holds what went into gold, which differs from
    the candidate after an edit. A rejection has no gold span.
    """

    id: str
    doc_id: str
    reviewer: str
    decision: DecisionKind
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: str
    gold_span_id: str | None = None
    annotators: list[str] = Field(
        default_factory=list, description="The annotators whose layers had the candidate."
    )
    comment: str | None = None
    created_at: str = Field(default_factory=utc_now)


# -- attribution: links between spans ---------------------------------


class Link(BaseModel):
    """A typed, directed link between two spans of one annotator's layer, e.g. a claim
    ``said_by`` a person. The two spans may be in different documents when the link
    type allows it (``denies``, ``same_as``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    type: str
    from_span: str
    to_span: str
    annotator: str
    created_at: str = Field(default_factory=utc_now)


# -- notes: what an annotator writes down about a span or an article ---------


class Note(BaseModel):
    """A plain-text note by one author on a span (``span_id``) or on a whole article
    (``span_id`` None): "check this figure with legal". An author has at most one note
    per span and one per article; editing it keeps ``created_at``."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    span_id: str | None = None
    author: str
    text: str = Field(min_length=1)
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)

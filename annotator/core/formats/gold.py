"""The gold JSONL format: one document per line, a public contract.

The pydantic models here are the format's definition; ``schemas/gold.schema.json`` is
generated from them (``python -m annotator.core.formats.gold > schemas/gold.schema.json``) and a
test fails when the two drift apart.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from annotator.core.models import SCHEMA_VERSION


class GoldNote(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Note")

    id: str | None = None
    author: str = Field(description="Who wrote the note (an annotator or a reviewer).")
    text: str = Field(min_length=1, description="The note, plain text.")
    created_at: str | None = None
    updated_at: str | None = None


class GoldSpan(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Span")

    id: str = Field(description="Stable span id, unique in the file.")
    start: int = Field(ge=0, description="Code point offset of the first character.")
    end: int = Field(ge=1, description="Code point offset after the last character.")
    label: str
    text: str = Field(description="Exactly text[start:end] of the document.")
    annotator: str = Field(description="Who made the span ('gold' for the reviewed layer).")
    origin: str = Field(
        default="manual",
        description="manual, imported, review, or suggested:amount|gazetteer|model.",
    )
    created_at: str | None = None
    updated_at: str | None = None
    attrs: dict[str, Any] | None = Field(
        default=None,
        description="Label-specific attributes: an amount's value, currency, unit, min "
        "and max; the scheme's attributes by name (a claim's verdict, a person's role).",
    )
    annotators: list[str] | None = Field(
        default=None, description="Gold spans: the annotators whose layers had this span."
    )
    decision: str | None = Field(
        default=None, description="Gold spans: the reviewer's decision (accept, edit, add)."
    )
    reviewer: str | None = None
    review_comment: str | None = Field(
        default=None, description="Gold spans: the comment the reviewer gave with the decision."
    )
    notes: list[GoldNote] | None = Field(
        default=None, description="Notes written on this span, oldest first."
    )
    scheme_version: int | None = Field(
        default=None,
        description="The project's scheme version (labels, attributes) the span was made "
        "under; absent while the scheme never changed. The manifest's scheme is the latest.",
    )


class GoldRelation(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Relation")

    id: str
    type: str = Field(
        description="said_by, denies, amount_of or same_as (the label set's link_types)."
    )
    from_: str = Field(alias="from", description="Span id the link starts from.")
    to: str = Field(description="Span id the link points to (maybe in another document).")
    annotator: str | None = None


class GoldLayer(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Layer")

    annotator: str = Field(description="Whose layer ('gold' for the reviewed layer).")
    status: Literal["not_started", "in_progress", "done", "reviewed"] = Field(
        description="The layer's status on this document. A done or reviewed layer with "
        "no spans in the record is a negative example: nothing to tag."
    )


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", title="GoldDocument", populate_by_name=True)

    id: str = Field(description="SHA-256 of the document text (UTF-8, LF newlines).")
    title: str
    source: str | None = None
    text: str
    language: str | None = None
    spans: list[GoldSpan]
    relations: list[GoldRelation] | None = None
    layers: list[GoldLayer] | None = Field(
        default=None,
        description="The exported layers of this document and their status, by annotator.",
    )
    meta: dict[str, Any] = Field(default_factory=dict)
    notes: list[GoldNote] | None = Field(
        default=None, description="Notes written on the whole article, oldest first."
    )
    schema_version: Literal[1, 2] = Field(
        default=SCHEMA_VERSION,
        description="2 added notes, review comments and each span's scheme_version (the "
        "scheme's attributes are in attrs); files of version 1 still read.",
    )


def json_schema() -> dict[str, Any]:
    schema = GoldRecord.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://annotator.example/schemas/gold.schema.json"
    schema["description"] = (
        "One line of an annotator gold JSONL export: a document and its spans. "
        "Offsets are Unicode code point indices, end exclusive; text[start:end] == span.text."
    )
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(json_schema_text(), end="")

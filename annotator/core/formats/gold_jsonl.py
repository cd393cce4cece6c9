"""Reading our own gold JSONL back: each span keeps its id, annotator and provenance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.attribution.links import ForeignRelation
from annotator.core.formats.records import (
    ForeignFile,
    ForeignNote,
    ForeignRecord,
    ForeignSpan,
    iter_json_values,
)
from annotator.core.formats.validate import record_problems


def looks_like(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "schema_version" in value
        and isinstance(value.get("spans"), list)
        and isinstance(value.get("text"), str)
    )


def read(path: Path) -> ForeignFile:
    result = ForeignFile(path, "gold", [], fixed_unit="codepoints")
    seen_span_ids: dict[str, int] = {}
    for line, value in iter_json_values(path):
        problems = record_problems(value, line, seen_span_ids)
        if problems:
            result.records.append(
                ForeignRecord(path, line, None, problem="; ".join(p.message for p in problems))
            )
            continue
        record = ForeignRecord(
            path,
            line,
            value["text"],
            title=value.get("title"),
            source=value.get("source"),
            language=value.get("language"),
            meta=value.get("meta") or {},
            article_notes=_notes(value.get("notes")),
        )
        for span in value["spans"]:
            record.spans.append(
                ForeignSpan(
                    span["start"],
                    span["end"],
                    span["label"],
                    text=span["text"],
                    annotator=span["annotator"],
                    id=span["id"],
                    origin=span.get("origin"),
                    created_at=span.get("created_at"),
                    updated_at=span.get("updated_at"),
                    attrs=span.get("attrs"),
                    notes=_notes(span.get("notes")),
                )
            )
        for relation in value.get("relations") or ():
            record.relations.append(
                ForeignRelation(
                    relation["type"],
                    relation["from"],
                    relation["to"],
                    id=relation["id"],
                    annotator=relation.get("annotator"),
                )
            )
        result.records.append(record)
    return result


def _notes(values: list[dict[str, Any]] | None) -> list[ForeignNote]:
    return [
        ForeignNote(
            note["text"],
            author=note["author"],
            id=note.get("id"),
            created_at=note.get("created_at"),
            updated_at=note.get("updated_at"),
        )
        for note in values or ()
    ]

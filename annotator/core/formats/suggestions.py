"""Reading ``annotator suggest --json`` back: pre-annotations as a layer.

Each line is one suggestion ``{"doc", "start", "end", "label", "text", "origin",
"attrs"}`` on a document of the project (by its id; the line carries no article text).
Consecutive lines on one document make one record; offsets are code points, the span
text is checked against the document, and origin and amount readings are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.records import (
    ForeignFile,
    ForeignRecord,
    ForeignSpan,
    as_dict,
    as_int,
    as_str,
    iter_json_values,
)

KEYS = ("doc", "start", "end", "label", "origin")


def looks_like(value: Any) -> bool:
    return isinstance(value, dict) and all(key in value for key in KEYS) and "spans" not in value


def read(path: Path) -> ForeignFile:
    """One record per run of lines on the same document, named by the file (``--as``)."""
    return ForeignFile(
        path, "suggestions", [], fixed_unit="codepoints", reader=lambda _: _records(path)
    )


def _records(path: Path) -> Iterator[ForeignRecord]:
    record: ForeignRecord | None = None
    for line, value in iter_json_values(path):
        doc = as_str(value.get("doc")) if isinstance(value, dict) else None
        if record is None or doc is None or record.doc_id != doc:
            if record is not None:
                yield record
            record = ForeignRecord(
                path, line, None, annotator=path.stem, annotator_is_fallback=True, doc_id=doc
            )
        if not isinstance(value, dict) or doc is None:
            record.problem = "not a suggestion: want {doc, start, end, label, text, origin}"
            yield record
            record = None
            continue
        start, end, label = as_int(value.get("start")), as_int(value.get("end")), value.get("label")
        if start is None or end is None or not isinstance(label, str):
            record.problem = f"cannot read the suggestion on line {line}: want start, end, label"
            continue
        record.spans.append(
            ForeignSpan(
                start,
                end,
                label,
                text=as_str(value.get("text")),
                origin=as_str(value.get("origin")),
                attrs=as_dict(value.get("attrs")) or None,
                line=line,
            )
        )
    if record is not None:
        yield record

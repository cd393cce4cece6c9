"""doccano sequence-labelling JSONL: ``{"id", "text", "label": [[start, end, "LABEL"]]}``.

doccano counts offsets in UTF-16 code units (its front end is JavaScript): after an
emoji its offsets are one higher per emoji than Python's. Export writes UTF-16 by
default (``--offsets codepoints`` for projects in doccano's grapheme mode). doccano
files carry no span text, so reading keeps the raw offsets and the import decides the
unit from which reading fits the text.

Links: doccano writes relations only in the layout of its relation-extraction projects,
``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations":
[{"id", "from_id", "to_id", "type"}]}``. An export whose layers hold links uses that
layout on every line (doccano imports a file in one layout; import it as "JSONL
(Relation)" into a sequence-labelling project with relation labelling); an export
without links keeps the plain ``"label": [[start, end, "LABEL"]]`` layout.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.attribution.links import ForeignRelation
from annotator.core.formats.records import (
    ForeignFile,
    ForeignNote,
    ForeignRecord,
    ForeignSpan,
    as_dict,
    as_int,
    as_list,
    iter_json_values,
)
from annotator.core.formats.shared import (
    ExportRequest,
    FormatExportReport,
    Layer,
    OffsetUnit,
    counted_records,
    layer_links,
    layers,
    note_text,
    write_jsonl_lines,
    write_manifest,
    write_text_pieces,
)
from annotator.core.store import Store
from annotator.core.text.offsets import Utf16Map

TEXT_KEYS = ("text", "data", "column_data")
LABEL_KEYS = ("label", "labels", "entities", "column_label")
COMMENTS = "Comments"
"""doccano's export column for the comments on a text (a list of their texts)."""


def export_doccano(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    offsets = request.offsets
    unit = offsets or OffsetUnit.UTF16
    report = FormatExportReport(
        path=path,
        format="doccano",
        offsets="UTF-16 code units" if unit is OffsetUnit.UTF16 else "code points",
    )
    # A line's layout depends on whether the export holds any link at all: a project
    # with no link can have none written, and its lines go straight to the file; one
    # with links spools the lines and chooses once the last is known.
    may_link = bool(store.links_for_export())

    def lines() -> Iterator[dict[str, Any]]:
        for record in counted_records(store, options, report):
            mapping = Utf16Map(record["text"]) if unit is OffsetUnit.UTF16 else None
            for number, layer in enumerate(layers(record)):
                if may_link:
                    line = _relation_layout_line(record, layer, mapping, report)
                    report.written_spans += len(line["entities"])
                else:
                    line = _plain_layout_line(record, layer, mapping)
                    report.written_spans += len(line["label"])
                comments = _layer_comments(record, layer, report, first=number == 0)
                if comments:
                    line[COMMENTS] = comments
                yield line

    if may_link:
        _write_choosing_layout(path, lines(), report)
    else:
        write_jsonl_lines(path, lines())
    write_manifest(store, report, options)
    return report


def _relation_layout_line(
    record: dict[str, Any], layer: Layer, mapping: Utf16Map | None, report: FormatExportReport
) -> dict[str, Any]:
    entities: list[dict[str, Any]] = []
    written: dict[str, str] = {}
    for number, span in enumerate(layer.spans, start=1):
        start, end = span["start"], span["end"]
        if mapping is not None:
            start, end = mapping.to_utf16(start), mapping.to_utf16(end)
        entities.append(
            {"id": number, "label": span["label"], "start_offset": start, "end_offset": end}
        )
        written[span["id"]] = str(number)
    relations = [
        {
            "id": number,
            "from_id": int(link.from_id),
            "to_id": int(link.to_id),
            "type": link.type,
        }
        for number, link in enumerate(layer_links(layer, written, report), start=1)
    ]
    return {
        "id": record["id"],
        "text": record["text"],
        "entities": entities,
        "relations": relations,
        "annotator": layer.annotator,
    }


def _plain_layout_line(
    record: dict[str, Any], layer: Layer, mapping: Utf16Map | None
) -> dict[str, Any]:
    """A line in the plain layout, made directly (a project without links)."""
    if mapping is None:
        label = [[span["start"], span["end"], span["label"]] for span in layer.spans]
    else:
        to_utf16 = mapping.to_utf16
        label = [
            [to_utf16(span["start"]), to_utf16(span["end"]), span["label"]]
            for span in layer.spans
        ]
    return {
        "id": record["id"],
        "text": record["text"],
        "label": label,
        "annotator": layer.annotator,
    }


def _write_choosing_layout(
    path: Path, lines: Iterator[dict[str, Any]], report: FormatExportReport
) -> None:
    """The lines in the relation layout when a link was written, else in the plain one:
    spooled to an unnamed temporary file first (memory holds one line at a time)."""
    with tempfile.TemporaryFile() as spool:
        for line in lines:
            spool.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
        if report.written_links:
            report.notes.append(
                "written in doccano's relation layout (entities/relations): import it into "
                "doccano as JSONL (Relation)"
            )
        spool.seek(0)
        if report.written_links:
            write_text_pieces(path, (raw.decode("utf-8") for raw in spool))
        else:
            write_jsonl_lines(path, (_plain_layout(json.loads(raw)) for raw in spool))


def _plain_layout(line: dict[str, Any]) -> dict[str, Any]:
    """A line in doccano's sequence-labelling layout: ``"label": [[start, end, LABEL]]``."""
    return {
        "id": line["id"],
        "text": line["text"],
        "label": [
            [entity["start_offset"], entity["end_offset"], entity["label"]]
            for entity in line["entities"]
        ],
        "annotator": line["annotator"],
        **({COMMENTS: line[COMMENTS]} if COMMENTS in line else {}),
    }


def _layer_comments(
    record: dict[str, Any], layer: Layer, report: FormatExportReport, first: bool
) -> list[str]:
    """doccano's comments are on a whole text: the article's notes (on the first layer's
    line), then each span's, quoting the span."""
    comments = []
    if first:
        for note in record.get("notes", ()):
            comments.append(note_text(note, layer.annotator, report))
    for span in layer.spans:
        for note in span.get("notes", ()):
            comments.append(f"“{span['text']}”: {note_text(note, layer.annotator, report)}")
            report.notes_changed["on a span written as comments on the whole text"] += 1
    report.written_notes += len(comments)
    return comments


def looks_like(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and any(isinstance(value.get(key), list) for key in LABEL_KEYS)
        and not ("spans" in value or "annotations" in value)
    )


def _span(item: Any) -> ForeignSpan | None:
    if type(item) is list and len(item) >= 3:
        start, end, label = item[0], item[1], item[2]
        # The usual [start, end, "LABEL"], read without the general checks below
        # (``type() is int`` leaves booleans out, as ``as_int`` does).
        if type(start) is int and type(end) is int and type(label) is str:
            return ForeignSpan(start, end, label)
    if isinstance(item, list) and len(item) >= 3:
        start, end, label = as_int(item[0]), as_int(item[1]), item[2]
    elif isinstance(item, dict):
        start = as_int(item.get("start_offset", item.get("start")))
        end = as_int(item.get("end_offset", item.get("end")))
        label = item.get("label")
    else:
        return None
    if start is None or end is None or not isinstance(label, str):
        return None
    local_id = item.get("id") if isinstance(item, dict) else None
    return ForeignSpan(start, end, label, local_id=str(local_id) if local_id is not None else None)


def _relation(item: Any) -> ForeignRelation | None:
    """A doccano relation ``{"id", "from_id", "to_id", "type"}``, by entity ids."""
    if not isinstance(item, dict):
        return None
    ends = [item.get("from_id"), item.get("to_id")]
    kind = item.get("type")
    if not isinstance(kind, str) or not all(
        isinstance(end, (int, str)) and not isinstance(end, bool) for end in ends
    ):
        return None
    return ForeignRelation(kind, str(ends[0]), str(ends[1]))


def read(path: Path) -> ForeignFile:
    """Every line of a doccano export; a per-user export ``<user>.jsonl`` names its user."""
    return ForeignFile(
        path,
        "doccano",
        [],
        default_unit=OffsetUnit.UTF16.value,
        local_relations=True,
        reader=lambda result: _records(path, result),
    )


def _records(path: Path, result: ForeignFile) -> Iterator[ForeignRecord]:
    for line, value in iter_json_values(path):
        if not isinstance(value, dict):
            yield ForeignRecord(path, line, None, problem="not a JSON object")
            continue
        text = next((value[key] for key in TEXT_KEYS if isinstance(value.get(key), str)), None)
        user = value.get("annotator", value.get("user"))
        record = ForeignRecord(
            path,
            line,
            text,
            annotator=user if isinstance(user, str) and user else path.stem,
            annotator_is_fallback=not (isinstance(user, str) and user),
            meta=as_dict(value.get("meta")),
        )
        if text is None:
            record.problem = f"no text (looked for {', '.join(TEXT_KEYS)})"
        items: list[Any] = next(
            (value[key] for key in LABEL_KEYS if isinstance(value.get(key), list)), []
        )
        for item in items:
            span = _span(item)
            if span is None:
                record.problem = f"cannot read the label {item!r}: want [start, end, label]"
                break
            record.spans.append(span)
        for item in as_list(value.get("relations")):
            relation = _relation(item)
            if relation is None:
                record.problem = record.problem or (
                    f"cannot read the relation {item!r}: want {{from_id, to_id, type}}"
                )
                break
            record.relations.append(relation)
        if as_list(value.get("cats")):
            result.skipped["doccano cats (not spans)"] += len(value["cats"])
        record.article_notes = _comments(value.get(COMMENTS))
        yield record


def _comments(value: Any) -> list[ForeignNote]:
    """doccano's comments on the text (a string each; a comment object's ``text``)."""
    notes = []
    for comment in as_list(value):
        text = comment.get("text") if isinstance(comment, dict) else comment
        if isinstance(text, str) and text.strip():
            notes.append(ForeignNote(text.strip()))
    return notes

"""Label Studio JSON: a list of tasks, each annotator's spans one annotation.

Current Label Studio counts offsets in code points (older exports, before late 2021,
in UTF-16 code units); each result carries its text, so the import checks which unit
a file uses. Export writes the tasks and, beside them, the labelling config
(``OUT.config.xml``) that makes Label Studio show the same labels.

Links are Label Studio relations: result items ``{"type": "relation", "from_id",
"to_id", "direction": "right", "labels": [link type]}`` naming the regions (the span
results) by id, and the link types as ``<Relation>`` values in the config. Reading
takes ``direction: "left"`` as pointing from ``to_id`` to ``from_id``; ``"bi"`` and
``"right"`` point from ``from_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.attribution.links import ForeignRelation
from annotator.core.files.atomic_files import write_atomically, write_lines_atomically
from annotator.core.formats.export import jsonl_line
from annotator.core.formats.records import (
    ForeignFile,
    ForeignNote,
    ForeignRecord,
    ForeignSpan,
    as_dict,
    as_int,
    as_list,
    as_str,
    iter_json_array,
)
from annotator.core.formats.shared import (
    ExportRequest,
    FormatExportReport,
    OffsetUnit,
    counted_records,
    export_labels,
    export_link_types,
    layer_links,
    layers,
    note_text,
    span_attributes,
    write_manifest,
)
from annotator.core.models import Attribute, LabelSet
from annotator.core.store import Store
from annotator.core.text.offsets import Utf16Map

FROM_NAME = "label"
TO_NAME = "text"
NOTE_NAME = "note"
"""The per-region text area that holds a span's notes (its result shares the span's id)."""
ARTICLE_NOTE_NAME = "article_note"
"""The text area for notes on the whole text."""


def labelling_config(store: Store, labels: list[str], notes: bool = False) -> str:
    """``notes``: with the text areas that hold notes on a span and on the article."""
    label_set = store.label_set()
    lines = ["<View>"]
    link_types = export_link_types(store, labels)
    if link_types:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(name)}/>" for name, _, _ in link_types]
        lines.append("  </Relations>")
    lines.append(f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">')
    for name in labels:
        label = label_set.get(name)
        colour = f" background={quoteattr(label.color)}" if label else ""
        lines.append(f"    <Label value={quoteattr(name)}{colour}/>")
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>']
    if notes:
        lines += [
            f'  <TextArea name="{NOTE_NAME}" toName="{TO_NAME}" perRegion="true" '
            'editable="true" displayMode="region-list" placeholder="Note on this span"/>',
            f'  <TextArea name="{ARTICLE_NOTE_NAME}" toName="{TO_NAME}" editable="true" '
            'placeholder="Note on this article"/>',
        ]
    lines += attribute_config(label_set, labels)
    lines += ["</View>", ""]
    return "\n".join(lines)


def attribute_config(label_set: LabelSet, labels: list[str]) -> list[str]:
    """Per-region controls for the labels' attributes, shown when a region of a label
    that has them is selected (Label Studio's perRegion choices, text and numbers)."""
    found: dict[str, tuple[Attribute, list[str]]] = {}
    for name in labels:
        label = label_set.get(name)
        for definition in label.attributes if label is not None else ():
            found.setdefault(definition.name, (definition, []))[1].append(name)
    lines: list[str] = []
    for name, (definition, owners) in found.items():
        shown = (
            f' visibleWhen="region-selected" whenTagName="{FROM_NAME}" '
            f"whenLabelValue={quoteattr(','.join(owners))}"
        )
        common = f'name={quoteattr(name)} toName="{TO_NAME}" perRegion="true"{shown}'
        if definition.kind in ("choice", "yes/no"):
            values = definition.choices if definition.kind == "choice" else ["yes", "no"]
            lines.append(f'  <Choices {common} choice="single">')
            lines += [f"    <Choice value={quoteattr(value)}/>" for value in values]
            lines.append("  </Choices>")
        elif definition.kind == "number":
            lines.append(f"  <Number {common}/>")
        else:
            lines.append(f'  <TextArea {common} maxSubmissions="1"/>')
    return lines


def attribute_results(
    label_set: LabelSet, span: dict[str, Any], start: int, end: int
) -> list[dict[str, Any]]:
    """One per-region result for each of a span's scheme attributes, on its region."""
    label = label_set.get(span["label"])
    results: list[dict[str, Any]] = []
    for name, value in span_attributes(label_set, span).items():
        definition = label.attribute(name) if label is not None else None
        if definition is None:
            continue
        where = {"start": start, "end": end, "text": span["text"]}
        if definition.kind == "yes/no":
            kind, data = "choices", {"choices": ["yes" if value is True else "no"]}
        elif definition.kind == "choice":
            kind, data = "choices", {"choices": [value]}
        elif definition.kind == "number":
            kind, data = "number", {"number": value}
        else:
            kind, data = "textarea", {"text": [str(value)]}
        results.append(
            {
                "id": span["id"],
                "from_name": name,
                "to_name": TO_NAME,
                "type": kind,
                "origin": "manual",
                "value": {**where, **data},
            }
        )
    return results


def config_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}.config.xml")


def export_labelstudio(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    offsets = request.offsets
    unit = offsets or OffsetUnit.CODE_POINTS
    report = FormatExportReport(
        path=path,
        format="labelstudio",
        offsets="UTF-16 code units" if unit is OffsetUnit.UTF16 else "code points",
    )
    user_ids: dict[str, int] = {}
    label_set = store.label_set()

    def tasks() -> Iterator[dict[str, Any]]:
        annotation_id = 0
        for number, record in enumerate(counted_records(store, options, report), start=1):
            mapping = Utf16Map(record["text"]) if unit is OffsetUnit.UTF16 else None
            annotations: list[dict[str, Any]] = []
            for layer in layers(record):
                user = user_ids.setdefault(layer.annotator, len(user_ids) + 1)
                results: list[dict[str, Any]] = []
                for span in layer.spans:
                    start, end = span["start"], span["end"]
                    if mapping is not None:
                        start, end = mapping.to_utf16(start), mapping.to_utf16(end)
                    results.append(
                        {
                            "id": span["id"],
                            "from_name": FROM_NAME,
                            "to_name": TO_NAME,
                            "type": "labels",
                            "origin": "manual",
                            "value": {
                                "start": start,
                                "end": end,
                                "text": span["text"],
                                "labels": [span["label"]],
                            },
                        }
                    )
                    regions = attribute_results(label_set, span, start, end)
                    report.written_attributes += len(regions)
                    results += regions
                labelled = [result for result in results if result["type"] == "labels"]
                report.written_spans += len(labelled)
                results += _note_results(labelled, layer.spans, layer.annotator, report)
                if record.get("notes") and not annotations:  # once, in the first layer's
                    results.append(
                        {
                            "id": f"article-note-{record['id'][:12]}",
                            "from_name": ARTICLE_NOTE_NAME,
                            "to_name": TO_NAME,
                            "type": "textarea",
                            "value": {
                                "text": [
                                    note_text(note, layer.annotator, report)
                                    for note in record["notes"]
                                ]
                            },
                        }
                    )
                    report.written_notes += len(record["notes"])
                written = {span["id"]: span["id"] for span in layer.spans}
                results += [
                    {
                        "from_id": link.from_id,
                        "to_id": link.to_id,
                        "type": "relation",
                        "direction": "right",
                        "labels": [link.type],
                    }
                    for link in layer_links(layer, written, report)
                ]
                annotation_id += 1
                times = [s["created_at"] for s in layer.spans if s.get("created_at")]
                updates = [s["updated_at"] for s in layer.spans if s.get("updated_at")]
                annotations.append(
                    {
                        "id": annotation_id,
                        "completed_by": user,
                        # Label Studio ids users by number; the name rides along so an
                        # import back names the layer.
                        "annotator": layer.annotator,
                        "was_cancelled": False,
                        "ground_truth": False,
                        "created_at": min(times) if times else None,
                        "updated_at": max(updates) if updates else None,
                        "result": results,
                    }
                )
            yield {
                "id": number,
                "data": {"text": record["text"], "doc_id": record["id"], "title": record["title"]},
                "annotations": annotations,
                "predictions": [],
                "meta": {"source": record["source"]} if record["source"] else {},
            }

    write_lines_atomically(path, _json_array(tasks()))
    config = config_path_for(path)
    config_text = labelling_config(
        store, export_labels(store, options, report.labels), notes=bool(report.written_notes)
    )
    write_atomically(config, lambda file: file.write(config_text))
    report.files.append(config)
    write_manifest(store, report, options, label_studio_users=user_ids)
    return report


def _note_results(
    regions: list[dict[str, Any]],
    spans: list[dict[str, Any]],
    annotator: str,
    report: FormatExportReport,
) -> list[dict[str, Any]]:
    """Each span's notes as the per-region text area's result: the region's id and
    offsets, the notes as the area's lines of text."""
    by_id = {region["id"]: region for region in regions}
    results = []
    for span in spans:
        notes = span.get("notes")
        if not notes:
            continue
        region = by_id[span["id"]]["value"]
        results.append(
            {
                "id": span["id"],
                "from_name": NOTE_NAME,
                "to_name": TO_NAME,
                "type": "textarea",
                "value": {
                    "start": region["start"],
                    "end": region["end"],
                    "text": [note_text(note, annotator, report) for note in notes],
                },
            }
        )
        report.written_notes += len(notes)
    return results


def _json_array(tasks: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    """The tasks as one JSON array, a task a line, written as they come: a list of
    100,000 tasks is never held whole (Label Studio reads any JSON layout)."""
    previous = None
    for task in tasks:
        if previous is None:
            yield b"[\n"
        else:
            yield previous + b",\n"
        previous = jsonl_line(task)[:-1]
    yield b"[]\n" if previous is None else previous + b"\n]\n"


def looks_like(value: Any) -> bool:
    tasks = value if isinstance(value, list) else [value]
    return bool(tasks) and all(
        isinstance(task, dict) and isinstance(task.get("data"), dict) for task in tasks[:5]
    )


PER_REGION = ("choices", "textarea", "number")
"""Result types a region's attributes come as (perRegion controls)."""


def _region_value(item: dict[str, Any]) -> tuple[str, Any] | None:
    """(control name, value) of a per-region result: its one choice, text or number."""
    name = as_str(item.get("from_name"))
    value = as_dict(item.get("value"))
    if not name:
        return None
    kind = item.get("type")
    found: Any = None
    if kind == "choices":
        choices = as_list(value.get("choices"))
        found = choices[0] if len(choices) == 1 else None
    elif kind == "textarea":
        texts = as_list(value.get("text"))
        found = texts[0] if len(texts) == 1 else None
    else:
        found = value.get("number")
    return (name, found) if found is not None else None


def _relations(item: dict[str, Any]) -> list[ForeignRelation] | None:
    """One link per label of a relation result; None when it cannot be read."""
    ends = [as_str(item.get("from_id")), as_str(item.get("to_id"))]
    labels = as_list(item.get("labels"))
    if not all(ends) or not all(isinstance(label, str) for label in labels):
        return None
    source, target = (ends[1], ends[0]) if item.get("direction") == "left" else (ends[0], ends[1])
    return [ForeignRelation(label, str(source), str(target)) for label in labels]


def _user_name(annotation: dict[str, Any]) -> tuple[str | None, str | None]:
    """(name the file gives, user id) of whoever made an annotation."""
    named = annotation.get("annotator")
    if isinstance(named, str) and named:
        return named, None
    user = annotation.get("completed_by")
    if isinstance(user, dict):
        for key in ("email", "username"):
            if isinstance(user.get(key), str) and user[key]:
                return user[key], None
        full = " ".join(
            str(user[key]) for key in ("first_name", "last_name") if user.get(key)
        ).strip()
        if full:
            return full, None
        user = user.get("id")
    return None, str(user) if user is not None else "unknown"


def read(
    path: Path,
    *,
    predictions: bool = False,
    tasks: Callable[[], Iterable[tuple[int, Any]]] | None = None,
) -> ForeignFile:
    """Annotations of each task (predictions too if asked); cancelled ones skipped.

    ``tasks`` reads (position, task) pairs another way (JSON Lines, one task a line);
    by default the file's task list is read as a stream."""
    read_tasks = tasks or (lambda: iter_json_array(path))
    return ForeignFile(
        path,
        "labelstudio",
        [],
        default_unit=OffsetUnit.CODE_POINTS.value,
        local_relations=True,
        reader=lambda result: _records(path, result, read_tasks(), predictions),
    )


def _records(
    path: Path, result: ForeignFile, tasks: Iterable[tuple[int, Any]], predictions: bool
) -> Iterator[ForeignRecord]:
    for number, task in tasks:
        # A JSON array has no useful line numbers; the task's position names it.
        where = number
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            yield ForeignRecord(path, where, None, problem="task has no data")
            continue
        data = task["data"]
        text = data.get("text") if isinstance(data.get("text"), str) else None
        if text is None and not any(
            isinstance(item, dict) and item.get("type") == "labels"
            for group in (*as_list(task.get("annotations")), *as_list(task.get("predictions")))
            if isinstance(group, dict)
            for item in as_list(group.get("result"))
        ):
            # An image or audio task: nothing here for a text annotation tool.
            result.skipped["tasks without text (images, audio...)"] += 1
            continue
        groups: list[tuple[str, dict[str, Any]]] = [
            ("annotation", a) for a in as_list(task.get("annotations")) if isinstance(a, dict)
        ]
        for prediction in as_list(task.get("predictions")):
            if predictions and isinstance(prediction, dict):
                groups.append(("prediction", prediction))
            else:
                result.skipped["predictions (use --predictions to import them)"] += 1
        for kind, group in groups:
            if group.get("was_cancelled"):
                result.skipped["cancelled annotations"] += 1
                continue
            name: str | None
            if kind == "prediction":
                model = group.get("model_version") or "model"
                name, user = f"labelstudio-{model}".replace(" ", "-"), None
            else:
                name, user = _user_name(group)
            record = ForeignRecord(
                path,
                where,
                text,
                annotator=name or f"labelstudio-user-{user}",
                annotator_is_fallback=name is None,
                title=data.get("title") if isinstance(data.get("title"), str) else None,
            )
            if text is None:
                record.problem = "the task's data has no text"
            record.finished = kind != "prediction"  # cancelled annotations were skipped
            origin = "suggested:model" if kind == "prediction" else None
            created_at = as_str(group.get("created_at"))
            updated_at = as_str(group.get("updated_at"))
            if group.get("result") is not None and not isinstance(group.get("result"), list):
                record.problem = "the annotation's result is not a list"
            areas: list[dict[str, Any]] = []
            per_region: dict[str, dict[str, Any]] = {}
            for item in as_list(group.get("result")):
                if record.problem:
                    break
                if not isinstance(item, dict):
                    record.problem = f"cannot read the result item {item!r}"
                    break
                if item.get("type") == "relation":
                    relations = _relations(item)
                    if relations is None:
                        record.problem = (
                            f"cannot read the relation {item!r}: want from_id, to_id and labels"
                        )
                        break
                    if not relations:
                        result.skipped["relations without a label (no link type)"] += 1
                    record.relations += relations
                    continue
                if item.get("type") == "textarea" and item.get("from_name") in (
                    NOTE_NAME,
                    ARTICLE_NOTE_NAME,
                ):
                    areas.append(item)
                    continue
                if item.get("type") in PER_REGION and as_str(item.get("id")):
                    found = _region_value(item)
                    if found is not None:
                        per_region.setdefault(str(item["id"]), {})[found[0]] = found[1]
                        continue
                if item.get("type") != "labels":
                    result.skipped[f"result items of type {item.get('type')!r}"] += 1
                    continue
                value_ = as_dict(item.get("value"))
                start, end = as_int(value_.get("start")), as_int(value_.get("end"))
                labels = as_list(value_.get("labels"))
                if start is None or end is None or not labels:
                    record.problem = f"result {item.get('id')!r} has no start, end or labels"
                    break
                for label in labels:
                    record.spans.append(
                        ForeignSpan(
                            start,
                            end,
                            str(label),
                            text=as_str(value_.get("text")),
                            id=as_str(item.get("id")),
                            origin=origin,
                            created_at=created_at,
                            updated_at=updated_at,
                        )
                    )
            _attach_notes(record, areas, result)
            regions = {span.id for span in record.spans}
            for region, values in per_region.items():
                if region not in regions:
                    result.skipped["per-region results on no labelled region"] += len(values)
            for span in record.spans:
                if span.id in per_region:
                    span.attrs = dict(per_region[span.id])
            yield record


def _attach_notes(
    record: ForeignRecord, areas: list[dict[str, Any]], result: ForeignFile
) -> None:
    """Text areas as notes: a per-region one on its region's span(s), the article's on
    the record; a region's area whose region is not in the annotation is counted."""
    spans_by_id: dict[str, list[ForeignSpan]] = {}
    for span in record.spans:
        if span.id is not None:
            spans_by_id.setdefault(span.id, []).append(span)
    for area in areas:
        texts = [
            str(text).strip()
            for text in as_list(as_dict(area.get("value")).get("text"))
            if str(text).strip()
        ]
        if area.get("from_name") == ARTICLE_NOTE_NAME:
            record.article_notes += [ForeignNote(text) for text in texts]
            continue
        found = spans_by_id.get(as_str(area.get("id")) or "")
        if not found:
            result.skipped["span notes whose span is not in the annotation"] += len(texts)
            continue
        found[0].notes += [ForeignNote(text) for text in texts]

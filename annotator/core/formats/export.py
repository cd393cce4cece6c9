"""Documents -> the gold JSONL dataset, with a manifest beside it.

The file appears complete or not at all (``atomic_files``): every span is checked
before its line is written, and a failed check leaves no file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from operator import eq, itemgetter
from pathlib import Path
from typing import Any

import orjson

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.files.atomic_files import (
    all_or_nothing,
    write_atomically,
    write_lines_atomically,
)
from annotator.core.files.output_paths import check_file_output, check_output, protecting
from annotator.core.models import GOLD_LAYER, SCHEMA_VERSION, Decision, Note, Status, utc_now
from annotator.core.scheme import summary as scheme_summary
from annotator.core.splits import SplitSpec, assign_splits
from annotator.core.store import Store

STATUS_FILTERS = ("any", "done", "reviewed")

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all)."""


class ExportError(AnnotatorError):
    pass


class ExportCancelled(AnnotatorError):
    pass


@dataclass
class ExportOptions:
    annotators: list[str] | None = None
    """Whose layers to export; None means every annotator's (the gold layer aside)."""
    gold: bool = False
    """Export the adjudicated layer instead of the annotators' layers."""
    labels: list[str] | None = None
    status: str = "any"
    """any: every layer with spans or a status; done: layers marked done (or reviewed);
    reviewed: layers marked reviewed."""
    split: SplitSpec | None = None
    """The train/dev/test split this export is part of (named in the manifest)."""
    split_part: str | None = None
    documents: frozenset[str] | None = None
    """Only these documents (one part of a split); None means every one."""

    def __post_init__(self) -> None:
        if self.status not in STATUS_FILTERS:
            raise ExportError(f"unknown status filter {self.status!r}: use any, done or reviewed")
        if self.gold and self.annotators:
            raise ExportError("choose either the gold layer or annotators, not both")


@dataclass
class ExportReport:
    path: Path
    documents: int = 0
    spans: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    annotators: set[str] = field(default_factory=set)
    sha256: str = ""
    manifest_path: Path | None = None
    examples: int = 0
    """Annotator layers written: a document with two annotators' layers is two."""
    negative_examples: int = 0
    """Of ``examples``, layers marked done (or reviewed) that have no span: the
    annotator read the document and found nothing to tag."""


FINISHED = (Status.DONE.value, Status.REVIEWED.value)
"""Statuses of a layer whose lack of spans is an answer: nothing to tag there."""


def _layer_included(status: Status | None, has_spans: bool, wanted: str) -> bool:
    if wanted == "any":
        return has_spans or status is not None
    if wanted == "done":
        return status in (Status.DONE, Status.REVIEWED)
    return status == Status.REVIEWED


def gold_records(
    store: Store,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    tally: ExportReport | None = None,
) -> Iterator[dict[str, Any]]:
    """Each exported document as a gold JSONL record (a plain dict), checked.

    With ``tally`` the spans are counted into it as they go by, from the rows (with
    C-level helpers: a Python loop over 500,000 span dicts costs a tenth of the export).
    """
    options = options or ExportOptions()
    if options.gold:
        annotators: list[str] = [GOLD_LAYER]
    elif options.annotators:
        annotators = options.annotators
    else:
        annotators = [name for name in store.annotators() if name != GOLD_LAYER]
    # Rows of annotators not exported are left out below in any case: the query filters
    # them only when there are some (a filter on every row costs a twentieth).
    everyone = set(store.annotators())
    wanted = None if everyone <= set(annotators) else annotators
    statuses = store.all_statuses()
    links_by_document = store.links_for_export(annotators)
    reviewed = _latest_decisions(store) if GOLD_LAYER in annotators else {}
    notes = _notes_by_document(store)
    # A scheme changed since the project began: each span says the version it was made under.
    label_set = store.label_set()
    version_at = label_set.version_finder() if label_set.history else None
    total = store.document_count()
    done = 0
    for document, span_rows in store.iter_documents_for_export(wanted, options.labels):
        doc_id, title, source, text, language, meta = document
        done += 1
        if progress is not None:
            progress(done, total)
        if options.documents is not None and doc_id not in options.documents:
            continue
        with_spans = set(map(_annotator_of, span_rows))
        layers = {
            name
            for name in annotators
            if _layer_included(statuses.get((doc_id, name)), name in with_spans, options.status)
        }
        if not layers:
            continue
        if not with_spans <= layers:
            span_rows = [row for row in span_rows if row[5] in layers]
        _check_span_texts(doc_id, title, text, span_rows)
        spans = _span_dicts(span_rows, reviewed if GOLD_LAYER in with_spans else {})
        if version_at is not None:
            for span in spans:
                span["scheme_version"] = version_at(span["created_at"] or "")
        if tally is not None:
            tally.spans += len(span_rows)
            tally.labels.update(map(_label_of, span_rows))
            tally.annotators.update(map(_annotator_of, span_rows))
        record: dict[str, Any] = {
            "id": doc_id,
            "title": title,
            "source": source,
            "text": text,
            "language": language,
            "spans": spans,
            "layers": [
                {"annotator": name, "status": _status_name(statuses.get((doc_id, name)))}
                for name in sorted(layers)
            ],
            "meta": json.loads(meta) if meta and meta != "{}" else {},
            "schema_version": SCHEMA_VERSION,
        }
        if doc_id in notes:
            _add_notes(record, notes[doc_id])
        if doc_id in links_by_document:
            exported = set(map(_id_of, span_rows))
            relations = _relations(doc_id, links_by_document[doc_id], exported, options)
            if relations:
                record["relations"] = relations
        yield record


def document_splits(store: Store, options: ExportOptions, spec: SplitSpec) -> dict[str, str]:
    """The split part of every document the export holds, by document id: the same
    project, filters, shares and seed give the same parts (``core.splits``)."""
    unsplit = replace(options, split=None, split_part=None, documents=None)
    return assign_splits((record["id"] for record in gold_records(store, unsplit)), spec)


def _status_name(status: Status | None) -> str:
    return (status or Status.NOT_STARTED).value


def count_layers(record: dict[str, Any], report: ExportReport) -> None:
    """Count a record's examples into ``report``: its layers with spans, and its
    finished layers with none (negative examples). A layer opened but not finished,
    with no span yet, says nothing about the document and is no example."""
    with_spans = set(map(itemgetter("annotator"), record["spans"]))
    for layer in record["layers"]:
        if layer["annotator"] in with_spans:
            report.examples += 1
        elif layer["status"] in FINISHED:
            report.examples += 1
            report.negative_examples += 1


# Positions in the span rows of Store.iter_documents_for_export. The export's hot paths
# go through them with map() rather than Python loops: at 500,000 spans, each Python
# statement per span costs a few percent of the export.
_id_of = itemgetter(0)
_start_of = itemgetter(1)
_end_of = itemgetter(2)
_label_of = itemgetter(3)
_text_of = itemgetter(4)
_annotator_of = itemgetter(5)
_attrs_of = itemgetter(9)


def _check_span_texts(doc_id: str, title: str, text: str, span_rows: list[tuple[Any, ...]]) -> None:
    selected = map(text.__getitem__, map(slice, map(_start_of, span_rows), map(_end_of, span_rows)))
    if all(map(eq, selected, map(_text_of, span_rows))):
        return
    for span_id, start, end, _label, span_text, *_rest in span_rows:
        if text[start:end] != span_text:
            raise ExportError(
                f"span {span_id} in document {doc_id[:12]} ({title!r}): offsets "
                f"{start}-{end} select {text[start:end]!r}, not {span_text!r}; "
                "nothing was written"
            )


def _span_dicts(
    span_rows: list[tuple[Any, ...]], reviewed: dict[str, tuple[list[str], Decision]]
) -> list[dict[str, Any]]:
    """The span objects of a record; ``reviewed`` gives the gold spans' provenance."""
    spans = [
        {
            "id": span_id,
            "start": start,
            "end": end,
            "label": label,
            "text": text,
            "annotator": annotator,
            "origin": origin,
            "created_at": created,
            "updated_at": updated,
        }
        for span_id, start, end, label, text, annotator, origin, created, updated, _ in span_rows
    ]
    if reviewed or any(map(_attrs_of, span_rows)):
        for span, row in zip(spans, span_rows, strict=True):
            _add_attrs_and_review(span, row[9], reviewed)
    return spans


def _add_attrs_and_review(
    span: dict[str, Any], attrs: str | None, reviewed: dict[str, tuple[list[str], Decision]]
) -> None:
    if attrs:
        span["attrs"] = json.loads(attrs)
    decided = reviewed.get(span["id"]) if span["annotator"] == GOLD_LAYER else None
    if decided is not None:
        had_it, decision = decided
        span["annotators"] = had_it
        span["decision"] = decision.decision.value
        span["reviewer"] = decision.reviewer
        if decision.comment:
            span["review_comment"] = decision.comment


def note_dict(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "author": note.author,
        "text": note.text,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
    }


def _notes_by_document(store: Store) -> dict[str, list[Note]]:
    found: dict[str, list[Note]] = {}
    for note in store.notes():
        found.setdefault(note.doc_id, []).append(note)
    return found


def _add_notes(record: dict[str, Any], notes: list[Note]) -> None:
    """The article's notes on the record, each span's on its span (oldest first)."""
    by_span: dict[str | None, list[dict[str, Any]]] = {}
    for note in notes:
        by_span.setdefault(note.span_id, []).append(note_dict(note))
    if None in by_span:
        record["notes"] = by_span[None]
    for span in record["spans"]:
        if span["id"] in by_span:
            span["notes"] = by_span[span["id"]]


def _latest_decisions(store: Store) -> dict[str, tuple[list[str], Decision]]:
    """Gold span id -> (the annotators who had it, the latest review decision on it).

    Several decisions can point at one gold span (two versions of a span edited into
    the same one): the span names every annotator behind them.
    """
    found: dict[str, tuple[list[str], Decision]] = {}
    for decision in store.decisions():  # oldest first: the latest decision wins
        if decision.gold_span_id is None:
            continue
        had_it = found[decision.gold_span_id][0] if decision.gold_span_id in found else []
        had_it = had_it + [name for name in decision.annotators if name not in had_it]
        found[decision.gold_span_id] = (had_it, decision)
    return found


def _relations(
    doc_id: str,
    links: list[tuple[str, str, str, str, str, str, str]],
    exported: set[str],
    options: ExportOptions,
) -> list[dict[str, Any]]:
    """The links (attribution) starting from this record's exported spans.

    A link is written only when the span it points to is exported too: in this record,
    or, for a link to another article (``denies``, ``same_as``), a span of a layer and
    label being exported.
    """
    relations = []
    for link_id, link_type, from_span, to_span, annotator, target_label, target_doc in links:
        if from_span not in exported:
            continue
        if target_doc == doc_id:
            if to_span not in exported:
                continue
        elif options.labels is not None and target_label not in options.labels:
            continue
        relations.append(
            {
                "id": link_id,
                "type": link_type,
                "from": from_span,
                "to": to_span,
                "annotator": annotator,
            }
        )
    return relations


def jsonl_line(record: dict[str, Any]) -> bytes:
    """One JSONL line as UTF-8 bytes.

    orjson is an order of magnitude faster than the json module, which makes the
    difference between an export slower and faster than the obvious program. It refuses
    lone surrogates (which a JSON file can smuggle in as escapes); the json module
    writes those as escapes again.
    """
    try:
        return orjson.dumps(record) + b"\n"
    except TypeError:
        return (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")


def manifest_path_for(path: Path) -> Path:
    name = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(f"{name}.manifest.json")


def export_gold_jsonl(
    store: Store,
    path: Path | str,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ExportReport:
    options = options or ExportOptions()
    report = ExportReport(path=Path(path))
    with protecting(store.path), all_or_nothing():
        # Refused before the work, not after it: both files are checked again as written.
        check_file_output(report.path)
        check_output(manifest_path_for(report.path))
        return _write_gold_jsonl(store, report, options, progress, should_cancel)


def _write_gold_jsonl(
    store: Store,
    report: ExportReport,
    options: ExportOptions,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> ExportReport:
    def lines() -> Iterator[bytes]:
        for record in gold_records(store, options, progress, tally=report):
            if should_cancel is not None and should_cancel():
                raise ExportCancelled("export cancelled; nothing was written")
            report.documents += 1
            count_layers(record, report)
            yield jsonl_line(record)

    report.sha256 = write_lines_atomically(report.path, lines())
    report.manifest_path = manifest_path_for(report.path)
    manifest = build_manifest(store, report, options)
    write_atomically(
        report.manifest_path,
        lambda file: file.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"),
    )
    return report


def build_manifest(store: Store, report: ExportReport, options: ExportOptions) -> dict[str, Any]:
    return {
        "file": report.path.name,
        "sha256": report.sha256,
        "format": "annotator-gold-jsonl",
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "annotator", "version": __version__},
        "exported_at": utc_now(),
        "filters": {
            "status": options.status,
            "annotators": options.annotators,
            "gold": options.gold,
            "labels": options.labels,
            **(
                {
                    "split": {
                        "part": options.split_part,
                        "shares": dict(options.split.parts),
                        "seed": options.split.seed,
                    }
                }
                if options.split is not None
                else {}
            ),
        },
        "documents": report.documents,
        "examples": report.examples,
        "negative_examples": report.negative_examples,
        "spans": report.spans,
        "counts_per_label": dict(sorted(report.labels.items())),
        "annotators": sorted(report.annotators),
        "label_set": store.label_set().model_dump(mode="json"),
        "scheme": scheme_summary(store.label_set()),
    }

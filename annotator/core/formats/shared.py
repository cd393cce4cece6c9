"""What every exporter shares: the request it is given, the report it returns (what the
format could not hold: spans dropped, trimmed or expanded, and why), the gold records
split into annotators' layers, links and notes as a format writes them, the manifest.

Every exporter reads ``export.gold_records`` (through :func:`counted_records`) so the
status, annotator and label filters apply to all formats alike. Nothing is left out
without a count in the report. The format registry (``registry``) sits on top of the
exporters; an exporter never imports it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from annotator.core.files.atomic_files import write_atomically, write_lines_atomically
from annotator.core.formats.export import (
    FINISHED,
    ExportOptions,
    ExportReport,
    build_manifest,
    count_layers,
    gold_records,
    manifest_path_for,
)
from annotator.core.formats.tokens import AlignedSpans, Alignment, AlignMode, Fit
from annotator.core.models import LabelSet
from annotator.core.scheme import scheme_attributes
from annotator.core.store import Store
from annotator.core.wording import counted


class OffsetUnit(StrEnum):
    CODE_POINTS = "codepoints"
    UTF16 = "utf16"


@dataclass(frozen=True)
class ExportRequest:
    """What an exporter is asked to write: whose spans (``options``), how spans meet a
    format's tokens (``align``) and the offset unit, for the formats where it can be
    chosen (``offsets``; None: the format's own)."""

    options: ExportOptions = field(default_factory=ExportOptions)
    align: AlignMode = AlignMode.STRICT
    offsets: OffsetUnit | None = None


@dataclass
class FormatExportReport(ExportReport):
    """An export report that also says what the target format lost."""

    format: str = "jsonl"
    offsets: str = "code points"
    align: str = AlignMode.STRICT.value
    written_spans: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    """Reason -> number of spans not written at all."""
    trimmed: int = 0
    expanded: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    """Reason -> spans written, but left out of one part (e.g. spaCy's doc.ents)."""
    files: list[Path] = field(default_factory=list)
    """Files written besides ``path`` (label config, label names)."""
    notes: list[str] = field(default_factory=list)
    trim_reason: str = ""
    links: int = 0
    """Links (attribution) in the exported records."""
    written_links: int = 0
    links_left_out: Counter[str] = field(default_factory=Counter)
    """Reason -> links the format could not hold. Links neither written nor counted
    here were in a format with no place for links at all (see ``unplaced_links``)."""
    note_count: int = 0
    """Notes (on spans and articles) in the exported records."""
    written_notes: int = 0
    notes_left_out: Counter[str] = field(default_factory=Counter)
    """Reason -> notes the format could not hold (as for links)."""
    notes_changed: Counter[str] = field(default_factory=Counter)
    """Reason -> notes written, but not as they are (joined on one line...)."""

    attributes: int = 0
    """Scheme attributes (a claim's verdict, a person's role) on the exported spans."""
    written_attributes: int = 0
    attributes_left_out: Counter[str] = field(default_factory=Counter)
    """Reason -> attributes the format could not hold. Those neither written nor
    counted here were in a format with no place for attributes (``unplaced_attributes``)."""

    @property
    def unplaced_links(self) -> int:
        return self.links - self.written_links - sum(self.links_left_out.values())

    @property
    def unplaced_notes(self) -> int:
        return self.note_count - self.written_notes - sum(self.notes_left_out.values())

    @property
    def unplaced_attributes(self) -> int:
        return self.attributes - self.written_attributes - sum(self.attributes_left_out.values())

    def count_alignment(self, alignment: Alignment | None, reason: str) -> bool:
        """Record what alignment did to a span; False when the span is dropped."""
        if alignment is None:
            self.dropped[reason] += 1
            return False
        if alignment.change == "trimmed":
            self.trimmed += 1
        elif alignment.change == "expanded":
            self.expanded += 1
        return True

    def count_alignments(self, aligned: AlignedSpans, reason: str) -> None:
        """``count_alignment`` for spans aligned at once."""
        dropped = aligned.count(Fit.DROPPED)
        if dropped:
            self.dropped[reason] += dropped
        self.trimmed += aligned.count(Fit.TRIMMED)
        self.expanded += aligned.count(Fit.EXPANDED)

    def summary_lines(self) -> list[str]:
        """What the command line prints: one line per loss, never silent."""
        negative = (
            f", {self.negative_examples} with no spans: negative examples"
            if self.negative_examples
            else ""
        )
        lines = [
            (
                f"Wrote {counted(self.documents, 'document')} "
                f"({counted(self.examples, 'annotator layer')}{negative}) and "
                f"{self.written_spans} of {counted(self.spans, 'span')} to {self.path} "
                f"({self.format}; offsets: {self.offsets})"
            )
        ]
        for reason, count in sorted(self.dropped.items()):
            lines.append(f"  dropped {count} span{'s' * (count != 1)}: {reason}")
        if self.trimmed:
            why = self.trim_reason or f"to the tokens inside them (--align {self.align})"
            lines.append(f"  trimmed {self.trimmed} span{'s' * (self.trimmed != 1)} {why}")
        if self.expanded:
            lines.append(
                f"  expanded {self.expanded} span{'s' * (self.expanded != 1)} to whole "
                f"tokens (--align {self.align})"
            )
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"  {count} span{'s' * (count != 1)} {reason}")
        if self.links:
            lines.append(f"  wrote {self.written_links} of {counted(self.links, 'link')}")
        for reason, count in sorted(self.links_left_out.items()):
            lines.append(f"  left out {count} link{'s' * (count != 1)}: {reason}")
        if self.unplaced_links:
            lines.append(
                f"  left out {self.unplaced_links} link{'s' * (self.unplaced_links != 1)}: "
                f"{self.format} has no place for links between spans"
            )
        if self.note_count:
            lines.append(f"  wrote {self.written_notes} of {self.note_count} notes")
        for reason, count in sorted(self.notes_left_out.items()):
            lines.append(f"  left out {count} note{'s' * (count != 1)}: {reason}")
        if self.unplaced_notes:
            lines.append(
                f"  left out {self.unplaced_notes} note{'s' * (self.unplaced_notes != 1)}: "
                f"{self.format} has no place for notes"
            )
        for reason, count in sorted(self.notes_changed.items()):
            lines.append(f"  {count} note{'s' * (count != 1)} {reason}")
        if self.attributes:
            lines.append(
                f"  wrote {self.written_attributes} of {self.attributes} span attributes"
            )
        for reason, count in sorted(self.attributes_left_out.items()):
            lines.append(f"  left out {count} span attribute{'s' * (count != 1)}: {reason}")
        if self.unplaced_attributes:
            lines.append(
                f"  left out {self.unplaced_attributes} span "
                f"attribute{'s' * (self.unplaced_attributes != 1)}: {self.format} has no "
                "place for them"
            )
        for note in self.notes:
            lines.append(f"  note: {note}")
        for extra in self.files:
            lines.append(f"  also wrote {extra}")
        if self.manifest_path is not None:
            lines.append(f"  manifest: {self.manifest_path}")
        return lines

    def manifest_fields(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "offsets": self.offsets,
            "align": self.align,
            "written_spans": self.written_spans,
            "dropped": dict(sorted(self.dropped.items())),
            "trimmed": self.trimmed,
            "expanded": self.expanded,
            "left_out": dict(sorted(self.left_out.items())),
            "notes": self.notes,
            "links": self.links,
            "written_links": self.written_links,
            "attributes": self.attributes,
            "written_attributes": self.written_attributes,
            "attributes_left_out": {
                **dict(sorted(self.attributes_left_out.items())),
                **(
                    {f"{self.format} has no place for span attributes": self.unplaced_attributes}
                    if self.unplaced_attributes
                    else {}
                ),
            },
            "links_left_out": {
                **dict(sorted(self.links_left_out.items())),
                **(
                    {f"{self.format} has no place for links": self.unplaced_links}
                    if self.unplaced_links
                    else {}
                ),
            },
            "notes_exported": self.note_count,
            "written_notes": self.written_notes,
            "notes_left_out": {
                **dict(sorted(self.notes_left_out.items())),
                **(
                    {f"{self.format} has no place for notes": self.unplaced_notes}
                    if self.unplaced_notes
                    else {}
                ),
            },
            "notes_changed": dict(sorted(self.notes_changed.items())),
        }


_label_of = itemgetter("label")
_annotator_of = itemgetter("annotator")


@dataclass(frozen=True)
class Layer:
    """One annotator's spans on one document: what single-layer formats hold."""

    record: dict[str, Any]
    annotator: str
    spans: list[dict[str, Any]]


def layers(record: dict[str, Any]) -> Iterator[Layer]:
    """A gold record split by annotator, in name order (stable output).

    A layer marked done (or reviewed) with no spans is yielded too, with none: the
    annotator found nothing to tag, and a model must learn that as well.
    """
    # A stable sort keeps each layer's spans in the record's order.
    by_annotator = {
        name: list(spans)
        for name, spans in groupby(sorted(record["spans"], key=_annotator_of), _annotator_of)
    }
    finished = {
        layer["annotator"] for layer in record.get("layers", ()) if layer["status"] in FINISHED
    }
    for name in sorted(by_annotator.keys() | finished):
        yield Layer(record, name, by_annotator.get(name, []))


_notes_of = methodcaller("get", "notes", ())
_attrs_of = methodcaller("get", "attrs")


def counted_records(
    store: Store, options: ExportOptions, report: FormatExportReport
) -> Iterator[dict[str, Any]]:
    """``gold_records`` with the report's document, example, span and label counts
    kept. A document whose only layers are unfinished and empty has no example for a
    format that holds layers: it is left out, and counted in a note."""
    unfinished = 0
    label_set = store.label_set()
    for record in gold_records(store, options):
        examples = report.examples
        count_layers(record, report)
        if report.examples == examples:
            unfinished += 1
            continue
        report.documents += 1
        report.spans += len(record["spans"])
        report.links += len(record.get("relations", ()))
        spans = record["spans"]
        # Counted with C-level helpers: a Python statement per span, over millions of
        # spans, costs as much as a format's whole work on them.
        report.note_count += len(record.get("notes", ())) + sum(map(len, map(_notes_of, spans)))
        report.labels.update(map(_label_of, spans))
        report.annotators.update(map(_annotator_of, spans))
        report.attributes += sum(
            len(span_attributes(label_set, span)) for span in filter(_attrs_of, spans)
        )
        yield record
    if unfinished:
        report.notes.append(
            f"left out {unfinished} document{'s' * (unfinished != 1)} whose layers are "
            "neither done nor tagged (not an example yet)"
        )


def span_attributes(label_set: LabelSet, span: dict[str, Any]) -> dict[str, Any]:
    """The scheme attributes of an exported span (not an amount's reading)."""
    return scheme_attributes(label_set.get(span["label"]), span.get("attrs") or {})


@dataclass(frozen=True)
class LayerLink:
    """A link a per-document format can hold: its type and the format's ids (``T3``,
    a region id, an entity id) of the two spans."""

    type: str
    from_id: str
    to_id: str


def layer_links(
    layer: Layer, written: dict[str, str], report: FormatExportReport
) -> list[LayerLink]:
    """The record's links that start in ``layer``, as the format writes them.

    ``written`` maps the ids of the layer's spans the format wrote to the format's ids
    for them. A link to a span in another document (``denies``, ``same_as``) or to a
    span the format dropped cannot be written: it is counted in the report, with why.
    """
    in_record = {span["id"] for span in layer.record["spans"]}
    in_layer = {span["id"] for span in layer.spans}
    found = []
    for relation in layer.record.get("relations", ()):
        if relation["from"] not in in_layer:
            continue
        if relation["to"] not in in_record:
            report.links_left_out[
                f"{relation['type']} links to a span in another document ({report.format} "
                "holds one document per record)"
            ] += 1
        elif relation["from"] not in written or relation["to"] not in written:
            report.links_left_out["links from or to a span the format could not hold"] += 1
        else:
            found.append(
                LayerLink(relation["type"], written[relation["from"]], written[relation["to"]])
            )
    report.written_links += len(found)
    return found


def note_text(
    note: dict[str, Any], annotator: str, report: FormatExportReport, one_line: bool = False
) -> str:
    """A note as a format with no author field writes it: "author: text" when someone
    other than the layer's annotator wrote it; on one line if the format needs it."""
    text: str = note["text"]
    if one_line and "\n" in text:
        text = " ".join(text.split())
        report.notes_changed["written on one line (the format has one line per note)"] += 1
    if note["author"] != annotator:
        report.notes_changed[
            "by someone other than the layer's annotator, written as 'author: text'"
        ] += 1
        text = f"{note['author']}: {text}"
    return text


def export_link_types(store: Store, labels: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """(link type, source labels, target labels) for a format's configuration, limited
    to ``labels``; a link type with no source or target label left is not listed."""
    kept = []
    for kind in store.label_set().link_types:
        sources = [label for label in kind.source_labels if label in labels]
        targets = [label for label in kind.target_labels if label in labels]
        if sources and targets:
            kept.append((kind.name, sources, targets))
    return kept


def export_labels(
    store: Store, options: ExportOptions, seen: Counter[str] | None = None
) -> list[str]:
    """The label names an export can contain, in the label set's order (stable ids).

    Labels in ``seen`` that the label set no longer has come last, so every exported
    span's label has a name.
    """
    names = store.label_set().names
    if options.labels:
        names = [name for name in names if name in options.labels]
    return names + sorted(set(seen or ()) - set(names))


def write_manifest(
    store: Store, report: FormatExportReport, options: ExportOptions, **extra: Any
) -> None:
    manifest = build_manifest(store, report, options)
    manifest.update(report.manifest_fields())
    manifest.update(extra)
    report.manifest_path = manifest_path_for(report.path)
    write_atomically(
        report.manifest_path,
        lambda file: file.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"),
    )


def write_text_pieces(path: Path, pieces: Iterable[str]) -> None:
    """Write the pieces one after another as the export makes them, atomically: an
    export of millions of spans is never held whole in memory."""
    write_lines_atomically(path, (piece.encode("utf-8") for piece in pieces))


def write_jsonl_lines(path: Path, lines: Iterable[dict[str, Any]]) -> None:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps's, made once
    write_text_pieces(path, (encode(line) + "\n" for line in lines))

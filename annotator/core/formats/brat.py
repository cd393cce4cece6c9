"""brat standoff: a folder of ``.txt``/``.ann`` pairs and its ``annotation.conf``.

Offsets are code points, like ours. The layout is the one brat projects with several
annotators use (and the bratiaa agreement tool reads): ``annotation.conf`` at the top
and one folder per annotator holding the same ``.txt`` files with that annotator's
``.ann``. brat keeps line breaks out of a span's text by writing a span that crosses
lines as fragments (``T1<TAB>claim 0 12;13 40<TAB>...``); reading joins fragments that
only a line break separates, and refuses a truly discontinuous span.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.files.export_folders import StagedFiles, write_export_folder
from annotator.core.files.input_files import ANNOTATED_FILE_LIMIT, read_input_file
from annotator.core.formats.export import ExportError
from annotator.core.formats.shared import (
    ExportRequest,
    FormatExportReport,
    counted_records,
    export_labels,
    export_link_types,
    layer_links,
    layers,
    note_text,
    span_attributes,
    write_manifest,
)
from annotator.core.models import LabelSet
from annotator.core.store import Store

CONF_NAME = "annotation.conf"
_SAFE_NAME = re.compile(r"[^\w\-.]+")


_ENCODED = "xn--"


def brat_type_name(name: str) -> str:
    """The brat type name for a label or link type. brat's type names are ASCII
    identifiers: an ASCII name is written as it is, any other (and one that starts as
    an encoded one does) as ``xn--`` and its Punycode, as internationalised domain names
    are; ``label_from_brat_type`` reads it back."""
    if name.isascii() and not name.startswith(_ENCODED):
        return name
    return _ENCODED + name.encode("punycode").decode("ascii")


def label_from_brat_type(name: str) -> str:
    """The label or link type a brat type name stands for (see ``brat_type_name``)."""
    if not name.startswith(_ENCODED):
        return name
    try:
        return name[len(_ENCODED) :].encode("ascii").decode("punycode")
    except UnicodeError:
        return name  # another tool's name that only looks encoded


def line_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` split around line breaks, as brat stores a span across lines."""
    fragments: list[tuple[int, int]] = []
    position = start
    for part in text[start:end].split("\n"):
        if part:
            fragments.append((position, position + len(part)))
        position += len(part) + 1
    return fragments


def brat_value(value: str) -> str:
    """A choice as an ``A`` line's last word: brat splits the line on spaces."""
    return value.replace(" ", "_")


def attribute_conf_lines(label_set: LabelSet, labels: Sequence[str]) -> list[str]:
    """``[attributes]`` lines for the labels' choice and yes/no attributes: one per
    attribute name, over every label that has it (``Arg:claim|denial``)."""
    found: dict[str, tuple[list[str], list[str], bool]] = {}
    for name in labels:
        label = label_set.get(name)
        for definition in label.attributes if label is not None else ():
            if definition.kind not in ("choice", "yes/no"):
                continue
            args, values, binary = found.setdefault(
                definition.name, ([], [], definition.kind == "yes/no")
            )
            args.append(brat_type_name(name))
            values.extend(
                brat_value(value) for value in definition.choices
                if brat_value(value) not in values
            )
    return [
        f"{brat_type_name(name)}\tArg:{'|'.join(args)}"
        + ("" if binary else f", Value:{'|'.join(values)}")
        for name, (args, values, binary) in found.items()
    ]


def attribute_lines(
    label_set: LabelSet,
    span: dict[str, Any],
    t_id: str,
    first_number: int,
    report: FormatExportReport,
) -> list[str]:
    """``A`` lines for a written span's scheme attributes (``A1<TAB>verdict T3 false``);
    what brat cannot hold is counted in the report."""
    label = label_set.get(span["label"])
    lines: list[str] = []
    for name, value in span_attributes(label_set, span).items():
        definition = label.attribute(name) if label is not None else None
        if definition is None:
            continue
        if definition.kind == "yes/no" and value is not True:
            report.attributes_left_out[
                "yes/no attributes set to no (a brat flag is either there or not)"
            ] += 1
            continue
        if definition.kind not in ("choice", "yes/no"):
            report.attributes_left_out[
                f"{definition.kind} attributes (brat's are flags or choices from a list)"
            ] += 1
            continue
        shown = "" if definition.kind == "yes/no" else f" {brat_value(str(value))}"
        lines.append(f"A{first_number + len(lines)}\t{brat_type_name(name)} {t_id}{shown}\n")
    report.written_attributes += len(lines)
    return lines


def annotation_conf(
    labels: list[str],
    link_types: Sequence[tuple[str, list[str], list[str]]] = (),
    attributes: Sequence[str] = (),
) -> str:
    entities = "\n".join(brat_type_name(label) for label in labels)
    relations = "".join(
        f"{brat_type_name(name)}\tArg1:{'|'.join(map(brat_type_name, sources))}, "
        f"Arg2:{'|'.join(map(brat_type_name, targets))}\n"
        for name, sources, targets in link_types
    )
    return (
        "# Written by annotator: the project's labels as brat entity types, its link\n"
        "# types as relation types (Arg1: the span a link starts from).\n"
        f"[entities]\n{entities}\n\n[relations]\n{relations}\n[events]\n\n[attributes]\n"
        + "".join(f"{line}\n" for line in attributes)
    )


def folder_name(annotator: str) -> str:
    return _SAFE_NAME.sub("_", annotator).strip("._") or "annotator"


def export_brat(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    report = FormatExportReport(
        path=path,
        format="brat",
        offsets="code points",
        trim_reason="of line breaks at their edges (a brat span cannot start or end on one)",
    )
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; brat export writes a folder")
    folders: dict[str, str] = {}
    label_set = store.label_set()
    type_names: dict[str, str] = {}

    def fill(staged: StagedFiles) -> None:
        """Each layer's pair of files written as soon as it is made."""
        for record in counted_records(store, options, report):
            if record.get("notes"):
                report.notes_left_out["brat has no place for a note on a whole article"] += len(
                    record["notes"]
                )
            for layer in layers(record):
                folder = folders.setdefault(layer.annotator, folder_name(layer.annotator))
                if list(folders.values()).count(folder) > 1:
                    raise ExportError(
                        f"annotators {layer.annotator!r} and another both make the folder "
                        f"name {folder!r}; export them separately with --annotator"
                    )
                stem = record["id"][:16]
                lines = []
                attribute_rows: list[str] = []
                written: dict[str, str] = {}
                for number, span in enumerate(layer.spans, start=1):
                    start, end, shown = span["start"], span["end"], span["text"]
                    if "\n" in shown:
                        fragments = line_fragments(record["text"], start, end)
                        if not fragments:
                            report.dropped["holds only line breaks (brat cannot store it)"] += 1
                            continue
                        if (fragments[0][0], fragments[-1][1]) != (start, end):
                            report.trimmed += 1
                        where = ";".join(f"{low} {high}" for low, high in fragments)
                        shown = " ".join(record["text"][low:high] for low, high in fragments)
                    else:
                        where = f"{start} {end}"  # one fragment: the span itself
                    label = span["label"]
                    type_name = type_names.get(label) or type_names.setdefault(
                        label, brat_type_name(label)
                    )
                    lines.append(f"T{number}\t{type_name} {where}\t{shown}\n")
                    written[span["id"]] = f"T{number}"
                    if "attrs" in span:
                        attribute_rows += attribute_lines(
                            label_set, span, f"T{number}", len(attribute_rows) + 1, report
                        )
                report.written_spans += len(written)
                for number, link in enumerate(layer_links(layer, written, report), start=1):
                    lines.append(
                        f"R{number}\t{brat_type_name(link.type)} Arg1:{link.from_id} "
                        f"Arg2:{link.to_id}\t\n"
                    )
                lines += _note_lines(layer.spans, written, layer.annotator, report)
                staged.write(Path(folder) / f"{stem}.txt", record["text"])
                staged.write(Path(folder) / f"{stem}.ann", "".join(lines + attribute_rows))
        labels = export_labels(store, options, report.labels)
        staged.write(
            CONF_NAME,
            annotation_conf(
                labels, export_link_types(store, labels), attribute_conf_lines(label_set, labels)
            ),
        )

    write_export_folder(path, fill, "brat")
    write_manifest(store, report, options, annotator_folders=folders)
    return report


def _note_lines(
    spans: list[dict[str, Any]], written: dict[str, str], annotator: str,
    report: FormatExportReport,
) -> list[str]:
    """brat's annotator notes, ``#1<TAB>AnnotatorNotes T3<TAB>text``: one line each,
    with no author field."""
    lines: list[str] = []
    for span in spans:
        for note in span.get("notes", ()):
            if span["id"] not in written:
                report.notes_left_out["on a span brat could not hold"] += 1
                continue
            text = note_text(note, annotator, report, one_line=True)
            lines.append(f"#{len(lines) + 1}\tAnnotatorNotes {written[span['id']]}\t{text}\n")
            report.written_notes += 1
    return lines


# -- reading -------------------------------------------------------------------------


@dataclass
class BratSpan:
    line: int
    start: int
    end: int
    label: str
    text: str
    id: str = ""
    """The T id (``T3``) that relations refer to."""
    notes: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    """From the ``A``/``M`` lines on it: a flag is True, a choice its value."""


@dataclass
class BratRelation:
    """An ``R`` line: ``R1<TAB>said_by Arg1:T3 Arg2:T1``; Arg1 is where it starts."""

    line: int
    type: str
    from_id: str
    to_id: str


@dataclass
class BratDocument:
    ann_path: Path
    txt_path: Path
    text: str
    spans: list[BratSpan] = field(default_factory=list)
    relations: list[BratRelation] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)

    def ignore(self, kind: str) -> None:
        self.ignored[kind] = self.ignored.get(kind, 0) + 1


def read_text(path: Path, inside: Path | None = None) -> str:
    # Bytes decoded by hand: universal newlines would turn CRLF into LF and shift
    # every offset after it.
    data = read_input_file(path, limit=ANNOTATED_FILE_LIMIT, inside=inside)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start})") from error


def find_conf(folder: Path) -> Path | None:
    """brat looks for annotation.conf in the folder, then in each parent."""
    for candidate in (folder, *folder.parents):
        conf = candidate / CONF_NAME
        if conf.is_file():
            return conf
    return None


def conf_sections(conf: Path) -> dict[str, list[str]]:
    """Type names per section ([entities], [events], ...) of an annotation.conf."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in read_text(conf).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        name = line.split(None, 1)[0].lstrip("!")
        if "=" in name and name.startswith("<"):
            continue  # a macro definition
        # "Name|Alias" (or "Name | Alias"): every name of the type, as brat reads it.
        names = line.split("\t", 1)[0] if "|" in line.split("\t", 1)[0] else name
        sections.setdefault(current, []).extend(
            part.strip().lstrip("!") for part in names.split("|") if part.strip()
        )
    return sections


def layer_folders(folder: Path) -> list[tuple[str, Path]]:
    """(layer name, folder) pairs: the folder itself if it has .ann files, else each
    subfolder that has them (one annotator each)."""
    if any(folder.glob("*.ann")):
        return [(folder.name, folder)]
    return [
        (sub.name, sub)
        for sub in sorted(folder.iterdir())
        if sub.is_dir() and any(sub.glob("*.ann"))
    ]


def read_document(ann_path: Path, event_types: set[str]) -> BratDocument:
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.is_file():
        raise InputError(ann_path, f"no {txt_path.name} beside it (brat needs both)")
    # A link out of the brat folder (doc.txt -> /etc/passwd) is not read as an article.
    folder = ann_path.parent
    document = BratDocument(ann_path, txt_path, read_text(txt_path, inside=folder))
    relations: list[BratRelation] = []
    attribute_rows: list[tuple[int, list[str]]] = []
    event_ids: set[str] = set()
    t_ids: set[str] = set()
    notes: dict[str, list[str]] = {}
    lines = read_text(ann_path, inside=folder).split("\n")
    # An event's trigger is the T line its E line names first (E1<TAB>Type:T2 ...),
    # whatever annotation.conf says.
    triggers = {
        words[0].rpartition(":")[2]
        for words in (line.split("\t")[1].split() for line in lines if _is_event_line(line))
        if words
    }
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        kind = line[0]
        if kind == "R":
            relation = _relation(line, number)
            if relation is None:
                document.problems.append(
                    InputError(
                        ann_path,
                        "cannot read the relation: want R1<TAB>TYPE Arg1:T1 Arg2:T2",
                        number,
                    )
                )
            else:
                relations.append(relation)
            continue
        if kind == "#":
            note = _note(line)
            if note is None:
                document.ignore("notes brat's annotator notes layout does not fit")
            else:
                notes.setdefault(note[0], []).append(note[1])
            continue
        if kind in "AM" and "\t" in line:
            attribute_rows.append((number, line.split("\t", 2)[1].split()))
            continue
        if kind != "T":
            name = {
                "E": "events",
                "N": "normalisations",
                "*": "equivalences",
            }.get(kind, "other lines")
            document.ignored[name] = document.ignored.get(name, 0) + 1
            continue
        parts = line.split("\t", 2)
        t_ids.add(parts[0])
        if len(parts) < 2:
            document.problems.append(
                InputError(ann_path, "a T line needs tab-separated fields", number)
            )
            continue
        type_and_offsets = parts[1].split(" ", 1)
        label = type_and_offsets[0]
        if label in event_types or parts[0] in triggers:
            document.ignore("event triggers")
            event_ids.add(parts[0])
            continue
        try:
            fragments = [
                (int(a), int(b))
                for a, b in (piece.split() for piece in type_and_offsets[1].split(";"))
            ]
        except (IndexError, ValueError):
            document.problems.append(
                InputError(ann_path, f"cannot read offsets {parts[1]!r}", number)
            )
            continue
        text = document.text
        for (_, end), (start, _) in itertools.pairwise(fragments):
            if text[end:start].strip():
                document.problems.append(
                    InputError(
                        ann_path,
                        f"{parts[0]} is discontinuous ({parts[1]}): annotator spans are "
                        "continuous; split it in brat first",
                        number,
                    )
                )
                break
        else:
            start, end = fragments[0][0], fragments[-1][1]
            shown = parts[2] if len(parts) > 2 else None
            fragment_text = " ".join(text[a:b] for a, b in fragments)
            if shown is not None and shown != fragment_text:
                document.problems.append(
                    InputError(
                        ann_path,
                        f"{parts[0]}: offsets {parts[1]} select {fragment_text!r} in "
                        f"{txt_path.name}, not {shown!r}",
                        number,
                    )
                )
                continue
            document.spans.append(
                BratSpan(
                    number, start, end, label_from_brat_type(label), text[start:end], id=parts[0]
                )
            )
    span_ids = {span.id for span in document.spans}
    for span in document.spans:
        span.notes = notes.pop(span.id, [])
    for target, left in notes.items():
        kind = "relations" if target.startswith("R") else "events or other annotations"
        document.ignored[f"notes on {kind}"] = document.ignored.get(f"notes on {kind}", 0) + len(
            left
        )
    by_id = {span.id: span for span in document.spans}
    for number, words in attribute_rows:
        if len(words) not in (2, 3):
            document.problems.append(
                InputError(
                    ann_path,
                    "cannot read the attribute: want A1<TAB>NAME T1 (a flag) or "
                    "A1<TAB>NAME T1 VALUE",
                    number,
                )
            )
        elif words[1] in by_id:
            value: Any = words[2] if len(words) == 3 else True
            by_id[words[1]].attrs[label_from_brat_type(words[0])] = value
        elif words[1] in event_ids or words[1].startswith("E"):
            document.ignore("attributes of events")
        elif words[1] not in t_ids:
            document.problems.append(
                InputError(ann_path, f"the attribute is on {words[1]}, not in this file", number)
            )
    for relation in relations:
        ends = (relation.from_id, relation.to_id)
        if all(end in span_ids for end in ends):
            document.relations.append(relation)
        elif any(end in event_ids or end.startswith("E") for end in ends):
            document.ignore("relations to events")
        elif any(end not in t_ids for end in ends):
            missing = next(end for end in ends if end not in t_ids)
            document.problems.append(
                InputError(
                    ann_path, f"the relation points to {missing}, not in this file", relation.line
                )
            )
        # Otherwise it points to a refused T line, whose own problem refuses the file.
    return document


def _note(line: str) -> tuple[str, str] | None:
    """(the annotation it is on, the note) of ``#1<TAB>AnnotatorNotes T3<TAB>text``."""
    parts = line.split("\t", 2)
    if len(parts) < 3:
        return None
    words = parts[1].split()
    if len(words) != 2 or words[0] != "AnnotatorNotes" or not parts[2].strip():
        return None
    return words[1], parts[2].strip()


def _is_event_line(line: str) -> bool:
    return line.startswith("E") and line.count("\t") >= 1


def _relation(line: str, number: int) -> BratRelation | None:
    fields = line.split("\t")
    if len(fields) < 2:
        return None
    words = fields[1].split()
    if len(words) != 3:
        return None
    ends = [word.partition(":")[2] for word in words[1:]]
    if not all(ends):
        return None
    return BratRelation(number, label_from_brat_type(words[0]), ends[0], ends[1])


def read_folder(folder: Path) -> Iterator[tuple[str, BratDocument]]:
    """(layer name, document) for every .ann file of a brat folder."""
    if not folder.is_dir():
        raise InputError(folder, "not a folder")
    conf = find_conf(folder)
    if conf is None:
        raise InputError(folder, f"no {CONF_NAME} in it or above it: is this a brat folder?")
    event_types = set(conf_sections(conf).get("events", []))
    found = layer_folders(folder)
    if not found:
        raise InputError(folder, "no .ann files in it or in its subfolders")
    for name, layer_folder in found:
        for ann_path in sorted(layer_folder.glob("*.ann")):
            yield name, read_document(ann_path, event_types)

"""Import annotated files from other tools: each annotator's spans become a layer.

One path through for every format: a reader in ``formats/`` parses the file as written;
here the offset unit is decided (code points or UTF-16, from the span text the file
carries or from which reading fits), Windows line breaks are taken out the way the
store's documents have them, labels are mapped, and everything for one file is written
in one transaction. A record that cannot be imported (unknown label, a span that
matches neither unit, no text) is refused and named with its file and line, and by
default nothing of that file is stored: a half-imported file is harder to mend than a
refused one. ``partial=True`` (``--partial``) imports the file's other records. Importing
the same file twice adds nothing.
"""

from __future__ import annotations

import itertools
import json
import shlex
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annotator.core import scheme
from annotator.core.attribution.links import ForeignRelation, import_relations
from annotator.core.errors import ChoiceError, InputError, NotFound, SpanError
from annotator.core.formats import (
    brat,
    doccano,
    gold_jsonl,
    labelstudio,
    prodigy,
    suggestions,
    webanno_tsv,
)
from annotator.core.formats.export import manifest_path_for
from annotator.core.formats.records import (
    ForeignFile,
    ForeignNote,
    ForeignRecord,
    ForeignSpan,
    iter_json_array,
    iter_json_values,
    read_json,
)
from annotator.core.models import (
    Document,
    Label,
    LabelSet,
    LinkType,
    Note,
    Origin,
    SpanRow,
    Status,
    StatusEntry,
    checked_span_row,
    normalise_newlines,
    utc_now,
)
from annotator.core.scheme import imported_attrs
from annotator.core.store import Store, new_id
from annotator.core.text.offsets import Utf16Map
from annotator.core.wording import counted

FORMATS = ("auto", "gold", "doccano", "labelstudio", "prodigy", "brat", "webanno", "suggestions")
UNITS = ("auto", "codepoints", "utf16")
UNIT_NAMES = {"codepoints": "code points", "utf16": "UTF-16 code units"}


def is_annotated_input(path: Path) -> bool:
    """True for what this module imports: JSON/JSONL files, WebAnno TSV files, and
    brat or WebAnno (INCEpTION export) folders."""
    path = Path(path)
    if path.is_dir():
        return bool(brat.layer_folders(path)) or bool(webanno_tsv.folder_files(path))
    return path.suffix.lower() in (".jsonl", ".json") or webanno_tsv.is_webanno_file(path)


def parse_label_map(text: str | None) -> dict[str, str]:
    """``"PER=person,ORG=organisation"`` -> ``{"PER": "person", "ORG": "organisation"}``.

    A label that holds a comma (the POS tag ``,``) is given alone: ``",=punct"`` is
    one pair when the text does not read as comma-separated pairs."""
    text = text or ""
    pairs = [pair.strip() for pair in text.split(",") if pair.strip()]
    mapping: dict[str, str] = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source.strip() or not target.strip():
            break
        _add_mapping(mapping, source.strip(), target.strip(), "--map")
    else:
        return mapping
    source, sep, target = text.partition("=")
    if sep and source and target.strip() and not any(c in target for c in ",="):
        return {source: target.strip()}
    raise ChoiceError(
        "--map",
        f"cannot read {text!r}: want FROM=TO pairs separated by commas; give a label "
        "with a comma or '=' in it alone (--map ',=NAME') or in --map-file",
        "unreadable map",
        {"text": text},
    )


def read_label_map_file(path: Path) -> dict[str, str]:
    """A ``--map-file``: a JSON object, their label (or relation type) -> ours."""
    value = read_json(path)
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and key and isinstance(target, str) and target.strip()
        for key, target in value.items()
    ):
        raise ChoiceError(
            path,
            'want a JSON object of label names: {"THEIRS": "OURS", ...}',
            "map file not names",
        )
    return {key: target.strip() for key, target in value.items()}


def combined_label_map(
    options: Sequence[str] = (), files: Sequence[Path] = ()
) -> dict[str, str]:
    """Every ``--map`` option and ``--map-file`` together; one label mapped to two
    different labels is refused (which one the user meant cannot be guessed)."""
    mapping: dict[str, str] = {}
    for where, part in [
        *((str(path), read_label_map_file(Path(path))) for path in files),
        *(("--map", parse_label_map(option)) for option in options),
    ]:
        for source, target in part.items():
            _add_mapping(mapping, source, target, where)
    return mapping


def _add_mapping(mapping: dict[str, str], source: str, target: str, where: str) -> None:
    if mapping.get(source, target) != target:
        raise ChoiceError(
            where,
            f"{source!r} is mapped to both {mapping[source]!r} and {target!r}",
            "mapped twice",
            {"source": source, "first": mapping[source], "second": target},
        )
    mapping[source] = target


# -- reports -------------------------------------------------------------------------


@dataclass
class FileImportReport:
    path: Path
    format: str
    unit: str = ""
    documents_added: int = 0
    documents_known: int = 0
    spans_added: Counter[str] = field(default_factory=Counter)
    """Layer (annotator) -> spans added."""
    duplicates: int = 0
    refused: list[InputError] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    labels_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    links_added: int = 0
    notes_added: int = 0
    notes_kept: int = 0
    """Notes of the file whose place already had a note by the same author: the
    project's note was kept."""
    link_types_added: list[str] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)
    """Labels and relation types of the file the project lacks (when not added):
    what ``add_labels=True`` would add."""
    statuses_set: Counter[str] = field(default_factory=Counter)
    """Status -> how many imported layers were given it (``done``, ``in_progress``)."""

    def lines(self) -> list[str]:
        added = sum(self.spans_added.values())
        layers = ", ".join(f"{name}: {count}" for name, count in sorted(self.spans_added.items()))
        out = [
            f"{self.path} ({self.format}): {counted(added, 'span')} added"
            + (f" ({layers})" if layers else "")
            + f", {counted(self.documents_added, 'new document')}, "
            + f"{self.documents_known} already known"
        ]
        if self.unit:
            out.append(f"  offsets: {self.unit}")
        if self.links_added:
            out.append(f"  {counted(self.links_added, 'link')} added")
        if self.notes_added:
            out.append(f"  {counted(self.notes_added, 'note')} added")
        if self.notes_kept:
            out.append(
                f"  {counted(self.notes_kept, 'note')} not imported: the "
                "project has a note by the same author there, which was kept"
            )
        if self.statuses_set:
            marked = ", ".join(
                f"{count} {status.replace('_', ' ')}"
                for status, count in sorted(self.statuses_set.items())
            )
            out.append(f"  layers marked: {marked}")
        if self.duplicates:
            out.append(f"  {counted(self.duplicates, 'span')} already there: skipped")
        if self.labels_added:
            out.append(f"  labels added: {', '.join(self.labels_added)}")
        if self.link_types_added:
            out.append(f"  link types added: {', '.join(self.link_types_added)}")
        for reason, count in sorted(self.skipped.items()):
            out.append(f"  skipped {count} {reason}")
        for note in self.notes:
            out.append(f"  note: {note}")
        for error in self.refused:
            out.append(f"  refused: {error}")
        return out


@dataclass
class ImportReport:
    files: list[FileImportReport] = field(default_factory=list)

    @property
    def spans_added(self) -> int:
        return sum(sum(f.spans_added.values()) for f in self.files)

    @property
    def documents_added(self) -> int:
        return sum(f.documents_added for f in self.files)

    @property
    def refused(self) -> list[InputError]:
        return [error for f in self.files for error in f.refused]

    def unknown_labels(self) -> list[str]:
        return sorted({name for f in self.files for name in f.unknown_labels})

    def layers(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for f in self.files:
            total.update(f.spans_added)
        return total

    def lines(self) -> list[str]:
        return [line for f in self.files for line in f.lines()]


# -- detection -----------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """Which tool wrote ``path``, from its shape: a folder is brat (or WebAnno when it
    holds WebAnno files and no brat ones), a .tsv file WebAnno, JSON is read."""
    if path.is_dir():
        if not brat.layer_folders(path) and webanno_tsv.folder_files(path):
            return "webanno"
        return "brat"
    if path.suffix.lower() == ".tsv":
        if webanno_tsv.is_webanno_file(path):
            return "webanno"
        raise InputError(path, "a .tsv file but not WebAnno TSV 3 (#FORMAT=WebAnno TSV 3.x)", 1)
    if path.suffix.lower() == ".ann":
        raise InputError(path, "give the brat folder, not one .ann file")
    if path.suffix.lower() == ".json":
        # The first tasks tell; the rest of a large export is not read here.
        first = [task for _, task in itertools.islice(iter_json_array(path), 5)]
        if labelstudio.looks_like(first):
            return "labelstudio"
        raise InputError(
            path, "a JSON file but not Label Studio tasks (a list of {data, annotations})"
        )
    if _holds_a_list(path):
        first = [task for _, task in itertools.islice(iter_json_array(path), 5)]
        if labelstudio.looks_like(first):
            return "labelstudio"  # a task list, whatever the file is called
    for line, value in iter_json_values(path):
        for name, module in (
            ("suggestions", suggestions),
            ("gold", gold_jsonl),
            ("labelstudio", labelstudio),
            ("prodigy", prodigy),
            ("doccano", doccano),
        ):
            if name == "labelstudio" and not (isinstance(value, dict) and "annotations" in value):
                continue
            if module.looks_like(value):
                return name
        raise InputError(
            path,
            "cannot tell which tool wrote this (not gold JSONL, doccano, Label Studio, "
            "Prodigy or annotator suggest --json): give --format",
            line=line,
        )
    raise InputError(path, "empty file: nothing to import")


def read_file(path: Path, format_name: str, *, predictions: bool = False) -> ForeignFile:
    if format_name == "gold":
        return gold_jsonl.read(path)
    if format_name == "doccano":
        return doccano.read(path)
    if format_name == "labelstudio":
        if _holds_a_list(path):
            return labelstudio.read(path, predictions=predictions)
        # JSON Lines: one task a line, each named by its position.
        def tasks() -> Iterator[tuple[int, Any]]:
            for number, (_, task) in enumerate(iter_json_values(path), start=1):
                yield number, task

        return labelstudio.read(path, predictions=predictions, tasks=tasks)
    if format_name == "prodigy":
        return prodigy.read(path)
    if format_name == "brat":
        return _read_brat(path)
    if format_name == "webanno":
        return webanno_tsv.read(path)
    if format_name == "suggestions":
        return suggestions.read(path)
    raise InputError(path, f"unknown format {format_name!r}: use {', '.join(FORMATS)}")


def _holds_a_list(path: Path) -> bool:
    """True when the file's first JSON value is a list (a task list)."""
    try:
        with open(path, "rb") as file:
            start = file.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    return start.startswith(b"[")


def _scheme_notes(store: Store, path: Path) -> list[str]:
    """How the scheme an export's manifest names (beside the file, as annotator writes
    it) differs from the project's: an attribute or a label one of them lacks."""
    manifest = manifest_path_for(path)
    if not manifest.is_file():
        return []
    try:
        written = json.loads(manifest.read_text(encoding="utf-8")).get("label_set")
        theirs = LabelSet.model_validate(written)
    except (OSError, ValueError, AttributeError):
        return [f"{manifest.name} names no scheme this version can read: not compared"]
    return [
        f"the export's scheme (version {theirs.version}) differs: {difference}"
        for difference in scheme.differences(store.label_set(), theirs)
    ]


def _read_brat(folder: Path) -> ForeignFile:
    result = ForeignFile(folder, "brat", [], fixed_unit="codepoints", local_relations=True)
    layer_count = len(brat.layer_folders(folder)) if folder.is_dir() else 0
    for name, document in brat.read_folder(folder):
        record = ForeignRecord(
            document.ann_path,
            None,
            document.text,
            annotator=name,
            annotator_is_fallback=layer_count == 1,
            source=str(document.txt_path),
        )
        for span in document.spans:
            record.spans.append(
                ForeignSpan(
                    span.start,
                    span.end,
                    span.label,
                    text=span.text,
                    line=span.line,
                    local_id=span.id,
                    notes=[ForeignNote(note) for note in span.notes],
                    attrs=dict(span.attrs) or None,
                )
            )
        record.relations = [
            ForeignRelation(r.type, r.from_id, r.to_id, line=r.line) for r in document.relations
        ]
        result.records.append(record)
        for kind, count in document.ignored.items():
            result.skipped[f"brat {kind} (not spans)"] += count
        record.line_problems = [(p.line or 0, p.reason) for p in document.problems]
    return result


# -- offsets -------------------------------------------------------------------------


def _utf16_reading(mapping: Utf16Map, start: int, end: int) -> tuple[int, int] | None:
    """Code point offsets for UTF-16 ``start:end``; None if they do not fit the text."""
    if not (0 <= start < end <= mapping.utf16_length):
        return None
    return mapping.code_point_span(start, end)


_ENOUGH_EVIDENCE = 500
"""Spans after an emoji looked at to decide the unit: more changes no decision, and
each span is still checked against its own text (when it has one) as it is imported."""


class UndecidableUnit(Exception):
    """Nothing in the file tells its offset unit, and the two readings differ."""


def _inside_a_character(text: str, offset: int) -> bool:
    """True between the parts of what a reader sees as one character: before a
    combining mark, a joiner, a variation selector or a skin tone, or after a joiner."""
    if offset <= 0 or offset >= len(text):
        return False
    following = text[offset]
    return (
        unicodedata.category(following).startswith("M")
        or following in "\u200d\ufe0e\ufe0f"
        or "\U0001f3fb" <= following <= "\U0001f3ff"
        or text[offset - 1] == "\u200d"
    )


def _on_word_edges(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` begins and ends where a word does (or at punctuation),
    with no space at either edge and no character cut: where a person's selection
    falls."""
    if text[start].isspace() or text[end - 1].isspace():
        return False
    if _inside_a_character(text, start) or _inside_a_character(text, end):
        return False
    starts_clean = start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
    ends_clean = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return starts_clean and ends_clean


def _unit_in_manifest(foreign: ForeignFile) -> str | None:
    """The offset unit annotator's own export manifest names for this file, if any."""
    manifest = manifest_path_for(foreign.path)
    if foreign.path.is_dir() or not manifest.is_file():
        return None
    try:
        value = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not (
        isinstance(value, dict)
        and value.get("file") == foreign.path.name
        and value.get("format") == foreign.format
        and isinstance(value.get("tool"), dict)
        and value["tool"].get("name") == "annotator"
    ):
        return None
    return next((unit for unit, name in UNIT_NAMES.items() if value.get("offsets") == name), None)


def decide_unit(foreign: ForeignFile, forced: str = "auto") -> tuple[str, str]:
    """(unit for spans without text, what the report says about it).

    The evidence, strongest first: the span text the file carries, then a reading
    that does not fit the text, then the unit annotator's export manifest beside the
    file names, then which reading puts the spans' edges on word boundaries. Raises
    ``UndecidableUnit`` when spans read differently in the two units and nothing
    tells which is right: a guess would shift them."""
    if foreign.fixed_unit:
        return foreign.fixed_unit, f"{UNIT_NAMES[foreign.fixed_unit]} ({foreign.format} format)"
    if forced != "auto":
        return forced, f"{UNIT_NAMES[forced]} (as given with --offsets)"
    evidence: Counter[str] = Counter()
    astral = False
    differing = 0
    for record in foreign.each_record():
        if sum(evidence.values()) + differing >= _ENOUGH_EVIDENCE:
            break
        if record.problem or record.text is None:
            continue
        mapping = Utf16Map(record.text)
        if mapping.is_identity:
            continue
        astral = True
        for span in record.spans:
            by_cp = (
                (span.start, span.end) if 0 <= span.start < span.end <= len(record.text) else None
            )
            by_u16 = _utf16_reading(mapping, span.start, span.end)
            if span.text is not None:
                cp_fits = by_cp is not None and record.text[by_cp[0] : by_cp[1]] == span.text
                u16_fits = by_u16 is not None and record.text[by_u16[0] : by_u16[1]] == span.text
                if cp_fits != u16_fits:
                    evidence["text:codepoints" if cp_fits else "text:utf16"] += 1
                continue
            if (by_cp is None) != (by_u16 is None):
                evidence["fit:codepoints" if by_u16 is None else "fit:utf16"] += 1
            elif by_cp is not None and by_u16 is not None and by_cp != by_u16:
                differing += 1
                if _on_word_edges(record.text, *by_cp):
                    evidence["words:codepoints"] += 1
                if _on_word_edges(record.text, *by_u16):
                    evidence["words:utf16"] += 1
    if not astral:
        return (
            foreign.default_unit,
            "code points = UTF-16 here (no emoji or other astral characters)",
        )
    for kind, how in (
        ("text", "the span text the file carries"),
        ("fit", "which reading fits the text"),
    ):
        cp, u16 = evidence[f"{kind}:codepoints"], evidence[f"{kind}:utf16"]
        if cp and u16:
            return foreign.default_unit, (
                f"mixed ({counted(cp, 'span')} in code points, {u16} in UTF-16, by {how}); "
                "each span "
                "read by its own text where it has one"
            )
        if cp or u16:
            unit = "codepoints" if cp else "utf16"
            return unit, f"{UNIT_NAMES[unit]} (detected from {how})"
    declared = _unit_in_manifest(foreign)
    if declared is not None:
        return declared, f"{UNIT_NAMES[declared]} (as the manifest annotator wrote beside it says)"
    if not differing:
        return foreign.default_unit, (
            "code points = UTF-16 for every span here (none comes after an emoji or "
            "other astral character)"
        )
    cp, u16 = evidence["words:codepoints"], evidence["words:utf16"]
    if max(cp, u16) > 2 * min(cp, u16):
        unit, won, lost = ("codepoints", cp, u16) if cp > u16 else ("utf16", u16, cp)
        other = "UTF-16" if unit == "codepoints" else "code points"
        return unit, (
            f"{UNIT_NAMES[unit]} (detected from word boundaries: of {differing} spans after "
            f"an emoji, {won} start and end on word edges read so, {lost} read in {other})"
        )
    raise UndecidableUnit(
        f"cannot tell the offset unit: the file carries no span text, and of {differing} "
        f"spans after an emoji {cp} fall on word edges read in code points, {u16} read in "
        "UTF-16 code units; give --offsets codepoints or --offsets utf16"
    )


class _Newlines:
    """Maps offsets in a text with CR or CRLF line breaks to its LF-only form."""

    def __init__(self, raw: str) -> None:
        self.text = normalise_newlines(raw)
        # Only the CR of a CRLF pair disappears; a lone CR becomes LF in place.
        self._removed = (
            [i for i, char in enumerate(raw) if char == "\r" and raw[i + 1 : i + 2] == "\n"]
            if "\r" in raw
            else []
        )

    @property
    def shifts(self) -> bool:
        """False when no offset moves (the text had no CRLF)."""
        return bool(self._removed)

    def __call__(self, offset: int) -> int:
        return offset - bisect_left(self._removed, offset) if self._removed else offset


# -- import --------------------------------------------------------------------------


@dataclass
class _Plan:
    """What one file will add, checked before anything is written."""

    documents: dict[str, Document] = field(default_factory=dict)
    spans: list[SpanRow] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    relations: list[ForeignRelation] = field(default_factory=list)
    span_ids: dict[str, str] = field(default_factory=dict)
    """The file's span ids -> the ids the spans are stored under, when they differ."""
    link_types: dict[str, LinkType] = field(default_factory=dict)
    """Relation types the file uses that the project lacks (``add_labels``), by name,
    allowed between the labels the file links with them."""
    statuses: dict[tuple[str, str], Status] = field(default_factory=dict)
    """(document, layer) -> the status the import gives the layer: done when the tool
    says the work was finished, else in progress. Never lowers a status already there."""
    notes: list[tuple[str, str | None, str, ForeignNote]] = field(default_factory=list)
    """(document, span id or None for the article, the layer, the note): written once
    the spans are in."""


def _layer_names(foreign: ForeignFile, as_name: str | None) -> dict[str, str]:
    """Fallback layer names (file names, user ids) -> the names the import uses (a
    name not in it is used as it is)."""
    if not as_name:
        return {}
    fallbacks = sorted(
        {r.annotator for r in foreign.each_record() if r.annotator_is_fallback and r.annotator}
    )
    if len(fallbacks) <= 1:
        return {name: as_name for name in fallbacks}
    return {name: f"{as_name}-{name}" for name in fallbacks}


def _label_problem(
    label: str, label_set_names: Sequence[str], add_labels: bool, mapping: dict[str, str]
) -> str | None:
    if label in label_set_names:
        return None
    if not add_labels:
        hint = f"--map {shlex.quote(f'{label}=LABEL')} or --add-labels"
        return (
            f"unknown label {label!r} (the project's labels: {', '.join(label_set_names)}); "
            f"use {hint}"
        )
    try:
        Label(name=label, key="x", color="#000000")
    except ValidationError:
        return (
            f"label {label!r} cannot be a label name (a letter of any alphabet, then "
            f"letters, digits, '_' or '-'): map it with --map {shlex.quote(label + '=NAME')}"
        )
    return None


def _plan_file(
    store: Store,
    foreign: ForeignFile,
    report: FileImportReport,
    *,
    as_name: str | None,
    mapping: dict[str, str],
    add_labels: bool,
    offsets: str,
    write: Callable[[_Plan], None] | None = None,
) -> _Plan:
    """What the file adds. With ``write``, the spans planned so far are handed to it
    every few thousand and taken out of the plan, so memory holds a batch, not the
    file; the caller undoes them if the file is refused."""
    plan = _Plan()
    try:
        unit, report.unit = decide_unit(foreign, offsets)
    except UndecidableUnit as error:
        report.refused.append(InputError(foreign.path, str(error)))
        return plan
    layer_names = _layer_names(foreign, as_name)
    if as_name and foreign.format == "gold":
        report.notes.append("--as ignored: gold JSONL names each span's annotator")
    label_names = list(store.label_set().names)
    existing: dict[tuple[str, str], dict[tuple[int, int, str], str]] = {}
    """(document, layer) -> (start, end, label) -> the stored (or planned) span's id."""
    used_ids: set[str] = set()
    unit_counts: Counter[str] = Counter()
    label_problems: dict[str, str | None] = {}
    next_id = _IdMaker()
    now = utc_now()
    imported = Origin.IMPORTED.value
    file_span_ids = {span.id for record in foreign.records for span in record.spans if span.id}

    for record in foreign.each_record():
        where_path = record.path
        if record.problem is None and record.text is None and record.doc_id is not None:
            if store.has_document(record.doc_id):
                record.text = store.document(record.doc_id).text
            else:
                record.problem = (
                    f"no document {record.doc_id[:12]} in this project (suggestions apply to "
                    "the project they were made in)"
                )
        if record.problem is not None or record.text is None:
            report.refused.append(
                InputError(where_path, record.problem or "no text", line=record.line)
            )
            continue
        raw = record.text
        mapping16 = Utf16Map(raw)
        newlines = _Newlines(raw)
        text = newlines.text
        if not text.strip():
            report.refused.append(InputError(where_path, "the text is empty", line=record.line))
            continue
        document = Document.from_text(
            text,
            title=record.title or None,
            source=record.source or str(foreign.path),
            language=record.language,
            meta=record.meta,
        )
        record_spans: list[SpanRow] = []
        record_labels: list[str] = []
        local_ids: dict[str, tuple[str, str]] = {}
        """The file's names for the record's spans -> (id, label) of the planned span
        or of the stored one it duplicates: what the record's relations point to."""
        problem: str | None = None
        line_problems = list(record.line_problems)
        record_layer = layer_names.get(record.annotator or "", record.annotator)
        record_notes: list[tuple[str, str | None, str, ForeignNote]] = []
        for foreign_span in record.spans:
            span_problem = None
            label = mapping.get(foreign_span.label, foreign_span.label)
            if label not in label_problems:
                label_problems[label] = _label_problem(label, label_names, add_labels, mapping)
            span_problem = label_problems[label]
            converted = None
            if span_problem is None:
                converted, span_problem, used_unit = _convert(
                    raw, mapping16, foreign_span, unit, fixed=foreign.fixed_unit is not None
                )
                if used_unit:
                    unit_counts[used_unit] += 1
            if span_problem is None and converted is not None:
                start, end = (
                    (newlines(converted[0]), newlines(converted[1]))
                    if newlines.shifts
                    else converted
                )
                if start >= end:
                    span_problem = "the span holds only a line break"
                else:
                    annotator = foreign_span.annotator or record_layer
                    if not annotator:
                        span_problem = "no annotator named: give --as NAME"
                    else:
                        key = (document.id, annotator)
                        if key not in existing:
                            existing[key] = (
                                {
                                    (s.start, s.end, s.label): s.id
                                    for s in store.spans(document.id, annotator)
                                }
                                if store.has_document(document.id)
                                else {}
                            )
                        local = foreign_span.local_id or foreign_span.id
                        if (start, end, label) in existing[key]:
                            report.duplicates += 1
                            found_id = existing[key][(start, end, label)]
                            if local:
                                local_ids[local] = (found_id, label)
                            record_notes.extend(
                                (document.id, found_id, annotator, note)
                                for note in foreign_span.notes
                            )
                            continue
                        span_id = foreign_span.id
                        if not span_id or span_id in used_ids or _span_exists(store, span_id):
                            span_id = next_id()
                        else:
                            used_ids.add(span_id)
                        if foreign_span.id and foreign_span.id != span_id:
                            plan.span_ids[foreign_span.id] = span_id
                        made = _make_span(
                            SpanRow(
                                span_id,
                                document.id,
                                annotator,
                                start,
                                end,
                                label,
                                text[start:end],
                                foreign_span.origin or imported,
                                imported_attrs(store.label_set().get(label), foreign_span.attrs)
                                if foreign_span.attrs
                                else {},
                                foreign_span.created_at or now,
                                foreign_span.updated_at or foreign_span.created_at or now,
                            )
                        )
                        if isinstance(made, str):
                            span_problem = made
                        else:
                            existing[key][(start, end, label)] = made.id
                            if local:
                                local_ids[local] = (made.id, label)
                            record_spans.append(made)
                            record_notes.extend(
                                (document.id, made.id, annotator, note)
                                for note in foreign_span.notes
                            )
                            if label not in label_names:
                                record_labels.append(label)
            if span_problem is not None:
                if foreign_span.line is not None:
                    line_problems.append((foreign_span.line, span_problem))
                else:
                    problem = span_problem
                    break
        record_relations: list[ForeignRelation] = list(record.relations)
        new_link_types: dict[str, LinkType] = {}
        if foreign.local_relations and problem is None and not line_problems:
            record_relations, relation_problems = _plan_relations(
                record.relations,
                local_ids,
                store.label_set(),
                plan.link_types,
                new_link_types,
                mapping,
                add_labels,
            )
            for line, reason in relation_problems:
                if line is not None:
                    line_problems.append((line, reason))
                elif problem is None:
                    problem = reason
        elif problem is None and not line_problems:
            problem = _missing_link_end(store, record.relations, file_span_ids)
        if problem is not None or line_problems:
            # A document's layer comes in whole or not at all: half a layer would
            # pass for the annotator's complete work in agreement and review.
            if problem is not None:
                report.refused.append(InputError(where_path, problem, line=record.line))
            for line, reason in line_problems:
                report.refused.append(
                    InputError(where_path, f"{reason} (the whole file is refused)", line=line)
                )
            for span in record_spans:
                existing[(span.doc_id, span.annotator)].pop(
                    (span.start, span.end, span.label), None
                )
            continue
        plan.documents.setdefault(document.id, document)
        plan.spans.extend(record_spans)
        plan.notes.extend(record_notes)
        for note in record.article_notes:
            author = note.author or record_layer
            if author:
                plan.notes.append((document.id, None, author, note))
        layers = {span.annotator for span in record_spans}
        if record.finished and not layers:  # finished, and found nothing to tag
            named = layer_names.get(record.annotator or "", record.annotator)
            layers = {named} if named else set()
        for name in layers:
            status = Status.DONE if record.finished else Status.IN_PROGRESS
            if plan.statuses.get((document.id, name)) != Status.DONE:
                plan.statuses[(document.id, name)] = status
        plan.relations.extend(record_relations)
        plan.link_types.update(new_link_types)
        for label in record_labels:
            if label not in plan.labels:
                plan.labels.append(label)
        if write is not None and len(plan.spans) >= _BATCH:
            write(plan)
            plan.spans, plan.documents = [], {}
            existing.clear()  # the store has them now, and answers for them
    if not add_labels and report.refused:  # what "add these labels" would add
        report.unknown_labels = _unknown_names(foreign, label_names, mapping, store.label_set())
    if len(unit_counts) > 1:
        report.unit += (
            " ("
            + ", ".join(
                f"{counted(count, 'span')} in {UNIT_NAMES[unit_]}"
                for unit_, count in sorted(unit_counts.items())
            )
            + ")"
        )
    return plan


_BATCH = 5_000
"""Spans written at a time while a file is read."""


class _IdMaker:
    """Ids for imported spans: one random prefix per file and a counter, 32 hex digits
    like ``new_id``'s, and in order, so the store's index takes them at its end (a
    random id per span costs a random page of the index each)."""

    def __init__(self) -> None:
        self.prefix = new_id()[:16]
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"{self.prefix}{self.count:016x}"


def _unknown_names(
    foreign: ForeignFile, label_names: Sequence[str], mapping: dict[str, str], label_set: LabelSet
) -> list[str]:
    labels: set[str] = set()
    kinds: set[str] = set()
    for record in foreign.each_record():
        labels.update(mapping.get(s.label, s.label) for s in record.spans)
        kinds.update(mapping.get(rel.type, rel.type) for rel in record.relations)
    unknown = labels - set(label_names)
    if foreign.local_relations:
        unknown |= kinds - {kind.name for kind in label_set.link_types}
    return sorted(unknown)


def _make_span(row: SpanRow) -> SpanRow | str:
    """The span, or what is wrong with the file's values for it."""
    try:
        return checked_span_row(row)
    except ValidationError as error:
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )


def _span_exists(store: Store, span_id: str) -> bool:
    try:
        store.span(span_id)
    except KeyError:
        return False
    return True


def _convert(
    raw: str, mapping: Utf16Map, span: ForeignSpan, unit: str, *, fixed: bool
) -> tuple[tuple[int, int] | None, str | None, str | None]:
    """(code point offsets in ``raw``, problem, unit used) for one span."""
    if (
        span.text is not None
        and unit == "codepoints"
        and 0 <= span.start < span.end <= len(raw)
        and raw[span.start : span.end] == span.text
    ):
        return (span.start, span.end), None, "codepoints"  # the common case, first
    if span.text is None:  # nothing to check: read in the unit decided, only
        return _read_in_unit(raw, mapping, span, unit)
    by_cp = (span.start, span.end) if 0 <= span.start < span.end <= len(raw) else None
    by_u16 = None if fixed and unit != "utf16" else _utf16_reading(mapping, span.start, span.end)
    if fixed and unit == "utf16":
        by_cp = None  # a format that counts UTF-16 (WebAnno) is never read in code points
    candidates = [("codepoints", by_cp), ("utf16", by_u16)]
    if unit == "utf16":
        candidates.reverse()
    for name, reading in candidates:
        if reading is not None and raw[reading[0] : reading[1]] == span.text:
            return reading, None, name
    shown = raw[by_cp[0] : by_cp[1]] if by_cp else None
    detail = f"select {shown!r}" if shown is not None else "fall outside the text"
    also = "" if fixed else " in code points or in UTF-16 code units"
    return (
        None,
        (
            f"span {span.start}-{span.end} {span.label}: the offsets {detail}, not the "
            f"span's text {span.text!r}{also}"
        ),
        None,
    )


def _read_in_unit(
    raw: str, mapping: Utf16Map, span: ForeignSpan, unit: str
) -> tuple[tuple[int, int] | None, str | None, str | None]:
    """``_convert`` for a span without text: its offsets read in ``unit``."""
    if unit == "utf16":
        reading = _utf16_reading(mapping, span.start, span.end)
    else:
        reading = (span.start, span.end) if 0 <= span.start < span.end <= len(raw) else None
    if reading is None:
        return (
            None,
            (
                f"span {span.start}-{span.end} {span.label} does not fit the text "
                f"(length {len(raw)} code points, {mapping.utf16_length} UTF-16 units) "
                f"read as {UNIT_NAMES[unit]}"
            ),
            None,
        )
    return reading, None, unit


def import_file(
    store: Store,
    path: Path | str,
    *,
    format_name: str = "auto",
    as_name: str | None = None,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    predictions: bool = False,
    offsets: str = "auto",
    partial: bool = False,
    shown: str | None = None,
) -> FileImportReport:
    """Import one annotated file (or brat folder) in one transaction.

    With a refused record, nothing of the file is stored unless ``partial``. ``shown``
    is how the user knows ``path`` (``ARCHIVE.zip/inner/path`` for a member of an
    archive extracted to a temporary folder): documents' sources, the report and
    errors name it instead of ``path``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(shown or path, "no such file or folder")
    if offsets not in UNITS:
        raise InputError(shown or path, f"unknown offset unit {offsets!r}: use {', '.join(UNITS)}")
    try:
        name = detect_format(path) if format_name == "auto" else format_name
        foreign = read_file(path, name, predictions=predictions)
        if shown is not None:
            foreign.read_whole()  # an archive's member, renamed as the user knows it
            _show_as(foreign, path, shown)
    except InputError as error:
        if shown is None:
            raise
        raise _shown_error(error, path, shown) from error
    report = FileImportReport(Path(shown) if shown else path, name, skipped=foreign.skipped)
    report.notes += _scheme_notes(store, path)
    try:
        with store.transaction():
            written: set[str] = set()
            plan = _plan_file(
                store,
                foreign,
                report,
                as_name=as_name,
                mapping=label_map or {},
                add_labels=add_labels,
                offsets=offsets,
                write=lambda batch: (
                    _write_spans(store, batch, report, written)
                    if partial or not report.refused
                    else None  # the file will be refused: nothing more to write
                ),
            )
            if report.refused and not partial:
                raise _UndoFile
            _write_spans(store, plan, report, written)
            _write_plan(store, plan, report)
            if plan.relations and not _import_links(store, plan, report, partial):
                raise _UndoFile
    except _UndoFile:
        return _nothing_imported(report)
    finally:
        report.notes[:0] = foreign.notes  # the reader's, complete once it has read all
    return report


class _UndoFile(Exception):
    """Raised inside the file's transaction to take back what it wrote."""


def _write_spans(store: Store, plan: _Plan, report: FileImportReport, written: set[str]) -> None:
    """The labels, documents and spans planned so far (``written``: labels added)."""
    new_labels = [label for label in plan.labels if label not in written]
    if new_labels:
        try:
            added_labels = store.add_labels(new_labels)
        except SpanError as error:  # no shortcut key left for a new label
            raise InputError(report.path, str(error)) from error
        report.labels_added += [label.name for label in added_labels]
        written.update(new_labels)
    documents = list(plan.documents.values())
    added = store.add_documents(documents)
    report.documents_added += sum(added)
    report.documents_known += len(added) - sum(added)
    store.add_span_rows(plan.spans, documents)
    for span in plan.spans:
        report.spans_added[span.annotator] += 1
    plan.spans, plan.documents = [], {}


def _write_plan(store: Store, plan: _Plan, report: FileImportReport) -> None:
    """What comes once the spans are in: link types, statuses."""
    if plan.link_types:
        report.link_types_added = _add_link_types(store, list(plan.link_types.values()))
    entries = [
        StatusEntry(doc_id=doc_id, annotator=name, status=status)
        for (doc_id, name), status in plan.statuses.items()
    ]
    for entry, changed in zip(entries, store.carry_statuses(entries), strict=True):
        if changed:
            report.statuses_set[Status(entry.status).value] += 1
    _write_notes(store, plan, report)


def _write_notes(store: Store, plan: _Plan, report: FileImportReport) -> None:
    """The file's notes, one per author and place (several the file has there are
    joined by a blank line); a place where the author already has a note keeps the
    project's (the same text counts as there already, a different one is reported)."""
    placed: dict[tuple[str, str | None, str], list[ForeignNote]] = {}
    for doc_id, span_id, layer, foreign_note in plan.notes:
        placed.setdefault((doc_id, span_id, foreign_note.author or layer), []).append(
            foreign_note
        )
    for (doc_id, span_id, author), found in placed.items():
        text = "\n\n".join(note.text for note in found)
        there = store.note_by(doc_id, span_id, author)
        if there is not None:
            report.notes_kept += there.text != text
            continue
        first = found[0]
        now = utc_now()
        store.put_note(
            Note(
                id=first.id if first.id and not _note_exists(store, first.id) else new_id(),
                doc_id=doc_id,
                span_id=span_id,
                author=author,
                text=text,
                created_at=first.created_at or now,
                updated_at=first.updated_at or first.created_at or now,
            )
        )
        report.notes_added += 1


def _note_exists(store: Store, note_id: str) -> bool:
    try:
        store.note(note_id)
    except NotFound:
        return False
    return True


def _nothing_imported(report: FileImportReport) -> FileImportReport:
    report.labels_added, report.link_types_added = [], []
    report.documents_added = report.documents_known = 0
    report.statuses_set.clear()
    report.spans_added.clear()
    report.links_added = 0
    report.notes_added = report.notes_kept = 0
    report.notes.append(
        f"nothing from this file was imported: {len(report.refused)} record(s) refused; "
        "mend them, or import the others with --partial"
    )
    return report


def _shown_text(text: str, path: Path, shown: str) -> str:
    """``text`` with ``path`` (a temporary folder's) named as the user knows it."""
    return text.replace(str(path), shown)


def _shown_error(error: InputError, path: Path, shown: str) -> InputError:
    return InputError(
        _shown_text(error.path, path, shown),
        _shown_text(error.reason, path, shown),
        line=error.line,
    )


def _show_as(foreign: ForeignFile, path: Path, shown: str) -> None:
    """Name ``path`` as ``shown`` wherever the reader kept it: the file's and each
    record's path (in the report and errors) and the sources brat keeps."""
    foreign.path = Path(_shown_text(str(foreign.path), path, shown))
    for record in foreign.records:
        record.path = Path(_shown_text(str(record.path), path, shown))
        if record.source is not None:
            record.source = _shown_text(record.source, path, shown)
        record.line_problems = [
            (line, _shown_text(reason, path, shown)) for line, reason in record.line_problems
        ]
        if record.problem is not None:
            record.problem = _shown_text(record.problem, path, shown)


def _add_link_types(store: Store, kinds: list[LinkType]) -> list[str]:
    current = store.label_set()
    known = {kind.name for kind in current.link_types}
    added = [kind for kind in kinds if kind.name not in known]
    if added:
        store.set_label_set(
            current.model_copy(update={"link_types": [*current.link_types, *added]})
        )
    return [kind.name for kind in added]


def _plan_relations(
    relations: Sequence[ForeignRelation],
    local_ids: dict[str, tuple[str, str]],
    label_set: LabelSet,
    planned: dict[str, LinkType],
    new_link_types: dict[str, LinkType],
    mapping: dict[str, str],
    add_labels: bool,
) -> tuple[list[ForeignRelation], list[tuple[int | None, str]]]:
    """A record's relations (by the file's span names) as relations between span ids,
    and (line, reason) for each that cannot be a link: its type unknown (unless
    mapped, or added with ``add_labels``), a span it names missing, labels the link
    type does not join. Like an unknown label, any of these refuses the record."""
    accepted: list[ForeignRelation] = []
    problems: list[tuple[int | None, str]] = []
    known = {kind.name: kind for kind in label_set.link_types}
    for relation in relations:
        type_name = mapping.get(relation.type, relation.type)
        source, target = local_ids.get(relation.from_span), local_ids.get(relation.to_span)
        problem = None
        if source is None or target is None:
            missing = relation.from_span if source is None else relation.to_span
            problem = f"relation {type_name}: no span {missing!r} in this record"
        else:
            (source_id, source_label), (target_id, target_label) = source, target
            labels = [source_label, target_label]
            # This record's version of a type being added holds the pairs of its earlier
            # relations; the plan's holds only earlier records'.
            kind = known.get(type_name) or new_link_types.get(type_name) or planned.get(type_name)
            if source_id == target_id:
                problem = f"relation {type_name} links a span to itself"
            elif kind is None and not add_labels:
                names = ", ".join(known) or "none"
                problem = (
                    f"unknown relation type {type_name!r} (the project's link types: {names}); "
                    f"use --map {relation.type}=TYPE or --add-labels"
                )
            elif kind is None or type_name in new_link_types or type_name in planned:
                # A type the import adds: allowed between whatever labels the file joins.
                before = kind or LinkType(name=type_name, source_labels=[], target_labels=[])
                new_link_types[type_name] = LinkType(
                    name=type_name,
                    source_labels=_with(before.source_labels, labels[0]),
                    target_labels=_with(before.target_labels, labels[1]),
                    display={"en": type_name, "fr": type_name},
                )
            elif labels[0] not in kind.source_labels or labels[1] not in kind.target_labels:
                problem = (
                    f"a {type_name} link goes from {' or '.join(kind.source_labels)} to "
                    f"{' or '.join(kind.target_labels)}, not from {labels[0]} to {labels[1]}"
                )
            if problem is None:
                accepted.append(
                    ForeignRelation(type_name, source_id, target_id, line=relation.line)
                )
        if problem is not None:
            problems.append((relation.line, problem))
    return accepted, problems


def _missing_link_end(
    store: Store, relations: Sequence[ForeignRelation], file_span_ids: set[str]
) -> str | None:
    """A link (by span ids, as gold JSONL holds them) to a span neither the file nor
    the project has: its record is refused, as a half-linked layer would be wrong."""
    for relation in relations:
        for end in (relation.from_span, relation.to_span):
            if end not in file_span_ids and not _span_exists(store, end):
                return f"relation {relation.type}: no span {end!r} in this file or the project"
    return None


def _with(names: list[str], name: str) -> list[str]:
    return names if name in names else [*names, name]


def _import_links(store: Store, plan: _Plan, report: FileImportReport, partial: bool) -> bool:
    """Links between the file's spans, after the spans. A link that cannot be stored
    refuses the file like a bad record (False: the caller undoes the file's writes),
    or with ``partial`` is refused alone: never dropped with only a note."""
    result = import_relations(store, plan.relations, plan.span_ids)
    report.links_added = len(result.added)
    if result.present:
        report.notes.append(f"{counted(result.present, 'link')} already there: skipped")
    for relation, reason in result.refused:
        report.refused.append(
            InputError(
                report.path,
                f"link {relation.id or ''} ({relation.type}) cannot be stored: {reason}",
                line=relation.line,
            )
        )
    if result.refused and not partial:
        report.links_added = 0
        return False
    return True


def import_annotated(
    store: Store,
    paths: Iterable[Path | str],
    *,
    format_name: str = "auto",
    as_name: str | None = None,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    predictions: bool = False,
    offsets: str = "auto",
    partial: bool = False,
    shown: Mapping[Path, str] | None = None,
) -> ImportReport:
    """Import each annotated file or brat folder; each file is whole or not at all
    (unless ``partial``: then a file's good records go in without its refused ones).
    ``shown`` names paths the user knows by another name (archive members)."""
    report = ImportReport()
    for path in paths:
        report.files.append(
            import_file(
                store,
                path,
                format_name=format_name,
                as_name=as_name,
                label_map=label_map,
                add_labels=add_labels,
                predictions=predictions,
                offsets=offsets,
                partial=partial,
                shown=(shown or {}).get(Path(path)),
            )
        )
    return report

"""WebAnno TSV 3.x, the export format of INCEpTION and WebAnno: one file per document
and annotator.

A file names its layers in a header (``#T_SP=`` span layers, ``#T_RL=`` relation
layers, ``#T_CH=`` chain layers, each with its feature columns), then holds one block
per sentence: its ``#Text=`` lines, then one row per token
(``1-4<TAB>10-14<TAB>test<TAB>PERSON[1]<TAB>``) and sub-token rows (``1-4.1``) where an
annotation starts or ends inside a token. ``_`` is no annotation, ``*`` an annotation
whose feature is empty, ``VALUE[N]`` annotation N, which covers every row naming N
(several on one row are stacked with ``|``). A relation sits on its target's row; its
last column names the row (and annotation) it comes from.

Offsets are UTF-16 code units; this reader keeps them so (``fixed_unit="utf16"``) and
``interchange`` converts them. The document text is rebuilt the way INCEpTION's own
reader (``Tsv3XDeserializer``) rebuilds it: a sentence starts at its first token's
offset, its ``#Text=`` lines are joined with line breaks, and the gap before the next
sentence is that line break then spaces.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.attribution.links import ForeignRelation
from annotator.core.errors import InputError
from annotator.core.formats.records import ForeignFile, ForeignRecord, ForeignSpan, read_utf8
from annotator.core.models import GOLD_LAYER
from annotator.core.text.offsets import Utf16Map, utf16_length

FORMAT_NAME = "webanno"
FORMAT_PREFIX = "#FORMAT=WebAnno TSV 3"
CURATION_USER = "CURATION_USER"
"""INCEpTION's name for the curated (adjudicated) annotations: our gold layer."""
INITIAL_CAS = "INITIAL_CAS"
"""INCEpTION's name for the document as it was before anyone annotated it."""
PROJECT_FOLDERS = ("annotation", "curation")
"""Where an INCEpTION project export puts ``<document>/<user>.tsv``."""

NO_ANNOTATION = "_"
NO_VALUE = "*"
ZERO_WIDTH = "zero-width WebAnno annotations (a span here cannot be empty)"
CHAINS = "WebAnno chain (coreference) elements: not imported"
UNLINKABLE = "WebAnno relations between annotations of a layer not in the file (e.g. tokens)"
RELATIONS_TO_ZERO_WIDTH = "WebAnno relations to zero-width annotations"

_FORMAT = re.compile(r"#FORMAT=(?P<name>.*) (?P<major>\d+)\.(?P<minor>\d+)")
_UNIT_ID = re.compile(r"(?P<token>\d+-\d+)(?:\.\d+)?")
_OFFSETS = re.compile(r"(\d+)-(\d+)")
_STACK_SEPARATOR = re.compile(r"(?<!\\)\|")
_CHAIN_SUFFIX = re.compile(r".*(?<!\\)->(?P<chain>\d+-\d+)")
_VALUE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r"}
_VALUE_ESCAPE = re.compile(r"\\(\\|\[|\]|\||_|->|;|\*|t|n|r)")
_TEXT_ESCAPES = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b"}
# Since 3.2: a backslash before a control character, or a Java-style \t \n \f \r \b \\.
_TEXT_ESCAPE = re.compile(r"\\([\x00-\x07\x0e-\x1f]|[tnfrb\\])")
# 3.0 and 3.1 used Java's own string escapes (octal and \uXXXX included).
_JAVA_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[0-3][0-7]{0,2}|[4-7][0-7]?|[tnfrb\\\"'])")


class _Stop(Exception):
    """A line after which the rest of the file cannot be read (its text is unknown)."""


def unescape_value(value: str) -> str:
    return _VALUE_ESCAPE.sub(lambda m: _VALUE_ESCAPES.get(m.group(1), m.group(1)), value)


def unescape_text(text: str, minor_version: int) -> str:
    if minor_version >= 2:
        return _TEXT_ESCAPE.sub(lambda m: _TEXT_ESCAPES.get(m.group(1), m.group(1)), text)
    return _JAVA_ESCAPE.sub(_java_escape, text)


def _java_escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] == "u":
        return chr(int(code[1:], 16))
    if code[0].isdigit():
        return chr(int(code, 8))
    return _TEXT_ESCAPES.get(code, code)


# -- finding the files ---------------------------------------------------------------


def is_webanno_file(path: Path) -> bool:
    """True for a ``.tsv`` file whose first line is a WebAnno TSV 3 format line."""
    if path.suffix.lower() != ".tsv" or not path.is_file():
        return False
    try:
        with open(path, "rb") as file:
            first = file.readline(200)
    except OSError:
        return False
    return first.lstrip(b"\xef\xbb\xbf").startswith(FORMAT_PREFIX.encode())


def folder_files(folder: Path) -> list[Path]:
    """The WebAnno files of a folder: those under ``annotation/`` and ``curation/`` when
    it is an INCEpTION project export (its ``source/`` holds the original documents),
    else every one in it or in its subfolders."""
    roots = [folder / name for name in PROJECT_FOLDERS if (folder / name).is_dir()] or [folder]
    found: list[Path] = []
    for root in roots:
        # os.walk does not follow links to folders: a link loop cannot hang the search.
        for current, folders, files in os.walk(root):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            found.extend(
                path
                for name in sorted(files)
                if not name.startswith(".") and is_webanno_file(path := Path(current) / name)
            )
    return found


# -- the file's structure ------------------------------------------------------------


@dataclass
class _Layer:
    kind: str
    """``span``, ``relation`` or ``chain``."""
    type_name: str
    columns: list[_Column] = field(default_factory=list)
    attach_type: str | None = None
    """A relation layer's ``BT_`` type: the span layer its relations join."""

    @property
    def short_name(self) -> str:
        return self.type_name.rsplit(".", 1)[-1]

    def label(self, features: dict[str, str | None]) -> str:
        """The ``value`` feature when the layer has one, else its first feature; the
        layer's short name when that feature is empty (or the layer has none)."""
        names = [column.name for column in self.columns if column.kind == "primitive"]
        if not names:
            return self.short_name
        name = "value" if "value" in names else names[0]
        return features.get(name) or self.short_name


@dataclass
class _Column:
    layer: _Layer
    name: str
    kind: str
    """``primitive`` (a feature), ``placeholder`` (a layer without features),
    ``slot_role``/``slot_target`` (link features), ``source`` (a relation's ``BT_``
    column), ``chain_type``/``chain_link``."""


@dataclass
class _Annotation:
    layer: _Layer
    begin: int
    end: int
    line: int
    local_id: str
    features: dict[str, str | None] = field(default_factory=dict)


@dataclass
class _Relation:
    layer: _Layer
    target_unit: _Unit
    line: int
    features: dict[str, str | None] = field(default_factory=dict)
    source_unit: str | None = None
    source_id: int = 0
    target_id: int = 0
    """Annotation numbers (``[N]``) of the two ends when the rows alone are ambiguous;
    0 for the row's only annotation of the layer."""


@dataclass
class _Unit:
    """A token or sub-token row."""

    id: str
    begin: int
    end: int
    line: int
    text: str
    spans: dict[int, list[_Annotation]] = field(default_factory=dict)
    """Layer index -> the row's annotations of that layer, by stacking position."""
    relations: dict[int, list[_Relation]] = field(default_factory=dict)


def _layer(line: str) -> _Layer | None:
    kinds = {"#T_SP=": "span", "#T_RL=": "relation", "#T_CH=": "chain"}
    kind = kinds.get(line[:6])
    if kind is None:
        return None
    # Empty fields are dropped, as INCEpTION does: "Type|" is a layer without features.
    parts = [part for part in line[6:].split("|") if part]
    if not parts:
        raise ValueError(f"the layer header {line!r} names no layer type")
    type_name, *declarations = parts
    layer = _Layer(kind, type_name)
    for declaration in declarations:
        if kind == "span" and declaration.startswith("ROLE_"):
            column_kind = "slot_role"
        elif kind == "span" and "." in declaration:
            column_kind = "slot_target"
        elif kind == "relation" and declaration.startswith("BT_"):
            column_kind = "source"
            layer.attach_type = declaration[3:]
        elif kind == "chain" and declaration == "referenceType":
            column_kind = "chain_type"
        elif kind == "chain" and declaration == "referenceRelation":
            column_kind = "chain_link"
        else:
            column_kind = "primitive"
        layer.columns.append(_Column(layer, declaration, column_kind))
    if not layer.columns:
        layer.columns.append(_Column(layer, "", "placeholder"))
    return layer


# -- reading -------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path, skipped: Counter[str]) -> None:
        self.path = path
        self.skipped = skipped
        self.problems: list[tuple[int, str]] = []
        self.layers: list[_Layer] = []
        self.minor_version = 3
        self.text_parts: list[str] = []
        self.text_length = 0
        """UTF-16 length of the text so far: INCEpTION fills gaps counting Java chars."""
        self.units: dict[str, _Unit] = {}
        self.annotations: list[_Annotation] = []
        self.by_number: dict[int, _Annotation] = {}
        """``[N]`` -> annotation N (the numbers are the file's, across layers)."""
        self.relations: list[_Relation] = []
        self.chain_elements: set[tuple[int, str]] = set()
        self._stopped_at = 0

    # The text --------------------------------------------------------------------

    def _append(self, part: str) -> None:
        self.text_parts.append(part)
        self.text_length += utf16_length(part)

    def _start_sentence(self, lines: list[str], begin: int) -> None:
        if self.text_length > begin:
            # Sentences that touch: the previous one's closing line break goes.
            if self.text_length != begin + 1 or not self.text_parts[-1].endswith("\n"):
                raise _Stop(
                    f"the sentence starts at {begin}, inside the previous one (the text "
                    f"so far is {self.text_length} UTF-16 units long)"
                )
            self.text_parts[-1] = self.text_parts[-1][:-1]
            self.text_length -= 1
        if self.text_length < begin:
            self._append(" " * (begin - self.text_length))
        self._append("".join(f"{text}\n" for text in lines))

    # The rows --------------------------------------------------------------------

    def read(self, content: str) -> ForeignRecord:
        lines = content.split("\n")
        match = _FORMAT.fullmatch(lines[0].rstrip("\r"))
        if match is None or match.group("major") != "3":
            raise InputError(
                self.path, "not a WebAnno TSV 3 file (want #FORMAT=WebAnno TSV 3.x)", 1
            )
        self.minor_version = int(match.group("minor"))
        number = 1
        while number < len(lines):
            try:
                layer = _layer(lines[number].rstrip("\r"))
            except ValueError as error:
                raise InputError(self.path, str(error), number + 1) from error
            if layer is None:
                break
            self.layers.append(layer)
            number += 1
        try:
            self._read_sentences(lines, number)
        except _Stop as stop:
            self.problems.append((self._stopped_at, str(stop)))
        return self._record()

    def _read_sentences(self, lines: list[str], first: int) -> None:
        columns = [column for layer in self.layers for column in layer.columns]
        state = "between"
        sentence_lines: list[str] = []
        token: _Unit | None = None
        for index in range(first, len(lines)):
            line = lines[index].rstrip("\r")
            number = self._stopped_at = index + 1
            if not line:
                if state == "header":
                    raise _Stop("a sentence without token rows (INCEpTION cannot read it either)")
                state = "between"
                continue
            if line.startswith("#"):
                if state == "tokens":
                    raise _Stop("a sentence header needs a blank line before it")
                state = "header"
                if line.startswith("#Text="):
                    sentence_lines.append(unescape_text(line[6:], self.minor_version))
                continue
            fields = line.split("\t")
            if len(fields) < 3 + len(columns):
                raise _Stop(
                    f"{len(fields)} tab-separated fields; the header's layers need "
                    f"{3 + len(columns)} (id, offsets, token, then one per feature)"
                )
            unit_id, offsets, token_text = fields[:3]
            id_match = _UNIT_ID.fullmatch(unit_id)
            offsets_match = _OFFSETS.fullmatch(offsets)
            if id_match is None or offsets_match is None:
                raise _Stop(f"cannot read the token id and offsets {unit_id!r} {offsets!r}")
            begin, end = int(offsets_match.group(1)), int(offsets_match.group(2))
            if begin > end:
                raise _Stop(f"offsets {offsets} end before they begin")
            is_sub_token = "." in unit_id
            if state == "between":
                raise _Stop("a token row before its sentence's #Text= line")
            if state == "header":
                if is_sub_token:
                    raise _Stop("a sentence starts with a sub-token row")
                self._start_sentence(sentence_lines, begin)
                sentence_lines = []
                state = "tokens"
            if is_sub_token and (token is None or id_match.group("token") != token.id):
                raise _Stop(f"sub-token {unit_id} does not follow its token")
            unit = _Unit(unit_id, begin, end, number, token_text)
            if unit_id in self.units:
                raise _Stop(f"token {unit_id} appears twice")
            self.units[unit_id] = unit
            if not is_sub_token:
                token = unit
            for position, column in enumerate(columns):
                self._read_field(unit, column, fields[3 + position])

    def _read_field(self, unit: _Unit, column: _Column, raw: str) -> None:
        if raw == NO_ANNOTATION:
            return
        layer = column.layer
        layer_index = self.layers.index(layer)
        for stacked, value in enumerate(_STACK_SEPARATOR.split(raw)):
            number_text: str | None = None
            if column.kind != "slot_target" and value.endswith("]") and not value.endswith("\\]"):
                opening = value.rfind("[")
                if opening < 0:
                    self.problems.append((unit.line, f"cannot read {value!r}: ']' without '['"))
                    continue
                number_text, value = value[opening + 1 : -1], value[:opening]
            elif layer.kind == "chain" and (chain := _CHAIN_SUFFIX.fullmatch(value)):
                number_text = chain.group("chain")
            if layer.kind == "chain":
                if column is layer.columns[0]:
                    self.chain_elements.add((layer_index, number_text or f"{unit.id}/{stacked}"))
                continue
            if layer.kind == "relation":
                self._relation_value(unit, column, layer_index, stacked, value, number_text)
                continue
            annotation = self._span(unit, layer, layer_index, stacked, number_text)
            if annotation is not None and column.kind == "primitive":
                annotation.features[column.name] = (
                    None if value == NO_VALUE else unescape_value(value)
                )

    def _span(
        self, unit: _Unit, layer: _Layer, layer_index: int, stacked: int, number_text: str | None
    ) -> _Annotation | None:
        number: int | None = None
        if number_text is not None:
            if not number_text.isdigit():
                self.problems.append(
                    (unit.line, f"cannot read the annotation number [{number_text}]")
                )
                return None
            number = int(number_text)
        on_unit = unit.spans.setdefault(layer_index, [])
        annotation = on_unit[stacked] if stacked < len(on_unit) else None
        if annotation is None and number is not None:
            annotation = self.by_number.get(number)
            if annotation is not None:
                # Annotation N again on a later row: it reaches to this row's end.
                on_unit.append(annotation)
                annotation.end = max(annotation.end, unit.end)
        if annotation is None:
            annotation = _Annotation(
                layer, unit.begin, unit.end, unit.line, f"a{len(self.annotations) + 1}"
            )
            on_unit.append(annotation)
            self.annotations.append(annotation)
        if number is not None:
            self.by_number[number] = annotation
        return annotation

    def _relation_value(
        self,
        unit: _Unit,
        column: _Column,
        layer_index: int,
        stacked: int,
        value: str,
        number_text: str | None,
    ) -> None:
        on_unit = unit.relations.setdefault(layer_index, [])
        if stacked < len(on_unit):
            relation = on_unit[stacked]
        else:
            relation = _Relation(column.layer, unit, unit.line)
            on_unit.append(relation)
            self.relations.append(relation)
        if column.kind == "primitive":
            relation.features[column.name] = None if value == NO_VALUE else unescape_value(value)
        elif column.kind == "source":
            relation.source_unit = value
            if number_text is not None:
                source, separator, target = number_text.partition("_")
                if not (separator and source.isdigit() and target.isdigit()):
                    self.problems.append(
                        (unit.line, f"cannot read the relation's ends [{number_text}] (want [N_M])")
                    )
                    return
                relation.source_id, relation.target_id = int(source), int(target)

    # The record ------------------------------------------------------------------

    def _resolve(
        self, unit_id: str, number: int, layer_index: int, line: int
    ) -> _Annotation | None:
        if number > 0:
            found = self.by_number.get(number)
            if found is None:
                self.problems.append(
                    (line, f"the relation points to annotation [{number}], not in this file")
                )
            return found
        unit = self.units.get(unit_id)
        if unit is None:
            self.problems.append(
                (line, f"the relation points to token {unit_id}, not in this file")
            )
            return None
        on_unit = unit.spans.get(layer_index) or []
        if not on_unit:
            name = self.layers[layer_index].short_name
            self.problems.append(
                (line, f"the relation points to token {unit_id}, which has no {name}")
            )
            return None
        return on_unit[0]

    def _links(self) -> list[ForeignRelation]:
        links: list[ForeignRelation] = []
        span_layers = {
            layer.type_name: index
            for index, layer in enumerate(self.layers)
            if layer.kind == "span"
        }
        for relation in self.relations:
            layer_index = span_layers.get(relation.layer.attach_type or "")
            if layer_index is None:
                self.skipped[UNLINKABLE] += 1
                continue
            if relation.source_unit is None:
                self.problems.append((relation.line, "a relation without its source column"))
                continue
            source = self._resolve(
                relation.source_unit, relation.source_id, layer_index, relation.line
            )
            target = self._resolve(
                relation.target_unit.id, relation.target_id, layer_index, relation.line
            )
            if source is None or target is None:
                continue
            if source.begin == source.end or target.begin == target.end:
                self.skipped[RELATIONS_TO_ZERO_WIDTH] += 1
                continue
            links.append(
                ForeignRelation(
                    relation.layer.label(relation.features),
                    source.local_id,
                    target.local_id,
                    line=relation.line,
                )
            )
        return links

    def _check_tokens(self, text: str) -> None:
        """Each row's token text where its offsets put it in the ``#Text=`` lines: a
        file whose offsets do not match its text would import spans on the wrong words."""
        mapping = Utf16Map(text)
        for unit in self.units.values():
            fits = (
                unit.end <= mapping.utf16_length
                and mapping.is_boundary(unit.begin)
                and mapping.is_boundary(unit.end)
            )
            found = (
                text[mapping.to_code_point(unit.begin) : mapping.to_code_point(unit.end)]
                if fits
                else None
            )
            if found != unit.text:
                where = f"is {found!r}" if found is not None else "fall outside it"
                self.problems.append(
                    (
                        unit.line,
                        f"token {unit.id} {unit.text!r}: its offsets {unit.begin}-{unit.end} "
                        f"in the sentence text {where}",
                    )
                )

    def _record(self) -> ForeignRecord:
        text = "".join(self.text_parts)
        stem = self.path.stem
        in_project = self.path.parent.parent.name in PROJECT_FOLDERS
        record = ForeignRecord(
            self.path,
            None,
            text,
            annotator=GOLD_LAYER if stem == CURATION_USER else stem,
            annotator_is_fallback=stem != CURATION_USER,
            source=self.path.parent.name if in_project else self.path.name,
        )
        if not self.problems:
            self._check_tokens(text)
        record.relations = self._links()
        for annotation in self.annotations:
            if annotation.begin == annotation.end:
                self.skipped[ZERO_WIDTH] += 1
                continue
            record.spans.append(
                ForeignSpan(
                    annotation.begin,
                    annotation.end,
                    annotation.layer.label(annotation.features),
                    line=annotation.line,
                    local_id=annotation.local_id,
                )
            )
        if self.chain_elements:
            self.skipped[CHAINS] += len(self.chain_elements)
        record.line_problems = sorted(self.problems)
        if record.line_problems and not text.strip():
            # The import refuses an empty text before it looks at line problems: say why
            # there is no text, with the line.
            record.line, record.problem = record.line_problems[0]
        return record


def read_document(path: Path, skipped: Counter[str]) -> ForeignRecord:
    """One file: its text, spans and relations, with UTF-16 offsets."""
    return _Reader(path, skipped).read(read_utf8(path))


def read(path: Path) -> ForeignFile:
    """A WebAnno file, or every WebAnno file of a folder (an INCEpTION project export's
    ``annotation/<document>/<user>.tsv`` and ``curation/...``): one record per file."""
    result = ForeignFile(path, FORMAT_NAME, [], fixed_unit="utf16", local_relations=True)
    files = folder_files(path) if path.is_dir() else [path]
    if not files:
        raise InputError(path, "no WebAnno TSV files (.tsv starting #FORMAT=WebAnno TSV 3) in it")
    for file in files:
        if file.stem == INITIAL_CAS:
            result.skipped["INCEpTION INITIAL_CAS files (the document before annotation)"] += 1
            continue
        result.records.append(read_document(file, result.skipped))
    return result

"""What a reader of another tool's file hands to the import: records in one shape.

Readers (``doccano.read``, ``labelstudio.read``, ...) only parse: they keep offsets as
the file wrote them and the span text when the file carries it. ``interchange`` then
decides the offset unit, maps labels and writes to the store, the same way for all.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.attribution.links import ForeignRelation
from annotator.core.errors import InputError
from annotator.core.files.input_files import ANNOTATED_FILE_LIMIT, read_input_file


@dataclass
class ForeignNote:
    """A note the file holds on a span or on its whole record (brat AnnotatorNotes)."""

    text: str
    author: str | None = None
    """None: the note is the span's annotator's (or the record's layer's)."""
    id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass(slots=True)
class ForeignSpan:
    start: int
    end: int
    label: str
    text: str | None = None
    """The span's text as the file carries it: the evidence for the offset unit."""
    annotator: str | None = None
    id: str | None = None
    origin: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    attrs: dict[str, Any] | None = None
    line: int | None = None
    """The span's own line (brat), when it differs from the record's."""
    local_id: str | None = None
    """The file's name for the span inside its record (brat ``T3``, a doccano entity
    id), which relations refer to; unlike ``id`` it is never kept as the stored id."""
    notes: list[ForeignNote] = field(default_factory=list)


@dataclass
class ForeignRecord:
    path: Path
    line: int | None
    text: str | None
    spans: list[ForeignSpan] = field(default_factory=list)
    annotator: str | None = None
    """The layer the file names for spans that do not name their own."""
    annotator_is_fallback: bool = False
    """True when ``annotator`` comes from a file or user id, not a name in the file:
    ``--as`` then names the layer instead."""
    title: str | None = None
    source: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    """Why the record cannot be imported at all (e.g. it has no text)."""
    relations: list[ForeignRelation] = field(default_factory=list)
    """Links between the record's spans (by the file's span ids), e.g. gold JSONL's."""
    line_problems: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) for records spread over lines (a brat .ann file): any of them
    refuses the whole record, and each is reported."""
    doc_id: str | None = None
    """The project's document the record annotates, when the file names it instead of
    carrying its text (``annotator suggest --json``)."""
    finished: bool = False
    """The tool recorded this layer as finished work (a submitted Label Studio
    annotation, an accepted Prodigy answer): the layer is imported as done, not in
    progress."""
    article_notes: list[ForeignNote] = field(default_factory=list)
    """Notes on the whole record's text, not on one span."""

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)


@dataclass
class ForeignFile:
    path: Path
    format: str
    records: list[ForeignRecord]
    default_unit: str = "codepoints"
    """The tool's documented unit, used when the file's offsets fit both readings."""
    fixed_unit: str | None = None
    """Set when the format's unit is not in doubt (brat, gold JSONL)."""
    skipped: Counter[str] = field(default_factory=Counter)
    """What the file holds that is not an annotation span, by reason, counted."""
    notes: list[str] = field(default_factory=list)
    """What the report says about how the reader took the file."""
    local_relations: bool = False
    """True when relations name spans of their own record by the file's ids (brat,
    doccano, Label Studio); gold JSONL relations use span ids across records."""
    reader: Callable[[ForeignFile], Iterator[ForeignRecord]] | None = None
    """For a format read as a stream (JSON Lines, Label Studio): reads the records
    from the file again each time (``records`` stays empty), so that memory holds the
    records being imported, not the file."""

    def each_record(self) -> Iterator[ForeignRecord]:
        """The file's records: the list, or a new reading of a streamed file (what it
        skipped and its notes are counted afresh; the last whole reading holds them)."""
        if self.reader is None:
            return iter(self.records)
        self.skipped.clear()
        self.notes.clear()
        return self.reader(self)

    def read_whole(self) -> None:
        """Hold every record in ``records`` (a streamed file read once, into memory)."""
        if self.reader is not None:
            self.records = list(self.each_record())
            self.reader = None


# Python's JSON decoder recurses once per level of nesting; no annotation file nests
# more than a few levels, so a deeper one is refused rather than crashing the import.
_TOO_DEEP = "JSON nested too deeply to be an annotation file"


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""In JSON source, the only way to a surrogate: the decoder refuses encoded ones, so
source without this escape cannot decode to one (and walking the value is spared)."""


def unicode_problem(value: Any) -> str | None:
    """What makes a decoded JSON value unusable as Unicode text: a lone surrogate
    (``"\\ud800"`` is valid JSON, but no text can hold it, nor SQLite store it)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                return (
                    f"the text {item[max(0, found.start() - 20) : found.end() + 20]!r} holds a "
                    f"lone surrogate (\\u{ord(found.group()):04x}), which is not Unicode text"
                )
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return None


def read_utf8(path: Path) -> str:
    """A file's text, a UTF-8 byte order mark left out; an ``InputError`` naming the file
    when it cannot be read or is not UTF-8."""
    data = read_input_file(path, limit=ANNOTATED_FILE_LIMIT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start})") from error


_CHUNK = 1 << 20
"""Characters read at a time: a file is decoded in pieces, never held whole."""


class _JsonStream:
    """A UTF-8 file read a chunk at a time, with the JSON values in it decoded by the
    standard library's decoder one after another: memory holds the values being read,
    not the file. Errors name the line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.decoder = json.JSONDecoder()
        self.bytes_read = 0
        self.buffer = ""
        self.position = 0
        self.line = 1
        """Line of ``self.position``."""
        self.eof = False
        try:
            self.file = open(path, "rb")
        except OSError as error:
            raise InputError(path, f"cannot read: {error.strerror or error}") from error
        self.text_decoder = codecs.getincrementaldecoder("utf-8-sig")()

    def close(self) -> None:
        self.file.close()

    def _more(self) -> bool:
        """Read the next chunk into the buffer; False at the end of the file."""
        if self.eof:
            return False
        try:
            data = self.file.read(_CHUNK)
            text = self.text_decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            at = self.bytes_read + error.start
            raise InputError(self.path, f"not UTF-8 text (byte {at})") from error
        except OSError as error:
            raise InputError(self.path, f"cannot read: {error.strerror or error}") from error
        self.bytes_read += len(data)
        self.eof = not data
        self.buffer = self.buffer[self.position :] + text
        self.position = 0
        return True

    def skip_space(self) -> str:
        """The next character that is not white space ('' at the end), not consumed."""
        while True:
            buffer, position = self.buffer, self.position
            while position < len(buffer) and buffer[position] in " \t\r\n":
                if buffer[position] == "\n":
                    self.line += 1
                position += 1
            self.position = position
            if position < len(buffer):
                return buffer[position]
            if not self._more():
                return ""

    def take(self, char: str) -> None:
        self.position += len(char)

    def value(self) -> tuple[int, Any]:
        """(line it starts on, value) of the JSON value at the current position."""
        line = self.line
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if self._more():
                    continue  # the value may go on in the next chunk
                raise _broken_value(
                    self.path, self.buffer, self.position, line, error
                ) from error
            except RecursionError as error:
                raise InputError(self.path, _TOO_DEEP, line=line) from error
            except ValueError as error:  # an integer of more than 4,300 digits
                raise InputError(
                    self.path, f"a number too long to read ({error})", line=line
                ) from error
            if end == len(self.buffer) and not self.eof and self._more():
                continue  # a number or word cut at the chunk's end: read it whole
            if _SURROGATE_ESCAPE.search(self.buffer, self.position, end):
                problem = unicode_problem(value)
                if problem is not None:
                    raise InputError(self.path, problem, line=line)
            self.line += self.buffer.count("\n", self.position, end)
            self.position = end
            return line, value


def iter_json_values(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each JSON value in a JSON Lines file, read as a stream.

    Also reads JSON values spread over several lines (doccano's pretty-printed
    examples): values are decoded one after another, not line by line.
    """
    stream = _JsonStream(path)
    try:
        while stream.skip_space():
            yield stream.value()
    finally:
        stream.close()


def iter_json_array(path: Path) -> Iterator[tuple[int, Any]]:
    """(position from 1, item) for each item of the JSON array a file holds, read as a
    stream (a 100 MB export is never in memory whole); a file holding one value that is
    not an array yields it as item 1."""
    stream = _JsonStream(path)
    try:
        if stream.skip_space() != "[":
            if stream.skip_space():
                yield 1, stream.value()[1]
            return
        stream.take("[")
        number = 0
        if stream.skip_space() == "]":
            return
        while True:
            number += 1
            yield number, stream.value()[1]
            following = stream.skip_space()
            if following == ",":
                stream.take(",")
                stream.skip_space()
            elif following == "]":
                return
            else:
                raise InputError(
                    path,
                    f"not valid JSON: expected ',' or ']' after item {number} of the list",
                    line=stream.line,
                )
    finally:
        stream.close()


def _broken_value(
    path: Path, content: str, start: int, line: int, error: json.JSONDecodeError
) -> InputError:
    """The error for a value that does not decode, naming the line it starts on: in
    JSON Lines a cut-off line makes the decoder read on into the next lines, and the
    line to mend is the one where the value began. ``content`` holds the file from
    (at least) ``start``, which is on ``line``."""
    broken_at = line + content.count("\n", start, error.pos)
    line_end = content.find("\n", start)
    own_line = content[start : line_end if line_end >= 0 else len(content)].strip()
    if broken_at == line:
        return InputError(path, f"not valid JSON: {error.msg}", line=line)
    if own_line.startswith(("{", "[")) and len(own_line) > 1:
        # A value that does not end on its own line while the file has one per line.
        return InputError(
            path,
            f"not valid JSON: this line is not a whole JSON value (the decoder, reading "
            f"on, stopped at line {broken_at}: {error.msg})",
            line=line,
        )
    return InputError(
        path,
        f"not valid JSON: the value starting here breaks at line {broken_at}: {error.msg}",
        line=line,
    )


def read_json(path: Path) -> Any:
    content = read_utf8(path)
    try:
        value = json.loads(content)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error.msg}", line=error.lineno) from error
    except RecursionError as error:
        raise InputError(path, _TOO_DEEP) from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise InputError(path, f"a number too long to read ({error})") from error
    problem = unicode_problem(value)
    if problem is not None:
        raise InputError(path, problem)
    return value


def as_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def as_list(value: Any) -> list[Any]:
    """A list field; anything else (missing, null, a wrong type) reads as empty."""
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    """An object field; anything else (missing, null, a wrong type) reads as empty."""
    return value if isinstance(value, dict) else {}


def as_int(value: Any) -> int | None:
    """An offset as an int; None for anything else (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value

"""What a reader of another tool's file hands to the import: records in one shape.

Readers (``doccano.read``, ``labelstudio.read``, ...) only parse: they keep offsets as
the file wrote them and the span text when the file carries it. ``interchange`` then
decides the offset unit, maps labels and writes to the store, the same way for all.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.input_files import ANNOTATED_FILE_LIMIT, read_input_file
from annotator.core.links import ForeignRelation


@dataclass
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
    finished: bool = False
    """The tool recorded this layer as finished work (a submitted Label Studio
    annotation, an accepted Prodigy answer): the layer is imported as done, not in
    progress."""

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
    local_relations: bool = False
    """True when relations name spans of their own record by the file's ids (brat,
    doccano, Label Studio); gold JSONL relations use span ids across records."""


# Python's JSON decoder recurses once per level of nesting; no annotation file nests
# more than a few levels, so a deeper one is refused rather than crashing the import.
_TOO_DEEP = "JSON nested too deeply to be an annotation file"


_SURROGATE = re.compile("[\ud800-\udfff]")


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


def iter_json_values(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each JSON value in a JSON Lines file.

    Also reads JSON values spread over several lines (doccano's pretty-printed
    examples): values are decoded one after another, not line by line.
    """
    content = read_utf8(path)
    decoder = json.JSONDecoder()
    position = 0
    line = 1
    length = len(content)
    while True:
        while position < length and content[position] in " \t\r\n":
            if content[position] == "\n":
                line += 1
            position += 1
        if position >= length:
            return
        try:
            value, end = decoder.raw_decode(content, position)
        except json.JSONDecodeError as error:
            raise InputError(
                path, f"not valid JSON: {error.msg}", line=content.count("\n", 0, error.pos) + 1
            ) from error
        except RecursionError as error:
            raise InputError(path, _TOO_DEEP, line=line) from error
        except ValueError as error:  # an integer of more than 4,300 digits
            raise InputError(path, f"a number too long to read ({error})", line=line) from error
        problem = unicode_problem(value)
        if problem is not None:
            raise InputError(path, problem, line=line)
        yield line, value
        line += content.count("\n", position, end)
        position = end


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

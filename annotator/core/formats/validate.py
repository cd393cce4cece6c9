"""Check a gold JSONL file: the schema, every span against its text, unique span ids.

Reports every problem with its line number instead of stopping at the first, so one run
tells a data editor everything to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from annotator.core.formats.records import read_utf8, unicode_problem
from annotator.core.resources import schemas_dir


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@lru_cache(maxsize=1)
def gold_validator() -> Draft202012Validator:
    schema = json.loads((schemas_dir() / "gold.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _where(error: Any) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "record"


def record_problems(record: Any, line: int, seen_span_ids: dict[str, int]) -> list[Problem]:
    """What is wrong with one parsed line; ``seen_span_ids`` spans the whole file."""
    problems = [
        Problem(line, f"{_where(error)}: {error.message}")
        for error in sorted(gold_validator().iter_errors(record), key=lambda e: list(e.path))
    ]
    if not isinstance(record, dict) or not isinstance(record.get("spans"), list):
        return problems
    text = record.get("text")
    record_span_ids: set[str] = set()
    for number, span in enumerate(record["spans"]):
        if not isinstance(span, dict):
            continue
        # JSON Schema counts 0.0 as an integer; an offset is a whole number, written so.
        for key in ("start", "end"):
            if isinstance(span.get(key), float):
                problems.append(
                    Problem(line, f"spans/{number}/{key}: {span[key]!r} is not a whole number")
                )
        annotator = span.get("annotator")
        if isinstance(annotator, str) and not annotator.strip():
            problems.append(Problem(line, f"spans/{number}/annotator: a name of only spaces"))
        span_id = span.get("id")
        if isinstance(span_id, str):
            record_span_ids.add(span_id)
        if isinstance(span_id, str):
            if span_id in seen_span_ids:
                problems.append(
                    Problem(
                        line,
                        f"spans/{number}: span id {span_id!r} is also on line "
                        f"{seen_span_ids[span_id]}",
                    )
                )
            else:
                seen_span_ids[span_id] = line
        start, end, span_text = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(text, str) and isinstance(start, int) and isinstance(end, int)):
            continue
        if not 0 <= start < end <= len(text):
            problems.append(
                Problem(
                    line,
                    f"spans/{number}: offsets {start}-{end} do not fit the text "
                    f"(length {len(text)})",
                )
            )
        elif isinstance(span_text, str) and text[start:end] != span_text:
            problems.append(
                Problem(
                    line,
                    f"spans/{number}: text[{start}:{end}] is {text[start:end]!r}, "
                    f"not the span's text {span_text!r}",
                )
            )
    relations = record.get("relations")
    for number, relation in enumerate(relations if isinstance(relations, list) else []):
        # A link starts at a span of its own record (it may end in another record).
        if isinstance(relation, dict) and relation.get("from") not in record_span_ids:
            problems.append(
                Problem(
                    line,
                    f"relations/{number}: its span 'from' {relation.get('from')!r} is not "
                    "a span of this record",
                )
            )
    return problems


def validate_gold_file(path: Path | str) -> list[Problem]:
    """Every problem in a gold JSONL file; an empty list when it is valid."""
    path = Path(path)
    content = read_utf8(path)  # what the import reads, the validator reads
    problems: list[Problem] = []
    seen_span_ids: dict[str, int] = {}
    # split("\n"), not splitlines(): a U+2028 inside a JSON string is not a new line.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(number, f"not valid JSON: {error.msg} (column {error.colno})"))
            continue
        except RecursionError:
            problems.append(Problem(number, "JSON nested too deeply to be a gold record"))
            continue
        except ValueError as error:  # an integer of more than 4,300 digits
            problems.append(Problem(number, f"a number too long to read ({error})"))
            continue
        surrogate = unicode_problem(record)
        if surrogate is not None:
            problems.append(Problem(number, surrogate))
            continue
        problems.extend(record_problems(record, number, seen_span_ids))
    return problems

"""Prodigy JSONL: tasks with ``tokens`` and ``spans`` (``token_end`` inclusive).

Offsets are code points. Spans must sit on token boundaries, so export aligns them
(``--align``) and counts what it had to drop or change. Each (document, annotator)
layer becomes one accepted task of the ``spans_manual`` view, which, unlike
``ner_manual``, allows overlapping spans.

Hashes are ours, of Prodigy's kind: signed 32-bit MurmurHash3 (x86, seed 0).
``_input_hash`` hashes the JSON-encoded text (which matches the hashes of Prodigy's old
example datasets, not those current Prodigy computes); ``_task_hash`` hashes the input
hash followed by the JSON of the sorted spans. Both are stable across runs and
machines; the README tells how to have Prodigy hash the tasks again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from annotator.core.formats.records import (
    ForeignFile,
    ForeignRecord,
    ForeignSpan,
    as_dict,
    as_int,
    as_list,
    as_str,
    iter_json_values,
)
from annotator.core.formats.shared import (
    ExportRequest,
    FormatExportReport,
    OffsetUnit,
    counted_records,
    layers,
    write_manifest,
    write_text_pieces,
)
from annotator.core.formats.tokens import AlignMode, TextTokens
from annotator.core.store import Store

VIEW_ID = "spans_manual"


_dumps = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without making an encoder per call."""


def _rotl32(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (32 - shift))) & 0xFFFFFFFF


def murmurhash3_32(text: str, seed: int = 0) -> int:
    """MurmurHash3 x86_32 of the UTF-8 bytes, as a signed int (mmh3.hash's result).

    The blocks are mixed vectorised; only the chain through them is a Python loop."""
    data = text.encode("utf-8")
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & 0xFFFFFFFF
    whole = len(data) - len(data) % 4
    blocks: np.ndarray[Any, Any] = np.frombuffer(data, dtype="<u4", count=whole // 4)
    blocks = blocks.astype(np.uint64)
    blocks = (blocks * c1) & 0xFFFFFFFF
    blocks = ((blocks << 15) | (blocks >> 17)) & 0xFFFFFFFF
    blocks = (blocks * c2) & 0xFFFFFFFF
    for k in blocks.tolist():
        h ^= k
        h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
        h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    tail = data[whole:]
    if tail:
        k = int.from_bytes(tail, "little")
        k = _rotl32((k * c1) & 0xFFFFFFFF, 15) * c2 & 0xFFFFFFFF
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


def input_hash(text: str) -> int:
    return murmurhash3_32(json.dumps(text))


def task_hash(input_hash_value: int, spans: list[dict[str, Any]]) -> int:
    key = [[s["start"], s["end"], s["label"]] for s in spans]
    return murmurhash3_32(f"{input_hash_value}{json.dumps(sorted(key))}")


def export_prodigy(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    options = request.options
    align = request.align
    report = FormatExportReport(
        path=path, format="prodigy", offsets="code points", align=align.value
    )
    reason = (
        "cuts a token (--align strict; try --align contract or expand)"
        if align is AlignMode.STRICT
        else f"no token fits it (--align {align})"
    )

    def lines() -> Iterator[str]:
        """Each layer's task as ``json.dumps`` writes it; the parts every layer of an
        article shares (its text, meta and tokens) are encoded once for all of them."""
        for record in counted_records(store, options, report):
            text = record["text"]
            tokens = TextTokens(text)
            hashed_input = input_hash(text)
            meta = {"id": record["id"], "title": record["title"], "source": record["source"]}
            head = (
                f'{{"text": {_dumps(text)}, "meta": {_dumps(meta)}, '
                f'"_input_hash": {hashed_input}, "_task_hash": '
            )
            token_list = _dumps(
                [
                    {"text": word, "start": start, "end": end, "id": i, "ws": space}
                    for i, (word, start, end, space) in enumerate(
                        zip(tokens.texts, tokens.starts, tokens.ends, tokens.spaces, strict=True)
                    )
                ]
            )
            middle = f', "tokens": {token_list}, "spans": '
            for layer in layers(record):
                aligned = tokens.align(
                    [span["start"] for span in layer.spans],
                    [span["end"] for span in layer.spans],
                    align,
                )
                report.count_alignments(aligned, reason)
                spans = [
                    {
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "token_start": first,
                        "token_end": last - 1,  # Prodigy's is inclusive
                        "label": span["label"],
                    }
                    for first, last, start, end, fit, span in zip(
                        aligned.token_start, aligned.token_end, aligned.start, aligned.end,
                        aligned.fit, layer.spans, strict=True,
                    )
                    if fit
                ]
                report.written_spans += len(spans)
                annotator = _dumps(layer.annotator)
                yield (
                    f"{head}{task_hash(hashed_input, spans)}{middle}{_dumps(spans)}, "
                    f'"_view_id": {_dumps(VIEW_ID)}, "_annotator_id": {annotator}, '
                    f'"_session_id": {annotator}, "answer": "accept"}}\n'
                )

    write_text_pieces(path, lines())
    write_manifest(store, report, options)
    return report


def looks_like(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("text"), str)
        and ("_input_hash" in value or "answer" in value or isinstance(value.get("spans"), list))
        and "schema_version" not in value
    )


def read(path: Path) -> ForeignFile:
    """Accepted tasks, and tasks without an answer (plain span JSONL); in binary
    (ner.teach) data, spans the annotator rejected are left out too."""
    return ForeignFile(
        path,
        "prodigy",
        [],
        default_unit=OffsetUnit.CODE_POINTS.value,
        reader=lambda result: _records(path, result),
    )


def _records(path: Path, result: ForeignFile) -> Iterator[ForeignRecord]:
    unanswered = 0
    for line, value in iter_json_values(path):
        if not isinstance(value, dict):
            yield ForeignRecord(path, line, None, problem="not a JSON object")
            continue
        answer = value.get("answer")
        if answer is None:
            # Plain span JSONL ({"text", "spans"}) has no answers; like Prodigy's db-in,
            # a task without one is taken as accepted, not as finished work.
            unanswered += 1
        elif answer != "accept":
            result.skipped[f"tasks answered {answer!r}"] += 1
            continue
        named = value.get("_annotator_id") or value.get("_session_id")
        record = ForeignRecord(
            path,
            line,
            value.get("text") if isinstance(value.get("text"), str) else None,
            annotator=named if isinstance(named, str) and named else path.stem,
            annotator_is_fallback=not (isinstance(named, str) and named),
            meta=as_dict(value.get("meta")),
            finished=answer == "accept",
        )
        if record.text is None:
            record.problem = "the task has no text"
        if value.get("spans") is not None and not isinstance(value.get("spans"), list):
            record.problem = "'spans' is not a list"
        for item in as_list(value.get("spans")):
            if record.problem:
                break
            if not isinstance(item, dict):
                record.problem = f"cannot read the span {item!r}"
                break
            if item.get("answer") not in (None, "accept"):
                result.skipped[f"spans answered {item.get('answer')!r}"] += 1
                continue
            start, end, label = (
                as_int(item.get("start")),
                as_int(item.get("end")),
                item.get("label"),
            )
            if start is None or end is None or not isinstance(label, str):
                record.problem = f"cannot read the span {item!r}"
                break
            record.spans.append(ForeignSpan(start, end, label, text=as_str(item.get("text"))))
        if as_list(value.get("relations")):
            result.skipped["prodigy relations (not spans)"] += len(value["relations"])
        yield record
    if unanswered:
        result.notes.append(
            f"{unanswered} tasks without an answer imported as accepted (as Prodigy's "
            "db-in reads them); their layers are in progress, not done"
        )

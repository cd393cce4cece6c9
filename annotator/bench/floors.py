"""The obvious programs our figures are compared with, measured in the same run.

Each floor does the bare job with the standard library and nothing else: no checks,
no progress, no manifest. A target such as "export <= 1.0 x floor" means the product,
with all it does more, is no slower than this.

The floors speak SQL directly on purpose: they stand for what a user would write
without our store, so they are the one place outside ``core/store/__init__.py`` that does.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path


def import_floor(paths: list[Path], database: Path) -> int:
    """Read, hash and insert every file with sqlite3, in one transaction."""
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    with conn:
        for path in paths:
            text = path.read_text(encoding="utf-8")
            conn.execute(
                "INSERT OR IGNORE INTO documents VALUES (?, ?, ?)",
                (hashlib.sha256(text.encode("utf-8")).hexdigest(), text.split("\n", 1)[0], text),
            )
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return int(count)


def export_floor(database: Path, output: Path) -> int:
    """One sqlite3 query per document and json.dumps per line."""
    conn = sqlite3.connect(database)
    spans_written = 0
    with open(output, "w", encoding="utf-8") as file:
        documents = conn.execute("SELECT id, title, source, text FROM documents ORDER BY position")
        for doc_id, title, source, text in documents.fetchall():
            spans = [
                {"id": r[0], "start": r[1], "end": r[2], "label": r[3], "text": r[4],
                 "annotator": r[5]}
                for r in conn.execute(
                    'SELECT id, start, "end", label, text, annotator FROM spans '
                    'WHERE doc_id = ? ORDER BY start, "end" DESC',
                    (doc_id,),
                )
            ]
            spans_written += len(spans)
            record = {"id": doc_id, "title": title, "source": source, "text": text,
                      "spans": spans}
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    conn.close()
    return spans_written


def _annotated_records(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label)]) of each Label Studio task or doccano line, read with
    json: no checks, no offset conversion."""
    with open(path, encoding="utf-8") as file:
        if path.suffix == ".json":
            return [
                (task["data"]["text"], [
                    (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                    for a in task["annotations"] for r in a["result"]
                ])
                for task in json.load(file)
            ]
        return [
            (line["text"], [tuple(item) for item in line["label"]])
            for line in map(json.loads, file)
        ]


def annotated_import_floor(path: Path, database: Path) -> int:
    """Parse a Label Studio task list or doccano JSONL with json and insert documents
    and spans with sqlite3 in one transaction into ``database``, a fresh project file
    (its tables, indexes and triggers made by the project's migrations): the rows every
    import must write, with no checks, no offset conversion, no statuses. The full-text
    index is filled in one statement, as the store fills it."""
    records = _annotated_records(path)
    conn = sqlite3.connect(database)
    now = "2026-01-01T00:00:00+00:00"
    with conn:
        conn.execute("INSERT INTO annotators VALUES ('alice', ?)", (now,))
        for position, (text, spans) in enumerate(records, start=1):
            doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
            conn.execute(
                "INSERT INTO documents (id, position, title, text, length, source, "
                "imported_at, meta) VALUES (?, ?, ?, ?, ?, NULL, ?, '{}')",
                (doc_id, position, text.split("\n", 1)[0], text, len(text), now),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO spans VALUES (?, ?, 'alice', ?, ?, ?, ?, 'imported', "
                "'{}', ?, ?)",
                [
                    (f"{position:08x}{number:024x}", doc_id, start, end, label,
                     text[start:end], now, now)
                    for number, (start, end, label) in enumerate(spans)
                ],
            )
        conn.execute(
            "INSERT INTO documents_search (rowid, title, text) "
            "SELECT rowid, title, text FROM documents"
        )
    count = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    conn.close()
    return int(count)


def bare_annotated_import_floor(path: Path, database: Path) -> int:
    """The same records into bare tables (no index but the documents' key, no
    trigger): the floor the annotated import was measured against before, kept for
    comparison."""
    records = _annotated_records(path)
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT)")
    conn.execute(
        'CREATE TABLE spans (doc_id TEXT, start INTEGER, "end" INTEGER, label TEXT, text TEXT)'
    )
    with conn:
        for text, spans in records:
            doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
            conn.execute("INSERT OR IGNORE INTO documents VALUES (?, ?)", (doc_id, text))
            conn.executemany(
                "INSERT INTO spans VALUES (?, ?, ?, ?, ?)",
                [(doc_id, start, end, label, text[start:end]) for start, end, label in spans],
            )
    count = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    conn.close()
    return int(count)


def without_search_index(database: Path) -> None:
    """Take a new project's full-text index out, so importing into it measures the
    import alone (the store indexes nothing where there is no index): what the index
    adds is the difference."""
    conn = sqlite3.connect(database)
    with conn:
        conn.execute("DROP TABLE documents_search")
    conn.close()


_SYNC_EVERY_BYTES = 32 << 20


def gold_export_floor(database: Path, output: Path) -> int:
    """The gold JSONL file itself, byte for byte, the obvious way: one sqlite3 query per
    document, orjson per line (the product's encoder), the data synced to disk as the
    product syncs it (every 32 MB and at the end). Only for projects like the bench's:
    no statuses, links, attributes or gold layer, whose layers are the annotators with
    spans."""
    import os

    import orjson

    from annotator.core.models import SCHEMA_VERSION

    conn = sqlite3.connect(database)
    spans_written = 0
    unsynced = 0
    with open(output, "wb") as file:
        documents = conn.execute(
            "SELECT id, title, source, text, language FROM documents ORDER BY position"
        )
        for doc_id, title, source, text, language in documents:
            spans = [
                {"id": r[0], "start": r[1], "end": r[2], "label": r[3], "text": r[4],
                 "annotator": r[5], "origin": r[6], "created_at": r[7], "updated_at": r[8]}
                for r in conn.execute(
                    'SELECT id, start, "end", label, text, annotator, origin, created_at, '
                    "updated_at FROM spans WHERE doc_id = ? "
                    'ORDER BY start, "end" DESC, label, annotator, id',
                    (doc_id,),
                )
            ]
            if not spans:
                continue
            spans_written += len(spans)
            record = {
                "id": doc_id, "title": title, "source": source, "text": text,
                "language": language, "spans": spans,
                "layers": [
                    {"annotator": name, "status": "not_started"}
                    for name in sorted({span["annotator"] for span in spans})
                ],
                "meta": {}, "schema_version": SCHEMA_VERSION,
            }
            line = orjson.dumps(record) + b"\n"
            file.write(line)
            unsynced += len(line)
            if unsynced >= _SYNC_EVERY_BYTES:
                file.flush()
                os.fdatasync(file.fileno())
                unsynced = 0
        file.flush()
        os.fsync(file.fileno())
    conn.close()
    return spans_written

"""Schema versions of the project file, one step each, applied in order.

``PRAGMA user_version`` holds the version; ``PRAGMA application_id`` marks the file as
ours, so a foreign SQLite file is refused instead of being written into. A backup copy
is taken with SQLite's backup API before any step runs on a file that holds data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError

APPLICATION_ID = 0x414E4E4F  # "ANNO"


_V1 = """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- The text comes last: columns after a long value are read through its
        -- overflow pages, which made listing 10,000 documents read every text.
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            length INTEGER NOT NULL,
            source TEXT,
            imported_at TEXT NOT NULL,
            language TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            text TEXT NOT NULL
        );
        -- Covers the document list, so opening a large project never touches texts.
        CREATE INDEX documents_listing ON documents (position, id, title, length, source);
        CREATE TRIGGER documents_text_never_changes
        BEFORE UPDATE OF text ON documents
        BEGIN
            SELECT RAISE(ABORT, 'a document''s text never changes: import the new version');
        END;
        CREATE TABLE annotators (
            name TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        );
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'manual',
            attrs TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX spans_by_document ON spans (doc_id, annotator, start);
        -- Covering for agreement, which reads every span of some annotators: the index
        -- alone answers, without visiting the table (a third less time on 400,000 spans).
        CREATE INDEX spans_by_annotator ON spans (annotator, doc_id, start, "end", label);
        CREATE TABLE statuses (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            status TEXT NOT NULL
                CHECK (status IN ('not_started', 'in_progress', 'done', 'reviewed')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator)
        );
        CREATE TABLE links (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            from_span TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            to_span TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            created_at TEXT NOT NULL
        );
        CREATE INDEX links_from ON links (from_span);
        CREATE INDEX links_to ON links (to_span);
        CREATE UNIQUE INDEX links_unique ON links (type, from_span, to_span);
        CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            decision TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            gold_span TEXT,
            annotators TEXT NOT NULL DEFAULT '[]',
            comment TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX decisions_by_document ON decisions (doc_id);
        CREATE TABLE rejected_suggestions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            origin TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator, start, "end", label)
        );
"""

# The gold export reads each document's spans in this order: an index that holds it
# spares a sort per document (a twentieth of an export of 500,000 spans).
_V2 = """
        DROP INDEX spans_by_document;
        CREATE INDEX spans_in_document_order
            ON spans (doc_id, start, "end" DESC, label, annotator, id);
"""

# Each step is one SQL script; it runs in one transaction with its version number, so
# a crash mid-migration leaves the file at the previous version, never half-way.
MIGRATIONS: list[str] = [_V1, _V2]
CURRENT_VERSION = len(MIGRATIONS)


# An index each schema version has and no other: a file whose user_version names a
# version its tables do not have was changed by hand or by another program, and running
# the next step on it would fail half-way ("no such index") or worse.
_VERSION_MARKS = {1: "spans_by_document", 2: "spans_in_document_order"}


def _schema_matches(conn: sqlite3.Connection, version: int) -> bool:
    mark = _VERSION_MARKS.get(version)
    if mark is None:
        return True
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (mark,)
    ).fetchone()
    return row is not None


def _has_tables(conn: sqlite3.Connection) -> bool:
    table_count: int = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return table_count > 0


def check_project_file(conn: sqlite3.Connection, path: str) -> int:
    """Return the file's schema version, or raise if the file is not a project we can use."""
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = _has_tables(conn)
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error):
            raise ProjectError(
                f"{path}: the project file is damaged (truncated or overwritten: {error}); "
                "it was left as it is; restore a backup"
            ) from error
        raise ProjectError(f"{path}: not an annotator project file ({error})") from error
    if has_tables and application_id != APPLICATION_ID:
        raise ProjectError(
            f"{path}: this SQLite file was not written by annotator; refusing to change it"
        )
    if has_tables and (version <= 0 or not _schema_matches(conn, version)):
        raise ProjectError(
            f"{path}: unknown schema version {version} (the file's tables are not those "
            f"of any version this annotator knows, 1 to {CURRENT_VERSION}); it was left "
            "as it is"
        )
    if version > CURRENT_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of annotator (schema {version}, this "
            f"version knows up to {CURRENT_VERSION}); upgrade annotator to open it"
        )
    return version


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.before-v{version + 1}.bak")


def backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a live database, through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    destination = sqlite3.connect(partial)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    partial.replace(target)


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the file to the current schema; each step commits with its version."""
    version = check_project_file(conn, path)
    if version == CURRENT_VERSION:
        return version
    if version > 0 and path != ":memory:":
        backup(conn, backup_path(Path(path), version))
    for step_version in range(version + 1, CURRENT_VERSION + 1):
        # executescript() commits whatever is pending before it starts, so the
        # transaction has to be part of the script itself.
        script = (
            f"BEGIN IMMEDIATE;\n{MIGRATIONS[step_version - 1]}\n"
            f"PRAGMA application_id = {APPLICATION_ID};\n"
            f"PRAGMA user_version = {step_version};\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
    return CURRENT_VERSION

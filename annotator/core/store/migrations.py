"""Schema versions of the project file, one step each, applied in order.

``PRAGMA user_version`` holds the version; ``PRAGMA application_id`` marks the file as
ours, so a foreign SQLite file is refused instead of being written into. A backup copy
is taken with SQLite's backup API before any step runs on a file that holds data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.files.atomic_files import temporary_beside

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

# Notes on spans and articles. A span's notes are not removed with it (no foreign key
# on span_id): the store shows only those of spans that exist, so a span removed and
# brought back by undo (with its id) has its notes again, and nothing is destroyed.
_NOTES = """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            span_id TEXT,
            author TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) > 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX notes_by_document ON notes (doc_id, span_id);
        CREATE UNIQUE INDEX notes_one_per_author ON notes (doc_id, coalesce(span_id, ''), author);
"""

# The full-text index of titles and texts, for search. It keeps no copy of the texts
# (``content='documents'``) and no sizes (``columnsize=0``: they serve ranking, which
# search does not do). The store's one insert path (``Store.add_documents``: import,
# merge, a new version for carry-over) indexes each batch in one statement, twice as
# fast as a trigger per row; triggers follow what else can change: a document taken out
# (``check --repair``), a title edited. A text never changes. ``remove_diacritics 2``
# folds accents and case: "etat" finds "État".
_SEARCH_INDEX = """
        CREATE VIRTUAL TABLE documents_search USING fts5(
            title, text, content='documents', content_rowid='rowid', columnsize=0,
            tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_search (documents_search) VALUES ('rebuild');
        CREATE TRIGGER documents_search_removed AFTER DELETE ON documents BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_search_retitled AFTER UPDATE OF title ON documents BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_search (rowid, title, text)
                VALUES (new.rowid, new.title, new.text);
        END;
"""

# The article list filters by outlet and date (``meta``'s "site" and "date") and by the
# labels an article holds, in SQL over indexes: copies of the two keys in columns of
# their own (kept by triggers, whoever writes the row) make those indexes cover the
# queries, so listing never reads a document's row, whose text follows.
_ARTICLE_FILTERS = """
        ALTER TABLE documents ADD COLUMN outlet TEXT;
        ALTER TABLE documents ADD COLUMN published TEXT;
        UPDATE documents SET
            outlet = CASE WHEN json_valid(meta) AND json_type(meta, '$.site') = 'text'
                          THEN json_extract(meta, '$.site') END,
            published = CASE WHEN json_valid(meta) AND json_type(meta, '$.date') = 'text'
                             THEN json_extract(meta, '$.date') END
        WHERE meta <> '{}';
        CREATE TRIGGER documents_facets_on_insert
        AFTER INSERT ON documents
        WHEN new.meta LIKE '%"site"%' OR new.meta LIKE '%"date"%'
        BEGIN
            UPDATE documents SET
                outlet = CASE WHEN json_valid(new.meta) AND json_type(new.meta, '$.site') = 'text'
                              THEN json_extract(new.meta, '$.site') END,
                published = CASE WHEN json_valid(new.meta)
                                      AND json_type(new.meta, '$.date') = 'text'
                                 THEN json_extract(new.meta, '$.date') END
            WHERE rowid = new.rowid;
        END;
        CREATE TRIGGER documents_facets_on_meta
        AFTER UPDATE OF meta ON documents
        BEGIN
            UPDATE documents SET
                outlet = CASE WHEN json_valid(new.meta) AND json_type(new.meta, '$.site') = 'text'
                              THEN json_extract(new.meta, '$.site') END,
                published = CASE WHEN json_valid(new.meta)
                                      AND json_type(new.meta, '$.date') = 'text'
                                 THEN json_extract(new.meta, '$.date') END
            WHERE rowid = new.rowid;
        END;
        CREATE INDEX documents_by_outlet ON documents (outlet, position);
        CREATE INDEX documents_by_date ON documents (published, position);
        CREATE INDEX spans_by_label ON spans (label, doc_id, annotator);
"""

# Who annotates which article: the owner's queues (a team's project; a file may hold
# them too, pulled from a server or planned alone).
_ASSIGNMENTS = """
        CREATE TABLE assignments (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator)
        );
        CREATE INDEX assignments_by_annotator ON assignments (annotator, doc_id);
"""

# The full-text index keyed on each article's position, not on SQLite's own row number:
# a table whose key is text (``documents.id``) has row numbers SQLite may give out anew
# when it copies the table (a dump's rescue, a table rebuilt by a schema step), and an
# index keyed on them would then find other articles than those holding the words.
# A position is a column of the row: given once, never changed, copied with it.
# Existing files are indexed again on the new key. An import writes the index with
# FTS5's merging paused (``Store._index_documents_after``); ``crisismerge`` lets up to
# 64 segments of a level wait for it (FTS5's default, 16, made every import batch
# merge again and again: a quarter of the index's cost).
_SEARCH_INDEX_BY_POSITION = """
        DROP TRIGGER documents_search_removed;
        DROP TRIGGER documents_search_retitled;
        DROP TABLE documents_search;
        CREATE VIRTUAL TABLE documents_search USING fts5(
            title, text, content='documents', content_rowid='position', columnsize=0,
            tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_search (documents_search, rank) VALUES ('crisismerge', 64);
        INSERT INTO documents_search (documents_search) VALUES ('rebuild');
        CREATE TRIGGER documents_search_taken_out AFTER DELETE ON documents BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, text)
                VALUES ('delete', old.position, old.title, old.text);
        END;
        CREATE TRIGGER documents_search_title_changed AFTER UPDATE OF title ON documents BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, text)
                VALUES ('delete', old.position, old.title, old.text);
            INSERT INTO documents_search (rowid, title, text)
                VALUES (new.position, new.title, new.text);
        END;
"""

# Each step is one SQL script; it runs in one transaction with its version number, so
# a crash mid-migration leaves the file at the previous version, never half-way.
MIGRATIONS: list[str] = [
    _V1, _V2, _NOTES, _SEARCH_INDEX, _ARTICLE_FILTERS, _ASSIGNMENTS, _SEARCH_INDEX_BY_POSITION
]
CURRENT_VERSION = len(MIGRATIONS)


# An index (or trigger) each schema version has and no other: a file whose user_version
# names a version its tables do not have was changed by hand or by another program, and
# running the next step on it would fail half-way ("no such index") or worse.
_VERSION_MARKS = {
    1: "spans_by_document",
    2: "spans_in_document_order",
    3: "notes_by_document",
    4: "documents_search_removed",
    5: "documents_by_outlet",
    6: "assignments_by_annotator",
    7: "documents_search_taken_out",
}


def _schema_matches(conn: sqlite3.Connection, version: int) -> bool:
    mark = _VERSION_MARKS.get(version)
    if mark is None:
        return True
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (mark,)
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


_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER, _FRAME_HEADER = 32, 24


def _database_header(path: Path) -> tuple[int, int] | None:
    """The page size and application id of the database file itself, read by SQLite
    with the log ignored (``immutable``). Never with Python's open(): closing any
    descriptor of the file would drop the locks SQLite holds on it in this process."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            page_size: int = conn.execute("PRAGMA page_size").fetchone()[0]
            application_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # not a database at all: check_project_file says so
    return page_size, application_id


def _another_database(logged_id: int, file_id: int) -> bool:
    # A new project killed before its first checkpoint: the file has no id yet, the
    # log holds the first migration that sets ours.
    return logged_id != file_id and not (file_id == 0 and logged_id == APPLICATION_ID)


def check_write_ahead_log(path: Path) -> None:
    """Refuse a write-ahead log beside the project that belongs to another database.

    SQLite replays whatever ``PROJECT.db-wal`` holds into the project when it opens it
    (and copies it in for good when the last connection closes), so a log from another
    file rewrites the project. Checked before SQLite opens the project for use: the
    log's page size must be the project's, and the first page it holds, if any, must be
    this project's (a database header with the same application id). SQLite locks the
    database and ``-shm`` files, never the log; and the log is read only when no
    ``-shm`` file is there, that is when no program (this one included) has the
    project open: a live log is never touched.
    """
    wal = path.with_name(path.name + "-wal")
    if path.with_name(path.name + "-shm").exists():
        return  # open somewhere: the log is that program's
    if not path.exists() or not wal.exists() or wal.stat().st_size < _WAL_HEADER:
        return  # no log, or an empty one SQLite starts anew
    database = _database_header(path)
    if database is None:
        return
    page_size, application_id = database
    reason = None
    try:
        with open(wal, "rb") as log:
            wal_header = log.read(_WAL_HEADER)
            if int.from_bytes(wal_header[0:4], "big") not in _WAL_MAGIC:
                return  # not a log SQLite would replay
            wal_page_size = int.from_bytes(wal_header[8:12], "big")
            if wal_page_size != page_size:
                reason = f"its pages are {wal_page_size} bytes, the project's {page_size}"
            frame = _WAL_HEADER
            while reason is None:
                log.seek(frame)
                frame_header = log.read(_FRAME_HEADER)
                if len(frame_header) < _FRAME_HEADER or frame_header[8:16] != wal_header[16:24]:
                    break  # past the frames this log's salt makes valid
                if int.from_bytes(frame_header[0:4], "big") == 1:
                    first_page = log.read(100)
                    if not first_page.startswith(b"SQLite format 3\x00"):
                        reason = "the first page it holds is not a database header"
                    elif _another_database(
                        int.from_bytes(first_page[68:72], "big"), application_id
                    ):
                        reason = "the first page it holds is another database's"
                    break
                frame += _FRAME_HEADER + wal_page_size
    except OSError as error:
        raise ProjectError(f"{wal}: cannot read the project's write-ahead log ({error})") from error
    if reason is not None:
        raise ProjectError(
            f"{wal}: this write-ahead log belongs to another database ({reason}); "
            "SQLite would copy it into the project, so nothing was opened or written. "
            "Move it away, then open the project again"
        )


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.before-v{version + 1}.bak")


def backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a live database, through SQLite's backup API."""
    # Into a fresh temporary file, moved into place once complete (``atomic_files``).
    with temporary_beside(target) as partial:
        destination = sqlite3.connect(partial)
        try:
            conn.backup(destination)
        finally:
            destination.close()


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

"""The project file: the only module that speaks SQL.

One SQLite file per project, in WAL mode with foreign keys on. Every public method
that changes data is one transaction: when it returns, the change is on disk. A
connection belongs to the thread that opened it; background work opens its own
``Store`` on the same path (WAL lets readers and one writer share the file).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.damaged_rows import (
    RESET_META,
    DamagedDocument,
    DamagedRow,
    UndecodableText,
    text_or_undecodable,
)
from annotator.core.errors import NotFound, ProjectError, ProjectReplaced, QueryError, SpanError
from annotator.core.files import output_paths
from annotator.core.labels import default_label_set
from annotator.core.models import (
    Decision,
    DecisionKind,
    Document,
    DocumentSummary,
    Label,
    LabelSet,
    Link,
    Note,
    Origin,
    Span,
    SpanRow,
    Status,
    StatusEntry,
    utc_now,
)
from annotator.core.store import migrations, network_drives
from annotator.core.store.article_filter import ANY_STATUS, UNFINISHED, ArticleFilter
from annotator.core.text.span_index import SpanRef

BUSY_TIMEOUT_SECONDS = 5.0
LET_OTHERS_IN_SECONDS = 0.12
"""The pause between two steps of a long operation. A program waiting for the write
lock retries every 100 ms at most (SQLite's busy handler), so it takes the lock
during the pause instead of finding it taken again each time."""
SEARCH_INDEX_AUTOMERGE = 4
"""FTS5's own default: segments merged four at a time as the index is written."""
RECENT_TEXTS = 4
"""How many document texts a Store keeps for checking spans (see _document_text)."""

_SPAN_COLUMNS = (
    'id, doc_id, annotator, start, "end", label, text, origin, attrs, created_at, updated_at'
)
# Reads take the rowid too: it names a damaged row even when its id is what is damaged.
_SPAN_READ_COLUMNS = _SPAN_COLUMNS + ", rowid"
# A span row whose offsets can be placed in a text and whose texts are texts; the
# article view reads raw rows and draws only those.
_PLACEABLE_OFFSETS = (
    "typeof(start) = 'integer' AND typeof(\"end\") = 'integer' AND start >= 0 "
    "AND \"end\" > start AND typeof(label) = 'text'"
)
_PLACEABLE_SPAN = _PLACEABLE_OFFSETS + " AND typeof(id) = 'text'"
# json_type() fails on text that is not JSON: ask json_valid() first.
_ATTRS_ARE_AN_OBJECT = (
    "CASE WHEN json_valid(s.attrs) THEN json_type(s.attrs) = 'object' ELSE 0 END"
)
_SOUND_SPAN = (
    "typeof(s.start) = 'integer' AND typeof(s.\"end\") = 'integer' AND s.start >= 0 "
    "AND s.\"end\" > s.start AND typeof(s.id) = 'text' AND typeof(s.label) = 'text' "
    "AND typeof(s.text) = 'text' AND typeof(s.annotator) = 'text' "
    f"AND typeof(s.attrs) = 'text' AND (s.attrs = '{{}}' OR {_ATTRS_ARE_AN_OBJECT})"
)
"""A span row ``damaged_span_rows`` (without the lengths) would not name."""
_DAMAGED_SPAN = b"\x00"
"""What the export's span query reads in place of a damaged row's attributes: a blob,
which no stored attributes (text) can be."""
_READ_ERRORS = (ValueError, TypeError)
"""What turning a damaged row into a model raises (pydantic's and json's errors are
ValueErrors)."""
_STATUSES = {status.value: status for status in Status}
# What SQLite says of a full-text query it cannot read (the rest are the file's errors).
_QUERY_ERRORS = ("fts5", "syntax error", "unterminated string", "no such column")

# What the article list shows of a document; the status and span count are those of
# the annotator given twice. Outlet and date come last: read beside the text, they
# are read only for the page on show.
_SUMMARY_QUERY = """
    SELECT d.id, d.title, d.source, d.length, d.position,
           coalesce(st.status, 'not_started'),
           (SELECT count(*) FROM spans s WHERE s.doc_id = d.id AND s.annotator = ?),
           d.rowid, st.rowid, d.outlet, d.published
    FROM documents d
    LEFT JOIN statuses st ON st.doc_id = d.id AND st.annotator = ?
    """


def _like_pattern(word: str) -> str:
    """A LIKE pattern finding ``word`` anywhere; a letter LIKE cannot fold matches
    anything there (the exact test follows)."""
    escaped = "".join(
        "\\" + char if char in "%_\\" else char if char.isascii() else "%" for char in word
    )
    return f"%{escaped}%"


def _folded_holds(title: Any, source: Any, word: str) -> bool:
    return word in f"{title}\n{source or ''}".casefold()


FileIdentity = tuple[int, int]
"""A file's device and inode: which file a path names, told by ``stat`` (never opened)."""


def file_identity(path: str) -> FileIdentity | None:
    if path == ":memory:":
        return None
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino)


def _writable(path: str) -> bool:
    """Whether this process may write the project: the file (if there) and its folder,
    where SQLite keeps the log (``access`` also says no on a read-only disk)."""
    folder = os.path.dirname(os.path.abspath(path))
    return (not os.path.exists(path) or os.access(path, os.W_OK)) and os.access(folder, os.W_OK)


def _nothing_else_can_write(path: str) -> bool:
    """No program can be writing the project: no log beside it, and a read-only disk
    or a folder nobody may write (so no log can be started)."""
    if os.path.exists(path + "-wal"):
        return False
    folder = os.path.dirname(os.path.abspath(path))
    try:
        read_only_disk = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        folder_mode = os.stat(folder).st_mode
    except OSError:
        return False
    return read_only_disk or not folder_mode & 0o222


def read_only_message(path: str) -> str:
    return (
        f"{path}: the project is read-only (the file or its folder is write-protected), so "
        "nothing can be saved to it; ask for write access, or work on a copy: "
        f"annotator --db {path} backup COPY.db"
    )


def new_id() -> str:
    return uuid.uuid4().hex


def _span_from_row(row: Sequence[Any]) -> Span:
    if type(row[3]) is not int or type(row[4]) is not int:
        raise ValueError(f"offsets {row[3]!r}-{row[4]!r} are not whole numbers")
    if not 0 <= row[3] < row[4]:
        raise ValueError(f"offsets {row[3]}-{row[4]} do not fit a text")
    return Span(
        id=row[0],
        doc_id=row[1],
        annotator=row[2],
        start=row[3],
        end=row[4],
        label=row[5],
        text=row[6],
        origin=row[7],
        attrs=json.loads(row[8]) if row[8] and row[8] != "{}" else {},
        created_at=row[9],
        updated_at=row[10],
    )


def _meta_or_none(value: Any) -> dict[str, Any] | None:
    """A document's meta, or None when it is not a JSON object."""
    if not value or value == "{}":
        return {}
    try:
        meta = json.loads(value)
    except _READ_ERRORS:
        return None
    return meta if isinstance(meta, dict) else None


def _span_name(span_id: Any, doc_id: Any) -> str:
    return f"span {str(span_id)[:32]} in document {str(doc_id)[:12]}"


def _reason(error: Exception) -> str:
    """One line for a row that would not read (pydantic's message spans several)."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        found = f"{first['msg']} (found {first.get('input')!r:.60})"
        return f"{where}: {found}" if where else found
    return str(error).splitlines()[0]


def _span_row(span: Span) -> tuple[Any, ...]:
    return (
        span.id,
        span.doc_id,
        span.annotator,
        span.start,
        span.end,
        span.label,
        span.text,
        span.origin,
        _attrs_json(span.attrs),
        span.created_at,
        span.updated_at,
    )


def _attrs_json(attrs: dict[str, Any]) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True) if attrs else "{}"


def _new_document_rows(
    documents: Sequence[Document], present: set[str], position: int
) -> tuple[list[bool], list[tuple[Any, ...]]]:
    """Which of ``documents`` are new (not in ``present``, nor earlier in the batch), and
    the rows that add them after ``position``, in the documents table's column order
    (id, position, title, text, length, source, imported_at, language, meta)."""
    added: list[bool] = []
    rows: list[tuple[Any, ...]] = []
    seen = set(present)
    for document in documents:
        is_new = document.id not in seen
        added.append(is_new)
        if not is_new:
            continue
        seen.add(document.id)
        position += 1
        rows.append(
            (
                document.id,
                position,
                document.title,
                document.text,
                len(document.text),
                document.source,
                document.imported_at,
                document.language,
                json.dumps(document.meta, ensure_ascii=False) if document.meta else "{}",
            )
        )
    return added, rows


class Store:
    """A project: documents, the label set, annotators' spans and statuses."""

    def __new__(cls, path: str | Path = ":memory:", **options: Any) -> Store:
        """A ``postgresql://`` URL opens a shared project on a server
        (``store_postgres``): the same store, on the other backend."""
        if cls is Store and str(path).startswith(("postgresql://", "postgres://")):
            from annotator.core.store.postgres import PostgresStore

            return super().__new__(PostgresStore)
        return super().__new__(cls)

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        create: bool = True,
        same_file_as: FileIdentity | None = None,
    ) -> None:
        """``create=False``: refuse a path with no project file rather than start an
        empty project there (background work must never re-create a deleted project).
        ``same_file_as``: refuse unless the path still holds that file (another
        connection's ``file_identity``)."""
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            file = Path(self.path)
            if (read_only or not create) and not file.exists():
                raise ProjectError(f"{self.path}: no such project file")
            if file.exists() and file.is_dir():
                raise ProjectError(f"{self.path}: is a folder, not a project file")
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ProjectError(
                    f"{self.path}: cannot make the project's folder ({error.strerror or error})"
                ) from error
            migrations.check_write_ahead_log(file)
            if not read_only:
                network_drives.refuse_network_drive(self.path)
        self.file_identity = file_identity(self.path)
        """The file this store opened (``None`` in memory): compared before each write."""
        if same_file_as is not None and self.file_identity != same_file_as:
            raise ProjectReplaced(self.path)
        self.write_protected = self.path != ":memory:" and not _writable(self.path)
        """The file or its folder cannot be written: only reading is possible."""
        if self.write_protected and not read_only:
            if not os.path.exists(self.path):
                raise ProjectError(
                    f"{self.path}: no such project file, and its folder is write-protected, "
                    "so none can be created there; choose a folder you can write"
                )
            raise ProjectError(read_only_message(self.path))
        # A write-protected folder holding no log: SQLite cannot make the shared memory
        # file a reader needs; since nobody can write there, the file is read as
        # unchanging (immutable) instead.
        immutable_retry = read_only and _nothing_else_can_write(self.path)
        for immutable in (False, True) if immutable_retry else (False,):
            self.conn = self._connect(read_only, create, immutable=immutable)
            try:
                self._configure(read_only)
                break
            except (sqlite3.DatabaseError, ProjectError) as error:
                self.conn.close()
                if immutable_retry and not immutable:
                    continue
                if isinstance(error, ProjectError):
                    raise
                raise ProjectError(
                    f"{self.path}: not an annotator project file, or damaged ({error})"
                ) from error
        if self.file_identity is None:  # a new project: its file exists only now
            self.file_identity = file_identity(self.path)
        self._waiting: tuple[Callable[[int], bool], Callable[[], None]] | None = None
        self._label_set: LabelSet | None = None
        # Texts of the documents spans were last checked against. A document's text
        # never changes (its id is the text's hash), so this can never be stale, and
        # the window adding a span to a 1 MB article does not re-read the megabyte.
        self._recent_texts: OrderedDict[str, str] = OrderedDict()
        self.damaged: dict[tuple[str, int], DamagedRow] = {}
        """Rows found damaged while reading, left out of what was read."""

    @classmethod
    def writable_or_read_only(cls, path: str | Path) -> Store:
        """The project opened as every command opens it, or read-only when the file or
        its folder is write-protected (reading commands and the window then still work)."""
        if str(path) != ":memory:" and Path(path).is_file() and (
            not _writable(str(path)) or network_drives.network_drive(path)
        ):
            return cls(path, read_only=True)
        return cls(path)

    def _connect(self, read_only: bool, create: bool, *, immutable: bool) -> sqlite3.Connection:
        try:
            if read_only or not create:
                mode = "ro" if read_only else "rw"
                uri = Path(self.path).resolve().as_uri() + f"?mode={mode}"
                if immutable:
                    uri += "&immutable=1"
                return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
            return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as error:
            raise ProjectError(f"{self.path}: cannot open the project file ({error})") from error

    @cached_property
    def db(self) -> Any:
        """The sqlite-utils view of the connection (savepoints for nested transactions).

        Imported on first use: sqlite-utils pulls in numpy, half a second that the
        window's start-up does not need to pay.
        """
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False, recursive_triggers=False)

    def _configure(self, read_only: bool) -> None:
        conn = self.conn
        version = migrations.check_project_file(conn, self.path)
        conn.create_function("folded_holds", 3, _folded_holds, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        if read_only:
            if version != migrations.CURRENT_VERSION:
                raise ProjectError(
                    f"{self.path}: schema {version} needs upgrading; open it writable once"
                )
            return
        if self.path != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise ProjectError(f"{self.path}: cannot switch the project to WAL mode")
        # FULL: an acknowledged annotation survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        try:
            migrations.migrate(conn, self.path)
        except sqlite3.OperationalError as error:
            raise ProjectError(f"{self.path}: cannot prepare the project file ({error})") from error

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several changes into one commit (savepoints when nested)."""
        if self.read_only:
            if self.write_protected:
                raise ProjectError(read_only_message(self.path))
            raise ProjectError(f"{self.path}: the project is open read-only; nothing was changed")
        try:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            # IMMEDIATE takes the write lock up front, waiting up to the busy timeout:
            # a deferred transaction that reads first fails at once (SQLITE_BUSY) when
            # another window on the same project wrote in between.
            self._begin_immediate()
            try:
                self.check_same_file()
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
        except sqlite3.OperationalError as error:
            raise ProjectError(
                f"{self.path}: could not save; nothing from this action was written ({error})"
            ) from error
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise
            raise ProjectError(
                f"{self.path}: the project file is damaged ({error}); restore a backup"
            ) from error

    def retry_when_busy(
        self,
        waiting: Callable[[int], bool],
        done_waiting: Callable[[], None],
        every_seconds: float = 0.25,
    ) -> None:
        """Keep trying a change while another program holds the write lock, instead of
        failing it after the busy timeout: ``waiting(attempt)`` runs between tries (the
        window says it is waiting) and says whether to go on; ``done_waiting()`` once
        the change could start after waiting."""
        self._waiting = (waiting, done_waiting)
        self.conn.execute(f"PRAGMA busy_timeout = {int(every_seconds * 1000)}")

    def _begin_immediate(self) -> None:
        attempt = 0
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                busy = getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY
                if not busy or self._waiting is None or not self._waiting[0](attempt):
                    raise
                attempt += 1
                continue
            if attempt and self._waiting is not None:
                self._waiting[1]()
            return

    def let_others_in(self) -> None:
        """Between two transactions of a long operation (a merge): another window or
        import waiting to save gets its turn."""
        time.sleep(LET_OTHERS_IN_SECONDS)

    def is_same_file(self) -> bool:
        """Whether the path still names the file this store opened (not deleted, moved
        away or replaced by another file). A ``stat``, cheap enough before every write."""
        return self.path == ":memory:" or (
            self.file_identity is not None and file_identity(self.path) == self.file_identity
        )

    def check_same_file(self) -> None:
        if not self.is_same_file():
            raise ProjectReplaced(self.path)

    def release_log(self) -> None:
        """Move what the write-ahead log holds into the file this store opened and
        empty the log. Once the project's path names another file, that file would read
        this project's log (``PATH-wal``) as its own; the opened file, still held,
        keeps everything for ``backup_to``."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error:
            pass  # another program holds the log: the backup still reads through it

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def backup_to(self, target: str | Path) -> None:
        """A consistent copy of the project, even while another window writes to it."""
        target = Path(target)
        try:
            with output_paths.protecting(self.path):
                migrations.backup(self.conn, target)
        except (sqlite3.Error, OSError) as error:
            raise ProjectError(f"{target}: could not write the backup ({error})") from error

    # -- damaged rows: read around them, name them -----------------------------------

    def _note_damage(
        self,
        table: str,
        rowid: int,
        name: str,
        reason: str,
        repair: str = "delete",
        item_id: Any = "",
    ) -> None:
        row = DamagedRow(table, rowid, name, reason, repair, str(item_id))
        self.damaged.setdefault((table, rowid), row)

    def damaged_rows_seen(self) -> list[DamagedRow]:
        """The damaged rows reading has met and left out so far, in file order."""
        return sorted(self.damaged.values(), key=lambda row: (row.table, row.rowid))

    def find_damaged_rows(self) -> list[DamagedRow]:
        """Read every row of the project and return those that are damaged."""
        self.damaged_span_rows()
        for batch, _tolerant in self._fetch(
            "SELECT id, title, text, source, imported_at, language, meta, rowid FROM documents"
        ):
            for row in batch:
                try:
                    self._document_from_row(row)
                except DamagedDocument:
                    pass
        for _span in self.iter_spans():
            pass
        self.all_statuses()
        self.decisions()
        self.links()
        self._label_set = None
        self.label_set()
        return self.damaged_rows_seen()

    def repair_damaged_rows(self, rows: Iterable[DamagedRow]) -> None:
        """Take damaged rows out of the file (a damaged meta is reset); one transaction."""
        tables = {"documents", "spans", "statuses", "decisions", "links", "settings"}
        with self.transaction():
            for row in rows:
                if row.table not in tables:
                    raise ValueError(f"not a table of the project: {row.table!r}")
                if row.repair == RESET_META:
                    self.conn.execute(
                        "UPDATE documents SET meta = '{}' WHERE rowid = ?", (row.rowid,)
                    )
                else:
                    self.conn.execute(f"DELETE FROM {row.table} WHERE rowid = ?", (row.rowid,))
        self.damaged.clear()
        self._label_set = None

    def _fetch(
        self, query: str, params: Sequence[Any] = ()
    ) -> Iterator[tuple[list[Any], bool]]:
        """The rows of ``query`` in batches, each with whether texts that are not UTF-8
        may be in it (as ``UndecodableText``): sqlite3 stops a whole query at such a
        text, so the query is read again, marking them, from where it stopped."""
        tolerant = False
        done = skip = 0  # rows handed out; rows of a fresh read already handed out
        cursor: sqlite3.Cursor | None = None
        while True:
            try:
                if tolerant:
                    self.conn.text_factory = text_or_undecodable
                if cursor is None:
                    cursor = self.conn.execute(query, params)
                batch = cursor.fetchmany(256)
            except sqlite3.OperationalError as error:
                if tolerant or "decode" not in str(error):
                    raise
                tolerant, cursor, skip = True, None, done
                continue
            finally:
                self.conn.text_factory = str
            if not batch:
                return
            if skip:
                dropped = min(skip, len(batch))
                batch, skip = batch[dropped:], skip - dropped
                if not batch:
                    continue
            done += len(batch)
            yield batch, tolerant

    def _spans_from_rows(self, query: str, params: Sequence[Any] = ()) -> Iterator[Span]:
        """The spans ``query`` (on ``_SPAN_READ_COLUMNS``) selects, damaged ones left out."""
        damaged = {key[1] for key in self.damaged if key[0] == "spans"}
        for batch, tolerant in self._fetch(query, params):
            for row in batch:
                if damaged and row[11] in damaged:
                    continue
                try:
                    if tolerant and any(isinstance(value, UndecodableText) for value in row):
                        raise ValueError("a text in it is not valid UTF-8")
                    span = _span_from_row(row)
                except _READ_ERRORS as error:
                    name = _span_name(row[0], row[1])
                    self._note_damage("spans", row[11], name, _reason(error), item_id=row[0])
                    continue
                yield span

    def _status_of(self, rowid: int, doc_id: Any, annotator: Any, value: Any) -> Status | None:
        status = _STATUSES.get(value) if isinstance(value, str) else None
        if status is None:
            self._note_damage(
                "statuses",
                rowid,
                f"the status of {annotator!r} on document {str(doc_id)[:12]}",
                f"unknown status {value!r}",
            )
        return status

    # -- settings and labels ---------------------------------------------------

    def _setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def setting(self, key: str) -> str | None:
        """A project setting (``project_settings`` says which keys there are)."""
        return self._setting(key)

    def set_setting(self, key: str, value: str | None) -> None:
        """Set a project setting, or remove it (``value`` None); one transaction."""
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self._set_setting(key, value)

    def model_paths(self) -> list[str]:
        """Directories of the models trained on this project, oldest first."""
        stored = self._setting("model_paths")
        return [str(path) for path in json.loads(stored)] if stored else []

    def record_model(self, path: str | Path) -> None:
        """Remember a model directory written from this project (once)."""
        text = str(Path(path).resolve())
        with self.transaction():
            paths = [known for known in self.model_paths() if known != text]
            self._set_setting("model_paths", json.dumps([*paths, text]))

    def label_set(self) -> LabelSet:
        """The project's labels: its own if it has set some, else the default set."""
        if self._label_set is None:
            stored = self._setting("label_set")
            try:
                self._label_set = (
                    LabelSet.model_validate_json(stored) if stored else default_label_set()
                )
            except _READ_ERRORS as error:
                rowid = self.conn.execute(
                    "SELECT rowid FROM settings WHERE key = 'label_set'"
                ).fetchone()[0]
                self._note_damage("settings", rowid, "the label set", _reason(error))
                self._label_set = default_label_set()
        return self._label_set

    def set_label_set(self, label_set: LabelSet) -> None:
        with self.transaction():
            self._set_setting("label_set", label_set.model_dump_json())
        self._label_set = label_set

    def add_labels(self, names: Iterable[str]) -> list[Label]:
        """Add labels the project lacks (e.g. from an imported file); returns the new ones."""
        from annotator.core.palette import next_colour, next_shortcut

        current = self.label_set()
        labels = list(current.labels)
        added: list[Label] = []
        for name in names:
            if current.get(name) or any(label.name == name for label in added):
                continue
            try:
                key = next_shortcut(labels)
            except ValueError as error:
                raise SpanError(
                    f"cannot add the label {name!r}: the project's {len(labels)} labels "
                    "already take every letter and digit as a shortcut"
                ) from error
            label = Label(
                name=name,
                key=key,
                color=next_colour(labels),
                display={"en": name, "fr": name},
            )
            labels.append(label)
            added.append(label)
        if added:
            self.set_label_set(current.model_copy(update={"labels": labels}))
        return added

    def rename_label(self, old: str, new: str, label_set: LabelSet) -> int:
        """Give every span, decision and rejected suggestion of ``old`` the name ``new``
        and store ``label_set`` (which names it so), in one transaction; returns how many
        spans were renamed. Links point at span ids, so they follow."""
        with self.transaction():
            renamed = self.conn.execute(
                "UPDATE spans SET label = ? WHERE label = ?", (new, old)
            ).rowcount
            self.conn.execute("UPDATE decisions SET label = ? WHERE label = ?", (new, old))
            self.conn.execute(
                "UPDATE rejected_suggestions SET label = ? WHERE label = ?", (new, old)
            )
            self._set_setting("label_set", label_set.model_dump_json())
        self._label_set = label_set
        return int(renamed)

    # -- documents -----------------------------------------------------------

    def add_documents(self, documents: Iterable[Document]) -> list[bool]:
        """Store new documents in one transaction; True for each one that was new."""
        documents = list(documents)
        with self.transaction():
            position = self.conn.execute(
                "SELECT coalesce(max(position), 0) FROM documents"
            ).fetchone()[0]
            # Which are there already, asked once for the batch: then one executemany
            # adds the rest (an execute per document cost a fifth of an import).
            present = self._present_documents([document.id for document in documents])
            added, rows = _new_document_rows(documents, present, position)
            self.conn.executemany(
                "INSERT INTO documents (id, position, title, text, length, source, "
                "imported_at, language, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            if rows and self._has_search_index():
                self._index_documents(rows)
        return added

    def _index_documents(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Index a batch of documents just added, from their rows (``_new_document_rows``:
        position, the index's key, see migrations; title; text). Given the values
        rather than read back from the table: a sixth less time than ``INSERT ...
        SELECT``, which reads every text again. FTS5 merges its segments as it writes
        (``automerge``); during a batch that merging is redone on every flush of a
        megabyte of words, a third of the index's cost, so it waits until the batch is
        in and the next write takes it up (``crisismerge`` caps the segments meanwhile)."""
        control = "INSERT INTO documents_search (documents_search, rank) VALUES ('automerge', ?)"
        self.conn.execute(control, (0,))
        self.conn.executemany(
            "INSERT INTO documents_search (rowid, title, text) VALUES (?, ?, ?)",
            [(row[1], row[2], row[3]) for row in rows],
        )
        self.conn.execute(control, (SEARCH_INDEX_AUTOMERGE,))

    def _has_search_index(self) -> bool:
        """Whether the file has the full-text index (a schema before it has not)."""
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'documents_search'"
        ).fetchone()
        return found is not None

    def _present_documents(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.update(
                row[0]
                for row in self.conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return found

    def add_document(self, document: Document) -> bool:
        return self.add_documents([document])[0]

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id: str) -> Document:
        query = (
            "SELECT id, title, text, source, imported_at, language, meta, rowid "
            "FROM documents WHERE id = ?"
        )
        for batch, _tolerant in self._fetch(query, (doc_id,)):
            return self._document_from_row(batch[0])
        raise NotFound(f"no document {doc_id!r} in the project")

    def _document_from_row(self, row: Sequence[Any]) -> Document:
        """A document from its row; a damaged meta is read as empty (and noted), any
        other damage raises DamagedDocument naming it."""
        name = f"document {str(row[0])[:12]}"
        rowid = row[7]
        meta = _meta_or_none(row[6])
        if meta is None:
            reason = "its meta is not a JSON object"
            self._note_damage("documents", rowid, name, reason, RESET_META, row[0])
            meta = {}
        columns = ("id", "title", "text", "source", "imported_at", "language")
        undecodable = [
            column
            for column, value in zip(columns, row, strict=False)
            if isinstance(value, UndecodableText)
        ]
        try:
            if undecodable:
                raise ValueError(f"its {' and '.join(undecodable)} is not valid UTF-8")
            return Document(
                id=row[0],
                title=row[1],
                text=row[2],
                source=row[3],
                imported_at=row[4],
                language=row[5],
                meta=meta,
            )
        except _READ_ERRORS as error:
            reason = _reason(error)
            self.damaged.pop(("documents", rowid), None)  # the worse damage names it
            self._note_damage("documents", rowid, name, reason, item_id=row[0])
            raise DamagedDocument(
                f"{self.path}: {name} is damaged ({reason}); it is left out "
                "(`annotator check --repair` takes it out of the file)"
            ) from error

    def resolve_document_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix``."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if not rows:
            raise NotFound(f"no document id starts with {prefix!r}")
        if len(rows) > 1:
            raise NotFound(f"more than one document id starts with {prefix!r}")
        return str(rows[0][0])

    def document_ids(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY position")]

    def document_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document_summaries(self, annotator: str | None = None) -> list[DocumentSummary]:
        """Every document without its text, with ``annotator``'s status and span count."""
        return self._summaries(_SUMMARY_QUERY + "ORDER BY d.position", (annotator, annotator))

    def _summaries(self, query: str, params: Sequence[Any]) -> list[DocumentSummary]:
        summaries = []
        # The window lists every document at start-up: look statuses up in a dict
        # rather than through Enum's slow call.
        for batch, tolerant in self._fetch(query, params):
            for r in batch:
                status = _STATUSES.get(r[5])
                if status is None:
                    status = self._status_of(r[8], r[0], params[0], r[5]) or Status.NOT_STARTED
                try:
                    if tolerant and any(isinstance(value, UndecodableText) for value in r):
                        raise ValueError("its title or source is not valid UTF-8")
                    summary = DocumentSummary(
                        id=r[0],
                        title=r[1],
                        source=r[2],
                        length=r[3],
                        position=r[4],
                        status=status,
                        span_count=r[6],
                        outlet=r[9],
                        published=r[10],
                    )
                except _READ_ERRORS as error:
                    name = f"document {str(r[0])[:12]}"
                    self._note_damage("documents", r[7], name, _reason(error), item_id=r[0])
                    continue
                summaries.append(summary)
        return summaries

    # -- the article list: one query per filter, rows read page by page ------

    def article_positions(self, annotator: str, chosen: ArticleFilter) -> array[int]:
        """The positions of the documents ``chosen`` lets through, in document order:
        what the article list shows, before it reads any row."""
        where, params = self._article_conditions(annotator, chosen)
        query = "SELECT d.position FROM documents d"
        if where:
            query += " WHERE " + " AND ".join(where)
        rows = self.conn.execute(query + " ORDER BY d.position", params)
        return array("q", map(itemgetter(0), rows))

    def positions_at(self, offset: int, limit: int) -> list[int]:
        """The positions of ``limit`` documents from the ``offset``-th, in document
        order: a page of the unfiltered list, read from the index alone."""
        rows = self.conn.execute(
            "SELECT position FROM documents ORDER BY position LIMIT ? OFFSET ?", (limit, offset)
        )
        return [row[0] for row in rows]

    def documents_before(self, position: int) -> int:
        """How many documents come before ``position``: its row in the unfiltered list."""
        query = "SELECT count(*) FROM documents WHERE position < ?"
        return int(self.conn.execute(query, (position,)).fetchone()[0])

    def next_article_position(
        self, annotator: str, chosen: ArticleFilter, after: int | None
    ) -> int | None:
        """The first position ``chosen`` lets through after ``after``, wrapping round
        (never ``after`` itself); None when there is none."""
        where, params = self._article_conditions(annotator, chosen)
        query = "SELECT d.position FROM documents d WHERE " + " AND ".join(
            [*where, "d.position > ?"]
        ) + " ORDER BY d.position LIMIT 1"
        for low in (after, None) if after is not None else (None,):
            row = self.conn.execute(query, [*params, -1 if low is None else low]).fetchone()
            if row is not None and row[0] != after:
                return int(row[0])
        return None

    def article_matches(self, annotator: str, chosen: ArticleFilter, position: int) -> bool:
        """Whether the document at ``position`` is one ``chosen`` lets through."""
        where, params = self._article_conditions(annotator, chosen)
        query = "SELECT 1 FROM documents d WHERE " + " AND ".join([*where, "d.position = ?"])
        return self.conn.execute(query, [*params, position]).fetchone() is not None

    def article_rows(self, annotator: str, positions: Sequence[int]) -> list[DocumentSummary]:
        """The summaries of the documents at ``positions`` (one page of the list), in
        document order; damaged ones are left out and noted."""
        if not positions:
            return []
        marks = ", ".join("?" * len(positions))
        query = _SUMMARY_QUERY + f"WHERE d.position IN ({marks}) ORDER BY d.position"
        return self._summaries(query, (annotator, annotator, *positions))

    def article_counts(self, annotator: str) -> tuple[int, int, int]:
        """How many documents the project holds, and how many of them ``annotator`` has
        done and has in progress."""
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM documents), "
            "(SELECT count(*) FROM statuses WHERE annotator = ? "
            "AND status IN ('done', 'reviewed')), "
            "(SELECT count(*) FROM statuses WHERE annotator = ? AND status = 'in_progress')",
            (annotator, annotator),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def document_position(self, doc_id: str) -> int | None:
        row = self.conn.execute(
            "SELECT position FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def document_positions(self) -> dict[str, int]:
        """Every document's position by id (read from the listing index alone)."""
        return dict(self.conn.execute("SELECT id, position FROM documents"))

    def outlets(self) -> list[str]:
        """The outlets (``meta["site"]``) the documents come from, in order."""
        query = "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet"
        return [row[0] for row in self.conn.execute(query)]

    def has_dates(self) -> bool:
        """Whether any document says when it was published (``meta["date"]``)."""
        query = "SELECT 1 FROM documents WHERE published IS NOT NULL LIMIT 1"
        return self.conn.execute(query).fetchone() is not None

    def _article_conditions(
        self, annotator: str, chosen: ArticleFilter
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        for word in chosen.words:
            pattern = _like_pattern(word)
            condition = "(d.title LIKE ? ESCAPE '\\' OR d.source LIKE ? ESCAPE '\\')"
            params += [pattern, pattern]
            if not word.isascii():
                # LIKE folds ASCII letters only: it narrows, Python's casefold decides.
                condition = f"({condition} AND folded_holds(d.title, d.source, ?))"
                params.append(word)
            where.append(condition)
        if chosen.outlet is not None:
            where.append("d.outlet = ?")
            params.append(chosen.outlet)
        low, high = chosen.date_bounds()
        if low is not None:
            where.append("d.published >= ?")
            params.append(low)
        if high is not None:
            where.append("d.published < ?")
            params.append(high)
        # Correlated, and last: each is one index seek, made only for the articles the
        # conditions above let through (a typed word leaves few).
        status_is = (
            "EXISTS (SELECT 1 FROM statuses st WHERE st.doc_id = d.id AND st.annotator = ? "
        )
        if chosen.status == UNFINISHED:
            where.append("NOT " + status_is + "AND st.status IN ('done', 'reviewed'))")
            params.append(annotator)
        elif chosen.status == Status.NOT_STARTED.value:
            where.append("NOT " + status_is + "AND st.status <> 'not_started')")
            params.append(annotator)
        elif chosen.status != ANY_STATUS:
            where.append(status_is + "AND st.status = ?)")
            params += [annotator, chosen.status]
        by_whom = " AND s.annotator = ?" if chosen.annotator else ""
        whom = [chosen.annotator] if chosen.annotator else []
        if chosen.annotator and not chosen.with_labels:
            where.append(
                "(EXISTS (SELECT 1 FROM spans s WHERE s.annotator = ? AND s.doc_id = d.id) "
                "OR " + status_is + "AND st.status <> 'not_started'))"
            )
            params += [chosen.annotator, chosen.annotator]
        holds = "EXISTS (SELECT 1 FROM spans s WHERE s.label = ? AND s.doc_id = d.id"
        for label in chosen.with_labels:
            where.append(f"{holds}{by_whom})")
            params += [label, *whom]
        for label in chosen.without_labels:
            where.append(f"NOT {holds}{by_whom})")
            params += [label, *whom]
        return where, params

    def set_language(self, doc_id: str, language: str | None) -> None:
        with self.transaction():
            self.conn.execute("UPDATE documents SET language = ? WHERE id = ?", (language, doc_id))

    def set_document_details(
        self, doc_id: str, title: str, language: str | None, meta: dict[str, Any]
    ) -> None:
        """A document's own fields, the text aside: its title, language and metadata."""
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE documents SET title = ?, language = ?, meta = ? WHERE id = ?",
                (title, language, json.dumps(meta, ensure_ascii=False), doc_id),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no document {doc_id!r} in the project")

    # -- annotators ----------------------------------------------------------

    def ensure_annotator(self, name: str) -> None:
        if not name or not name.strip():
            raise SpanError("an annotator needs a name")
        self.conn.execute(
            "INSERT INTO annotators (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (name, utc_now()),
        )

    def annotators(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM annotators ORDER BY name")]

    # -- spans ---------------------------------------------------------------

    def make_span(
        self,
        document: Document,
        annotator: str,
        start: int,
        end: int,
        label: str,
        *,
        origin: str = Origin.MANUAL.value,
        attrs: dict[str, Any] | None = None,
        span_id: str | None = None,
    ) -> Span:
        """A span on ``document`` whose text is taken from the document, checked."""
        if not (0 <= start < end <= len(document.text)):
            raise SpanError(
                f"offsets {start}-{end} do not fit document {document.id[:12]} "
                f"(length {len(document.text)})"
            )
        return Span(
            id=span_id or new_id(),
            doc_id=document.id,
            annotator=annotator,
            start=start,
            end=end,
            label=label,
            text=document.text[start:end],
            origin=origin,
            attrs=attrs or {},
        )

    def _check_label(self, label: str) -> None:
        if self.label_set().get(label) is None:
            raise SpanError(
                f"unknown label {label!r}; the project's labels are "
                f"{', '.join(self.label_set().names)}"
            )

    def _document_text(self, doc_id: str, cache: dict[str, str]) -> str:
        if doc_id in cache:
            return cache[doc_id]
        text = self._recent_texts.get(doc_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise SpanError(f"no document {doc_id[:12]} in the project")
            text = row[0]
            self._recent_texts[doc_id] = text
            if len(self._recent_texts) > RECENT_TEXTS:
                self._recent_texts.popitem(last=False)
        else:
            self._recent_texts.move_to_end(doc_id)
        cache[doc_id] = text
        return text

    def _insert_spans(
        self, spans: Iterable[Span], check: bool = True, texts: dict[str, str] | None = None
    ) -> int:
        """Insert spans after checking each against its document's text.

        ``texts`` maps document ids to their text; a document's text never changes and
        its id is the hash of that text, so a caller holding the document can spare a
        read of the whole text (1 MB for a long article) on every span.
        """
        return self._insert_span_rows([_span_row(span) for span in spans], check, texts)

    def _insert_span_rows(
        self, rows: list[tuple[Any, ...]], check: bool, texts: dict[str, str] | None
    ) -> int:
        """Insert rows (``_span_row``'s) after the checks, made per batch: each label
        and annotator once, every span's offsets against its document's text."""
        texts = {} if texts is None else texts
        if check:
            for label in dict.fromkeys(row[5] for row in rows):
                self._check_label(label)
        for annotator in dict.fromkeys(row[2] for row in rows):
            self.ensure_annotator(annotator)
        for span_id, doc_id, _, start, end, _, span_text, *_ in rows:
            text = texts.get(doc_id)
            if text is None:
                text = self._document_text(doc_id, texts)
            if end > len(text) or text[start:end] != span_text:
                raise SpanError(
                    f"span {span_id}: offsets {start}-{end} select "
                    f"{text[start:end]!r}, not {span_text!r}"
                )
        self.conn.executemany(
            f"INSERT INTO spans ({_SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        return len(rows)

    def add_span(self, span: Span) -> Span:
        """Store one span (one transaction); the annotator's status becomes in progress."""
        with self.transaction():
            self._insert_spans([span])
            self._mark_started(span.doc_id, span.annotator)
        return span

    def add_spans(self, spans: Iterable[Span], documents: Iterable[Document] = ()) -> int:
        """Store many spans in one transaction: all of them or none."""
        with self.transaction():
            return self._insert_spans(spans, texts={d.id: d.text for d in documents})

    def add_span_rows(self, rows: Sequence[SpanRow], documents: Iterable[Document] = ()) -> int:
        """``add_spans`` for rows made by ``span_row`` (an import's): the same checks,
        all of them or none stored."""
        with self.transaction():
            return self._insert_span_rows(
                [
                    (*row[:8], _attrs_json(row.attrs), row.created_at, row.updated_at)
                    for row in rows
                ],
                True,
                {d.id: d.text for d in documents},
            )

    def restore_span(self, span: Span) -> Span:
        """Put back a span exactly as it was (undo of a delete), keeping its id and times."""
        return self.add_span(span)

    def span(self, span_id: str) -> Span:
        query = f"SELECT {_SPAN_READ_COLUMNS} FROM spans WHERE id = ?"
        for span in self._spans_from_rows(query, (span_id,)):
            return span
        damaged = [row for row in self.damaged.values() if span_id in row.name]
        if damaged:
            raise NotFound(f"span {span_id} is damaged in the project file ({damaged[0].reason})")
        raise NotFound(f"no span {span_id!r} in the project")

    def update_span(
        self,
        span_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> Span:
        """Change a span's boundaries, label or attributes; its text follows the document."""
        with self.transaction():
            old = self.span(span_id)
            new_start = old.start if start is None else start
            new_end = old.end if end is None else end
            new_label = old.label if label is None else label
            if label is not None:
                self._check_label(label)
            row = self.conn.execute(
                "SELECT length, substr(text, ?, ?) FROM documents WHERE id = ?",
                (new_start + 1, new_end - new_start, old.doc_id),
            ).fetchone()
            if not (0 <= new_start < new_end <= row[0]):
                raise SpanError(f"offsets {new_start}-{new_end} do not fit the document")
            updated = old.model_copy(
                update={
                    "start": new_start,
                    "end": new_end,
                    "label": new_label,
                    "text": row[1],
                    "attrs": old.attrs if attrs is None else attrs,
                    "updated_at": utc_now(),
                }
            )
            self.conn.execute(
                'UPDATE spans SET start = ?, "end" = ?, label = ?, text = ?, attrs = ?, '
                "updated_at = ? WHERE id = ?",
                (*_span_row(updated)[3:7], _span_row(updated)[8], updated.updated_at, span_id),
            )
        return updated

    def replace_span(self, span: Span) -> Span:
        """Write ``span`` over the stored span with the same id (undo of an edit)."""
        with self.transaction():
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span.id,))
            self._insert_spans([span], check=False)
        return span

    def delete_span(self, span_id: str) -> Span:
        with self.transaction():
            span = self.span(span_id)
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        return span

    def spans(self, doc_id: str, annotator: str | None = None) -> list[Span]:
        """A document's spans (one annotator's, or everyone's), by start then longest."""
        if annotator is None:
            query = (
                f"SELECT {_SPAN_READ_COLUMNS} FROM spans WHERE doc_id = ? "
                'ORDER BY start, "end" DESC'
            )
            return list(self._spans_from_rows(query, (doc_id,)))
        query = (
            f"SELECT {_SPAN_READ_COLUMNS} FROM spans WHERE doc_id = ? AND annotator = ? "
            'ORDER BY start, "end" DESC'
        )
        return list(self._spans_from_rows(query, (doc_id, annotator)))

    def iter_spans(self, annotator: str | None = None) -> Iterator[Span]:
        """Every span in the project, grouped by document, in document order."""
        query = (
            f"SELECT {', '.join('s.' + c.strip() for c in _SPAN_READ_COLUMNS.split(','))} "
            "FROM spans s JOIN documents d ON d.id = s.doc_id "
        )
        params: tuple[Any, ...] = ()
        if annotator is not None:
            query += "WHERE s.annotator = ? "
            params = (annotator,)
        query += 'ORDER BY d.position, s.start, s."end" DESC'
        yield from self._spans_from_rows(query, params)

    def span_counts(self, doc_id: str) -> dict[str, int]:
        """How many spans each annotator has in a document."""
        rows = self.conn.execute(
            "SELECT annotator, count(*) FROM spans WHERE doc_id = ? "
            "AND typeof(annotator) = 'text' GROUP BY annotator "
            "ORDER BY annotator",
            (doc_id,),
        )
        return {name: count for name, count in rows}

    def span_counts_by_document(self) -> dict[str, dict[str, int]]:
        """``doc_id -> {annotator: span count}`` for the whole project, in one query."""
        counts: dict[str, dict[str, int]] = {}
        rows = self.conn.execute(
            "SELECT doc_id, annotator, count(*) FROM spans WHERE typeof(annotator) = 'text' "
            "GROUP BY doc_id, annotator"
        )
        for doc_id, name, count in rows:
            counts.setdefault(doc_id, {})[name] = count
        return counts

    def span_counts_by_label(self) -> dict[str, int]:
        """``label -> span count`` over every layer (what a label change would touch)."""
        rows = self.conn.execute(
            "SELECT label, count(*) FROM spans WHERE typeof(label) = 'text' GROUP BY label"
        )
        return {label: count for label, count in rows}

    def span_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM spans").fetchone()[0])

    # -- statuses ------------------------------------------------------------

    def _mark_started(self, doc_id: str, annotator: str) -> None:
        self.conn.execute(
            "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
            "VALUES (?, ?, 'in_progress', ?) ON CONFLICT DO NOTHING",
            (doc_id, annotator, utc_now()),
        )

    def set_status(self, doc_id: str, annotator: str, status: Status) -> None:
        with self.transaction():
            self.ensure_annotator(annotator)
            self.conn.execute(
                "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET "
                "status = excluded.status, updated_at = excluded.updated_at",
                (doc_id, annotator, Status(status).value, utc_now()),
            )

    def status(self, doc_id: str, annotator: str) -> Status:
        row = self.conn.execute(
            "SELECT status, rowid FROM statuses WHERE doc_id = ? AND annotator = ?",
            (doc_id, annotator),
        ).fetchone()
        if row is None:
            return Status.NOT_STARTED
        return self._status_of(row[1], doc_id, annotator, row[0]) or Status.NOT_STARTED

    def statuses(self, doc_id: str) -> dict[str, Status]:
        rows = self.conn.execute(
            "SELECT annotator, status, rowid FROM statuses WHERE doc_id = ? ORDER BY annotator",
            (doc_id,),
        )
        found = {name: self._status_of(rowid, doc_id, name, value) for name, value, rowid in rows}
        return {name: status for name, status in found.items() if status is not None}

    def statuses_for(self, annotator: str) -> dict[str, Status]:
        rows = self.conn.execute(
            "SELECT doc_id, status, rowid FROM statuses WHERE annotator = ?", (annotator,)
        )
        found = {d: self._status_of(rowid, d, annotator, value) for d, value, rowid in rows}
        return {doc_id: status for doc_id, status in found.items() if status is not None}

    # -- assignments: who annotates which article -----------------------------

    def assign(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Give articles to annotators, ``(doc_id, annotator)`` each; one transaction.
        Returns how many were new."""
        added = 0
        with self.transaction():
            for doc_id, annotator in pairs:
                self.ensure_annotator(annotator)
                cursor = self.conn.execute(
                    "INSERT INTO assignments (doc_id, annotator, assigned_at) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    (doc_id, annotator, utc_now()),
                )
                added += cursor.rowcount
        return added

    def unassign(self, pairs: Iterable[tuple[str, str]]) -> None:
        with self.transaction():
            self.conn.executemany(
                "DELETE FROM assignments WHERE doc_id = ? AND annotator = ?", list(pairs)
            )

    def assignments(self) -> dict[str, list[str]]:
        """``doc_id -> annotators`` given that article, by name."""
        found: dict[str, list[str]] = {}
        rows = self.conn.execute(
            "SELECT doc_id, annotator FROM assignments ORDER BY doc_id, annotator"
        )
        for doc_id, annotator in rows:
            found.setdefault(doc_id, []).append(annotator)
        return found

    def assigned_documents(self, annotator: str) -> list[str]:
        """The articles given to ``annotator``, in project order: their queue."""
        rows = self.conn.execute(
            "SELECT a.doc_id FROM assignments a JOIN documents d ON d.id = a.doc_id "
            "WHERE a.annotator = ? ORDER BY d.position",
            (annotator,),
        )
        return [row[0] for row in rows]

    # -- bulk reads for export ------------------------------------------------

    def iter_documents_for_export(
        self,
        annotators: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        """Raw rows, fast: each document ``(id, title, source, text, language, meta)``
        with its spans ``(id, start, end, label, text, annotator, origin, created_at,
        updated_at, attrs)``, in document order, spans by start then longest first; ``attrs``
        is None when the span has none.

        Export reads hundreds of thousands of spans; building a pydantic model for each
        would cost more than the rest of the export together.
        """
        # A damaged row is found in the same pass: its attrs column reads as
        # _DAMAGED_SPAN, looked for with C-level comparisons, then named by a scan of
        # that document alone (a scan of every span first cost a sixth of the export).
        span_query = (
            'SELECT id, start, "end", label, text, annotator, origin, created_at, '
            f"updated_at, CASE WHEN {_SOUND_SPAN} THEN nullif(attrs, '{{}}') "
            "ELSE X'00' END FROM spans s WHERE doc_id = ?"
        )
        params: list[Any] = []
        # A row whose annotator or label is not even text is let through, to be named.
        if annotators is not None:
            span_query += (
                f" AND (annotator IN ({', '.join('?' * len(annotators))}) "
                "OR typeof(annotator) != 'text')"
            )
            params.extend(annotators)
        if labels is not None:
            span_query += (
                f" AND (label IN ({', '.join('?' * len(labels))}) OR typeof(label) != 'text')"
            )
            params.extend(labels)
        span_query += ' ORDER BY start, "end" DESC, label, annotator, id'
        documents = "SELECT id, title, source, text, language, meta, rowid FROM documents"
        for batch, tolerant in self._fetch(documents + " ORDER BY position"):
            for document in batch:
                if tolerant or _meta_or_none(document[5]) is None:
                    try:
                        d = document
                        self._document_from_row((d[0], d[1], d[3], d[2], "", d[4], d[5], d[6]))
                    except DamagedDocument:
                        continue
                    if _meta_or_none(document[5]) is None:
                        document = (*document[:5], "{}", document[6])
                span_rows = self._export_span_rows(span_query, (document[0], *params))
                if span_rows and _DAMAGED_SPAN in map(itemgetter(9), span_rows):
                    self.damaged_span_rows(against_lengths=False, doc_id=document[0])
                    span_rows = [row for row in span_rows if row[9] != _DAMAGED_SPAN]
                if span_rows and max(map(itemgetter(2), span_rows)) > len(document[3]):
                    span_rows = self._within_the_text(document[0], len(document[3]), span_rows)
                yield document[:6], span_rows

    def _within_the_text(
        self, doc_id: str, length: int, span_rows: list[tuple[Any, ...]]
    ) -> list[tuple[Any, ...]]:
        """The export's span rows that end within the text; the others noted damaged."""
        kept = []
        for row in span_rows:
            if row[2] <= length:
                kept.append(row)
                continue
            rowid = self.conn.execute("SELECT rowid FROM spans WHERE id = ?", (row[0],))
            reason = f"offsets {row[1]}-{row[2]} do not fit the text (length {length})"
            name = _span_name(row[0], doc_id)
            self._note_damage("spans", rowid.fetchone()[0], name, reason, item_id=row[0])
        return kept

    def _export_span_rows(self, query: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        for batch, tolerant in self._fetch(query, params):
            if not tolerant:
                rows += batch
                continue
            for row in batch:
                if any(isinstance(value, UndecodableText) for value in row):
                    span = self.conn.execute("SELECT rowid FROM spans WHERE id = ?", (row[0],))
                    rowid = span.fetchone()[0]
                    reason = "a text in it is not valid UTF-8"
                    self._note_damage("spans", rowid, _span_name(row[0], params[0]), reason)
                else:
                    rows.append(row)
        return rows

    def damaged_span_rows(
        self, *, against_lengths: bool = True, doc_id: str | None = None
    ) -> list[DamagedRow]:
        """Spans whose offsets are not whole numbers within their document's text, or
        whose texts or attributes are not what they should be; noted as damaged, and
        left out of every span read from then on. Without ``against_lengths`` an end
        past the text is not looked for (the export checks it on each document's rows:
        the join would cost a tenth of an export). With ``doc_id``, that document's
        spans only."""
        length = "d.length" if against_lengths else "-1"
        joined = "LEFT JOIN documents d ON d.id = s.doc_id" if against_lengths else ""
        past_the_text = 'OR d.id IS NULL OR s."end" > d.length ' if against_lengths else ""
        rows = self.conn.execute(
            f'SELECT s.rowid, s.id, s.doc_id, s.start, s."end", {length}, '
            "typeof(s.label), typeof(s.text), typeof(s.annotator), typeof(s.attrs), "
            f"{_ATTRS_ARE_AN_OBJECT} "
            f"FROM spans s {joined} WHERE ("
            "typeof(s.start) != 'integer' OR typeof(s.\"end\") != 'integer' OR s.start < 0 "
            f'OR s."end" <= s.start {past_the_text}'
            "OR typeof(s.id) != 'text' OR typeof(s.label) != 'text' "
            "OR typeof(s.text) != 'text' OR typeof(s.annotator) != 'text' "
            f"OR typeof(s.attrs) != 'text' OR NOT {_ATTRS_ARE_AN_OBJECT}"
            + (")" if doc_id is None else ") AND s.doc_id = ?"),
            () if doc_id is None else (doc_id,),
        ).fetchall()
        found = []
        for rowid, span_id, doc_id, start, end, length, *types, attrs_ok in rows:
            if type(start) is not int or type(end) is not int:
                reason = f"offsets {start!r}-{end!r} are not whole numbers"
            elif length is None:
                reason = "its document is not in the project"
            elif not 0 <= start < end or 0 <= length < end:
                reason = f"offsets {start}-{end} do not fit the text (length {length})"
            elif types[:3] != ["text"] * 3:
                columns = ("label", "text", "annotator")
                wrong = [c for c, kind in zip(columns, types, strict=False) if kind != "text"]
                reason = f"its {' and '.join(wrong)} is not text ({', '.join(types)})"
            elif not attrs_ok:
                reason = "its attributes are not a JSON object"
            else:
                reason = "its id is not text"
            row = DamagedRow("spans", rowid, _span_name(span_id, doc_id), reason, item_id=span_id)
            self.damaged[("spans", rowid)] = row
            found.append(row)
        return found

    def all_statuses(self) -> dict[tuple[str, str], Status]:
        """``(doc_id, annotator) -> status`` for the whole project."""
        rows = self.conn.execute("SELECT doc_id, annotator, status, rowid FROM statuses")
        found = {(d, a): self._status_of(rowid, d, a, value) for d, a, value, rowid in rows}
        return {key: status for key, status in found.items() if status is not None}

    # -- review: decisions and the gold layer -------------------------

    def add_decisions(self, decisions: Iterable[Decision]) -> int:
        """Record reviewers' decisions; an id already recorded is skipped. Returns how
        many were new."""
        added = 0
        with self.transaction():
            for decision in decisions:
                cursor = self.conn.execute(
                    'INSERT INTO decisions (id, doc_id, reviewer, decision, start, "end", '
                    "label, gold_span, annotators, comment, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (
                        decision.id,
                        decision.doc_id,
                        decision.reviewer,
                        DecisionKind(decision.decision).value,
                        decision.start,
                        decision.end,
                        decision.label,
                        decision.gold_span_id,
                        json.dumps(decision.annotators, ensure_ascii=False),
                        decision.comment,
                        decision.created_at,
                    ),
                )
                added += cursor.rowcount
        return added

    _DECISION_COLUMNS = (
        'id, doc_id, reviewer, decision, start, "end", label, gold_span, annotators, '
        "comment, created_at"
    )

    @staticmethod
    def _decision_from_row(row: Sequence[Any]) -> Decision:
        return Decision(
            id=row[0],
            doc_id=row[1],
            reviewer=row[2],
            decision=DecisionKind(row[3]),
            start=row[4],
            end=row[5],
            label=row[6],
            gold_span_id=row[7],
            annotators=json.loads(row[8]) if row[8] else [],
            comment=row[9],
            created_at=row[10],
        )

    def decision(self, decision_id: str) -> Decision:
        row = self.conn.execute(
            f"SELECT {self._DECISION_COLUMNS} FROM decisions WHERE id = ?", (decision_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no review decision {decision_id!r} in the project")
        return self._decision_from_row(row)

    def decisions(self, doc_id: str | None = None) -> list[Decision]:
        """A document's decisions (or the whole project's), oldest first."""
        query = f"SELECT {self._DECISION_COLUMNS} FROM decisions"
        params: tuple[Any, ...] = ()
        if doc_id is not None:
            query += " WHERE doc_id = ?"
            params = (doc_id,)
        # Two decisions can share a millisecond: then the later insert is the later one.
        query = query.replace(" FROM decisions", ", rowid FROM decisions", 1)
        decisions = []
        for batch, _tolerant in self._fetch(query + " ORDER BY created_at, rowid", params):
            for row in batch:
                try:
                    decisions.append(self._decision_from_row(row))
                except _READ_ERRORS as error:
                    name = f"review decision {str(row[0])[:32]} in document {str(row[1])[:12]}"
                    self._note_damage("decisions", row[11], name, _reason(error))
        return decisions

    def delete_decisions(self, decision_ids: Iterable[str]) -> None:
        with self.transaction():
            self.conn.executemany(
                "DELETE FROM decisions WHERE id = ?", [(id_,) for id_ in decision_ids]
            )

    def gold_span_references(self, gold_span_id: str) -> int:
        """How many decisions point at this gold span."""
        row = self.conn.execute(
            "SELECT count(*) FROM decisions WHERE gold_span = ?", (gold_span_id,)
        ).fetchone()
        return int(row[0])

    def has_span(self, span_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone()
        return row is not None

    def status_entries(self) -> list[StatusEntry]:
        """Every status row of the project, with the time it was set."""
        rows = self.conn.execute(
            "SELECT doc_id, annotator, status, updated_at, rowid FROM statuses "
            "ORDER BY doc_id, annotator"
        )
        entries = []
        for d, a, s, t, rowid in rows:
            status = self._status_of(rowid, d, a, s)
            if status is not None:
                entries.append(StatusEntry(doc_id=d, annotator=a, status=status, updated_at=t))
        return entries

    def carry_status(self, entry: StatusEntry) -> bool:
        """Take a status from another project when it is further along than ours (a
        document marked done stays done); keeps its time. True when something changed."""
        order = list(Status)
        with self.transaction():
            current = self.conn.execute(
                "SELECT status FROM statuses WHERE doc_id = ? AND annotator = ?",
                (entry.doc_id, entry.annotator),
            ).fetchone()
            if current is not None and order.index(Status(current[0])) >= order.index(
                entry.status
            ):
                return False
            self.ensure_annotator(entry.annotator)
            self.conn.execute(
                "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET "
                "status = excluded.status, updated_at = excluded.updated_at",
                (entry.doc_id, entry.annotator, Status(entry.status).value, entry.updated_at),
            )
        return True

    def carry_statuses(self, entries: Sequence[StatusEntry]) -> list[bool]:
        """``carry_status`` for many entries (one per document and annotator) in one
        transaction, the statuses there read a few hundred documents at a time; True
        for each entry that changed something."""
        order = list(Status)
        with self.transaction():
            current: dict[tuple[str, str], str] = {}
            doc_ids = list(dict.fromkeys(entry.doc_id for entry in entries))
            for first in range(0, len(doc_ids), 500):
                chunk = doc_ids[first : first + 500]
                for doc_id, annotator, status in self.conn.execute(
                    "SELECT doc_id, annotator, status FROM statuses "
                    f"WHERE doc_id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ):
                    current[(doc_id, annotator)] = status
            changed: list[bool] = []
            rows: list[tuple[str, str, str, str]] = []
            for entry in entries:
                there = current.get((entry.doc_id, entry.annotator))
                status = Status(entry.status)
                if there is not None and order.index(Status(there)) >= order.index(status):
                    changed.append(False)
                    continue
                changed.append(True)
                current[(entry.doc_id, entry.annotator)] = status.value
                rows.append((entry.doc_id, entry.annotator, status.value, entry.updated_at))
            for annotator in dict.fromkeys(row[1] for row in rows):
                self.ensure_annotator(annotator)
            self.conn.executemany(
                "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET "
                "status = excluded.status, updated_at = excluded.updated_at",
                rows,
            )
        return changed

    def reload_label_set(self) -> None:
        """Forget the cached label set (after a rolled-back change to it)."""
        self._label_set = None

    # -- suggestions: gazetteer and evaluation ---------------------------

    def entity_text_counts(
        self, labels: Sequence[str], exclude_doc: str | None = None
    ) -> dict[tuple[str, str], int]:
        """``(text, label) -> number of spans`` over everyone's layers (the gold layer
        included), optionally leaving one document out."""
        query = (
            f"SELECT text, label, count(*) FROM spans WHERE label IN "
            f"({', '.join('?' * len(labels))})"
        )
        params: list[Any] = list(labels)
        if exclude_doc is not None:
            query += " AND doc_id != ?"
            params.append(exclude_doc)
        rows = self.conn.execute(query + " GROUP BY text, label", params)
        return {(text, label): count for text, label, count in rows}

    def entity_spans_fingerprint(self, labels: Sequence[str]) -> tuple[Any, ...]:
        """Changes whenever a span of these labels is added, deleted or edited.

        The latest edit time alone misses an edit made in the same millisecond as the
        one before it (a tag relabelled at once): the sums of the spans' label, text
        and offset sizes change with the edit itself."""
        row = self.conn.execute(
            "SELECT count(*), max(updated_at), total(length(label)), "
            f'total(length(text) + start + "end") FROM spans WHERE label IN '
            f"({', '.join('?' * len(labels))})",
            list(labels),
        ).fetchone()
        return tuple(row)

    def annotated_document_ids(self, annotator: str) -> list[str]:
        """Documents where ``annotator`` made a span or set a status, in project order."""
        rows = self.conn.execute(
            "SELECT id FROM documents d WHERE EXISTS "
            "(SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.annotator = ?) "
            "OR EXISTS (SELECT 1 FROM statuses st WHERE st.doc_id = d.id "
            "AND st.annotator = ? AND st.status != 'not_started') ORDER BY position",
            (annotator, annotator),
        )
        return [row[0] for row in rows]

    # -- agreement: bulk reads -----------------------------------------

    def span_columns(
        self, annotators: Sequence[str], doc_ids: Sequence[str] | None = None
    ) -> tuple[list[str], list[str], list[int], list[int], list[int], list[str]]:
        """Every span of ``annotators`` as columns, for statistics over a whole project.

        Spans come in groups, one per (annotator, document): the groups' annotators,
        document ids and span counts, then all spans' starts, ends and labels, group
        after group. SQLite builds one JSON array per group and orjson reads them,
        which takes half the time of a Python row per span (400,000 spans: 0.9 s).
        ``doc_ids``: those documents' spans only (one batch of a project read in turn).
        """
        import orjson

        among = f"AND doc_id IN ({', '.join('?' * len(doc_ids))}) " if doc_ids is not None else ""
        rows = self.conn.execute(
            'SELECT annotator, doc_id, count(*), json_group_array(start), json_group_array("end"), '
            "json_group_array(label) FROM spans "
            f"WHERE annotator IN ({', '.join('?' * len(annotators))}) {among}"
            f"AND {_PLACEABLE_OFFSETS} GROUP BY annotator, doc_id",
            [*annotators, *(doc_ids or ())],
        ).fetchall()
        if not rows:
            return [], [], [], [], [], []

        def flat(arrays: Iterable[str]) -> list[Any]:
            # Each array is one group's values, in the same row order for all three.
            return list(orjson.loads("[" + ",".join(array[1:-1] for array in arrays) + "]"))

        names, doc_ids, counts, starts, ends, labels = zip(*rows, strict=True)
        return list(names), list(doc_ids), list(counts), flat(starts), flat(ends), flat(labels)

    def span_labels(self) -> list[str]:
        """Every label a span holds, in order: one seek of the label index per label."""
        query = """
            WITH RECURSIVE used(label) AS (
                SELECT min(label) FROM spans
                UNION ALL
                SELECT (SELECT min(label) FROM spans WHERE label > used.label)
                FROM used WHERE used.label IS NOT NULL
            )
            SELECT label FROM used WHERE typeof(label) = 'text'
            """
        labels = []
        for batch, _tolerant in self._fetch(query):
            labels += [label for (label,) in batch if type(label) is str]
        return sorted(labels)

    def attribute_rows(
        self, annotators: Sequence[str], labels: Sequence[str]
    ) -> list[tuple[str, int, int, str, str, str | None]]:
        """``(doc_id, start, end, label, annotator, attrs)`` of the ``annotators``' spans
        of ``labels`` at every place where one of them gave a span attributes: what
        attribute agreement compares (a span no one gave any is never read)."""
        if not annotators or not labels:
            return []
        who = ", ".join("?" * len(annotators))
        which = ", ".join("?" * len(labels))
        # The places first (one scan), then the spans there (by the document index).
        rows = self.conn.execute(
            'SELECT s.doc_id, s.start, s."end", s.label, s.annotator, s.attrs FROM ('
            'SELECT DISTINCT doc_id, start, "end", label FROM spans '
            f"WHERE attrs IS NOT NULL AND attrs NOT IN ('', '{{}}') AND label IN ({which}) "
            f"AND annotator IN ({who})) AS place JOIN spans AS s ON s.doc_id = place.doc_id "
            'AND s.start = place.start AND s."end" = place."end" AND s.label = place.label '
            f"WHERE s.annotator IN ({who})",
            [*labels, *annotators, *annotators],
        ).fetchall()
        return [tuple(row) for row in rows]

    def document_texts(self, doc_ids: Sequence[str] | None = None) -> Iterator[tuple[str, str]]:
        """``(id, text)`` of every document (or of ``doc_ids``), in document order."""
        query = "SELECT id, text, rowid FROM documents"
        if doc_ids is not None:
            query += f" WHERE id IN ({', '.join('?' * len(doc_ids))})"
        for batch, tolerant in self._fetch(query + " ORDER BY position", doc_ids or ()):
            for doc_id, text, rowid in batch:
                if tolerant and isinstance(text, UndecodableText):
                    # Kept in its place (callers zip it with the document order), read
                    # with replacement characters, and named.
                    reason = "its text is not valid UTF-8"
                    self._note_damage("documents", rowid, f"document {doc_id[:12]}", reason)
                yield doc_id, str(text)

    def search_documents(self, match: str) -> Iterator[tuple[str, str, str]]:
        """``(id, title, text)`` of the documents the full-text index finds for an FTS5
        ``match`` expression, in document order (damaged texts left out)."""
        query = (
            "SELECT d.id, d.title, d.text, d.rowid FROM documents_search f "
            "JOIN documents d ON d.position = f.rowid "
            "WHERE documents_search MATCH ? ORDER BY f.rowid"
        )
        try:
            for batch, tolerant in self._fetch(query, (match,)):
                for doc_id, title, text, _rowid in batch:
                    if tolerant and (
                        isinstance(text, UndecodableText) or isinstance(title, UndecodableText)
                    ):
                        continue
                    yield doc_id, title, text
        except sqlite3.OperationalError as error:
            if any(reason in str(error) for reason in _QUERY_ERRORS):
                raise QueryError(f"the search index cannot read this query ({error})") from error
            raise

    def search_index_in_step(self) -> bool | None:
        """Whether the full-text index holds every article's title and text as they
        are, and nothing else (FTS5's own check, which reads every text again: about
        a second for 10,000 articles). None when this connection cannot tell: FTS5
        runs its check as a write, which a file opened read-only refuses. A project
        with no index (a server's) has nothing out of step."""
        if not isinstance(self.conn, sqlite3.Connection) or not self._has_search_index():
            return True
        was_in_transaction = self.conn.in_transaction
        try:
            self.conn.execute(
                "INSERT INTO documents_search (documents_search, rank) "
                "VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY:
                return None
            return False
        finally:
            if self.conn.in_transaction and not was_in_transaction:
                self.conn.rollback()  # the check changes nothing: end the one it began
        return True

    def rebuild_search_index(self) -> None:
        """Index every article again, from the texts themselves, in one transaction."""
        with self.transaction():
            self.conn.execute("INSERT INTO documents_search (documents_search) VALUES ('rebuild')")

    # -- article view: loading a document's spans fast ---------------------

    def span_refs(self, doc_id: str, annotators: Sequence[str]) -> list[SpanRef]:
        """Where the spans of ``annotators`` sit in one document, without their text:
        what the article view draws. Building 10,000 full ``Span`` models takes ~0.2 s of
        CPU, several times more; ``span(id)`` gives the whole span when one is edited."""
        if not annotators:
            return []
        rows = self.conn.execute(
            'SELECT id, start, "end", label, annotator FROM spans WHERE doc_id = ? '
            f"AND annotator IN ({', '.join('?' * len(annotators))}) AND {_PLACEABLE_SPAN} "
            'AND "end" <= (SELECT length FROM documents WHERE id = ?) '
            'ORDER BY start, "end" DESC',
            (doc_id, *annotators, doc_id),
        )
        return [SpanRef._make(row) for row in rows]

    # -- attribution: links between spans ----------------------------------

    _LINK_COLUMNS = "id, type, from_span, to_span, annotator, created_at"

    @staticmethod
    def _link_from_row(row: Sequence[Any]) -> Link:
        return Link(
            id=row[0],
            type=row[1],
            from_span=row[2],
            to_span=row[3],
            annotator=row[4],
            created_at=row[5],
        )

    def insert_link(self, link: Link) -> Link:
        """Store one link as it is (checks belong to ``core.links``); one transaction."""
        with self.transaction():
            self.ensure_annotator(link.annotator)
            self.conn.execute(
                f"INSERT INTO links ({self._LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (link.id, link.type, link.from_span, link.to_span, link.annotator, link.created_at),
            )
        return link

    def link(self, link_id: str) -> Link:
        row = self.conn.execute(
            f"SELECT {self._LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no link {link_id!r} in the project")
        return self._link_from_row(row)

    def find_link(self, link_type: str, from_span: str, to_span: str) -> Link | None:
        row = self.conn.execute(
            f"SELECT {self._LINK_COLUMNS} FROM links WHERE type = ? AND from_span = ? "
            "AND to_span = ?",
            (link_type, from_span, to_span),
        ).fetchone()
        return None if row is None else self._link_from_row(row)

    def delete_link(self, link_id: str) -> Link:
        with self.transaction():
            link = self.link(link_id)
            self.conn.execute("DELETE FROM links WHERE id = ?", (link_id,))
        return link

    def links(
        self,
        *,
        doc_id: str | None = None,
        annotators: Sequence[str] | None = None,
        span_id: str | None = None,
    ) -> list[Link]:
        """Links, oldest first: of the whole project, or those with an end in one
        document (``doc_id``) or at one span (``span_id``), of some layers only."""
        columns = ", ".join("l." + column.strip() for column in self._LINK_COLUMNS.split(","))
        query = f"SELECT {columns} FROM links l"
        conditions: list[str] = []
        params: list[Any] = []
        if doc_id is not None:
            conditions.append(
                "(l.from_span IN (SELECT id FROM spans WHERE doc_id = ?) "
                "OR l.to_span IN (SELECT id FROM spans WHERE doc_id = ?))"
            )
            params.extend((doc_id, doc_id))
        if span_id is not None:
            conditions.append("(l.from_span = ? OR l.to_span = ?)")
            params.extend((span_id, span_id))
        if annotators is not None:
            conditions.append(f"l.annotator IN ({', '.join('?' * len(annotators))})")
            params.extend(annotators)
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        query = query.replace(" FROM links l", ", l.rowid FROM links l", 1)
        found = []
        for batch, _tolerant in self._fetch(query + " ORDER BY l.created_at, l.id", params):
            for row in batch:
                try:
                    found.append(self._link_from_row(row))
                except _READ_ERRORS as error:
                    self._note_damage("links", row[6], f"link {str(row[0])[:32]}", _reason(error))
        return found

    def spans_with_attributes(self, doc_id: str, labels: Sequence[str]) -> list[Span]:
        """The document's spans of ``labels`` whose attributes hold anything: the few an
        article marks, read without building a model for each of its spans."""
        if not labels:
            return []
        query = (
            f"SELECT {_SPAN_READ_COLUMNS} FROM spans WHERE doc_id = ? AND label IN "
            f"({', '.join('?' * len(labels))}) AND attrs IS NOT NULL AND attrs NOT IN ('', '{{}}')"
        )
        return list(self._spans_from_rows(query, (doc_id, *labels)))

    def spans_by_ids(self, span_ids: Iterable[str]) -> dict[str, Span]:
        """The spans with these ids (those that exist), by id, in one query per 500."""
        wanted = list(dict.fromkeys(span_ids))
        found: dict[str, Span] = {}
        for first in range(0, len(wanted), 500):
            chunk = wanted[first : first + 500]
            query = (
                f"SELECT {_SPAN_READ_COLUMNS} FROM spans WHERE id IN "
                f"({', '.join('?' * len(chunk))})"
            )
            for span in self._spans_from_rows(query, chunk):
                found[span.id] = span
        return found

    def links_for_export(
        self, annotators: Sequence[str] | None = None
    ) -> dict[str, list[tuple[str, str, str, str, str, str, str]]]:
        """Links by the document of the span they start from, in one query:
        ``(id, type, from_span, to_span, annotator, target label, target doc_id)``."""
        query = (
            "SELECT s.doc_id, l.id, l.type, l.from_span, l.to_span, l.annotator, t.label, "
            "t.doc_id FROM links l JOIN spans s ON s.id = l.from_span "
            "JOIN spans t ON t.id = l.to_span"
        )
        params: list[Any] = []
        if annotators is not None:
            query += f" WHERE l.annotator IN ({', '.join('?' * len(annotators))})"
            params.extend(annotators)
        by_document: dict[str, list[tuple[str, str, str, str, str, str, str]]] = {}
        for doc_id, *link in self.conn.execute(query + " ORDER BY l.created_at, l.id", params):
            by_document.setdefault(doc_id, []).append(tuple(link))
        return by_document

    # -- notes on spans and articles --------------------------------------
    # A note of a span that is gone is kept but not shown (see migrations._NOTES).

    _NOTE_COLUMNS = "n.id, n.doc_id, n.span_id, n.author, n.text, n.created_at, n.updated_at"
    _SHOWN_NOTE = "(n.span_id IS NULL OR EXISTS (SELECT 1 FROM spans WHERE id = n.span_id))"

    @staticmethod
    def _note_from_row(row: Sequence[Any]) -> Note:
        return Note(
            id=row[0], doc_id=row[1], span_id=row[2], author=row[3], text=row[4],
            created_at=row[5], updated_at=row[6],
        )

    def notes(self, doc_id: str | None = None) -> list[Note]:
        """The notes of a document (or of the project): its article notes and those of
        its spans, oldest first."""
        query = f"SELECT {self._NOTE_COLUMNS} FROM notes n WHERE {self._SHOWN_NOTE}"
        params: tuple[Any, ...] = ()
        if doc_id is not None:
            query += " AND n.doc_id = ?"
            params = (doc_id,)
        rows = self.conn.execute(query + " ORDER BY n.created_at, n.rowid", params)
        return [self._note_from_row(row) for row in rows]

    def note(self, note_id: str) -> Note:
        row = self.conn.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes n WHERE n.id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no note {note_id!r} in the project")
        return self._note_from_row(row)

    def note_by(self, doc_id: str, span_id: str | None, author: str) -> Note | None:
        """``author``'s note on the span (or on the article, ``span_id`` None)."""
        row = self.conn.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes n WHERE n.doc_id = ? "
            "AND coalesce(n.span_id, '') = ? AND n.author = ?",
            (doc_id, span_id or "", author),
        ).fetchone()
        return None if row is None else self._note_from_row(row)

    def write_note(
        self, doc_id: str, span_id: str | None, author: str, text: str
    ) -> Note:
        """Set ``author``'s note on a span or an article (made or replaced); returns it."""
        with self.transaction():
            if not self.has_document(doc_id):
                raise NotFound(f"no document {doc_id!r} in the project")
            if span_id is not None and self.span(span_id).doc_id != doc_id:
                raise NotFound(f"span {span_id} is not in document {doc_id[:12]}")
            old = self.note_by(doc_id, span_id, author)
            now = utc_now()
            note = Note(
                id=old.id if old else new_id(), doc_id=doc_id, span_id=span_id,
                author=author, text=text, created_at=old.created_at if old else now,
                updated_at=now,
            )
            self.put_note(note)
        return note

    def put_note(self, note: Note) -> Note:
        """Store a note exactly as given, over the one with its id or its place (undo,
        an import)."""
        with self.transaction():
            self.conn.execute(
                "DELETE FROM notes WHERE id = ? OR (doc_id = ? AND coalesce(span_id, '') = ? "
                "AND author = ?)",
                (note.id, note.doc_id, note.span_id or "", note.author),
            )
            self.conn.execute(
                "INSERT INTO notes (id, doc_id, span_id, author, text, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (note.id, note.doc_id, note.span_id, note.author, note.text,
                 note.created_at, note.updated_at),
            )
        return note

    def delete_note(self, note_id: str) -> Note:
        with self.transaction():
            note = self.note(note_id)
            self.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return note

    # -- suggestions in the window: rejections --------------------------
    # A rejected suggestion is remembered apart from spans, so it is never mistaken for
    # an annotation, and is not proposed to the same annotator in that document again.

    def reject_suggestion(
        self, doc_id: str, annotator: str, start: int, end: int, label: str, origin: str
    ) -> None:
        with self.transaction():
            self.ensure_annotator(annotator)
            self.conn.execute(
                "INSERT OR IGNORE INTO rejected_suggestions "
                '(doc_id, annotator, start, "end", label, origin, created_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc_id, annotator, start, end, label, origin, utc_now()),
            )

    def unreject_suggestion(
        self, doc_id: str, annotator: str, start: int, end: int, label: str
    ) -> None:
        """Forget a rejection (undo of a reject)."""
        with self.transaction():
            self.conn.execute(
                "DELETE FROM rejected_suggestions WHERE doc_id = ? AND annotator = ? "
                'AND start = ? AND "end" = ? AND label = ?',
                (doc_id, annotator, start, end, label),
            )

    def rejected_suggestions(self, doc_id: str, annotator: str) -> set[tuple[int, int, str]]:
        """``(start, end, label)`` of the suggestions ``annotator`` rejected in a document."""
        rows = self.conn.execute(
            'SELECT start, "end", label FROM rejected_suggestions '
            "WHERE doc_id = ? AND annotator = ?",
            (doc_id, annotator),
        )
        return {(row[0], row[1], row[2]) for row in rows}

    # -- attribution in the window: link targets in other articles ----------

    def spans_with_labels(
        self, labels: Sequence[str], annotator: str, exclude_doc_id: str | None = None
    ) -> list[Span]:
        """One layer's spans with one of ``labels`` across the project (all but one
        document), in document order: the claims a denial in another article may deny."""
        if not labels:
            return []
        columns = ", ".join("s." + column.strip() for column in _SPAN_READ_COLUMNS.split(","))
        query = (
            f"SELECT {columns} FROM spans s JOIN documents d ON d.id = s.doc_id "
            f"WHERE s.annotator = ? AND s.label IN ({', '.join('?' * len(labels))})"
        )
        params: list[Any] = [annotator, *labels]
        if exclude_doc_id is not None:
            query += " AND s.doc_id != ?"
            params.append(exclude_doc_id)
        query += ' ORDER BY d.position, s.start, s."end" DESC'
        return list(self._spans_from_rows(query, params))

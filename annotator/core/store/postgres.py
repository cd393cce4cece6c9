"""A project on a PostgreSQL server: the store's second backend, for a team.

``Store("postgresql://alice@host/project")`` opens one of these: the same methods, the
same models, the same guarantees (each action one transaction, committed when the
method returns), on a server every annotator writes to at once. The store's queries are
SQLite's; the few words of SQLite's dialect they use are translated once per query text
(``translate``) and the schema gives PostgreSQL SQLite's names (``migrations_postgres``),
so both backends run the very same code.

Each person connects as their own role; what they may write is the server's row-level
security (``migrations_postgres.server_policies``), not this client's goodwill. psycopg
is imported here only, when a server is opened (``annotator[server]``).
"""

from __future__ import annotations

import functools
import inspect
import itertools
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from annotator.core.changes import Changes
from annotator.core.damaged_rows import DamagedRow
from annotator.core.errors import NotFound, ProjectError, QueryError, SpanError
from annotator.core.models import GOLD_LAYER, Document, Link, Span, utc_now
from annotator.core.store import (
    _ATTRS_ARE_AN_OBJECT,
    _SPAN_COLUMNS,
    Store,
    _new_document_rows,
    _span_from_row,
    _span_row,
    migrations_postgres,
)

SERVER_SCHEMES = ("postgresql://", "postgres://")
RETRIES = 20
"""How often an action that lost a race (a deadlock, a serialization failure) is run
again before its error is shown; each try waits a little longer."""

STREAMED_ROWS = 2000
"""Span rows the server sends at a time in an export (libpq 17 and later; before it,
one at a time)."""

T = TypeVar("T")
_end_of = itemgetter(2)


def is_server_url(location: str) -> bool:
    return location.startswith(SERVER_SCHEMES)


def without_password(url: str) -> str:
    """The URL as messages show it."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc[-1]}"))


def url_user(url: str) -> str | None:
    """The role a server URL connects as (None: libpq's default, the login name)."""
    return urlsplit(url).username or None


_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_GROUP_ARRAY = re.compile(r"json_group_array\(([^()]*)\)")
_TOTAL = re.compile(r"\btotal\(")


@functools.lru_cache(maxsize=512)
def translate(query: str) -> str:
    """A query of the store in PostgreSQL's dialect (placeholders ``%s``)."""
    if _INSERT_OR_IGNORE.match(query):
        query = _INSERT_OR_IGNORE.sub("INSERT INTO", query) + " ON CONFLICT DO NOTHING"
    # The column's CHECK keeps every span's attributes a JSON object.
    query = query.replace(_ATTRS_ARE_AN_OBJECT, "true")
    query = _GROUP_ARRAY.sub(r"json_agg(\1)::text", query)
    query = _TOTAL.sub("sum(", query)
    return query.replace("%", "%%").replace("?", "%s")


class ServerConnection:
    """The few calls of ``sqlite3.Connection`` the store makes, on a psycopg connection
    in autocommit mode (the store opens its own transactions)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.text_factory: Any = str  # SQLite's undecodable texts cannot happen here

    def execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        cursor = self.raw.cursor()
        cursor.execute(translate(query), tuple(params))
        return cursor

    def executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> Any:
        cursor = self.raw.cursor()
        batch = [tuple(row) for row in rows]
        if len(batch) == 1:  # one row: a plain statement spares the pipeline's overhead
            cursor.execute(translate(query), batch[0])
        else:
            cursor.executemany(translate(query), batch)
        return cursor

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def rollback(self) -> None:
        self.raw.rollback()

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def connect(url: str) -> Any:
    """A psycopg connection to ``url`` in autocommit mode, or a ProjectError saying why not."""
    try:
        import psycopg
    except ImportError as error:
        raise ProjectError(
            f"{without_password(url)}: opening a project on a server needs psycopg: "
            "pip install 'annotator[server]'"
        ) from error
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else repr(error)
        raise ProjectError(
            f"{without_password(url)}: cannot connect to the project's server ({reason})"
        ) from error


def _lost_a_race(error: BaseException) -> bool:
    import psycopg.errors

    return isinstance(
        error, psycopg.errors.SerializationFailure | psycopg.errors.DeadlockDetected
    )


def _retried(method: Callable[..., T]) -> Callable[..., T]:
    """Run a whole action again when it lost a race with a colleague's: the server
    rolled it back entirely, so running it again writes it once."""

    @functools.wraps(method)
    def retrying(self: PostgresStore, *args: Any, **kwargs: Any) -> T:
        if self.server.in_transaction:
            return method(self, *args, **kwargs)  # part of a larger action: it retries
        for attempt in range(RETRIES):
            try:
                return method(self, *args, **kwargs)
            except Exception as error:
                cause = error if _lost_a_race(error) else error.__cause__
                if cause is None or not _lost_a_race(cause) or attempt == RETRIES - 1:
                    raise
                time.sleep(0.005 * (attempt + 1))
        raise AssertionError("unreachable")

    return retrying


_TERM = re.compile(r'"([^"]*)"( \*)?')


def _index_query(match: str) -> str | None:
    """The tsquery of an FTS5 expression of quoted terms (``"a phrase" AND "pre" *``):
    every word of every term, the last of a prefix term as a prefix. None when no word
    can be looked up in the index (each was too long for it): then every document is
    read. A query that is not such an expression is refused as SQLite's index refuses
    it."""
    terms = _TERM.findall(match)
    if not terms or _TERM.sub("", match).replace("AND", "").strip():
        raise QueryError(f"the search index cannot read this query ({match!r})")
    lexemes = []
    for phrase, prefix in terms:
        words = phrase.split()
        for number, word in enumerate(words):
            if len(word.encode()) > migrations_postgres.LONGEST_INDEXED_WORD:
                continue
            quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
            lexemes.append(quoted + (":*" if prefix and number == len(words) - 1 else ""))
    return " & ".join(lexemes) if lexemes else None


class PostgresStore(Store):
    """A project on a PostgreSQL server (see the module's docstring)."""

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        create: bool = True,
        same_file_as: Any = None,
    ) -> None:
        self.url = str(path)
        self.path = without_password(self.url)
        self.read_only = read_only
        self.file_identity = None
        self.write_protected = False
        raw = connect(self.url)
        self.server = ServerConnection(raw)
        self.conn = self.server  # type: ignore[assignment]
        try:
            version = migrations_postgres.schema_version(raw)
            if version == 0 and (read_only or not create):
                raise ProjectError(f"{self.path}: no project on this server yet")
            if version > migrations_postgres.CURRENT_VERSION:
                raise ProjectError(
                    f"{self.path}: written by a newer version of annotator (schema "
                    f"{version}); upgrade annotator to open it"
                )
            if version < migrations_postgres.CURRENT_VERSION:
                if read_only:
                    raise ProjectError(
                        f"{self.path}: schema {version} needs upgrading; open it writable once"
                    )
                migrations_postgres.migrate(raw)
        except ProjectError:
            raw.close()
            raise
        except Exception as error:
            raw.close()
            raise ProjectError(f"{self.path}: cannot prepare the project ({error})") from error
        self.role: str = raw.execute("SELECT current_user").fetchone()[0]
        """Who this connection writes as: the annotator's name on the server."""
        self.writes_every_layer, self.writes_gold = migrations_postgres.rights(raw)
        """What the server's rules let this role write (they decide; this only lets
        the store say so instead of changing nothing in silence)."""
        self._waiting = None
        self._label_set = None
        self._recent_texts: OrderedDict[str, str] = OrderedDict()
        self.damaged: dict[tuple[str, int], DamagedRow] = {}
        self._known_annotators: set[str] = set()
        """Names found stored already (committed: an annotator is never removed)."""

    @classmethod
    def writable_or_read_only(cls, path: str | Path) -> Store:
        return cls(path)

    # -- transactions: the server's, retried when they lost a race ------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint when nested); a refusal by the server's
        policies becomes an error that names the role."""
        with self._saving(), self.server.raw.transaction():
            yield

    @contextmanager
    def _saving(self) -> Iterator[None]:
        """The server's refusals as the errors a user can act on."""
        if self.read_only:
            raise ProjectError(f"{self.path}: the project is open read-only; nothing was changed")
        import psycopg

        try:
            yield
        except psycopg.errors.InsufficientPrivilege as error:
            raise ProjectError(
                f"{self.path}: {self.role} may not make this change "
                f"({str(error).splitlines()[0]}); nothing from this action was written"
            ) from error
        except psycopg.errors.IntegrityError:
            raise
        except psycopg.OperationalError as error:
            if _lost_a_race(error):
                raise
            raise ProjectError(
                f"{self.path}: could not save; nothing from this action was written ({error})"
            ) from error

    def retry_when_busy(
        self,
        waiting: Callable[[int], bool],
        done_waiting: Callable[[], None],
        every_seconds: float = 0.25,
    ) -> None:
        """The server queues writers itself; nothing to wait for here."""

    def let_others_in(self) -> None:
        """Colleagues write at the same time on a server: no pause needed."""

    def is_same_file(self) -> bool:
        return True

    def release_log(self) -> None:
        pass

    def integrity_check(self) -> str:
        return "ok"

    def backup_to(self, target: str | Path) -> None:
        raise ProjectError(
            f"{self.path}: a project on a server is backed up by the server "
            f"(pg_dump); `annotator pull {target}` copies it into a project file"
        )

    def close(self) -> None:
        self.conn.close()

    # -- what differs on a server ---------------------------------------------

    def add_documents(self, documents: Iterable[Document]) -> list[bool]:
        """Store new documents in one transaction; True for each one that was new. Two
        imports at once take turns (positions follow the last one); the batch goes to
        the server in one pipeline, not a round trip per document."""
        batch = list(documents)
        raw = self.server.raw
        with self.transaction():
            raw.execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")
            position = raw.execute("SELECT coalesce(max(position), 0) FROM documents").fetchone()[0]
            present = {
                row[0]
                for row in raw.execute(
                    "SELECT id FROM documents WHERE id = ANY(%s)", ([d.id for d in batch],)
                )
            }
            added, rows = _new_document_rows(batch, present, position)
            if rows:
                raw.cursor().executemany(
                    "INSERT INTO documents (id, position, title, text, length, source, "
                    "imported_at, language, meta, search_words) VALUES (%s, %s, %s, %s, %s, "
                    f"%s, %s, %s, %s, {migrations_postgres.SEARCH_ENTRY})",
                    [(*row, migrations_postgres.search_words(row[2], row[3])) for row in rows],
                )
        return added

    def set_document_details(
        self, doc_id: str, title: str, language: str | None, meta: dict[str, Any]
    ) -> None:
        """A document's own fields, the text aside; search finds it by its new title."""
        with self.transaction():
            super().set_document_details(doc_id, title, language, meta)
            self.server.raw.execute(
                f"UPDATE documents SET search_words = {migrations_postgres.SEARCH_ENTRY} "
                "WHERE id = %s",
                (migrations_postgres.search_words(title, self._document_text(doc_id, {})), doc_id),
            )

    # The most frequent actions in one statement each: a statement outside a
    # transaction is one by itself, so a tag is one round trip to the server, not four
    # (BEGIN, the span, the status, COMMIT).

    def search_documents(self, match: str) -> Iterator[tuple[str, str, str]]:
        """``(id, title, text)`` of the documents that may hold every term of an FTS5
        ``match`` expression (``core.search.Query.match_expression``), in document
        order, from the full-text index (``migrations_postgres.search_words``). The
        index knows words, not where they are: a phrase's documents are those that hold
        its words, and the hits found in them (``core.search``) say whether and where
        the phrase is. Texts are read a few documents at a time, as
        the hits are wanted (the window asks for the first 500)."""
        wanted = _index_query(match)
        if wanted is None:
            ids = self.server.raw.execute("SELECT id FROM documents ORDER BY position")
        else:
            ids = self.server.raw.execute(
                "SELECT id, position FROM documents WHERE search_words @@ %s::tsquery "
                "UNION ALL SELECT id, position FROM documents WHERE search_words IS NULL "
                "ORDER BY position",
                (wanted,),
            )
        found = [row[0] for row in ids.fetchall()]
        first, size = 0, 20
        while first < len(found):
            chunk = found[first : first + size]
            rows = self.server.raw.execute(
                "SELECT id, title, text FROM documents WHERE id = ANY(%s)", (chunk,)
            )
            by_id = {row[0]: row for row in rows.fetchall()}
            yield from (by_id[doc_id] for doc_id in chunk if doc_id in by_id)
            first, size = first + size, min(size * 2, 500)

    def add_span(self, span: Span) -> Span:
        """Store one span and mark the annotator's article in progress, in one statement."""
        if self.server.in_transaction:
            return super().add_span(span)
        self._check_label(span.label)
        text = self._document_text(span.doc_id, {})
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise SpanError(
                f"span {span.id}: offsets {span.start}-{span.end} select "
                f"{text[span.start : span.end]!r}, not {span.text!r}"
            )
        if not span.annotator or not span.annotator.strip():
            raise SpanError("an annotator needs a name")
        now = utc_now()
        values = ", ".join(["%s"] * 11)
        with self._saving():
            self.server.raw.execute(
                "WITH named AS (INSERT INTO annotators (name, created_at) VALUES (%s, %s) "
                f"ON CONFLICT DO NOTHING), added AS (INSERT INTO spans ({_SPAN_COLUMNS}) "
                f"VALUES ({values}) RETURNING doc_id, annotator) "
                "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
                "SELECT doc_id, annotator, 'in_progress', %s FROM added ON CONFLICT DO NOTHING",
                (span.annotator, now, *_span_row(span), now),
            )
        return span

    def delete_span(self, span_id: str) -> Span:
        """Take a span out, in one statement; returns it."""
        if self.server.in_transaction:
            return super().delete_span(span_id)
        with self._saving():
            row = self.server.raw.execute(
                f"DELETE FROM spans WHERE id = %s RETURNING {_SPAN_COLUMNS}", (span_id,)
            ).fetchone()
        if row is None:
            if self.has_span(span_id):  # there, but the server's rules kept it
                raise ProjectError(
                    f"{self.path}: {self.role} may not delete {span_id}, another's span"
                )
            raise NotFound(f"no span {span_id!r} in the project")
        return _span_from_row(row)

    def _check_layer(self, layer: str, what: str) -> None:
        if self.writes_every_layer or layer == self.role or (
            layer == GOLD_LAYER and self.writes_gold
        ):
            return
        raise ProjectError(
            f"{self.path}: {self.role} may not change {what} in {layer}'s layer; "
            "nothing was changed"
        )

    def update_span(
        self,
        span_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> Span:
        self._check_layer(self.span(span_id).annotator, "a span")
        return super().update_span(span_id, start=start, end=end, label=label, attrs=attrs)

    def replace_span(self, span: Span) -> Span:
        self._check_layer(span.annotator, "a span")
        return super().replace_span(span)

    def delete_link(self, link_id: str) -> Link:
        self._check_layer(self.link(link_id).annotator, "a link")
        return super().delete_link(link_id)

    def ensure_annotator(self, name: str) -> None:
        """A round trip per name and connection, not per span."""
        if name in self._known_annotators:
            return
        if not name or not name.strip():
            raise SpanError("an annotator needs a name")
        cursor = self.conn.execute(
            "INSERT INTO annotators (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (name, utc_now()),
        )
        if cursor.rowcount == 0:
            self._known_annotators.add(name)

    def iter_documents_for_export(
        self,
        annotators: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        """The store's export rows (see ``Store.iter_documents_for_export``), read on a
        connection of the export's own, in one snapshot: the documents, then every span
        in one streamed query. The server finds and sends the next spans while this
        process writes the previous ones (the two take turns otherwise, and a query per
        batch of documents cost a scan of every span each)."""
        conditions = ""
        params: list[Any] = []
        if annotators is not None:
            conditions += " AND s.annotator = ANY(%s)"
            params.append(list(annotators))
        if labels is not None:
            conditions += " AND s.label = ANY(%s)"
            params.append(list(labels))
        # A query per document inside the one query (OFFSET 0 keeps the planner from
        # making a join of it): each document's spans come from their index and are
        # sorted fifty at a time, so the first rows leave before the last are found (a
        # join sorted every span before sending any).
        order = 's.start, s."end" DESC, s.label, s.annotator, s.id'
        span_query = (
            'SELECT d.position, s.id, s.start, s."end", s.label, s.text, s.annotator, '
            "s.origin, s.created_at, s.updated_at, nullif(s.attrs, '{}') FROM documents d "
            "CROSS JOIN LATERAL (SELECT * FROM spans s WHERE s.doc_id = d.id"
            f"{conditions} ORDER BY {order} OFFSET 0) s ORDER BY d.position, {order}"
        )
        from psycopg import pq

        reader = connect(self.url)
        try:
            with reader.transaction():
                reader.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                # Compiling the query would cost more than running it.
                reader.execute("SET LOCAL jit = off")
                documents = reader.execute(
                    "SELECT id, title, source, text, language, meta, position "
                    "FROM documents ORDER BY position"
                ).fetchall()
                at_a_time = STREAMED_ROWS if pq.version() >= 170000 else 1
                spans = reader.cursor().stream(span_query, params, size=at_a_time)
                try:
                    yield from self._with_their_spans(documents, spans)
                finally:
                    # Before the transaction ends: the stream holds the connection
                    # until it is closed (an export stopped half-way stops it here).
                    spans.close()
        finally:
            reader.close()

    def _with_their_spans(
        self, documents: list[tuple[Any, ...]], spans: Iterator[tuple[Any, ...]]
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        """Each document (its position last) with its span rows (their document's
        position first), both in document order."""
        without_position = itemgetter(*range(1, 11))
        groups = itertools.groupby(spans, itemgetter(0))
        position, group = next(groups, (None, iter(())))
        for document in documents:
            span_rows: list[tuple[Any, ...]] = []
            if position == document[6]:
                span_rows = list(map(without_position, group))
                position, group = next(groups, (None, iter(())))
            if span_rows and max(map(_end_of, span_rows)) > len(document[3]):
                span_rows = self._within_the_text(document[0], len(document[3]), span_rows)
            yield document[:6], span_rows


def _wrap_actions() -> None:
    """Every public method of the store retries as a whole when it lost a race."""
    for name, member in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_") or inspect.isgeneratorfunction(member):
            continue
        own = PostgresStore.__dict__.get(name)
        if own is not None and name in {"transaction", "close", "writable_or_read_only"}:
            continue
        setattr(PostgresStore, name, _retried(own if inspect.isfunction(own) else member))


_wrap_actions()


def project_name(location: str | Path) -> str:
    """What a window's title calls the project: its file's name, or the database and
    its server."""
    text = str(location)
    if not is_server_url(text):
        return Path(text).name
    parts = urlsplit(text)
    database = parts.path.lstrip("/") or parts.username or "project"
    return f"{database} @ {parts.hostname or 'localhost'}"


def beside_the_project(location: str | Path) -> Path:
    """A path in the folder files written from the project go by default (an export, a
    report): beside the project file, or in the home folder for a project on a server;
    its name is the project's."""
    text = str(location)
    if not is_server_url(text):
        return Path(text)
    database = urlsplit(text).path.lstrip("/") or "project"
    return Path.home() / f"{database}.db"


class ColleagueChanges:
    """What colleagues changed on the server since the last look: the server announces
    every write (``migrations_postgres``, ``announce_change``) on a connection of this
    listener's own; a window watches ``fileno()`` and calls ``take()`` when it is
    readable. Its own store's writes are left out: the window already shows them."""

    def __init__(self, store: PostgresStore) -> None:
        self.own_process = int(store.server.raw.info.backend_pid)
        self.raw = connect(store.url)
        self.raw.execute(f"LISTEN {migrations_postgres.CHANGES_CHANNEL}")

    def fileno(self) -> int:
        return int(self.raw.fileno())

    def take(self) -> Changes | None:
        """The changes announced so far (without waiting), or None when none."""
        found: list[Changes] = []
        for notice in self.raw.notifies(timeout=0):
            if notice.pid != self.own_process:
                found.append(_changes_of(notice.payload))
        if not found:
            return None
        return functools.reduce(lambda a, b: a | b, found)

    def close(self) -> None:
        self.raw.close()


def _changes_of(payload: str) -> Changes:
    table, _, doc_id = payload.partition(" ")
    documents = frozenset({doc_id}) if doc_id else frozenset()
    if table == "spans":
        return Changes(documents=documents, spans_reloaded=documents)
    if table == "statuses":
        return Changes(documents=documents, statuses=True)
    if table == "decisions":
        return Changes(documents=documents, decisions=True)
    if table == "links":
        return Changes(links=True, all_documents=True)
    if table == "settings":
        return Changes(labels=True)
    return Changes(document_list=True)

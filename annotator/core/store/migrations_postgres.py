"""Schema versions of a project on a PostgreSQL server, one step each, applied in order.

The tables are the project file's (``migrations.py``), column for column, so the store
reads both alike: each table has a ``rowid`` of its own (SQLite's implicit one names a
damaged row; here it keeps the insertion order), text columns compare byte by byte
(``COLLATE "C"``, as SQLite does), and the few SQLite functions the store's queries use
exist here too. ``annotator_schema`` holds the version.

Who may write what is the database's business, not the client's: ``server_policies``
creates the group roles and row-level security policies (``annotator server init``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.models import GOLD_LAYER, utc_now
from annotator.core.text.folding import folded_words

ANNOTATORS_ROLE = "annotator_annotators"
REVIEWERS_ROLE = "annotator_reviewers"
OWNERS_ROLE = "annotator_owners"
ROLES = {"annotator": ANNOTATORS_ROLE, "reviewer": REVIEWERS_ROLE, "owner": OWNERS_ROLE}
CHANGES_CHANNEL = "annotator_changes"

_FUNCTIONS = """
        CREATE OR REPLACE FUNCTION typeof(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 'text' $$;
        CREATE OR REPLACE FUNCTION typeof(bigint) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 'integer' $$;
        CREATE OR REPLACE FUNCTION typeof(integer) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 'integer' $$;
"""

_V1 = (
    _FUNCTIONS
    + """
        CREATE TABLE settings (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            key text COLLATE "C" PRIMARY KEY,
            value text NOT NULL
        );
        CREATE TABLE documents (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text COLLATE "C" PRIMARY KEY,
            position bigint NOT NULL UNIQUE,
            title text COLLATE "C" NOT NULL,
            length bigint NOT NULL,
            source text COLLATE "C",
            imported_at text NOT NULL,
            language text,
            meta text NOT NULL DEFAULT '{}' CHECK (json_typeof(meta::json) = 'object'),
            text text NOT NULL
        );
        CREATE FUNCTION documents_text_never_changes() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.text IS DISTINCT FROM OLD.text THEN
                    RAISE EXCEPTION 'a document''s text never changes: import the new version';
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER documents_text_never_changes BEFORE UPDATE OF text ON documents
            FOR EACH ROW EXECUTE FUNCTION documents_text_never_changes();
        CREATE TABLE annotators (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            name text COLLATE "C" PRIMARY KEY,
            created_at text NOT NULL
        );
        CREATE TABLE spans (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text COLLATE "C" PRIMARY KEY,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator text COLLATE "C" NOT NULL REFERENCES annotators(name),
            start bigint NOT NULL CHECK (start >= 0),
            "end" bigint NOT NULL CHECK ("end" > start),
            label text COLLATE "C" NOT NULL,
            text text COLLATE "C" NOT NULL,
            origin text NOT NULL DEFAULT 'manual',
            -- Checked here, so no span's attributes can be damaged (the store's reads
            -- look for such rows in SQLite only).
            attrs text NOT NULL DEFAULT '{}' CHECK (json_typeof(attrs::json) = 'object'),
            created_at text NOT NULL,
            updated_at text NOT NULL
        );
        CREATE INDEX spans_in_document_order
            ON spans (doc_id, start, "end" DESC, label, annotator, id);
        CREATE INDEX spans_by_annotator ON spans (annotator, doc_id, start, "end", label);
        CREATE TABLE statuses (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator text COLLATE "C" NOT NULL REFERENCES annotators(name),
            status text NOT NULL
                CHECK (status IN ('not_started', 'in_progress', 'done', 'reviewed')),
            updated_at text NOT NULL,
            PRIMARY KEY (doc_id, annotator)
        );
        CREATE TABLE links (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text COLLATE "C" PRIMARY KEY,
            type text COLLATE "C" NOT NULL,
            from_span text COLLATE "C" NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            to_span text COLLATE "C" NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            annotator text COLLATE "C" NOT NULL REFERENCES annotators(name),
            created_at text NOT NULL
        );
        CREATE INDEX links_from ON links (from_span);
        CREATE INDEX links_to ON links (to_span);
        CREATE UNIQUE INDEX links_unique ON links (type, from_span, to_span);
        CREATE TABLE decisions (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text COLLATE "C" PRIMARY KEY,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer text COLLATE "C" NOT NULL,
            decision text NOT NULL,
            start bigint NOT NULL,
            "end" bigint NOT NULL,
            label text COLLATE "C" NOT NULL,
            gold_span text COLLATE "C",
            annotators text NOT NULL DEFAULT '[]',
            comment text,
            created_at text NOT NULL
        );
        CREATE INDEX decisions_by_document ON decisions (doc_id);
        CREATE TABLE rejected_suggestions (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator text COLLATE "C" NOT NULL REFERENCES annotators(name),
            start bigint NOT NULL,
            "end" bigint NOT NULL,
            label text COLLATE "C" NOT NULL,
            origin text NOT NULL,
            created_at text NOT NULL,
            PRIMARY KEY (doc_id, annotator, start, "end", label)
        );
"""
)

# Every change is announced on one channel, with the document it touched, so open
# windows redraw a colleague's work without polling. NOTIFY folds identical payloads of
# one transaction into one: a thousand spans imported into an article are one message.
_CHANGE_NOTICES = f"""
        CREATE FUNCTION announce_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            DECLARE
                changed record;
            BEGIN
                IF TG_LEVEL = 'STATEMENT' THEN
                    PERFORM pg_notify('{CHANGES_CHANNEL}', TG_TABLE_NAME);
                    RETURN NULL;
                END IF;
                IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
                PERFORM pg_notify(
                    '{CHANGES_CHANNEL}', TG_TABLE_NAME || ' ' || (to_jsonb(changed) ->> 'doc_id')
                );
                RETURN NULL;
            END $$;
        CREATE TRIGGER spans_announced AFTER INSERT OR UPDATE OR DELETE ON spans
            FOR EACH ROW EXECUTE FUNCTION announce_change();
        CREATE TRIGGER statuses_announced AFTER INSERT OR UPDATE OR DELETE ON statuses
            FOR EACH ROW EXECUTE FUNCTION announce_change();
        CREATE TRIGGER decisions_announced AFTER INSERT OR UPDATE OR DELETE ON decisions
            FOR EACH ROW EXECUTE FUNCTION announce_change();
        CREATE TRIGGER documents_announced AFTER INSERT OR UPDATE OR DELETE ON documents
            FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
        CREATE TRIGGER links_announced AFTER INSERT OR UPDATE OR DELETE ON links
            FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
        CREATE TRIGGER settings_announced AFTER INSERT OR UPDATE OR DELETE ON settings
            FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
"""

_ASSIGNMENTS = """
        CREATE TABLE assignments (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator text COLLATE "C" NOT NULL REFERENCES annotators(name),
            assigned_at text NOT NULL,
            PRIMARY KEY (doc_id, annotator)
        );
        CREATE INDEX assignments_by_annotator ON assignments (annotator, doc_id);
        CREATE TRIGGER assignments_announced AFTER INSERT OR UPDATE OR DELETE ON assignments
            FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
"""

# Notes on spans and articles, as in the project file: a span's notes outlive it (no
# foreign key on span_id) so that undoing its removal brings them back.
_NOTES = """
        CREATE TABLE notes (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text COLLATE "C" PRIMARY KEY,
            doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            span_id text COLLATE "C",
            author text COLLATE "C" NOT NULL,
            text text NOT NULL CHECK (length(text) > 0),
            created_at text NOT NULL,
            updated_at text NOT NULL
        );
        CREATE INDEX notes_by_document ON notes (doc_id, span_id);
        CREATE UNIQUE INDEX notes_one_per_author ON notes (doc_id, coalesce(span_id, ''), author);
        CREATE TRIGGER notes_announced AFTER INSERT OR UPDATE OR DELETE ON notes
            FOR EACH ROW EXECUTE FUNCTION announce_change();
"""

# The article list's outlet and date, copied from ``meta`` into columns of their own
# (as in the project file) so their indexes answer its filters.
_ARTICLE_FILTERS = """
        ALTER TABLE documents ADD COLUMN outlet text COLLATE "C";
        ALTER TABLE documents ADD COLUMN published text COLLATE "C";
        CREATE FUNCTION documents_facets() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                NEW.outlet := CASE WHEN json_typeof(NEW.meta::json -> 'site') = 'string'
                                   THEN NEW.meta::json ->> 'site' END;
                NEW.published := CASE WHEN json_typeof(NEW.meta::json -> 'date') = 'string'
                                      THEN NEW.meta::json ->> 'date' END;
                RETURN NEW;
            END $$;
        CREATE TRIGGER documents_facets_kept BEFORE INSERT OR UPDATE OF meta ON documents
            FOR EACH ROW EXECUTE FUNCTION documents_facets();
        UPDATE documents SET meta = meta WHERE meta <> '{}';
        CREATE INDEX documents_by_outlet ON documents (outlet, position);
        CREATE INDEX documents_by_date ON documents (published, position);
        CREATE INDEX spans_by_label ON spans (label, doc_id, annotator);
"""

LONGEST_INDEXED_WORD = 2047
"""Bytes of the longest word the search index holds (PostgreSQL's limit for one)."""
_MOST_INDEXED_BYTES = 1_000_000
"""Bytes of words one document's entry can hold (a tsvector holds at most a mebibyte)."""


def search_words(title: str, text: str) -> str | None:
    """What the search index holds of a document: the distinct words of its title and
    text, separated by spaces (``array_to_tsvector(string_to_array(...))`` makes the
    index's entry of them). They are folded by the very function that finds the hits
    (``core.text.folding``), so the index never misses an article a hit is found in;
    PostgreSQL's own word splitting would (under the C locale it reads “quoted” as one
    word, and unaccent folds œ to oe where a hit does not). A word too long for the
    index is left out (a query holding it reads more articles); None when the words do
    not fit in one entry (the article is then read at every search)."""
    found = set(folded_words(title))
    found.update(folded_words(text))
    # A character takes at most four bytes: most articles need no byte counted.
    if found and max(map(len, found)) * 4 > LONGEST_INDEXED_WORD:
        found = {word for word in found if len(word.encode()) <= LONGEST_INDEXED_WORD}
    if (sum(map(len, found)) * 4 + 8 * len(found) > _MOST_INDEXED_BYTES) and (
        sum(len(word.encode()) + 8 for word in found) > _MOST_INDEXED_BYTES
    ):
        return None
    return " ".join(found)


SEARCH_ENTRY = "array_to_tsvector(string_to_array(%s, ' '))"
"""The index's entry of a document from its ``search_words``."""


def _index_search_words(conn: Any) -> None:
    """Each document's words for search, in a column with a full-text (GIN) index. A
    document whose words do not fit is found by a partial index of its own (every
    search reads it)."""
    conn.execute("ALTER TABLE documents ADD COLUMN search_words tsvector")
    reading = conn.cursor(name="documents_to_index")
    reading.execute("SELECT id, title, text FROM documents")
    while batch := reading.fetchmany(500):
        conn.cursor().executemany(
            f"UPDATE documents SET search_words = {SEARCH_ENTRY} WHERE id = %s",
            [(search_words(title, text), doc_id) for doc_id, title, text in batch],
        )
    reading.close()
    conn.execute("CREATE INDEX documents_by_words ON documents USING gin (search_words)")
    conn.execute(
        "CREATE INDEX documents_read_at_every_search ON documents (position) "
        "WHERE search_words IS NULL"
    )


# Each step runs in one transaction with its version number.
MIGRATIONS: list[str | Callable[[Any], None]] = [
    _V1,
    _CHANGE_NOTICES,
    _ASSIGNMENTS,
    _NOTES,
    _ARTICLE_FILTERS,
    _index_search_words,
]
CURRENT_VERSION = len(MIGRATIONS)

TABLES = (
    "settings",
    "documents",
    "annotators",
    "spans",
    "statuses",
    "links",
    "decisions",
    "rejected_suggestions",
    "assignments",
    "notes",
)


def migrate(conn: Any) -> int:
    """Bring the server's schema to the current version (``conn``: a psycopg connection
    in autocommit mode); each step commits with its version. Concurrent first openings
    wait for each other (an advisory lock), so a step never runs twice."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(4142)")
        conn.execute("CREATE TABLE IF NOT EXISTS annotator_schema (version integer NOT NULL)")
        row = conn.execute("SELECT max(version) FROM annotator_schema").fetchone()
        version = row[0] or 0
        for step in range(version + 1, CURRENT_VERSION + 1):
            migration = MIGRATIONS[step - 1]
            if callable(migration):
                migration(conn)
            else:
                conn.execute(migration)
            conn.execute("INSERT INTO annotator_schema (version) VALUES (%s)", (step,))
    return max(version, CURRENT_VERSION)


def schema_version(conn: Any) -> int:
    row = conn.execute("SELECT to_regclass('annotator_schema')").fetchone()
    if row[0] is None:
        return 0
    version = conn.execute("SELECT max(version) FROM annotator_schema").fetchone()[0]
    return int(version or 0)


def _layer_of_their_own(role_check: str) -> str:
    """Rows of a layer the connected person may write: their own, the gold layer for
    reviewers, anyone's for the owner (who imports other tools' layers)."""
    return (
        f"({role_check} = current_user "
        f"OR ({role_check} = '{GOLD_LAYER}' AND pg_has_role('{REVIEWERS_ROLE}', 'MEMBER')) "
        f"OR pg_has_role('{OWNERS_ROLE}', 'MEMBER'))"
    )


def _is(role: str) -> str:
    return f"pg_has_role('{role}', 'MEMBER')"


def server_policies() -> str:
    """Group roles, privileges and row-level security, safe to run again."""
    statements = [
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ANNOTATORS_ROLE}') THEN
                CREATE ROLE {ANNOTATORS_ROLE} NOLOGIN;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REVIEWERS_ROLE}') THEN
                CREATE ROLE {REVIEWERS_ROLE} NOLOGIN IN ROLE {ANNOTATORS_ROLE};
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNERS_ROLE}') THEN
                CREATE ROLE {OWNERS_ROLE} NOLOGIN IN ROLE {REVIEWERS_ROLE};
            END IF;
        END $$
        """,
        f"GRANT USAGE ON SCHEMA public TO {ANNOTATORS_ROLE}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ANNOTATORS_ROLE}",
        f"GRANT INSERT ON annotators TO {ANNOTATORS_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON spans, statuses, links, rejected_suggestions, notes "
        f"TO {ANNOTATORS_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON decisions TO {REVIEWERS_ROLE}",
        f"GRANT UPDATE (language) ON documents TO {REVIEWERS_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {OWNERS_ROLE}",
    ]
    own_layer = _layer_of_their_own("annotator")
    rules: dict[str, tuple[str, str]] = {
        # table: (who may read, who may write)
        "settings": ("true", _is(OWNERS_ROLE)),
        "documents": ("true", _is(REVIEWERS_ROLE)),
        "annotators": ("true", "true"),
        "spans": ("true", own_layer),
        "statuses": ("true", own_layer),
        "links": ("true", own_layer),
        "rejected_suggestions": ("true", f"(annotator = current_user OR {_is(OWNERS_ROLE)})"),
        "decisions": ("true", _is(REVIEWERS_ROLE)),
        "assignments": ("true", _is(OWNERS_ROLE)),
        "notes": ("true", f"(author = current_user OR {_is(OWNERS_ROLE)})"),
    }
    for table, (read, write) in rules.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS reading ON {table}",
            f"DROP POLICY IF EXISTS adding ON {table}",
            f"DROP POLICY IF EXISTS changing ON {table}",
            f"DROP POLICY IF EXISTS removing ON {table}",
            f"CREATE POLICY reading ON {table} FOR SELECT USING ({read})",
            f"CREATE POLICY adding ON {table} FOR INSERT WITH CHECK ({write})",
            f"CREATE POLICY changing ON {table} FOR UPDATE USING ({write}) WITH CHECK ({write})",
            f"CREATE POLICY removing ON {table} FOR DELETE USING ({write})",
        ]
    return ";\n".join(statements)


def init_server(conn: Any) -> int:
    """Schema, group roles and policies on the server (``conn``: autocommit, as the
    database's owner); safe to run again. Returns the schema version."""
    version = migrate(conn)
    with conn.transaction():
        conn.execute(server_policies())
    return version


def add_user(conn: Any, name: str, role: str, password: str | None = None) -> None:
    """A person who may log in as ``name`` with the rights of ``role`` (annotator,
    reviewer or owner); an existing one changes role (and password, when given)."""
    from psycopg import sql

    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: {', '.join(ROLES)}")
    who = sql.Identifier(name)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        login = sql.SQL("ALTER ROLE {} LOGIN" if exists else "CREATE ROLE {} LOGIN").format(who)
        if password is not None:
            login = sql.SQL("{} PASSWORD {}").format(login, sql.Literal(password))
        conn.execute(login)
        for group in ROLES.values():
            conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), who))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(ROLES[role]), who))
        database = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), who)
        )
        conn.execute(
            "INSERT INTO annotators (name, created_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (name, utc_now()),
        )


def users(conn: Any) -> list[tuple[str, str]]:
    """``(name, role)`` of everyone with a role on the project, by name."""
    rows = conn.execute(
        "SELECT r.rolname, g.rolname FROM pg_auth_members m "
        "JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE g.rolname = ANY(%s) AND r.rolname NOT LIKE 'annotator\\_%%' ORDER BY 1",
        (list(ROLES.values()),),
    ).fetchall()
    by_group = {group: role for role, group in ROLES.items()}
    return [(name, by_group[group]) for name, group in rows]


def rights(conn: Any) -> tuple[bool, bool]:
    """``(every layer, the gold layer)``: what the connected role may write under the
    rules (a superuser, the tables' owner, and anyone before ``server init`` are not
    bound by them)."""
    row = conn.execute(
        "SELECT r.rolsuper OR r.rolbypassrls OR NOT c.relrowsecurity "
        "OR c.relowner = r.oid OR EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = %s "
        "AND pg_has_role(r.oid, g.oid, 'MEMBER')), EXISTS (SELECT 1 FROM pg_roles g "
        "WHERE g.rolname = %s AND pg_has_role(r.oid, g.oid, 'MEMBER')) FROM pg_roles r, "
        "pg_class c WHERE r.rolname = current_user AND c.oid = 'spans'::regclass",
        (OWNERS_ROLE, REVIEWERS_ROLE),
    ).fetchone()
    every_layer = bool(row[0]) if row else True
    return every_layer, every_layer or bool(row and row[1])

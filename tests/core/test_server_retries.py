"""An action that loses a race with a colleague's (the server picks it to break a
deadlock) is run again whole: the user sees no error and it is saved once."""

from __future__ import annotations

import threading
import time

import pytest

from annotator.core.models import Document, Status
from annotator.core.store import Store

psycopg = pytest.importorskip("psycopg")

TEXT = "Sam Altman affirme que Meta a offert 100 M$."


def _waiting_for_a_lock(admin, pid: int) -> bool:
    row = admin.execute(
        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)
    ).fetchone()
    return row is not None and row[0] == "Lock"


def test_a_tag_that_loses_a_deadlock_is_saved_once_without_an_error(server_url: str) -> None:
    document = Document.from_text(TEXT)
    with Store(server_url) as setup:
        setup.add_document(document)
        setup.ensure_annotator("alice")
        span = setup.make_span(document, "alice", 0, 10, "person")
    outcome: dict[str, object] = {}
    started = threading.Event()

    def tag() -> None:
        with Store(server_url) as store:
            outcome["pid"] = store.server.raw.info.backend_pid
            started.set()
            try:
                outcome["span"] = store.add_span(span)
            except Exception as error:  # noqa: BLE001 - the test reports what surfaced
                outcome["error"] = error

    with psycopg.connect(server_url) as colleague, psycopg.connect(
        server_url, autocommit=True
    ) as admin:
        # The colleague's transaction takes alice's status on the article...
        colleague.execute(
            "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
            "VALUES (%s, 'alice', 'done', 'now')",
            (document.id,),
        )
        worker = threading.Thread(target=tag)
        worker.start()
        started.wait(10)
        deadline = time.monotonic() + 10
        while not _waiting_for_a_lock(admin, int(outcome["pid"])):  # type: ignore[call-overload]
            assert time.monotonic() < deadline, "the tag never waited for the colleague"
            time.sleep(0.02)
        # ...while the tag holds the span and waits for that status; the colleague then
        # wants the span: a deadlock, which the server breaks by failing the tag.
        colleague.execute(
            "INSERT INTO spans (id, doc_id, annotator, start, \"end\", label, text, "
            "created_at, updated_at) VALUES (%s, %s, 'alice', 0, 10, 'person', "
            "'Sam Altman', 'now', 'now')",
            (span.id, document.id),
        )
        colleague.rollback()
        worker.join(30)
    assert "error" not in outcome, outcome.get("error")
    with Store(server_url) as project:
        assert project.spans(document.id) == [outcome["span"]]
        assert project.status(document.id, "alice") == Status.IN_PROGRESS

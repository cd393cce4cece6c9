"""Who may write what on a shared project is the server's rule, not the client's: bob,
connected as himself with plain SQL, cannot touch alice's spans, the gold layer, the
review decisions or the labels."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.core.models import GOLD_LAYER, Document, LabelSet, Status
from annotator.core.store import Store

psycopg = pytest.importorskip("psycopg")

TEXT = "Sam Altman affirme que Meta a offert 100 M$. Andrew Bosworth dément."


@pytest.fixture
def team(server_team: dict[str, str]) -> dict[str, str]:
    return server_team


@pytest.fixture
def article(team: dict[str, str]) -> tuple[Document, str]:
    document = Document.from_text(TEXT, source="altman.txt")
    with Store(team["olive"]) as olive:
        olive.add_document(document)
    with Store(team["alice"]) as alice:
        span = alice.add_span(alice.make_span(document, "alice", 0, 10, "person"))
        alice.set_status(document.id, "alice", Status.DONE)
    return document, span.id


def test_bob_cannot_change_or_delete_alices_spans_with_raw_sql(
    team: dict[str, str], article: tuple[Document, str]
) -> None:
    document, span_id = article
    with psycopg.connect(team["bob"], autocommit=True) as bob:
        changed = bob.execute("UPDATE spans SET label = 'claim' WHERE id = %s", (span_id,))
        assert changed.rowcount == 0
        deleted = bob.execute("DELETE FROM spans WHERE annotator = 'alice'")
        assert deleted.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute(
                "INSERT INTO spans (id, doc_id, annotator, start, \"end\", label, text, "
                "created_at, updated_at) VALUES ('forged', %s, 'alice', 0, 3, 'person', "
                "'Sam', 'now', 'now')",
                (document.id,),
            )
        taken = bob.execute("UPDATE spans SET annotator = 'bob' WHERE annotator = 'alice'")
        assert taken.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute(
                "INSERT INTO statuses (doc_id, annotator, status, updated_at) "
                "VALUES (%s, 'alice', 'not_started', 'now')",
                (document.id,),
            )
        statuses = bob.execute("UPDATE statuses SET status = 'not_started'")
        assert statuses.rowcount == 0
        # Reading is everybody's: bob sees alice's work.
        assert bob.execute("SELECT label FROM spans WHERE id = %s", (span_id,)).fetchone() == (
            "person",
        )
    with Store(team["olive"]) as olive:
        assert [(s.id, s.label) for s in olive.spans(document.id)] == [(span_id, "person")]
        assert olive.status(document.id, "alice") == Status.DONE


def test_bob_cannot_write_the_gold_layer_decisions_or_labels_with_raw_sql(
    team: dict[str, str], article: tuple[Document, str]
) -> None:
    document, _span_id = article
    with psycopg.connect(team["bob"], autocommit=True) as bob:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute(
                "INSERT INTO spans (id, doc_id, annotator, start, \"end\", label, text, "
                "created_at, updated_at) VALUES ('gold1', %s, %s, 0, 10, 'person', "
                "'Sam Altman', 'now', 'now')",
                (document.id, GOLD_LAYER),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute(
                "INSERT INTO decisions (id, doc_id, reviewer, decision, start, \"end\", label, "
                "created_at) VALUES ('d1', %s, 'bob', 'accept', 0, 10, 'person', 'now')",
                (document.id,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute("UPDATE settings SET value = '{}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute("DELETE FROM documents")
    with Store(team["olive"]) as olive:
        assert olive.spans(document.id, GOLD_LAYER) == []
        assert olive.decisions() == []
        assert olive.document_count() == 1


def test_each_role_writes_what_it_may_through_the_store(
    team: dict[str, str], article: tuple[Document, str]
) -> None:
    document, span_id = article
    with Store(team["bob"]) as bob:
        own = bob.add_span(bob.make_span(document, "bob", 0, 10, "person"))
        assert bob.span(own.id).annotator == "bob"
        with pytest.raises(ProjectError, match="bob may not make this change"):
            bob.add_span(bob.make_span(document, "alice", 11, 18, "claim"))
        with pytest.raises(ProjectError, match="bob may not make this change"):
            bob.set_label_set(LabelSet(labels=bob.label_set().labels[:1]))
        # What the server would skip in silence is said: nothing was changed.
        with pytest.raises(ProjectError, match="bob may not change a span in alice's layer"):
            bob.update_span(span_id, label="claim")
        with pytest.raises(ProjectError, match="bob may not delete"):
            bob.delete_span(span_id)
    from annotator.core.review import decisions as review

    with Store(team["carol"]) as carol:
        review.accept(carol, document.id, "carol", 0, 10, "person", ["alice", "bob"])
        assert [s.text for s in carol.spans(document.id, GOLD_LAYER)] == ["Sam Altman"]
    with Store(team["olive"]) as olive:
        olive.add_labels(["quote"])
        assert olive.label_set().get("quote") is not None
        assert olive.span(span_id).annotator == "alice"

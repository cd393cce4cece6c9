"""Working offline: pull the shared project into a file, work on a train, push it back.
Merge's rules both ways: nothing doubled, a span changed on both sides listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import Document
from annotator.core.store import Store

pytest.importorskip("psycopg")

TEXT = "Sam Altman affirme que Meta a offert 100 M$. Andrew Bosworth dément."


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_alice_pulls_works_offline_and_pushes_without_doubling_anything(
    server_team: dict[str, str], tmp_path: Path
) -> None:
    document = Document.from_text(TEXT, source="altman.txt")
    with Store(server_team["olive"]) as olive:
        olive.add_document(document)
    with Store(server_team["bob"]) as bob:
        bobs = bob.add_span(bob.make_span(document, "bob", 23, 27, "organisation"))
    with Store(server_team["alice"]) as alice:
        shared = alice.add_span(alice.make_span(document, "alice", 0, 10, "person"))
    train = tmp_path / "train.db"

    pulled = run("--db", str(train), "pull", server_team["alice"])
    assert "Pulled" in pulled and "1 document added" in pulled and "2 spans added" in pulled
    with Store(train) as offline:
        start = TEXT.index("Andrew")
        offline.add_span(offline.make_span(document, "alice", start, start + 15, "person"))
        offline.update_span(shared.id, end=3)  # changed on the train...
    with Store(server_team["alice"]) as alice:
        alice.update_span(shared.id, label="organisation")  # ...and at the office

    pushed = run("--db", str(train), "push", server_team["alice"])
    assert "1 span added (alice 1)" in pushed
    assert "1 span changed in both projects: the server's kept." in pushed
    assert f"alice's span {shared.id}" in pushed and "'Sam Altman'" in pushed
    again = run("--db", str(train), "push", server_team["alice"])
    assert "0 spans added" in again

    with Store(server_team["olive"]) as project:
        spans = project.spans(document.id)
        assert sorted((s.annotator, s.text, s.label) for s in spans) == [
            ("alice", "Andrew Bosworth", "person"),
            ("alice", "Sam Altman", "organisation"),
            ("bob", "Meta", "organisation"),
        ]
        assert project.span(bobs.id) == bobs


def test_a_deletion_does_not_travel_and_push_and_pull_say_which_spans_stayed(
    server_team: dict[str, str], tmp_path: Path
) -> None:
    document = Document.from_text(TEXT, source="altman.txt")
    with Store(server_team["olive"]) as olive:
        olive.add_document(document)
    with Store(server_team["alice"]) as alice:
        altman = alice.add_span(alice.make_span(document, "alice", 0, 10, "person"))
    with Store(server_team["bob"]) as bob:
        meta = bob.add_span(bob.make_span(document, "bob", 23, 27, "organisation"))
    train = tmp_path / "train.db"
    run("--db", str(train), "pull", server_team["alice"])
    with Store(train) as offline:
        offline.delete_span(altman.id)  # deleted on the train

    pushed = run("--db", str(train), "push", server_team["alice"])
    assert "1 of alice's spans on the server is not in" in pushed
    assert f"alice's span {altman.id}" in pushed and "'Sam Altman'" in pushed
    assert "a push never deletes" in pushed
    with Store(server_team["olive"]) as project:
        assert project.has_span(altman.id)  # what merge does: nothing destroyed

    with Store(server_team["bob"]) as bob:
        bob.delete_span(meta.id)
    pulled = run("--db", str(train), "pull", server_team["alice"])
    assert "1 span in the project file is not on the server" in pulled
    assert f"bob's span {meta.id}" in pulled and "a pull never deletes" in pulled
    with Store(train) as offline:
        assert offline.has_span(meta.id) and offline.has_span(altman.id)

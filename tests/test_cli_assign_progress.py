"""The owner gives the articles out, each annotator's list starts with their queue,
and progress shows how far everyone has got, on a file and on a server alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import Document, Status
from annotator.core.project.assignment import AssignmentError, plan
from annotator.core.store import Store

TEXTS = [f"Article {n} : Sam Altman affirme que Meta paie." for n in range(6)]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_each_article_gets_the_annotators_it_needs_evenly() -> None:
    docs = ["d1", "d2", "d3", "d4"]
    pairs = plan(docs, ["alice", "bob", "chloe"], 2, {"d1": ["bob"]})
    given: dict[str, list[str]] = {}
    for doc_id, name in pairs:
        given.setdefault(doc_id, []).append(name)
    assert given["d1"] == ["alice"]  # bob already has it
    assert all(len(given[doc]) == 2 for doc in docs[1:])
    loads = [sum(name in [*given.get(d, []), *(["bob"] if d == "d1" else [])] for d in docs)
             for name in ("alice", "bob", "chloe")]
    assert max(loads) - min(loads) <= 1
    with pytest.raises(AssignmentError, match="3 annotators per article, but 2"):
        plan(docs, ["alice", "bob"], 3, {})


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "project.db")
    return str(request.getfixturevalue("server_url"))


def test_assign_then_progress_per_annotator_status_label_and_agreement(project: str) -> None:
    documents = [Document.from_text(text) for text in TEXTS]
    with Store(project) as store:
        store.add_documents(documents)
    given = run("--db", project, "assign", "--annotators", "alice,bob,chloe", "--per-article", "2")
    assert given.strip() == "Gave 12 articles out: alice 4, bob 4, chloe 4."
    again = run("--db", project, "assign", "--annotators", "alice,bob,chloe", "--per-article", "2")
    assert "nothing given" in again
    with Store(project) as store:
        queue = store.assigned_documents("alice")
        assert len(queue) == 4
        both = [doc for doc in queue if doc in store.assigned_documents("bob")]
        for name in ("alice", "bob"):
            for doc_id in both:
                document = store.document(doc_id)
                store.add_span(store.make_span(document, name, 12, 22, "person"))
                store.set_status(doc_id, name, Status.DONE)
    report = json.loads(run("--db", project, "progress", "--json"))
    people = {person["annotator"]: person for person in report["annotators"]}
    assert report["documents"] == 6
    assert people["alice"]["assigned"] == 4
    assert people["alice"]["statuses"]["done"] == len(both)
    assert people["alice"]["statuses"]["not_started"] == 4 - len(both)
    assert people["alice"]["spans"] == {"person": len(both)}
    pair = next(p for p in report["agreement"] if {p["a"], p["b"]} == {"alice", "bob"})
    assert pair["f1"] == 1.0 and pair["documents"] == len(both)
    table = run("--db", project, "progress")
    assert "alice" in table and "person" in table and "agreement alice / bob: F1 1.00" in table

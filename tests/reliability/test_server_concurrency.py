"""A team writing to a shared project at once: two annotators on one article, a
reviewer settling gold in it meanwhile and an import running during both, each in a
process of its own. Nothing is lost, nothing doubled, nobody sees an error."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from team_worker import article_text, word

from annotator.core.models import GOLD_LAYER, Document, Status
from annotator.core.store import Store

pytest.importorskip("psycopg")

WORKER = Path(__file__).with_name("team_worker.py")
SETTLED = 40


def test_annotators_a_reviewer_and_an_import_at_once_lose_and_double_nothing(
    server_team: dict[str, str],
) -> None:
    article = Document.from_text(article_text())
    with Store(server_team["olive"]) as olive:
        olive.add_document(article)
    settled: dict[str, list[str]] = {}
    for name in ("alice", "bob"):
        with Store(server_team[name]) as store:
            settled[name] = [
                store.add_span(store.make_span(article, name, *word(number), "person")).id
                for number in range(SETTLED)
            ]
    counts = {"alice": 300, "bob": 300, "carol": SETTLED, "olive": 200}
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    workers = {
        name: subprocess.Popen(
            [sys.executable, str(WORKER), server_team[name], name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for name, count in counts.items()
    }
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    said: dict[str, list[str]] = {}
    for name, worker in workers.items():
        output, errors = worker.communicate(timeout=300)
        assert worker.returncode == 0 and errors == "", f"{name}: {errors}"
        said[name] = output.splitlines()
        assert said[name][-1] == "done"

    with Store(server_team["admin"]) as project:
        for name in ("alice", "bob"):
            made = [line.split()[1] for line in said[name] if line.startswith("span ")]
            deleted = {line.split()[1] for line in said[name] if line.startswith("deleted ")}
            stored = [span.id for span in project.spans(article.id, name)]
            assert len(made) == counts[name] and len(deleted) == counts[name] // 4
            expected = SETTLED + counts[name] - len(deleted)
            assert len(stored) == len(set(stored)) == expected
            kept_by_worker = [span_id for span_id in made if span_id not in deleted]
            assert Counter(kept_by_worker) + Counter(settled[name]) == Counter(stored)
            assert project.status(article.id, name) == Status.DONE
        gold = project.spans(article.id, GOLD_LAYER)
        assert sorted(span.start for span in gold) == [word(n)[0] for n in range(SETTLED)]
        assert len(project.decisions(article.id)) == SETTLED
        imported = sum(int(line.split()[1]) for line in said["olive"] if "imported" in line)
        assert imported == counts["olive"]
        assert project.document_count() == 1 + counts["olive"]
        positions = [summary.position for summary in project.document_summaries()]
        assert positions == list(range(1, 2 + counts["olive"]))

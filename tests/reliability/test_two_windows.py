"""Two windows (two processes) on one project: both write, nothing is lost.

Policy: both work. The project is in WAL mode, every change is one transaction that
takes the write lock up front and waits up to ``BUSY_TIMEOUT_SECONDS`` for the other
writer, and every read sees what the other process has committed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.store import Store

from reliability_support import Worker, fill_project


def test_two_processes_writing_at_once_lose_nothing(
    tmp_path: Path, workers: Callable[[Path, str], Worker]
) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=4)
    with Store(path) as store:
        spans_before = store.span_count()
    alice, bruno = workers(path, "alice2"), workers(path, "bruno2")
    alice.send("add 150")
    bruno.send("add 150")
    alice_lines = alice.lines_until(lambda line: line == "done")
    bruno_lines = bruno.lines_until(lambda line: line == "done")
    acknowledged = {line.split()[1] for line in alice_lines + bruno_lines if line.startswith("ack")}
    assert len(acknowledged) == 300

    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        assert reopened.span_count() == spans_before + 300
        stored = {span.id for span in reopened.iter_spans()}
        assert acknowledged <= stored
        # Each fifth span was relabelled after it was added: no edit was lost either.
        relabelled = [s for s in reopened.iter_spans("alice2") if s.label == "person"]
        assert len(relabelled) == 30


def test_each_process_sees_what_the_other_saved(
    tmp_path: Path, workers: Callable[[Path, str], Worker]
) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=4)
    with Store(path) as store:
        spans_before = store.span_count()
    alice, bruno = workers(path, "alice2"), workers(path, "bruno2")
    bruno.send("count")
    assert bruno.read_line() == f"count {spans_before}"
    alice.send("add 3")
    alice.lines_until(lambda line: line == "done")
    bruno.send("count")
    assert bruno.read_line() == f"count {spans_before + 3}"
    bruno.send("add 2")
    bruno.lines_until(lambda line: line == "done")
    alice.send("count")
    assert alice.read_line() == f"count {spans_before + 5}"

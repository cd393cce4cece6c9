"""A crash (power cut, SIGKILL, out of memory) loses nothing that was acknowledged.

The worker prints ``ack`` only after the store returned; the window shows a span only
after the same call returns. So every acknowledged span must be found after the kill.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.store import Store

from reliability_support import Worker, fill_project

WINDOW_WORKER = Path(__file__).resolve().parent / "window_worker.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def kill_and_collect(worker: Worker) -> list[str]:
    """SIGKILL the worker; return what it had printed, including lines not yet read."""
    worker.process.kill()
    worker.process.wait(timeout=30)
    assert worker.process.stdout is not None
    return worker.process.stdout.read().splitlines()


def test_every_acknowledged_span_survives_sigkill(
    tmp_path: Path, workers: Callable[[Path, str], Worker]
) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=4)
    with Store(path) as store:
        spans_before = store.span_count()
    worker = workers(path, "carla")
    worker.send("add 1000000")
    acknowledged = [worker.read_line() for _ in range(300)]
    acknowledged += kill_and_collect(worker)
    acknowledged_ids = [line.split()[1] for line in acknowledged if line.startswith("ack ")]
    assert len(acknowledged_ids) >= 300
    assert worker.process.returncode == -9

    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        stored = {span.id: span for span in reopened.iter_spans("carla")}
        missing = [span_id for span_id in acknowledged_ids if span_id not in stored]
        assert missing == []
        # At most the one span in flight when the kill came is beyond the acks.
        assert len(stored) - len(acknowledged_ids) in (0, 1)
        assert reopened.span_count() == spans_before + len(stored)
        document = reopened.document(reopened.document_ids()[0])
        assert all(document.text[s.start : s.end] == s.text for s in stored.values())


def test_a_transaction_killed_half_way_leaves_nothing_of_itself(
    tmp_path: Path, workers: Callable[[Path, str], Worker]
) -> None:
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=4)
    with Store(path) as store:
        spans_before = store.span_count()
    worker = workers(path, "carla")
    worker.send("batch 20000")
    assert worker.read_line() == "halfway"
    printed = kill_and_collect(worker)
    assert not any(line.startswith("ack-batch") for line in printed), "kill came too late"

    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        assert reopened.span_count() == spans_before
        assert list(reopened.iter_spans("carla")) == []


def test_every_span_the_window_showed_survives_sigkill(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    path = tmp_path / "project.db"
    fill_project(path, spans_per_document=2)
    window = subprocess.Popen(
        [sys.executable, str(WINDOW_WORKER), str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert window.stdout is not None
    try:
        assert window.stdout.readline().strip() == "ready"
        printed = [window.stdout.readline().strip() for _ in range(40)]
    finally:
        window.kill()
        window.wait(timeout=30)
    printed += window.stdout.read().splitlines()
    window.stdout.close()
    assert window.returncode == -9, "the window finished before it was killed"
    assert not [line for line in printed if line.startswith("not-shown")]
    shown = [tuple(map(int, line.split()[1:])) for line in printed if line.startswith("ack ")]
    assert len(shown) >= 40

    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        doc_id = reopened.document_ids()[0]
        stored = {(s.start, s.end) for s in reopened.spans(doc_id, "wanda") if s.label == "claim"}
        assert [span for span in shown if span not in stored] == []
        assert len(stored) - len(shown) in (0, 1)

"""Helpers for the reliability tests: a real project file on disk, and a dump of
everything a user would miss if it changed. (Not named conftest: another conftest.py
would shadow it in `from conftest import ...`.)"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from annotator.core.models import Document
from annotator.core.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
WORKER = Path(__file__).resolve().parent / "project_worker.py"


def project_dump(store: Store) -> dict[str, Any]:
    """Documents, spans, statuses, annotators and labels: the whole user-visible project."""
    return {
        "documents": [store.document(doc_id).model_dump() for doc_id in store.document_ids()],
        "spans": sorted(
            (span.model_dump() for span in store.iter_spans()), key=lambda span: span["id"]
        ),
        "statuses": sorted(store.all_statuses().items()),
        "annotators": store.annotators(),
        "labels": store.label_set().model_dump(),
    }


def dump_file(path: Path) -> dict[str, Any]:
    with Store(path, read_only=True) as store:
        return project_dump(store)


def seed_documents() -> list[Document]:
    return [
        Document.from_text(path.read_text(encoding="utf-8"), source=path.name)
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def fill_project(path: Path, spans_per_document: int = 20) -> None:
    """A project with the five seed articles and spans by two annotators."""
    with Store(path) as store:
        documents = seed_documents()
        store.add_documents(documents)
        for document in documents:
            step = len(document.text) // spans_per_document
            for index in range(spans_per_document):
                start = index * step
                annotator = "alice" if index % 2 else "bruno"
                label = ("claim", "person", "amount")[index % 3]
                store.add_span(store.make_span(document, annotator, start, start + 7, label))


@pytest.fixture
def filled_project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    fill_project(path)
    return path


class Worker:
    """A second program on the project: ``project_worker.py`` driven line by line."""

    def __init__(self, path: Path, name: str) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), str(path), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.read_line() == "ready"

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def read_line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=30)
            assert self.process.stderr is not None
            raise AssertionError(
                f"worker {self.name} stopped: {self.process.stderr.read()[-2000:]}"
            )
        return line.rstrip("\n")

    def lines_until(self, done: Callable[[str], bool]) -> list[str]:
        lines = []
        while True:
            line = self.read_line()
            lines.append(line)
            if done(line):
                return lines

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def workers() -> Iterator[Callable[[Path, str], Worker]]:
    started: list[Worker] = []

    def start(path: Path, name: str) -> Worker:
        worker = Worker(path, name)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
        worker.close()


def run_cli(*args: str | Path) -> Result:
    from annotator.cli import main

    return CliRunner().invoke(main, [str(arg) for arg in args])


def assert_clean_failure(result: Result, *fragments: str) -> None:
    """Exit status 1, one readable message naming what went wrong, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in result.output, result.output

"""Every export format writes as it reads: its first records are on disk before the
last document has been read, so an export of millions of spans never holds them all in
memory (the benchmark's --scale rows measure how much it does hold)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.bench.corpus import CorpusSpec, fill_project
from annotator.core.files.atomic_files import is_temporary_name
from annotator.core.formats.registry import FORMATS, export_format
from annotator.core.store import Store

OUTPUTS = {
    "jsonl": "out.jsonl",
    "spacy": "out.spacy",
    "conll": "out.conll",
    "hf": "out-hf",
    "brat": "out-brat",
    "doccano": "out.doccano.jsonl",
    "labelstudio": "out.json",
    "prodigy": "out.prodigy.jsonl",
}


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """250 articles of three annotators: several megabytes in every format, more than
    any writer buffers before its first write."""
    path = tmp_path_factory.mktemp("streaming") / "project.db"
    with Store(path) as store:
        fill_project(store, CorpusSpec(articles=250, spans_per_article=30))
    return path


def bytes_beside(target: Path) -> int:
    """Bytes the export has written so far under the hidden temporary names it writes
    beside ``target`` (a file), or inside it (a folder's staging folder)."""
    folder, name = (target, target.name) if target.is_dir() else (target.parent, target.name)
    total = 0
    for entry in os.scandir(folder):
        if not is_temporary_name(entry.name, name):
            continue
        if entry.is_dir(follow_symlinks=False):
            for root, _dirs, files in os.walk(entry.path):
                total += sum(os.path.getsize(os.path.join(root, file)) for file in files)
        else:
            total += entry.stat(follow_symlinks=False).st_size
    return total


class WatchedStore(Store):
    """The store, but as it hands out the last document to export it notes how many
    bytes the export has already written (waiting a little for a writing thread)."""

    watched: Path
    written_before_last: int | None = None

    def iter_documents_for_export(
        self, *args: Any, **kwargs: Any
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        total = self.document_count()
        for number, item in enumerate(super().iter_documents_for_export(*args, **kwargs), 1):
            if number == total:
                self.written_before_last = self._written_soon()
            yield item

    def _written_soon(self) -> int:
        deadline = time.monotonic() + 10
        while True:
            written = bytes_beside(self.watched)
            if written or time.monotonic() > deadline:
                return written
            time.sleep(0.05)


@pytest.mark.parametrize("format_name", FORMATS)
def test_each_format_writes_before_it_has_read_the_last_document(
    format_name: str, corpus_project: Path, tmp_path: Path
) -> None:
    target = tmp_path / OUTPUTS[format_name]
    with WatchedStore(corpus_project) as store:
        store.watched = target
        if format_name in ("brat", "hf"):
            target.mkdir()  # an empty folder takes the export; its staging folder is in it
        report = export_format(store, format_name, target)
        written_before_last = store.written_before_last
    assert report.documents == 250
    assert written_before_last, f"{format_name}: nothing written before the last document"
    assert written_before_last > 100_000
    assert target.exists()
    assert bytes_beside(target) == 0  # no temporary file is left behind


def test_a_label_studio_export_holds_one_task_a_line(
    corpus_project: Path, tmp_path: Path
) -> None:
    """The task list is written one task a line (compact JSON), as it is made: a
    100,000-task export is never held whole, reads task by task, and is still the
    JSON list Label Studio imports."""
    target = tmp_path / "tasks.json"
    with Store(corpus_project) as store:
        export_format(store, "labelstudio", target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    tasks = [json.loads(line.removesuffix(",")) for line in lines[1:-1]]
    assert len(tasks) == 250
    assert [task["id"] for task in tasks] == list(range(1, 251))
    assert json.loads(target.read_text(encoding="utf-8")) == tasks

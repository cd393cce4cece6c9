"""A long operation on the project (merging a colleague's project) goes in short steps:
another program tagging at the same time is let in between them, never refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.core.models import Document
from annotator.core.store import Store

from reliability_support import fill_project

COLLEAGUE_DOCUMENTS = 300
SPANS_PER_DOCUMENT = 30


def colleague_project(path: Path) -> None:
    words = " ".join(f"mot{index}" for index in range(400))
    documents = [
        Document.from_text(f"Article {number} du collègue.\n\n{words}", source=f"c/{number}.txt")
        for number in range(COLLEAGUE_DOCUMENTS)
    ]
    with Store(path) as store:
        store.add_documents(documents)
        spans = [
            store.make_span(document, "carla", 30 + 8 * index, 34 + 8 * index, "person")
            for document in documents
            for index in range(SPANS_PER_DOCUMENT)
        ]
        store.add_spans(spans)


def test_tagging_while_a_colleagues_project_is_merged_is_never_refused(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    fill_project(ours, spans_per_document=2)
    colleague_project(theirs)
    with Store(ours) as store:
        before = store.document_count()
        document = store.document(store.document_ids()[0])
    merging = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(ours), "merge", str(theirs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    seen: list[int] = []
    refused: list[str] = []
    tagged = 0
    with Store(ours) as store:
        while merging.poll() is None:
            start = tagged % (len(document.text) - 5)
            try:
                store.add_span(store.make_span(document, "dora", start, start + 3, "claim"))
                tagged += 1
            except Exception as error:  # noqa: BLE001 - a refused tag is what we look for
                refused.append(str(error))
            seen.append(store.document_count())
    out, err = merging.communicate(timeout=120)
    assert merging.returncode == 0, err
    assert refused == []
    # Our tags went in between the merge's steps: we saw it half done, several times.
    half_done = {count for count in seen if before < count < before + COLLEAGUE_DOCUMENTS}
    assert len(half_done) >= 2, (sorted(set(seen)), out)
    with Store(ours, read_only=True) as store:
        assert store.document_count() == before + COLLEAGUE_DOCUMENTS
        assert len(store.spans(document.id, "dora")) == tagged
        assert store.span_count() >= COLLEAGUE_DOCUMENTS * SPANS_PER_DOCUMENT + tagged

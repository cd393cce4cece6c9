"""The bench's floor for annotated imports writes what an import writes, into a fresh
project file's own tables: the project opens on them and holds every span."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.bench import corpus
from annotator.bench.floors import annotated_import_floor, bare_annotated_import_floor
from annotator.core.store import Store


@pytest.mark.parametrize("layout", ["labelstudio", "doccano"])
def test_the_floor_fills_the_projects_own_tables(tmp_path: Path, layout: str) -> None:
    files = corpus.write_annotated_files(tmp_path, corpus.CorpusSpec(articles=3), articles=3)
    path = getattr(files, layout)
    project = tmp_path / "floor.db"
    Store(project).close()
    assert annotated_import_floor(path, project) == files.spans
    assert bare_annotated_import_floor(path, tmp_path / "bare.db") == files.spans
    with Store(project) as store:
        assert store.document_count() == files.articles
        assert store.span_count() == files.spans
        assert store.integrity_check() == "ok"
        text = store.document(store.document_ids()[0]).text
        word = next(word for word in text.split() if word.isalpha())
        assert list(store.search_documents(word)), "the full-text index is filled too"

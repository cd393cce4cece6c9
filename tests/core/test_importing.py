"""What the window's import does with a mixed bag: articles, annotated files, and a file
that cannot be read at all."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.importing.inputs import import_articles_and_annotations
from annotator.core.importing.request import ImportRequest
from annotator.core.models import document_id
from annotator.core.store import Store


def test_articles_and_annotated_files_each_go_to_their_importer(
    tmp_path: Path, store: Store
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Un article\n\nLe texte.\n", encoding="utf-8")
    text = "Sam Altman parle."
    annotated = tmp_path / "dave.jsonl"
    annotated.write_text(json.dumps({"text": text, "label": [[0, 10, "person"]]}) + "\n")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    report = import_articles_and_annotations(store, [article, annotated, broken])
    assert report.imported == 1 and report.annotated_paths == [annotated, broken]
    assert [(s.start, s.end, s.label) for s in store.spans(document_id(text), "dave")] == [
        (0, 10, "person")
    ]
    (unreadable,) = report.unreadable
    assert unreadable.path == str(broken) and "not valid JSON" in unreadable.reason
    assert report.annotation_problems() == [unreadable]


def test_files_refused_for_unknown_labels_are_named_for_a_second_try(
    tmp_path: Path, store: Store
) -> None:
    annotated = tmp_path / "erin.jsonl"
    annotated.write_text(json.dumps({"text": "Google.", "label": [[0, 6, "ORG"]]}) + "\n")
    first = import_articles_and_annotations(store, [annotated])
    assert first.paths_with_unknown_labels() == [annotated]
    assert first.annotations.unknown_labels() == ["ORG"]
    assert store.span_count() == 0
    second = import_articles_and_annotations(
        store, first.paths_with_unknown_labels(), ImportRequest(add_labels=True)
    )
    assert not second.annotation_problems() and store.span_count() == 1

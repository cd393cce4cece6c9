"""The README's screenshot project: several spans of every label on seed 001, nested ones
included, each span's text the article's own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from annotator.core.store import Store

SCRIPT = Path(__file__).resolve().parent / "scripts" / "make_screenshot_project.py"


def test_the_screenshot_project_tags_every_label_with_nested_spans(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("make_screenshot_project", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    project = tmp_path / "shot.db"
    script.build(project, "alice")
    with Store(project) as store:
        first = store.document_summaries("alice")[0]
        text = store.document(first.id).text
        assert "100 millions de dollars" in text  # seed 001 opens first
        spans = store.spans(first.id, "alice")
        for label in ("claim", "denial", "amount", "person", "organisation"):
            assert sum(span.label == label for span in spans) >= 2, label
        assert all(text[span.start : span.end] == span.text for span in spans)

        def inside(outer, label):
            return [
                s for s in spans if s.label == label and outer.start <= s.start < s.end <= outer.end
            ]

        claims = [s for s in spans if s.label == "claim"]
        assert any(inside(c, "amount") and inside(c, "person") for c in claims)
        denials = [s for s in spans if s.label == "denial"]
        assert any(inside(d, "claim") for d in denials)

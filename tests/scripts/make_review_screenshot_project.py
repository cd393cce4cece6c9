"""The screenshot project (make_screenshot_project.py) with a second annotator whose
layer differs where colleagues' layers do: a missed name, a label changed, a boundary
moved; for the review-mode screenshot.

    python tests/scripts/make_review_screenshot_project.py PROJECT.db
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshot_project import build  # noqa: E402

from annotator.core.models import Status  # noqa: E402
from annotator.core.store import Store  # noqa: E402


def add_second_layer(path: Path) -> None:
    with Store(path) as store:
        doc_id = store.document_summaries("alice")[0].id
        document = store.document(doc_id)
        spans = sorted(store.spans(doc_id, "alice"), key=lambda span: span.start)
        for index, span in enumerate(spans):
            if index % 7 == 3:
                continue  # bob missed it
            label = span.label
            if index % 7 == 5 and span.label == "organisation":
                label = "person"  # bob read it as a person
            store.add_span(store.make_span(document, "bob", span.start, span.end, label))
        store.set_status(doc_id, "bob", Status.DONE)
        store.set_status(doc_id, "alice", Status.DONE)


if __name__ == "__main__":
    project = Path(sys.argv[1])
    build(project, "alice")
    add_second_layer(project)
    print(f"wrote {project}")

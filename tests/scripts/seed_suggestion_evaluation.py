"""Reproduce the README's suggestion evaluation: the five seed articles, one of them
tagged by hand (tests/fixtures/hand_tags/), then ``annotator suggest --evaluate``.

    python tests/scripts/seed_suggestion_evaluation.py [--db project.db] [--suggesters ...]

Without --db the project is built in memory and thrown away.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from annotator.core.models import Document, Status
from annotator.core.store import Store
from annotator.core.suggestions.suggest import evaluate, format_evaluation

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
HAND_TAGS = REPO / "tests" / "fixtures" / "hand_tags" / "001_0628ff97c4024806.jsonl"
ANNOTATOR = "hand"


def build_project(store: Store) -> None:
    """Import the seeds and the hand tags through the store API, as the window would."""
    documents = {}
    for path in sorted(SEEDS.glob("*.txt")):
        document = Document.from_text(path.read_text(encoding="utf-8"), source=path.name)
        store.add_document(document)
        documents[path.name] = document
    tagged = set()
    spans = []
    for line in HAND_TAGS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        document = documents[record["seed"]]
        span = store.make_span(
            document, ANNOTATOR, record["start"], record["end"], record["label"],
            attrs=record.get("attrs"),
        )
        if span.text != record["text"]:
            raise ValueError(f"{HAND_TAGS}: {record['text']!r} is not at {record['start']}")
        spans.append(span)
        tagged.add(document.id)
    store.add_spans(spans)
    for doc_id in tagged:
        store.set_status(doc_id, ANNOTATOR, Status.DONE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=":memory:", help="Project file to create.")
    parser.add_argument(
        "--suggesters", default="amount,gazetteer,model", help="Comma-separated suggesters."
    )
    options = parser.parse_args()
    with Store(options.db) as store:
        build_project(store)
        print(format_evaluation(evaluate(store, ANNOTATOR, options.suggesters.split(","))))


if __name__ == "__main__":
    main()

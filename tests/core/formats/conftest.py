"""A small project with the awkward cases every exporter must handle."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.models import Document
from annotator.core.store import Store

INTEROP_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# datasets loads the hf exports from disk: it must never ask the Hub (read at import).
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# An emoji (two UTF-16 units), a combining accent, a no-break space before the colon
# and a line break: the places where offsets go wrong.
TEXT = (
    "Café 👩\u200d💻\u00a0: « Meta a offert 100 millions $ », dit Sam Altman.\n"
    "Bosworth de\u0301ment. 🇫🇷 Le ministre parle."
)


def tag(store: Store, doc: Document, who: str, words: str, label: str) -> None:
    start = doc.text.index(words)
    store.add_span(store.make_span(doc, who, start, start + len(words), label))


@pytest.fixture
def project(store: Store) -> tuple[Store, Document]:
    doc = Document.from_text(TEXT, source="a.txt", language="fr")
    store.add_document(doc)
    tag(store, doc, "alice", "« Meta a offert 100 millions $ »", "claim")
    tag(store, doc, "alice", "Meta", "organisation")
    tag(store, doc, "alice", "100 millions $", "amount")
    tag(store, doc, "alice", "Sam Altman", "person")
    tag(store, doc, "alice", "Altman", "person")  # overlaps "Sam Altman"
    tag(store, doc, "bob", "Bosworth de\u0301ment", "denial")
    tag(store, doc, "bob", "Bosw", "person")  # cuts a token
    tag(store, doc, "bob", "Sam Altman.\nBosworth", "claim")  # crosses a line break
    return store, doc

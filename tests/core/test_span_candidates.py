"""The clauses the span categorizer scores: every claim and denial tagged in the seed
example must be one of them, or the model could never find it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from annotator.core.training.span_candidates import clause_candidates  # noqa: E402


def test_every_seed_claim_and_denial_is_a_candidate(
    store, build_seed_example: Callable[..., Any]
) -> None:
    example = build_seed_example(store)
    nlp = spacy.blank("fr")
    statements = [s for s in example.spans.values() if s.label in ("claim", "denial")]
    assert len(statements) == 8
    texts = {document.id: document.text for document in example.documents.values()}
    for span in statements:
        doc = nlp(texts[span.doc_id])
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        candidates = clause_candidates(doc, 60)
        assert (tokens.start, tokens.end) in candidates, span.text
        # A few hundred per article, not the tens of thousands of every n-gram.
        assert len(candidates) < len(doc)


def test_candidates_stay_within_a_sentence_and_end_before_punctuation() -> None:
    doc = spacy.blank("fr")("Il a dit que Meta paie. Apple, selon lui, refuse.")
    found = {doc[start:end].text for start, end in clause_candidates(doc, 60)}
    assert "Meta paie" in found and "refuse" in found and "Apple" in found
    assert not any("." in text for text in found)
    assert not any(text.endswith(",") for text in found)

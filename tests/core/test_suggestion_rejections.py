"""Rejected suggestions are remembered per annotator and document, apart from spans."""

from __future__ import annotations

from annotator.core.models import Document


def test_a_rejection_is_kept_apart_from_spans_and_can_be_undone(store) -> None:
    first = Document.from_text("OpenAI a levé 100 millions $.", title="a")
    second = Document.from_text("OpenAI encore, 100 millions $.", title="b")
    store.add_documents([first, second])
    store.reject_suggestion(first.id, "alice", 0, 6, "organisation", "suggested:gazetteer")
    # Rejecting twice is harmless (a double key press).
    store.reject_suggestion(first.id, "alice", 0, 6, "organisation", "suggested:gazetteer")

    assert store.rejected_suggestions(first.id, "alice") == {(0, 6, "organisation")}
    assert store.rejected_suggestions(first.id, "bob") == set()
    assert store.rejected_suggestions(second.id, "alice") == set()
    assert store.spans(first.id) == []
    assert store.span_count() == 0

    store.unreject_suggestion(first.id, "alice", 0, 6, "organisation")
    assert store.rejected_suggestions(first.id, "alice") == set()

"""Choosing the earlier version to carry spans from, and taking a carry-over back."""

from __future__ import annotations

from annotator.core.carry_over import carry_over, earlier_versions, put_back, take_back
from annotator.core.models import Document, Status
from annotator.core.store import Store

OLD_TEXT = "Meta a proposé 100 M$ à un chercheur, selon Sam Altman. Meta dément."
NEW_TEXT = "Mise à jour. Meta a proposé 100 M$ à un chercheur, selon Sam Altman. Meta dément."


def tag(store: Store, document: Document, quote: str, label: str) -> None:
    start = document.text.index(quote)
    store.add_span(store.make_span(document, "alice", start, start + len(quote), label))


def test_the_same_source_comes_first_then_the_same_title_then_the_rest(store: Store) -> None:
    new = Document.from_text(NEW_TEXT, source="lemonde/meta.txt", title="Meta recrute")
    same_source = Document.from_text(OLD_TEXT, source="lemonde/meta.txt", title="Meta")
    same_title = Document.from_text(OLD_TEXT + " Fin.", source="copie.txt", title="Meta recrute")
    other = Document.from_text("Le gouvernement annonce 2 milliards.", title="Budget")
    untagged = Document.from_text(OLD_TEXT + " Encore.", source="lemonde/meta.txt")
    store.add_documents([other, same_title, untagged, same_source, new])
    for document in (other, same_title, same_source):
        tag(store, document, document.text.split()[0], "organisation")

    found = earlier_versions(store, new.id)
    assert [(v.summary.id, v.likeness, v.spans) for v in found] == [
        (same_source.id, "same source", 1),
        (same_title.id, "same title", 1),
        (other.id, None, 1),
    ]  # the new document itself and the one without spans are not offered


def test_a_carry_over_taken_back_and_put_back_is_the_same(store: Store) -> None:
    old, new = Document.from_text(OLD_TEXT), Document.from_text(NEW_TEXT)
    store.add_documents([old, new])
    tag(store, old, "Sam Altman", "person")
    tag(store, old, "Meta dément", "denial")
    report = carry_over(store, old.id, new.id)
    carried = store.spans(new.id)
    assert [span.text for span in carried] == ["Sam Altman", "Meta dément"]

    assert store.status(new.id, "alice") == Status.IN_PROGRESS

    removed = take_back(store, report)
    assert store.spans(new.id) == []
    assert store.status(new.id, "alice") == Status.NOT_STARTED
    assert len(store.spans(old.id)) == 2  # the old article keeps its spans
    put_back(store, report, removed)
    assert store.spans(new.id) == carried
    assert store.status(new.id, "alice") == Status.IN_PROGRESS

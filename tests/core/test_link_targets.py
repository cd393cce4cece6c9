"""Link targets in other articles, for the window's picker."""

from __future__ import annotations

from annotator.core.attribution import links
from annotator.core.models import Document, Span
from annotator.core.store import Store


def tag(store: Store, document: Document, quote: str, label: str, annotator: str = "alice") -> Span:
    start = document.text.index(quote)
    return store.add_span(store.make_span(document, annotator, start, start + len(quote), label))


def test_a_denial_may_deny_claims_of_other_articles_of_its_own_layer_only(store: Store) -> None:
    first = Document.from_text("Altman affirme que Meta offre 100 millions. Sam Altman parle.")
    second = Document.from_text("Beyer dément : « c'est faux ». Lucas Beyer parle.")
    third = Document.from_text("Le WSJ affirme que Meta paie 200 millions.")
    for document in (first, second, third):
        store.add_document(document)
    claim = tag(store, first, "Meta offre 100 millions", "claim")
    tag(store, first, "Sam Altman", "person")  # not a claim: never a cross-article target
    wsj_claim = tag(store, third, "Meta paie 200 millions", "claim")
    tag(store, third, "Meta paie 200 millions", "claim", annotator="bob")  # another layer
    denial = tag(store, second, "c'est faux", "denial")
    local_claim = tag(store, second, "Lucas Beyer parle", "claim")

    found = links.other_document_candidates(store, denial)
    assert [(c.span.id, c.link_type.name) for c in found] == [
        (claim.id, "denies"),
        (wsj_claim.id, "denies"),
    ]
    assert local_claim.id not in {c.span.id for c in found}

    links.add_link(store, "denies", denial.id, claim.id)
    assert [c.span.id for c in links.other_document_candidates(store, denial)] == [wsj_claim.id]

    # A claim may be marked the same as a claim elsewhere; an amount has no such link.
    assert [
        (c.span.id, c.link_type.name) for c in links.other_document_candidates(store, local_claim)
    ] == [(claim.id, "same_as"), (wsj_claim.id, "same_as")]
    amount = tag(store, first, "100 millions", "amount")
    assert links.other_document_candidates(store, amount) == []


def test_the_checks_of_one_article_leave_the_others_out(store: Store) -> None:
    first = Document.from_text("Altman affirme que Meta offre 100 millions. Sam Altman parle.")
    second = Document.from_text("Beyer dément : « c'est faux ». Lucas Beyer parle.")
    store.add_document(first)
    store.add_document(second)
    claim = tag(store, first, "Meta offre 100 millions", "claim")
    denial = tag(store, second, "c'est faux", "denial")
    beyer = tag(store, second, "Lucas Beyer", "person")
    links.add_link(store, "denies", denial.id, claim.id)

    assert [(p.kind, p.span.id) for p in links.check(store, ["alice"], doc_id=second.id)] == [
        (links.ProblemKind.UNATTRIBUTED, denial.id)
    ]
    links.add_link(store, "said_by", denial.id, beyer.id)
    assert links.check(store, ["alice"], doc_id=second.id) == []
    assert [p.span.id for p in links.check(store, ["alice"], doc_id=first.id)] == [claim.id]

"""Review: disagreements between three annotators, decisions into gold, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import GOLD_LAYER, DecisionKind, Document, Origin, Status
from annotator.core.review import decisions as review
from annotator.core.review.decisions import DisagreementKind, ReviewError
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."
TEAM = ["alice", "bob", "carol"]


def key(word: str, label: str) -> tuple[int, int, str]:
    start = TEXT.index(word)
    return (start, start + len(word), label)


SAM = key("Sam Altman", "person")
META_ORG = key("Meta", "organisation")
META_PERSON = key("Meta", "person")
AMOUNT_LONG = key("100 millions", "amount")
AMOUNT_SHORT = key("100", "amount")
ANDREW = key("Andrew Bosworth", "person")


def add_layer(
    store: Store, document: Document, annotator: str, keys: list[tuple[int, int, str]]
) -> None:
    for start, end, label in keys:
        store.add_span(store.make_span(document, annotator, start, end, label))


@pytest.fixture
def doc(store: Store) -> Document:
    document = Document.from_text(TEXT)
    store.add_document(document)
    add_layer(store, document, "alice", [SAM, META_ORG, AMOUNT_LONG, ANDREW])
    add_layer(store, document, "bob", [SAM, META_PERSON, AMOUNT_SHORT, ANDREW])
    add_layer(store, document, "carol", [SAM, META_ORG, AMOUNT_LONG])
    return document


def gold_keys(store: Store, doc_id: str) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in store.spans(doc_id, GOLD_LAYER)}


def test_each_kind_of_disagreement_is_found(store: Store, doc: Document) -> None:
    found = review.disagreements(store, doc.id, TEAM)
    assert [item.kind for item in found] == [
        DisagreementKind.LABEL,
        DisagreementKind.BOUNDARY,
        DisagreementKind.MISSING,
    ]
    label, boundary, missing = found
    assert {(c.key, tuple(c.annotators)) for c in label.candidates} == {
        (META_ORG, ("alice", "carol")),
        (META_PERSON, ("bob",)),
    }
    assert {c.text for c in boundary.candidates} == {"100 millions", "100"}
    assert (boundary.start, boundary.end) == AMOUNT_LONG[:2]
    assert [c.key for c in missing.candidates] == [ANDREW]
    assert missing.missing_from == ["carol"]
    assert [c.key for c in review.agreed_spans(store, doc.id, TEAM)] == [SAM]


def test_review_needs_two_annotators(store: Store, doc: Document) -> None:
    with pytest.raises(ReviewError, match="at least 2"):
        review.disagreements(store, doc.id, ["alice", "alice"])


def test_a_pair_sees_only_its_own_differences(store: Store, doc: Document) -> None:
    found = review.disagreements(store, doc.id, ["alice", "carol"])
    assert [item.kind for item in found] == [DisagreementKind.MISSING]
    assert found[0].candidates[0].annotators == ["alice"]
    assert len(review.agreed_spans(store, doc.id, ["alice", "carol"])) == 3


def test_accept_agreed_puts_the_consensus_into_gold_once(store: Store, doc: Document) -> None:
    change = review.accept_agreed(store, doc.id, TEAM, "editor")
    assert gold_keys(store, doc.id) == {SAM}
    (decision,) = change.decisions
    assert decision.decision == DecisionKind.ACCEPT
    assert decision.annotators == TEAM and decision.reviewer == "editor"
    (gold,) = store.spans(doc.id, GOLD_LAYER)
    assert gold.origin == Origin.REVIEW.value and gold.text == "Sam Altman"
    assert decision.gold_span_id == gold.id
    again = review.accept_agreed(store, doc.id, TEAM, "editor")
    assert again.decisions == () and len(store.spans(doc.id, GOLD_LAYER)) == 1


def test_settling_every_disagreement_lets_the_document_be_reviewed(
    store: Store, doc: Document
) -> None:
    review.accept_agreed(store, doc.id, TEAM, "editor")
    assert not review.is_settled(store, doc.id, TEAM)
    with pytest.raises(ReviewError, match="3 disagreement"):
        review.mark_reviewed(store, doc.id, TEAM)
    review.accept(store, doc.id, "editor", *META_ORG, TEAM)
    edited = review.edit(store, doc.id, "editor", *AMOUNT_SHORT, TEAM, new_end=AMOUNT_LONG[1] - 1)
    rejected = review.reject(store, doc.id, "editor", *ANDREW, TEAM, comment="not in text")
    assert review.is_settled(store, doc.id, TEAM)
    assert gold_keys(store, doc.id) == {
        SAM,
        META_ORG,
        (AMOUNT_LONG[0], AMOUNT_LONG[1] - 1, "amount"),
    }
    assert store.spans(doc.id, GOLD_LAYER)[-1].text == "100 million"

    (edit_decision,) = edited.decisions
    assert edit_decision.decision == DecisionKind.EDIT
    assert (edit_decision.start, edit_decision.end, edit_decision.label) == AMOUNT_SHORT
    assert edit_decision.annotators == ["bob"]
    (reject_decision,) = rejected.decisions
    assert reject_decision.decision == DecisionKind.REJECT
    assert reject_decision.gold_span_id is None
    assert reject_decision.comment == "not in text"
    assert reject_decision.annotators == ["alice", "bob"]

    change = review.mark_reviewed(store, doc.id, TEAM)
    assert store.status(doc.id, GOLD_LAYER) == Status.REVIEWED
    review.revert(store, change)
    assert store.status(doc.id, GOLD_LAYER) == Status.IN_PROGRESS


def test_agreed_spans_left_undecided_keep_the_document_unsettled(
    store: Store, doc: Document
) -> None:
    for item in review.disagreements(store, doc.id, TEAM):
        review.reject(store, doc.id, "editor", *item.candidates[0].key, TEAM)
    state = review.review_state(store, doc.id, TEAM)
    assert state.unsettled == [] and [c.key for c in state.undecided_agreed] == [SAM]
    assert not review.is_settled(store, doc.id, TEAM)


def test_undo_and_redo_a_decision(store: Store, doc: Document) -> None:
    change = review.accept(store, doc.id, "editor", *ANDREW, TEAM, comment="checked")
    (gold,) = store.spans(doc.id, GOLD_LAYER)
    (decision,) = store.decisions(doc.id)
    assert decision.comment == "checked" and decision.gold_span_id == gold.id
    assert change.gold_spans_added == (gold,)

    undone = review.undo_decision(store, decision.id)
    assert store.spans(doc.id, GOLD_LAYER) == [] and store.decisions(doc.id) == []
    assert not review.disagreements(store, doc.id, TEAM)[-1].settled

    review.reapply(store, undone)
    assert store.spans(doc.id, GOLD_LAYER) == [gold]
    assert store.decisions(doc.id) == [decision]
    with pytest.raises(ReviewError, match="no decision"):
        review.undo_decision(store, "nope")


def test_undoing_accept_agreed_takes_back_all_of_it(store: Store, doc: Document) -> None:
    review.accept(store, doc.id, "editor", *META_ORG, TEAM)
    before = (gold_keys(store, doc.id), len(store.decisions(doc.id)))
    change = review.accept_agreed(store, doc.id, TEAM, "editor")
    assert len(change.decisions) == 1
    review.revert(store, change)
    assert (gold_keys(store, doc.id), len(store.decisions(doc.id))) == before


def test_a_second_decision_on_a_gold_span_shares_it(store: Store, doc: Document) -> None:
    first = review.accept(store, doc.id, "editor", *META_ORG, TEAM)
    # Editing bob's label into the same gold span reuses it instead of doubling it.
    second = review.edit(store, doc.id, "editor", *META_PERSON, TEAM, new_label="organisation")
    assert second.gold_spans_added == ()
    assert len(store.spans(doc.id, GOLD_LAYER)) == 1
    review.undo_decision(store, second.decisions[0].id)
    assert gold_keys(store, doc.id) == {META_ORG}
    review.undo_decision(store, first.decisions[0].id)
    assert gold_keys(store, doc.id) == set()


def test_accepting_a_span_nobody_had_is_an_addition(store: Store, doc: Document) -> None:
    change = review.accept(store, doc.id, "editor", *key("dément", "denial"), TEAM)
    assert change.decisions[0].decision == DecisionKind.ADD
    assert change.decisions[0].annotators == []


def test_bad_decisions_are_refused_and_change_nothing(store: Store, doc: Document) -> None:
    with pytest.raises(ReviewError, match="do not fit"):
        review.accept(store, doc.id, "editor", 70, 90, "person", TEAM)
    with pytest.raises(ReviewError, match="unknown label"):
        review.edit(store, doc.id, "editor", *SAM, TEAM, new_label="location")
    with pytest.raises(ReviewError, match="reviewer"):
        review.accept(store, doc.id, " ", *SAM, TEAM)
    with pytest.raises(ReviewError, match="no document"):
        review.accept(store, "f" * 64, "editor", *SAM, TEAM)
    assert store.decisions() == [] and store.spans(doc.id, GOLD_LAYER) == []


def test_an_accepted_span_keeps_its_attributes(store: Store, doc: Document) -> None:
    amount = store.make_span(doc, "dave", *AMOUNT_LONG, attrs={"value": 100_000_000})
    store.add_span(amount)
    review.accept(store, doc.id, "editor", *AMOUNT_LONG, ["dave", "bob"])
    (gold,) = store.spans(doc.id, GOLD_LAYER)
    assert gold.attrs == {"value": 100_000_000}


def test_an_annotators_layer_against_gold(store: Store, doc: Document) -> None:
    review.accept_agreed(store, doc.id, TEAM, "editor")
    review.accept(store, doc.id, "editor", *META_ORG, TEAM)
    review.accept(store, doc.id, "editor", *AMOUNT_LONG, TEAM)
    diff = review.diff_against_gold(store, doc.id, "bob")
    assert [c.key for c in diff.matching] == [SAM]
    kinds = {item.kind for item in diff.differences}
    assert kinds == {DisagreementKind.LABEL, DisagreementKind.BOUNDARY, DisagreementKind.MISSING}
    assert [c.key for c in diff.extra] == [ANDREW]
    assert diff.missed == []
    carol = review.diff_against_gold(store, doc.id, "carol")
    assert len(carol.matching) == 3 and carol.differences == []


def test_decisions_are_kept_in_the_project_file(project_path: Path) -> None:
    with Store(project_path) as store:
        document = Document.from_text(TEXT)
        store.add_document(document)
        add_layer(store, document, "alice", [SAM])
        add_layer(store, document, "bob", [ANDREW])
        review.accept(store, document.id, "editor", *SAM, ["alice", "bob"], comment="ok")
    with Store(project_path, read_only=True) as store:
        (decision,) = store.decisions(document.id)
        assert (decision.reviewer, decision.comment, decision.annotators) == (
            "editor",
            "ok",
            ["alice"],
        )
        assert [s.text for s in store.spans(document.id, GOLD_LAYER)] == ["Sam Altman"]


def test_a_failed_accept_agreed_writes_nothing(store: Store, doc: Document) -> None:
    # A gold span the reviewer cannot accept (a label removed from the project since)
    # makes the whole action fail, the agreed span before it included.
    other = store.make_span(doc, "alice", *key("dément", "claim"))
    store.add_span(other)
    store.add_span(store.make_span(doc, "bob", *key("dément", "claim")))
    store.add_span(store.make_span(doc, "carol", *key("dément", "claim")))
    labels = store.label_set()
    without_claim = [label for label in labels.labels if label.name != "claim"]
    store.set_label_set(labels.model_copy(update={"labels": without_claim}))
    with pytest.raises(ReviewError, match="unknown label"):
        review.accept_agreed(store, doc.id, TEAM, "editor")
    assert store.decisions() == [] and store.spans(doc.id, GOLD_LAYER) == []


def test_progress_lists_what_is_left_to_review(store: Store, doc: Document) -> None:
    lone = Document.from_text("Un article que seule alice a lu.")
    store.add_document(lone)
    store.add_span(store.make_span(lone, "alice", 0, 2, "claim"))
    (progress,) = review.review_progress(store, TEAM)
    assert (progress.doc_id, progress.disagreements, progress.unsettled) == (doc.id, 3, 3)
    assert progress.undecided_agreed == 1 and not progress.reviewed
    review.accept_agreed(store, doc.id, TEAM, "editor")
    for item in review.disagreements(store, doc.id, TEAM):
        review.accept(store, doc.id, "editor", *item.candidates[0].key, TEAM)
    review.mark_reviewed(store, doc.id, TEAM)
    (progress,) = review.review_progress(store, TEAM)
    assert (progress.unsettled, progress.undecided_agreed, progress.reviewed) == (0, 0, True)


def test_gold_provenance_names_who_had_each_gold_span(store: Store, doc: Document) -> None:
    review.accept_agreed(store, doc.id, TEAM, "editor")
    review.reject(store, doc.id, "editor", *ANDREW, TEAM)
    review.edit(store, doc.id, "chief", *AMOUNT_SHORT, TEAM, new_end=AMOUNT_LONG[1])
    provenance = review.gold_provenance(store, doc.id)
    by_text = {store.span(span_id).text: decision for span_id, decision in provenance.items()}
    assert set(by_text) == {"Sam Altman", "100 millions"}
    assert by_text["Sam Altman"].annotators == TEAM
    assert (by_text["100 millions"].decision, by_text["100 millions"].reviewer) == (
        DecisionKind.EDIT,
        "chief",
    )


def test_rejecting_an_accepted_span_takes_it_out_of_gold(store: Store, doc: Document) -> None:
    review.accept(store, doc.id, "editor", *ANDREW, TEAM)
    change = review.reject(store, doc.id, "editor", *ANDREW, TEAM, comment="on second thoughts")
    assert gold_keys(store, doc.id) == set()
    assert [
        c.decision.decision for c in review.disagreements(store, doc.id, TEAM)[-1].candidates
    ] == [DecisionKind.REJECT]
    (removed,) = change.gold_spans_removed
    review.revert(store, change)
    assert store.spans(doc.id, GOLD_LAYER) == [removed]
    review.reapply(store, change)
    assert gold_keys(store, doc.id) == set()


def test_an_amount_the_reviewer_adds_or_edits_is_read_like_one_tagged_in_the_window(
    store: Store, doc: Document
) -> None:
    offert = key("offert 100 millions", "amount")  # nobody has this one
    review.accept(store, doc.id, "editor", *offert, TEAM)
    added = {(s.start, s.end): s for s in store.spans(doc.id, GOLD_LAYER)}[offert[:2]]
    assert added.attrs["value"] == 100_000_000
    # An edit of the short version to the long one reads the long text.
    review.edit(store, doc.id, "editor", *AMOUNT_SHORT, ["bob"], new_end=AMOUNT_LONG[1])
    edited = {(s.start, s.end): s for s in store.spans(doc.id, GOLD_LAYER)}[AMOUNT_LONG[:2]]
    assert edited.attrs["value"] == 100_000_000


def test_an_amount_value_a_person_set_survives_a_boundary_edit(
    store: Store, doc: Document
) -> None:
    (bobs,) = [s for s in store.spans(doc.id, "bob") if s.label == "amount"]
    checked = {"value": 100, "currency": "EUR", "readable": True, "checked": True}
    store.update_span(bobs.id, attrs=checked)
    review.edit(store, doc.id, "editor", *AMOUNT_SHORT, ["bob"], new_end=AMOUNT_LONG[1])
    edited = {(s.start, s.end): s for s in store.spans(doc.id, GOLD_LAYER)}[AMOUNT_LONG[:2]]
    assert edited.attrs == checked

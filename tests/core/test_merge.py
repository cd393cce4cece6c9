"""Merging a colleague's project file: layers kept apart, nothing doubled, changes reported."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from annotator.core.attribution import links
from annotator.core.models import Document, Status
from annotator.core.project.merge import merge_project
from annotator.core.review import decisions as review
from annotator.core.store import Store

ARTICLE = "Sam Altman affirme que Meta a offert 100 millions. Andrew Bosworth dément."
CORRECTED = ARTICLE.replace("100 millions", "100 millions de dollars")
OTHER = "Le gouvernement annonce 2 milliards pour l'hôpital."


def word(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def projects(tmp_path: Path) -> tuple[Path, Path]:
    """Ours, and theirs: a copy of ours on which a colleague kept working."""
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    with Store(ours) as store:
        article = Document.from_text(ARTICLE, source="lemonde/altman.txt")
        store.add_documents([article])
        store.add_span(store.make_span(article, "alice", *word(ARTICLE, "Sam Altman"), "person"))
        store.add_span(store.make_span(article, "alice", *word(ARTICLE, "Meta"), "organisation"))
    shutil.copy(ours, theirs)
    with Store(theirs) as store:
        article = store.document(Document.from_text(ARTICLE).id)
        store.add_span(store.make_span(article, "bob", *word(ARTICLE, "Meta"), "organisation"))
        store.add_span(store.make_span(article, "alice", *word(ARTICLE, "dément"), "denial"))
        store.set_status(article.id, "bob", Status.DONE)
        store.add_labels(["quote"])
        other = Document.from_text(OTHER, source="liberation/hopital.txt")
        corrected = Document.from_text(CORRECTED, source="lemonde/altman.txt")
        store.add_documents([other, corrected])
        store.add_span(store.make_span(other, "bob", *word(OTHER, "2 milliards"), "amount"))
        store.add_span(store.make_span(corrected, "bob", *word(CORRECTED, "Meta"), "quote"))
        review.accept(
            store, article.id, "editor", *word(ARTICLE, "Meta"), "organisation", ["alice", "bob"]
        )
    with Store(ours) as store:
        # Meanwhile alice tagged the same span again in our copy, under another id.
        article = store.document(Document.from_text(ARTICLE).id)
        store.add_span(store.make_span(article, "alice", *word(ARTICLE, "dément"), "denial"))
    return ours, theirs


def layer(store: Store, doc_id: str, name: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in store.spans(doc_id, name)]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merge_brings_in_layers_statuses_and_decisions(projects: tuple[Path, Path]) -> None:
    ours, theirs = projects
    before = file_digest(theirs)
    with Store(ours) as store:
        report = merge_project(store, theirs)
        article_id = Document.from_text(ARTICLE).id
        assert report.documents_matched == 1 and report.documents_added == 2
        assert report.spans_added == {"bob": 3, "gold": 1}
        assert report.spans_already_present == 2  # alice's two spans, same ids
        assert report.spans_duplicate == 1  # alice's "dément", tagged in both copies
        assert report.statuses_carried == 4 and report.decisions_added == 1
        assert report.labels_added == ["quote"]
        assert layer(store, article_id, "alice") == [
            (*word(ARTICLE, "Sam Altman"), "person"),
            (*word(ARTICLE, "Meta"), "organisation"),
            (*word(ARTICLE, "dément"), "denial"),
        ]
        assert layer(store, article_id, "bob") == [(*word(ARTICLE, "Meta"), "organisation")]
        assert store.status(article_id, "bob") == Status.DONE
        (decision,) = store.decisions(article_id)
        assert decision.reviewer == "editor"
        assert review.is_settled(store, article_id, ["alice", "bob"]) is False
    assert file_digest(theirs) == before


def test_provenance_is_kept(projects: tuple[Path, Path]) -> None:
    ours, theirs = projects
    with Store(theirs, read_only=True) as other:
        originals = {s.id: s for s in other.iter_spans("bob")}
    with Store(ours) as store:
        merge_project(store, theirs)
        merged = {s.id: s for s in store.iter_spans("bob")}
    assert merged == originals


def test_merging_twice_adds_nothing(projects: tuple[Path, Path]) -> None:
    ours, theirs = projects
    with Store(ours) as store:
        merge_project(store, theirs)
        counts = (store.document_count(), store.span_count(), len(store.decisions()))
        again = merge_project(store, theirs)
        assert not again.changed_anything
        assert again.documents_matched == 3 and again.spans_already_present == 6
        assert (store.document_count(), store.span_count(), len(store.decisions())) == counts


def test_a_changed_article_is_reported_and_kept_apart(projects: tuple[Path, Path]) -> None:
    ours, theirs = projects
    with Store(ours) as store:
        report = merge_project(store, theirs)
        (changed,) = report.changed_articles
        assert changed.reason == "same source" and changed.source == "lemonde/altman.txt"
        assert changed.ours == [Document.from_text(ARTICLE).id]
        assert changed.theirs == Document.from_text(CORRECTED).id
        # Both versions are in the project, each with its own spans.
        assert store.document(changed.theirs).text == CORRECTED
        assert layer(store, changed.theirs, "bob") == [(*word(CORRECTED, "Meta"), "quote")]
        assert layer(store, changed.ours[0], "bob") == [(*word(ARTICLE, "Meta"), "organisation")]


def test_a_span_changed_on_both_sides_keeps_ours(projects: tuple[Path, Path]) -> None:
    ours, theirs = projects
    with Store(ours) as store:
        sam = store.spans(Document.from_text(ARTICLE).id, "alice")[0]
    with Store(theirs) as store:
        store.update_span(sam.id, end=sam.start + 3)
    with Store(ours) as store:
        report = merge_project(store, theirs)
        assert report.spans_conflicting == 1
        assert store.span(sam.id).text == "Sam Altman"


def test_a_merge_stopped_half_way_leaves_whole_articles_and_merging_again_completes_it(
    projects: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.project import merge

    ours, theirs = projects
    in_one_go = tmp_path / "in-one-go.db"
    shutil.copy(ours, in_one_go)
    with Store(in_one_go) as store:
        merge_project(store, theirs)
        expected = dump(store)

    monkeypatch.setattr(merge, "CHUNK_DOCUMENTS", 1)  # one article per step
    add_spans = Store.add_spans
    calls: list[int] = []

    def failing_on_the_third_article(self: Store, spans, *args, **kwargs) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return add_spans(self, spans, *args, **kwargs)

    with Store(ours) as store:
        monkeypatch.setattr(Store, "add_spans", failing_on_the_third_article)
        with pytest.raises(OSError):
            merge_project(store, theirs)
        monkeypatch.setattr(Store, "add_spans", add_spans)
        stopped = dump(store)
        # The first two articles came in whole, the third not at all.
        with Store(theirs, read_only=True) as other:
            first, second, third = other.document_ids()
        assert {first, second} <= set(stopped["documents"])
        assert third not in stopped["documents"]
        for doc_id in (first, second):
            assert [s for s in stopped["spans"] if s[0] == doc_id] == [
                s for s in expected["spans"] if s[0] == doc_id
            ]
        merge_project(store, theirs)
        assert dump(store) == expected


def dump(store: Store) -> dict[str, list]:
    return {
        "documents": store.document_ids(),
        "spans": sorted(
            (s.doc_id, s.annotator, s.start, s.end, s.label) for s in store.iter_spans()
        ),
        "statuses": sorted(store.all_statuses().items()),
        "decisions": sorted(d.id for d in store.decisions()),
        "links": sorted(link.id for link in store.links()),
        "labels": store.label_set().names,
    }


def test_a_decision_on_a_gold_span_we_already_hold_points_at_ours(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    meta = word(ARTICLE, "Meta")
    for path, reviewer in ((ours, "editor"), (theirs, "chief")):
        with Store(path) as store:
            article = Document.from_text(ARTICLE)
            store.add_document(article)
            for name in ("alice", "bob"):
                store.add_span(store.make_span(article, name, *meta, "organisation"))
            review.accept_agreed(store, article.id, ["alice", "bob"], reviewer)
    with Store(ours) as store:
        report = merge_project(store, theirs)
        assert report.spans_duplicate == 3 and report.decisions_added == 1
        (gold,) = store.spans(Document.from_text(ARTICLE).id, "gold")
        decisions = store.decisions()
        assert {d.reviewer for d in decisions} == {"editor", "chief"}
        assert {d.gold_span_id for d in decisions} == {gold.id}


def test_links_come_along_and_point_at_our_copy_of_a_duplicate_span(
    projects: tuple[Path, Path],
) -> None:
    ours, theirs = projects
    article_id = Document.from_text(ARTICLE).id
    with Store(theirs) as store:
        article = store.document(article_id)
        person = store.add_span(
            store.make_span(article, "alice", *word(ARTICLE, "Andrew Bosworth"), "person")
        )
        (their_denial,) = [s for s in store.spans(article_id, "alice") if s.label == "denial"]
        their_link = links.add_link(store, "said_by", their_denial.id, person.id)
    with Store(ours) as store:
        (our_denial,) = [s for s in store.spans(article_id, "alice") if s.label == "denial"]
        assert our_denial.id != their_denial.id  # tagged in both copies
        report = merge_project(store, theirs)
        assert (report.links_added, report.links_already_present) == (1, 0)
        (link,) = store.links(doc_id=article_id)
        assert (link.id, link.type, link.created_at) == (
            their_link.id,
            "said_by",
            their_link.created_at,
        )
        assert (link.from_span, link.to_span) == (our_denial.id, person.id)
        again = merge_project(store, theirs)
        assert (again.links_added, again.links_already_present) == (0, 1)
        assert not again.changed_anything
        assert len(store.links()) == 1


def test_notes_come_along_on_our_copy_of_a_duplicate_span_and_ours_are_kept(
    projects: tuple[Path, Path],
) -> None:
    ours, theirs = projects
    article_id = Document.from_text(ARTICLE).id
    with Store(theirs) as store:
        article = store.document(article_id)
        dement = next(s for s in store.spans(article_id, "alice") if s.label == "denial")
        altman = next(s for s in store.spans(article_id, "alice") if s.label == "person")
        store.write_note(article_id, dement.id, "alice", "ask Meta for the full statement")
        store.write_note(article_id, altman.id, "bob", "check his title")
        store.write_note(article_id, None, "bob", "the source is a press release")
        store.write_note(article_id, None, "alice", "theirs")
        other = Document.from_text(OTHER)
        store.write_note(other.id, None, "bob", "a second source?")
        del article
    with Store(ours) as store:
        our_dement = next(s for s in store.spans(article_id, "alice") if s.label == "denial")
        store.write_note(article_id, None, "alice", "ours")
        report = merge_project(store, theirs)
        assert report.notes_added == 4 and report.changed_anything
        assert [conflict.split(": kept ")[1] for conflict in report.note_conflicts] == [
            "'ours', not 'theirs'"
        ]
        notes = {(n.doc_id, n.span_id, n.author): n.text for n in store.notes()}
        assert notes[(article_id, our_dement.id, "alice")] == "ask Meta for the full statement"
        assert notes[(article_id, altman.id, "bob")] == "check his title"
        assert notes[(article_id, None, "bob")] == "the source is a press release"
        assert notes[(article_id, None, "alice")] == "ours"
        assert notes[(Document.from_text(OTHER).id, None, "bob")] == "a second source?"
        again = merge_project(store, theirs)
        assert again.notes_added == 0 and again.notes_already_present == 4
        assert not again.changed_anything

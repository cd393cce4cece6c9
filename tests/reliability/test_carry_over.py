"""A corrected article is a new document; `carry-over` re-anchors the old spans on it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.carry_over import Alignment, carry_over, place
from annotator.core.models import Document, Origin, Span
from annotator.core.store import Store

from reliability_support import assert_clean_failure, run_cli, seed_documents

WORD = re.compile(r"\w{4,}")
SEED_DOCUMENTS = seed_documents()

OLD_TEXT = (
    "Meta a proposé 100 M$ à un chercheur, selon Sam Altman. "
    "Meta dément. Andrew Bosworth affirme que Meta n'a rien offert de tel."
)
# The correction adds a lead sentence, rewrites one claim and keeps the rest.
NEW_TEXT = (
    "Mise à jour le 12 juin. "
    "Meta a proposé 100 M$ à un chercheur, selon Sam Altman. "
    "Meta dément formellement. Andrew Bosworth assure que Meta n'a rien offert de tel."
)


def add_pair(store: Store) -> tuple[Document, Document]:
    old, new = Document.from_text(OLD_TEXT), Document.from_text(NEW_TEXT)
    store.add_documents([old, new])
    return old, new


def span_at(
    store: Store, document: Document, quote: str, annotator: str, label: str, nth: int = 0
) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(quote, start + 1)
    return store.add_span(store.make_span(document, annotator, start, start + len(quote), label))


def test_reimporting_a_corrected_article_keeps_the_old_document_and_its_spans(
    store: Store,
) -> None:
    old = Document.from_text(OLD_TEXT)
    store.add_document(old)
    span = span_at(store, old, "Sam Altman", "alice", "person")
    assert store.add_document(Document.from_text(NEW_TEXT)) is True
    assert store.document_count() == 2
    assert store.document(old.id).text == OLD_TEXT
    [kept] = store.spans(old.id)
    assert kept == span and OLD_TEXT[kept.start : kept.end] == "Sam Altman"


def test_spans_follow_their_quote_and_context_onto_the_new_text(store: Store) -> None:
    old, new = add_pair(store)
    third_meta = span_at(store, old, "Meta", "alice", "organisation", nth=2)
    first_meta = span_at(store, old, "Meta", "alice", "organisation", nth=0)
    person = span_at(store, old, "Sam Altman", "bruno", "person")
    rewritten = span_at(store, old, "Andrew Bosworth affirme", "alice", "claim")

    report = carry_over(store, old.id, new.id)

    placed = {item.old.id: item.new for item in report.carried}
    assert set(placed) == {third_meta.id, first_meta.id, person.id}
    assert [span.id for span in report.not_placed] == [rewritten.id]
    # Each "Meta" lands on the occurrence with the same surroundings, not the first one.
    assert placed[first_meta.id].start == NEW_TEXT.index("Meta")
    assert placed[third_meta.id].start == NEW_TEXT.index("Meta n'a")
    for old_span_id, new_span in placed.items():
        assert NEW_TEXT[new_span.start : new_span.end] == new_span.text
        assert new_span.origin == Origin.CARRIED_OVER == "carried-over"
        assert new_span.attrs["carried_over_from"] == old_span_id
    assert {s.annotator for s in store.spans(new.id)} == {"alice", "bruno"}
    assert len(store.spans(old.id)) == 4, "the old document keeps its spans"


def test_a_moved_sentence_is_found_by_its_quote_and_context(store: Store) -> None:
    moved_sentence = "Meta dément avoir offert 100 M$ à un chercheur. "
    other = "Sam Altman affirme que Meta paie des primes énormes. "
    old = Document.from_text(moved_sentence + other + "Fin.")
    new = Document.from_text(other + moved_sentence + "Fin.")
    store.add_documents([old, new])
    moved = span_at(store, old, "Meta", "alice", "organisation", nth=0)
    stayed = span_at(store, old, "Meta", "alice", "organisation", nth=1)
    report = carry_over(store, old.id, new.id)
    placed = {item.old.id: item for item in report.carried}
    assert placed[moved.id].placement.method == "quote"
    assert placed[moved.id].placement.candidates == 2
    assert placed[moved.id].new.start == new.text.index("Meta dément")
    assert placed[stayed.id].new.start == new.text.index("Meta paie")


def test_carrying_over_twice_adds_nothing_the_second_time(store: Store) -> None:
    old, new = add_pair(store)
    span_at(store, old, "Sam Altman", "alice", "person")
    assert len(carry_over(store, old.id, new.id).carried) == 1
    again = carry_over(store, old.id, new.id)
    assert again.carried == [] and len(again.already_there) == 1
    assert len(store.spans(new.id)) == 1


def test_one_annotator_can_be_carried_alone(store: Store) -> None:
    old, new = add_pair(store)
    span_at(store, old, "Sam Altman", "alice", "person")
    span_at(store, old, "Meta", "bruno", "organisation")
    report = carry_over(store, old.id, new.id, annotator="bruno")
    assert [item.new.annotator for item in report.carried] == ["bruno"]
    assert store.span_counts(new.id) == {"bruno": 1}


def test_the_command_lists_the_spans_it_could_not_place(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Store(path) as store:
        old, new = add_pair(store)
        span_at(store, old, "Sam Altman", "alice", "person")
        span_at(store, old, "Andrew Bosworth affirme", "alice", "claim")
    result = run_cli("--db", path, "carry-over", old.id[:10], new.id[:10])
    assert result.exit_code == 0, result.output
    assert "Carried 1 span " in result.output
    assert "Could not place 1 span " in result.output
    assert "'Andrew Bosworth affirme'" in result.output
    with Store(path) as store:
        assert [s.text for s in store.spans(new.id)] == ["Sam Altman"]
    assert_clean_failure(run_cli("--db", path, "carry-over", "zzzz", new.id[:10]), "zzzz")


@st.composite
def edited_article(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[tuple[int, str]]]:
    """A seed article, word spans on it, and insertions that fall outside every span."""
    text = draw(st.sampled_from([document.text for document in SEED_DOCUMENTS]))
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    chosen = sorted(draw(st.sets(st.sampled_from(words), min_size=1, max_size=15)))
    gaps = [0] + [end for _, end in chosen]
    insertions = draw(
        st.lists(
            st.tuples(
                st.sampled_from(gaps), st.text(alphabet="xyz .\n«»é", min_size=1, max_size=40)
            ),
            max_size=6,
            unique_by=lambda item: item[0],
        )
    )
    return text, chosen, sorted(insertions)


# Derandomized: CI must not turn red on a new random draw. The one misplacement found
# so far is pinned below as a known failure until the alignment is mended.
@settings(
    max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(edited_article())
def test_text_inserted_between_spans_never_misplaces_one(
    case: tuple[str, list[tuple[int, int]], list[tuple[int, str]]],
) -> None:
    text, spans, insertions = case
    new_text, shift, expected = text, 0, {}
    for position, inserted in insertions:
        new_text = new_text[: position + shift] + inserted + new_text[position + shift :]
        shift += len(inserted)
    for start, end in spans:
        moved = sum(len(inserted) for position, inserted in insertions if position <= start)
        expected[(start, end)] = (start + moved, end + moved)
    alignment = Alignment(text, new_text)
    for (start, end), (new_start, new_end) in expected.items():
        placement = place(alignment, text, new_text, start, end)
        assert placement is not None
        assert (placement.start, placement.end) == (new_start, new_end), text[start:end]


def test_a_line_break_at_the_top_keeps_a_span_of_the_repeated_title_in_place() -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "002_41f5b11297aff5cc.txt"
    text = Document.from_text(seed.read_text(encoding="utf-8")).text
    start, end = 181, 190  # "tentative", in the title's second copy
    new_text = text
    for position, inserted in [(0, "\n"), (191, "x"), (200, "x"), (388, "x")]:
        new_text = new_text[:position] + inserted + new_text[position:]
    placement = place(Alignment(text, new_text), text, new_text, start, end)
    assert placement is not None
    assert (placement.start, placement.end) == (start + 1, end + 1)


def test_a_letter_added_after_a_span_in_a_repeated_title_keeps_it_in_place() -> None:
    """Seed 002 prints its title twice. A letter typed just after the second "coûté"
    spoils that span's context, and the first title's copy then matches better: the
    diff's own mapping of the span must win over the quote search (found by the
    property test above)."""
    seed = Path(__file__).resolve().parents[2] / "seeds" / "002_41f5b11297aff5cc.txt"
    text = Document.from_text(seed.read_text(encoding="utf-8")).text
    first = text.index("coûté")
    second = text.index("coûté", first + 1)
    new_text = "x" + text[: second + 5] + "é" + text[second + 5 :]
    placement = place(Alignment(text, new_text), text, new_text, second, second + 5)
    assert placement is not None
    assert (placement.start, placement.end) == (second + 1, second + 6)


def test_links_come_along_and_check_stays_clean(tmp_path: Path, build_seed_example) -> None:
    """Seed 000 has 8 spans and 7 links starting from them (two of them to a claim in
    seed 001); its corrected version gets them all, so `annotator check` finds nothing."""
    project = tmp_path / "project.db"
    with Store(project) as store:
        example = build_seed_example(store)
        old = example.documents["000"]
        corrected = Document.from_text(
            old.text.replace("Meta", "Meta Platforms", 1), source=old.source
        )
        store.add_document(corrected)
        old_links = [
            link
            for link in store.links(doc_id=old.id)
            if store.span(link.from_span).doc_id == old.id
        ]
    assert len(old_links) == 7
    result = run_cli("--db", project, "carry-over", old.id[:12], corrected.id[:12])
    assert result.exit_code == 0, result.output
    assert "and 7 of 7 links" in result.output
    with Store(project) as store:
        carried = {span.id: span for span in store.spans(corrected.id)}
        new_links = [
            link for link in store.links(doc_id=corrected.id) if link.from_span in carried
        ]
        assert sorted(link.type for link in new_links) == sorted(link.type for link in old_links)
        for link in new_links:
            target = store.span(link.to_span)
            assert target.doc_id in (corrected.id, example.documents["001"].id)
    result = run_cli("--db", project, "check")
    assert result.exit_code == 0, result.output
    # Carrying again doubles nothing, links included.
    result = run_cli("--db", project, "carry-over", old.id[:12], corrected.id[:12])
    assert result.exit_code == 0, result.output
    assert "and 0 of 7 links (7 were already there)" in result.output


def test_undoing_a_carry_over_takes_its_links_back_and_redo_restores_them(
    store: Store, build_seed_example
) -> None:
    from annotator.core.carry_over import put_back, take_back

    example = build_seed_example(store)
    old = example.documents["000"]
    corrected = Document.from_text(old.text + "\nMis à jour.", source=old.source)
    store.add_document(corrected)
    report = carry_over(store, old.id, corrected.id)
    assert len(report.carried_links) == 7
    removed = take_back(store, report)
    assert store.links(doc_id=corrected.id) == []
    put_back(store, report, removed)
    assert {link.id for link in store.links(doc_id=corrected.id)} == {
        link.id for link in report.carried_links
    }

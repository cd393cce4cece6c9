"""Suggestions: amounts, the project gazetteer, the optional spaCy model, accepting one,
and the evaluation that tells whether they help."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from annotator.core.language import detect, document_language
from annotator.core.models import Document, Origin, Status
from annotator.core.store import Store
from annotator.core.suggestions import suggest
from annotator.core.suggestions.suggest import (
    Suggester,
    SuggestionError,
    accept_suggestion,
    evaluate,
)

FIRST = (
    "Sam Altman, le patron d'OpenAI, affirme que Meta a offert 100 M$ à ses chercheurs. "
    "Chez OpenAI, on dément. Les OpenAIs et Openai n'existent pas. Scale AI et Meta "
    "ont signé pour 49 % du capital, soit 14,3 milliards de dollars."
)
SECOND = (
    "OpenAI perd trois chercheurs au profit de Meta. Sam Altman minimise : selon lui, "
    "Metaverse n'a rien à voir. Meta offrirait jusqu'à 1 milliard de dollars."
)


def add(store: Store, text: str, language: str | None = "fr") -> Document:
    document = Document.from_text(text, language=language)
    store.add_document(document)
    return document


def tag(store: Store, document: Document, text: str, label: str, who: str = "alice", nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(text, start + 1)
    return store.add_span(store.make_span(document, who, start, start + len(text), label))


def found(
    suggestions: list[suggest.Suggestion], origin: str | None = None
) -> list[tuple[int, str, str]]:
    return [
        (s.start, s.text, s.label)
        for s in suggestions
        if origin is None or s.origin == origin
    ]


def test_amounts_are_suggested_with_their_reading(store: Store) -> None:
    first = add(store, FIRST)
    suggestions = Suggester(store, ["amount"]).for_document(first.id, "alice")
    assert [(s.text, s.attrs.get("value"), s.attrs.get("currency")) for s in suggestions] == [
        ("100 M$", 100_000_000, "USD"),
        ("49 %", 49, None),
        ("14,3 milliards de dollars", 14_300_000_000, "USD"),
    ]
    assert {s.origin for s in suggestions} == {"suggested:amount"}
    assert all(first.text[s.start : s.end] == s.text for s in suggestions)


def test_an_entity_tagged_once_is_proposed_at_every_other_whole_word(store: Store) -> None:
    first, second = add(store, FIRST), add(store, SECOND)
    tag(store, first, "OpenAI", "organisation")
    tag(store, first, "Sam Altman", "person", who="bob")  # anyone's tags feed the gazetteer
    suggester = Suggester(store, ["gazetteer"])

    in_first = found(suggester.for_document(first.id, "alice"))
    openai_second = first.text.index("OpenAI", first.text.index("Chez"))
    # The tagged one is not proposed again; "OpenAIs" and "Openai" are other words.
    assert in_first == [
        (0, "Sam Altman", "person"),
        (openai_second, "OpenAI", "organisation"),
    ]
    in_second = found(suggester.for_document(second.id, "alice"))
    assert in_second == [
        (0, "OpenAI", "organisation"),
        (second.text.index("Sam Altman"), "Sam Altman", "person"),
    ]


def test_the_gazetteer_prefers_the_longest_name_and_never_splits_words(store: Store) -> None:
    first = add(store, FIRST)
    tag(store, first, "Meta", "organisation")
    tag(store, first, "Scale AI", "organisation")
    other = add(store, "Scale recrute.")
    tag(store, other, "Scale", "organisation", who="bob")
    fresh = add(store, "Scale AI et Scale recrutent ; le Metaverse de Meta attendra.")
    suggestions = Suggester(store, ["gazetteer"]).for_document(fresh.id, "alice")
    assert [s.text for s in suggestions] == ["Scale AI", "Scale", "Meta"]
    assert all(fresh.text[s.start : s.end] == s.text for s in suggestions)


def test_suggestions_do_not_repeat_or_overlap_the_annotators_spans(store: Store) -> None:
    first = add(store, FIRST)
    tag(store, first, "OpenAI", "organisation", nth=1)
    tag(store, first, "Scale AI", "organisation")
    tag(store, first, "100 M$", "amount")
    # "Scale" alone, tagged elsewhere, must not be proposed inside the "Scale AI" span.
    second = add(store, "Scale recrute. " + SECOND)
    tag(store, second, "Scale", "organisation", who="bob")
    suggestions = Suggester(store, ["amount", "gazetteer"]).for_document(first.id, "alice")
    keys = {(s.start, s.end, s.label) for s in suggestions}
    mine = {(s.start, s.end, s.label) for s in store.spans(first.id, "alice")}
    assert not keys & mine
    assert "Scale" not in [s.text for s in suggestions]
    assert "100 M$" not in [s.text for s in suggestions]
    assert [s.text for s in suggestions if s.label == "organisation"] == ["OpenAI"]


def test_a_name_tagged_with_two_labels_goes_to_the_more_frequent_one(store: Store) -> None:
    first, second = add(store, FIRST), add(store, SECOND)
    tag(store, first, "Meta", "organisation", who="alice")
    tag(store, first, "Meta", "organisation", who="bob")
    tag(store, first, "Meta", "person", who="carol")
    suggestion = Suggester(store, ["gazetteer"]).for_document(second.id, "dave")[0]
    assert (suggestion.text, suggestion.label) == ("Meta", "organisation")
    assert suggestion.score == pytest.approx(2 / 3)


def test_lowercase_entries_are_not_proposed(store: Store) -> None:
    first, second = add(store, FIRST), add(store, "selon lui, la société paie. " + SECOND)
    tag(store, first, "le patron", "person")
    assert Suggester(store, ["gazetteer"]).for_document(second.id, "alice") == []


def test_accepting_a_suggestion_stores_a_span_with_origin_and_attrs(store: Store) -> None:
    first = add(store, FIRST)
    suggester = Suggester(store, ["amount"])
    proposal = suggester.for_document(first.id, "alice")[0]
    span = accept_suggestion(store, proposal, "alice")
    stored = store.spans(first.id, "alice")
    assert [(s.text, s.label, s.origin, s.attrs) for s in stored] == [
        ("100 M$", "amount", Origin.SUGGESTED_AMOUNT.value, proposal.attrs)
    ]
    assert stored[0].id == span.id
    assert store.status(first.id, "alice") == Status.IN_PROGRESS
    assert proposal not in suggester.for_document(first.id, "alice")


def test_a_suggestion_that_no_longer_fits_is_refused(store: Store) -> None:
    first = add(store, FIRST)
    proposal = Suggester(store, ["amount"]).for_document(first.id, "alice")[0]
    stale = proposal.model_copy(update={"text": "200 M$"})
    with pytest.raises(SuggestionError, match="no longer matches"):
        accept_suggestion(store, stale, "alice")
    assert store.spans(first.id) == []


def test_the_gazetteer_is_rebuilt_only_when_entity_spans_change(store: Store) -> None:
    first, second = add(store, FIRST), add(store, SECOND)
    span = tag(store, first, "OpenAI", "organisation")
    suggester = Suggester(store, ["gazetteer"])
    for _ in range(3):
        suggester.for_document(second.id, "alice")
    assert suggester.gazetteer_cache.builds == 1
    tag(store, first, "49 %", "amount")  # not an entity: no rebuild
    suggester.for_document(second.id, "alice")
    assert suggester.gazetteer_cache.builds == 1
    store.update_span(span.id, label="person")
    assert found(suggester.for_document(second.id, "alice")) == [(0, "OpenAI", "person")]
    store.delete_span(span.id)
    assert suggester.for_document(second.id, "alice") == []
    assert suggester.gazetteer_cache.builds == 3


def test_a_relabel_in_the_same_millisecond_as_the_tag_still_rebuilds_the_gazetteer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clock that does not move between the tag and its relabel (a fast machine, a
    coarse clock): the edit alone must show in what the gazetteer is keyed on."""
    import annotator.core.store as store_module

    monkeypatch.setattr(store_module, "utc_now", lambda: "2026-12-02T00:00:00.000Z")
    first, second = add(store, FIRST), add(store, SECOND)
    span = tag(store, first, "OpenAI", "organisation")
    suggester = Suggester(store, ["gazetteer"])
    store.update_span(span.id, label="person")
    assert found(suggester.for_document(second.id, "alice")) == [(0, "OpenAI", "person")]
    store.update_span(span.id, label="organisation")  # the same edit time as the last
    assert found(suggester.for_document(second.id, "alice")) == [(0, "OpenAI", "organisation")]


def test_unknown_suggesters_are_refused(store: Store) -> None:
    with pytest.raises(SuggestionError, match="unknown suggester spelling"):
        Suggester(store, ["amount", "spelling"])


def test_the_model_suggester_is_reported_unavailable_without_spacy(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "spacy" else real_find_spec(name, *args),
    )
    suggester = Suggester(store, ["amount", "model"])
    assert suggester.suggesters == ["amount"]
    assert "suggest-model" in suggester.unavailable["model"]


@pytest.mark.skipif(
    suggest.model_unavailable_reason() is not None, reason="spaCy's fr_core_news_sm not installed"
)
def test_the_model_proposes_people_and_organisations(store: Store) -> None:
    document = add(store, "Mark Zuckerberg a rencontré les dirigeants de Microsoft à Paris.")
    suggestions = Suggester(store, ["model"]).for_document(document.id, "alice")
    labels = {s.text: s.label for s in suggestions}
    assert labels.get("Mark Zuckerberg") == "person"
    assert labels.get("Microsoft") == "organisation"
    assert "Paris" not in labels  # LOC has no label in the project
    assert {s.origin for s in suggestions} == {"suggested:model"}


def test_a_3kb_article_gets_its_suggestions_in_a_few_milliseconds(
    store: Store, seeds_dir: Path
) -> None:
    documents = [
        add(store, path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))
    ]
    tag(store, documents[0], "OpenAI", "organisation")
    tag(store, documents[0], "Sam Altman", "person")
    article = min(documents, key=lambda d: abs(len(d.text) - 3000))
    suggester = Suggester(store, ["amount", "gazetteer"])
    suggester.for_document(article.id, "alice")
    started = time.perf_counter()
    for _ in range(20):
        suggester.for_document(article.id, "alice")
    per_call = (time.perf_counter() - started) / 20
    # Measured about 2.5 ms; the bound only catches a change of order of magnitude.
    assert per_call < 0.05


def test_the_language_is_detected_once_and_stored_and_a_user_choice_wins(
    store: Store, seeds_dir: Path
) -> None:
    text = (seeds_dir / "001_0628ff97c4024806.txt").read_text(encoding="utf-8")
    document = add(store, text, language=None)
    assert document_language(store, document) == "fr"
    assert store.document(document.id).language == "fr"
    store.set_language(document.id, "en")
    assert document_language(store, store.document(document.id)) == "en"
    english = "Meta offered signing bonuses of $100m to OpenAI researchers, Altman said."
    assert detect(english) == "en"
    assert detect("100 M$") is None  # too little text to tell


def test_billion_is_read_in_the_documents_language(store: Store) -> None:
    french = add(store, "Meta vaut 2 billions de dollars selon le Financial Times.", "fr")
    english = add(store, "Meta is worth 2 billion dollars, the Financial Times says.", "en")
    suggester = Suggester(store, ["amount"])
    assert suggester.for_document(french.id, "a")[0].attrs["value"] == 2 * 10**12
    assert suggester.for_document(english.id, "a")[0].attrs["value"] == 2 * 10**9


def test_evaluation_counts_exact_matches_and_leaves_the_document_out(store: Store) -> None:
    first, second = add(store, FIRST), add(store, SECOND)
    # alice tags the first article: both OpenAI, one amount exactly, one too short.
    tag(store, first, "OpenAI", "organisation")
    tag(store, first, "OpenAI", "organisation", nth=1)
    tag(store, first, "100 M$", "amount")
    tag(store, first, "14,3 milliards", "amount")
    store.set_status(second.id, "alice", Status.DONE)  # read, nothing to tag
    # bob's tag in the second article is what the first article's gazetteer knows.
    tag(store, second, "Meta", "organisation", who="bob")

    evaluation = evaluate(store, "alice", ["amount", "gazetteer"])
    rows = {(r.suggester, r.label): r for r in evaluation.rows}

    amount = rows[("amount", "amount")]
    assert (amount.suggested, amount.correct, amount.overlapping, amount.spans) == (4, 1, 2, 2)
    assert amount.precision == 0.25 and amount.recall == 0.5
    gazetteer = rows[("gazetteer", "organisation")]
    # Built without the first article it knows only bob's "Meta": alice's OpenAIs are
    # not found and the first article's two Metas count against it (alice tagged no
    # Meta); built without the second, it proposes that article's OpenAI, also wrong.
    assert (gazetteer.suggested, gazetteer.correct, gazetteer.spans) == (3, 0, 2)
    in_order = rows[(suggest.READING_ORDER, "organisation")]
    # Reading top to bottom, the second OpenAI is proposed once the first is tagged.
    assert (in_order.suggested, in_order.correct) == (4, 1)


def test_suggestions_overlapping_a_span_or_an_earlier_suggestion_are_left_out() -> None:
    """Whatever the nesting, a suggestion is kept exactly when it overlaps no span of its
    label (person and organisation together) and no suggestion kept before it."""
    import random

    from annotator.core.models import Span
    from annotator.core.suggestions.suggest import Suggestion, without_existing

    rng = random.Random(5)
    labels = ["person", "organisation", "amount"]
    group = {"person": "entity", "organisation": "entity", "amount": "amount"}

    def ranges(count: int) -> list[tuple[int, int, str]]:
        found = []
        for _ in range(count):
            start = rng.randrange(0, 400)
            found.append((start, start + rng.randint(1, 30), rng.choice(labels)))
        return found

    spans = [
        Span(id=f"s{i}", doc_id="d", annotator="alice", start=s, end=e, label=label, text="x")
        for i, (s, e, label) in enumerate(ranges(40))
    ]
    suggestions = [
        Suggestion(doc_id="d", start=s, end=e, label=label, text="x", origin="suggested:gazetteer")
        for s, e, label in ranges(300)
    ]
    expected, taken = [], [(group[s.label], s.start, s.end) for s in spans]
    for suggestion in suggestions:
        mine = group[suggestion.label]
        if any(g == mine and suggestion.start < e and s < suggestion.end for g, s, e in taken):
            continue
        taken.append((mine, suggestion.start, suggestion.end))
        expected.append(suggestion)
    expected.sort(key=lambda s: (s.start, -s.end, s.label))
    assert without_existing(suggestions, spans) == expected
    assert 0 < len(expected) < len(suggestions)


def test_the_part_on_screen_gets_the_suggestions_the_whole_article_has_there(
    store: Store,
) -> None:
    """A long article shows the suggestions around what is on screen first: the same
    ones, at the same offsets, as the whole article's list has in those paragraphs."""
    text = "\n\n".join([FIRST, SECOND, FIRST])
    document = add(store, text)
    tag(store, document, "OpenAI", "organisation")
    suggester = Suggester(store, ["amount", "gazetteer"])
    whole = suggester.for_document(document.id, "alice")
    middle = text.index(SECOND)
    shown = suggester.for_document(document.id, "alice", within=(middle + 5, middle + 10))
    assert shown == [s for s in whole if middle <= s.start < middle + len(SECOND)]
    assert shown and all(text[s.start : s.end] == s.text for s in shown)

"""Word snapping: a rough drag becomes the words the journalist meant."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text.selection import move_edge, snap, snap_to_words, trim_spaces

TEXT = (
    "Selon le PDG d’OpenAI, Sam Altman, Meta aurait offert « 100 millions $ » "
    "à des chercheurs (RSU comprises), soit 15 % de plus ; Jean-Pierre a dit : "
    "“prime de signature”."
)


def selected(text: str, start: int, end: int) -> str | None:
    snapped = snap_to_words(text, start, end)
    return None if snapped is None else text[snapped[0] : snapped[1]]


def span_of(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def test_half_words_widen_to_whole_words() -> None:
    start = TEXT.index("Altman") + 2  # "tman"
    end = TEXT.index("Meta") + 2  # "Me"
    assert selected(TEXT, start, end) == "Altman, Meta"


def test_spaces_and_punctuation_around_are_dropped() -> None:
    start, end = span_of(TEXT, ", Sam Altman, ")
    assert selected(TEXT, start, end) == "Sam Altman"


def test_an_elided_article_is_not_part_of_the_name() -> None:
    start = TEXT.index("OpenAI") + 3
    assert selected(TEXT, start, start + 1) == "OpenAI"


def test_hyphenated_names_stay_whole() -> None:
    start = TEXT.index("Pierre") + 1
    assert selected(TEXT, start, start + 2) == "Jean-Pierre"


def test_currency_sign_stays_with_its_amount() -> None:
    start, end = span_of(TEXT, "100 millions $")
    assert selected(TEXT, start, end) == "100 millions $"
    # Selecting only the number and its magnitude word brings the sign along.
    start, end = span_of(TEXT, "100 milli")
    assert selected(TEXT, start, end) == "100 millions $"


def test_percent_sign_stays_with_its_number() -> None:
    start, end = span_of(TEXT, "15")
    assert selected(TEXT, start, end) == "15 %"
    assert selected("un taux de 3,5% par an", 11, 13) == "3,5%"


def test_leading_currency_sign_is_kept() -> None:
    text = "il touche $100 par jour"
    start, end = span_of(text, "100")
    assert selected(text, start, end) == "$100"


def test_guillemets_are_dropped_unless_both_are_inside() -> None:
    start, end = span_of(TEXT, "« 100 millions $ »")
    assert selected(TEXT, start, end) == "« 100 millions $ »"
    start, end = span_of(TEXT, "100 millions $ »")
    assert selected(TEXT, start, end) == "100 millions $"


def test_closing_bracket_kept_only_when_opened_inside() -> None:
    start, end = span_of(TEXT, "chercheurs (RSU comprises),")
    assert selected(TEXT, start, end) == "chercheurs (RSU comprises)"
    start, end = span_of(TEXT, "RSU comprises),")
    assert selected(TEXT, start, end) == "RSU comprises"


def test_quoted_phrase_without_final_full_stop() -> None:
    start, end = span_of(TEXT, "“prime de signature”.")
    assert selected(TEXT, start, end) == "“prime de signature”"


def test_emoji_and_accents_before_a_word_do_not_shift_it() -> None:
    text = "Cafe\u0301 👩‍💻 🚀 Élodie paie 100 €."
    start, end = span_of(text, "lodie pa")
    assert selected(text, start, end) == "Élodie paie"
    start, end = span_of(text, "100 €.")
    assert selected(text, start, end) == "100 €"
    start = text.index("e\u0301")
    assert selected(text, start, start + 1) == "Cafe\u0301"


def test_a_selection_of_only_punctuation_is_nothing() -> None:
    assert selected(TEXT, *span_of(TEXT, " ; ")) is None
    assert snap_to_words(TEXT, 5, 5) is None


def test_character_precision_keeps_the_selection_but_not_its_spaces() -> None:
    start, end = span_of(TEXT, " Altm")
    assert snap(TEXT, start, end, by_word=False) == (start + 1, end)
    assert trim_spaces(TEXT, start, start + 1) is None


def test_moving_the_end_by_word_and_by_character() -> None:
    start, end = span_of(TEXT, "Sam")
    assert move_edge(TEXT, start, end, "end", "right", by_word=True) == span_of(TEXT, "Sam Altman")
    assert move_edge(TEXT, start, end, "end", "right", by_word=False) == (start, end + 1)
    assert move_edge(TEXT, start, end, "end", "left", by_word=True) is None  # would be empty
    long_start, long_end = span_of(TEXT, "Sam Altman")
    assert move_edge(TEXT, long_start, long_end, "end", "left", by_word=True) == (start, end)


def test_moving_the_start_by_word() -> None:
    start, end = span_of(TEXT, "Altman")
    assert move_edge(TEXT, start, end, "start", "left", by_word=True) == span_of(TEXT, "Sam Altman")
    wide = span_of(TEXT, "Sam Altman")
    assert move_edge(TEXT, *wide, "start", "right", by_word=True) == (start, end)


def test_moving_by_character_never_splits_an_accent_or_an_emoji() -> None:
    text = "Cafe\u0301 👩‍💻 ici"
    start = 0
    end = text.index("e\u0301") + 1  # between "e" and its accent: not a boundary
    moved = move_edge(text, start, end - 1, "end", "right", by_word=False)
    assert moved == (0, end + 1)
    emoji_start = text.index("👩")
    moved = move_edge(text, 0, emoji_start, "end", "right", by_word=False)
    assert moved is not None and text[emoji_start : moved[1]] == "👩‍💻"


@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_snapped_spans_are_inside_the_text_and_never_empty(
    text: str, start: int, end: int, by_word: bool
) -> None:
    snapped = snap(text, start, end, by_word)
    if snapped is not None:
        new_start, new_end = snapped
        assert 0 <= new_start < new_end <= len(text)
        assert not text[new_start].isspace() and not text[new_end - 1].isspace()


@pytest.mark.parametrize("by_word", [True, False])
def test_snapping_a_snapped_span_changes_nothing(by_word: bool) -> None:
    for fragment in ("Sam Altman", "100 millions $", "Jean-Pierre", "chercheurs (RSU comprises)"):
        start, end = span_of(TEXT, fragment)
        assert snap(TEXT, start, end, by_word) == (start, end)


@pytest.mark.parametrize(
    ("phrase", "taken", "meant"),
    [
        ("le PDG d’OpenAI, Sam", "d’OpenAI", "OpenAI"),
        ("la stratégie de l’entreprise", "l’entreprise", "entreprise"),
        ("parce qu’OpenAI a dit", "qu’OpenAI", "OpenAI"),
        ("lorsqu’Altman parle", "lorsqu’Altman", "Altman"),
        ("puisqu’elle paie", "puisqu’elle", "elle"),
        ("jusqu’à 100 millions $", "jusqu’à 100 millions $", "à 100 millions $"),
        ("il n’a pas", "n’a", "a"),
        ("c’est faux", "c’est faux", "est faux"),
        ("un montant d’1,5 million", "d’1,5 million", "1,5 million"),
        ("le PDG d'OpenAI, Sam", "d'OpenAI", "OpenAI"),
        ("L’entreprise a dit", "L’entreprise", "entreprise"),
        # Names that begin with a capital elision stay whole.
        ("chez L’Oréal", "L’Oréal", "L’Oréal"),
        ("D’Artagnan arrive", "D’Artagnan", "D’Artagnan"),
    ],
)
def test_a_french_elision_is_not_part_of_the_word_after_it(
    phrase: str, taken: str, meant: str
) -> None:
    # "taken" is what a double-click or a drag from the elision gives.
    assert selected(phrase, *span_of(phrase, taken)) == meant


@pytest.mark.parametrize(
    ("passage", "meant"),
    [
        # The apostrophe of n’avons does not close the ‘: the quote is not closed.
        ("‘Nous n’avons rien", "Nous n’avons rien"),
        ("‘Nous n’avons rien’", "‘Nous n’avons rien’"),
        ("« Nous ne paierons pas »,", "« Nous ne paierons pas »"),
        ("« Nous ne paierons pas", "Nous ne paierons pas"),
        ("Nous ne paierons pas »", "Nous ne paierons pas"),
        ("'It's false", "It's false"),
        # A final full stop stays only inside the quote the user selected.
        ("« Nous ne paierons pas. »", "« Nous ne paierons pas. »"),
        ("“We will not pay.”", "“We will not pay.”"),
        ("“We will not pay.", "We will not pay"),
        ("We will not pay.", "We will not pay"),
    ],
)
def test_quotes_stay_balanced_both_in_or_both_out(passage: str, meant: str) -> None:
    assert selected(passage, 0, len(passage)) == meant

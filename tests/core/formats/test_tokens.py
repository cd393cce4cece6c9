"""The one tokeniser of the token exports and of agreement: words as a French reader
(and spaCy's French tokeniser) cuts them, user-perceived characters whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats.tokens import (
    AlignMode,
    Fit,
    TextTokens,
    TokenIndex,
    sentence_starts,
    tokenize,
)
from annotator.core.review.agreement import token_starts

WHOLE_WORDS = ["aujourd’hui", "aujourd'hui", "porte-parole", "États-Unis", "c’est-à-dire"]


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


@pytest.mark.parametrize("word", WHOLE_WORDS)
def test_french_words_stay_whole(word: str) -> None:
    assert words(f"Le {word} parle.") == ["Le", word, "parle", "."]


def test_whole_words_agree_with_spacy_french() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    sentence = "Aujourd’hui, le porte-parole des États-Unis a parlé à l’État : peut-être."
    assert words(sentence) == [token.text for token in nlp(sentence)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’État", ["l’", "État"]),
        ("L'Élysée", ["L'", "Élysée"]),
        ("jusqu’à", ["jusqu’", "à"]),
        ("qu’il", ["qu’", "il"]),
        ("d’Orsay", ["d’", "Orsay"]),
        ("prud’hommes", ["prud’hommes"]),
        ("dit-il", ["dit", "-", "il"]),
        ("a-t-il", ["a", "-", "t", "-", "il"]),
        ("2020-2021", ["2020", "-", "2021"]),
        ("de 3-7 M€", ["de", "3", "-", "7", "M", "€"]),
        ("COVID-19", ["COVID-19"]),
        ("Altman’s", ["Altman", "’s"]),
        ("« Meta »", ["«", "Meta", "»"]),
        ("1,5 million", ["1,5", "million"]),
        ("👩\u200d💻 🇫🇷 de\u0301ment", ["👩\u200d💻", "🇫🇷", "de\u0301ment"]),
    ],
)
def test_elisions_clitics_and_numbers(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_agreement_counts_the_same_tokens(seeds_dir) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        seed = path.read_text(encoding="utf-8")
        assert token_starts(seed).tolist() == [token.start for token in tokenize(seed)]
    assert len(token_starts("Aujourd’hui, c’est-à-dire au porte-parole")) == 5


PIECES = ["l’", "d'", "qu’", "jusqu'", "C’est-à-dire", "c'est-à-dire", "’s", "’T", "-t-il", "-on",
          "-", "’", "'", ",", ".", "1", "2", "a", "É", "s", "il", " ", "\n", "_", "\u0301",
          "\u200d", "😊", "🇫", "\ufe0f", "\u00a0", "\u200b", "x", "🏴", "\U000e0067",
          "\U000e007f", "🏽"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join) | st.text())
def test_tokens_cover_every_visible_character_once(text: str) -> None:
    tokens = tokenize(text)
    position = 0
    for token in tokens:
        assert token.start >= position and text[token.start : token.end] == token.text
        assert text[position : token.start].strip() == "" or all(
            not char.isprintable() or char.isspace() for char in text[position : token.start]
        )
        position = token.end
    assert token_starts(text).tolist() == [token.start for token in tokens]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join) | st.text(),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8),
)
def test_the_exporters_tokens_and_alignment_are_the_tokenisers(
    text: str, ranges: list[tuple[int, int]]
) -> None:
    """The token formats tokenise each text once and align all its spans at once: the
    tokens, sentences and alignments are those of ``tokenize`` and ``TokenIndex``."""
    tokens = tokenize(text)
    made = TextTokens(text)
    assert made.tokens() == tokens
    assert made.sentence_starts() == sentence_starts(text, tokens)
    keep = [(i, i + 2) for i in range(0, len(tokens) - 2, 3)]
    assert made.sentence_starts(keep) == sentence_starts(text, tokens, keep)
    spans = [(s, min(s + n, len(text))) for s, n in ranges if s < len(text)]
    index = TokenIndex(tokens)
    fits = {"exact": Fit.EXACT, "trimmed": Fit.TRIMMED, "expanded": Fit.EXPANDED}
    for mode in AlignMode:
        aligned = made.align([s for s, _ in spans], [e for _, e in spans], mode)
        for i, (start, end) in enumerate(spans):
            one = index.align(start, end, mode)
            if one is None:
                assert aligned.fit[i] == Fit.DROPPED
                continue
            assert aligned.fit[i] == fits[one.change]
            assert aligned.token_start[i] == one.token_start
            assert aligned.token_end[i] == one.token_end
            assert (aligned.start[i], aligned.end[i]) == (one.start, one.end)

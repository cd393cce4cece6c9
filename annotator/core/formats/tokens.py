"""Tokens and sentences for the token-based formats, and span-to-token alignment.

CoNLL, Hugging Face and Prodigy files carry tokens, so a span must start and end on
token boundaries to fit. This tokeniser is ours (no spaCy needed), deterministic, and
keeps user-perceived characters whole: a combining accent, an emoji with its skin tone
or a ZWJ family never splits from its base. Offsets are code points, like the store's.

Alignment follows spaCy's ``Doc.char_span(alignment_mode=...)``: ``strict`` keeps only
spans that already fit, ``contract`` shrinks a span to the tokens wholly inside it,
``expand`` grows it to every token it touches.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

ZWJ = "\u200d"
APOSTROPHES = "'\u2019"
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})

ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "c", "d", "j", "l", "m", "n", "s", "t")
"""French words elided before a vowel: "l’État" is ``l’`` ``État``, as spaCy cuts it.
Any other apostrophe between letters is inside a word: "aujourd’hui", "prud’hommes"."""
ENGLISH_CLITICS = ("s", "re", "ve", "ll", "d", "m", "t")
""""Altman’s" is ``Altman`` ``’s``, as spaCy's English tokeniser cuts it."""
INVERTED_PRONOUNS = ("il", "ils", "elle", "elles", "on", "je", "tu")
"""A hyphen joins the parts of a compound ("porte-parole", "États-Unis") but not a verb
and its inverted subject: "dit-il", "a-t-il"."""
LOCUTIONS = ("c’est-à-dire",)
"""Written as one word's worth of meaning; spaCy's French rules would cut them."""


class AlignMode(StrEnum):
    STRICT = "strict"
    CONTRACT = "contract"
    EXPAND = "expand"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    ws: bool
    """True when whitespace follows the token (Prodigy's and spaCy's ``ws``)."""


def _is_separator(char: str) -> bool:
    # No-break and thin spaces are spaces (str.isspace says so); invisible format
    # characters other than ZWJ separate tokens too, so no token is invisible.
    return char.isspace() or (char != ZWJ and unicodedata.category(char) in ("Cf", "Cc"))


def _is_extension(char: str) -> bool:
    """A character that belongs to the one before it: marks, selectors, skin tones."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


# Every mark, format and control character lies in these planes (tags and variation
# selectors supplement at the start of plane 14).
_SCANNED = (range(0x20000), range(0xE0000, 0xE0200))


def _char_class(test: Callable[[str], bool]) -> str:
    """A regular expression character class of the code points ``test`` accepts."""
    ranges: list[tuple[int, int]] = []
    for block in _SCANNED:
        for code in block:
            if test(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def token_pattern() -> re.Pattern[str]:
    """The tokeniser as one regular expression: matched in C, which lets agreement cut
    10,000 articles into tokens as fast as its vectorised counting needs."""
    separator = _char_class(_is_separator)
    extension = f"(?:[{_char_class(_is_extension)}]|{ZWJ}[^{separator}]?)*"
    apostrophe = f"[{APOSTROPHES}]"
    clitic = f"(?i:{_alternatives(ENGLISH_CLITICS)})(?!\\w)"
    pronoun = f"(?:t-)?(?i:{_alternatives(INVERTED_PRONOUNS)})(?!\\w)"
    word = (
        f"\\w{extension}(?:"
        f"\\w{extension}"
        f"|(?<=\\d)[.,](?=\\d)"  # 1,5 and 3.14 stay whole
        f"|{apostrophe}(?!{clitic})(?=\\w)"  # aujourd’hui
        f"|(?<=[^\\W\\d_])[-\u2010](?!{pronoun})(?=\\w)"  # porte-parole, COVID-19
        ")*"
    )
    locution = "|".join(re.escape(text).replace("’", apostrophe) for text in LOCUTIONS)
    return re.compile(
        "|".join(
            [
                f"(?i:{locution})(?!\\w)",
                f"(?<!\\w)(?i:{_alternatives(ELISIONS)}){apostrophe}(?=\\w)",
                f"(?<=\\w){apostrophe}{clitic}",
                word,
                f"[\U0001F1E6-\U0001F1FF]{{2}}{extension}",  # a flag: two regional indicators
                f"[^{separator}]{extension}",
            ]
        )
    )


def tokenize(text: str) -> list[Token]:
    """Words (with their accents, elisions cut as French cuts them), numbers, and each
    other visible character with what belongs to it (an emoji with its skin tone)."""
    # A space after the text's last token: the text's end is no space.
    spaced = text + "x"
    return [
        Token(match.group(), match.start(), match.end(), spaced[match.end()].isspace())
        for match in token_pattern().finditer(text)
    ]


def sentence_starts(
    text: str, tokens: Sequence[Token], keep_together: Sequence[tuple[int, int]] = ()
) -> list[int]:
    """Token indices where sentences begin: after . ! ? … and at line breaks.

    A boundary that would fall inside one of ``keep_together`` (token index ranges,
    end exclusive) is skipped: a BIO sequence must not start inside a span.
    """
    blocked: set[int] = set()
    for first, last in keep_together:
        blocked.update(range(first + 1, last))
    starts = [0] if tokens else []
    for i in range(1, len(tokens)):
        previous = tokens[i - 1]
        gap = text[previous.end : tokens[i].start]
        ends_sentence = previous.text in SENTENCE_ENDS or "\n" in gap
        if ends_sentence and i not in blocked:
            starts.append(i)
    return starts


@dataclass(frozen=True)
class Alignment:
    token_start: int
    token_end: int
    """Exclusive."""
    start: int
    end: int
    """The aligned character offsets (code points)."""
    change: str
    """'exact', 'trimmed' (now inside the span) or 'expanded' (reaches past it)."""


class TokenIndex:
    """Finds the tokens under a character range in O(log n)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = list(tokens)
        self._starts = [token.start for token in self.tokens]
        self._ends = [token.end for token in self.tokens]

    def align(self, start: int, end: int, mode: AlignMode | str) -> Alignment | None:
        """The token range for ``start:end`` under ``mode``, or None if it cannot fit."""
        mode = AlignMode(mode)
        # Tokens wholly inside, and tokens touching the range.
        inside_first = bisect_left(self._starts, start)
        inside_last = bisect_right(self._ends, end)
        touch_first = bisect_right(self._ends, start)
        touch_last = bisect_left(self._starts, end)
        if mode is AlignMode.EXPAND:
            first, last = touch_first, touch_last
        else:
            first, last = inside_first, inside_last
        if first >= last:
            return None
        aligned_start, aligned_end = self.tokens[first].start, self.tokens[last - 1].end
        if (aligned_start, aligned_end) == (start, end):
            change = "exact"
        elif mode is AlignMode.STRICT:
            return None  # like spaCy: strict accepts no change at all
        elif start <= aligned_start and aligned_end <= end:
            change = "trimmed"  # only whitespace or cut token parts were left out
        else:
            change = "expanded"
        return Alignment(first, last, aligned_start, aligned_end, change)

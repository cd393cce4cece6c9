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

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

ZWJ = "\u200d"
APOSTROPHES = "'\u2019"
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


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


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _extend(text: str, i: int) -> int:
    """Past the marks, selectors and ZWJ-joined characters that belong at ``i - 1``."""
    n = len(text)
    while i < n:
        if _is_extension(text[i]):
            i += 1
        elif text[i] == ZWJ:
            i += 1
            if i < n and not _is_separator(text[i]):
                i += 1
        else:
            break
    return i


def tokenize(text: str) -> list[Token]:
    """Words (with their accents), numbers, and each other visible character."""
    tokens: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        if _is_separator(text[i]):
            i += 1
            continue
        start = i
        if _is_word(text[i]):
            i = _extend(text, i + 1)
            while i < n:
                char = text[i]
                if _is_word(char):
                    i = _extend(text, i + 1)
                elif char in APOSTROPHES and i + 1 < n and _is_word(text[i + 1]):
                    i += 1  # French elision: "l'" and "État" are two tokens
                    break
                elif char in ".," and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit():
                    i += 1  # 1,5 and 3.14 stay whole
                else:
                    break
        else:
            if (
                _is_regional_indicator(text[i])
                and i + 1 < n
                and _is_regional_indicator(text[i + 1])
            ):
                i += 1  # a flag is two regional indicators
            i = _extend(text, i + 1)
        tokens.append(Token(text[start:i], start, i, i < n and text[i].isspace()))
    return tokens


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

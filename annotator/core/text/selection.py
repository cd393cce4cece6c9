"""Turning a rough selection into the span a journalist meant.

A drag rarely starts and ends exactly on word edges: it catches half a word, the space
before it or the comma after it. ``snap_to_words`` widens a selection to whole words,
then drops the spaces and punctuation around it, but keeps what belongs to the words:
a currency or percent sign next to an amount, and quotes and brackets in pairs (both in
or both out; a final full stop stays only inside them). A French elision before the
first word goes: "d’OpenAI" is "OpenAI". ``trim_spaces`` is the character-precise
alternative.

All offsets are code points into the document text, end exclusive.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Edge = Literal["start", "end"]
Direction = Literal["left", "right"]

OPENING_TO_CLOSING = {
    "(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "‘": "’", "‹": "›",
}  # fmt: skip
CLOSING_TO_OPENING = {closing: opening for opening, closing in OPENING_TO_CLOSING.items()}
SYMMETRIC_QUOTES = frozenset({'"', "'"})
APOSTROPHES = frozenset("’'")
# French words that lose their vowel before the next word (d’OpenAI, jusqu’à); longest
# first, so "jusqu" is tried before "qu".
ELISIONS = ("lorsqu", "puisqu", "jusqu", "qu", "d", "l", "n", "s", "c", "j", "m", "t")

# Joined to the characters on both sides, these stay inside a word: Jean-Pierre.
# The apostrophe is left out on purpose: "d’OpenAI" must snap to "OpenAI"
# (and a double-click that takes "d’OpenAI" whole loses the elision, ELISIONS).
WORD_JOINERS = frozenset("-‐‑")
# Between two digits, these belong to the number: 1,5 / 3.14 / 100 000.
NUMBER_JOINERS = frozenset(".,\u00a0\u202f\u2009")
# Emoji sequences: zero-width joiner, variation selectors, skin tones.
EMOJI_JOINERS = frozenset("\u200d\ufe0e\ufe0f")
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2009")
UNIT_SIGNS = frozenset("%‰‱")
# An amount often ends with a word and then its currency: "100 millions $".
MAGNITUDE_WORDS = frozenset(
    {
        "mille",
        "milles",
        "million",
        "millions",
        "milliard",
        "milliards",
        "billion",
        "billions",
        "thousand",
        "k",
        "m",
        "md",
        "mds",
        "bn",
        "mn",
        "mrd",
        "mrds",
    }
)
SIGNS_BEFORE_NUMBERS = frozenset("+-−±~≈")


def is_word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        category[0] in "LNM"
        or category in ("So", "Pc")
        or char in EMOJI_JOINERS
        or 0x1F3FB <= ord(char) <= 0x1F3FF
    )


def is_unit_sign(char: str) -> bool:
    return char in UNIT_SIGNS or unicodedata.category(char) == "Sc"


def in_word(text: str, index: int) -> bool:
    """Whether ``text[index]`` is part of a word (joiners count when between words)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if is_word_char(char):
        return True
    if 0 < index < len(text) - 1:
        before, after = text[index - 1], text[index + 1]
        if char in WORD_JOINERS:
            return is_word_char(before) and is_word_char(after)
        if char in NUMBER_JOINERS:
            return before.isdigit() and after.isdigit()
    return False


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and in_word(text, start - 1):
        start -= 1
    return text[start:end]


def _attach_unit_signs(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen over a currency or percent sign that belongs to the amount at an edge."""
    if start > 0 and start < end and text[start].isdigit() and is_unit_sign(text[start - 1]):
        start -= 1  # $100
    if end < len(text) and end > start:
        last_word = _word_before(text, end)
        after_number = text[end - 1].isdigit() or last_word.lower() in MAGNITUDE_WORDS
        if is_unit_sign(text[end]) and after_number:
            end += 1  # 15%, 100€
        elif (
            end + 1 < len(text)
            and (text[end] in NO_BREAK_SPACES or text[end] == " ")
            and is_unit_sign(text[end + 1])
            and after_number
        ):
            end += 2  # 15 %, 100 millions $
    return start, end


def paired_marks(text: str, start: int, end: int) -> set[int]:
    """Indices of the quotes and brackets in ``text[start:end]`` whose partner is in it
    too. A ’ closes a ‘ only when one is open: otherwise it is an apostrophe (n’avons)."""
    open_marks: list[int] = []
    paired: set[int] = set()
    for index in range(start, end):
        char = text[index]
        if char in APOSTROPHES and 0 < index < len(text) - 1:
            if is_word_char(text[index - 1]) and is_word_char(text[index + 1]):
                continue  # n’avons, it's: an apostrophe, not a quote
        opener = open_marks[-1] if open_marks else None
        if opener is not None and char == OPENING_TO_CLOSING.get(text[opener]):
            paired.update((opener, index))
            open_marks.pop()
        elif char in SYMMETRIC_QUOTES and opener is not None and text[opener] == char:
            paired.update((opener, index))
            open_marks.pop()
        elif char in OPENING_TO_CLOSING or (
            char in SYMMETRIC_QUOTES and not (0 < index and is_word_char(text[index - 1]))
        ):
            open_marks.append(index)
    return paired


def _keeps_left(text: str, start: int, end: int) -> bool:
    char = text[start]
    if char.isspace():
        return False
    if is_word_char(char) or is_unit_sign(char):
        return True
    if char in OPENING_TO_CLOSING or char in SYMMETRIC_QUOTES:
        return start in paired_marks(text, start, end)
    if char in SIGNS_BEFORE_NUMBERS:
        return start + 1 < end and text[start + 1].isdigit()
    return False


def _keeps_right(text: str, start: int, end: int) -> bool:
    char = text[end - 1]
    if char.isspace():
        return False
    if is_word_char(char) or is_unit_sign(char):
        return True
    if char in CLOSING_TO_OPENING or char in SYMMETRIC_QUOTES:
        return end - 1 in paired_marks(text, start, end)
    return False


def _after_elision(text: str, start: int, end: int) -> int:
    """Where the word starts when the span begins with a French elision (d’OpenAI,
    l’entreprise, qu’il): the elided article or pronoun is not part of it. A capital
    elision before a capital stays: L’Oréal, D’Artagnan are names."""
    for elided in ELISIONS:
        after = start + len(elided) + 1
        if after >= end or text[after - 1] not in APOSTROPHES or not is_word_char(text[after]):
            continue
        written = text[start : after - 1]
        if written == elided or (written == elided.capitalize() and text[after].islower()):
            return after
    return start


def trim_edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop spaces and punctuation at both edges; None when nothing is left."""
    changed = True
    while changed and start < end:
        changed = False
        if not _keeps_left(text, start, end):
            start += 1
            changed = True
        if start < end and not _keeps_right(text, start, end):
            end -= 1
            changed = True
    return (start, end) if start < end else None


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Character precision: only white space at the edges goes (it is never meant)."""
    start, end = _clamp(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _clamp(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = sorted((start, end))
    return max(0, start), min(len(text), end)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Whole words, without the spaces and punctuation around them; None if empty."""
    start, end = _clamp(text, start, end)
    if start >= end:
        return None
    while start > 0 and in_word(text, start) and in_word(text, start - 1):
        start -= 1
    while end < len(text) and in_word(text, end - 1) and in_word(text, end):
        end += 1
    trimmed = trim_edges(text, start, end)
    if trimmed is None:
        return None
    start, end = trimmed
    return _attach_unit_signs(text, _after_elision(text, start, end), end)


def snap(text: str, start: int, end: int, by_word: bool) -> tuple[int, int] | None:
    return snap_to_words(text, start, end) if by_word else trim_spaces(text, start, end)


# -- moving one edge of a span -------------------------------------------------


def is_grapheme_boundary(text: str, index: int) -> bool:
    """An approximation good for news text: never split a letter from its accents,
    nor an emoji sequence."""
    if index <= 0 or index >= len(text):
        return True
    char, before = text[index], text[index - 1]
    if unicodedata.category(char)[0] == "M" or char in EMOJI_JOINERS:
        return False
    return not (before == "\u200d" or 127995 <= ord(char) <= 127999)


def next_grapheme(text: str, index: int) -> int:
    index = min(len(text), index + 1)
    while not is_grapheme_boundary(text, index):
        index += 1
    return index


def previous_grapheme(text: str, index: int) -> int:
    index = max(0, index - 1)
    while not is_grapheme_boundary(text, index):
        index -= 1
    return index


def next_word_end(text: str, index: int) -> int:
    while index < len(text) and not in_word(text, index):
        index += 1
    while index < len(text) and in_word(text, index):
        index += 1
    return index


def previous_word_end(text: str, index: int) -> int:
    while index > 0 and in_word(text, index - 1):
        index -= 1
    while index > 0 and not in_word(text, index - 1):
        index -= 1
    return index


def next_word_start(text: str, index: int) -> int:
    while index < len(text) and in_word(text, index):
        index += 1
    while index < len(text) and not in_word(text, index):
        index += 1
    return index


def previous_word_start(text: str, index: int) -> int:
    while index > 0 and not in_word(text, index - 1):
        index -= 1
    while index > 0 and in_word(text, index - 1):
        index -= 1
    return index


def move_edge(
    text: str, start: int, end: int, edge: Edge, direction: Direction, by_word: bool
) -> tuple[int, int] | None:
    """The span's new ``(start, end)`` after moving one edge; None when it cannot move
    (it would leave the text or make the span empty)."""
    if by_word:
        step = {
            ("start", "left"): previous_word_start,
            ("start", "right"): next_word_start,
            ("end", "left"): previous_word_end,
            ("end", "right"): next_word_end,
        }[(edge, direction)]
    else:
        step = next_grapheme if direction == "right" else previous_grapheme
    if edge == "start":
        new_start, new_end = step(text, start), end
    else:
        new_start, new_end = start, step(text, end)
    if (new_start, new_end) == (start, end) or not 0 <= new_start < new_end <= len(text):
        return None
    return new_start, new_end

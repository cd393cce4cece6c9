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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

import numpy as np

ZWJ = "\u200d"
APOSTROPHES = "'\u2019"
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})

ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "c", "d", "j", "l", "m", "n", "s", "t")
"""French words elided before a vowel: "l’État" is ``l’`` ``État``, as spaCy cuts it.
Any other apostrophe between letters is inside a word: "aujourd’hui", "prud’hommes"."""
ELISIONS_FIRST = "".join(sorted({word[0] + word[0].upper() for word in ELISIONS}))
ENGLISH_CLITICS = ("s", "re", "ve", "ll", "d", "m", "t")
""""Altman’s" is ``Altman`` ``’s``, as spaCy's English tokeniser cuts it."""
INVERTED_PRONOUNS = ("il", "ils", "elle", "elles", "on", "je", "tu")
"""A hyphen joins the parts of a compound ("porte-parole", "États-Unis") but not a verb
and its inverted subject: "dit-il", "a-t-il"."""
LOCUTIONS = ("c’est-à-dire",)
"""Written as one word's worth of meaning; spaCy's French rules would cut them."""
_LOCUTION_HYPHENS = frozenset(name.index("-") for name in LOCUTIONS)


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


@functools.cache
def _scanned_classes() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(code points scanned, which are separators, which are extensions): the tests
    ``_is_separator`` and ``_is_extension`` make, vectorised (a character at a time,
    they cost the first export half a second)."""
    codes = np.concatenate([np.arange(block.start, block.stop) for block in _SCANNED])
    chars = list(map(chr, codes.tolist()))
    categories = np.array(list(map(unicodedata.category, chars)))
    spaces = np.fromiter(map(str.isspace, chars), np.bool_, len(chars))
    separators = spaces | (np.isin(categories, ["Cf", "Cc"]) & (codes != ord(ZWJ)))
    extensions = (
        np.isin(categories, ["Mn", "Mc", "Me"])
        | ((0xFE00 <= codes) & (codes <= 0xFE0F))
        | ((0x1F3FB <= codes) & (codes <= 0x1F3FF))
        | ((0xE0020 <= codes) & (codes <= 0xE007F))
    )
    return codes, separators, extensions


def _char_class(chosen: np.ndarray) -> str:
    """A regular expression character class of the scanned code points ``chosen``."""
    codes = _scanned_classes()[0][chosen]
    if not len(codes):
        return ""
    breaks = np.flatnonzero(np.diff(codes) != 1)
    lows = np.concatenate([codes[:1], codes[breaks + 1]]).tolist()
    highs = np.concatenate([codes[breaks], codes[-1:]]).tolist()
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in zip(lows, highs, strict=True)
    )


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Pieces:
    """The parts of the tokeniser's expression, shared by both ways of running it."""

    separator: str
    mark: str
    apostrophe: str
    clitic: str
    pronoun: str
    elision: str
    locution: str


@functools.cache
def _pieces() -> _Pieces:
    apostrophe = f"[{APOSTROPHES}]"
    _codes, separators, extensions = _scanned_classes()
    separator = _char_class(separators)
    return _Pieces(
        separator=separator,
        mark=f"[{_char_class(extensions)}]|{ZWJ}[^{separator}]?",
        apostrophe=apostrophe,
        clitic=f"(?i:{_alternatives(ENGLISH_CLITICS)})(?!\\w)",
        pronoun=f"(?:t-)?(?i:{_alternatives(INVERTED_PRONOUNS)})(?!\\w)",
        elision=(
            f"(?<!\\w)(?=[{ELISIONS_FIRST}])(?i:{_alternatives(ELISIONS)}){apostrophe}(?=\\w)"
        ),
        locution="(?=[cC])(?i:"
        + "|".join(re.escape(text).replace("’", apostrophe) for text in LOCUTIONS)
        + ")(?!\\w)",
    )


@functools.cache
def token_pattern() -> re.Pattern[str]:
    """The tokeniser as one regular expression (``token_starts`` gives the same tokens'
    starts faster, for agreement)."""
    p = _pieces()
    extension = f"(?:{p.mark})*"
    # Runs of word characters are matched by \w+ alone; marks and joiners are tried
    # only where a run stops.
    word = (
        f"\\w+(?:(?:{p.mark})+\\w*"
        f"|(?<=\\d)[.,](?=\\d)\\w+"  # 1,5 and 3.14 stay whole
        f"|{p.apostrophe}(?!{p.clitic})(?=\\w)\\w+"  # aujourd’hui
        f"|(?<=[^\\W\\d_])[-\u2010](?!{p.pronoun})(?=\\w)\\w+"  # porte-parole, COVID-19
        ")*"
    )
    return re.compile(
        "|".join(
            [
                p.locution,
                p.elision,
                f"(?<=\\w){p.apostrophe}{p.clitic}",
                word,
                f"[\U0001F1E6-\U0001F1FF]{{2}}{extension}",  # a flag: two regional indicators
                f"[^{p.separator}]{extension}",
            ]
        )
    )


# What the vectorised path knows of a character, as bits.
_WORD, _DIGIT, _LETTER, _SPACE, _APOSTROPHE, _HYPHEN, _DECIMAL_MARK, _RARE = (
    1 << i for i in range(8)
)
_HYPHENS = "-\u2010"


def _flags(char: str) -> int:
    word = char.isalnum() or char == "_"  # what \w matches
    code = ord(char)
    return (
        (_WORD if word else 0)
        | (_DIGIT if char.isdecimal() else 0)
        | (_LETTER if word and not char.isdecimal() and char != "_" else 0)
        | (_SPACE if _is_separator(char) else 0)
        | (_APOSTROPHE if char in APOSTROPHES else 0)
        | (_HYPHEN if char in _HYPHENS else 0)
        | (_DECIMAL_MARK if char in ".," else 0)
        | (_RARE if _is_extension(char) or char == ZWJ or 0x1F1E6 <= code <= 0x1F1FF else 0)
    )


@functools.cache
def _bmp_flags() -> np.ndarray:
    """``_flags`` of every BMP character, vectorised."""
    codes, separators, extensions = (array[:0x10000] for array in _scanned_classes())
    chars = list(map(chr, codes.tolist()))
    digit = np.fromiter(map(str.isdecimal, chars), np.bool_, len(chars))
    underscore = codes == ord("_")
    word = np.fromiter(map(str.isalnum, chars), np.bool_, len(chars)) | underscore

    def among(characters: str) -> np.ndarray:
        return np.isin(codes, [ord(char) for char in characters])

    rare = extensions | (codes == ord(ZWJ))  # no regional indicator is in the BMP
    flags = np.zeros(len(codes), dtype=np.uint8)
    for bit, chosen in (
        (_WORD, word),
        (_DIGIT, digit),
        (_LETTER, word & ~digit & ~underscore),
        (_SPACE, separators),
        (_APOSTROPHE, among(APOSTROPHES)),
        (_HYPHEN, among(_HYPHENS)),
        (_DECIMAL_MARK, among(".,")),
        (_RARE, rare),
    ):
        flags[chosen] |= bit
    return flags


@functools.cache
def _checks() -> tuple[re.Pattern[str], ...]:
    """Clitic after an apostrophe, pronoun after a hyphen, locution, elided word."""
    p = _pieces()
    return (
        re.compile(p.clitic),
        re.compile(p.pronoun),
        re.compile(p.locution),
        re.compile(p.elision),
    )


def token_starts(text: str) -> np.ndarray:
    """Where ``tokenize(text)``'s tokens start, as code point offsets, without building
    them: vectorised over the characters (agreement cuts 10,000 articles in a second)."""
    return _token_bounds(text, _char_flags(text)[1])[0]


def _char_flags(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(code point, flag bits) of each character of ``text``."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    flags = _bmp_flags()[np.minimum(codes, 0xFFFF)]
    for index in np.flatnonzero(codes > 0xFFFF).tolist():
        flags[index] = _flags(text[index])
    return codes, flags


def _token_bounds(text: str, flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of ``tokenize(text)``'s tokens.

    No token holds a separator (but for tag characters, which extend the emoji before
    them), and a token's expression looks no further than the characters beside it, so
    the text between two separators is tokenised alone: the characters are read
    vectorised, and only a piece holding marks, emoji sequences or flags is left to the
    expression. Outside those pieces a token ends at the next separator or the next
    token's start, whichever comes first.
    """
    length = len(text)
    if not length:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = _vectorised_starts(text, flags, 0, length).astype(np.int64, copy=False)
    separators = np.append(np.flatnonzero(flags & _SPACE), length)
    ends = np.minimum(
        separators[np.searchsorted(separators, starts)], np.append(starts[1:], length)
    )
    rare = np.flatnonzero(flags & _RARE)
    if not len(rare):
        return starts, ends
    # The pieces around rare characters, between separators no token can hold.
    hard = np.append(np.flatnonzero((flags & (_SPACE | _RARE)) == _SPACE), length)
    after = np.searchsorted(hard, rare)
    lows = np.where(after > 0, hard[np.maximum(after - 1, 0)] + 1, 0)
    lows[after == 0] = 0
    highs = hard[after]
    kept = np.ones(len(starts), dtype=np.bool_)
    found_starts: list[int] = []
    found_ends: list[int] = []
    done = 0
    pattern = token_pattern()
    for low, high in zip(lows.tolist(), highs.tolist(), strict=True):
        if low < done:
            continue  # the piece of the rare character before
        done = high
        kept[np.searchsorted(starts, low) : np.searchsorted(starts, high)] = False
        for match in pattern.finditer(text, low, high):
            found_starts.append(match.start())
            found_ends.append(match.end())
    starts = np.concatenate([starts[kept], np.asarray(found_starts, dtype=np.int64)])
    ends = np.concatenate([ends[kept], np.asarray(found_ends, dtype=np.int64)])
    order = np.argsort(starts, kind="stable")
    return starts[order], ends[order]


def _vectorised_starts(text: str, all_flags: np.ndarray, low: int, high: int) -> np.ndarray:
    """Token starts in ``text[low:high]`` (whole lines without rare characters)."""
    flags = all_flags[low:high]
    n = high - low
    word = (flags & _WORD) != 0
    around = np.zeros(n + 2, dtype=np.uint8)  # around[i + 1] = flags[i], 0 off the ends
    around[1 : n + 1] = flags
    previous, following = around[:n], around[2:]
    starts = ((flags & _SPACE) == 0) & ~(word & ((previous & _WORD) != 0))
    # Joiners inside a word: 1,5 / aujourd’hui / porte-parole.
    joiner = (((flags & _DECIMAL_MARK) != 0) & ((previous & following & _DIGIT) != 0)) | (
        ((following & _WORD) != 0)
        & (
            (((flags & _APOSTROPHE) != 0) & ((previous & _WORD) != 0))
            | (((flags & _HYPHEN) != 0) & ((previous & _LETTER) != 0))
        )
    )
    clitic, pronoun, locution, elision = _checks()
    # Tokens the expression tries before words (locution, elision, English clitic), as
    # (start, priority, end): each applies where a token starts, left to right.
    events: list[tuple[int, int, int]] = []
    if joiner.any():
        # Where each run of word characters began, for the elided word before "’".
        run_start = np.where(word & ((previous & _WORD) == 0), np.arange(n), 0)
        np.maximum.accumulate(run_start, out=run_start)
        for index in np.flatnonzero(joiner & ((flags & _APOSTROPHE) != 0)).tolist():
            at = low + index
            found = clitic.match(text, at + 1)
            if found is not None:
                joiner[index] = False  # Altman’s: Altman ’s
                events.append((at, 2, found.end()))
            elided = elision.match(text, low + int(run_start[index - 1]), high)
            if elided is not None and elided.end() == at + 1:
                events.append((elided.start(), 1, at + 1))
        for index in np.flatnonzero(joiner & ((flags & _HYPHEN) != 0)).tolist():
            if pronoun.match(text, low + index + 1) is not None:
                joiner[index] = False  # dit-il
    starts &= ~joiner
    starts[1:] &= ~joiner[:-1]
    # A locution holds hyphens: read one from each place its first hyphen could be.
    for index in np.flatnonzero((flags & _HYPHEN) != 0).tolist():
        for offset in _LOCUTION_HYPHENS:
            if index >= offset:
                found = locution.match(text, low + index - offset, high)
                if found is not None:
                    events.append((found.start(), 0, found.end()))
    taken = low
    for start, kind, end in sorted(events):
        if start < taken or not starts[start - low]:
            continue
        taken = end
        starts[start - low + 1 : end - low] = False
        if end < high:
            if joiner[end - low]:
                # What follows stands alone: a joiner right after joins nothing.
                starts[end - low] = True
                if end + 1 < high:
                    starts[end - low + 1] = (flags[end - low + 1] & _SPACE) == 0
            elif kind == 1:
                starts[end - low] = True  # "l’" then "État"
    return np.flatnonzero(starts) + low


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


@functools.cache
def _bmp_spaces() -> np.ndarray:
    """``str.isspace`` of each BMP code point (no space lies beyond it)."""
    return np.fromiter((chr(code).isspace() for code in range(0x10000)), np.bool_, 0x10000)


_SENTENCE_END_CODES = np.array(sorted(map(ord, SENTENCE_ENDS)), dtype=np.uint32)


class Fit(IntEnum):
    """What alignment did to a span (``Alignment.change``), as a number per span."""

    DROPPED = 0
    EXACT = 1
    TRIMMED = 2
    EXPANDED = 3


@dataclass(frozen=True)
class AlignedSpans:
    """Many spans aligned at once: per span, its token range (end exclusive), its
    aligned offsets and its ``Fit``; a dropped span's other values mean nothing."""

    token_start: list[int]
    token_end: list[int]
    start: list[int]
    end: list[int]
    fit: list[int]

    def count(self, fit: Fit) -> int:
        return self.fit.count(fit)


class TextTokens:
    """A text's tokens, exactly ``tokenize``'s, made once for every layer on the text:
    found vectorised rather than by the expression alone, and kept as columns (texts,
    starts, ends, whether a space follows) rather than one object each."""

    def __init__(self, text: str) -> None:
        self.text = text
        codes, flags = _char_flags(text)
        length = len(text)
        starts, ends = _token_bounds(text, flags)
        self._codes, self._starts, self._ends = codes, starts, ends
        self.starts: list[int] = starts.tolist()
        self.ends: list[int] = ends.tolist()
        followed = ends < length
        spaces = np.zeros(len(starts), dtype=np.bool_)
        spaces[followed] = _bmp_spaces()[np.minimum(codes[ends[followed]], 0xFFFF)]
        self.spaces: list[bool] = spaces.tolist()
        # Where a sentence may begin (see sentence_starts): after a sentence's last
        # mark, or where a line break lies between two tokens.
        line_breaks = np.flatnonzero(codes == 10)
        closes = ((ends - starts) == 1) & np.isin(codes[starts], _SENTENCE_END_CODES)
        broken = np.searchsorted(line_breaks, ends[:-1]) < np.searchsorted(
            line_breaks, starts[1:]
        )
        self._breaks = np.flatnonzero(closes[:-1] | broken) + 1

    def __len__(self) -> int:
        return len(self.starts)

    @functools.cached_property
    def texts(self) -> list[str]:
        # No token holds a NUL (a control character, so a separator).
        return self.joined("\0").split("\0")[:-1]

    def joined(self, suffix: str) -> str:
        """Every token followed by ``suffix``, as one string, put together from the
        text's code points at once rather than a string per token."""
        count, width = len(self.starts), len(suffix)
        if not count:
            return ""
        lengths = self._ends - self._starts
        edges = np.zeros(len(self.text) + 1, dtype=np.int32)
        edges[self._starts] += 1
        edges[self._ends] -= 1
        in_tokens = np.cumsum(edges[:-1]) > 0
        suffix_starts = np.cumsum(lengths + width) - width
        at = (suffix_starts[:, None] + np.arange(width)).ravel()
        codes = np.empty(int(lengths.sum()) + count * width, dtype="<u4")
        in_suffix = np.zeros(len(codes), dtype=np.bool_)
        in_suffix[at] = True
        codes[~in_suffix] = self._codes[in_tokens]
        codes[at] = np.tile(np.array([ord(char) for char in suffix], dtype="<u4"), count)
        return codes.tobytes().decode("utf-32-le", "surrogatepass")

    def tokens(self) -> list[Token]:
        return list(map(Token, self.texts, self.starts, self.ends, self.spaces))

    def align(self, starts: Sequence[int], ends: Sequence[int], mode: AlignMode) -> AlignedSpans:
        """``TokenIndex.align`` for every span ``starts[i]:ends[i]`` at once."""
        wanted_start = np.asarray(starts, dtype=np.int64)
        wanted_end = np.asarray(ends, dtype=np.int64)
        if mode is AlignMode.EXPAND:
            first = np.searchsorted(self._ends, wanted_start, side="right")
            last = np.searchsorted(self._starts, wanted_end, side="left")
        else:
            first = np.searchsorted(self._starts, wanted_start, side="left")
            last = np.searchsorted(self._ends, wanted_end, side="right")
        fits = first < last
        if len(self.starts):
            aligned_start = self._starts[np.minimum(first, len(self.starts) - 1)]
            aligned_end = self._ends[np.maximum(last - 1, 0)]
        else:
            aligned_start = aligned_end = np.zeros(len(wanted_start), dtype=np.int64)
        exact = (aligned_start == wanted_start) & (aligned_end == wanted_end)
        inside = (wanted_start <= aligned_start) & (aligned_end <= wanted_end)
        fit = np.where(exact, Fit.EXACT, np.where(inside, Fit.TRIMMED, Fit.EXPANDED))
        fit[~fits] = Fit.DROPPED
        if mode is AlignMode.STRICT:
            fit[~exact] = Fit.DROPPED
        return AlignedSpans(
            first.tolist(), last.tolist(), aligned_start.tolist(), aligned_end.tolist(),
            fit.tolist(),
        )

    def sentence_starts(self, keep_together: Sequence[tuple[int, int]] = ()) -> list[int]:
        """``sentence_starts(text, tokens, keep_together)``, from the breaks found once."""
        if not self.starts:
            return []
        breaks = self._breaks
        if keep_together and len(breaks):
            blocked = np.zeros(len(self.starts) + 1, dtype=np.bool_)
            for first, last in keep_together:
                blocked[first + 1 : last] = True
            breaks = breaks[~blocked[breaks]]
        return [0, *breaks.tolist()]

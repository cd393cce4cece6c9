"""Text as search reads it: accents and case aside, cut into words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = r"[^\W_]"  # a letter or a digit (str.isalnum), as the index's tokenizer reads words


@lru_cache(maxsize=4096)
def fold_character(character: str) -> str:
    """One character without its accents, in lower case; always one character, so a
    folded text's offsets are the text's own."""
    bare = "".join(
        part
        for part in unicodedata.normalize("NFD", character)
        if not unicodedata.combining(part)
    ).lower()
    return bare if len(bare) == 1 else character.lower()[:1] or character


class _Folding(dict[int, str]):
    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_character(chr(code))
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """``text`` with accents removed and in lower case, of the same length."""
    return text.translate(_FOLDING)


def words(text: str) -> list[str]:
    """The folded words of ``text`` as the index cuts them (letters and digits)."""
    return re.findall(WORD + "+", fold(text))


_WORDS = re.compile(WORD + "+")


def folded_words(text: str) -> list[str]:
    """``words(text)``, faster: folding never turns a letter or digit into a separator
    nor the reverse (every code point was checked), so the text is cut first and each
    distinct word folded once (an ASCII word only lowered)."""
    found = _WORDS.findall(text)
    folded = {word: word.lower() if word.isascii() else fold(word) for word in set(found)}
    return list(map(folded.__getitem__, found))

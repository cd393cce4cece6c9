"""Full-text search: a forgiving query, the documents that hold it, and each hit.

A query is bare words, "a phrase" and prefix* in any mix; a document must hold every
term. Case and accents do not count: "etat" finds "État", "ETAT" and "état". The
project's full-text index (SQLite FTS5, ``unicode61 remove_diacritics 2``) says which
documents hold the terms; where in them is found here, over the stored text with the
same folding, so every hit is code-point offsets into that text (``text[start:end]``
is the hit), whatever FTS5's own byte offsets would have said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal, NamedTuple

from annotator.core.errors import QueryError
from annotator.core.store import Store
from annotator.core.text.folding import WORD, fold, fold_character, words

CONTEXT_CHARACTERS = 40
"""How much text each side of a hit is shown."""
FIRST_HITS = 500
"""How many hits the window shows at once (refining the query shows others)."""

_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_SEPARATORS = r"[\W_]+"
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _accented_forms() -> dict[str, str]:
    """For each folded letter, the lower-case letters that fold to it ("e": "éèêë…"),
    over the alphabets news is written in (Latin, Greek, Cyrillic and beyond)."""
    forms: dict[str, list[str]] = {}
    for code in range(0x80, 0x3000):
        character = chr(code)
        folded = fold_character(character)
        if folded != character and folded.isalnum() and character.lower() == character:
            forms.setdefault(folded, []).append(re.escape(character))
    return {folded: "".join(found) for folded, found in forms.items()}


def _any_accent(letter: str) -> str:
    forms = _accented_forms().get(letter)
    return f"[{re.escape(letter)}{forms}]" if forms else re.escape(letter)


@dataclass(frozen=True)
class Term:
    """A word, a phrase (several words in a row) or the start of a word (``prefix``)."""

    words: tuple[str, ...]
    prefix: bool = False

    def match_expression(self) -> str:
        phrase = '"' + " ".join(self.words) + '"'
        return phrase + " *" if self.prefix else phrase

    def pattern(self) -> str:
        """The term as a pattern over lower-case text, each letter standing for itself
        and its accented forms (so no text is folded character by character, which took
        most of a search's time). Where a word starts is checked apart
        (``Query.spans_in``): a pattern that begins with its first word's letters is
        found a hundred times faster than one that begins with a look-behind."""
        body = _SEPARATORS.join("".join(map(_any_accent, word)) for word in self.words)
        tail = WORD + "*" if self.prefix else ""
        return f"{body}{tail}(?!{WORD})"


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[Term, ...]

    def match_expression(self) -> str:
        """The FTS5 expression: every term, each quoted (so no word is an operator)."""
        return " AND ".join(term.match_expression() for term in self.terms)

    @cached_property
    def finder(self) -> re.Pattern[str]:
        # Longest terms first: where "jean" and "jean dupont" both start, the phrase wins.
        terms = sorted(self.terms, key=lambda term: -len(term.words))
        return re.compile("|".join(term.pattern() for term in terms))

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        """Where the terms are in ``text``: code-point offsets, end exclusive."""
        lowered = text.lower()
        if len(lowered) != len(text):  # "İ" lowers to two characters: fold them one by one
            lowered = fold(text)
        return [
            match.span()
            for match in self.finder.finditer(lowered)
            if not match.start() or not lowered[match.start() - 1].isalnum()
        ]


def _term(piece: str, prefix: bool) -> Term | None:
    found = tuple(words(piece))
    return Term(found, prefix) if found else None


def parse_query(text: str) -> Query:
    """Read what the user typed: bare words, "phrases" (straight, curly or « French »
    quotes) and prefix*. A word of several parts (Jean-Pierre, l'État) is a phrase.
    Raises ``QueryError`` when nothing in it can be searched for."""
    terms: list[Term] = []
    position = 0
    while position < len(text):
        character = text[position]
        if character.isspace():
            position += 1
            continue
        if character in _QUOTES:
            closing = text.find(_QUOTES[character], position + 1)
            if closing < 0:
                raise QueryError(
                    f"the quote opened at character {position + 1} is never closed: "
                    'close it ("a phrase") or remove it'
                )
            inside = text[position + 1 : closing].strip()
            position = closing + 1
            prefix = inside.endswith("*") or text[position : position + 1] == "*"
            if text[position : position + 1] == "*":
                position += 1
        else:
            end = position
            while end < len(text) and not text[end].isspace() and text[end] not in _QUOTES:
                end += 1
            inside, position = text[position:end], end
            prefix = inside.endswith("*")
        term = _term(inside, prefix)
        if term is not None and term not in terms:
            terms.append(term)
    if not terms:
        raise QueryError(
            f"nothing to search for in {text!r}: type a word, \"a phrase\" or the start "
            "of a word followed by *"
        )
    return Query(text, tuple(terms))


class Hit(NamedTuple):
    """One place where the query was found. ``field`` says whether the offsets are in
    the document's text or in its title. (A tuple: a search makes hundreds at a time.)"""

    doc_id: str
    title: str
    field: Literal["text", "title"]
    start: int
    end: int
    match: str
    before: str
    after: str

    def as_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.match,
            "before": self.before,
            "after": self.after,
        }


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text or "\t" in text:
        return _SPACES.sub(" ", text)
    return text


def hit_at(
    doc_id: str, title: str, field: Literal["text", "title"], text: str, start: int, end: int
) -> Hit:
    """The hit ``text[start:end]`` with its context, whole words only at its edges."""
    left, right = max(0, start - CONTEXT_CHARACTERS), min(len(text), end + CONTEXT_CHARACTERS)
    if left > 0 and text[left - 1].isalnum():
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text) and text[right].isalnum():
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    before, after = text[left:start], text[end:right]
    return Hit(
        doc_id, title, field, start, end, text[start:end], _one_line(before), _one_line(after)
    )


def hits_in(doc_id: str, title: str, text: str, query: Query) -> list[Hit]:
    """Every hit of ``query`` in one document: its title's first (unless the title is
    in the text too, as a .txt file's first line is), then its text's."""
    found = []
    if title not in text:
        found = [
            hit_at(doc_id, title, "title", title, start, end)
            for start, end in query.spans_in(title)
        ]
    found.extend(
        hit_at(doc_id, title, "text", text, start, end) for start, end in query.spans_in(text)
    )
    return found


def find_in_text(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place ``needle`` is in ``text``, accents and case aside, inside words too
    (what a find bar does as one types): code-point offsets, end exclusive."""
    folded, wanted = fold(text), fold(needle.strip())
    found: list[tuple[int, int]] = []
    if not wanted:
        return found
    start = folded.find(wanted)
    while start >= 0:
        found.append((start, start + len(wanted)))
        start = folded.find(wanted, start + len(wanted))
    return found


def _inside_a_span(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return hit.field == "text" and any(
        start <= hit.start and hit.end <= end for start, end in spans
    )


def iter_hits(store: Store, query: Query | str, label: str | None = None) -> Iterator[Hit]:
    """Every hit in the project, in document order. With ``label``: only the hits in
    the text that lie inside a span of that label (anyone's)."""
    if isinstance(query, str):
        query = parse_query(query)
    for doc_id, title, text in store.search_documents(query.match_expression()):
        found = hits_in(doc_id, title, text, query)
        if label is not None and found:
            spans = [(s.start, s.end) for s in store.spans(doc_id) if s.label == label]
            found = [hit for hit in found if _inside_a_span(hit, spans)]
        yield from found


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    complete: bool
    """False when ``limit`` stopped the search: there are more hits."""

    @property
    def document_count(self) -> int:
        return len({hit.doc_id for hit in self.hits})


def search(
    store: Store, query: Query | str, *, limit: int | None = None, label: str | None = None
) -> SearchResult:
    """The first ``limit`` hits (all of them with None)."""
    hits: list[Hit] = []
    for hit in iter_hits(store, query, label):
        if limit is not None and len(hits) >= limit:
            return SearchResult(hits, complete=False)
        hits.append(hit)
    return SearchResult(hits, complete=True)

"""Which token ranges the project model's span categorizer scores as claims and denials.

A claim or a denial is a clause: it starts where a sentence, a quotation or a
reported clause starts ("... a affirmé que | Meta avait tenté ...", "« | non, nous
n'avons pas ..."), and ends before punctuation or at the end of the sentence. Scoring
only those ranges, rather than every n-gram up to forty tokens, is what lets the
model train on a laptop CPU: a 3 KB article has a few hundred such ranges, and forty
thousand n-grams.

Registered with spaCy's registry as ``annotator.clause_candidates.v1`` by
:func:`register` (spaCy is an optional extra, imported only then); a saved pipeline
names it in its config, so it is registered before one is built or loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from thinc.api import Ops
    from thinc.types import Ragged

SUGGESTER_NAME = "annotator.clause_candidates.v1"
REPORTING_WORDS = frozenset(
    {
        # French: the words that open reported speech and its sources.
        "que", "qu'", "qu’", "selon", "lesquelles", "lesquels", "laquelle", "lequel",
        "affirme", "affirmé", "déclaré", "dit", "estime",
        # English.
        "that", "said", "says", "according", "claimed", "denied", "stated",
    }
)  # fmt: skip
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


def _boundaries(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Tokens a candidate may start at, tokens it may end at (inclusive), and the
    sentence number of each token."""
    starts: list[int] = []
    ends: list[int] = []
    sentence: list[int] = []
    number = 0
    count = len(doc)
    for token in doc:
        i = token.i
        previous = doc[i - 1] if i else None
        if previous is not None and (previous.text in SENTENCE_ENDS or "\n" in previous.text):
            number += 1
        sentence.append(number)
        if token.is_space:
            continue
        if (
            previous is None
            or previous.is_punct
            or previous.is_space
            or previous.lower_ in REPORTING_WORDS
            or token.is_left_punct
            or token.is_quote
        ):
            starts.append(i)
        following = doc[i + 1] if i + 1 < count else None
        if (
            following is None
            or following.is_punct
            or following.is_space
            or token.is_right_punct
            or token.is_quote
        ):
            ends.append(i)
    return starts, ends, sentence


def clause_candidates(doc: Doc, max_length: int) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)``, end exclusive, at clause boundaries within a
    sentence (a quotation may run over several) and at most ``max_length`` tokens."""
    starts, ends, sentence = _boundaries(doc)
    found: list[tuple[int, int]] = []
    end_index = 0
    for start in starts:
        while end_index < len(ends) and ends[end_index] < start:
            end_index += 1
        quoted = doc[start].is_quote or doc[start].is_left_punct
        for end in ends[end_index:]:
            if end - start + 1 > max_length:
                break
            if not quoted and sentence[end] != sentence[start]:
                break
            if doc[end].is_punct and not (doc[end].is_quote or doc[end].is_right_punct):
                continue  # a clause ends before its comma, not on it
            found.append((start, end + 1))
    return found


def build_clause_suggester(max_length: int = 60) -> Any:
    """The spaCy suggester: candidates for every document, as spancat wants them."""

    from thinc.api import get_current_ops
    from thinc.types import Ragged

    def suggest(docs: Iterable[Doc], *, ops: Ops | None = None) -> Ragged:
        array_ops: Any = ops or get_current_ops()
        spans: list[tuple[int, int]] = []
        lengths: list[int] = []
        for doc in docs:
            found = clause_candidates(doc, max_length)
            spans.extend(found)
            lengths.append(len(found))
        indices = np.array(spans, dtype="i").reshape((-1, 2))
        return Ragged(
            array_ops.asarray2i(indices), array_ops.asarray1i(np.array(lengths, dtype="i"))
        )

    return suggest


def register() -> None:
    """Make the suggester known to spaCy (again is harmless)."""
    from spacy.util import registry

    misc: Any = registry.misc
    misc.register(SUGGESTER_NAME, func=build_clause_suggester)

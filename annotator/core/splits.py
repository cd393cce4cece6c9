"""Train/dev/test splits by document: deterministic, every layer of a document together.

A document is the unit of a split, never a span or a layer: two annotators' layers of
one article in different splits would let a model be tested on a text it was trained
on. The same project, ratios and seed give the same assignment on every machine, so an
export and a training run made from the same options agree on what is held out.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError


class BadSplit(AnnotatorError):
    """The split option cannot be read or does not add up."""


@dataclass(frozen=True)
class SplitSpec:
    """Named parts and their shares, in the order the user gave them."""

    parts: tuple[tuple[str, float], ...]
    seed: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.parts)


def parse_split(text: str, seed: int = 0) -> SplitSpec:
    """Read ``train=0.8,dev=0.1,test=0.1`` (shares may also be percentages summing to 100)."""
    parts: list[tuple[str, float]] = []
    for item in text.split(","):
        name, equals, share_text = item.partition("=")
        name = name.strip()
        if not equals or not name:
            raise BadSplit(f"cannot read split part {item.strip()!r}: write NAME=SHARE")
        if not name.isidentifier():
            raise BadSplit(f"split name {name!r}: use letters, digits and underscores")
        if name in dict(parts):
            raise BadSplit(f"split name {name!r} is given twice")
        shown = share_text.strip()
        try:
            share = float(share_text)
        except ValueError:
            raise BadSplit(f"split share {shown!r} of {name!r} is not a number") from None
        if not math.isfinite(share) or share < 0:
            raise BadSplit(f"split share of {name!r} must be zero or more, not {shown}")
        parts.append((name, share))
    total = sum(share for _, share in parts)
    if math.isclose(total, 100.0, abs_tol=1e-6):
        parts = [(name, share / 100.0) for name, share in parts]
    elif not math.isclose(total, 1.0, abs_tol=1e-6):
        raise BadSplit(f"split shares add up to {total:g}; they must add up to 1 (or 100)")
    return SplitSpec(tuple(parts), seed)


def _order_key(doc_id: str, seed: int) -> bytes:
    # A hash of (seed, id) rather than random.shuffle over the id list alone: adding
    # documents to a project moves no existing document's place relative to another.
    return hashlib.sha256(f"{seed}\x00{doc_id}".encode()).digest()


def assign_splits(doc_ids: Iterable[str], spec: SplitSpec) -> dict[str, str]:
    """Each document's split name; the sizes follow the shares by largest remainder."""
    ordered = sorted(set(doc_ids), key=lambda doc_id: _order_key(doc_id, spec.seed))
    sizes = _sizes(len(ordered), [share for _, share in spec.parts], spec.seed)
    assignment: dict[str, str] = {}
    start = 0
    for (name, _), size in zip(spec.parts, sizes, strict=True):
        for doc_id in ordered[start : start + size]:
            assignment[doc_id] = name
        start += size
    return assignment


def _sizes(count: int, shares: list[float], seed: int) -> list[int]:
    exact = [count * share for share in shares]
    sizes = [math.floor(value) for value in exact]
    left = count - sum(sizes)
    # Ties between equal remainders are broken by the seed, not by position, so no part
    # is always the one that loses a document.
    tie_break = random.Random(seed).random
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - sizes[i]), tie_break()))
    for index in order[:left]:
        sizes[index] += 1
    return sizes

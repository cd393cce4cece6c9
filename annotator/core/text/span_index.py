"""Spans of one document, found by position in O(log n).

The article view asks, for every paragraph it draws, which spans touch that paragraph.
Spans are kept sorted by start; a span no longer than ``LONG_SPAN`` that overlaps
``[start, end)`` must start after ``start - LONG_SPAN``, so a bisection bounds the
search. The few longer spans (a claim running over paragraphs) sit in a short list
that is scanned.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol

LONG_SPAN = 2048

SortKey = tuple[int, int, str]


class Placed(Protocol):
    """What drawing and hit-testing need to know of a span (``Span`` has it all)."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def annotator(self) -> str: ...


class SpanRef(NamedTuple):
    """A span without its text and history: 10,000 of them load in milliseconds."""

    id: str
    start: int
    end: int
    label: str
    annotator: str


def _key(span: Placed) -> SortKey:
    return (span.start, -span.end, span.id)


class SpanIndex:
    """A mutable, sorted set of spans (by start, then longest first)."""

    def __init__(self, spans: Iterable[Placed] = ()) -> None:
        self._by_id: dict[str, Placed] = {span.id: span for span in spans}
        self._keys: list[SortKey] = sorted(_key(span) for span in self._by_id.values())
        self._starts: list[int] = [key[0] for key in self._keys]
        self._long: dict[str, Placed] = {
            span.id: span for span in self._by_id.values() if span.end - span.start > LONG_SPAN
        }

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def __iter__(self) -> Iterator[Placed]:
        """Every span, in reading order."""
        return (self._by_id[key[2]] for key in self._keys)

    def get(self, span_id: str) -> Placed | None:
        return self._by_id.get(span_id)

    def add(self, span: Placed) -> None:
        if span.id in self._by_id:
            self.remove(span.id)
        self._by_id[span.id] = span
        key = _key(span)
        index = bisect_left(self._keys, key)
        self._keys.insert(index, key)
        self._starts.insert(index, span.start)
        if span.end - span.start > LONG_SPAN:
            self._long[span.id] = span

    def remove(self, span_id: str) -> Placed | None:
        span = self._by_id.pop(span_id, None)
        if span is None:
            return None
        index = bisect_left(self._keys, _key(span))
        del self._keys[index]
        del self._starts[index]
        self._long.pop(span_id, None)
        return span

    def overlapping(self, start: int, end: int) -> list[Placed]:
        """Spans sharing at least one character with ``[start, end)``, in reading order."""
        if start >= end:
            return []
        low = bisect_right(self._starts, start - LONG_SPAN)
        high = bisect_left(self._starts, end)
        found = [self._by_id[key[2]] for key in self._keys[low:high]]
        found = [span for span in found if span.end > start]
        seen = {span.id for span in found}
        extra = [
            span
            for span in self._long.values()
            if span.id not in seen and span.start < end and span.end > start
        ]
        if extra:
            found.extend(extra)
            found.sort(key=_key)
        return found

    def containing(self, position: int) -> list[Placed]:
        """Spans holding the character at ``position``, shortest (innermost) first."""
        spans = self.overlapping(position, position + 1)
        return sorted(spans, key=lambda span: (span.end - span.start, span.start, span.id))

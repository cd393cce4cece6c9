"""Finding a paragraph's spans by bisection, long spans included."""

from __future__ import annotations

import random

from annotator.core.text.span_index import LONG_SPAN, SpanIndex, SpanRef


def ref(name: str, start: int, end: int, label: str = "claim") -> SpanRef:
    return SpanRef(name, start, end, label, "alice")


def brute_overlapping(spans: list[SpanRef], start: int, end: int) -> list[str]:
    hits = [s for s in spans if s.start < end and s.end > start]
    return [s.id for s in sorted(hits, key=lambda s: (s.start, -s.end, s.id))]


def test_overlapping_matches_a_full_scan_with_long_and_short_spans() -> None:
    rng = random.Random(7)
    spans = []
    for number in range(600):
        start = rng.randrange(0, 50_000)
        length = rng.choice([3, 40, 900, LONG_SPAN + 10, 20_000])
        spans.append(ref(f"s{number}", start, start + length))
    index = SpanIndex(spans)
    for _ in range(300):
        start = rng.randrange(0, 60_000)
        end = start + rng.randrange(1, 3000)
        assert [s.id for s in index.overlapping(start, end)] == brute_overlapping(spans, start, end)


def test_add_and_remove_keep_reading_order() -> None:
    index = SpanIndex([ref("b", 10, 20), ref("a", 0, 5)])
    index.add(ref("c", 10, 30))
    assert [s.id for s in index] == ["a", "c", "b"]
    index.add(ref("b", 2, 4))  # moved: replaces the old version
    assert [s.id for s in index] == ["a", "b", "c"]
    assert index.remove("a") is not None and index.remove("a") is None
    assert [s.id for s in index] == ["b", "c"]
    assert len(index) == 2 and "c" in index


def test_containing_lists_the_innermost_span_first() -> None:
    index = SpanIndex([ref("claim", 0, 50), ref("amount", 10, 20, "amount"), ref("far", 60, 70)])
    assert [s.id for s in index.containing(15)] == ["amount", "claim"]
    assert [s.id for s in index.containing(50)] == []

"""What push and pull leave where it is: spans one side holds and the other does not.

Both follow merge's rules, and a merge only adds: a span missing from the other side
may have been deleted there, or never have reached it (added since the pull, not
pushed yet), and nothing in either project tells which. So a deletion does not
travel; these spans are named instead, for the person who deleted them to delete them
on the other side too.
"""

from __future__ import annotations

from annotator.core.models import Span
from annotator.core.store import Store


def spans_not_in(other: Store, store: Store, annotator: str | None = None) -> list[Span]:
    """The spans of ``store`` (``annotator``'s alone, when given) that ``other`` holds
    neither under their id nor as the same span (same article, annotator, offsets and
    label: merge's duplicate), in document order."""
    ids: set[str] = set()
    places: set[tuple[str, str, int, int, str]] = set()
    for span in other.iter_spans(annotator):
        ids.add(span.id)
        places.add((span.doc_id, span.annotator, span.start, span.end, span.label))
    return [
        span
        for span in store.iter_spans(annotator)
        if span.id not in ids
        and (span.doc_id, span.annotator, span.start, span.end, span.label) not in places
    ]

"""What the article list shows: the choice of filters, as the store's listing reads it.

The store turns an ``ArticleFilter`` into one SQL query over its indexes, so filtering
a project of 100,000 articles never builds a row per article in Python.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from annotator.core.models import Status

ANY_STATUS = "any"
UNFINISHED = "unfinished"
"""Not done: not started or in progress (the statuses ``mark done and next`` visits)."""

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateError(ValueError):
    """A date bound that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


@dataclass(frozen=True)
class ArticleFilter:
    """Articles whose title (or source) holds every word, whose status for the list's
    annotator is ``status``, that hold spans of every ``with_labels`` and none of
    ``without_labels`` (by ``annotator``, or by anyone when it is None; ``annotator``
    alone: articles that annotator has marked or started), from ``outlet``
    (``meta["site"]``), published (``meta["date"]``) between ``date_from`` and
    ``date_to``, both included."""

    words: tuple[str, ...] = ()
    status: str = ANY_STATUS
    with_labels: tuple[str, ...] = ()
    without_labels: tuple[str, ...] = ()
    annotator: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @staticmethod
    def words_of(text: str) -> tuple[str, ...]:
        """The words of a typed filter text, compared without case."""
        return tuple(text.casefold().split())

    def is_everything(self) -> bool:
        return self == ArticleFilter()

    def date_bounds(self) -> tuple[str | None, str | None]:
        """The first date included and the first one after the range, as ISO text
        (``date_to`` 2024-03 takes in the whole of March: up to 2024-04)."""
        low = _date_start(self.date_from, after=False) if self.date_from else None
        high = _date_start(self.date_to, after=True) if self.date_to else None
        return low, high

    def unfinished_part(self) -> ArticleFilter | None:
        """The articles this filter shows that are not done; None when it shows only
        done ones."""
        if self.status in (Status.DONE.value, Status.REVIEWED.value):
            return None
        if self.status == ANY_STATUS:
            return ArticleFilter(
                self.words, UNFINISHED, self.with_labels, self.without_labels,
                self.annotator, self.outlet, self.date_from, self.date_to,
            )
        return self


def check_date(text: str) -> str | None:
    """Why ``text`` is not a date bound the list understands (None: it is one)."""
    try:
        _date_start(text, after=False)
    except DateError as error:
        return str(error)
    return None


def _date_start(text: str, *, after: bool) -> str:
    match = _PARTIAL_DATE.match(text.strip())
    if match is None:
        raise DateError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return f"{year + 1 if after else year:04d}"
        if day is None:
            datetime.date(year, month, 1)
            if not after:
                return f"{year:04d}-{month:02d}"
            return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
        date = datetime.date(year, month, day)
    except ValueError as error:
        raise DateError(f"{text!r} is not a date ({error})") from error
    if after:
        date += datetime.timedelta(days=1)
    return date.isoformat()

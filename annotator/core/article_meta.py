"""What the source says about an article: outlet, author, date, address, pages.

It lives in ``Document.meta`` under fixed keys, so the list, the search filters, the
report and every export read the same names. The importers fill it from what the file
declares (an HTML page's Open Graph and JSON-LD, a Word file's properties, an e-mail's
headers); the user corrects it in the window. ``title`` and ``language`` are the
document's own fields, not keys of ``meta``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

URL, SITE, AUTHOR, DATE, DESCRIPTION = "url", "site", "author", "date", "description"
EDITABLE_KEYS = (SITE, AUTHOR, DATE, URL, DESCRIPTION)
"""The keys the user edits, in the order the details panel shows them."""
PAGE_STARTS = "page_starts"
"""A PDF's pages: the code point offset where each one begins in the text."""
HEADERS = "headers"
ATTACHMENTS = "attachments"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*")


def cleaned(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``meta`` without empty values; text values stripped, whitespace collapsed."""
    kept: dict[str, Any] = {}
    for key, value in meta.items():
        if isinstance(value, str):
            value = " ".join(value.split())
        if value in (None, "", [], {}):
            continue
        kept[key] = value
    return kept


def iso_date(value: str | date | None) -> str | None:
    """A date as ISO 8601 ``YYYY-MM-DD``, or None when it cannot be read as one.

    Timestamps keep only their day: an article's date is the day it was published."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    return None


def check_date(value: str) -> str:
    """A date the user typed, as stored: empty, or ``YYYY-MM-DD`` (ValueError if not)."""
    text = value.strip()
    if not text:
        return ""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise ValueError(f"{text!r} is not a day of the calendar") from error


def language_code(value: str | None) -> str | None:
    """``fr-FR``, ``fr_FR`` or ``FR`` as the two- or three-letter code ``fr``."""
    if not value:
        return None
    found = _LANGUAGE.fullmatch(value.strip())
    return found.group(1).lower() if found else None


def page_of(meta: Mapping[str, Any], offset: int) -> int | None:
    """The page (from 1) where the code point ``offset`` lies, for a document imported
    from a PDF; None for one that has no pages."""
    starts = meta.get(PAGE_STARTS)
    if not isinstance(starts, list) or not starts:
        return None
    if not all(isinstance(start, int) for start in starts):
        return None
    return max(1, bisect.bisect_right(starts, offset))

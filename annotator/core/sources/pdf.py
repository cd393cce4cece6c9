"""PDF files with a text layer: the text in reading order, one paragraph per block.

pypdf gives each page's lines in the order they are drawn (reading order for what
word processors print) with where each is drawn: a gap wider than the document's usual
line spacing, or a change of type size, starts a paragraph. A word cut at the end of a
line ("at-" / "teint") is joined. Lines repeated at the top or bottom of most pages
(running headers, footers, page numbers) are dropped. Pages are separated by a blank
line and ``meta["page_starts"]`` keeps where each begins, so a span's page can be found.
No OCR: a scanned PDF, with no text layer, is refused.
"""

from __future__ import annotations

import io
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core import article_meta
from annotator.core.errors import InputError
from annotator.core.sources import Extracted, missing_library

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page can be running furniture."""
_PARAGRAPH_GAP = 1.3
"""A gap this many times the usual line spacing ends a paragraph."""
_SIZE_STEP = 0.5
_SOFT_HYPHEN = "\u00ad"
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_DIGITS = re.compile(r"\d+")
# Typesetting ligatures some PDFs put in their text layer ("ﬁle" in Chromium's footer):
# the reader sees, and searches for, the letters.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)


@dataclass
class _Line:
    text: str
    y: float
    size: float


def read_pdf(data: bytes, path: str) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF- header)")
    try:
        import pypdf  # only for PDF files: most imports have none
    except ImportError as error:
        raise missing_library(path, "PDF", "pypdf") from error

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "the PDF is protected by a password: not read")
        pages = [_page_lines(page) for page in reader.pages]
        properties = _properties(reader)
    except InputError:
        raise
    except Exception as error:  # a damaged file makes pypdf raise many kinds of errors
        raise InputError(path, f"cannot read the PDF ({type(error).__name__}: {error})") from error
    if not pages:
        raise InputError(path, "the PDF has no pages")
    pages = _without_running_lines(pages)
    gaps = _usual_line_gaps(pages)
    texts = [_page_text(lines, gaps) for lines in pages]
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for text in texts:
        if text and parts:
            position += 2
        starts.append(position)
        if text:
            parts.append(text)
            position += len(text)
    full = "\n\n".join(parts)
    if not full.strip():
        raise InputError(
            path,
            "the PDF has no text layer (a scanned document?): annotator does not run OCR, "
            "so there is no text to annotate",
        )
    title = properties.pop("title", None)
    meta = article_meta.cleaned({**properties, article_meta.PAGE_STARTS: starts})
    return Extracted(text=full, title=title, meta=meta)


def _properties(reader: Any) -> dict[str, str]:
    info = reader.metadata
    if info is None:
        return {}
    found: dict[str, str] = {}
    if isinstance(info.title, str) and info.title.strip():
        found["title"] = " ".join(info.title.split())
    if isinstance(info.author, str) and info.author.strip():
        found[article_meta.AUTHOR] = info.author
    try:
        created = info.creation_date
    except Exception:  # a date pypdf cannot read is no date, not an unreadable file
        created = None
    day = article_meta.iso_date(created)
    if day:
        found[article_meta.DATE] = day
    return found


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines as pypdf draws them, each with its baseline and type size."""
    lines: list[_Line] = []
    current: list[str] = []
    where: list[float | None] = [None, 0.0]

    def finish() -> None:
        text = "".join(current)
        if text.strip():
            lines.append(_Line(text, where[0] if where[0] is not None else 0.0, where[1] or 0.0))
        current.clear()
        where[0], where[1] = None, 0.0

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        pieces = text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                finish()
            if piece.strip():
                if where[0] is None:
                    where[0] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
                where[1] = max(where[1] or 0.0, size * scale)
            current.append(piece)

    page.extract_text(visitor_text=visit)
    finish()
    return lines


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).casefold()


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without the lines at their top or bottom that most pages repeat (page
    numbers counted as the same line whatever the number)."""
    if len(pages) < 2:
        return pages
    seen: Counter[str] = Counter()
    for lines in pages:
        edges = {_furniture_key(line.text) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        seen.update(edges)
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, count in seen.items() if count >= needed}
    kept = []
    for lines in pages:
        start, end = 0, len(lines)
        while start < min(EDGE_LINES, end) and _furniture_key(lines[start].text) in running:
            start += 1
        while end > max(start, len(lines) - EDGE_LINES) and (
            _furniture_key(lines[end - 1].text) in running
        ):
            end -= 1
        kept.append(lines[start:end])
    return kept


def _size_key(size: float) -> float:
    return round(size / _SIZE_STEP) * _SIZE_STEP


def _usual_line_gaps(pages: list[list[_Line]]) -> dict[float, float]:
    """Type size -> the usual distance between two lines of one paragraph."""
    gaps: defaultdict[float, list[float]] = defaultdict(list)
    for lines in pages:
        for above, below in zip(lines, lines[1:], strict=False):
            if _size_key(above.size) == _size_key(below.size) and above.y > below.y:
                gaps[_size_key(below.size)].append(above.y - below.y)
    return {size: statistics.median(found) for size, found in gaps.items()}


def _page_text(lines: list[_Line], gaps: dict[float, float]) -> str:
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        text = _SPACES.sub(" ", line.text.translate(_LIGATURES)).strip()
        if previous is None or _starts_paragraph(previous, line, gaps):
            paragraphs.append(text)
        else:
            paragraphs[-1] = _joined(paragraphs[-1], text)
        previous = line
    return "\n\n".join(paragraphs)


def _starts_paragraph(above: _Line, line: _Line, gaps: dict[float, float]) -> bool:
    size = _size_key(line.size)
    if size != _size_key(above.size):
        return True
    gap = above.y - line.y
    if gap <= 0:  # back up the page: a new column or a box drawn apart
        return True
    usual = gaps.get(size) or 1.2 * line.size
    return gap > _PARAGRAPH_GAP * usual


def _joined(paragraph: str, line: str) -> str:
    """A paragraph and its next line; a word hyphenated across them made whole."""
    if paragraph.endswith(_SOFT_HYPHEN):
        return paragraph[:-1] + line
    if (
        paragraph.endswith("-")
        and len(paragraph) > 1
        and paragraph[-2].isalpha()
        and line[:1].islower()
    ):
        return paragraph[:-1] + line
    return f"{paragraph} {line}"

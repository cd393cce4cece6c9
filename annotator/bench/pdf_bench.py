"""A 300-page report as a PDF, imported: the target is 10 s.

The PDF is written here, page by page, as a word processor prints one: a running
header and a page number on every page, justified lines of about 80 characters, words
hyphenated at line ends, a gap between paragraphs. The text is the corpus's.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from annotator.bench.corpus import TextMaker
from annotator.bench.run import Result, median_p90

PAGES = 300
LINES_PER_PAGE = 46
LINE_CHARACTERS = 80
_TOP, _LEADING, _PARAGRAPH_GAP = 780, 14, 8


def _escaped(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_lines(maker: TextMaker) -> list[tuple[str, bool]]:
    """(line, ends a paragraph) for one page's body."""
    lines: list[tuple[str, bool]] = []
    while len(lines) < LINES_PER_PAGE:
        paragraph = " ".join(maker.sentence() for _ in range(maker.random.randint(2, 5)))
        words = paragraph.split()
        line = ""
        for word in words:
            if len(line) + 1 + len(word) <= LINE_CHARACTERS:
                line = f"{line} {word}" if line else word
                continue
            if len(word) > 7 and len(line) + 5 <= LINE_CHARACTERS:  # hyphenated at the end
                lines.append((f"{line} {word[:4]}-", False))
                line = word[4:]
            else:
                lines.append((line, False))
                line = word
        lines.append((line, True))
    return lines[:LINES_PER_PAGE]


def _content(number: int, body: list[tuple[str, bool]]) -> bytes:
    parts = [b"BT /F1 9 Tf 72 810 Td (" + _escaped("Rapport d'enquête — document de travail")
             + b") Tj ET"]
    y = _TOP
    for line, ends in body:
        parts.append(b"BT /F1 11 Tf 72 %d Td (" % y + _escaped(line) + b") Tj ET")
        y -= _LEADING + (_PARAGRAPH_GAP if ends else 0)
        if y < 60:
            break
    parts.append(b"BT /F1 9 Tf 290 30 Td (" + _escaped(f"Page {number}") + b") Tj ET")
    return b"\n".join(parts)


def write_report(path: Path, pages: int = PAGES, seed: int = 20261202) -> None:
    maker = TextMaker(seed)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for number in range(1, pages + 1):
        stream = _content(number, _page_lines(maker))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_id
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )
    path.write_bytes(bytes(out))


def bench_pdf_import(workdir: Path, repeats: int) -> list[Result]:
    from annotator.core.importing.articles import read_article

    path = workdir / "rapport-300-pages.pdf"
    write_report(path)
    times = []
    for _ in range(max(repeats, 2)):
        start = time.perf_counter()
        document = read_article(path)
        times.append(time.perf_counter() - start)
    pages = len(document.meta["page_starts"])
    assert pages == PAGES, pages
    assert "document de travail" not in document.text  # the running header is dropped
    return [
        Result(
            f"import a {PAGES}-page PDF ({len(document.text):,} characters)",
            "<= 10 s",
            f"median / p90 {median_p90(times)}",
            statistics.median(times) <= 10,
        )
    ]

"""Files -> documents: read news articles (.txt, .md, .html, .htm, .pdf, .docx, .odt,
.eml) into a project.

A text file's document is its text, kept exactly as written: after decoding, only the
byte order mark goes and CRLF / CR become LF. No Unicode normalisation, no trimming, so
offsets other tools computed on the same text stay valid. HTML pages give their main
article text, extracted from the markup by trafilatura, and what the page says about
itself (outlet, author, date, address, language); nothing in a page is executed or
fetched. The other formats are read by ``annotator.core.sources``.

``import_paths`` is what the command line and the window call: it walks folders,
reads each file on its own (a bad file fails alone and leaves nothing behind) and adds
the documents in batches, one transaction per batch, so ten thousand files import in
seconds.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from annotator.core import article_meta
from annotator.core.errors import InputError
from annotator.core.files.input_files import lies_inside, printable_name, read_input_file
from annotator.core.models import Document, document_id, normalise_newlines
from annotator.core.sources import Extracted
from annotator.core.store import Store

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
WORD_SUFFIXES = frozenset({".docx"})
OPENDOCUMENT_SUFFIXES = frozenset({".odt"})
EMAIL_SUFFIXES = frozenset({".eml"})
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES
    | OPENDOCUMENT_SUFFIXES | EMAIL_SUFFIXES
)
SUPPORTED = ".txt, .md, .html, .htm, .pdf, .docx, .odt or .eml"

BATCH_SIZE = 500
MAX_ARTICLE_BYTES = 50 * 1024 * 1024
"""Far above any article; stops a mistaken multi-gigabyte log from filling memory."""

TITLE_LIMIT = 200

# Encodings a newsroom file that is not UTF-8 most likely uses. Windows-1252 decodes
# every Latin-1 text the same way, and also the curly quotes (’ is 0x92) that Word puts
# in, which Latin-1 would turn into invisible control characters.
_WESTERN_ENCODINGS = frozenset({"cp1252", "latin_1", "iso8859_15"})
# charset-normalizer ranks encodings by how "messy" the decoded text looks; on short
# French text a Baltic or Central European code page can look a hair tidier than
# Windows-1252. Within this margin, the newsroom encoding wins.
_WESTERN_PREFERENCE_MARGIN = 0.1

# Page furniture trafilatura might otherwise keep on short pages: menus, forms
# (comment boxes, newsletter sign-ups), site headers and footers, side boxes.
_HTML_PRUNE_XPATH = [
    "//nav",
    "//*[@role='navigation']",
    "//form",
    "//noscript",
    "//aside",
    "//header[not(ancestor::article)]",
    "//footer[not(ancestor::article)]",
]
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_WHITESPACE = re.compile(r"\s+")
# libxml2's HTML parser compares each attribute of an element with the ones before it:
# 200,000 attributes on one element took over five minutes (50,000: 17 s). No article
# page needs more than a few dozen on one element; beyond this many, the page is
# refused before any parser sees it. Only start tags longer than _LONG_TAG_LENGTH are
# counted, so the check reads the page once.
MAX_ATTRIBUTES_PER_ELEMENT = 1000
_LONG_TAG_LENGTH = 4000
_LONG_START_TAG = re.compile(rf"<[A-Za-z][^<>]{{{_LONG_TAG_LENGTH},}}")
_ATTRIBUTE = re.compile(r"""[\s"'][^\s"'=<>/]+\s*=""")

Outcome = Literal["imported", "present", "failed", "skipped"]


@dataclass(frozen=True)
class FileResult:
    """What happened to one file. ``path`` is the path as the user gave it."""

    path: str
    outcome: Outcome
    doc_id: str | None = None
    title: str | None = None
    reason: str | None = None


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def imported(self) -> int:
        return self._count("imported")

    @property
    def present(self) -> int:
        return self._count("present")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def doc_ids(self) -> list[str]:
        """Ids of the documents named by the input, new or already present, in order."""
        return [r.doc_id for r in self.results if r.doc_id is not None]

    def summary(self) -> str:
        text = (
            f"{self.imported} imported, {self.present} already present, "
            f"{self.failed} failed, {self.skipped} skipped"
        )
        return text + (" (cancelled)" if self.cancelled else "")


@dataclass(frozen=True)
class InputFile:
    """A file to import: where it is, and how the user named it (kept as its source)."""

    path: Path
    shown: str


# -- finding the files ---------------------------------------------------------------


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(
    folder: Path,
    shown: str,
    visited: set[tuple[int, int]] | None = None,
    root: Path | None = None,
) -> Iterator[InputFile | FileResult]:
    """Files under ``folder``, recursively, sorted by name; hidden entries left out.

    A folder reached again through a symbolic link (a loop, or two links to one
    folder) is read once: a loop would otherwise recurse until the path is too long,
    and two loops in one folder double the work at every level. A link that leads out
    of the folder given (``root``), and anything that is not a regular file (a device,
    a named pipe), is skipped and said so; a name that is not UTF-8 fails alone.
    """
    visited = set() if visited is None else visited
    root = folder if root is None else root
    try:
        identity = os.stat(folder)
        if (identity.st_dev, identity.st_ino) in visited:
            yield FileResult(shown, "skipped", reason="a link to a folder already read")
            return
        visited.add((identity.st_dev, identity.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield FileResult(shown, "failed", reason=f"cannot read the folder ({_os_reason(error)})")
        return
    for entry in entries:
        if is_hidden(entry.name):
            continue
        bad_name = printable_name(entry.name)
        if bad_name is not None:
            yield FileResult(
                os.path.join(shown, bad_name),
                "failed",
                reason="its name is not valid UTF-8: rename it to import it",
            )
            continue
        entry_shown = os.path.join(shown, entry.name)
        try:
            is_folder = entry.is_dir()
            is_file = entry.is_file()
        except OSError as error:  # e.g. a link pointing to itself
            yield FileResult(entry_shown, "failed", reason=f"cannot read ({_os_reason(error)})")
            continue
        if entry.is_symlink() and not lies_inside(entry.path, root):
            target = os.path.realpath(entry.path)
            reason = f"a link to {target}, outside the imported folder: not followed"
            yield FileResult(entry_shown, "skipped", reason=reason)
        elif is_folder:
            yield from _walk(Path(entry.path), entry_shown, visited, root)
        elif os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
            yield FileResult(entry_shown, "skipped", reason=f"not a {SUPPORTED} file")
        elif not is_file and os.path.exists(entry.path):  # a dangling link fails on reading
            reason = "not a regular file (a device, pipe or socket): not read"
            yield FileResult(entry_shown, "skipped", reason=reason)
        else:
            yield InputFile(Path(entry.path), entry_shown)


Given = str | Path | InputFile | FileResult
"""A path as the user gave it, a file or folder with the name to show for it (a member
of an archive), or a result already decided (an archive's member left out)."""


def collect_inputs(paths: Iterable[Given]) -> list[InputFile | FileResult]:
    """Expand the paths a user gave into files to read, in order.

    Folders are walked recursively in sorted order, skipping hidden files and folders;
    their files of other kinds come back as ``skipped`` results. A path that does not
    exist, or a file named explicitly that is not an article, comes back ``failed``.
    The same file named twice is read once.
    """
    inputs: list[InputFile | FileResult] = []
    seen: set[str] = set()
    for given in paths:
        if isinstance(given, FileResult):
            inputs.append(given)
            continue
        if isinstance(given, InputFile):
            path, shown = given.path, given.shown
        else:
            path, shown = Path(given), str(given)
        bad_name = printable_name(shown)
        if bad_name is not None:
            reason = "its name is not valid UTF-8: rename it to import it"
            inputs.append(FileResult(bad_name, "failed", reason=reason))
            continue
        if path.is_dir():
            found: Iterable[InputFile | FileResult] = _walk(path, shown)
        elif not path.exists():
            found = [FileResult(shown, "failed", reason="no such file or folder")]
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            found = [
                FileResult(shown, "failed", reason=f"not an article: expected a {SUPPORTED} file")
            ]
        else:
            found = [InputFile(path, shown)]
        for item in found:
            if isinstance(item, InputFile):
                key = os.path.abspath(item.path)
                if key in seen:
                    continue
                seen.add(key)
            inputs.append(item)
    return inputs


# -- reading one article -------------------------------------------------------------


def _os_reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def read_bytes(path: str | Path, shown: str | None = None) -> bytes:
    return read_input_file(path, shown, limit=MAX_ARTICLE_BYTES)


def decode_text(data: bytes, path: str | Path, *, declared: str | None = None) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else the
    declared encoding (an HTML page's ``<meta charset>``), else detection, preferring
    Windows-1252. The BOM is dropped; nothing else is changed.

    Raises InputError for a binary or undecodable file.
    """
    if not data:
        raise InputError(path, "the file is empty")
    bom_encoding = _bom_encoding(data)
    if bom_encoding is not None:
        try:
            return data.decode(bom_encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                path,
                f"starts with a {bom_encoding.upper().removesuffix('-SIG')} byte order "
                f"mark but is not valid {bom_encoding.upper().removesuffix('-SIG')} "
                f"(byte {error.start})",
            ) from error
    if b"\x00" in data:
        raise InputError(
            path,
            "binary file (it contains NUL bytes); if it is UTF-16 text, save it with "
            "a byte order mark",
        )
    try:
        return data.decode("utf-8")  # the fast path: most files, exact, no guessing
    except UnicodeDecodeError as error:
        if error.end == len(data) and not data[: error.start].isascii():
            try:
                data[: error.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                # Valid UTF-8 up to a character cut in half at the very end: a partial
                # download or copy. Read as Windows-1252 it would turn every accent
                # into mojibake ("Ã©") without a word.
                raise InputError(
                    path,
                    f"UTF-8 text cut short in the middle of a character (byte "
                    f"{error.start}): the file looks incomplete",
                ) from error
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    return _detect_and_decode(data, path)


def _bom_encoding(data: bytes) -> str | None:
    # UTF-32 LE's BOM starts with UTF-16 LE's: test the longer one first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _detect_and_decode(data: bytes, path: str | Path) -> str:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    undecodable = InputError(
        path,
        "cannot tell its text encoding: it is not UTF-8, UTF-16 with a byte order mark, "
        "or Windows-1252 / Latin-1 text (a binary file?)",
    )
    if not matches:
        raise undecodable
    best = matches[0]
    for match in matches:
        if match.chaos > best.chaos + _WESTERN_PREFERENCE_MARGIN:
            break
        if _WESTERN_ENCODINGS.intersection(match.could_be_from_charset):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                # Bytes Windows-1252 leaves undefined (0x81, 0x8D, ...): trust the match.
                return str(match)
    return str(best)


def first_non_empty_line(text: str, limit: int = TITLE_LIMIT) -> str:
    """The first line with something on it, stripped; scans only as far as needed."""
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        line = text[start:end].strip()
        if line:
            return line[:limit]
        start = end + 1
    return ""


def _require_content(text: str, path: str | Path) -> None:
    if not text.strip():
        raise InputError(path, "holds only whitespace: there is no text to annotate")


def read_article(path: str | Path, *, source: str | None = None) -> Document:
    """Read one article file into a Document (not stored). ``source`` defaults to the
    path as given.

    Raises InputError naming the file and the reason when it cannot be used.
    """
    source = str(path) if source is None else source
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise InputError(source, f"not an article: expected a {SUPPORTED} file")
    data = read_bytes(path, source)
    extracted = _extracted(data, suffix, source)
    text = extracted.text
    if "\r" in text:
        text = normalise_newlines(text)
    _require_content(text, source)
    # Built directly rather than by Document.from_text, which normalises newlines again:
    # ten thousand files import measurably faster. The id is the same function's.
    return Document(
        id=document_id(text),
        title=(extracted.title or first_non_empty_line(text))[:TITLE_LIMIT],
        text=text,
        source=source,
        language=extracted.language,
        meta=extracted.meta,
    )


def _extracted(data: bytes, suffix: str, source: str) -> Extracted:
    """The text and metadata of a file, read as its suffix says."""
    if suffix in HTML_SUFFIXES:
        return _html_article(data, source)
    if suffix in PDF_SUFFIXES:
        from annotator.core.sources.pdf import read_pdf

        return read_pdf(data, source)
    if suffix in WORD_SUFFIXES:
        from annotator.core.sources.office import read_docx

        return read_docx(data, source)
    if suffix in OPENDOCUMENT_SUFFIXES:
        from annotator.core.sources.office import read_odt

        return read_odt(data, source)
    if suffix in EMAIL_SUFFIXES:
        return _email(data, source)
    text = decode_text(data, source)
    if suffix in MARKDOWN_SUFFIXES:
        from annotator.core.sources.markdown_text import read_markdown

        return read_markdown(text, source)
    return Extracted(text=text)


def _email(data: bytes, source: str) -> Extracted:
    from annotator.core.sources.mail import read_email

    mail = read_email(data, source)
    if mail.html is None:
        return mail.extracted
    page = _html_article(mail.html.encode("utf-8"), source)
    # The message's headers say who wrote it and when, better than the markup does.
    return Extracted(
        text=page.text,
        title=mail.extracted.title or page.title,
        meta={**page.meta, **mail.extracted.meta},
        language=page.language,
    )


# -- HTML ----------------------------------------------------------------------------


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, 4096)
    return match.group(1).decode("ascii") if match else None


def _html_article(data: bytes, path: str) -> Extracted:
    """The main text of an HTML page, one paragraph per block, with the page's title,
    language and what its markup says about it (Open Graph, JSON-LD, ``<meta>``)."""
    html = decode_text(data, path, declared=_declared_charset(data))
    _require_content(html, path)
    _refuse_crowded_elements(html, path)
    import trafilatura  # only now: it takes a while to import and most imports are text

    # Broken markup makes lxml and trafilatura raise many kinds of errors; any of them
    # means this one file cannot be read, never that the whole import stops.
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise InputError(path, "cannot parse the HTML")
        title = _html_title(tree)
        meta = _html_meta(tree)
        extracted = trafilatura.extract(
            tree,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
            prune_xpath=_HTML_PRUNE_XPATH,
        )
    except InputError:
        raise
    except Exception as error:
        raise InputError(path, f"cannot parse the HTML ({error})") from error
    if not extracted or not extracted.strip():
        raise InputError(path, "no article text found in this HTML page")
    # trafilatura puts one block per line; a blank line between blocks is how text
    # files separate paragraphs, and how the window shows them.
    lines = (line.strip() for line in normalise_newlines(extracted).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    language = article_meta.language_code(_first(tree, _LANGUAGE_XPATHS))
    title = _without_outlet(title, meta.get(article_meta.SITE))
    return Extracted(text=text, title=title or None, meta=meta, language=language)


_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " : ", " · ")


def _without_outlet(title: str, site: str | None) -> str:
    """A page's title without the outlet's name that pages append to it ("Le coût a
    doublé - Le Courrier de l'Ouest"): the outlet is kept apart, as ``site``."""
    if not site:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == site.strip().casefold():
            return head.strip()
    return title


_LANGUAGE_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[@property='og:locale']/@content",
    "//meta[@http-equiv='content-language']/@content",
)


def _first(tree: Any, xpaths: Iterable[str]) -> str | None:
    for xpath in xpaths:
        for found in tree.xpath(xpath):
            if isinstance(found, str) and found.strip():
                return found.strip()
    return None


def _html_meta(tree: Any) -> dict[str, Any]:
    """Outlet, author, publication date, canonical address and summary, as the page's
    markup declares them (trafilatura reads Open Graph, JSON-LD and ``<meta>`` tags).
    Only the markup counts: the date is not guessed from the text."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(tree, extensive=False)
    return article_meta.cleaned(
        {
            article_meta.URL: found.url or "",
            article_meta.SITE: found.sitename or "",
            article_meta.AUTHOR: _author(found.author or ""),
            article_meta.DATE: article_meta.iso_date(found.date) or "",
            article_meta.DESCRIPTION: found.description or "",
        }
    )


_BYLINE_START = re.compile(r"^(?:par|by|von|por|di|door)\s+", re.IGNORECASE)


def _author(found: str) -> str:
    """The names in an author line: a byline read from the text ("Par Claire Dubois,
    le 3 juillet") loses its "Par" and its date words."""
    names = []
    for part in re.split(r"[;,]", found):
        name = _BYLINE_START.sub("", part.strip())
        if len(name) > 3 and not name[:1].isdigit():
            names.append(name)
    return ", ".join(names)


def _refuse_crowded_elements(html: str, path: str) -> None:
    for tag in _LONG_START_TAG.finditer(html):
        count = len(_ATTRIBUTE.findall(tag.group()))
        if count > MAX_ATTRIBUTES_PER_ELEMENT:
            raise InputError(
                path,
                f"an element with {count:,} attributes (at most "
                f"{MAX_ATTRIBUTES_PER_ELEMENT:,}): not an article page; not read",
            )


def _html_title(tree: Any) -> str:
    """``<title>``, else the Open Graph title, else the first ``<h1>``; whitespace
    collapsed as a browser shows it."""
    for xpath in ("//title", "//meta[@property='og:title']/@content", "//h1"):
        found = tree.xpath(xpath)
        for item in found:
            raw = item if isinstance(item, str) else item.text_content()
            title = _WHITESPACE.sub(" ", raw).strip()
            if title:
                return title[:TITLE_LIMIT]
    return ""


# -- importing into a project --------------------------------------------------------


def import_paths(
    store: Store,
    paths: Iterable[Given],
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import article files and folders into ``store``.

    Each file is read on its own: one that cannot be used is reported ``failed`` with
    the reason, and the others still import. Documents are added in batches, one
    transaction each: ``batch_size`` at first, then twice as many each time, up to
    eight times ``batch_size``. ``progress(done, total)`` is called after each
    file; ``should_cancel()`` is checked before each file, and on cancel the documents
    already read are still stored, so every ``imported`` result is in the project.

    A project that cannot be written (disk full, locked) raises ProjectError; batches
    committed before that stay.
    """
    inputs = collect_inputs(paths)
    total = len(inputs)
    batch = batch_size
    report = ImportReport()
    results: list[FileResult | None] = []
    pending: list[tuple[int, Document]] = []

    def store_pending() -> None:
        if not pending:
            return
        added = store.add_documents(document for _, document in pending)
        for (index, document), is_new in zip(pending, added, strict=True):
            results[index] = FileResult(
                document.source or "",
                "imported" if is_new else "present",
                doc_id=document.id,
                title=document.title,
            )
        pending.clear()

    for done, item in enumerate(inputs, start=1):
        if should_cancel is not None and should_cancel():
            report.cancelled = True
            break
        if isinstance(item, FileResult):
            results.append(item)
        else:
            try:
                document = read_article(item.path, source=item.shown)
            except InputError as error:
                results.append(FileResult(item.shown, "failed", reason=error.reason))
            except Exception as error:  # a library's failure on one file fails that file
                reason = f"cannot be read ({type(error).__name__}: {error})"
                results.append(FileResult(item.shown, "failed", reason=reason))
            else:
                pending.append((len(results), document))
                results.append(None)  # filled in once the batch is stored
                if len(pending) >= batch:
                    store_pending()
                    # Each commit waits for the disk: batches grow to eight times the
                    # first, so 100,000 articles take 30 commits rather than 200.
                    batch = min(2 * batch, 8 * batch_size)
        if progress is not None:
            progress(done, total)
    store_pending()
    report.results = [result for result in results if result is not None]
    return report

"""Word (``.docx``) and OpenDocument (``.odt``) files: the text as the author sees it.

Each paragraph and heading is its own block; a table gives one line per row, its cells
separated by tabs. Tracked changes are read as accepted: deleted text is left out,
inserted text kept. A footnote's mark stays in the text as its number and the notes
follow the text, each on its own, after the mark. Comments, images and text boxes are
not part of the article. The title, author, date and language are the file's own
properties when it has them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from annotator.core import article_meta
from annotator.core.errors import InputError
from annotator.core.importing.archives import MAX_RATIO, RATIO_FLOOR_BYTES
from annotator.core.sources import Extracted, joined_blocks, missing_library

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_META_NS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def _require_zip(data: bytes, path: str, kind: str) -> None:
    """A Word or OpenDocument file is a zip package: refused when it is not one, or when
    a part would expand as a zip bomb does (the rule archives follow)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, f"not a {kind} file (it is not a zip package): not read")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            compressed = max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * compressed:
                raise InputError(
                    path,
                    f"its part {info.filename} is compressed {info.file_size // compressed} "
                    f"times (more than {MAX_RATIO} times is refused): a zip bomb; not read",
                )


# -- Word ------------------------------------------------------------------------------


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


_DELETED = frozenset({_w("del"), _w("moveFrom")})
_SKIPPED_RUN_PARTS = frozenset({_w("instrText"), _w("delText"), _w("drawing"), _w("pict")})


def read_docx(data: bytes, path: str) -> Extracted:
    _require_zip(data, path, "Word (.docx)")
    try:
        import docx  # only for Word files
    except ImportError as error:
        raise missing_library(path, "Word (.docx)", "python-docx") from error

    try:
        document = docx.Document(io.BytesIO(data))
        notes = _docx_footnotes(document)
        marks: list[str] = []
        blocks = list(_docx_blocks(document.element.body, notes, marks))
        properties = document.core_properties
        title = (properties.title or "").strip() or None
        meta = {
            article_meta.AUTHOR: properties.author or "",
            article_meta.DATE: article_meta.iso_date(properties.created) or "",
        }
        language = article_meta.language_code(properties.language)
    except InputError:
        raise
    except Exception as error:  # a damaged package makes python-docx raise many kinds
        reason = f"cannot read the Word file ({type(error).__name__}: {error})"
        raise InputError(path, reason) from error
    blocks += [f"{mark} {notes[key]}" for key, mark in _numbered(marks) if notes.get(key)]
    text = joined_blocks(blocks)
    if not text:
        raise InputError(path, "the Word file holds no text")
    return Extracted(text=text, title=title, meta=article_meta.cleaned(meta), language=language)


def _numbered(marks: list[str]) -> Iterator[tuple[str, str]]:
    """(footnote id, the number shown for it) in the order the text cites them."""
    for number, mark_id in enumerate(marks, start=1):
        yield mark_id, str(number)


def _docx_footnotes(document: Any) -> dict[str, str]:
    from docx.oxml import parse_xml

    for relationship in document.part.rels.values():
        if relationship.reltype == _FOOTNOTES and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            found = {}
            for note in root.iter(_w("footnote")):
                if note.get(_w("type")) in ("separator", "continuationSeparator"):
                    continue
                paragraphs = [_docx_paragraph_text(p, None, []) for p in note.iter(_w("p"))]
                kept = [paragraph.strip() for paragraph in paragraphs if paragraph.strip()]
                found[str(note.get(_w("id")))] = " ".join(kept)
            return found
    return {}


def _docx_blocks(body: Any, notes: dict[str, str], marks: list[str]) -> Iterator[str]:
    for child in body.iterchildren():
        if child.tag == _w("p"):
            yield _docx_paragraph_text(child, notes, marks)
        elif child.tag == _w("tbl"):
            for row in child.iter(_w("tr")):
                cells = [
                    " ".join(_docx_paragraph_text(p, notes, marks) for p in cell.iter(_w("p")))
                    for cell in row.iterchildren(_w("tc"))
                ]
                yield "\t".join(cell.strip() for cell in cells)
        elif child.tag == _w("sdt"):  # a content control: its content is the document's
            for content in child.iterchildren(_w("sdtContent")):
                yield from _docx_blocks(content, notes, marks)


def _docx_paragraph_text(paragraph: Any, notes: dict[str, str] | None, marks: list[str]) -> str:
    parts: list[str] = []
    for element in paragraph.iter():
        tag = element.tag
        if tag == _w("t"):
            if not _deleted(element, paragraph):
                parts.append(element.text or "")
        elif tag == _w("tab") and element.getparent().tag == _w("r"):
            parts.append("\t")
        elif tag in (_w("br"), _w("cr")):
            parts.append("\n")
        elif tag == _w("noBreakHyphen"):
            parts.append("\u2011")
        elif tag == _w("footnoteReference") and notes is not None:
            if not _deleted(element, paragraph):
                marks.append(str(element.get(_w("id"))))
                parts.append(str(len(marks)))
    return "".join(parts)


def _deleted(element: Any, paragraph: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _DELETED:
            return True
        if ancestor is paragraph:
            return False
    return False


# -- OpenDocument ------------------------------------------------------------------------


def read_odt(data: bytes, path: str) -> Extracted:
    _require_zip(data, path, "OpenDocument text (.odt)")
    try:
        from odf.opendocument import load  # only for OpenDocument files
    except ImportError as error:
        raise missing_library(path, "OpenDocument (.odt)", "odfpy") from error

    try:
        document = load(io.BytesIO(data))
        notes: list[str] = []
        blocks = list(_odt_blocks(document.text, notes))
        properties = _odt_properties(document.meta)
    except InputError:
        raise
    except Exception as error:
        raise InputError(
            path, f"cannot read the OpenDocument file ({type(error).__name__}: {error})"
        ) from error
    text = joined_blocks(blocks + notes)
    if not text:
        raise InputError(path, "the OpenDocument file holds no text")
    title = properties.pop("title", None)
    language = article_meta.language_code(properties.pop("language", None))
    meta = article_meta.cleaned(properties)
    return Extracted(text=text, title=title, meta=meta, language=language)


def _name(node: Any) -> tuple[str, str] | None:
    return getattr(node, "qname", None)


def _odt_blocks(parent: Any, notes: list[str]) -> Iterator[str]:
    for node in parent.childNodes:
        name = _name(node)
        if name in ((_TEXT_NS, "p"), (_TEXT_NS, "h")):
            yield _odt_inline(node, notes)
        elif name == (_TABLE_NS, "table-row"):
            cells = [
                " ".join(_odt_inline(p, notes) for p in _odt_descendants(cell, "p"))
                for cell in node.childNodes
                if _name(cell) == (_TABLE_NS, "table-cell")
            ]
            yield "\t".join(cell.strip() for cell in cells)
        elif name in ((_TEXT_NS, "tracked-changes"), (_OFFICE_NS, "annotation")):
            continue  # deleted text and comments: not the article's
        elif name is not None and name[0] in (_TEXT_NS, _TABLE_NS):
            yield from _odt_blocks(node, notes)  # sections, lists, table parts


def _odt_descendants(node: Any, local: str) -> Iterator[Any]:
    for child in node.childNodes:
        if _name(child) in ((_TEXT_NS, local), (_TEXT_NS, "h")):
            yield child
        elif _name(child) is not None:
            yield from _odt_descendants(child, local)


def _odt_inline(node: Any, notes: list[str]) -> str:
    parts: list[str] = []
    for child in node.childNodes:
        name = _name(child)
        if name is None:
            parts.append(getattr(child, "data", "") or "")
        elif name == (_TEXT_NS, "s"):
            parts.append(" " * int(child.getAttribute("c") or 1))
        elif name == (_TEXT_NS, "tab"):
            parts.append("\t")
        elif name == (_TEXT_NS, "line-break"):
            parts.append("\n")
        elif name == (_TEXT_NS, "note"):
            citation, body = _odt_note(child, notes)
            parts.append(citation)
            notes.append(f"{citation} {body}".strip())
        elif name in ((_OFFICE_NS, "annotation"), (_TEXT_NS, "tracked-changes")):
            continue
        elif name[0] == _TEXT_NS:
            parts.append(_odt_inline(child, notes))  # spans, links, fields
    return "".join(parts)


def _odt_note(note: Any, notes: list[str]) -> tuple[str, str]:
    citation, body = "", []
    for child in note.childNodes:
        if _name(child) == (_TEXT_NS, "note-citation"):
            citation = _odt_inline(child, notes)
        elif _name(child) == (_TEXT_NS, "note-body"):
            body = [_odt_inline(p, notes).strip() for p in _odt_descendants(child, "p")]
    return citation, " ".join(part for part in body if part)


def _odt_properties(meta: Any) -> dict[str, str]:
    values: dict[tuple[str, str], str] = {}
    for child in getattr(meta, "childNodes", []):
        name = _name(child)
        if name is not None:
            values[name] = "".join(getattr(node, "data", "") or "" for node in child.childNodes)
    author = values.get((_META_NS, "initial-creator")) or values.get((_DC_NS, "creator"))
    day = values.get((_META_NS, "creation-date")) or values.get((_DC_NS, "date"))
    return {
        "title": values.get((_DC_NS, "title"), "").strip(),
        "language": values.get((_DC_NS, "language"), ""),
        article_meta.AUTHOR: author or "",
        article_meta.DATE: article_meta.iso_date(day) or "",
    }

"""Markdown (``.md``) rendered to the plain text a reader sees.

Parsed by markdown-it-py (CommonMark, with tables): headings and paragraphs are
blocks, emphasis markers and link syntax go (a link keeps its words), list items keep a
bullet or their number, code keeps its text, raw HTML and images are left out. The
first ``# Title`` is the document's title. Front matter as static site generators write
it (``---`` lines around ``title:``, ``author:``, ``date:``...) is the article's
metadata, not its text.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core import article_meta
from annotator.core.sources import Extracted, joined_blocks, missing_library

BULLET = "•"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_FRONT_MATTER_KEYS = {
    "title": "title",
    "author": article_meta.AUTHOR,
    "authors": article_meta.AUTHOR,
    "date": article_meta.DATE,
    "url": article_meta.URL,
    "canonical_url": article_meta.URL,
    "source": article_meta.SITE,
    "site": article_meta.SITE,
    "publisher": article_meta.SITE,
    "description": article_meta.DESCRIPTION,
    "summary": article_meta.DESCRIPTION,
    "lang": "language",
    "language": "language",
}


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` lines of a leading front matter block, and the rest."""
    found = _FRONT_MATTER.match(source)
    if found is None:
        return {}, source
    fields: dict[str, str] = {}
    for key, value in _FIELD.findall(found.group(1)):
        name = _FRONT_MATTER_KEYS.get(key.lower())
        value = value.strip().strip("'\"").strip("[]").strip()
        if name is not None and value and name not in fields:
            fields[name] = value
    return fields, source[found.end() :]


def read_markdown(source: str, path: str) -> Extracted:
    try:
        from markdown_it import MarkdownIt  # only for Markdown files
    except ImportError as error:
        raise missing_library(path, "Markdown", "markdown-it-py") from error

    fields, source = _front_matter(source)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[str] = []
    title: str | None = None
    prefixes: list[str] = []
    ordered: list[int] = []
    row: list[str] | None = None
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind == "bullet_list_open":
            ordered.append(-1)
        elif kind == "ordered_list_open":
            ordered.append(int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif kind == "list_item_open":
            if ordered and ordered[-1] >= 0:
                prefixes.append(f"{ordered[-1]}. ")
                ordered[-1] += 1
            else:
                prefixes.append(f"{BULLET} ")
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append("\t".join(row))
            row = None
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text.strip())
                continue
            if prefixes:
                text = "".join(prefixes) + text
                prefixes.clear()
            if heading_level == 1 and title is None:
                title = " ".join(text.split())
            heading_level = 0
            blocks.append(text)
        elif kind in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    meta = {key: value for key, value in fields.items() if key not in ("title", "language")}
    if article_meta.DATE in meta:
        meta[article_meta.DATE] = article_meta.iso_date(meta[article_meta.DATE]) or ""
    return Extracted(
        text=joined_blocks(blocks),
        title=fields.get("title") or title,
        meta=article_meta.cleaned(meta),
        language=article_meta.language_code(fields.get("language")),
    )


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "image":
            continue  # an image's alt text is not the article's
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)

"""Markdown (``.md``) rendered to the plain text a reader sees.

Parsed by markdown-it-py (CommonMark, with tables): headings and paragraphs are
blocks, emphasis markers and link syntax go (a link keeps its words), list items keep a
bullet or their number, code keeps its text, raw HTML and images are left out. The
first ``# Title`` is the document's title.
"""

from __future__ import annotations

from typing import Any

from annotator.core.sources import Extracted, joined_blocks, missing_library

BULLET = "•"


def read_markdown(source: str, path: str) -> Extracted:
    try:
        from markdown_it import MarkdownIt  # only for Markdown files
    except ImportError as error:
        raise missing_library(path, "Markdown", "markdown-it-py") from error

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
    return Extracted(text=joined_blocks(blocks), title=title)


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

"""Readers of the files that are not plain text or web pages: PDF, Word and
OpenDocument files, e-mails, Markdown. Each turns the file's bytes into the article's
text (blocks separated by a blank line, as in a text file) and what the file says about
itself, and raises InputError naming the file when it cannot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError


@dataclass
class Extracted:
    """One file read: its text, its own title if it has one, and its metadata (keys of
    ``annotator.core.article_meta``)."""

    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    language: str | None = None


def joined_blocks(blocks: list[str]) -> str:
    """Blocks, each stripped, empty ones left out, separated by a blank line."""
    return "\n\n".join(block for block in (block.strip() for block in blocks) if block)


def missing_library(path: str, kind: str, distribution: str) -> InputError:
    """The file cannot be read because the library for its kind is not installed."""
    return InputError(
        path,
        f"reading {kind} files needs {distribution}, which is not installed: "
        f"pip install {distribution}",
    )

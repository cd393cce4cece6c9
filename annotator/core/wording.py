"""Counted nouns in the command line's English messages: "1 document", "2 documents"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """The number with its noun in the right form (English: only 1 is singular)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"

"""Rows of a project file that cannot be read as what they should be.

A file edited by another program, a disk that flipped bytes, a crafted colleague's
project: one span with a negative start, a document whose text is not UTF-8 or a status
nobody knows must cost that row, never the whole project. The store reads around such a
row, notes it here, and the commands name every one they left out;
``annotator check --repair`` takes them out of the file after a backup.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import ProjectError

DELETE = "delete"
RESET_META = "reset meta"


@dataclass(frozen=True)
class DamagedRow:
    table: str
    rowid: int
    name: str
    """What the user knows the row by: "span 8a6e… in document 172dcde2ad1b"."""
    reason: str
    repair: str = DELETE
    """What ``check --repair`` does with it: delete the row, or reset a document's meta."""
    item_id: str = ""
    """The id of the span or document the row holds, when it can be read."""

    def __str__(self) -> str:
        return f"{self.name} ({self.table} row {self.rowid}): {self.reason}"

    @property
    def repair_text(self) -> str:
        if self.repair == RESET_META:
            return f"reset the meta of {self.name} to {{}}"
        if self.table == "documents":
            return f"remove {self.name} with its spans, statuses and decisions"
        if self.table == "settings":
            return "remove the unreadable label set (the default labels apply)"
        return f"remove {self.name}"


class DamagedDocument(ProjectError):
    """A document whose own row cannot be read (its text or title is not UTF-8)."""


class UndecodableText(str):
    """Text SQLite holds that is not UTF-8, read with replacement characters so the
    row can be named; a row holding one is damaged."""


def text_or_undecodable(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return UndecodableText(raw.decode("utf-8", "replace"))


def describe(rows: list[DamagedRow]) -> list[str]:
    """The lines a command prints about the damaged rows it left out."""
    if not rows:
        return []
    lines = [
        f"left out {len(rows)} damaged row{'s' * (len(rows) != 1)} of the project file "
        "(`annotator check --repair` shows how to take them out):"
    ]
    lines += [f"  {row}" for row in rows]
    return lines

"""How user text (spans, labels, titles, file names) is quoted in menus, panels and undo
steps."""

from __future__ import annotations


def short_text(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_typed(text: str) -> str:
    """``text`` for a menu entry, a button or a check box, shown as typed: Qt reads a lone
    "&" there as the mark of a keyboard mnemonic and hides it ("R&D" showed as "RD").
    Cut the text (``short_text``) before, never after: a cut could split the "&&"."""
    return text.replace("&", "&&")

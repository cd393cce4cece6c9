"""How spans' text is quoted in menus, panels and undo steps."""

from __future__ import annotations


def short_text(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

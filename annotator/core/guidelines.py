"""Guidelines as the window, the shortcut sheet and the report show them: Markdown made
into HTML that cannot run or fetch anything.

Raw HTML in the Markdown is shown as text (a ``<script>`` stays visible, never runs);
an image becomes its alt text in brackets, so no page of guidelines loads anything from
the network or the disk; links keep only web and mail addresses (markdown-it already
refuses ``javascript:`` and ``data:``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotator.core.models import LabelSet

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")


def _image_as_text(
    renderer: Any, tokens: Sequence[Token], index: int, options: Any, env: Any
) -> str:
    token = tokens[index]
    alt = "".join(child.content for child in token.children or ())
    return f"[{html.escape(alt or 'image')}]"


def _markdown() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False})
    renderer.validateLink = lambda url: url.strip().lower().startswith(_SAFE_SCHEMES)  # type: ignore[method-assign]
    renderer.add_render_rule("image", _image_as_text)
    return renderer


_RENDERER = _markdown()


def render(markdown: str) -> str:
    """Safe HTML for ``markdown``."""
    return str(_RENDERER.render(markdown))


def sections(label_set: LabelSet, language: str) -> list[tuple[str | None, str, str]]:
    """(label name or None for the project's, heading, HTML) of every guideline written,
    the project's first, then the labels' in the scheme's order (retired ones too:
    their spans are still there to read)."""
    found: list[tuple[str | None, str, str]] = []
    project = label_set.guideline(language)
    if project:
        found.append((None, "", render(project)))
    for label in label_set.labels:
        text = label.guideline(language)
        if text:
            found.append((label.name, label.display_name(language), render(text)))
    return found


def page(label_set: LabelSet, language: str) -> str:
    """Every guideline written, as one HTML page (a label's under an anchor
    ``label-NAME`` and a heading with its name); empty when none is written."""
    parts: list[str] = []
    for name, heading, body in sections(label_set, language):
        if name is None:
            parts.append(body)
        else:
            anchor = html.escape(name)
            parts.append(f'<a name="label-{anchor}"></a><h2>{html.escape(heading)}</h2>{body}')
    return "\n".join(parts)

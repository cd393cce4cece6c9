"""Checks behind two promises: the tool never goes on the network, and text written into
HTML is shown as text, never run as markup.

Where HTML is written, escape every piece of text with ``html.escape(text, quote=True)``
(attributes too). ``unescaped_texts`` is the test for that rule: give it the HTML you
wrote and the texts that went in, typically ``HOSTILE_TEXTS`` put in documents, labels
and annotator names. ``forbid_network`` makes any attempt to connect raise at once.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from html.parser import HTMLParser
from typing import Any
from unittest import mock

HOSTILE_TEXTS: tuple[str, ...] = (
    "<script>alert('span')</script>",
    '<img src="http://example.invalid/x.png" onerror="alert(1)">',
    '"><b>bold</b><a href="javascript:alert(1)">',
    "' onmouseover='alert(1)",
    "&lt;already escaped&gt; &amp; &#60;",
    "</td></tr></table><iframe src=//example.invalid>",
    "<!-- comment --> <![CDATA[ x ]]>",
)
"""Texts that break a page written without escaping: tags, attributes, entities."""


class _ShownText(HTMLParser):
    """Collects what a browser shows as text and the attribute values, decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.pieces.extend(value for _, value in attrs if value is not None)

    def handle_endtag(self, tag: str) -> None:
        self._flush()

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def _flush(self) -> None:
        if self._text:
            self.pieces.append("".join(self._text))
            self._text = []

    def close(self) -> None:
        super().close()
        self._flush()


_MARKUP_CHARACTERS = frozenset("<>&\"'")


def unescaped_texts(page: str, texts: Iterable[str]) -> list[str]:
    """The ``texts`` that ``page`` does not hold as escaped text.

    A text is listed when its raw form (with ``<``, ``&``, quotes) is in the page
    source, which ``html.escape(text, quote=True)`` never leaves, or when a browser
    would not show it whole in one text run or attribute value (it became markup).
    """
    parser = _ShownText()
    parser.feed(page)
    parser.close()
    problems = []
    for text in texts:
        raw_in_source = bool(_MARKUP_CHARACTERS.intersection(text)) and text in page
        shown = any(text in piece for piece in parser.pieces)
        if raw_in_source or not shown:
            problems.append(text)
    return problems


class NetworkForbidden(RuntimeError):
    """Something tried to open a network connection where none may be opened."""


@contextmanager
def forbid_network() -> Iterator[list[str]]:
    """Within the block every name lookup and connection raises ``NetworkForbidden``;
    the yielded list records each attempt (even one the caller swallowed).

    Local Unix sockets are allowed: they do not leave the machine.
    """
    attempts: list[str] = []

    def refusing(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            target = args[1] if name.startswith("socket.") and len(args) > 1 else args[:1]
            if name.startswith("socket.") and getattr(args[0], "family", None) == socket.AF_UNIX:
                return original(*args, **kwargs)
            attempts.append(f"{name}{target!r}")
            raise NetworkForbidden(f"network access attempted: {name} {target!r}")

        return refuse

    targets = {
        "socket.connect": (socket.socket, "connect"),
        "socket.connect_ex": (socket.socket, "connect_ex"),
        "socket.sendto": (socket.socket, "sendto"),
        "getaddrinfo": (socket, "getaddrinfo"),
        "gethostbyname": (socket, "gethostbyname"),
        "gethostbyname_ex": (socket, "gethostbyname_ex"),
        "create_connection": (socket, "create_connection"),
    }
    with ExitStack() as stack:
        for name, (owner, attribute) in targets.items():
            original = getattr(owner, attribute)
            stack.enter_context(mock.patch.object(owner, attribute, refusing(name, original)))
        yield attempts

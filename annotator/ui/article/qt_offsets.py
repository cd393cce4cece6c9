"""The one place where Qt text positions (UTF-16 code units) meet stored offsets
(code points). Everything else in the UI speaks code points.

Built on ``annotator.core.text.offsets.Utf16Map``; a map is made once per document text and
kept in a small cache, since building it scans the whole text.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QTextBlock, QTextCursor

from annotator.core.text.offsets import Rounding, Utf16Map

_CACHE_SIZE = 8


class TextPositions:
    """Converts positions for one document text shown in a QTextDocument."""

    __slots__ = ("_map", "identity", "length")

    def __init__(self, text: str) -> None:
        self._map = Utf16Map(text)
        # Most French articles hold no emoji: then both units agree and we skip the maths.
        self.identity = self._map.is_identity
        self.length = len(text)

    @property
    def qt_length(self) -> int:
        return self._map.utf16_length

    def to_qt(self, cp: int) -> int:
        return cp if self.identity else self._map.to_utf16(cp)

    def to_code_point(self, qt_position: int, rounding: Rounding = "down") -> int:
        if self.identity:
            return qt_position
        return self._map.to_code_point(qt_position, rounding)

    def selection(self, cursor: QTextCursor) -> tuple[int, int]:
        """A cursor's selection as code points; a split surrogate pair widens outwards."""
        return (
            self.to_code_point(cursor.selectionStart(), "down"),
            self.to_code_point(cursor.selectionEnd(), "up"),
        )

    def caret(self, cursor: QTextCursor) -> int:
        return self.to_code_point(cursor.position(), "down")

    def block_start(self, block: QTextBlock) -> int:
        return self.to_code_point(block.position(), "down")


_cache: OrderedDict[str, TextPositions] = OrderedDict()


def positions_for(doc_id: str, text: str) -> TextPositions:
    """The (cached) converter for a document; documents are immutable, keyed by id."""
    positions = _cache.get(doc_id)
    if positions is None or positions.length != len(text):
        positions = TextPositions(text)
        _cache[doc_id] = positions
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(doc_id)
    return positions

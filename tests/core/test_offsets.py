from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text.offsets import Utf16Map, utf16_length, utf16_to_code_points

TEXT = "Meta 😀 offre 👩‍💻 100 M$ à é"


def qt_like_utf16_index(text: str, cp: int) -> int:
    """What a UTF-16 based widget reports for code point ``cp``."""
    return len(text[:cp].encode("utf-16-le")) // 2


def test_offsets_after_an_emoji_shift_by_one_unit() -> None:
    mapping = Utf16Map(TEXT)
    offre = TEXT.index("offre")
    assert mapping.to_utf16(offre) == offre + 1
    assert mapping.to_code_point(offre + 1) == offre


def test_every_code_point_round_trips() -> None:
    mapping = Utf16Map(TEXT)
    for cp in range(len(TEXT) + 1):
        u16 = mapping.to_utf16(cp)
        assert u16 == qt_like_utf16_index(TEXT, cp)
        assert mapping.to_code_point(u16) == cp


def test_position_inside_a_surrogate_pair_snaps_by_rounding() -> None:
    mapping = Utf16Map("a😀b")
    assert not mapping.is_boundary(2)
    assert mapping.to_code_point(2, "down") == 1
    assert mapping.to_code_point(2, "up") == 2
    assert utf16_to_code_points("a😀b", 1, 3) == (1, 2)


def test_out_of_range_is_refused() -> None:
    mapping = Utf16Map("abc")
    with pytest.raises(ValueError):
        mapping.to_utf16(4)
    with pytest.raises(ValueError):
        mapping.to_code_point(-1)


@given(st.text())
def test_utf16_mapping_agrees_with_the_encoder(text: str) -> None:
    mapping = Utf16Map(text)
    assert mapping.utf16_length == utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u16 = qt_like_utf16_index(text, cp)
        assert mapping.to_utf16(cp) == u16
        assert mapping.is_boundary(u16)
        assert mapping.to_code_point(u16, "down") == cp
        assert mapping.to_code_point(u16, "up") == cp


@given(st.text(alphabet=st.sampled_from("ab é😀🇫🇷\u0301\u200d👩"), max_size=30))
def test_a_utf16_span_reads_as_the_code_points_it_covers_or_not_at_all(text: str) -> None:
    """What the import reads a UTF-16 span as: the text it covers, or None when an edge
    cuts an emoji in half."""
    mapping = Utf16Map(text)
    encoded = text.encode("utf-16-le")
    for start in range(mapping.utf16_length + 1):
        for end in range(start + 1, mapping.utf16_length + 1):
            reading = mapping.code_point_span(start, end)
            cuts = not (mapping.is_boundary(start) and mapping.is_boundary(end))
            if cuts:
                assert reading is None
            else:
                assert reading is not None
                covered = encoded[2 * start : 2 * end].decode("utf-16-le")
                assert text[reading[0] : reading[1]] == covered

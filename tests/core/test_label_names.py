"""Label names in any alphabet: a letter, then letters, digits, '_' or '-'."""

from __future__ import annotations

import unicodedata

import pytest
from pydantic import ValidationError

from annotator.core.formats.brat import brat_type_name, label_from_brat_type
from annotator.core.models import Label


@pytest.mark.parametrize(
    "name", ["Société", "Démenti", "Gespräch", "Ελληνικά", unicodedata.normalize("NFD", "Société")]
)
def test_labels_may_be_named_in_any_alphabet(name: str) -> None:
    assert Label(name=name, key="x", color="#000000").name == name


@pytest.mark.parametrize("name", [",", "1st", "two words", "-x", "_x", ""])
def test_a_label_name_still_starts_with_a_letter_and_has_no_spaces(name: str) -> None:
    with pytest.raises(ValidationError):
        Label(name=name, key="x", color="#000000")


@pytest.mark.parametrize(
    "name", ["Société", "Gespräch", "said_by", "PER", "xn--abc", "Ελληνικά", "a-b_c"]
)
def test_brat_type_names_decode_to_the_label_they_encode(name: str) -> None:
    encoded = brat_type_name(name)
    assert encoded.isascii() and " " not in encoded
    assert label_from_brat_type(encoded) == name


def test_ascii_label_names_are_brat_type_names_as_they_are() -> None:
    assert brat_type_name("said_by") == "said_by" and brat_type_name("PER") == "PER"

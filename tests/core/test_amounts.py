"""Amounts: every amount in the seed articles, English press notation, and the ones
that cannot be read without guessing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from annotator.core.amounts.reading import (
    attrs_for_span,
    find_amounts,
    format_amount,
    parse_number,
    validate_attrs,
)

USD = {"currency": "USD", "readable": True}


def usd(value: int, **more: Any) -> dict[str, Any]:
    return {"value": value, **USD, **more}


def usd_range(low: int, high: int) -> dict[str, Any]:
    return {"min": low, "max": high, **USD}


M = 10**6
MD = 10**9

# Every amount the recogniser must find in each seed article, in order, with its
# reading. Plain counts ("environ 2 000 dans le monde", "2022", "24 heures") are not
# amounts to suggest and are absent on purpose.
SEED_AMOUNTS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "000_fe7f2dcc523a30fc.txt": [
        ("100 millions $", usd(100 * M)),
        ("100 millions $", usd(100 * M)),
        ("environ 100 millions $", usd(100 * M, qualifier="about")),
        ("de 20 millions $ à près de 24 millions $", usd_range(20 * M, 24 * M)),
        ("100 millions $", usd(100 * M)),
        ("100 millions $", usd(100 * M)),
        ("100 millions $", usd(100 * M)),
        ("49 %", {"value": 49, "unit": "percent", "readable": True}),
        ("14 milliards $", usd(14 * MD)),
        ("100 millions $", usd(100 * M)),
        ("18 millions $", usd(18 * M)),
    ],
    "001_0628ff97c4024806.txt": [
        ("100 millions de dollars", usd(100 * M)),
        ("plus de 200 millions de dollars", usd(200 * M, qualifier="more_than")),
        ("100 millions de dollars", usd(100 * M)),
        ("100 millions de dollars", usd(100 * M)),
        # "nous n'avons pas obtenu 100 millions de signatures": a count, no currency.
        ("100 millions", {"value": 100 * M, "readable": True}),
    ],
    "002_41f5b11297aff5cc.txt": [
        ("un milliard de dollars", usd(MD)),
        ("un milliard de dollars", usd(MD)),
        ("jusqu\u2019à 1 milliard de dollars", usd(MD, qualifier="up_to")),
        ("un milliard de dollars", usd(MD)),
        ("100 millions de dollars", usd(100 * M)),
        ("entre 200 millions et 1 milliard de dollars", usd_range(200 * M, MD)),
        ("un milliard de dollars", usd(MD)),
        ("49 %", {"value": 49, "unit": "percent", "readable": True}),
        ("200 millions de dollars", usd(200 * M)),
    ],
    "003_22579f694aa5e772.txt": [
        (
            "plusieurs millions de dollars",
            {"currency": "USD", "readable": False, "reason": "'plusieurs' gives no number"},
        ),
        (
            "plusieurs millions de dollars",
            {"currency": "USD", "readable": False, "reason": "'plusieurs' gives no number"},
        ),
        ("jusqu\u2019à 100 millions de dollars", usd(100 * M, qualifier="up_to")),
        ("14,3 milliards de dollars", usd(14_300_000_000)),
        # French "billion" is 10^12: Meta's market value, two trillion dollars.
        ("2 billions de dollars", usd(2 * 10**12)),
        ("de 3 millions de dollars à 7 millions de dollars", usd_range(3 * M, 7 * M)),
        ("plus de 10 millions de dollars", usd(10 * M, qualifier="more_than")),
        ("environ 50%", {"value": 50, "unit": "percent", "qualifier": "about", "readable": True}),
        ("de 500 000 $ à 2 millions de dollars", usd_range(500_000, 2 * M)),
        ("de 180 000 $ à 220 000 $", usd_range(180_000, 220_000)),
    ],
    "004_eb56ddfa4fe518f1.txt": [
        # "dépassant les 100 millions": a verb, not part of the amount, no qualifier.
        ("100 millions de dollars", usd(100 * M)),
        ("14 milliards de dollars", usd(14 * MD)),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_AMOUNTS))
def test_every_amount_in_the_seed_articles_is_found_and_read(
    seeds_dir: Path, seed: str
) -> None:
    text = (seeds_dir / seed).read_text(encoding="utf-8")
    found = find_amounts(text, "fr")
    assert [(m.text, m.attrs) for m in found] == SEED_AMOUNTS[seed]
    for match in found:
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("$100m", "en", usd(100 * M)),
        ("$14.3bn", "en", usd(14_300_000_000)),
        ("£2.5 million", "en", {"value": 2_500_000, "currency": "GBP", "readable": True}),
        ("€1,200", "en", {"value": 1200, "currency": "EUR", "readable": True}),
        ("3.5%", "en", {"value": 3.5, "unit": "percent", "readable": True}),
        ("US$5m", "en", usd(5 * M)),
        ("$2 billion", "en", usd(2 * MD)),
        ("a billion dollars", "en", usd(MD)),
        ("1,500", "en", {"value": 1500, "readable": True}),
        ("1,200,000 euros", "en", {"value": 1_200_000, "currency": "EUR", "readable": True}),
        ("$1,234.56", "en", usd(0) | {"value": 1234.56}),
        ("over 10 percent", "en", {"value": 10, "unit": "percent", "qualifier": "more_than", "readable": True}),
        ("up to $3bn", "en", usd(3 * MD, qualifier="up_to")),
        ("at least £40m", "en", {"value": 40 * M, "currency": "GBP", "qualifier": "at_least", "readable": True}),
        ("between $3m and $7m", "en", usd_range(3 * M, 7 * M)),
        ("from $3m to $7m", "en", usd_range(3 * M, 7 * M)),
        ("$3m-$7m", "en", usd_range(3 * M, 7 * M)),
        ("$1 trillion", "en", usd(10**12)),
    ],
)  # fmt: skip
def test_english_press_notation(text: str, language: str, expected: dict[str, Any]) -> None:
    assert attrs_for_span(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100 M$", usd(100 * M)),
        ("3 Md$", usd(3 * MD)),
        ("2 Mds €", {"value": 2 * MD, "currency": "EUR", "readable": True}),
        ("1,5 million", {"value": 1_500_000, "readable": True}),
        ("1,500", {"value": 1.5, "readable": True}),
        ("1.500 euros", {"value": 1500, "currency": "EUR", "readable": True}),
        ("1.234,56 €", {"value": 1234.56, "currency": "EUR", "readable": True}),
        ("1\u202f500\u00a0€", {"value": 1500, "currency": "EUR", "readable": True}),
        ("2\u00a0000\u00a0000 d'euros", {"value": 2 * M, "currency": "EUR", "readable": True}),
        ("49 pour cent", {"value": 49, "unit": "percent", "readable": True}),
        ("500 mille euros", {"value": 500_000, "currency": "EUR", "readable": True}),
        ("2,5 millions de livres sterling", {"value": 2_500_000, "currency": "GBP", "readable": True}),
        ("5 millions de dollars canadiens", {"value": 5 * M, "currency": "CAD", "readable": True}),
        ("plus d\u2019un milliard de dollars", usd(MD, qualifier="more_than")),
        ("moins de 5 %", {"value": 5, "unit": "percent", "qualifier": "less_than", "readable": True}),
        ("au moins 3 millions d'euros", {"value": 3 * M, "currency": "EUR", "qualifier": "at_least", "readable": True}),
        ("de 3 à 7 millions de dollars", usd_range(3 * M, 7 * M)),
        ("3-7 M€", {"min": 3 * M, "max": 7 * M, "currency": "EUR", "readable": True}),
        ("entre 10 et 20 %", {"min": 10, "max": 20, "unit": "percent", "readable": True}),
        ("1 billion d'euros", {"value": 10**12, "currency": "EUR", "readable": True}),
        ("2 000", {"value": 2000, "readable": True}),
        # The span may hold words around the amount: one amount in it is read.
        ("une valeur de plus de 200 millions de dollars", usd(200 * M, qualifier="more_than")),
    ],
)  # fmt: skip
def test_french_notation(text: str, expected: dict[str, Any]) -> None:
    assert attrs_for_span(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("plusieurs millions de dollars", "fr", "'plusieurs' gives no number"),
        ("several million euros", "en", "'several' gives no number"),
        ("1,500 dollars", None, "separator could group thousands"),
        ("2 billion dollars", None, "means 10^9 in English and 10^12 in French"),
        ("de 7 à 3 millions de dollars", "fr", "low end is above its high end"),
        ("de 10 % à 5 millions $", "fr", "different units"),
        ("10 millions $ et 20 millions $", "fr", "more than one amount"),
        ("une somme colossale", "fr", "no number"),
        ("100 m", "fr", "could be a unit"),
        ("€100 $", "fr", "two currencies"),
    ],
)
def test_unreadable_amounts_are_flagged_never_guessed(
    text: str, language: str | None, reason: str
) -> None:
    attrs = attrs_for_span(text, language)
    assert attrs["readable"] is False
    assert reason in attrs["reason"]
    assert not {"value", "min", "max"} & set(attrs)


def test_billion_follows_the_document_language() -> None:
    assert attrs_for_span("3 billions de dollars", "fr")["value"] == 3 * 10**12
    assert attrs_for_span("$3 billion", "en")["value"] == 3 * 10**9
    assert attrs_for_span("3 milliards de dollars", "en")["value"] == 3 * 10**9


def test_thousands_or_decimals_follow_language_and_digit_groups() -> None:
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1,500", "fr") == 1.5
    assert parse_number("1.500", "fr") == 1500
    assert parse_number("1.500", "en") == 1.5
    assert parse_number("1,5", "en") == 1.5  # two digits after: a decimal everywhere
    assert parse_number("1,200,000", "fr") == 1_200_000
    assert parse_number("0,500", None) == 0.5
    assert parse_number("1,500", None) is None


def test_plain_numbers_are_not_suggested_but_can_be_read() -> None:
    text = "En 2022, environ 2 000 chercheurs ; 1) oui ; 24 heures sur 24 ; 100 m."
    assert find_amounts(text, "fr") == []
    assert [m.text for m in find_amounts(text, "fr", include_plain_numbers=True)][:2] == [
        "2022",
        "environ 2 000",
    ]


def test_offsets_are_code_points_after_an_emoji() -> None:
    text = "🚀 Meta offre 100 M$ à 🧠 Wang et 49 % de Scale."
    found = find_amounts(text, "fr")
    assert [text[m.start : m.end] for m in found] == ["100 M$", "49 %"]
    assert found[0].start == text.index("100")


def test_amounts_inside_words_or_numbers_are_not_split_off() -> None:
    assert find_amounts("le modèle GPT4 millions", "fr") == []
    assert [m.text for m in find_amounts("A350 ; 1,5 million de dollars", "fr")] == [
        "1,5 million de dollars"
    ]


def test_corrected_attributes_are_validated() -> None:
    assert validate_attrs({"value": 12, "currency": "EUR"}) == {
        "value": 12,
        "currency": "EUR",
        "readable": True,
    }
    with pytest.raises(ValidationError):
        validate_attrs({"value": 12, "currency": "euros"})
    with pytest.raises(ValidationError):
        validate_attrs({"value": 12, "colour": "red"})


def test_amounts_read_aloud_for_the_window() -> None:
    assert format_amount(usd(14_300_000_000)) == "14\u202f300\u202f000\u202f000 USD"
    assert format_amount(usd_range(3 * M, 7 * M)) == "3\u202f000\u202f000–7\u202f000\u202f000 USD"
    assert format_amount({"value": 49, "unit": "percent", "readable": True}) == "49 %"
    assert format_amount(usd(10, qualifier="more_than")) == "more than 10 USD"
    assert format_amount({"readable": False, "reason": "x"}) == "unreadable (x)"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("CHF 2 Mio.", "de", {"value": 2 * M, "currency": "CHF", "readable": True}),
        ("2 Mio. Franken", "de", {"value": 2 * M, "currency": "CHF", "readable": True}),
        ("CHF 1,5 Mrd.", "fr", {"value": 1_500_000_000, "currency": "CHF", "readable": True}),
        ("3,2 Mia. CHF", "fr", {"value": 3_200_000_000, "currency": "CHF", "readable": True}),
        ("500 crore", "en", {"value": 5 * 10**9, "readable": True}),
        ("Rs 500 crore", "en", {"value": 5 * 10**9, "currency": "INR", "readable": True}),
        ("₹3 lakh", "en", {"value": 300_000, "currency": "INR", "readable": True}),
        ("3 lakh rupees", "en", {"value": 300_000, "currency": "INR", "readable": True}),
        ("2 lakh crore", "en", {"value": 2 * 10**12, "readable": True}),
        ("5 000 Tsd. EUR", "de", {"value": 5 * M, "currency": "EUR", "readable": True}),
        ("5 millions NOK", "fr", {"value": 5 * M, "currency": "NOK", "readable": True}),
    ],
)  # fmt: skip
def test_scale_words_of_other_presses(text: str, language: str, expected: dict) -> None:
    assert attrs_for_span(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("CHF 2 Bio.", "de", "'Bio.' after the number is no scale or currency this reader knows"),
        ("5 arab", "en", "'arab' after the number is no scale or currency this reader knows"),
        ("7 kharva", "en", "'kharva' after the number is no scale or currency this reader knows"),
        ("4 millions XYZ", "fr", "'XYZ' is no currency this reader knows"),
        ("XQZ 40", "en", "'XQZ' is no currency this reader knows"),
    ],
)
def test_an_unknown_scale_word_or_currency_is_unreadable(
    text: str, language: str, reason: str
) -> None:
    attrs = attrs_for_span(text, language)
    assert attrs["readable"] is False and attrs["reason"] == reason
    assert not {"value", "min", "max"} & set(attrs)


def test_a_suggestion_is_never_read_without_its_scale() -> None:
    (found,) = find_amounts("La banque a perdu CHF 2 Bio. en un an.", "de")
    assert found.attrs["readable"] is False and "'Bio.'" in found.attrs["reason"]
    (read,) = find_amounts("Le projet coûte CHF 2 Mio. selon la ville.", "fr")
    assert read.text == "CHF 2 Mio." and read.attrs["value"] == 2 * M

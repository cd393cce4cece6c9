"""Amounts in news text: find them, and read each one as a number with its currency.

``find_amounts(text, language)`` is the recogniser behind amount suggestions;
``attrs_for_span(text, language)`` reads the text of an amount span (made by hand or
accepted) into the attributes stored on the span and exported in the gold JSONL:

``value``      the number, scale applied: "14,3 milliards" -> 14300000000. Percentages
               keep their figure: "49 %" -> 49 with ``unit`` "percent".
``currency``   ISO 4217 code (USD, EUR, GBP...) when the text names a currency. A bare
               ``$`` or "dollars" is read as USD, as the French and US press mean it.
``unit``       "percent", or absent for money and plain counts.
``min``/``max`` the two ends of a range ("de 3 à 7 millions de dollars"). A range has
               no ``value``: a midpoint would be a number nobody wrote.
``qualifier``  more_than, less_than, up_to, at_least or about, from the words right
               before the number ("plus de", "jusqu'à", "environ", "up to"...). These
               words belong to the span; verbs such as "pouvant atteindre" do not.
``readable``   False when the text cannot be read without guessing: then there is no
               ``value``/``min``/``max``, and ``reason`` says why.

Scale words mean what they mean in the document's language: "billion" is 10^9 in
English and 10^12 in French; "milliard", "Md", "Mds", "Mrd" and "bn" are 10^9 in both.
A separator followed by exactly three digits ("1,500", "1.500") is a thousands
separator or a decimal mark depending on the language (English: comma = thousands,
French: comma = decimal); any other digit-group shape decides by itself ("1,5" is a
decimal everywhere, "1,200,000" groups thousands everywhere). Spaces, no-break spaces
(U+00A0) and narrow no-break spaces (U+202F) only ever group thousands.

Written by hand rather than with price-parser or quantulum3: neither knows French
scale words ("milliards", "Md$", "M$") nor that "billion" changes meaning with the
language, and neither gives the character offsets that suggestions need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

AMOUNT_LABEL = "amount"
"""The label whose spans carry an amount's reading in ``attrs``."""

Qualifier = Literal["more_than", "less_than", "up_to", "at_least", "about"]


class AmountAttrs(BaseModel):
    """The attributes of an amount span, as stored and exported."""

    model_config = ConfigDict(extra="forbid", title="AmountAttrs")

    value: int | float | None = Field(
        default=None, description="The number with its scale applied; absent for ranges."
    )
    currency: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. USD, EUR."
    )
    unit: Literal["percent"] | None = Field(
        default=None, description="'percent', or absent for money and plain counts."
    )
    min: int | float | None = Field(default=None, description="Low end of a range.")
    max: int | float | None = Field(default=None, description="High end of a range.")
    qualifier: Qualifier | None = Field(
        default=None, description="more_than, less_than, up_to, at_least or about."
    )
    readable: bool = Field(
        default=True, description="False when the amount cannot be read without guessing."
    )
    reason: str | None = Field(default=None, description="Why an amount is not readable.")
    checked: bool | None = Field(
        default=None,
        description="True when a person set or confirmed the value (F2 in the window): "
        "moving the span's edges keeps it instead of reading the text again.",
    )

    def to_attrs(self) -> dict[str, Any]:
        """The plain dict stored on a span: only the keys that apply."""
        return self.model_dump(exclude_none=True)


def validate_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """Check attributes a user typed or corrected; raises pydantic's ValidationError."""
    return AmountAttrs.model_validate(attrs).to_attrs()


# -- the pieces of an amount ---------------------------------------------------------

_SPACES = "[ \u00a0\u202f\u2009]"
"""Space, no-break space, narrow no-break space, thin space: all group thousands."""

_APOSTROPHE = "['\u2019]"

_NUMBER = rf"""
    \d{{1,3}}(?:(?:{_SPACES}|[.,])\d{{3}}(?!\d))+(?:[.,]\d+)?   # grouped: 1 500 000 / 1,200.5
    | \d+(?:[.,]\d+)?                                          # plain: 49 / 14,3 / 3.5
"""

_NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "cinquante": 50, "cent": 100,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip

_VAGUE_WORDS = (
    "plusieurs", "quelques", "des", "de nombreux", "several", "a few", "many",
    "dizaines de", "centaines de", "tens of", "hundreds of",
)  # fmt: skip

# Full scale words: an amount on their own ("200 millions"). Values per language below.
# German and Swiss papers abbreviate with a dot ("CHF 2 Mio.", "1,5 Mrd.", "3 Mia."),
# Indian ones count in lakhs (10^5) and crores (10^7), "lakh crore" being 10^12.
_SCALE_WORDS = (
    rf"lakhs?{_SPACES}+crores?|milliards?|millions?|billions?|trillions?|thousands?|mille"
    r"|lakhs?|crores?|mio\.?|mrd\.|mia\.|tsd\."
)
# Abbreviations count only beside a currency: "100 M$", "$14.3bn"; "100 m" is metres.
_SCALE_ABBREVIATIONS = r"mrds?|mds?|mln|mn|bn|tn|trn|m|b|k"
# After a number, a word shaped like a scale this reader does not know: an abbreviation
# with its dot ("Bio.", "Mld.") or a scale word of a press it does not read ("arab",
# 10^9 in India). The amount is then unreadable, never read without its scale.
_UNKNOWN_SCALES = r"(?-i:[A-Z][a-z]{1,3}\.)|arabs?|kharabs?|mlrd|mld|bln"

_SCALES: dict[str, dict[str, int] | int] = {
    "mille": 10**3, "thousand": 10**3, "k": 10**3,
    "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "milliard": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
    "bn": 10**9, "b": 10**9,
    "billion": {"en": 10**9, "fr": 10**12},
    "tn": 10**12, "trn": 10**12,
    "trillion": {"en": 10**12, "fr": 10**18},
    "mio": 10**6, "mia": 10**9, "tsd": 10**3,
    "lakh": 10**5, "crore": 10**7, "lakh crore": 10**12,
}  # fmt: skip

_CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "$us": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR",
}
_CURRENCY_CODES = (
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "HKD", "INR", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "ISK", "RUB", "UAH", "TRY", "BRL", "MXN",
    "ARS", "CLP", "ZAR", "NGN", "KES", "EGP", "MAD", "TND", "DZD", "XOF", "XAF", "ILS",
    "AED", "SAR", "QAR", "KRW", "SGD", "NZD", "TWD", "THB", "IDR", "MYR", "VND",
)  # fmt: skip
"""ISO 4217 codes read as currencies. Any other three capital letters right beside a
number ("4 millions XYZ") make the amount unreadable rather than currency-less."""
_CURRENCY_WORDS: list[tuple[str, str]] = [
    # (regex, code), longest first so "dollars canadiens" wins over "dollars".
    (r"dollars?\s+canadiens?|canadian\s+dollars?", "CAD"),
    (r"dollars?\s+australiens?|australian\s+dollars?", "AUD"),
    (r"dollars?\s+(?:américains|US)|US\s+dollars?|dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"livres?(?:\s+sterling)?|pounds?(?:\s+sterling)?|sterling", "GBP"),
    (r"francs?\s+suisses|swiss\s+francs?|franken", "CHF"),
    (r"roupies?|rupees?", "INR"),
    (r"yens?", "JPY"),
    (r"yuans?|renminbi", "CNY"),
]

_PERCENT = r"%|pour\s?cent|pourcent|per\s?cent|percent"

_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (rf"plus\s+de|plus\s+d{_APOSTROPHE}|more\s+than|over|above", "more_than"),
    (rf"moins\s+de|moins\s+d{_APOSTROPHE}|less\s+than|under|below", "less_than"),
    (rf"jusqu{_APOSTROPHE}\s?à|jusqu{_APOSTROPHE}\s?a|up\s+to|at\s+most|au\s+plus", "up_to"),
    (r"au\s+moins|at\s+least", "at_least"),
    (
        (
            rf"environ|près\s+de|près\s+d{_APOSTROPHE}|presque|autour\s+de|quelque"
            r"|about|around|approximately|roughly|nearly|almost|some"
        ),
        "about",
    ),
]


def _alternation(patterns: list[str] | tuple[str, ...]) -> str:
    return "|".join(patterns)


_VAGUE = _alternation([words.replace(" ", r"\s+") for words in _VAGUE_WORDS])
_NUMBER_WORD = _alternation(sorted(_NUMBER_WORDS, key=len, reverse=True))
_QUALIFIER = _alternation([pattern for pattern, _ in _QUALIFIERS])
_CURRENCY_WORD = _alternation([pattern for pattern, _ in _CURRENCY_WORDS])
_CURRENCY_CODE = _alternation(_CURRENCY_CODES)

_ATOM = re.compile(
    rf"""
    (?<![\w.,$€£¥])
    (?:(?P<qualifier>{_QUALIFIER})(?:(?<={_APOSTROPHE})|{_SPACES}+))?
    (?:
        (?:
            (?P<prefix>US\$|\$US|C\$|A\$|HK\$|\$|€|£|¥|₹|Rs\.?(?=\s?\d)
                |(?-i:{_CURRENCY_CODE})(?=\s?\d))
          | (?P<unknown_prefix>(?-i:[A-Z]{{3}}))(?={_SPACES}\d)
        ){_SPACES}?
    )?
    (?:
        (?P<number>{_NUMBER})
      | (?P<word>{_NUMBER_WORD})
            (?={_SPACES}+(?:{_SCALE_WORDS})\b)
      | (?P<vague>{_VAGUE})
            (?={_SPACES}+(?:{_SCALE_WORDS})\b)
    )
    (?:
        {_SPACES}?(?P<scale>{_SCALE_WORDS}|{_SCALE_ABBREVIATIONS})(?![^\W\d_])
      | {_SPACES}(?P<unknown_scale>{_UNKNOWN_SCALES})(?![^\W\d_])
    )?
    (?:
        {_SPACES}?(?P<percent>{_PERCENT})(?!\w)
      | {_SPACES}?(?P<suffix>US\$|\$US|\$|€|£|¥|(?-i:{_CURRENCY_CODE})\b)
      | {_SPACES}+(?:(?:de|of){_SPACES}+|d{_APOSTROPHE})?
            (?P<currency_word>{_CURRENCY_WORD})\b
      | {_SPACES}(?P<unknown_suffix>(?-i:[A-Z]{{3}}))\b
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_RANGE_OPENER = re.compile(
    rf"(?:\b(?:de|entre|between|from){_SPACES}+|\bd{_APOSTROPHE})$", re.IGNORECASE
)
_RANGE_CONNECTOR = re.compile(
    rf"^(?:{_SPACES}*[-\u2013\u2014]{_SPACES}*|{_SPACES}+(?:à|a|et|to|and){_SPACES}+)$",
    re.IGNORECASE,
)
_CONNECTOR_FOR_OPENER = {"de": "à", "d'": "à", "entre": "et", "between": "and", "from": "to"}


# -- why an amount is unreadable ------------------------------------------------------

REASONS: dict[str, str] = {
    "no_number": "no number in the text",
    "several_amounts": "more than one amount in the text",
    "unit_not_scale": "{0} without a currency could be a unit, not a scale",
    "two_currencies": "two currencies: {0}",
    "scale_needs_language": (
        "{0} means 10^9 in English and 10^12 in French: set the document's language"
    ),
    "separator_needs_language": (
        "{0}: the separator could group thousands or mark decimals; set the document's language"
    ),
    "vague": "{0} gives no number",
    "range_units": "the two ends of the range are in different units",
    "range_order": "the range's low end is above its high end",
    "unknown_scale": "{0} after the number is no scale or currency this reader knows",
    "unknown_currency": "{0} is no currency this reader knows",
}
"""The ``reason`` of an unreadable amount, by kind; ``{0}`` is the text at fault.
The English text is what is stored and exported; ``explain_reason`` gives the kind
back so that a window or a report can say it in its own language."""

_REASON_PATTERNS = {
    kind: re.compile(re.escape(template).replace(re.escape("{0}"), "(.+)"), re.DOTALL)
    for kind, template in REASONS.items()
}


def _reason(kind: str, detail: str | None = None) -> str:
    return REASONS[kind].format(detail)


def explain_reason(reason: str) -> tuple[str, str | None] | None:
    """``(kind, detail)`` of a stored ``reason`` ("two currencies: EUR, USD" ->
    ("two_currencies", "EUR, USD")), or None for a reason this module does not write
    (typed by someone, or from an older version)."""
    for kind, pattern in _REASON_PATTERNS.items():
        match = pattern.fullmatch(reason)
        if match is not None:
            return kind, match.group(1) if pattern.groups else None
    return None


@dataclass(frozen=True)
class _Atom:
    """One number with what surrounds it, before ranges are put together."""

    start: int
    end: int
    number: Decimal | None
    scale: int | None
    scale_is_word: bool
    currency: str | None
    percent: bool
    qualifier: Qualifier | None
    problem: str | None
    vague: bool = False
    open_end: bool = False
    """Nothing after the number says what it counts: no scale, percent or currency."""

    @property
    def has_marker(self) -> bool:
        """A currency, a percent sign or a scale word: what makes a number an amount."""
        return self.currency is not None or self.percent or self.scale_is_word

    @property
    def value(self) -> Decimal | None:
        if self.number is None:
            return None
        return self.number * (self.scale or 1)


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in a text: code point offsets (end exclusive) and its attributes."""

    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    open_end: bool = False
    """Nothing after the last number says what it counts (no scale, percent or
    currency): a word right after it may be a scale this reader does not know."""


def _decimal_uses_comma(language: str | None) -> bool | None:
    if language is None:
        return None
    if language.lower().startswith("en"):
        return False
    # French and most continental languages write 14,3 and group with dots or spaces.
    if language.lower()[:2] in {"fr", "de", "es", "it", "pt", "nl", "pl", "ru", "sv", "da"}:
        return True
    return None


def parse_number(raw: str, language: str | None) -> Decimal | None:
    """Read digits with their separators; None when only the language could tell."""
    digits = re.sub(_SPACES, "", raw)
    marks = [char for char in digits if char in ".,"]
    if not marks:
        return Decimal(digits)
    if len(set(marks)) == 2:
        decimal_mark = marks[-1]
        if marks.count(decimal_mark) > 1:
            return None
        grouping = "," if decimal_mark == "." else "."
        return _decimal(digits.replace(grouping, "").replace(decimal_mark, "."))
    mark = marks[0]
    groups = digits.split(mark)
    if len(groups) > 2:  # 1,200,000 or 1.200.000: grouping, whatever the language
        return _decimal("".join(groups)) if all(len(g) == 3 for g in groups[1:]) else None
    integer_part, fraction = groups
    if len(fraction) != 3 or integer_part == "0":
        return _decimal(f"{integer_part}.{fraction}")
    comma_is_decimal = _decimal_uses_comma(language)
    if comma_is_decimal is None:
        return None
    mark_is_decimal = comma_is_decimal == (mark == ",")
    return _decimal(f"{integer_part}.{fraction}" if mark_is_decimal else integer_part + fraction)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _scale_factor(word: str, language: str | None) -> int | None:
    key = re.sub(rf"{_SPACES}+", " ", word.lower()).rstrip(".")
    if key.endswith("s") and key[:-1] in _SCALES and key not in _SCALES:
        key = key[:-1]
    factor = _SCALES[key]
    if isinstance(factor, int):
        return factor
    return factor.get((language or "")[:2].lower())


def _currency_from_word(word: str) -> str:
    for pattern, code in _CURRENCY_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return code
    raise AssertionError(f"currency word {word!r} matched no pattern")  # pragma: no cover


def _currency_from_symbol(symbol: str) -> str:
    return _CURRENCY_SYMBOLS.get(symbol.lower()) or symbol.upper()


def _qualifier(words: str) -> Qualifier:
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, words.strip(), re.IGNORECASE):
            return name
    raise AssertionError(f"qualifier {words!r} matched no pattern")  # pragma: no cover


def _atom_from_match(match: re.Match[str], language: str | None) -> _Atom:
    groups = match.groupdict()
    currencies = {
        _currency_from_symbol(s) for s in (groups["prefix"], groups["suffix"]) if s
    }
    if groups["currency_word"]:
        currencies.add(_currency_from_word(groups["currency_word"]))
    scale_word = groups["scale"]
    scale_is_word = bool(scale_word) and (
        re.fullmatch(_SCALE_WORDS, scale_word, re.IGNORECASE) is not None
    )
    problem: str | None = None
    if scale_word and not scale_is_word and not currencies:
        # "100 m" is as likely metres as millions: not an amount, and not read as one.
        problem = _reason("unit_not_scale", repr(scale_word))
    currency = None
    if len(currencies) > 1:
        problem = _reason("two_currencies", ", ".join(sorted(currencies)))
    elif currencies:
        currency = currencies.pop()
    scale = _scale_factor(scale_word, language) if scale_word else None
    if scale_word and scale is None and problem is None:
        problem = _reason("scale_needs_language", repr(scale_word))
    if groups["unknown_scale"]:
        problem = _reason("unknown_scale", repr(groups["unknown_scale"]))
    unknown_currency = groups["unknown_prefix"] or groups["unknown_suffix"]
    if unknown_currency:
        problem = _reason("unknown_currency", repr(unknown_currency))
    number: Decimal | None = None
    if groups["number"]:
        number = parse_number(groups["number"], language)
        if number is None:
            problem = _reason("separator_needs_language", repr(groups["number"]))
    elif groups["word"]:
        number = Decimal(_NUMBER_WORDS[groups["word"].lower()])
    else:
        problem = _reason("vague", repr(groups["vague"]))
    if problem is not None:
        number = None
    return _Atom(
        start=match.start(),
        end=match.end(),
        number=number,
        scale=scale,
        scale_is_word=scale_is_word,
        currency=currency,
        percent=bool(groups["percent"]),
        qualifier=_qualifier(groups["qualifier"]) if groups["qualifier"] else None,
        problem=problem,
        vague=bool(groups["vague"]),
        open_end=not any(
            groups[name]
            for name in ("scale", "unknown_scale", "percent", "suffix", "currency_word")
        ),
    )


def _atoms(text: str, language: str | None) -> list[_Atom]:
    return [_atom_from_match(match, language) for match in _ATOM.finditer(text)]


def _plain(number: Decimal) -> int | float:
    """JSON-friendly: an int when the number is whole (14,3 milliards is exact)."""
    return int(number) if number == number.to_integral_value() else float(number)


def _single_attrs(atom: _Atom) -> dict[str, Any]:
    value = atom.value
    attrs = AmountAttrs(
        value=_plain(value) if value is not None else None,
        currency=atom.currency,
        unit="percent" if atom.percent else None,
        qualifier=atom.qualifier,
        readable=value is not None,
        reason=atom.problem if value is None else None,
    )
    return attrs.to_attrs()


def _range_attrs(low: _Atom, high: _Atom) -> dict[str, Any]:
    if low.currency is None and not low.percent:
        # "de 3 à 7 millions de dollars": the low end borrows what the high end says;
        # "entre 200 millions et 1 milliard de dollars": it borrows the currency only.
        low = _Atom(
            start=low.start,
            end=low.end,
            number=low.number,
            scale=low.scale if low.scale is not None else high.scale,
            scale_is_word=low.scale_is_word,
            currency=high.currency,
            percent=high.percent,
            qualifier=low.qualifier,
            problem=low.problem,
        )
    currency = high.currency
    problem = low.problem or high.problem
    if problem is None and (low.currency != high.currency or low.percent != high.percent):
        problem = _reason("range_units")
    low_value, high_value = low.value, high.value
    if problem is None and low_value is not None and high_value is not None and (
        low_value > high_value
    ):
        problem = _reason("range_order")
    readable = problem is None and low_value is not None and high_value is not None
    attrs = AmountAttrs(
        currency=currency,
        unit="percent" if high.percent else None,
        min=_plain(low_value) if readable and low_value is not None else None,
        max=_plain(high_value) if readable and high_value is not None else None,
        readable=readable,
        reason=None if readable else problem,
    )
    return attrs.to_attrs()


def _range_start(text: str, low: _Atom, high: _Atom) -> int | None:
    """Where the range starting with ``low`` begins, or None if the two are no range."""
    if not high.has_marker:
        return None
    connector = _RANGE_CONNECTOR.match(text[low.end : high.start])
    if connector is None:
        return None
    joining = connector.group(0).strip().lower()
    opener = _RANGE_OPENER.search(text, 0, low.start)
    if opener is not None:
        opener_word = re.sub(_APOSTROPHE, "'", opener.group(0).strip().lower())
        if _CONNECTOR_FOR_OPENER[opener_word] == joining or (
            joining in "-\u2013\u2014" and opener_word not in ("entre", "between")
        ):
            return opener.start()
    if joining in ("et", "and"):
        return None  # "14 milliards $ et 49 %" is two amounts, not a range
    if joining in ("à", "a", "to") and not low.has_marker:
        return None  # "trois à quatre", "3 à 7 millions" without "de": too loose
    return low.start


def find_amounts(
    text: str, language: str | None, *, include_plain_numbers: bool = False
) -> list[AmountMatch]:
    """Every amount in ``text``, in order, with code point offsets and attributes.

    An amount needs a currency, a percent sign or a scale word ("200 millions");
    plain numbers (years, counts, list items) are left out unless asked for.
    """
    atoms = _atoms(text, language)
    found: list[AmountMatch] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if index + 1 < len(atoms):
            following = atoms[index + 1]
            start = _range_start(text, atom, following)
            if start is not None:
                found.append(
                    AmountMatch(
                        start=start,
                        end=following.end,
                        text=text[start : following.end],
                        attrs=_range_attrs(atom, following),
                        open_end=following.open_end,
                    )
                )
                index += 2
                continue
        # "plusieurs millions de dollars" is an amount nobody can read; "des millions
        # de personnes" is no amount at all.
        wanted = atom.currency is not None if atom.vague else atom.has_marker
        if wanted or include_plain_numbers:
            found.append(
                AmountMatch(
                    start=atom.start,
                    end=atom.end,
                    text=text[atom.start : atom.end],
                    attrs=_single_attrs(atom),
                    open_end=atom.open_end,
                )
            )
        index += 1
    return found


_TRAILING_WORD = re.compile(rf"{_SPACES}+(?P<word>[^\W\d_]+\.?)[^\w]*")


def attrs_for_span(text: str, language: str | None) -> dict[str, Any]:
    """The attributes of an amount span whose text is ``text``.

    The span may hold a little more than the amount ("une valeur de plus de 200
    millions de dollars"); it is read when exactly one amount (or range) is in it,
    a plain number included. Otherwise it is flagged unreadable, never guessed.
    """
    matches = find_amounts(text, language, include_plain_numbers=True)
    if len(matches) == 1:
        match = matches[0]
        # "500 crore" read as 500 would be silently wrong: a span that ends on one word
        # after a bare number may end on a scale or currency this reader does not know.
        trailing = _TRAILING_WORD.fullmatch(text, match.end)
        if match.open_end and trailing is not None and match.attrs.get("readable", True):
            return AmountAttrs(
                currency=match.attrs.get("currency"),
                readable=False,
                reason=_reason("unknown_scale", repr(trailing.group("word"))),
            ).to_attrs()
        return match.attrs
    reason = _reason("no_number") if not matches else _reason("several_amounts")
    return AmountAttrs(readable=False, reason=reason).to_attrs()


@dataclass(frozen=True)
class AmountWords:
    """The words ``format_amount`` writes, English by default. The window fills one
    from its translations, the report from its catalogue."""

    qualifiers: dict[str, str] = field(
        default_factory=lambda: {
            "more_than": "more than",
            "less_than": "less than",
            "up_to": "up to",
            "at_least": "at least",
            "about": "about",
        }
    )
    unreadable: str = "unreadable"
    no_value: str = "no value"
    decimal_mark: str = "."
    thousands_separator: str = "\u202f"
    percent: str = " %"
    reason: Callable[[str], str] = str
    """Says a stored ``reason`` in the reader's language; unknown ones as they are."""


ENGLISH_WORDS = AmountWords()


def format_number(value: float, words: AmountWords = ENGLISH_WORDS) -> str:
    """14300000000 -> "14 300 000 000" (narrow no-break spaces); 14.5 -> "14.5" or "14,5"."""
    grouped = f"{value:,}"
    return "".join(
        words.thousands_separator if char == "," else words.decimal_mark if char == "." else char
        for char in grouped
    )


def format_amount(attrs: dict[str, Any], words: AmountWords = ENGLISH_WORDS) -> str:
    """A short human reading of amount attributes, for tables and the window."""
    if not attrs.get("readable", True):
        reason = attrs.get("reason")
        return words.unreadable + (f" ({words.reason(reason)})" if reason else "")
    suffix = words.percent if attrs.get("unit") == "percent" else ""
    currency = f" {attrs['currency']}" if attrs.get("currency") else ""
    if "min" in attrs and "max" in attrs:
        reading = f"{format_number(attrs['min'], words)}–{format_number(attrs['max'], words)}"
    elif "value" in attrs:
        reading = format_number(attrs["value"], words)
    else:
        return words.no_value
    qualifier = attrs.get("qualifier")
    said = words.qualifiers.get(qualifier, qualifier.replace("_", " ")) if qualifier else ""
    return f"{said} {reading}{suffix}{currency}" if said else f"{reading}{suffix}{currency}"

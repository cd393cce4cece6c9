"""The editorial report in French, and the words the core lends to other languages:
amount readings, unreadable reasons, proposal grounds."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_report import Elements, classes, parse

from annotator.cli import main
from annotator.core.amounts import reading as amounts
from annotator.core.attribution import ledger
from annotator.core.models import Document
from annotator.core.report import language as report_language
from annotator.core.report import render as report
from annotator.core.store import Store

# Words of the report's English frame; none may be left in the French report's frame.
ENGLISH_FRAME_WORDS = re.compile(
    r"\b(claims?|denials?|denies|ledger|said|by|sources? card|checks?|every|no source|"
    r"layer|generated|amounts?|denied|claimed|possibly|same|both|mention|score:|per|"
    r"proposed|group|the|and|of|with|more than|up to|unreadable|yet)\b",
    re.IGNORECASE,
)
HEADINGS = ("h1", "h2", "h3", "h4", "th", "nav")


@pytest.fixture
def example(store: Store, build_seed_example: Callable[..., Any]) -> Any:
    return build_seed_example(store)


def frame_texts(elements: Elements) -> list[str]:
    """The report's own words: every text except what comes from the articles (their
    highlighted text, quotes, titles, sources' names and the places they appear)."""
    article_parts = {"text", "where", "source", "claim-text", "kind"}
    kept = []
    for text, stack in elements.texts:
        if not text.strip() or any(tag in ("style", "title", "q", "a") for tag, _ in stack):
            continue
        if any(classes(element) & article_parts for element in stack):
            continue
        inside = set().union(*(classes(element) for element in stack))
        if {"source-card", "article"} & inside and stack[-1][0] in ("h3", "p"):
            continue  # a source's or an article's name, an article's origin
        kept.append(text)
    return kept


def spaced(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces kept."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def under(elements: Elements, *tags: str) -> list[str]:
    return [
        spaced(text)
        for text, stack in elements.texts
        if text.strip() and stack and stack[-1][0] in tags
    ]


def test_the_french_report_has_no_english_heading_count_or_sentence(
    store: Store, example: Any
) -> None:
    elements = parse(report.render(store, language="fr"))
    assert ("html", {"lang": "fr"}) in elements.tags
    headings = under(elements, *HEADINGS, "a")
    assert "Rapport éditorial" in headings
    for french in ("Journal des affirmations", "Vérifications", "Peut-être la même affirmation"):
        assert french in headings
    assert {"Affirmation", "Dit par", "Montants", "Démenti par"} <= set(headings)
    frame = frame_texts(elements)
    english = [text for text in frame if ENGLISH_FRAME_WORDS.search(text)]
    assert english == []
    # The same search finds the English report's frame in English: it would catch a leak.
    english_frame = frame_texts(parse(report.render(store)))
    assert len([t for t in english_frame if ENGLISH_FRAME_WORDS.search(t)]) > 10
    # Every tooltip of a claim or denial is French too.
    tooltips = [str(attrs["title"]) for _tag, attrs in elements.tags if attrs.get("title")]
    assert "Affirmation C2, source\u00a0: Bloomberg" in tooltips
    assert not [t for t in tooltips if "said by" in t]


def test_the_french_report_counts_amounts_and_proposals_in_french(
    store: Store, example: Any
) -> None:
    page = report.render(store, language="fr")
    elements = parse(page)
    meta = " ".join(spaced(t) for t, s in elements.texts if s and s[-1][0] == "p")
    assert "4 affirmations · 3 démentis · 5 sources · 3 articles" in meta
    assert "couche\u00a0: tous les annotateurs" in meta
    amounts_shown = [
        text.strip()
        for text, stack in elements.texts
        if any("amount" in classes(e) and e[0] == "span" for e in stack[-1:])
    ]
    assert "plus de 200\u202f000\u202f000 USD" in amounts_shown
    proposals = " ".join(
        spaced(text)
        for text, stack in elements.texts
        if any("proposals" in classes(e) for e in stack)
    )
    assert "(score 2\u00a0: même montant 100\u202f000\u202f000 USD)" in proposals
    assert "même source Sam Altman\u00a0; toutes deux mentionnent Meta" in proposals


def test_plurals_follow_each_language(store: Store) -> None:
    def header(language: str) -> str:
        elements = parse(report.render(store, language=language))
        return " ".join(spaced(t) for t, s in elements.texts if s and "meta" in classes(s[-1]))

    assert header("en").startswith("0 claims · 0 denials · 0 sources · 0 articles")
    assert header("fr").startswith("0 affirmation · 0 démenti · 0 source · 0 article")
    document = Document.from_text("Meta affirme tout.")
    store.add_document(document)
    store.add_span(store.make_span(document, "alice", 0, 18, "claim"))
    assert header("en").startswith("1 claim · 0 denials · 0 sources · 1 article")
    assert header("fr").startswith("1 affirmation · 0 démenti · 0 source · 1 article")
    # Its check, in French: the label's French name, the link's French name.
    checks = parse(report.render(store, language="fr"))
    problems = [
        spaced(t)
        for t, stack in checks.texts
        if any("problem" in classes(e) for e in stack) and t.strip()
    ]
    assert "Affirmation sans source (aucun lien «\u00a0dit par\u00a0»)\u00a0:" in problems


def test_the_english_report_keeps_its_words(store: Store, example: Any) -> None:
    elements = parse(report.render(store))
    assert ("html", {"lang": "en"}) in elements.tags
    assert under(elements, "h1", "h2") == [
        "Editorial report",
        "Claim ledger",
        "Sources",
        "Checks",
        "Articles",
    ]
    assert "Possibly the same claim" in under(elements, "h3")
    headers = under(elements, "th")
    assert headers == ["#", "Claim", "Said by", "Amounts", "Articles", "Denied by"]
    meta = " ".join(spaced(t) for t, s in elements.texts if s and s[-1][0] == "p")
    assert "4 claims · 3 denials · 5 sources · 3 articles · layer: every annotator" in meta
    proposals = " ".join(
        spaced(text)
        for text, stack in elements.texts
        if any("proposals" in classes(e) for e in stack)
    )
    assert "(score 2: same amount 100\u202f000\u202f000 USD)" in proposals
    assert "(score 2: same source Sam Altman; both mention Meta)" in proposals
    tooltips = [str(attrs["title"]) for _tag, attrs in elements.tags if attrs.get("title")]
    assert "Claim C2, said by Bloomberg" in tooltips


def test_every_text_of_the_template_has_its_french(store: Store) -> None:
    """A text marked in the template but missing from the French catalogue would be
    shown in English in a French report."""
    source = (report.template_dir() / "report.html.j2").read_text(encoding="utf-8")
    extract = report.environment().extract_translations  # type: ignore[attr-defined]
    marked = [message for _line, _function, message in extract(source)]
    assert len(marked) > 20
    missing = []
    for message in marked:
        texts = [text for text in message if text] if isinstance(message, tuple) else [message]
        catalogue = (
            report_language.FRENCH_PLURALS if len(texts) == 2 else report_language.FRENCH_MESSAGES
        )
        if texts[0] not in catalogue:
            missing.append(texts[0])
    assert missing == []


def test_french_typography_numbers_and_dates() -> None:
    french = report_language.for_language("fr")
    assert french.say("layer: %(layer)s", layer="x") == "couche\u00a0: x"
    assert report_language.french_typography("« oui » ; non ! vraiment ?") == (
        "«\u00a0oui\u00a0»\u00a0; non\u00a0! vraiment\u00a0?"
    )
    assert french.number(1234567) == "1\u202f234\u202f567"
    assert report_language.for_language("en").number(1234567) == "1234567"
    assert french.date("2025-03-01T14:05:09.123Z") == "1er mars 2025 à 14\u00a0h\u00a005 UTC"
    assert french.date("2025-12-24T09:30:00.000Z") == "24 décembre 2025 à 9\u00a0h\u00a030 UTC"


def test_amount_readings_and_reasons_in_french_words() -> None:
    words = report_language.FRENCH_AMOUNT_WORDS
    assert (
        amounts.format_amount(
            {"value": 200_000_000, "currency": "USD", "qualifier": "more_than"}, words
        )
        == "plus de 200\u202f000\u202f000 USD"
    )
    assert amounts.format_amount({"value": 14.3, "unit": "percent"}, words) == "14,3\u202f%"
    assert amounts.format_amount({"min": 3, "max": 7, "qualifier": "up_to"}, words) == (
        "jusqu’à 3–7"
    )
    unreadable = amounts.attrs_for_span("pas de chiffre", "fr")
    assert unreadable["reason"] == "no number in the text"  # exported as before
    assert amounts.format_amount(unreadable, words) == "illisible (aucun nombre dans le texte)"
    assert amounts.format_amount({"readable": False, "reason": "typed by hand"}, words) == (
        "illisible (typed by hand)"
    )
    assert amounts.format_amount({"readable": True}, words) == "sans valeur"


@pytest.mark.parametrize(
    ("text", "language", "kind", "detail"),
    [
        ("pas de chiffre", "fr", "no_number", None),
        ("3 $ et 4 $", "fr", "several_amounts", None),
        ("plusieurs millions de dollars", "fr", "vague", "'plusieurs'"),
        ("1,500 dollars", None, "separator_needs_language", "'1,500'"),
        ("2 billions de dollars", None, "scale_needs_language", "'billions'"),
        ("100 m", "fr", "unit_not_scale", "'m'"),
        ("de 3 € à 7 %", "fr", "range_units", None),
        ("de 7 à 3 millions de dollars", "fr", "range_order", None),
        ("CHF 2 Bio.", "de", "unknown_scale", "'Bio.'"),
        ("4 millions XYZ", "fr", "unknown_currency", "'XYZ'"),
    ],
)
def test_every_reason_the_reader_writes_is_explained(
    text: str, language: str | None, kind: str, detail: str | None
) -> None:
    reason = amounts.attrs_for_span(text, language)["reason"]
    assert amounts.explain_reason(reason) == (kind, detail)
    french = report_language.FRENCH_AMOUNT_WORDS.reason(reason)
    assert french != reason and (detail is None or detail in french)


def test_proposal_grounds_are_structured_and_said_in_english_by_default(
    store: Store, example: Any
) -> None:
    built = ledger.build(store)
    grounds = {(g.kind, str(g)) for p in built.proposals for g in p.grounds}
    assert ("same_amount", "same amount 100\u202f000\u202f000 USD") in grounds
    assert ("same_source", "same source Sam Altman") in grounds
    assert ("both_mention", "both mention Meta") in grounds
    amount_ground = next(g for p in built.proposals for g in p.grounds if g.kind == "same_amount")
    assert isinstance(amount_ground.subject, ledger.Amount)


def test_report_command_in_french(
    project_path: Path, tmp_path: Path, build_seed_example: Callable[..., Any]
) -> None:
    with Store(project_path) as store:
        build_seed_example(store)
    out = tmp_path / "rapport.html"
    result = CliRunner().invoke(
        main, ["--db", str(project_path), "report", "-o", str(out), "--language", "fr"]
    )
    assert result.exit_code == 0, result.output
    elements = parse(out.read_text(encoding="utf-8"))
    assert under(elements, "h1") == ["Rapport éditorial"]
    assert under(elements, "title") == ["Rapport éditorial"]

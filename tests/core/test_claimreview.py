"""ClaimReview export on the seed example: Altman's claim, Beyer's and Bosworth's
denials reviewed into gold with verdicts, exported by the real command line, expanded
by a JSON-LD processor (pyld) and read back.

pyld cannot fetch schema.org's context here (no network): its document loader serves
``tests/fixtures/claimreview/schema_org_context.jsonld`` for ``https://schema.org`` (what
that file holds and why is in the README beside it). Anything else it is asked to load
fails the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pyld import jsonld

from annotator.cli import main
from annotator.core import project_settings
from annotator.core.claimreview import claim_reviews
from annotator.core.models import GOLD_LAYER, Decision, DecisionKind, Document
from annotator.core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA = "http://schema.org/"
VERDICTS = {
    "altman_claim_001": "mostly false",
    "beyer_denial_001": "true",
    "bosworth_denial_000": "unverifiable",
}
ARTICLE_URLS = {
    "000": "https://www.example.fr/tech/meta-primes-signature",
    "001": "https://www.example.fr/tech/altman-meta-100-millions",
}
DECIDED_AT = "2026-11-30T09:15:00.000Z"


def _load_context(url: str, _options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the processor tried to load {url}")
    context = json.loads((FIXTURES / "claimreview" / "schema_org_context.jsonld").read_text())
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": context}


def expand(document: Any) -> list[dict[str, Any]]:
    return jsonld.expand(document, {"documentLoader": _load_context})


def value(node: dict[str, Any], term: str) -> Any:
    (found,) = node[SCHEMA + term]
    return found.get("@value", found.get("@id", found))


@pytest.fixture
def reviewed_project(tmp_path: Path, build_seed_example) -> tuple[Path, Any]:
    path = tmp_path / "project.db"
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    with Store(path) as store:
        for number, url in ARTICLE_URLS.items():
            source = next(seeds.glob(f"{number}_*.txt"))
            date = "2025-06-18" if number == "001" else "2025-06-20"
            store.add_document(
                Document.from_text(
                    source.read_text(encoding="utf-8"),
                    source=f"seeds/{source.name}",
                    meta={"url": url, "date": date, "site": "Exemple Tech"},
                )
            )
        example = build_seed_example(store, GOLD_LAYER)
        for key, verdict in VERDICTS.items():
            span = example.spans[key]
            store.update_span(span.id, attrs={**span.attrs, "verdict": verdict})
        altman = example.spans["altman_claim_001"]
        store.add_decisions([Decision(
            id="decision-altman", doc_id=altman.doc_id, reviewer="rita",
            decision=DecisionKind.ACCEPT, start=altman.start, end=altman.end, label="claim",
            gold_span_id=altman.id, annotators=["alice", "bob"], created_at=DECIDED_AT,
        )])
        project_settings.set_setting(store, "publisher.name", "Le Vérificateur")
        project_settings.set_setting(store, "publisher.url", "https://verif.example.org/")
        project_settings.set_setting(
            store, "publisher.review_url", "https://verif.example.org/meta-primes"
        )
    return path, example


def test_the_seed_examples_verdicts_export_as_claimreview_and_read_back(
    reviewed_project: tuple[Path, Any], tmp_path: Path
) -> None:
    path, example = reviewed_project
    target = tmp_path / "reviews.jsonld"
    result = CliRunner().invoke(
        main, ["--db", str(path), "export", "--format", "claimreview", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    statements = [s for s in example.spans.values() if s.label in ("claim", "denial")]
    assert f"Wrote 3 ClaimReviews of {len(statements)} reviewed claims" in result.output
    assert f"left out {len(statements) - 3} reviewed claims without a verdict" in result.output
    assert target.with_name("reviews.jsonld.manifest.json").exists()

    written = json.loads(target.read_text(encoding="utf-8"))
    expanded = expand(written)
    assert len(expanded) == 3
    by_text = {value(node, "claimReviewed"): node for node in expanded}
    spans = {key: example.spans[key] for key in VERDICTS}
    assert set(by_text) == {span.text for span in spans.values()}

    read_back = {}
    for key, span in spans.items():
        node = by_text[span.text]
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        (rating,) = node[SCHEMA + "reviewRating"]
        (claim,) = node[SCHEMA + "itemReviewed"]
        (author,) = claim[SCHEMA + "author"]
        (appearance,) = claim[SCHEMA + "appearance"]
        (review_author,) = node[SCHEMA + "author"]
        assert rating["@type"] == [SCHEMA + "Rating"] and claim["@type"] == [SCHEMA + "Claim"]
        assert value(review_author, "name") == "Le Vérificateur"
        assert value(review_author, "url") == "https://verif.example.org/"
        assert value(node, "url") == f"https://verif.example.org/meta-primes#claim-{span.id}"
        assert value(appearance, "url") == ARTICLE_URLS[key[-3:]]
        read_back[key] = (
            value(rating, "alternateName"),
            value(rating, "ratingValue") if SCHEMA + "ratingValue" in rating else None,
            author["@type"][0].removeprefix(SCHEMA),
            value(author, "name"),
            value(claim, "datePublished"),
        )
    assert read_back == {
        "altman_claim_001": ("mostly false", 2, "Person", "Sam Altman", "2025-06-18"),
        "beyer_denial_001": ("true", 5, "Person", "Lucas Beyer", "2025-06-18"),
        "bosworth_denial_000": ("unverifiable", None, "Person", "Andrew Bosworth", "2025-06-20"),
    }
    altman = by_text[spans["altman_claim_001"].text]
    assert value(altman, "datePublished") == DECIDED_AT, "the decision's time"
    (altman_rating,) = altman[SCHEMA + "reviewRating"]
    assert (value(altman_rating, "bestRating"), value(altman_rating, "worstRating")) == (5, 1)
    (datum,) = altman[SCHEMA + "datePublished"]
    assert datum["@type"] == SCHEMA + "Date"


def test_every_review_has_what_googles_fact_check_documentation_requires(
    reviewed_project: tuple[Path, Any],
) -> None:
    """Google's ClaimReview structured data: claimReviewed, reviewRating with its
    alternateName (the textual rating, the one shown), and the review's url (or, for a
    claim, its appearance); author and datePublished are recommended."""
    path, _example = reviewed_project
    with Store(path) as store:
        reviews, _tally = claim_reviews(store)
        project_settings.set_setting(store, "publisher.review_url", None)
        without_page, tally = claim_reviews(store)
    for review in reviews + without_page:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"].strip()
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"]
        assert review.get("url") or review["itemReviewed"].get("appearance")
        assert review["author"]["@type"] == "Organization" and review["datePublished"]
    assert all("url" in review for review in reviews)
    assert not any("url" in review for review in without_page)
    assert tally.without_appearance == 0 and tally.problems() == [
        f"left out {tally.without_verdict} reviewed claims without a verdict"
    ]


def test_a_verdict_off_the_scale_and_a_missing_publisher_are_reported(
    tmp_path: Path, build_seed_example
) -> None:
    with Store(tmp_path / "p.db") as store:
        example = build_seed_example(store, GOLD_LAYER)
        claim = example.spans["altman_claim_001"]
        store.update_span(claim.id, attrs={"verdict": "pants on fire"})
        denial = example.spans["beyer_denial_000"]
        store.update_span(denial.id, attrs={"verdict": "false"})
        reviews, tally = claim_reviews(store)
    (review,) = reviews
    assert review["claimReviewed"] == denial.text and "author" not in review
    assert review["reviewRating"]["ratingValue"] == 1
    assert "appearance" not in review["itemReviewed"], "the seeds' metadata has no url"
    problems = "\n".join(tally.problems())
    assert "verdict 'pants on fire' is not on the verdict scale" in problems
    assert "annotator settings set publisher.name" in problems
    assert "neither a url nor an appearance" in problems


def test_settings_are_set_listed_and_refused_when_unknown(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Store(path).close()
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(main, ["--db", str(path), "settings", *args])

    assert run("set", "publisher.name", "Le Vérificateur").exit_code == 0
    refused = run("set", "publisher.url", "verif.example.org")
    assert refused.exit_code != 0 and "not a web address" in refused.output
    unknown = run("set", "publisher.nmae", "x")
    assert unknown.exit_code != 0 and "unknown setting 'publisher.nmae'" in unknown.output
    listed = run("list").output
    assert "publisher.name = Le Vérificateur" in listed
    assert "publisher.url = (not set)" in listed
    assert run("unset", "publisher.name").exit_code == 0
    assert "publisher.name = (not set)" in run("list").output


def test_a_verdict_is_given_listed_and_taken_away_from_the_command_line(
    tmp_path: Path, build_seed_example
) -> None:
    path = tmp_path / "p.db"
    with Store(path) as store:
        example = build_seed_example(store, GOLD_LAYER)
    claim = example.spans["altman_claim_001"]
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(main, ["--db", str(path), "verdict", *args])

    listed = run("list")
    assert f"{claim.id[:12]}  -" in listed.output
    refused = run("set", claim.id[:12], "pants on fire")
    assert refused.exit_code == 1 and "not on the verdict scale" in refused.output
    assert run("set", claim.id[:12], "mostly false").exit_code == 0
    assert f"{claim.id[:12]}  mostly false" in run("list").output
    with Store(path) as store:
        assert store.span(claim.id).attrs == {"verdict": "mostly false"}
        (review,) = claim_reviews(store)[0]
        assert review["claimReviewed"] == claim.text
    assert run("clear", claim.id[:12]).exit_code == 0
    with Store(path) as store:
        assert claim_reviews(store)[0] == []
    amount = example.spans["amount_001"]
    assert "no reviewed claim" in run("set", amount.id[:12], "true").output


def test_a_project_scale_of_its_own_rates_its_verdicts(tmp_path: Path, build_seed_example) -> None:
    from annotator.core import scheme
    from annotator.core.models import Attribute

    with Store(tmp_path / "p.db") as store:
        store.set_label_set(
            scheme.with_attribute(
                store.label_set(),
                "claim",
                Attribute(name="verdict", choices=["correct", "misleading", "pants on fire",
                                                  "no evidence"], unrated=["no evidence"]),
            )
        )
        example = build_seed_example(store, GOLD_LAYER)
        claim = example.spans["altman_claim_001"]
        store.update_span(claim.id, attrs={"verdict": "pants on fire"})
        reviews, tally = claim_reviews(store)
    (review,) = reviews
    assert review["reviewRating"]["alternateName"] == "pants on fire"
    assert (review["reviewRating"]["ratingValue"], review["reviewRating"]["bestRating"]) == (1, 3)
    assert not tally.off_scale

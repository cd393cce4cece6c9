"""Fact-checkers' verdicts out as schema.org ``ClaimReview``, the JSON-LD that search
engines and fact-check databases read.

One review per reviewed claim (a statement span of the gold layer: a claim, a denial)
whose verdict is set (``attrs["verdict"]``, on the verdict scale):

- ``claimReviewed``: the claim's text, as the article has it;
- ``reviewRating``: the verdict as ``alternateName``, and its place on the scale as
  ``ratingValue`` between ``worstRating`` and ``bestRating`` (a verdict off the ratings,
  "unverifiable", has no number);
- ``itemReviewed``: a ``Claim``, its ``author`` each span the claim is ``said_by``
  (``Person`` or ``Organization`` after the span's label), its ``appearance`` the
  article (its URL, title, outlet) and its ``datePublished`` the article's date, where
  the article's metadata knows them;
- ``author``: the outlet publishing the review, ``url``: the review's place on the
  outlet's fact-check page (``project_settings``);
- ``datePublished``: when the reviewer decided (the latest review decision on the gold
  span; the span's last change when it has none).

Claims left out (no verdict, a verdict off the scale) are counted, never silently
dropped. The same reviews go into the editorial report, as a section and as JSON-LD.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core import project_settings
from annotator.core.attribution.links import SAID_BY
from annotator.core.claim_verdicts import STATEMENT_KIND
from annotator.core.files.atomic_files import write_atomically
from annotator.core.formats.export import ExportError, ExportOptions, gold_records
from annotator.core.models import GOLD_LAYER
from annotator.core.scheme import project_verdict_scale
from annotator.core.store import Store
from annotator.core.verdicts import DEFAULT_SCALE, VERDICT_ATTRIBUTE, VerdictScale

SCHEMA_ORG = "https://schema.org"
_ORGANISATION_LABELS = ("organisation", "organization", "org")


@dataclass
class ClaimReviewTally:
    """What became of the gold layer's statements."""

    documents: int = 0
    claims: int = 0
    written: int = 0
    without_verdict: int = 0
    off_scale: Counter[str] = field(default_factory=Counter)
    """Verdict -> claims whose verdict is not on the scale."""
    scale: VerdictScale = DEFAULT_SCALE
    """The scale the verdicts were rated on: the project's."""
    without_author: int = 0
    """Written reviews whose claim is said by nobody (no said_by link)."""
    without_appearance: int = 0
    """Written reviews whose article has no URL in its metadata."""
    publisher: project_settings.Publisher = field(
        default_factory=lambda: project_settings.Publisher(None, None, None)
    )

    def problems(self) -> list[str]:
        """What a reader of the reviews misses, one line each."""
        lines = []
        if self.without_verdict:
            lines.append(
                f"left out {self.without_verdict} reviewed claim"
                f"{'s' * (self.without_verdict != 1)} without a verdict"
            )
        for verdict, count in sorted(self.off_scale.items()):
            lines.append(
                f"left out {count} claim{'s' * (count != 1)} whose verdict {verdict!r} is not "
                f"on the verdict scale ({', '.join(self.scale.values)})"
            )
        if self.written and self.publisher.name is None:
            lines.append(
                "no review author: set the outlet with "
                "'annotator settings set publisher.name NAME' (and publisher.url)"
            )
        if self.written and self.publisher.review_url is None and self.without_appearance:
            lines.append(
                f"{self.without_appearance} review{'s' * (self.without_appearance != 1)} "
                "with neither a url nor an appearance (Google needs one): set "
                "publisher.review_url, or the articles' url"
            )
        if self.without_author:
            lines.append(
                f"{self.without_author} claim{'s' * (self.without_author != 1)} said by "
                "nobody (no said_by link): the Claim has no author"
            )
        return lines


def _decision_times(store: Store) -> dict[str, str]:
    """Gold span id -> the time of the latest review decision that put it there."""
    times: dict[str, str] = {}
    for decision in store.decisions():  # oldest first: the latest wins
        if decision.gold_span_id is not None:
            times[decision.gold_span_id] = decision.created_at
    return times


def _author(span: dict[str, Any]) -> dict[str, Any]:
    kind = "Organization" if span["label"].lower() in _ORGANISATION_LABELS else "Person"
    return {"@type": kind, "name": span["text"]}


def _rating(verdict: str, scale: VerdictScale) -> dict[str, Any]:
    value = scale.rating(verdict)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict}
    if value is not None:
        rating.update(
            ratingValue=value, bestRating=scale.best_rating, worstRating=scale.worst_rating
        )
    return rating


def claim_reviews(
    store: Store,
    options: ExportOptions | None = None,
    scale: VerdictScale | None = None,
) -> tuple[list[dict[str, Any]], ClaimReviewTally]:
    """The project's ClaimReviews (JSON-LD objects, each with its ``@context``), in
    project order, and what was left out. ``options``: the export's filters (labels,
    status); the layer is always the gold one. ``scale``: the project's own unless given."""
    options = replace(options or ExportOptions(), gold=True, annotators=None)
    scale = scale or project_verdict_scale(store.label_set())
    statements = {
        label.name for label in store.label_set().labels if label.kind == STATEMENT_KIND
    }
    publisher = project_settings.publisher(store)
    tally = ClaimReviewTally(publisher=publisher, scale=scale)
    reviewed_at = _decision_times(store)
    reviews: list[dict[str, Any]] = []
    for record in gold_records(store, options):
        spans = {span["id"]: span for span in record["spans"]}
        said_by: dict[str, list[dict[str, Any]]] = {}
        for relation in record.get("relations", ()):
            if relation["type"] == SAID_BY and relation["to"] in spans:
                said_by.setdefault(relation["from"], []).append(spans[relation["to"]])
        in_record = 0
        for span in record["spans"]:
            if span["label"] not in statements or span["annotator"] != GOLD_LAYER:
                continue
            tally.claims += 1
            in_record += 1
            verdict = (span.get("attrs") or {}).get(VERDICT_ATTRIBUTE)
            if verdict in (None, ""):
                tally.without_verdict += 1
                continue
            if str(verdict) not in scale.values:
                tally.off_scale[str(verdict)] += 1
                continue
            reviews.append(_review(span, record, said_by, publisher, reviewed_at, scale, tally))
        tally.documents += bool(in_record)
    tally.written = len(reviews)
    return reviews, tally


def _review(
    span: dict[str, Any],
    record: dict[str, Any],
    said_by: dict[str, list[dict[str, Any]]],
    publisher: project_settings.Publisher,
    reviewed_at: dict[str, str],
    scale: VerdictScale,
    tally: ClaimReviewTally,
) -> dict[str, Any]:
    meta = record.get("meta") or {}
    claim: dict[str, Any] = {"@type": "Claim"}
    authors = [_author(source) for source in said_by.get(span["id"], ())]
    if authors:
        claim["author"] = authors[0] if len(authors) == 1 else authors
    else:
        tally.without_author += 1
    if meta.get("url"):
        appearance: dict[str, Any] = {
            "@type": "CreativeWork",
            "url": meta["url"],
            "headline": record["title"],
        }
        if meta.get("site"):
            appearance["publisher"] = {"@type": "Organization", "name": meta["site"]}
        claim["appearance"] = appearance
    else:
        tally.without_appearance += 1
    if meta.get("date"):
        claim["datePublished"] = meta["date"]
    review: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "identifier": span["id"],
        "claimReviewed": span["text"],
        "reviewRating": _rating(str(span["attrs"][VERDICT_ATTRIBUTE]), scale),
        "itemReviewed": claim,
        "datePublished": reviewed_at.get(span["id"]) or span.get("updated_at"),
    }
    if record.get("language"):
        review["inLanguage"] = record["language"]
    if publisher.review_url:
        review["url"] = f"{publisher.review_url.split('#')[0]}#claim-{span['id']}"
    if publisher.name:
        author: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
        if publisher.url:
            author["url"] = publisher.url
        review["author"] = author
    return review


def json_ld_text(reviews: list[dict[str, Any]]) -> str:
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


def script_element_text(reviews: list[dict[str, Any]]) -> str:
    """The reviews as the content of a ``<script type="application/ld+json">``: "<"
    written as its JSON escape, so no text of a claim can end the element."""
    return json.dumps(reviews, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def write_claim_reviews(
    store: Store, path: Path, options: ExportOptions | None = None
) -> ClaimReviewTally:
    """Write the reviews to ``path`` atomically (the caller checked the path)."""
    if options is not None and options.annotators:
        raise ExportError(
            "ClaimReview is made from the reviewed (gold) layer: --annotator does not apply"
        )
    reviews, tally = claim_reviews(store, options)
    write_atomically(path, lambda file: file.write(json_ld_text(reviews)))
    return tally

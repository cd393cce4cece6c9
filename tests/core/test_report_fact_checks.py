"""The editorial report's fact checks (a table, and the same reviews as ClaimReview
JSON-LD in the page) and the notes shown with their article."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from annotator.core.attribution import links
from annotator.core.claimreview import claim_reviews
from annotator.core.models import GOLD_LAYER, Document
from annotator.core.report import render as report
from annotator.core.store import Store


class Scripts(HTMLParser):
    """Every script element: its attributes and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._inside: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._inside = dict(attrs)
            self.scripts.append((self._inside, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def scripts(page: str) -> list[tuple[dict[str, str | None], str]]:
    parser = Scripts()
    parser.feed(page)
    return parser.scripts


def test_the_report_has_the_fact_checks_and_their_json_ld(
    store: Store, build_seed_example: Any
) -> None:
    example = build_seed_example(store, GOLD_LAYER)
    for key, verdict in (("altman_claim_001", "mostly false"), ("beyer_denial_001", "true")):
        span = example.spans[key]
        store.update_span(span.id, attrs={"verdict": verdict})
    reviews, _tally = claim_reviews(store)

    page = report.render(store, GOLD_LAYER)
    ((attrs, data),) = scripts(page)
    assert attrs == {"type": "application/ld+json"}
    assert json.loads(data) == reviews
    assert 'id="fact-checks"' in page and "mostly false (2/5)" in page
    assert "Lucas Beyer" in page.split('id="fact-checks"')[1].split("</section>")[0]

    french = report.render(store, GOLD_LAYER, language="fr")
    assert "Vérifications des faits" in french and "plutôt faux (2/5)" in french


def test_no_claim_text_can_end_the_json_ld_element(store: Store) -> None:
    hostile = "Il a dit </script><script>document.title='pwned'</script> et <!-- rien"
    document = Document.from_text(hostile + ".", title="t")
    store.add_document(document)
    claim = store.add_span(store.make_span(document, GOLD_LAYER, 0, len(hostile), "claim"))
    store.update_span(claim.id, attrs={"verdict": "false"})
    page = report.render(store, GOLD_LAYER)
    ((attrs, data),) = scripts(page)
    assert attrs == {"type": "application/ld+json"}
    assert json.loads(data)[0]["claimReviewed"] == hostile


def test_notes_are_shown_with_their_article(store: Store) -> None:
    document = Document.from_text("Sam Altman affirme que Meta a offert 100 M$.", title="t")
    store.add_document(document)
    sam = store.add_span(store.make_span(document, "alice", 0, 10, "person"))
    claim = store.add_span(store.make_span(document, "alice", 11, 44, "claim"))
    links.add_link(store, "said_by", claim.id, sam.id)
    store.write_note(document.id, sam.id, "alice", "<b>check</b> the spelling")
    store.write_note(document.id, None, "rita", "press release, AFP")
    page = report.render(store)
    notes = page.split('<aside class="notes">')[1].split("</aside>")[0]
    assert "<q>Sam Altman</q>" in notes and "&lt;b&gt;check&lt;/b&gt; the spelling" in notes
    assert "press release, AFP" in notes and "(rita, " in notes
    assert scripts(page) == [], "no reviewed claim, no JSON-LD"

"""The editorial report: one self-contained HTML file for editors and fact-checkers.

It holds the claim ledger, a list per source of what they claimed and denied, the
attribution checks, and each article's text highlighted as the window draws it:
statements (claims, denials) underlined in their label's colour, one underline per
nesting level, entities (amounts, people, organisations) tinted, with the notes written
on each article and its spans, and the fact checks: the verdicts on the reviewed claims,
as a table and as schema.org ClaimReview JSON-LD for search engines. No script runs (the
JSON-LD is data), no font, no image, nothing fetched: the file can be mailed, archived
and printed.

Safety: the template is rendered by Jinja2 with autoescaping on, and the article
text, built here, goes through ``html.escape`` piece by piece: no text from an article,
a title or a span becomes markup.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from annotator import __version__
from annotator.core import article_meta, claimreview, guidelines
from annotator.core.attribution import ledger as ledger_module
from annotator.core.attribution.ledger import Ledger, Proposal
from annotator.core.damaged_rows import DamagedDocument
from annotator.core.files.atomic_files import write_atomically
from annotator.core.files.output_paths import check_file_output, protecting
from annotator.core.models import GOLD_LAYER, Label, LabelSet, Note, Span, utc_now
from annotator.core.report import language as report_language
from annotator.core.report.language import Catalogue
from annotator.core.resources import known_source, resources_dir
from annotator.core.store import Store

FALLBACK_COLOUR = "#777777"
"""For a span whose label the label set no longer has."""


def template_dir() -> Path:
    return resources_dir() / "report"


def default_layer(store: Store) -> str | None:
    """The gold layer when it has spans (the reviewed truth), else every layer."""
    has_gold = any(GOLD_LAYER in counts for counts in store.span_counts_by_document().values())
    return GOLD_LAYER if has_gold else None


@dataclass(frozen=True)
class LabelStyle:
    css_class: str
    name: str
    display: str
    colour: str
    statement: bool


def label_styles(label_set: LabelSet, language: str) -> dict[str, LabelStyle]:
    return {
        label.name: _style(index, label, language) for index, label in enumerate(label_set.labels)
    }


def _style(index: int, label: Label, language: str) -> LabelStyle:
    return LabelStyle(
        css_class=f"l{index}",
        name=label.name,
        display=label.display_name(language),
        colour=label.color,
        statement=label.kind == "statement",
    )


def statement_lanes(spans: Sequence[Span], statements: set[str]) -> dict[str, int]:
    """A fixed underline level for each statement span, so that two statements that
    overlap get two lines at two heights, and one statement's line never jumps."""
    lane_ends: list[int] = []
    lanes: dict[str, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        if span.label not in statements:
            continue
        lane = next((i for i, end in enumerate(lane_ends) if end <= span.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(span.end)
        else:
            lane_ends[lane] = span.end
        lanes[span.id] = lane
    return lanes


@dataclass(frozen=True)
class SpanMark:
    """How one span is drawn: its anchor, tooltip and the marker after it."""

    anchor: str
    tooltip: str
    marker: str | None = None
    marker_target: str | None = None


def highlight(
    text: str,
    spans: Sequence[Span],
    styles: dict[str, LabelStyle],
    marks: dict[str, SpanMark],
) -> Markup:
    """The article text as HTML: the text is cut where any span starts or ends, and
    each piece is wrapped in one element per span covering it, outermost first."""
    statements = {name for name, style in styles.items() if style.statement}
    lanes = statement_lanes(spans, statements)
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.id))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    ends_at: dict[int, list[Span]] = {}
    for span in ordered:
        ends_at.setdefault(span.end, []).append(span)
    parts: list[str] = []
    active: list[Span] = []
    next_span = 0
    opened: set[str] = set()
    for low, high in pairwise(cuts):
        active = [s for s in active if s.end > low]
        while next_span < len(ordered) and ordered[next_span].start <= low:
            if ordered[next_span].end > low:
                active.append(ordered[next_span])
            next_span += 1
        active.sort(key=lambda s: (s.start, -s.end, s.label, s.id))
        piece = html.escape(text[low:high])
        for span in reversed(active):
            piece = _wrap(span, piece, styles, lanes, marks, first=span.id not in opened)
        for span in active:
            opened.add(span.id)
        parts.append(piece)
        for span in ends_at.get(high, ()):
            mark = marks.get(span.id)
            if mark is not None and mark.marker:
                parts.append(
                    f'<a class="marker" href="#{mark.marker_target}">{html.escape(mark.marker)}</a>'
                )
    return Markup("".join(parts))


def _wrap(
    span: Span,
    inner: str,
    styles: dict[str, LabelStyle],
    lanes: dict[str, int],
    marks: dict[str, SpanMark],
    *,
    first: bool,
) -> str:
    style = styles.get(span.label)
    css = style.css_class if style else "unknown"
    kind = "statement" if span.id in lanes else "entity"
    mark = marks.get(span.id)
    anchor = f' id="{mark.anchor}"' if mark and first else ""
    tooltip = mark.tooltip if mark else (style.display if style else span.label)
    lane = f" lane{min(lanes[span.id], 5)}" if span.id in lanes else ""
    return f'<span class="{kind} {css}{lane}"{anchor} title="{html.escape(tooltip)}">{inner}</span>'


def _stylesheet(styles: dict[str, LabelStyle]) -> Markup:
    """Per-label rules; colours come from the validated label set (#RRGGBB only)."""
    rules = [(template_dir() / "report.css").read_text(encoding="utf-8")]
    for style in styles.values():
        if style.statement:
            rules.append(f".statement.{style.css_class} {{ border-bottom-color: {style.colour}; }}")
        else:
            rules.append(
                f".entity.{style.css_class} {{ background-color: {style.colour}38; "
                f"--entity-colour: {style.colour}; }}"
            )
    return Markup("\n".join(rules))


def environment(catalogue: Catalogue | None = None) -> jinja2.Environment:
    """The template environment, its ``_``/``ngettext`` answered by ``catalogue``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    catalogue = catalogue or report_language.for_language("en")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        catalogue.gettext, catalogue.ngettext, newstyle=True
    )
    return env


@dataclass(frozen=True)
class NoteView:
    author: str
    date: str
    text: str
    quote: str | None
    """The span's text, for a note on a span; None for a note on the article."""


@dataclass
class ArticleView:
    anchor: str
    title: str
    source: str | None
    details: list[str]
    """What the source says about the article: outlet, author, date, address."""
    html: Markup
    labels: list[LabelStyle]
    counts: dict[str, int]
    notes: list[NoteView]


@dataclass(frozen=True)
class FactCheckView:
    claim: str
    said_by: str
    verdict: str
    rating: str
    """"2/5", or "" for a verdict off the ratings."""
    doc_id: str | None


def _fact_checks(
    reviews: list[dict[str, Any]], store: Store, catalogue: Catalogue
) -> list[FactCheckView]:
    doc_of = {span.id: span.doc_id for span in store.iter_spans(GOLD_LAYER)}
    rows = []
    for review in reviews:
        rating = review["reviewRating"]
        authors = review["itemReviewed"].get("author", [])
        authors = authors if isinstance(authors, list) else [authors]
        rows.append(
            FactCheckView(
                claim=review["claimReviewed"],
                said_by=", ".join(author["name"] for author in authors),
                verdict=catalogue.gettext(rating["alternateName"]),
                rating=f"{rating['ratingValue']}/{rating['bestRating']}"
                if "ratingValue" in rating
                else "",
                doc_id=doc_of.get(review["identifier"]),
            )
        )
    return rows


def _details(meta: dict[str, Any], catalogue: Catalogue) -> list[str]:
    found = [meta.get(article_meta.SITE), meta.get(article_meta.AUTHOR)]
    day = article_meta.iso_date(meta.get(article_meta.DATE))
    if day:
        found.append(catalogue.say("published %(date)s", date=catalogue.day(day)))
    found.append(meta.get(article_meta.URL))
    return [value for value in found if isinstance(value, str) and value.strip()]


def render(
    store: Store,
    annotator: str | None = None,
    *,
    language: str = "en",
    title: str | None = None,
    ledger: Ledger | None = None,
) -> str:
    """The whole report as one HTML string, in ``language`` ("en" or "fr": headings,
    counts, amounts, label names). ``annotator``: one layer (e.g. 'gold'); None: every
    layer. ``title``: default "Editorial report" in that language. ``ledger``: that
    layer's ledger, when the caller has built it."""
    catalogue = report_language.for_language(language)
    ledger = ledger or ledger_module.build(store, annotator)
    styles = label_styles(store.label_set(), language)
    marks = _marks(ledger, styles, catalogue)
    articles: list[ArticleView] = []
    article_anchor: dict[str, str] = {}
    titles: dict[str, str] = {}
    notes_by_document: dict[str, list[Note]] = {}
    for note in store.notes():
        notes_by_document.setdefault(note.doc_id, []).append(note)
    for summary in store.document_summaries():
        titles[summary.id] = summary.title
        spans = store.spans(summary.id, annotator)
        if not spans:
            continue
        try:
            document = store.document(summary.id)
        except DamagedDocument:
            continue  # named by the store with the other damaged rows
        counts: dict[str, int] = {}
        for span in spans:
            counts[span.label] = counts.get(span.label, 0) + 1
        anchor = article_anchor[summary.id] = f"article-{len(articles) + 1}"
        shown = {span.id: span for span in spans}
        notes = [
            NoteView(
                note.author,
                catalogue.date(note.updated_at),
                note.text,
                shown[note.span_id].text if note.span_id is not None else None,
            )
            for note in notes_by_document.get(summary.id, ())
            if note.span_id is None or note.span_id in shown
        ]
        articles.append(
            ArticleView(
                anchor=anchor,
                title=document.title,
                source=known_source(document.source),
                details=_details(document.meta, catalogue),
                html=highlight(document.text, spans, styles, marks),
                labels=[style for name, style in styles.items() if name in counts],
                counts=counts,
                notes=notes,
            )
        )
    reviews, _tally = claimreview.claim_reviews(store)
    context: dict[str, Any] = {
        "title": title or catalogue.gettext("Editorial report"),
        "language": catalogue.language,
        "titles": titles,
        "generated_at": catalogue.date(utc_now()),
        "version": __version__,
        "layer": catalogue.layer(annotator),
        "number": catalogue.number,
        "reading": lambda amount: amount.reading_in(catalogue.amount_words),
        "reasons": lambda proposal: _reasons(proposal, catalogue),
        "problem_text": lambda problem: catalogue.problem(
            problem, _display(styles, problem.span.label)
        ),
        "stylesheet": _stylesheet(styles),
        "styles": styles,
        "ledger": ledger,
        "articles": articles,
        "article_anchor": article_anchor,
        # Rendered by markdown-it with raw HTML off and images as text: safe as markup.
        "guidelines": [
            (heading, Markup(body))
            for _name, heading, body in guidelines.sections(store.label_set(), language)
        ],
        "scheme_version": store.label_set().version,
        "marks": marks,
        "fact_checks": _fact_checks(reviews, store, catalogue),
        "claim_reviews_json": Markup(claimreview.script_element_text(reviews)) if reviews else None,
        "thresholds": {
            "amount": ledger_module.SHARED_AMOUNT_SCORE,
            "source": ledger_module.SHARED_SOURCE_SCORE,
            "entity": ledger_module.SHARED_ENTITY_SCORE,
            "proposal": ledger_module.PROPOSAL_THRESHOLD,
        },
    }
    return environment(catalogue).get_template("report.html.j2").render(context)


def _reasons(proposal: Proposal, catalogue: Catalogue) -> str:
    """Why two rows may be one claim: "same amount 100 000 000 USD; both mention Meta"."""
    said = []
    for ground in proposal.grounds:
        if isinstance(ground.subject, ledger_module.Amount):
            amount = ground.subject.reading_in(catalogue.amount_words)
            said.append(catalogue.say("same amount %(amount)s", amount=amount))
        elif ground.kind == "same_source":
            said.append(catalogue.say("same source %(name)s", name=ground.subject.name))
        else:
            said.append(catalogue.say("both mention %(name)s", name=ground.subject.name))
    return catalogue.gettext("; ").join(said)


def _marks(
    ledger: Ledger, styles: dict[str, LabelStyle], catalogue: Catalogue
) -> dict[str, SpanMark]:
    """Anchors, tooltips and markers of claims and denials. A claim's marker is its
    ledger row (C1, C2...) and leads there; denials are numbered D1, D2... in article
    order and lead to the row of the claim they deny (or to the checks, if none)."""
    marks: dict[str, SpanMark] = {}

    def tooltip(span: Span, marker: str, sources: Sequence[ledger_module.Source]) -> str:
        label = _display(styles, span.label)
        if not sources:
            return catalogue.say("%(label)s %(marker)s, no source", label=label, marker=marker)
        names = ", ".join(s.name for s in sources)
        return catalogue.say(
            "%(label)s %(marker)s, said by %(sources)s", label=label, marker=marker, sources=names
        )

    for group in ledger.groups:
        for claim in group.claims:
            marks[claim.span.id] = SpanMark(
                anchor=f"claim-{len(marks) + 1}",
                tooltip=tooltip(claim.span, group.label, claim.sources),
                marker=group.label,
                marker_target=f"row-{group.label}",
            )
    for number, denial in enumerate(ledger.denials, start=1):
        denied = [ledger.group_of(claim.id) for claim in denial.denies]
        target = next((f"row-{g.label}" for g in denied if g is not None), "checks")
        marks[denial.span.id] = SpanMark(
            anchor=f"denial-{number}",
            tooltip=tooltip(denial.span, f"D{number}", denial.sources),
            marker=f"D{number}",
            marker_target=target,
        )
    return marks


def _display(styles: dict[str, LabelStyle], label: str) -> str:
    style = styles.get(label)
    return style.display if style else label


def write_report(
    store: Store,
    path: Path | str,
    annotator: str | None = None,
    *,
    language: str = "en",
    title: str | None = None,
) -> Ledger:
    """Render the report and write it atomically (a complete file or none); returns
    the ledger it shows."""
    with protecting(store.path):
        check_file_output(path)  # before the work, not only after it
        ledger = ledger_module.build(store, annotator)
        document = render(store, annotator, language=language, title=title, ledger=ledger)
        write_atomically(Path(path), lambda file: file.write(document))
    return ledger

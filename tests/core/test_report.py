"""The editorial report: content, escaping, self-containment, printing."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.attribution import links
from annotator.core.models import Document, Span
from annotator.core.report import render as report
from annotator.core.store import Store

HOSTILE_TITLE = "<script>alert('title')</script> Meta & « OpenAI »"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n"
    'Le PDG <img src=x onerror="alert(1)"> a affirmé que Meta offrait 100 millions $.\n'
    "Selon </div><script>document.title='pwned'</script> Sam Altman, c'est vrai."
)


class Elements(HTMLParser):
    """Every element and attribute of a page, and its text with the elements that
    enclose each piece."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, list[tuple[str, dict[str, str | None]]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, dict(attrs))
        self.tags.append(element)
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        self.texts.append((data, list(self.stack)))


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


def classes(element: tuple[str, dict[str, str | None]]) -> set[str]:
    return set((element[1].get("class") or "").split())


@pytest.fixture
def example(store: Store, build_seed_example: Callable[..., Any]) -> Any:
    return build_seed_example(store)


def test_the_report_shows_the_ledger_row_denials_and_sources_of_the_seed_example(
    store: Store, example: Any
) -> None:
    page = report.render(store)
    elements = parse(page)
    row_text = " ".join(
        text
        for text, stack in elements.texts
        if any(tag == "tr" and attrs.get("id") == "row-C1" for tag, attrs in stack)
    )
    assert example.spans["altman_claim_001"].text in row_text
    assert "Sam Altman" in row_text
    assert "100\u202f000\u202f000 USD" in row_text
    for key in ("bosworth_denial_000", "beyer_denial_000", "beyer_denial_001"):
        assert example.spans[key].text in row_text
    assert "Andrew Bosworth" in row_text and "Lucas Beyer" in row_text
    assert "Possibly the same claim" in page
    # Every tagged seed article is in the report under its title.
    for number in ("000", "001", "004"):
        assert example.documents[number].title in [t for t, _ in elements.texts]


def test_nested_spans_are_drawn_inside_each_other_with_label_colours(
    store: Store, example: Any
) -> None:
    elements = parse(report.render(store))
    amount = example.spans["amount_001"]
    claim_classes = [
        classes(element)
        for text, stack in elements.texts
        if text == amount.text
        for element in stack
        if element[0] == "span"
    ]
    # The amount sits inside the claim: an underlined statement around a tinted entity.
    assert any("statement" in c for c in claim_classes)
    assert any("entity" in c for c in claim_classes)
    page = report.render(store)
    for label in store.label_set().labels:
        assert label.color in page


def test_overlapping_statements_get_separate_underlines(store: Store) -> None:
    document = Document.from_text("Il affirme que Meta paie, mais Meta dément tout paiement.")
    store.add_document(document)
    spans = [
        tag(store, document, "Il affirme que Meta paie, mais", "claim"),
        tag(store, document, "mais Meta dément", "denial"),
    ]
    lanes = report.statement_lanes(spans, {"claim", "denial"})
    assert lanes[spans[0].id] != lanes[spans[1].id]
    stacks = [stack for text, stack in parse(report.render(store)).texts if text == "mais"]
    (stack,) = stacks
    assert {"lane0", "lane1"} <= set().union(*(classes(e) for e in stack))


def tag(store: Store, document: Document, quote: str, label: str) -> Span:
    start = document.text.index(quote)
    return store.add_span(store.make_span(document, "alice", start, start + len(quote), label))


def test_no_article_text_or_title_becomes_markup(store: Store) -> None:
    document = Document.from_text(HOSTILE_TEXT, title=HOSTILE_TITLE)
    store.add_document(document)
    claim = tag(store, document, '<img src=x onerror="alert(1)"> a affirmé que Meta', "claim")
    source = tag(
        store, document, "</div><script>document.title='pwned'</script> Sam Altman", "person"
    )
    links.add_link(store, "said_by", claim.id, source.id)

    page = report.render(store, title="<b>Rapport</b>")
    elements = parse(page)
    tags = {tag for tag, _ in elements.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "b"}
    assert not [name for _, attrs in elements.tags for name in attrs if name.startswith("on")]
    # The text is all there, as text.
    text = "".join(t for t, _ in elements.texts)
    assert "<script>alert('title')</script>" in text
    assert '<img src=x onerror="alert(1)">' in text
    assert "</div><script>document.title='pwned'</script> Sam Altman" in text
    assert "&lt;script&gt;" in page


def test_the_report_is_self_contained_and_prints(store: Store, example: Any) -> None:
    page = report.render(store)
    elements = parse(page)
    for tag, attrs in elements.tags:
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "@import" not in page and "url(" not in page
    print_rules = page.split("@media print", 1)[1]
    assert "break-before: page" in print_rules
    # Statements are borders (which print), entities keep their tint and get an outline.
    assert "print-color-adjust: exact" in page
    assert "outline" in print_rules


def test_write_report_replaces_the_file_whole_or_not_at_all(
    store: Store, example: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.html"
    built = report.write_report(store, out)
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert len(built.groups) == 4

    def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("render failed")

    before = out.read_bytes()
    monkeypatch.setattr(report, "render", broken)
    with pytest.raises(RuntimeError):
        report.write_report(store, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_the_gold_layer_is_the_default_when_it_has_tags(store: Store, example: Any) -> None:
    assert report.default_layer(store) is None
    document = example.documents["002"]
    tag_gold = store.make_span(document, "gold", 0, 4, "organisation")
    store.add_span(tag_gold)
    assert report.default_layer(store) == "gold"


def test_report_links_and_check_commands(
    project_path: Path, tmp_path: Path, build_seed_example: Callable[..., Any]
) -> None:
    with Store(project_path) as store:
        example = build_seed_example(store)
    runner = CliRunner()
    out = tmp_path / "out" / "report.html"
    result = runner.invoke(main, ["--db", str(project_path), "report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 claims, 3 denials, 5 sources, 0 problems" in result.output
    written = [text for text, _ in parse(out.read_text(encoding="utf-8")).texts]
    assert example.spans["altman_claim_001"].text in written

    result = runner.invoke(main, ["--db", str(project_path), "links"])
    assert result.exit_code == 0, result.output
    assert "said_by" in result.output and "'Andrew Bosworth'" in result.output
    assert result.output.rstrip().endswith("16 links")

    result = runner.invoke(main, ["--db", str(project_path), "check"])
    assert result.exit_code == 0, result.output
    with Store(project_path) as store:
        (said_by,) = [
            link
            for link in store.links(span_id=example.spans["bosworth_denial_000"].id)
            if link.type == "said_by"
        ]
        links.delete_link(store, said_by.id)
    result = runner.invoke(main, ["--db", str(project_path), "check"])
    assert result.exit_code == 1
    assert "denial with no source" in result.output
    assert example.spans["bosworth_denial_000"].text in result.output


def test_a_sample_article_is_shown_as_the_user_knows_it(store: Store, seeds_dir: Path) -> None:
    from annotator.core.importing.articles import import_paths

    # As File → Load the sample articles imports them: from the package's seeds folder
    # (site-packages/annotator/_seeds once installed).
    import_paths(store, [seeds_dir])
    doc_id = store.document_ids()[0]
    document = store.document(doc_id)
    assert str(seeds_dir) in (document.source or "")
    store.add_span(store.make_span(document, "alice", 0, 4, "organisation"))
    page = report.render(store)
    meta = [text for text, stack in parse(page).texts if any("meta" in classes(e) for e in stack)]
    assert f"seeds/{Path(document.source or '').name}" in meta
    assert str(seeds_dir.resolve()) not in page


def test_the_guidelines_are_the_reports_appendix_safely_and_in_its_language(
    store: Store, tmp_path: Path
) -> None:
    from annotator.core import scheme
    from annotator.core.report.render import render

    document = Document.from_text("Sam Altman affirme que Meta a offert 100 millions.")
    store.add_document(document)
    store.add_span(store.make_span(document, "alice", 0, 10, "person"))
    label_set = scheme.with_guidelines(
        store.label_set(), "person", "en", "Tag **people** by name.\n\n<script>x()</script>"
    )
    label_set = scheme.with_guidelines(label_set, "person", "fr", "Étiquetez les **personnes**.")
    label_set = scheme.with_guidelines(label_set, None, "fr", "Ce qui se vérifie.")
    store.set_label_set(label_set)
    english = render(store, language="en")
    assert "Appendix: annotation guidelines" in english
    assert "<h3>Person</h3>" in english and "<strong>people</strong>" in english
    assert "<script>x()</script>" not in english and "&lt;script&gt;" in english
    french = render(store, language="fr")
    assert "Annexe : consignes d’annotation" in french.replace("\u00a0", " ")
    assert "Étiquetez les <strong>personnes</strong>." in french
    assert "Ce qui se vérifie." in french
    assert f"Version du schéma {label_set.version}" in french.replace("\u00a0", " ")

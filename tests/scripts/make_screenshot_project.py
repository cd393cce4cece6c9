"""Build the project behind the README's screenshot of the window
(resources/screenshots/window.png).

    python tests/scripts/make_screenshot_project.py PROJECT.db [--annotator alice]
    annotator --db PROJECT.db --annotator alice open

The five seed articles, seed 001 (Altman's "100 millions de dollars" claim) first so the
window opens on it, tagged through the store API with several spans of every label,
nested ones included: claims holding an amount, a person and an organisation, a claim
inside a denial. Each span is found by its quoted words in the text, so the offsets are
the text's own. Two other articles get a few tags and a status, so the list shows them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.core.amounts import reading as amounts
from annotator.core.attribution.links import add_link
from annotator.core.importing.articles import import_paths
from annotator.core.models import Document, Status
from annotator.core.store import Store

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIRST = "001_0628ff97c4024806.txt"

ALL = -1
# (name to link it by, words, label, which occurrence of the words counting from 0, or ALL)
SEED_001: list[tuple[str, str, str, int]] = [
    # Statements: claims, and denials with the claim they deny nested inside.
    (
        "pay claim",
        (
            "Meta avait tenté de débaucher ses meilleurs ingénieurs en IA en offrant des primes "
            "d'embauche pouvant atteindre 100 millions de dollars"
        ),
        "claim",
        0,
    ),
    (
        "Pang claim",
        "Meta avait offert à Pang un package d'une valeur de plus de 200 millions de dollars",
        "claim",
        0,
    ),
    (
        "podcast claim",
        (
            "[Meta] a commencé à faire des offres colossales à de nombreux membres de notre "
            "équipe. Des primes à la signature de 100 millions de dollars, voire plus en "
            "rémunération annuelle."
        ),
        "claim",
        0,
    ),
    (
        "Beyer denial",
        (
            "a rejeté les affirmations selon lesquelles le trio s'était vu offrir une prime "
            "d'embauche de 100 millions de dollars"
        ),
        "denial",
        0,
    ),
    (
        "trio claim",
        "le trio s'était vu offrir une prime d'embauche de 100 millions de dollars",
        "claim",
        0,
    ),
    (
        "tweet denial",
        "non, nous n'avons pas obtenu 100 millions de signatures, c'est une fausse nouvelle",
        "denial",
        0,
    ),
    # Amounts.
    ("100 M", "100 millions de dollars", "amount", 0),
    ("200 M", "200 millions de dollars", "amount", 0),
    ("100 M podcast", "100 millions de dollars", "amount", 1),
    ("100 M trio", "100 millions de dollars", "amount", 2),
    ("", "100 millions", "amount", 3),
    # People.
    ("Sam Altman", "Sam Altman", "person", 0),
    ("", "Ruoming Pang", "person", 0),
    ("", "Pang", "person", 1),
    ("", "Mark Zuckerberg", "person", 0),
    ("Altman", "Altman", "person", 1),
    ("", "Altman", "person", 2),
    ("Lucas Beyer", "Lucas Beyer", "person", 0),
    ("Beyer", "Beyer", "person", 1),
    # Organisations: every mention, as a journalist would tag them.
    ("", "Meta", "organisation", ALL),
    ("", "OpenAI", "organisation", ALL),
    ("", "Apple", "organisation", ALL),
    ("Bloomberg", "Bloomberg", "organisation", 0),
    ("", "Bloomberg", "organisation", 1),
    ("", "Google", "organisation", 0),
    ("", "Microsoft", "organisation", 0),
]
# Who said what: every claim and denial has its source, each denial its claim.
LINKS: list[tuple[str, str, str]] = [
    ("said_by", "pay claim", "Sam Altman"),
    ("amount_of", "100 M", "pay claim"),
    ("said_by", "Pang claim", "Bloomberg"),
    ("amount_of", "200 M", "Pang claim"),
    ("said_by", "podcast claim", "Altman"),
    ("amount_of", "100 M podcast", "podcast claim"),
    ("said_by", "trio claim", "Altman"),
    ("amount_of", "100 M trio", "trio claim"),
    ("said_by", "Beyer denial", "Lucas Beyer"),
    ("denies", "Beyer denial", "trio claim"),
    ("said_by", "tweet denial", "Beyer"),
    ("denies", "tweet denial", "podcast claim"),
]


def find_all(text: str, words: str) -> list[tuple[int, int]]:
    found, start = [], text.find(words)
    while start >= 0:
        found.append((start, start + len(words)))
        start = text.find(words, start + 1)
    return found


def find(text: str, words: str, occurrence: int) -> list[tuple[int, int]]:
    """Code point offsets of the ``occurrence``-th ``words`` in ``text`` (all: ALL)."""
    found = find_all(text, words)
    if occurrence == ALL:
        return found
    if occurrence >= len(found):
        raise SystemExit(f"not in the article {occurrence + 1} times: {words!r}")
    return [found[occurrence]]


def tag(
    store: Store, document: Document, annotator: str, words: str, label: str, n: int
) -> list[str]:
    """Tag the words; returns the new spans' ids."""
    ids = []
    for start, end in find(document.text, words, n):
        attrs = amounts.attrs_for_span(words, "fr") if label == "amount" else None
        span = store.make_span(document, annotator, start, end, label, attrs=attrs)
        ids.append(store.add_span(span).id)
    return ids


def build(path: Path, annotator: str) -> None:
    seeds = sorted(SEEDS.glob("*.txt"), key=lambda seed: (seed.name != FIRST, seed.name))
    with Store(path) as store:
        report = import_paths(store, seeds)
        ids = {Path(result.path).name: result.doc_id for result in report.results}
        first = store.document(ids[FIRST])
        named: dict[str, str] = {}
        with store.transaction():
            for name, words, label, occurrence in SEED_001:
                made = tag(store, first, annotator, words, label, occurrence)
                if name:
                    named[name] = made[0]
        for type_name, source, target in LINKS:
            add_link(store, type_name, named[source], named[target])
        store.set_status(first.id, annotator, Status.IN_PROGRESS)
        # Two more articles with work on them, so the list shows statuses and counts.
        others = [name for name in ids if name != FIRST][:2]
        for name, status in zip(others, (Status.DONE, Status.IN_PROGRESS), strict=True):
            document = store.document(ids[name])
            with store.transaction():
                tag(store, document, annotator, "Meta", "organisation", 0)
                tag(store, document, annotator, "OpenAI", "organisation", 0)
            store.set_status(document.id, annotator, status)
        spans = len(store.spans(first.id, annotator))
    print(f"{path}: {spans} spans and {len(LINKS)} links on {first.title!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="the project file to create")
    parser.add_argument("--annotator", default="alice", help="whose spans (default: alice)")
    args = parser.parse_args()
    if args.project.exists():
        raise SystemExit(f"{args.project}: already exists")
    build(args.project, args.annotator)


if __name__ == "__main__":
    main()

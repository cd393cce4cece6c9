"""A deterministic, seeded corpus at newsroom scale, for the benchmark.

French-like text built from the seed articles' vocabulary, with accents, curly quotes
and some emoji (astral characters, so UTF-16 and code point offsets differ), and spans
on word boundaries from several annotators, nested ones included.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.models import Document, Span
from annotator.core.resources import seeds_dir
from annotator.core.store import Store

EMOJI = ["🚀", "💰", "🤖", "📈", "👩‍💻", "🔥"]
LABELS = ["claim", "denial", "amount", "person", "organisation"]
FALLBACK_WORDS = (
    "Meta offre des primes à la signature de millions de dollars aux chercheurs "
    "selon Altman mais Bosworth dément l’entreprise a précisé que les rémunérations "
    "élevées dépendent de critères de performance"
).split()


def vocabulary() -> list[str]:
    words: list[str] = []
    folder = seeds_dir()
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        words.extend(re.findall(r"[\w’'-]+", path.read_text(encoding="utf-8")))
    return words or FALLBACK_WORDS


@dataclass
class CorpusSpec:
    articles: int = 10_000
    article_bytes: int = 3_000
    spans_per_article: int = 50
    """Shared out among the annotators: 10,000 articles carry 500,000 spans."""
    annotators: tuple[str, ...] = ("alice", "bruno", "chloé")
    seed: int = 20261122


class TextMaker:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.words = vocabulary()

    def sentence(self) -> str:
        r = self.random
        words = [r.choice(self.words) for _ in range(r.randint(8, 22))]
        words[0] = words[0][:1].upper() + words[0][1:]
        if r.random() < 0.25:
            at = r.randrange(1, len(words))
            words[at] = f"« {words[at]} »" if r.random() < 0.5 else f"“{words[at]}”"
        if r.random() < 0.2:
            words.insert(r.randrange(len(words)), f"{r.randint(1, 999)} millions de dollars")
        if r.random() < 0.08:
            words.insert(r.randrange(len(words)), r.choice(EMOJI))
        return " ".join(words) + r.choice([".", ".", ".", " !", " ?"])

    def article(self, size: int) -> str:
        paragraphs: list[str] = []
        length = 0
        while length < size:
            paragraph = " ".join(self.sentence() for _ in range(self.random.randint(2, 5)))
            paragraphs.append(paragraph)
            length += len(paragraph.encode("utf-8")) + 2
        title = self.sentence()[:90]
        return title + "\n\n" + "\n\n".join(paragraphs)


def word_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w[\w’'-]*", text)]


def random_spans(
    rng: random.Random,
    document: Document,
    annotator: str,
    count: int,
    *,
    bounds: list[tuple[int, int]] | None = None,
    nested: bool = True,
) -> list[Span]:
    """Word-aligned spans; every fifth one a claim holding a smaller entity."""
    bounds = word_bounds(document.text) if bounds is None else bounds
    spans: list[Span] = []
    if not bounds:
        return spans
    for i in range(count):
        first = rng.randrange(len(bounds))
        length = rng.randint(1, 3)
        last = min(first + length - 1, len(bounds) - 1)
        start, end = bounds[first][0], bounds[last][1]
        label = rng.choice(LABELS[2:])
        if nested and i % 5 == 0:
            wide_last = min(last + rng.randint(3, 12), len(bounds) - 1)
            start, end = bounds[max(first - 2, 0)][0], bounds[wide_last][1]
            label = rng.choice(LABELS[:2])
        spans.append(
            Span(
                id=f"{document.id[:16]}-{annotator}-{i}",
                doc_id=document.id,
                annotator=annotator,
                start=start,
                end=end,
                label=label,
                text=document.text[start:end],
            )
        )
    return spans


def write_articles(folder: Path, spec: CorpusSpec) -> list[Path]:
    """The articles as .txt files, for the import benchmark."""
    folder.mkdir(parents=True, exist_ok=True)
    maker = TextMaker(spec.seed)
    paths = []
    for i in range(spec.articles):
        path = folder / f"article_{i:05d}.txt"
        path.write_text(maker.article(spec.article_bytes), encoding="utf-8")
        paths.append(path)
    return paths


def iter_documents(spec: CorpusSpec) -> Iterator[Document]:
    maker = TextMaker(spec.seed)
    for i in range(spec.articles):
        yield Document.from_text(maker.article(spec.article_bytes), source=f"article_{i:05d}.txt")


def fill_project(store: Store, spec: CorpusSpec, documents: list[Document] | None = None) -> int:
    """Add the articles (if not given, generated) and every annotator's spans."""
    documents = documents if documents is not None else list(iter_documents(spec))
    store.add_documents(documents)
    rng = random.Random(spec.seed + 1)
    total = 0
    batch: list[Span] = []
    for document in documents:
        bounds = word_bounds(document.text)
        share, extra = divmod(spec.spans_per_article, len(spec.annotators))
        for rank, annotator in enumerate(spec.annotators):
            count = share + (1 if rank < extra else 0)
            batch.extend(random_spans(rng, document, annotator, count, bounds=bounds))
        if len(batch) >= 20_000:
            total += store.add_spans(batch, documents)
            batch = []
    total += store.add_spans(batch, documents)
    return total


def long_article(
    store: Store,
    *,
    size: int = 1_000_000,
    spans: int = 10_000,
    seed: int = 7,
    title: str = "Long article (1 MB)",
) -> Document:
    """One ~1 MB article carrying ``spans`` spans of one annotator, nested ones included."""
    maker = TextMaker(seed)
    document = Document.from_text(maker.article(size), title=title, source=f"{title}.txt")
    store.add_document(document)
    rng = random.Random(seed)
    store.add_spans(random_spans(rng, document, "alice", spans))
    return document


@dataclass
class AnnotatedFiles:
    """The same annotated articles as another tool exports them, for the import bench."""

    labelstudio: Path
    doccano: Path
    articles: int
    spans: int


def write_annotated_files(
    folder: Path, spec: CorpusSpec, articles: int = 1_000
) -> AnnotatedFiles:
    """``articles`` of the corpus's articles with ``spec.spans_per_article`` spans each,
    as a Label Studio task list (one submitted annotation per task, code points, each
    result with its ``value.text``) and as doccano JSONL (UTF-16, no span text)."""
    from annotator.core.text.offsets import Utf16Map

    folder.mkdir(parents=True, exist_ok=True)
    maker = TextMaker(spec.seed)
    rng = random.Random(spec.seed)
    labelstudio = folder / "labelstudio-tasks.json"
    doccano = folder / "doccano.jsonl"
    total = 0
    with (
        open(labelstudio, "w", encoding="utf-8") as tasks,
        open(doccano, "w", encoding="utf-8") as lines,
    ):
        tasks.write("[\n")
        for number in range(articles):
            document = Document.from_text(maker.article(spec.article_bytes))
            spans = random_spans(rng, document, "alice", spec.spans_per_article)
            total += len(spans)
            result = [
                {
                    "id": f"r{i}",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "origin": "manual",
                    "value": {
                        "start": s.start, "end": s.end, "text": s.text, "labels": [s.label]
                    },
                }
                for i, s in enumerate(spans)
            ]
            task = {
                "id": number + 1,
                "data": {"text": document.text},
                "annotations": [
                    {"id": number + 1, "completed_by": 1, "was_cancelled": False,
                     "result": result}
                ],
                "predictions": [],
            }
            tasks.write(("," if number else "") + json.dumps(task, ensure_ascii=False) + "\n")
            utf16 = Utf16Map(document.text)
            lines.write(
                json.dumps(
                    {
                        "id": number + 1,
                        "text": document.text,
                        "label": [
                            [utf16.to_utf16(s.start), utf16.to_utf16(s.end), s.label]
                            for s in spans
                        ],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        tasks.write("]\n")
    return AnnotatedFiles(labelstudio, doccano, articles, total)

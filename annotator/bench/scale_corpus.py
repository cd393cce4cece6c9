"""Projects at investigation scale (10,000 to 100,000 articles, millions of spans),
built once and kept in a cache folder for the benchmark's ``--scale`` rows.

This is the benchmark's fixture, not the product's import path: the project file is
made by the store (so its schema is the current one), then the articles and spans go in
with plain ``executemany`` inside one transaction, which builds 2 million spans in a
minute where the product's checked path would take many. A project is keyed by its
shape and by ``GENERATOR_VERSION``: a rerun opens the cached file instead of building it
again; change the version when what is generated changes.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.bench.corpus import LABELS, TextMaker, word_bounds
from annotator.core.models import Document
from annotator.core.store import Store

GENERATOR_VERSION = 1
TIMESTAMP = "2026-11-22T09:00:00Z"
"""Every generated row's time: the same shape gives the same bytes on every build."""


@dataclass(frozen=True)
class ScaleShape:
    articles: int
    spans_per_article: int
    """Shared out among the annotators, as in ``corpus.CorpusSpec``."""
    annotators: tuple[str, ...] = ("alice", "bruno", "chloé")
    article_bytes: int = 3_000
    seed: int = 20261122

    @property
    def spans(self) -> int:
        return self.articles * self.spans_per_article

    @property
    def name(self) -> str:
        """What a row says of the shape: ``10,000 articles x 200 spans (2,000,000 spans)``."""
        return (
            f"{self.articles:,} articles x {self.spans_per_article} spans "
            f"({self.spans:,} spans)"
        )

    @property
    def key(self) -> str:
        return (
            f"a{self.articles}-s{self.spans_per_article}-n{len(self.annotators)}"
            f"-b{self.article_bytes}-r{self.seed}-v{GENERATOR_VERSION}"
        )


def export_shape(articles: int) -> ScaleShape:
    """The exports' shape: 200 spans an article, so 10,000 articles carry 2 million."""
    return ScaleShape(articles=articles, spans_per_article=200)


def cache_folder() -> Path:
    """``$ANNOTATOR_BENCH_CACHE``, else ``~/.cache/annotator-bench``."""
    configured = os.environ.get("ANNOTATOR_BENCH_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annotator-bench"


def cached_project(shape: ScaleShape, folder: Path | None = None) -> tuple[Path, bool]:
    """(the project file of ``shape``, True when it was built now rather than found)."""
    folder = folder or cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"project-{shape.key}.db"
    if path.exists():
        return path, False
    building = folder / f".building-{shape.key}-{os.getpid()}.db"
    building.unlink(missing_ok=True)
    try:
        build(building, shape)
        os.replace(building, path)
    finally:
        building.unlink(missing_ok=True)
    return path, True


def _documents(shape: ScaleShape) -> Iterator[Document]:
    maker = TextMaker(shape.seed)
    for number in range(shape.articles):
        text = maker.article(shape.article_bytes)
        yield Document.from_text(text, source=f"article_{number:06d}.txt")


def _span_rows(
    rng: random.Random, document: Document, shape: ScaleShape
) -> Iterator[tuple[object, ...]]:
    """Word-aligned spans, every fifth one a claim holding smaller entities (as
    ``corpus.random_spans``, without building a model per span)."""
    bounds = word_bounds(document.text)
    if not bounds:
        return
    text, last_bound = document.text, len(bounds) - 1
    share, extra = divmod(shape.spans_per_article, len(shape.annotators))
    for rank, annotator in enumerate(shape.annotators):
        for i in range(share + (1 if rank < extra else 0)):
            first = rng.randrange(len(bounds))
            last = min(first + rng.randint(1, 3) - 1, last_bound)
            start, end = bounds[first][0], bounds[last][1]
            label = rng.choice(LABELS[2:])
            if i % 5 == 0:
                wide_last = min(last + rng.randint(3, 12), last_bound)
                start, end = bounds[max(first - 2, 0)][0], bounds[wide_last][1]
                label = rng.choice(LABELS[:2])
            yield (
                f"{document.id[:16]}-{annotator}-{i}", document.id, annotator, start, end,
                label, text[start:end], TIMESTAMP, TIMESTAMP,
            )


def build(path: Path, shape: ScaleShape) -> None:
    with Store(path):
        pass  # the current schema, made by the store
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO annotators (name, created_at) VALUES (?, ?)",
            [(name, TIMESTAMP) for name in shape.annotators],
        )
        rng = random.Random(shape.seed + 1)
        for position, document in enumerate(_documents(shape), start=1):
            conn.execute(
                "INSERT INTO documents (id, position, title, text, length, source, "
                "imported_at, language, meta) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '{}')",
                (document.id, position, document.title, document.text, len(document.text),
                 document.source, TIMESTAMP),
            )
            conn.executemany(
                'INSERT INTO spans (id, doc_id, annotator, start, "end", label, text, '
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _span_rows(rng, document, shape),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()


def main() -> None:
    """``python -m annotator.bench.scale_corpus ARTICLES``: build (or find) one."""
    import sys

    shape = export_shape(int(sys.argv[1]))
    started = time.perf_counter()
    path, built = cached_project(shape)
    done = "built" if built else "found"
    print(f"{done} {path} ({shape.name}) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

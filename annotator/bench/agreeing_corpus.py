"""A large project whose annotators mostly agree, built once into a cache folder.

The window's start-up, the article list's filters and agreement are measured on it:
``articles`` articles with an outlet and a date in their metadata, and about 20 spans
each shared by three annotators who mark the same claims and names, except that some
spans sit one word off, some are missing and some carry another label (a real project's
agreement runs its matching on every span; random spans would barely match). The first
annotator has finished some articles and started others.

It is the benchmark's fixture, not the product: rows go in with ``executemany`` in one
transaction, keyed by shape and generator version in the cache, so a rerun does not
rebuild two million spans.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from annotator.bench.corpus import LABELS, TextMaker, word_bounds
from annotator.core.models import document_id, first_line
from annotator.core.store import Store

GENERATOR_VERSION = 1
ANNOTATORS = ("alice", "bruno", "chloé")
OUTLETS = (
    "Le Monde", "Libération", "Le Figaro", "Mediapart", "AFP", "Reuters",
    "The Guardian", "Der Spiegel", "El País", "La Repubblica", "Politico", "BBC News",
)
SPANS_PER_ARTICLE = 20
ARTICLE_BYTES = 1_200
STAMP = "2026-01-01T00:00:00+00:00"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annotator-bench"


def project_path(articles: int) -> Path:
    name = f"agreeing-{articles}x{SPANS_PER_ARTICLE}-v{GENERATOR_VERSION}.db"
    return cache_folder() / name


def agreeing_project(articles: int) -> Path:
    """The cached project of ``articles`` articles, built first if it is not there."""
    path = project_path(articles)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".building")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        build(partial, articles)
        partial.rename(path)
    return path


def _shared_spans(
    rng: random.Random, bounds: list[tuple[int, int]], count: int
) -> list[tuple[int, int, str]]:
    """What every annotator means to mark: claims over a few words, names inside."""
    spans = []
    for i in range(count):
        first = rng.randrange(len(bounds))
        last = min(first + rng.randint(0, 2), len(bounds) - 1)
        label = rng.choice(LABELS[2:])
        if i % 4 == 0:
            last = min(last + rng.randint(3, 10), len(bounds) - 1)
            label = rng.choice(LABELS[:2])
        spans.append((first, last, label))
    return spans


def _annotators_take(
    rng: random.Random, bounds: list[tuple[int, int]], shared: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """One annotator's spans: most as shared, some a word off, missing or relabelled."""
    mine = []
    for first, last, label in shared:
        draw = rng.random()
        if draw < 0.06:
            continue
        if draw < 0.14:
            step = rng.choice((-1, 1))
            first = min(max(first + step, 0), len(bounds) - 1)
            last = max(first, min(last + step, len(bounds) - 1))
        elif draw < 0.20:
            label = rng.choice([other for other in LABELS if other != label])
        mine.append((bounds[first][0], bounds[last][1], label))
    return sorted(set(mine))


def build(path: Path, articles: int) -> None:
    with Store(path) as store:
        store.add_labels(LABELS)
        for name in ANNOTATORS:
            store.ensure_annotator(name)
        store.conn.commit()
    maker = TextMaker(20261202)
    rng = random.Random(articles)
    per_annotator = SPANS_PER_ARTICLE // len(ANNOTATORS) + 1
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        documents, spans, statuses = [], [], []
        for number in range(articles):
            text = maker.article(ARTICLE_BYTES)
            doc_id = document_id(text)
            title = first_line(text)
            year = 2019 + number * 7 // articles
            meta = {
                "site": OUTLETS[rng.randrange(len(OUTLETS))],
                "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "url": f"https://example.org/{number}",
            }
            documents.append((
                doc_id, number + 1, title, len(text), f"article_{number:06d}.txt", STAMP,
                "fr", json.dumps(meta, ensure_ascii=False), text,
            ))
            bounds = word_bounds(text)
            shared = _shared_spans(rng, bounds, per_annotator)
            for name in ANNOTATORS:
                for rank, (start, end, label) in enumerate(_annotators_take(rng, bounds, shared)):
                    spans.append((
                        f"{doc_id[:16]}-{name}-{rank}", doc_id, name, start, end, label,
                        text[start:end], STAMP, STAMP,
                    ))
            if number % 10 < 2:
                statuses.append((doc_id, "alice", "done" if number % 10 == 0 else "in_progress"))
            if len(spans) > 50_000:
                _write(conn, documents, spans, statuses)
                documents, spans, statuses = [], [], []
        _write(conn, documents, spans, statuses)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _write(
    conn: sqlite3.Connection,
    documents: Sequence[tuple[object, ...]],
    spans: Sequence[tuple[object, ...]],
    statuses: Sequence[tuple[object, ...]],
) -> None:
    conn.executemany(
        "INSERT INTO documents (id, position, title, length, source, imported_at, language, "
        "meta, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        documents,
    )
    conn.executemany(
        'INSERT INTO spans (id, doc_id, annotator, start, "end", label, text, created_at, '
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        spans,
    )
    conn.executemany(
        "INSERT INTO statuses (doc_id, annotator, status, updated_at) VALUES (?, ?, ?, ?)",
        [(*row, STAMP) for row in statuses],
    )

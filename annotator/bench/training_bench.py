"""The project model's figures: training time and suggestion latency.

Run with ``python -m annotator.bench --only training`` (not in the default run: it
trains for minutes). Training is timed once, on generated articles whose spans are
known (``claims_corpus``); the CPU time is printed beside the wall time, since on a
shared machine the wall time mostly says how busy it is.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from annotator.bench import claims_corpus
from annotator.bench.run import Result
from annotator.core.models import Document
from annotator.core.store import Store

TRAIN_ARTICLES = 200
TRAIN_ARTICLE_BYTES = 3_000
SUGGEST_ARTICLE_BYTES = 5_000
SUGGEST_REPEATS = 21


def bench_training(workdir: Path) -> list[Result]:
    from annotator.core.suggestions.suggest import Suggester
    from annotator.core.training import train as training
    from annotator.core.training.project_model import require_spacy

    try:
        require_spacy()
    except Exception as error:  # noqa: BLE001 - reported as a row, not a crash
        return [Result("project model", "spaCy installed", str(error), None)]
    project = workdir / "training.db"
    with Store(project) as store:
        claims_corpus.fill_gold(store, TRAIN_ARTICLES, TRAIN_ARTICLE_BYTES)
        wall, cpu = time.perf_counter(), time.process_time()
        meta = training.train(store, workdir / "model", training.TrainingOptions())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        f1 = meta.scores.overall.exact.f1 if meta.scores else None
        rows = [
            Result(
                f"train on {TRAIN_ARTICLES} articles of 3 KB ({meta.epochs} epochs, "
                f"dev F1 {f1 or 0:.2f})",
                "<= 3 min",
                f"{wall:.0f} s (CPU {cpu:.0f} s)",
                wall <= 180,
            )
        ]
        text, _ = claims_corpus.labelled_article(987_654, SUGGEST_ARTICLE_BYTES)
        document = Document.from_text(text, source="generated/suggest.txt", language="fr")
        store.add_document(document)
        suggester = Suggester(store, ["project-model"])
        suggester.for_document(document.id, "bench")  # loads the model: not timed
        times = []
        for _ in range(SUGGEST_REPEATS):
            started = time.perf_counter()
            suggester.for_document(document.id, "bench")
            times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1000
    p90 = statistics.quantiles(times, n=10)[-1] * 1000
    rows.append(
        Result(
            "project-model suggestions, 5 KB article (a background task in the window)",
            "<= 300 ms",
            f"{median:.0f} ms (p90 {p90:.0f} ms)",
            median <= 300,
        )
    )
    return rows

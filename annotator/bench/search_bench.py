"""Search figures: a word and a phrase over the bench project, as the window's search
pane runs them (the first ``FIRST_HITS`` hits), and what the full-text index adds to
an import of the bench articles."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from annotator.bench import corpus
from annotator.bench.floors import without_search_index
from annotator.bench.run import Result, median_p90, paired_times
from annotator.core.search import FIRST_HITS, search
from annotator.core.store import Store

# From the seed articles the bench corpus draws its words from: frequent and rare
# words, a phrase its random sentences often make and ones they seldom or never make.
WORDS = ("Bosworth", "rémunération", "millions", "Zuckerberg", "introuvable")
PHRASES = ('"millions de dollars"', '"Andrew Bosworth"', '"selon Meta"', '"a déclaré"')


def _query_times(project: str | Path, queries: tuple[str, ...], repeats: int) -> list[float]:
    times = []
    with Store(project) as store:
        for _ in range(repeats):
            for query in queries:
                started = time.perf_counter()
                search(store, query, limit=FIRST_HITS)
                times.append(time.perf_counter() - started)
    return times


def _milliseconds(times: list[float]) -> str:
    p90 = statistics.quantiles(times, n=10, method="inclusive")[8]
    return f"{statistics.median(times) * 1000:.1f} / {p90 * 1000:.1f} ms"


def bench_search(project: Path, documents: int, repeats: int) -> list[Result]:
    results = []
    for what, queries, target in (("a word", WORDS, 0.050), ("a phrase", PHRASES, 0.200)):
        times = _query_times(project, queries, repeats)
        p90 = statistics.quantiles(times, n=10, method="inclusive")[8]
        results.append(
            Result(
                f"search {what} over {documents:,} articles (first {FIRST_HITS} hits; "
                f"{len(queries)} queries x {repeats})",
                f"<= {target * 1000:.0f} ms",
                _milliseconds(times),
                statistics.median(times) <= target and p90 <= target,
            )
        )
    return results


def bench_index_build(workdir: Path, spec: corpus.CorpusSpec, repeats: int) -> list[Result]:
    """Importing the bench articles with the index and without it, in turns."""
    from annotator.core.importing.articles import import_paths

    folder = workdir / "articles"
    if not folder.is_dir():
        corpus.write_articles(folder, spec)
    runs = iter(range(10_000))

    def imported(index: bool) -> None:
        path = workdir / f"search-import-{next(runs)}.db"
        Store(path).close()
        if not index:
            without_search_index(path)
        with Store(path) as store:
            import_paths(store, [folder])
            assert store.document_count() == spec.articles

    cpu: dict[bool, list[float]] = {True: [], False: []}

    def timed(index: bool) -> None:
        started = time.process_time()
        imported(index)
        cpu[index].append(time.process_time() - started)

    with_index, without = paired_times(lambda: timed(True), lambda: timed(False), repeats)
    added = statistics.median(with_index) / statistics.median(without) - 1
    added_cpu = statistics.median(cpu[True]) / statistics.median(cpu[False]) - 1
    return [
        Result(
            f"index build during the import of {spec.articles:,} articles",
            "adds <= 30 %",
            f"{median_p90(with_index)} with, {median_p90(without)} without (+{added:.0%}; "
            f"processor time +{added_cpu:.0%})",
            added <= 0.30,
        )
    ]

"""The ``--scale`` rows of the exports and the ``.txt`` import: every export format on a
cached project of millions of spans, each in its own process so its peak memory is its
own; the gold export against a floor that writes the same bytes; the import of folders
of up to 100,000 articles against its floor.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from annotator.bench import corpus
from annotator.bench.floors import gold_export_floor, import_floor
from annotator.bench.run import Result, load_average, median_p90, paired_times
from annotator.bench.scale_corpus import ScaleShape, cached_project
from annotator.core.store import Store

PEAK_MB = 300
TIME_OF_GOLD = 1.5
_OUTPUTS = {
    "jsonl": "out.jsonl",
    "spacy": "out.spacy",
    "conll": "out.conll",
    "hf": "out-hf",
    "brat": "out-brat",
    "doccano": "out.doccano.jsonl",
    "labelstudio": "out.labelstudio.json",
    "prodigy": "out.prodigy.jsonl",
}
STREAMS_BY_NATURE_NOT = {
    "spacy": "a DocBin is one compressed blob: held whole, written at the end",
}


def _probe(project: Path, format_name: str, workdir: Path) -> dict[str, float]:
    folder = workdir / f"probe-{format_name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "annotator.bench.export_probe", str(project), format_name,
             str(folder / _OUTPUTS[format_name])],
            capture_output=True, text=True, timeout=3600,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"{format_name} export failed: {completed.stderr[-500:]}")
        found: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench_export_formats(
    shape: ScaleShape, workdir: Path, repeats: int, formats: list[str]
) -> list[Result]:
    """Each format's export of the whole project: time (against the gold JSONL export
    of the same rounds) and the peak memory of the process that ran it. The formats
    take turns in each round, so a change of load falls on all of them."""
    project, _built = cached_project(shape)
    names = ["jsonl", *[name for name in formats if name != "jsonl"]]
    seconds: dict[str, list[float]] = {name: [] for name in names}
    peaks: dict[str, list[float]] = {name: [] for name in names}
    loads: list[str] = []
    for _ in range(repeats):
        for name in names:
            found = _probe(project, name, workdir)
            assert found["spans"] == shape.spans, (name, found)
            seconds[name].append(found["seconds"])
            peaks[name].append(found["peak_mb"])
        loads.append(load_average())
    gold = statistics.median(seconds["jsonl"])
    results = []
    for name in names:
        ratio = statistics.median(seconds[name]) / gold
        peak = max(peaks[name])
        note = f"; {STREAMS_BY_NATURE_NOT[name]}" if name in STREAMS_BY_NATURE_NOT else ""
        results.append(
            Result(
                f"export --format {name}, {shape.name}",
                f"<= {PEAK_MB} MB, <= {TIME_OF_GOLD} x gold JSONL",
                f"{median_p90(seconds[name])} ({ratio:.2f} x gold), peak {peak:.0f} MB"
                f"{note} [{loads[-1]}]",
                peak <= PEAK_MB and ratio <= TIME_OF_GOLD,
            )
        )
    return results


def bench_gold_against_floor(shape: ScaleShape, workdir: Path, repeats: int) -> list[Result]:
    """The gold export against a floor that writes the same bytes with the same encoder
    and syncs them as the product does; the bytes are compared, not assumed."""
    from annotator.core.formats.export import export_gold_jsonl

    project, _built = cached_project(shape)
    ours_path, floor_path = workdir / "gold.jsonl", workdir / "gold-floor.jsonl"

    def ours() -> None:
        with Store(project) as store:
            report = export_gold_jsonl(store, ours_path)
            assert report.spans == shape.spans, (report.spans, shape.spans)

    def floor() -> None:
        assert gold_export_floor(project, floor_path) == shape.spans

    ours_s, floor_s = paired_times(ours, floor, repeats)
    same = _same_bytes(ours_path, floor_path)
    for path in (ours_path, floor_path, ours_path.with_name("gold.manifest.json")):
        path.unlink(missing_ok=True)
    ratio = paired_ratio(ours_s, floor_s)
    return [
        Result(
            f"gold JSONL export vs a floor writing the same bytes, {shape.name}",
            "<= 1.0 x floor, byte-identical",
            f"{median_p90(ours_s)} (floor {median_p90(floor_s)}, {ratio:.2f} x paired), "
            f"{'same bytes' if same else 'BYTES DIFFER'} [{load_average()}]",
            ratio <= 1.0 and same,
        )
    ]


def paired_ratio(ours: list[float], floor: list[float]) -> float:
    """The median of each run's ratio to the floor run beside it: on a machine whose
    load moves by the minute, a pair shares its load, two medians may not."""
    return statistics.median(o / f for o, f in zip(ours, floor, strict=True))


def _same_bytes(first: Path, second: Path) -> bool:
    with open(first, "rb") as one, open(second, "rb") as other:
        while True:
            a, b = one.read(1 << 20), other.read(1 << 20)
            if a != b:
                return False
            if not a:
                return True


def bench_txt_import(articles: int, workdir: Path, repeats: int) -> list[Result]:
    """``import_paths`` of a folder of ``articles`` .txt files, against the floor, in
    turns."""
    from annotator.core.importing.articles import import_paths

    spec = corpus.CorpusSpec(articles=articles)
    folder = workdir / f"articles-{articles}"
    paths = corpus.write_articles(folder, spec)
    runs = iter(range(10_000))

    def fresh(name: str) -> Path:
        path = workdir / f"{name}-{next(runs)}.db"
        return path

    def ours() -> None:
        database = fresh("import")
        with Store(database) as store:
            report = import_paths(store, [folder])
            assert store.document_count() == articles, report
        _remove_database(database)

    def floor() -> None:
        database = fresh("floor")
        import_floor(paths, database)
        _remove_database(database)

    ours_s, floor_s = paired_times(ours, floor, repeats)
    shutil.rmtree(folder, ignore_errors=True)
    ratio = paired_ratio(ours_s, floor_s)
    return [
        Result(
            f"import {articles:,} .txt articles vs floor",
            "<= 2.0 x floor",
            f"{median_p90(ours_s)} (floor {median_p90(floor_s)}, {ratio:.2f} x paired) "
            f"[{load_average()}]",
            ratio <= 2.0,
        )
    ]


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

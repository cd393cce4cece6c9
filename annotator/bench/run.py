"""``python -m annotator.bench``: measure the product against its performance targets.

Prints one table: each figure, its target, the measured median and whether the target
is met. Medians over repeated runs; ratios against floors measured in the same run, so
a noisy shared machine moves both sides together.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.bench import corpus
from annotator.bench.floors import (
    annotated_import_floor,
    bare_annotated_import_floor,
    export_floor,
    import_floor,
)
from annotator.core.formats.registry import FORMATS as EXPORT_FORMATS
from annotator.core.store import Store


@dataclass
class Result:
    what: str
    target: str
    measured: str
    met: bool | None  # None: could not be measured here


def median_time(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_times(
    ours: Callable[[], object], floor: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    """Seconds per run of ``ours`` and of ``floor``, run in turns: on a shared machine
    whose load moves within a minute, both sides then see the same load."""
    ours_s: list[float] = []
    floor_s: list[float] = []
    for _ in range(repeats):
        for run, times in ((ours, ours_s), (floor, floor_s)):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return ours_s, floor_s


def median_p90(times: list[float]) -> str:
    p90 = statistics.quantiles(times, n=10, method="inclusive")[8] if len(times) > 1 else times[0]
    return f"{statistics.median(times):.2f} / {p90:.2f} s"


def load_average() -> str:
    try:
        return "load average " + " ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "load average unknown"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def bench_import(workdir: Path, spec: corpus.CorpusSpec, repeats: int) -> list[Result]:
    from annotator.core.importing.articles import import_paths

    folder = workdir / "articles"
    paths = corpus.write_articles(folder, spec)
    runs = iter(range(10_000))

    def ours() -> None:
        with Store(workdir / f"import-{next(runs)}.db") as store:
            report = import_paths(store, [folder])
            assert store.document_count() == spec.articles, report

    def floor() -> None:
        import_floor(paths, workdir / f"floor-{next(runs)}.db")

    ours_s = median_time(ours, repeats)
    floor_s = median_time(floor, repeats)
    ratio = ours_s / floor_s
    return [
        Result(
            f"import {spec.articles:,} .txt articles",
            "<= 10 s and <= 3 x floor",
            f"{ours_s:.2f} s (floor {floor_s:.2f} s, {ratio:.2f} x)",
            ours_s <= 10 and ratio <= 3,
        )
    ]


_IMPORT_PEAK = """
import resource, sys
from pathlib import Path
from annotator.core.importing.annotated import import_file
from annotator.core.store import Store
with Store(Path(sys.argv[2])) as store:
    report = import_file(store, Path(sys.argv[1]))
    assert not report.refused, report.lines()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def import_peak_mb(path: Path, database: Path) -> float:
    """Peak resident memory of a process that imports ``path`` (a fresh interpreter)."""
    completed = subprocess.run(
        [sys.executable, "-c", _IMPORT_PEAK, str(path), str(database)],
        capture_output=True, text=True, timeout=900, check=True,
    )
    return int(completed.stdout.strip().splitlines()[-1]) / 1024


def bench_annotated_import(workdir: Path, spec: corpus.CorpusSpec, repeats: int) -> list[Result]:
    """Files annotated in other tools (Label Studio, doccano), imported as layers,
    against the floor: json parsing and sqlite3 inserts in one transaction, into a fresh
    project file's own tables (made by the migrations before the clock starts, on both
    sides). The floor into bare tables, the earlier yardstick, is printed beside it."""
    from annotator.core.importing.annotated import import_file

    files = corpus.write_annotated_files(workdir / "annotated", spec, articles=1_000)
    twice = corpus.write_annotated_files(workdir / "annotated-2x", spec, articles=2_000)
    runs = iter(range(10_000))
    results = []

    def fresh_project() -> Path:
        database = workdir / f"annotated-{next(runs)}.db"
        Store(database).close()
        return database

    for layout, path, path_2x in (
        ("Label Studio", files.labelstudio, twice.labelstudio),
        ("doccano", files.doccano, twice.doccano),
    ):
        ours_times: list[float] = []
        floor_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(repeats):
            # In turns, so that the three see the same load.
            database = fresh_project()
            started = time.perf_counter()
            with Store(database) as store:
                report = import_file(store, path)
            ours_times.append(time.perf_counter() - started)
            # The random spans repeat a few: those count as already there.
            added = sum(report.spans_added.values())
            assert added + report.duplicates == files.spans, report.lines()
            database = fresh_project()
            started = time.perf_counter()
            assert annotated_import_floor(path, database) == files.spans
            floor_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare = workdir / f"bare-{next(runs)}.db"
            assert bare_annotated_import_floor(path, bare) == files.spans
            bare_times.append(time.perf_counter() - started)
        ours_s = statistics.median(ours_times)
        ratio = ours_s / statistics.median(floor_times)
        bare_ratio = ours_s / statistics.median(bare_times)
        results.append(
            Result(
                f"import {files.articles:,} annotated {layout} tasks ({files.spans:,} spans)",
                "<= 2 x floor",
                f"{median_p90(ours_times)} (floor {median_p90(floor_times)}, {ratio:.2f} x; "
                f"bare-table floor {median_p90(bare_times)}, {bare_ratio:.2f} x), "
                f"{load_average()}",
                ratio <= 2,
            )
        )
        peak = import_peak_mb(path, workdir / f"peak-{next(runs)}.db")
        peak_2x = import_peak_mb(path_2x, workdir / f"peak-{next(runs)}.db")
        size, size_2x = path.stat().st_size / 2**20, path_2x.stat().st_size / 2**20
        results.append(
            Result(
                f"peak memory of that import, file twice as long ({layout})",
                "grows < 1/4 of the file's growth",
                f"{peak:.0f} -> {peak_2x:.0f} MB (file {size:.0f} -> {size_2x:.0f} MB)",
                peak_2x - peak < (size_2x - size) / 4,
            )
        )
    return results


def build_project(path: Path, spec: corpus.CorpusSpec) -> int:
    with Store(path) as store:
        return corpus.fill_project(store, spec)


def bench_export(project: Path, workdir: Path, spans: int, repeats: int) -> list[Result]:
    from annotator.core.formats.export import export_gold_jsonl

    def ours() -> None:
        with Store(project) as store:
            report = export_gold_jsonl(store, workdir / "gold.jsonl")
            assert report.spans == spans, (report.spans, spans)

    def floor() -> None:
        assert export_floor(project, workdir / "floor.jsonl") == spans

    ours_s = median_time(ours, repeats)
    floor_s = median_time(floor, repeats)
    ratio = ours_s / floor_s
    return [
        Result(
            f"gold JSONL export of {spans:,} spans",
            "<= 1.0 x floor",
            f"{ours_s:.2f} s (floor {floor_s:.2f} s, {ratio:.2f} x)",
            ratio <= 1.0,
        )
    ]


def bench_agreement(project: Path, documents: int, annotators: int, repeats: int) -> list[Result]:
    what = f"agreement over {documents:,} documents x {annotators} annotators"
    try:
        from annotator.core.review import agreement
    except ImportError:
        return [Result(what, "<= 5 s", "not built yet", None)]

    def run() -> None:
        with Store(project) as store:
            agreement.compute(store)

    seconds = median_time(run, repeats)
    return [Result(what, "<= 5 s", f"{seconds:.2f} s", seconds <= 5)]


def bench_window(project: Path, workdir: Path, repeats: int) -> list[Result]:
    """The window's figures, measured in a child process with Qt offscreen."""
    script = Path(__file__).with_name("window_bench.py")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    completed = subprocess.run(
        [sys.executable, str(script), str(project), str(workdir), str(repeats)],
        capture_output=True, text=True, env=env, timeout=3600,
    )
    if completed.returncode != 0:
        failure = "failed: " + completed.stderr[-300:]
        return [Result("window figures", "the window's targets", failure, False)]
    return [Result(**row) for row in json.loads(completed.stdout.strip().splitlines()[-1])]


def print_table(results: list[Result]) -> None:
    rows = [("what", "target", "measured (median, or median / p90)", "met")]
    for r in results:
        rows.append((r.what, r.target, r.measured, {True: "yes", False: "NO", None: "-"}[r.met]))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for i, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--window-repeats", type=int, default=25,
                        help="key presses per edit figure in the window")
    parser.add_argument("--only", default=None,
                        help="comma-separated parts to run (default: import,annotated,pdf,"
                        "export,agreement,window,search; annotated: files from other "
                        "annotation tools; pdf: a 300-page PDF; search: queries and the "
                        "index's cost on import; add training for the project model's rows: "
                        "it trains for minutes; server: a shared project's, on a PostgreSQL of "
                        "its own; with --scale the default is the scale rows only)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--scale", type=article_counts, default=[],
                        help="comma-separated article counts (10000,100000) for the scale "
                        "rows; each row takes its shape from the count (exports: 200 "
                        "spans an article; the window and agreement: 20). Projects are built "
                        "once into "
                        "~/.cache/annotator-bench ($ANNOTATOR_BENCH_CACHE)")
    parser.add_argument("--formats", default=",".join(EXPORT_FORMATS),
                        help="export formats of the scale rows (comma-separated)")
    parser.add_argument("--label-studio-url", metavar="URL",
                        help="with the annotated part: also import its Label Studio file "
                        "into this running Label Studio server (http://127.0.0.1:8080), "
                        "timed beside ours; needs --label-studio-token")
    parser.add_argument("--label-studio-token", metavar="TOKEN",
                        help="an API token of that server (legacy token or personal "
                        "access token)")
    args = parser.parse_args(argv)
    if args.label_studio_url and not args.label_studio_token:
        parser.error("--label-studio-url needs --label-studio-token")
    counts: list[int] = args.scale
    default_parts = (
        "window-scale,export,import" if counts
        else "import,annotated,pdf,export,agreement,window,search"
    )
    parts = set((args.only or default_parts).split(","))
    results: list[Result] = []
    if counts:
        if parts & {"export", "import"}:
            results += bench_scale(counts, parts, args.formats.split(","), args.repeats)
        if "window-scale" in parts:
            from annotator.bench.window_scale import bench_window_scale

            with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
                results += bench_window_scale(counts, Path(tmp), args.repeats)
        return finish(results, args.json)
    spec = corpus.CorpusSpec(articles=args.articles)
    print(f"Machine: {machine()}, {load_average()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        workdir = Path(tmp)
        if "import" in parts:
            results += bench_import(workdir, spec, args.repeats)
            print_table(results[-1:])
        if "annotated" in parts:
            results += bench_annotated_import(workdir, spec, args.repeats)
            print_table(results[-4:])
            if args.label_studio_url:
                from annotator.bench.labelstudio_server import bench_label_studio_server

                results += bench_label_studio_server(
                    workdir, spec, args.repeats, args.label_studio_url, args.label_studio_token
                )
                print_table(results[-1:])
        if "pdf" in parts:
            from annotator.bench.pdf_bench import bench_pdf_import

            results += bench_pdf_import(workdir, args.repeats)
        if "search" in parts:
            from annotator.bench.search_bench import bench_index_build

            results += bench_index_build(workdir, spec, args.repeats)
            print_table(results[-1:])
        project = workdir / "project.db"
        if parts & {"export", "agreement", "window", "search"}:
            started = time.perf_counter()
            spans = build_project(project, spec)
            print(f"(built a project of {spec.articles:,} articles and {spans:,} spans "
                  f"in {time.perf_counter() - started:.1f} s)", flush=True)
            if "export" in parts:
                results += bench_export(project, workdir, spans, args.repeats)
            if "agreement" in parts:
                results += bench_agreement(
                    project, spec.articles, len(spec.annotators), args.repeats
                )
            if "window" in parts:
                results += bench_window(project, workdir, args.window_repeats)
            if "search" in parts:
                from annotator.bench.search_bench import bench_search

                results += bench_search(project, spec.articles, args.window_repeats)
        if "server" in parts:
            from annotator.bench.server_bench import bench_server

            results += bench_server(workdir, spec, args.repeats)
            print_table(results[-4:])
        if "training" in parts:
            from annotator.bench.training_bench import bench_training

            results += bench_training(workdir)
            print_table(results[-2:])
    return finish(results, args.json)


def finish(results: list[Result], json_path: Path | None) -> int:
    print()
    print(f"({load_average()} at the end)")
    print_table(results)
    if json_path:
        json_path.write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 0 if all(r.met is not False for r in results) else 1


def article_counts(value: str) -> list[int]:
    return [int(count.replace("_", "")) for count in value.split(",") if count.strip()]


def bench_scale(
    counts: list[int], parts: set[str], formats: list[str], repeats: int
) -> list[Result]:
    """The scale rows, for each article count: the .txt import, the gold export
    against its floor and every export format, each row with the load average."""
    from annotator.bench import scale_exports
    from annotator.bench.scale_corpus import cached_project, export_shape

    print(f"Machine: {machine()}, {load_average()}", flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="annotator-bench-scale-") as tmp:
        workdir = Path(tmp)
        for count in counts:
            if "import" in parts:
                results += scale_exports.bench_txt_import(count, workdir, repeats)
                print_table(results[-1:])
            if "export" in parts:
                shape = export_shape(count)
                started = time.perf_counter()
                _project, built = cached_project(shape)
                if built:
                    print(f"(built a project of {shape.name} in "
                          f"{time.perf_counter() - started:.1f} s)", flush=True)
                results += scale_exports.bench_gold_against_floor(shape, workdir, repeats)
                print_table(results[-1:])
                found = scale_exports.bench_export_formats(shape, workdir, repeats, formats)
                results += found
                print_table(found)
    return results


if __name__ == "__main__":
    sys.exit(main())

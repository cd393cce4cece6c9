"""The shared project's figures, on a PostgreSQL server of the benchmark's own (in a
temporary folder, loopback only), against a project file in the same run."""

from __future__ import annotations

import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.bench import corpus
from annotator.bench.run import Result, median_p90, paired_times
from annotator.core.project.local_server import LocalServer
from annotator.core.store import Store

WORKERS = 8
ACTIONS = 500


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_server(workdir: Path, spec: corpus.CorpusSpec, repeats: int) -> list[Result]:
    from annotator.core.project import local_server
    from annotator.core.store import migrations_postgres
    from annotator.core.store.postgres import connect

    if local_server.postgres_bin() is None:
        return [Result("shared project on a server", "the server's targets",
                       "PostgreSQL not installed", None)]
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-pg-"))
    server = local_server.start(folder)
    try:
        admin_url = server.url()
        with connect(admin_url) as conn:
            migrations_postgres.init_server(conn)
            for number in range(WORKERS):
                migrations_postgres.add_user(conn, f"annotator{number}", "annotator")
        results = _bench_annotators(server, admin_url)
        results += _bench_import(server, workdir, spec, repeats)
        results += _bench_export(server, workdir, spec, repeats)
        results += _bench_colleague(server, admin_url)
        return results
    finally:
        local_server.stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def _fresh_database(server: LocalServer, name: str) -> str:
    from annotator.core.store import migrations_postgres
    from annotator.core.store.postgres import connect

    admin = server.url()
    with connect(admin) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    url: str = server.url(database=name)
    with connect(url) as conn:
        migrations_postgres.init_server(conn)
    return url


def _bench_annotators(server: LocalServer, admin_url: str) -> list[Result]:
    what = f"{WORKERS} annotator processes x {ACTIONS} actions at once"
    with Store(admin_url) as store:
        store.add_documents(
            corpus.iter_documents(corpus.CorpusSpec(articles=WORKERS // 2, seed=7))
        )
    script = Path(__file__).with_name("server_worker.py")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    workers = [
        subprocess.Popen(
            [sys.executable, str(script),
             server.url(user=f"annotator{n}"),
             f"annotator{n}", str(ACTIONS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env,
        )
        for n in range(WORKERS)
    ]
    time.sleep(2.0)  # every worker connected and waiting
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    seconds: list[float] = []
    errors = lost = 0
    kept: dict[str, list[str]] = {}
    for number, worker in enumerate(workers):
        output, stderr = worker.communicate(timeout=600)
        if worker.returncode != 0:
            return [Result(what, "0 lost, 0 errors, p95 <= 30 ms", "failed: " + stderr[-200:],
                           False)]
        report = json.loads(output.strip().splitlines()[-1])
        seconds += report["seconds"]
        errors += len(report["errors"])
        kept[f"annotator{number}"] = report["kept"]
    with Store(admin_url) as store:
        for name, ids in kept.items():
            stored = [span.id for span in store.iter_spans(name)]
            lost += len(set(ids) - set(stored)) + abs(len(stored) - len(ids))
    p95 = _percentile(seconds, 0.95) * 1000
    median = statistics.median(seconds) * 1000
    return [
        Result(
            what,
            "0 lost, 0 errors, p95 <= 30 ms",
            f"{lost} lost, {errors} errors; latency median {median:.1f} ms, p95 {p95:.1f} ms",
            lost == 0 and errors == 0 and p95 <= 30,
        )
    ]


def _bench_import(
    server: LocalServer, workdir: Path, spec: corpus.CorpusSpec, repeats: int
) -> list[Result]:
    from annotator.core.importing.articles import import_paths

    folder = workdir / "server-articles"
    corpus.write_articles(folder, spec)
    runs = iter(range(10_000))

    def on_server() -> None:
        url = _fresh_database(server, f"import_{next(runs)}")
        with Store(url) as store:
            import_paths(store, [folder])
            assert store.document_count() == spec.articles

    def on_file() -> None:
        with Store(workdir / f"server-import-{next(runs)}.db") as store:
            import_paths(store, [folder])

    ours, floor = paired_times(on_server, on_file, repeats)
    ratio = statistics.median(ours) / statistics.median(floor)
    return [
        Result(
            f"import {spec.articles:,} articles into the server",
            "<= 3 x the project file",
            f"{median_p90(ours)} (file {median_p90(floor)}, {ratio:.2f} x)",
            ratio <= 3,
        )
    ]


def _bench_export(
    server: LocalServer, workdir: Path, spec: corpus.CorpusSpec, repeats: int
) -> list[Result]:
    from annotator.core.formats.export import export_gold_jsonl

    documents = list(corpus.iter_documents(spec))
    url = _fresh_database(server, "export_project")
    with Store(url) as store:
        spans = corpus.fill_project(store, spec, documents)
    file_project = workdir / "server-export.db"
    with Store(file_project) as store:
        corpus.fill_project(store, spec, documents)

    def on_server() -> None:
        with Store(url) as store:
            assert export_gold_jsonl(store, workdir / "server-gold.jsonl").spans == spans

    def on_file() -> None:
        with Store(file_project) as store:
            assert export_gold_jsonl(store, workdir / "file-gold.jsonl").spans == spans

    ours, floor = paired_times(on_server, on_file, repeats)
    ratio = statistics.median(ours) / statistics.median(floor)
    return [
        Result(
            f"gold export of {spans:,} spans from the server",
            "<= 1.5 x the project file",
            f"{median_p90(ours)} (file {median_p90(floor)}, {ratio:.2f} x)",
            ratio <= 1.5,
        ),
        *_bench_search(url, file_project, spec.articles),
    ]


def _bench_search(url: str, file_project: Path, articles: int) -> list[Result]:
    """The search pane's queries (the first hits of a word, of a phrase) on the server,
    beside the same queries on the project file."""
    from annotator.bench.search_bench import PHRASES, WORDS, _query_times
    from annotator.core.search import FIRST_HITS

    results = []
    for what, queries, target in (("a word", WORDS, 0.050), ("a phrase", PHRASES, 0.200)):
        ours = _query_times(url, queries, 5)
        floor = _query_times(file_project, queries, 5)
        median, p90 = statistics.median(ours), _percentile(ours, 0.9)
        results.append(
            Result(
                f"search {what} on the server over {articles:,} articles (first "
                f"{FIRST_HITS} hits; {len(queries)} queries x 5)",
                f"<= {target * 1000:.0f} ms",
                f"{median * 1000:.1f} / {p90 * 1000:.1f} ms (file "
                f"{statistics.median(floor) * 1000:.1f} / {_percentile(floor, 0.9) * 1000:.1f} ms)",
                median <= target and p90 <= target,
            )
        )
    return results


def _bench_colleague(server: LocalServer, admin_url: str) -> list[Result]:
    """From a colleague's commit to the announcement on another window's listening
    connection (what the window redraws from), twenty times."""
    from annotator.core.store.postgres import ColleagueChanges, PostgresStore

    with Store(admin_url) as colleague, Store(admin_url) as window:
        assert isinstance(window, PostgresStore)
        listener = ColleagueChanges(window)
        document = colleague.document(colleague.document_ids()[0])
        delays = []
        for number in range(20):
            started = time.perf_counter()
            colleague.add_span(colleague.make_span(document, "colleague", number, number + 5,
                                                   "person"))
            changes = None
            while changes is None and time.perf_counter() - started < 5:
                select.select([listener.fileno()], [], [], 1.0)
                changes = listener.take()
            delays.append(time.perf_counter() - started)
        listener.close()
    worst = max(delays)
    return [
        Result(
            "a colleague's span reaching another open window",
            "<= 1 s",
            f"median {statistics.median(delays) * 1000:.1f} ms, worst {worst * 1000:.1f} ms",
            worst <= 1,
        )
    ]

"""Our import of the bench's Label Studio file beside Label Studio's own server importing
the same file, in the same run: only against a server the user points the bench at
(``--label-studio-url``, ``--label-studio-token``); the bench never installs one.

Each turn creates a project on the server whose labeling config has the bench's labels,
posts the file to its import API and waits until the server says it holds every task,
then imports the file into a fresh project file here; the server's projects are deleted
at the end.
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from annotator.bench import corpus
from annotator.bench.run import Result, load_average, median_p90
from annotator.core.store import Store

LABELING_CONFIG = (
    '<View><Labels name="label" toName="text">'
    + "".join(f'<Label value="{label}"/>' for label in corpus.LABELS)
    + '</Labels><Text name="text" value="$text"/></View>'
)
WAIT_SECONDS = 900


class LabelStudio:
    """The few calls of Label Studio's REST API the comparison makes."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.authorization = self._authorization(token)

    def _authorization(self, token: str) -> str:
        if token.count(".") != 2:
            return f"Token {token}"  # a legacy API token
        # A personal access token (a JWT refresh token) buys a short-lived access token.
        access = self.request("POST", "/api/token/refresh", {"refresh": token}, auth=False)
        return f"Bearer {access['access']}"

    def request(
        self, method: str, path: str, body: Any = None, *, auth: bool = True,
        data: bytes | None = None, content_type: str = "application/json",
    ) -> Any:
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": content_type} if data is not None else {}
        if auth:
            headers["Authorization"] = self.authorization
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers=headers
        )
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            answer = response.read()
        return json.loads(answer) if answer else None

    def create_project(self, title: str) -> int:
        made = self.request(
            "POST", "/api/projects", {"title": title, "label_config": LABELING_CONFIG}
        )
        return int(made["id"])

    def import_tasks(self, project: int, path: Path) -> None:
        boundary = uuid.uuid4().hex
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{path.name}"\r\nContent-Type: application/json\r\n\r\n'
        ).encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        self.request(
            "POST", f"/api/projects/{project}/import", data=body,
            content_type=f"multipart/form-data; boundary={boundary}",
        )

    def task_count(self, project: int) -> int:
        return int(self.request("GET", f"/api/projects/{project}")["task_number"])

    def version(self) -> str:
        try:
            return str(self.request("GET", "/api/version").get("release", "unknown"))
        except (OSError, ValueError, AttributeError):
            return "unknown"

    def delete_project(self, project: int) -> None:
        self.request("DELETE", f"/api/projects/{project}/")


def bench_label_studio_server(
    workdir: Path, spec: corpus.CorpusSpec, repeats: int, url: str, token: str
) -> list[Result]:
    from annotator.core.importing.annotated import import_file

    files = corpus.write_annotated_files(workdir / "annotated", spec, articles=1_000)
    server = LabelStudio(url, token)
    theirs: list[float] = []
    ours: list[float] = []
    projects: list[int] = []
    try:
        for turn in range(repeats):
            project = server.create_project(f"annotator bench {uuid.uuid4().hex[:8]}")
            projects.append(project)
            started = time.perf_counter()
            server.import_tasks(project, files.labelstudio)
            # The import may finish in the background: stored means the server holds them.
            while server.task_count(project) < files.articles:
                if time.perf_counter() - started > WAIT_SECONDS:
                    raise TimeoutError(f"{url} did not store the tasks in {WAIT_SECONDS} s")
                time.sleep(0.05)
            theirs.append(time.perf_counter() - started)
            database = workdir / f"beside-label-studio-{turn}.db"
            Store(database).close()
            started = time.perf_counter()
            with Store(database) as store:
                report = import_file(store, files.labelstudio)
            ours.append(time.perf_counter() - started)
            assert sum(report.spans_added.values()) + report.duplicates == files.spans
    finally:
        for project in projects:
            server.delete_project(project)
    speedup = statistics.median(theirs) / statistics.median(ours)
    return [
        Result(
            f"import {files.articles:,} Label Studio tasks ({files.spans:,} spans) beside "
            f"Label Studio {server.version()}'s server ({url})",
            ">= 3 x faster than the server",
            f"ours {median_p90(ours)}, the server {median_p90(theirs)} ({speedup:.2f} x), "
            f"{load_average()}",
            speedup >= 3,
        )
    ]

"""Team mode from the command line: one command starts a server of one's own for
trying it, and every command works on the shared project given by ANNOTATOR_DB."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from annotator.core.project import local_server

pytest.importorskip("psycopg")


def annotator(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
        timeout=300,
    )


def test_every_command_works_on_the_shared_project_named_by_annotator_db(
    server_team: dict[str, str], seeds_dir: Path, tmp_path: Path
) -> None:
    owner = {"ANNOTATOR_DB": server_team["olive"]}
    imported = annotator("import", str(seeds_dir), env=owner)
    assert imported.returncode == 0, imported.stderr
    seeds = len(list(seeds_dir.glob("*.txt")))
    assert f"{seeds} imported" in imported.stdout
    listed = annotator("docs", env={"ANNOTATOR_DB": server_team["alice"]})
    assert listed.stdout.strip().splitlines()[-1].startswith(f"{seeds} documents")
    # An annotator may not import: the server says no, and nothing is written.
    article = tmp_path / "budget.txt"
    article.write_text("Le ministre a déclaré que le budget augmenterait.", encoding="utf-8")
    refused = annotator("import", str(article), env={"ANNOTATOR_DB": server_team["bob"]})
    assert refused.returncode == 1
    assert "bob may not make this change" in refused.stdout + refused.stderr
    again = annotator("docs", env={"ANNOTATOR_DB": server_team["alice"]})
    assert again.stdout.strip().splitlines()[-1].startswith(f"{seeds} documents")
    # Everyone searches the shared project, accents and case aside, as in a file.
    first = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    word = max(re.findall(r"\w{6,}", first), key=len)
    found = annotator("search", word.upper(), "--json", env={"ANNOTATOR_DB": server_team["bob"]})
    assert found.returncode == 0, found.stderr
    assert "hit" in found.stderr
    hit = json.loads(found.stdout.splitlines()[0])
    assert hit["text"].lower() == word.lower() and hit["end"] - hit["start"] == len(word)


def test_server_local_starts_a_project_to_try_team_mode_and_stops_it() -> None:
    if local_server.postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed")
    parent = Path(tempfile.mkdtemp(prefix="annotator-local-"))
    parent.chmod(0o755)  # run as root, the server's user must reach the folder
    folder = parent / "team"
    try:
        started = annotator("server", "local", str(folder), "--user", "zoe")
        assert started.returncode == 0, started.stderr
        url = re.search(r"annotator --db '(postgresql://zoe@[^']+)'", started.stdout)
        assert url is not None, started.stdout
        docs = annotator("docs", env={"ANNOTATOR_DB": url.group(1)})
        assert docs.returncode == 0, docs.stderr
        assert docs.stdout.startswith("No documents yet")
    finally:
        stopped = annotator("server", "local", str(folder), "--stop")
        shutil.rmtree(parent, ignore_errors=True)
    assert stopped.returncode == 0 and "Stopped" in stopped.stdout

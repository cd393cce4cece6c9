"""Shared fixtures. Qt runs offscreen everywhere: tests never need a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A desktop's screen, not the plugin's 800x800: the window sizes itself to fit it.
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={FIXTURES / 'offscreen_screen.json'}"


@pytest.fixture
def store():
    from annotator.core.store import Store

    with Store(":memory:") as project:
        yield project


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def build_seed_example():
    """The attribution example on the seed articles: a function that tags
    Altman's claim, Beyer's and Bosworth's denials and their amounts in a store."""
    import importlib.util
    import sys

    name = "attribution_seed_example"
    if name not in sys.modules:
        path = FIXTURES / "attribution" / "seed_example.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name].build_seed_example


# -- a throwaway PostgreSQL server for the server backend's tests ---------------------
# Started once per test session in a temporary folder (as ``nobody`` when the tests run
# as root), each test on a database of its own. Without PostgreSQL those tests skip,
# unless ANNOTATOR_TEST_POSTGRES=required (CI), where they fail instead.


@pytest.fixture(scope="session")
def postgres_server():
    import shutil
    import tempfile

    from annotator.core.project import local_server

    reason = None
    if local_server.postgres_bin() is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql)"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            reason = "psycopg is not installed (pip install -e '.[server]')"
    if reason is not None:
        if os.environ.get("ANNOTATOR_TEST_POSTGRES") == "required":
            pytest.fail(f"the server tests cannot run: {reason}")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    server = local_server.start(folder)
    try:
        yield server
    finally:
        local_server.stop(server)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server_url(postgres_server) -> str:
    """A fresh, empty database on the test server, as its superuser."""
    import uuid

    import psycopg

    name = f"project_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return postgres_server.url(database=name)


@pytest.fixture
def server_team(server_url: str) -> dict[str, str]:
    """A shared project set up by its own commands (``annotator server init`` and
    ``add-user``): alice and bob annotate, carol reviews, olive owns. Each name maps to
    the URL that connects as that person; ``admin`` to the database owner's."""
    from click.testing import CliRunner

    from annotator.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["--db", server_url, "server", "init"])
    assert result.exit_code == 0, result.output
    people = [("alice", "annotator"), ("bob", "annotator"), ("carol", "reviewer")]
    for name, role in [*people, ("olive", "owner")]:
        result = runner.invoke(
            main, ["--db", server_url, "server", "add-user", name, "--role", role]
        )
        assert result.exit_code == 0, result.output
        assert f"{name} may now work on the project as {role}" in result.output
    urls = {
        name: server_url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)
        for name in ("alice", "bob", "carol", "olive")
    }
    return {**urls, "admin": server_url}

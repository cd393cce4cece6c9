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

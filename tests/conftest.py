"""Shared fixtures. Qt runs offscreen everywhere: tests never need a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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

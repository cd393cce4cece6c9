"""The habits STYLE.md states, checked: type hints (mypy, strict on the core, settings
in pyproject.toml) and lint (ruff). A new error fails the suite with the tools' own
report, file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    # The tool installed beside this interpreter (the test extra), not one from PATH
    # that may be another version or read another project's settings.
    executable = Path(sys.executable).with_name(name)
    if not executable.exists():
        pytest.skip(f"{name} is not installed in {executable.parent}: pip install -e '.[test]'")
    return subprocess.run(
        [str(executable), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_passes_on_the_package() -> None:
    result = run_tool("mypy", "annotator")
    exit_status = result.returncode
    assert exit_status == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"


def test_ruff_lint_passes_on_package_and_tests() -> None:
    result = run_tool("ruff", "check", "--no-cache", "annotator", "tests")
    exit_status = result.returncode
    assert exit_status == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"

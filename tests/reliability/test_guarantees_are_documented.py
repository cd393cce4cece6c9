"""README's "What is guaranteed" names real tests, and every reliability test is named."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def guarantee_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## What is guaranteed", 1)[1].split("\n## ", 1)[0]


def named_tests() -> set[tuple[str, str]]:
    """(file, test) pairs: a test belongs to the last test file the text mentioned."""
    named: set[tuple[str, str]] = set()
    current = ""
    pattern = r"(tests/[\w/]+/test_\w+\.py)|\b(test_\w+)\b(?!\.py)"
    for match in re.finditer(pattern, guarantee_section()):
        if match.group(1):
            current = match.group(1)
        else:
            named.add((current, match.group(2)))
    return named


def defined_tests(also: set[str] = frozenset()) -> set[tuple[str, str]]:
    """Tests of tests/reliability, and of the other test files in ``also``."""
    found = set()
    paths = {*(ROOT / "tests" / "reliability").glob("test_*.py"), *(ROOT / name for name in also)}
    for path in sorted(path for path in paths if path.exists()):
        relative = str(path.relative_to(ROOT))
        for name in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M):
            found.add((relative, name))
    return found


def test_every_test_the_readme_names_exists() -> None:
    named = named_tests()
    assert named - defined_tests({file for file, _test in named}) == set()


def test_every_reliability_test_is_in_the_readme() -> None:
    documented = named_tests()
    missing = {
        pair
        for pair in defined_tests() - documented
        if not pair[0].endswith("test_guarantees_are_documented.py")
    }
    assert missing == set()

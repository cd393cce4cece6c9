"""A fresh install has what the code imports: every third-party module the package
imports belongs to a distribution pyproject.toml declares (a module-level import to a
runtime dependency; an import inside a function, which the code makes only when the
feature is used, at least to an extra). Old pip installs nothing it is not told to."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "annotator"


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements: list[str]) -> set[str]:
    names = set()
    for requirement in requirements:
        found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert found, f"cannot read the requirement {requirement!r}"
        names.add(normalised(found.group(1)))
    return names


def declared() -> tuple[set[str], set[str]]:
    """(runtime dependencies, every extra's) as normalised distribution names."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [req for reqs in project.get("optional-dependencies", {}).values() for req in reqs]
    return requirement_names(project["dependencies"]), requirement_names(extras)


def third_party_imports() -> dict[str, tuple[str, bool]]:
    """Top-level module -> (first place it is imported, imported at module level)."""
    found: dict[str, tuple[str, bool]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "annotator" or top in sys.stdlib_module_names:
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                at_top = id(node) in module_level
                if top not in found or (at_top and not found[top][1]):
                    found[top] = (where, at_top)
    return found


def test_every_imported_distribution_is_declared() -> None:
    runtime, extras = declared()
    distributions = packages_distributions()
    missing = []
    for module, (where, at_top) in sorted(third_party_imports().items()):
        owners = {normalised(name) for name in distributions.get(module, [])}
        if not owners:
            missing.append(f"{module} ({where}): no installed distribution provides it")
            continue
        allowed = runtime if at_top else runtime | extras
        if not owners & allowed:
            kind = "dependencies" if at_top else "dependencies or an extra"
            missing.append(f"{module} ({where}): {', '.join(sorted(owners))} not in {kind}")
    assert missing == [], "imported but not declared in pyproject.toml:\n" + "\n".join(missing)


def test_the_html_cleaner_trafilatura_needs_is_declared() -> None:
    # trafilatura's jusText imports lxml.html.clean, which lxml no longer ships: it is
    # the lxml_html_clean distribution, which pip 23 does not fetch through the
    # lxml[html_clean] extra. Without it every HTML import fails on a fresh install.
    runtime, _ = declared()
    assert "lxml-html-clean" in runtime

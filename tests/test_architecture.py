"""The core stays usable without a display: it never imports Qt, nor the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "annotator" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "annotator.ui")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_no_qt(path: Path) -> None:
    offending = [
        name for name in imported_modules(path) if name.split(".")[0] in FORBIDDEN
        or name.startswith("annotator.ui")
    ]
    assert offending == [], f"{path} imports {offending}"


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, annotator.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'annotator.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run(
        [str(lint_imports)], capture_output=True, text=True, cwd=CORE.parent.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""Where the shipped data files are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(installed: str, checkout: str) -> Path:
    # A wheel carries the folders inside the package; a checkout (or editable
    # install) has them beside it at the top of the repository.
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parent / checkout


def resources_dir() -> Path:
    return _find("_resources", "resources")


def schemas_dir() -> Path:
    return _find("_schemas", "schemas")


def seeds_dir() -> Path:
    return _find("_seeds", "seeds")


def known_source(source: str | None) -> str | None:
    """Where an article came from, as its user knows it: a sample article is
    ``seeds/NAME`` (as the README calls them), not the installed package's path."""
    if not source:
        return source
    try:
        relative = Path(source).resolve().relative_to(seeds_dir().resolve())
    except (ValueError, OSError):
        return source
    return f"seeds/{relative.as_posix()}"

"""The reliability tests' fixtures live in reliability_support, importable by that
unique name from every test module here."""

from reliability_support import filled_project, workers  # noqa: F401 (pytest fixtures)

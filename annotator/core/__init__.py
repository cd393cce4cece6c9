"""The Qt-free core: models, the project store, import, export and analysis.

Nothing in this package imports PySide6; the import-linter contract in
pyproject.toml and tests/test_architecture.py enforce it.
"""

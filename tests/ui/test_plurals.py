"""Counts read right: "1 span", "2 spans", in English and French, window and CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QCoreApplication

from annotator.cli import main
from annotator.core.models import Document
from annotator.core.store import Store


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("en", "1 span", "2 spans"), ("fr", "1 annotation", "2 annotations")],
)
def test_the_window_counts_in_the_right_form(qapp, language: str, one: str, two: str) -> None:
    from annotator.ui import i18n

    assert i18n.apply_language(language)
    try:
        # As the carry-over dialog lists each earlier version's spans.
        assert QCoreApplication.translate("CarryOverDialog", "%n span(s)", None, 1) == one
        assert QCoreApplication.translate("CarryOverDialog", "%n span(s)", None, 2) == two
        carried = QCoreApplication.translate("CarryOverAction", "Carried %n span(s) over.", None, 1)
        assert "(s)" not in carried and "1" in carried
    finally:
        i18n.apply_language("en")


def test_the_command_line_counts_in_the_right_form(tmp_path: Path) -> None:
    path = tmp_path / "one.db"
    with Store(path) as store:
        store.add_document(Document.from_text("Un seul article.", title="Seul"))
    result = CliRunner().invoke(main, ["--db", str(path), "docs"])
    assert result.output.splitlines()[-1] == "1 document, 0 spans"
    result = CliRunner().invoke(main, ["--db", str(path), "backup", str(tmp_path / "copy.db")])
    assert "Backed up 1 document and 0 spans" in result.output

"""The claim ledger and the editorial report from the window, on the seed example
(Altman's claim, the denials of Beyer and Bosworth, their amounts)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest

from annotator.core.store import Store


@pytest.fixture
def example_project(tmp_path: Path, build_seed_example: Callable[..., Any]) -> tuple[Path, Any]:
    path = tmp_path / "project.db"
    with Store(path) as store:
        example = build_seed_example(store)
    return path, example


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[[Path], Any]]:
    from annotator.ui import i18n
    from annotator.ui.preferences import Preferences
    from annotator.ui.shell.main_window import MainWindow

    i18n.apply_language("en")
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    preferences.show_suggestions = False

    def make(db_path: Path) -> MainWindow:
        window = MainWindow(Store(db_path), db_path, "alice", preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.current_document_id() is not None)
        return window

    yield make
    i18n.apply_language("en")


def same_as_links(path: Path) -> int:
    with Store(path) as store:
        return sum(1 for link in store.links() if link.type == "same_as")


def test_the_ledger_lists_altmans_claim_with_its_source_amount_articles_and_denials(
    qtbot, open_window, example_project
) -> None:
    path, example = example_project
    window = open_window(path)
    QTest.keyClick(
        window.article_view.editor,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.attribution.ledger_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    altman = next(row for row in rows if "offres de ce type" in row[0])
    _claim, sources, amounts, articles, denials = altman
    assert sources == "Sam Altman"
    assert amounts == "100\u202f000\u202f000 USD"  # "100 millions $" and "… de dollars"
    assert len(articles.splitlines()) == 2  # seeds/000 and seeds/001, one same_as group
    assert [line.split(": «", 1)[0] for line in denials.splitlines()] == [
        "Andrew Bosworth",
        "Lucas Beyer",
        "Lucas Beyer",
    ]
    bloomberg = next(row for row in rows if "Pang" in row[0])
    assert bloomberg[1:3] == ["Bloomberg", "more than 200\u202f000\u202f000 USD"]

    # Search narrows the rows; Enter on a row opens its article at the claim.
    QTest.keyClicks(dialog.search, "bloomberg")
    shown = [
        dialog.table.topLevelItem(i)
        for i in range(dialog.table.topLevelItemCount())
        if not dialog.table.topLevelItem(i).isHidden()
    ]
    assert [item.text(1) for item in shown] == ["Bloomberg"]
    dialog.table.setFocus()
    dialog.table.setCurrentItem(shown[0])
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    claim_span = example.spans["bloomberg_claim_001"]
    assert window.current_document_id() == claim_span.doc_id
    assert window.article_view.current_span_id() == claim_span.id


def test_confirming_a_proposed_group_links_the_claims_same_as_and_undo_ungroups(
    qtbot, open_window, example_project
) -> None:
    path, example = example_project
    window = open_window(path)
    dialog = window.attribution.show_ledger()
    before_rows = len(dialog.rows())
    before_links = same_as_links(path)
    proposals = dialog.proposal_rows()
    assert proposals, "the seed example shares amounts and sources between rows"
    dialog.proposals.setCurrentItem(dialog.proposals.topLevelItem(0))
    QTest.mouseClick(dialog.group_button, Qt.MouseButton.LeftButton)

    assert same_as_links(path) == before_links + 1
    assert len(dialog.rows()) == before_rows - 1
    window.undo_action.trigger()
    assert same_as_links(path) == before_links
    assert len(dialog.rows()) == before_rows
    assert example.spans  # the example is what the window shows


def test_the_editorial_report_is_written_in_the_background_and_offered_to_open(
    qtbot, open_window, example_project, tmp_path: Path, monkeypatch
) -> None:
    path, _example = example_project
    window = open_window(path)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    target = tmp_path / "report.html"
    with qtbot.waitSignal(window.attribution.reportFinished, timeout=20000) as finished:
        window.attribution.write_report(target)
    assert finished.args[0] == target
    html = target.read_text(encoding="utf-8")
    assert "Sam Altman" in html and "Andrew Bosworth" in html and "Lucas Beyer" in html
    box = window.attribution.report_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    QTest.mouseClick(window.attribution.open_report_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(target)]
    assert window.attribution.report_action in window.file_menu.actions()


def test_the_ledgers_undo_button_is_the_windows_and_follows_the_language(
    qtbot, open_window, example_project
) -> None:
    from PySide6.QtWidgets import QToolButton

    from annotator.ui import i18n

    path, _example = example_project
    window = open_window(path)
    dialog = window.attribution.show_ledger()
    qtbot.waitExposed(dialog)
    dialog.proposals.setCurrentItem(dialog.proposals.topLevelItem(0))
    before_links = same_as_links(path)
    QTest.mouseClick(dialog.group_button, Qt.MouseButton.LeftButton)
    assert same_as_links(path) == before_links + 1
    undo_button = next(
        button
        for button in dialog.findChildren(QToolButton)
        if button.defaultAction() is window.undo_action
    )
    assert undo_button.text().startswith("Undo")

    assert i18n.apply_language("fr")
    qtbot.waitUntil(lambda: undo_button.text().startswith("Annuler"))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same_as_links(path) == before_links

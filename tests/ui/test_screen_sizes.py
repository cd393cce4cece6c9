"""The window on the screens journalists have: every label stays in sight at 1366x768
and in French, in review mode too, and the first window fits the screen."""

from __future__ import annotations

import pytest
import review_support
from PySide6.QtWidgets import QApplication

example_project = review_support.example_project


def hidden_labels(qtbot, window, width: int, height: int) -> list[str]:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    QApplication.processEvents()
    bar = window.label_bar
    hidden = []
    for name, button in bar.buttons.items():
        corner = button.mapTo(window, button.rect().bottomRight())
        if not button.isVisible() or not window.rect().contains(corner):
            hidden.append(name)
    return hidden


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(1366, 740), (1280, 720), (1024, 700)])
def test_every_label_is_in_sight(qtbot, open_window, seeded_project, language, size) -> None:
    from annotator.ui import i18n

    window = open_window(seeded_project)
    i18n.apply_language(language)
    assert hidden_labels(qtbot, window, *size) == []


def test_every_label_is_in_sight_in_french_review_mode(
    qtbot, open_window, example_project
) -> None:
    from annotator.ui import i18n

    path, _example = example_project
    window = open_window(path, "editor")
    i18n.apply_language("fr")
    review_support.open_review(qtbot, window)
    assert hidden_labels(qtbot, window, 1440, 860) == []
    assert hidden_labels(qtbot, window, 1366, 740) == []


def test_the_first_window_fits_a_laptop_screen() -> None:
    from PySide6.QtCore import QSize

    from annotator.ui.shell.main_window import first_window_size

    for screen in (QSize(1366, 740), QSize(1280, 680), QSize(1920, 1050)):
        size = first_window_size(screen)
        assert size.width() <= screen.width() and size.height() <= screen.height()
    assert first_window_size(QSize(1920, 1050)) == QSize(1440, 900)


def test_review_mode_shows_the_first_disagreement_on_a_laptop_screen(
    qtbot, open_window, example_project
) -> None:
    path, _example = example_project
    window = open_window(path, "editor")
    window.resize(1342, 696)
    review_mode = review_support.open_review(qtbot, window)
    tree = review_mode.panel.tree
    first = next(
        tree.topLevelItem(row)
        for row in range(tree.topLevelItemCount())
        if tree.topLevelItem(row).childCount() == 0 or row > 0
    )
    rect = tree.visualItemRect(first)
    assert rect.isValid() and tree.viewport().rect().contains(rect.topLeft())

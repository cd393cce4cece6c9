"""What the review-mode and agreement tests share: the three-annotator project and a
shown window whose annotator is the reviewer ("editor")."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt

from annotator.core.store import Store

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "review" / "three_annotators.py"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def load_fixture() -> ModuleType:
    name = "review_three_annotators"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURE)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def example_project(tmp_path: Path):
    path = tmp_path / "review.db"
    with Store(path) as store:
        example = load_fixture().build_review_example(store)
    return path, example


@pytest.fixture
def review_window(qtbot, open_window) -> Callable[..., object]:
    """The shared window fixture, for a reviewer ("editor" unless told), on an article."""

    def make(db_path: Path, annotator: str = "editor"):
        window = open_window(db_path, annotator)
        qtbot.waitUntil(lambda: window.current_document_id() is not None)
        return window

    return make


def open_review(qtbot, window) -> object:
    """Ctrl+R, then Enter in the dialog (its default ticks)."""
    review_mode = window.review_mode
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: review_mode.choose_dialog is not None)
    dialog = review_mode.choose_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review_mode.active)
    qtbot.waitUntil(review_mode.panel.tree.hasFocus)
    return review_mode


def press(qtbot, review_mode, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    tree = review_mode.panel.tree
    if not tree.hasFocus():
        tree.setFocus()
        qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, key, modifiers)

"""The article list's filters, timed in the real window: a child of the scale bench.

Usage: ``list_filter_bench.py PROJECT WORKDIR``; prints one JSON line: seconds per
keystroke typed into the title filter (each until the list is painted again), and
seconds per choice of the other filters (status, labels held and not held, annotator,
outlet, dates), each made the way the keyboard makes it. Suggestions run meanwhile.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from annotator.bench.window_bench import painted
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.app import create_application, keep_startup_objects_out_of_collections
from annotator.ui.preferences import Preferences
from annotator.ui.shell.main_window import MainWindow

WORDS = ("millions", "meta", "chercheurs", "dément", "openai")


def typing_times(window: MainWindow) -> list[float]:
    edit = window.document_list.filter_edit
    times = []
    for word in WORDS:
        edit.setFocus()
        edit.clear()
        painted(window)
        for letter in word:
            began = time.perf_counter()
            if letter.isascii():
                QTest.keyClicks(edit, letter)
            else:  # QTest types ASCII only: as an input method commits it
                edit.insert(letter)
            painted(window)
            times.append(time.perf_counter() - began)
        for _ in word:
            began = time.perf_counter()
            QTest.keyClick(edit, Qt.Key.Key_Backspace)
            painted(window)
            times.append(time.perf_counter() - began)
    return times


def choice_time(window: MainWindow, combo: QComboBox, value: object) -> float:
    """Seconds from the key that picks ``value`` until the list is painted."""
    combo.setFocus()
    wanted = combo.findData(value)
    combo.setCurrentIndex(wanted - 1 if wanted > 0 else 1)
    painted(window)
    began = time.perf_counter()
    QTest.keyClick(combo, Qt.Key.Key_Down if wanted > 0 else Qt.Key.Key_Up)
    painted(window)
    assert combo.currentIndex() == wanted
    return time.perf_counter() - began


def main() -> None:
    project, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    app = create_application([])
    assert app is not None
    settings = QSettings(str(workdir / "filter-settings.ini"), QSettings.Format.IniFormat)
    preferences = Preferences(settings)
    preferences.show_suggestions = True
    i18n.apply_language("en")
    store = Store(project)
    window = MainWindow(store, project, "alice", preferences)
    window.resize(1440, 900)
    window.show()
    keep_startup_objects_out_of_collections()
    painted(window)
    panel = window.document_list
    results: dict[str, list[float]] = {"title": typing_times(window)}
    panel.more_button.setChecked(True)
    painted(window)
    choices: list[tuple[str, QComboBox, object]] = [
        ("status: to do", panel.status_combo, "unfinished"),
        ("with a claim", panel.with_label_combo, "claim"),
        ("but no denial", panel.without_label_combo, "denial"),
        ("by one annotator", panel.annotator_combo, "bruno"),
        ("from one outlet", panel.outlet_combo, panel.outlet_combo.itemData(1)),
    ]
    for name, combo, value in choices:
        results[name] = [choice_time(window, combo, value)]
    panel.clear_filters()
    painted(window)
    for edit, text in ((panel.date_from_edit, "2022-03"), (panel.date_to_edit, "2022-06-30")):
        edit.setFocus()
        QTest.keyClicks(edit, text[:-1])
        painted(window)
        began = time.perf_counter()
        QTest.keyClicks(edit, text[-1])
        painted(window)
        results.setdefault("date range", []).append(time.perf_counter() - began)
    results["shown"] = [float(window.document_model.rowCount())]
    window.close()
    store.close()
    print(json.dumps(results))


if __name__ == "__main__":
    main()

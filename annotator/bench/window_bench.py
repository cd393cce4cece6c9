"""The window's figures, run as a child of ``python -m annotator.bench``.

Usage: ``window_bench.py PROJECT WORKDIR [REPEATS]``; prints one JSON line: a list of
results. Everything is measured in the real ``MainWindow``, opened as ``annotator open``
opens it (every panel on, suggestions on), with articles opened from the list and keys
sent to the article as a person types them. Qt runs offscreen; "until painted" means
until the event loop has handled what the action queued and painted the regions it
changed, so every panel's refresh, the highlighter's work and the text layout are
included. Background suggestions run meanwhile, as they do for the user.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.bench import corpus
from annotator.core.store import Store
from annotator.ui import i18n
from annotator.ui.app import create_application, keep_startup_objects_out_of_collections
from annotator.ui.preferences import Preferences
from annotator.ui.shell.main_window import MainWindow

TAG_KEY, RELABEL_KEY = Qt.Key.Key_5, Qt.Key.Key_4  # organisation, then person
SUGGESTIONS_PATIENCE_S = 60.0


def painted(window: MainWindow) -> None:
    """Until Qt has handled what the action queued and painted what it changed, as the
    event loop does after a key press (offscreen too, paints happen in that pass)."""
    QApplication.processEvents()
    QApplication.processEvents()


def timed(action: Callable[[], object], window: MainWindow) -> float:
    began = time.perf_counter()
    action()
    painted(window)
    return time.perf_counter() - began


def summary(seconds: list[float]) -> tuple[float, float]:
    """Median and 90th percentile, in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    p90 = statistics.quantiles(ms, n=10, method="inclusive")[8] if len(ms) > 1 else ms[0]
    return statistics.median(ms), p90


def figure(what: str, seconds: list[float], median_target: float, p90_target: float | None):
    median, p90 = summary(seconds)
    target = f"median <= {median_target:g} ms" + (
        f", p90 <= {p90_target:g} ms" if p90_target is not None else ""
    )
    met = median <= median_target and (p90_target is None or p90 <= p90_target)
    return dict(
        what=what, target=target, measured=f"{median:.1f} / {p90:.1f} ms (n={len(seconds)})",
        met=met,
    )


def own_spans(store: Store, doc_id: str, annotator: str) -> int:
    return store.span_counts(doc_id).get(annotator, 0)


def open_from_list(window: MainWindow, doc_id: str) -> None:
    assert window.document_list.select_document(doc_id, notify=True), doc_id
    assert window.current_document_id() == doc_id


def select_word(window: MainWindow, start: int, end: int) -> None:
    view = window.article_view
    positions = view.text_positions()
    assert positions is not None
    cursor = view.editor.textCursor()
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.editor.setTextCursor(cursor)


def edit_times(window: MainWindow, doc_id: str, repeats: int) -> dict[str, list[float]]:
    """Tag a word with a label key, relabel it, delete it, then undo the three."""
    open_from_list(window, doc_id)
    painted(window)
    view, store = window.article_view, window.store
    editor = view.editor
    words = corpus.word_bounds(store.document(doc_id).text)
    step = max(1, len(words) // (repeats + 1))
    times: dict[str, list[float]] = {
        name: [] for name in ("tag", "relabel", "delete", "undo delete", "undo relabel", "undo tag")
    }
    for i in range(repeats):
        start, end = words[(i + 1) * step]
        select_word(window, start, end)
        editor.setFocus()
        painted(window)
        before = own_spans(store, doc_id, window.annotator)
        times["tag"].append(timed(lambda: QTest.keyClick(editor, TAG_KEY), window))
        assert own_spans(store, doc_id, window.annotator) == before + 1, "not tagged"
        times["relabel"].append(timed(lambda: QTest.keyClick(editor, RELABEL_KEY), window))
        times["delete"].append(timed(lambda: QTest.keyClick(editor, Qt.Key.Key_Delete), window))
        assert own_spans(store, doc_id, window.annotator) == before, "not deleted"
        for name in ("undo delete", "undo relabel", "undo tag"):
            times[name].append(timed(window.undo_action.trigger, window))
        assert own_spans(store, doc_id, window.annotator) == before, "not undone"
    return times


def suggestions_after_an_edit(
    window: MainWindow, doc_id: str
) -> tuple[float | None, float | None, float]:
    """Seconds from a tag until suggestions are on show again (the part on screen first),
    until the whole article's are, and the longest pass of the event loop meanwhile (how
    long the UI could not answer)."""
    open_from_list(window, doc_id)
    painted(window)
    controller = window.suggestions
    words = corpus.word_bounds(window.store.document(doc_id).text)
    start, end = words[len(words) // 3]
    select_word(window, start, end)
    arrived: list[float] = []
    controller.suggestionsChanged.connect(
        lambda changed: arrived.append(time.perf_counter())
        if changed == doc_id and controller.suggestions() else None
    )
    began = time.perf_counter()
    QTest.keyClick(window.article_view.editor, TAG_KEY)
    arrived.clear()  # the list shown before the edit
    longest = 0.0
    while (not arrived or window.tasks.busy()) and (
        time.perf_counter() - began < SUGGESTIONS_PATIENCE_S
    ):
        tick = time.perf_counter()
        QApplication.processEvents()
        longest = max(longest, time.perf_counter() - tick)
        time.sleep(0.005)
    window.undo_action.trigger()
    if not arrived:
        return None, None, longest
    return arrived[0] - began, arrived[-1] - began, longest


def startup(project: Path, workdir: Path) -> tuple[float, float]:
    """Wall time from starting a new process to the main window's first paint, and RSS."""
    probe = Path(__file__).with_name("startup_probe.py")
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(probe), str(project), str(workdir)],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - began
    process.wait(timeout=120)
    return elapsed, float(json.loads(line)["rss_mb"])


def main() -> None:
    project, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    app = create_application([])
    results = []
    with Store(project) as store:
        long_doc = corpus.long_article(store).id
        normal_doc = corpus.long_article(
            store, size=5_000, spans=50, seed=13, title="A normal article (5 KB)"
        ).id
        small_a, small_b = store.document_ids()[:2]
        articles = store.document_count() - 2  # the corpus, without the two added here
    settings = QSettings(str(workdir / "window-settings.ini"), QSettings.Format.IniFormat)
    preferences = Preferences(settings)
    preferences.show_suggestions = True
    i18n.apply_language("en")
    window_store = Store(project)
    window = MainWindow(window_store, project, "alice", preferences)
    window.resize(1440, 900)
    window.show()
    keep_startup_objects_out_of_collections()  # as ``annotator open`` does
    painted(window)

    opens = []
    for _ in range(5):
        open_from_list(window, small_a)
        painted(window)
        opens.append(timed(lambda: open_from_list(window, long_doc), window))
    results.append(figure(
        "open the 1 MB / 10,000-span article from the list until painted", opens, 300, None
    ))

    long_edits = edit_times(window, long_doc, repeats)
    results.append(figure("label key on 1 MB / 10,000 spans", long_edits["tag"], 16, 50))
    for name in ("relabel", "delete"):
        results.append(figure(f"{name} on 1 MB / 10,000 spans", long_edits[name], 16, 50))
    for name in ("undo tag", "undo relabel", "undo delete"):
        results.append(figure(f"{name} on 1 MB / 10,000 spans", long_edits[name], 16, None))
    normal_edits = edit_times(window, normal_doc, repeats * 2)
    results.append(figure("label key on 5 KB / 50 spans", normal_edits["tag"], 8, None))
    for name in ("relabel", "delete", "undo tag"):
        results.append(figure(f"{name} on 5 KB / 50 spans", normal_edits[name], 8, None))

    open_from_list(window, small_a)
    painted(window)
    switches = []
    for _ in range(20):
        target = small_b if window.current_document_id() == small_a else small_a
        switches.append(timed(partial(open_from_list, window, target), window))
    results.append(figure("switch between two 3 KB articles from the list", switches, 50, None))

    on_screen, whole, longest = suggestions_after_an_edit(window, long_doc)
    results.append(dict(
        what="suggestions after an edit on the 1 MB article: on screen, whole; longest pause",
        target="<= 1 s, <= 10 s, <= 100 ms",
        measured=(
            f"{on_screen:.2f} s, {whole:.2f} s, {longest * 1000:.0f} ms"
            if on_screen is not None and whole is not None
            else f"none within {SUGGESTIONS_PATIENCE_S:.0f} s"
        ),
        met=on_screen is not None and whole is not None
        and on_screen <= 1 and whole <= 10 and longest <= 0.1,
    ))
    window.close()
    window_store.close()
    del app
    starts = [startup(project, workdir) for _ in range(3)]
    start_s = statistics.median(s for s, _ in starts)
    rss = statistics.median(r for _, r in starts)
    results.append(dict(
        what=f"start to first paint, {articles:,}-article project", target="<= 1.5 s",
        measured=f"{start_s:.2f} s", met=start_s <= 1.5,
    ))
    results.append(dict(
        what="memory with that project open", target="<= 300 MB resident",
        measured=f"{rss:.0f} MB", met=rss <= 300,
    ))
    print(json.dumps(results))


if __name__ == "__main__":
    main()

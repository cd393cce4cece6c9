"""The window's figures, run as a child of ``python -m annotator.bench``.

Usage: ``window_bench.py PROJECT WORKDIR``; prints one JSON line: a list of results.
Qt runs offscreen; "until painted" means until a synchronous ``repaint()`` of the text
viewport has returned, so the highlighter's work and the text layout are included.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication

from annotator.bench import corpus
from annotator.core.store import Store
from annotator.ui.article_view import ArticleView


def painted(view: ArticleView) -> None:
    QApplication.processEvents()
    view.editor.viewport().repaint()


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def add_span_times(view: ArticleView, undo: QUndoStack, doc_id: str, repeats: int) -> list[float]:
    """Select a word and press a label key's action, until repainted; undo untimed."""
    view.set_document(doc_id)
    painted(view)
    document = view.store.document(doc_id)
    words = corpus.word_bounds(document.text)
    positions = view._positions  # noqa: SLF001 (the one UTF-16 boundary of the view)
    assert positions is not None
    times = []
    step = max(1, len(words) // (repeats + 1))
    for i in range(repeats):
        start, end = words[(i + 1) * step]
        cursor = view.editor.textCursor()
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        view.editor.setTextCursor(cursor)
        painted(view)
        before = undo.index()
        began = time.perf_counter()
        view.apply_label("denial")  # never identical to a corpus span
        view.editor.viewport().repaint()
        times.append(time.perf_counter() - began)
        assert undo.index() == before + 1, "the span was not added"
        undo.undo()
    return times


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
    app = QApplication.instance() or QApplication([])
    results = []
    small_doc: str
    with Store(project) as store:
        long_doc = corpus.long_article(store).id
        # The same size of article with 10 spans: only the number of spans differs.
        sparse = corpus.long_article(store, spans=10, seed=11).id
        small_a, small_b = store.document_ids()[:2]
        articles = store.document_count() - 2  # the corpus, without the two long ones
        small_doc = small_a
        undo = QUndoStack()
        view = ArticleView(store, "alice", undo)
        view.resize(1100, 900)
        view.show()

        def open_long() -> None:
            view.set_document(long_doc)
            painted(view)

        def leave() -> None:
            view.set_document(small_doc)
            painted(view)

        opens = []
        for _ in range(5):
            leave()
            opens.extend(timed(open_long, 1))
        median_open = statistics.median(opens) * 1000
        results.append(dict(
            what="open the 1 MB / 10,000-span article until painted", target="<= 300 ms",
            measured=f"{median_open:.0f} ms", met=median_open <= 300,
        ))

        many = statistics.median(add_span_times(view, undo, long_doc, 30)) * 1000
        few = statistics.median(add_span_times(view, undo, sparse, 30)) * 1000
        results.append(dict(
            what="add one span until repainted (10,000 spans vs 10)",
            target="<= 16 ms, no slower with 10,000",
            measured=f"{many:.1f} ms vs {few:.1f} ms ({many / few:.2f} x)",
            met=many <= 16 and many <= few * 1.5,
        ))

        def switch() -> None:
            view.set_document(small_b if view.document_id() == small_a else small_a)
            painted(view)

        switch()
        median_switch = statistics.median(timed(switch, 20)) * 1000
        results.append(dict(
            what="switch between two 3 KB articles", target="<= 50 ms",
            measured=f"{median_switch:.1f} ms", met=median_switch <= 50,
        ))
        view.close()
        store.conn.commit()
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

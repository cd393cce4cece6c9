"""Start the real main window on a project and report its first paint, then quit.

Usage: ``startup_probe.py PROJECT WORKDIR [SECONDS]``. Prints ``{"rss_mb": ...}`` on the
first paint event of the window; the parent process times from spawn to that line. With
SECONDS, the window then keeps running (its suggestions included, as a user's does) and
prints ``{"rss_after_mb": ...}`` that many seconds later before quitting.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.deleteLater()
            # Let the paint finish, then report and quit.
            QTimer.singleShot(0, report)
        return False


def report() -> None:
    print(json.dumps({"rss_mb": round(resident_mb(), 1)}), flush=True)
    if len(sys.argv) > 3:
        QTimer.singleShot(int(float(sys.argv[3]) * 1000), report_later)
    else:
        QApplication.quit()


def report_later() -> None:
    print(json.dumps({"rss_after_mb": round(resident_mb(), 1)}), flush=True)
    QApplication.quit()


def main() -> None:
    from annotator.core.store import Store
    from annotator.ui.app import create_application
    from annotator.ui.preferences import Preferences
    from annotator.ui.shell.main_window import MainWindow

    project, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    app = create_application([])
    settings = QSettings(str(workdir / "probe-settings.ini"), QSettings.Format.IniFormat)
    store = Store(project)
    window = MainWindow(store, project, "alice", Preferences(settings))
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    store.close()


if __name__ == "__main__":
    main()

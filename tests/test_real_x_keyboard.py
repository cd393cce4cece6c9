"""The window on a real X server with a window manager and a French keyboard: what the
offscreen tests cannot see. Xvfb gives the screen, Openbox manages the window (it takes
Ctrl+Alt+arrows and Shift+Alt+arrows for itself, as GNOME and KDE do), ``setxkbmap fr``
makes the keyboard AZERTY and ``xdotool`` presses keys as a person would.

Skipped when Xvfb, openbox, setxkbmap or xdotool is missing
(``apt-get install xvfb openbox x11-xkb-utils xdotool libxcb-cursor0``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.importing.articles import import_paths
from annotator.core.store import Store

TOOLS = ("Xvfb", "openbox", "setxkbmap", "xdotool")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb, openbox, setxkbmap and xdotool",
)


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Desktop:
    def __init__(self, display: str) -> None:
        self.env = {**os.environ, "DISPLAY": display}

    def run(self, *args: str) -> str:
        done = subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=30, check=True
        )
        return done.stdout

    def key(self, *keys: str) -> None:
        for key in keys:
            self.run("xdotool", "key", "--clearmodifiers", key)


@pytest.fixture
def french_desktop(tmp_path: Path) -> Iterator[Desktop]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as chosen:
        display = ":" + chosen.readline().strip()
    desktop = Desktop(display)
    manager = subprocess.Popen(
        ["openbox"], env=desktop.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(lambda: _window_manager_runs(desktop), 15, "openbox")
        desktop.run("setxkbmap", "fr")
        yield desktop
    finally:
        for process in (manager, server):
            process.terminate()
            process.wait(timeout=10)


def _window_manager_runs(desktop: Desktop) -> bool:
    try:
        return int(desktop.run("xdotool", "get_num_desktops").strip()) > 0
    except (subprocess.CalledProcessError, ValueError):
        return False


@pytest.fixture
def window_on(tmp_path: Path, seeds_dir: Path) -> Iterator[Callable[[Desktop], Path]]:
    apps: list[subprocess.Popen[str]] = []

    def start(desktop: Desktop) -> Path:
        project = tmp_path / "project.db"
        with Store(project) as store:
            import_paths(store, [seeds_dir])
        env = {**desktop.env, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path)}
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator", "--db", str(project), "--annotator", "alice"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        apps.append(app)

        def shown() -> str:
            if app.poll() is not None:
                output = app.stdout.read() if app.stdout else ""
                if "xcb" in output:
                    pytest.skip(f"Qt cannot use this X server: {output.strip()[:300]}")
                raise AssertionError(f"the window did not open: {output}")
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "annotator"],
                env=desktop.env,
                capture_output=True,
                text=True,
            )
            return found.stdout.split()[0] if found.stdout.split() else ""

        window = str(wait_for(shown, 30, "the annotation window"))
        geometry = dict(
            line.split("=")
            for line in desktop.run("xdotool", "getwindowgeometry", "--shell", window).split()
        )
        # The first window fits the 1366x768 laptop screen, its frame included.
        assert int(geometry["X"]) + int(geometry["WIDTH"]) <= 1366
        assert int(geometry["Y"]) + int(geometry["HEIGHT"]) <= 768
        # Into the article column, on its text; the caret then goes to the article's start.
        x = int(geometry["X"]) + int(geometry["WIDTH"]) * 45 // 100
        y = int(geometry["Y"]) + int(geometry["HEIGHT"]) * 40 // 100
        desktop.run("xdotool", "mousemove", str(x), str(y), "click", "1")
        desktop.key("ctrl+Home")
        return project

    yield start
    for app in apps:
        app.terminate()
        app.wait(timeout=10)


def spans_of(project: Path) -> list[tuple[int, int, str]]:
    with Store(project) as store:
        return [
            (span.start, span.end, span.label)
            for doc_id in store.document_ids()
            for span in store.spans(doc_id, "alice")
        ]


def test_the_azerty_key_printed_5_tags_and_alt_arrows_move_the_end(
    french_desktop: Desktop, window_on
) -> None:
    project = window_on(french_desktop)
    french_desktop.key("shift+ctrl+Right")  # the article's first word
    # On AZERTY the key printed 5 types "(" without Shift: xdotool presses that key alone.
    french_desktop.key("parenleft")
    tagged = wait_for(lambda: spans_of(project), 10, "a span tagged by the key printed 5")
    [(start, end, label)] = tagged  # type: ignore[misc]
    assert label == "organisation"

    french_desktop.key("alt+Right")  # the end, one word on: Openbox leaves Alt+arrows alone
    [(new_start, new_end, _label)] = wait_for(
        lambda: [span for span in spans_of(project) if span[1] > end], 10, "the end to move"
    )  # type: ignore[misc]
    assert new_start == start


def test_after_escape_closes_a_menu_the_next_key_tags(french_desktop: Desktop, window_on) -> None:
    project = window_on(french_desktop)
    french_desktop.key("shift+ctrl+Right")
    french_desktop.key("alt+f")  # the File menu, from the keyboard
    time.sleep(0.5)
    french_desktop.key("Escape")
    time.sleep(0.5)
    french_desktop.key("p")  # Person, at once
    tagged = wait_for(lambda: spans_of(project), 10, "a span tagged right after the menu")
    assert [label for _start, _end, label in tagged] == ["person"]  # type: ignore[attr-defined]

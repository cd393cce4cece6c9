"""The editorial report in a real browser: headless Chromium (Debian's ``chromium``).

Chromium runs the page as a reader would open it: if any article text became markup,
its script or ``onerror`` handler would run and change the DOM Chromium dumps.

Set ANNOTATOR_UPDATE_SCREENSHOT=1 to refresh resources/screenshots/report.png, the README's picture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from annotator.core.attribution import links
from annotator.core.models import Document
from annotator.core.report import render as report
from annotator.core.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not on PATH (Debian: apt-get install chromium; .ci/run installs it)",
)


def chromium(tmp_path: Path, *arguments: str) -> str:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *arguments,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class RowText(HTMLParser):
    """The text of each table row with an id, and every tag's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, str] = {}
        self.current: str | None = None
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.elements.append((tag, found))
        if tag == "tr" and found.get("id"):
            self.current = found["id"]
            self.rows[self.current] = ""
        self.in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self.current = None
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.current is not None:
            self.rows[self.current] += data
        if self.in_title:
            self.title += data


def dump(tmp_path: Path, page: Path) -> RowText:
    parser = RowText()
    parser.feed(chromium(tmp_path, "--dump-dom", page.as_uri()))
    return parser


def test_chromium_shows_altmans_claim_in_the_ledger_with_both_denials_and_a_screenshot(
    store: Store, tmp_path: Path, build_seed_example: Callable[..., Any]
) -> None:
    example = build_seed_example(store)
    page = tmp_path / "report.html"
    report.write_report(store, page)

    dom = dump(tmp_path, page)
    row = " ".join(dom.rows["row-C1"].split())
    claim = " ".join(example.spans["altman_claim_001"].text.split())
    assert claim in row
    assert "Sam Altman" in row
    assert "Andrew Bosworth" in row and "Lucas Beyer" in row
    for key in ("bosworth_denial_000", "beyer_denial_000", "beyer_denial_001"):
        assert " ".join(example.spans[key].text.split()) in row
    assert dom.title == "Editorial report"

    screenshot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2900", page.as_uri())
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # A blank page compresses to a few kilobytes; text, tables and colours do not.
    assert len(data) > 50_000
    if os.environ.get("ANNOTATOR_UPDATE_SCREENSHOT"):
        target = REPO / "resources" / "screenshots" / "report.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(screenshot, target)


def test_chromium_runs_no_script_from_article_text_or_titles(store: Store, tmp_path: Path) -> None:
    title = "<script>document.title='pwned by title'</script>"
    text = (
        f"{title}\n"
        "Sam Altman <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
        "affirme que <svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg> "
        "Meta paie.</span></div><script>document.body.setAttribute('data-pwned','script')"
        "</script>"
    )
    document = Document.from_text(text, title=title)
    store.add_document(document)
    start = text.index("Sam Altman")
    end = text.index("Meta paie.") + len("Meta paie.")
    claim = store.add_span(store.make_span(document, "alice", start, end, "claim"))
    person = store.add_span(store.make_span(document, "alice", start, start + 10, "person"))
    links.add_link(store, "said_by", claim.id, person.id)
    page = tmp_path / "hostile.html"
    report.write_report(store, page, title=title)

    dom = dump(tmp_path, page)
    body = next(attrs for tag, attrs in dom.elements if tag == "body")
    assert "data-pwned" not in body
    assert dom.title == title  # shown as text, not run
    assert not [tag for tag, _ in dom.elements if tag in ("script", "img", "svg")]
    shown = "".join(dom.text)
    assert "<img src=x onerror=" in shown and "</script>" in shown

"""Safety: no network, HTML never rendered nor written unescaped, imports only read."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.store import Store

from reliability_support import run_cli
from safety_checks import HOSTILE_TEXTS, NetworkForbidden, forbid_network, unescaped_texts

ARTICLE = (
    "Sam Altman affirme que Meta a offert 100 M$ à un chercheur. "
    "Andrew Bosworth, directeur technique de Meta, dément toute prime de ce montant."
)
PAGE_WITH_REMOTE_RESOURCES = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html><head>
<meta charset="utf-8"><title>Primes chez Meta</title>
<meta http-equiv="refresh" content="0; url=http://example.invalid/redirect">
<base href="http://example.invalid/">
<link rel="stylesheet" href="http://example.invalid/style.css">
<link rel="preconnect" href="https://fonts.example.invalid">
<style>@import url("http://example.invalid/more.css");
body {{ background: url(http://example.invalid/bg.png); }}</style>
<script src="http://example.invalid/tracker.js"></script>
<script>fetch("http://example.invalid/beacon");</script>
</head><body>
<nav><a href="http://example.invalid/">Accueil</a></nav>
<article><h1>Primes chez Meta</h1>
<p>{ARTICLE}</p>
<p><img src="http://example.invalid/photo.jpg" srcset="http://example.invalid/2x.jpg 2x"
 alt="Photo"> Une seconde phrase pour que l'article soit un article.</p>
<iframe src="http://example.invalid/embed"></iframe>
<video src="http://example.invalid/v.mp4" poster="http://example.invalid/p.jpg"></video>
</article></body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "article.html"
    path.parent.mkdir()
    path.write_text(PAGE_WITH_REMOTE_RESOURCES, encoding="utf-8")
    return path


def test_the_network_guard_catches_an_attempt_even_one_that_is_swallowed() -> None:
    with forbid_network() as attempts:
        with pytest.raises(NetworkForbidden):
            __import__("socket").create_connection(("example.invalid", 80), timeout=1)
        try:
            __import__("urllib.request").request.urlopen("http://example.invalid/", timeout=1)
        except Exception:  # noqa: BLE001 (a library that hides the failure is still caught)
            pass
    assert len(attempts) >= 2


def test_importing_a_page_full_of_remote_resources_opens_no_connection(
    page: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project.db"
    labelstudio = tmp_path / "incoming" / "tasks.json"
    labelstudio.write_text(
        json.dumps([{"id": 1, "data": {"text": ARTICLE, "image": "http://example.invalid/i.png"},
                     "annotations": []}]),
        encoding="utf-8",
    )  # fmt: skip
    with forbid_network() as attempts:
        result = run_cli("--db", project, "import", page, labelstudio)
        assert result.exit_code == 0, result.output
    assert attempts == []
    with Store(project) as store:
        texts = [store.document(doc_id).text for doc_id in store.document_ids()]
    assert any(ARTICLE in text for text in texts)
    assert not any("example.invalid" in text for text in texts)


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace shows connections made in C too")
def test_no_process_of_the_import_connects_anywhere(page: Path, tmp_path: Path) -> None:
    """The Python guard cannot see libxml2 or other C code; the system call trace can."""
    trace = tmp_path / "trace.log"
    command = [
        "strace", "-f", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace),
        sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.db"), "import", str(page),
    ]  # fmt: skip
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if "ptrace" in finished.stderr and finished.returncode != 0:
        pytest.skip(f"strace cannot trace here: {finished.stderr.strip()[:200]}")
    assert finished.returncode == 0, finished.stderr
    network_calls = [
        line
        for line in trace.read_text().splitlines()
        if re.search(r"AF_INET6?|sin6?_port|AF_NETLINK", line)
    ]
    assert network_calls == []


def tree(root: Path) -> dict[str, bytes | str]:
    """Every file and link under ``root``, with its content (links: their target)."""
    found: dict[str, bytes | str] = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = f"-> {os.readlink(path)}"
            elif path.is_file():
                found[key] = path.read_bytes()
    return found


def test_a_folder_import_reads_only_and_writes_nothing_but_the_project(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Notes personnelles, hors du dossier importé.")
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "two.md").write_text("# Titre\n\n" + ARTICLE[::-1], encoding="utf-8")
    (folder / "page.html").write_text(PAGE_WITH_REMOTE_RESOURCES, encoding="utf-8")
    (folder / "../outside/../incoming/odd..name.txt").write_text("Un nom étrange. " * 3)
    os.symlink(outside, folder / "link-outside")
    os.symlink(outside / "secret.txt", folder / "sub" / "secret-link.txt")
    os.chmod(folder / "sub", 0o555)
    project_dir = tmp_path / "project"
    before = tree(tmp_path)
    try:
        with forbid_network() as attempts:
            result = run_cli("--db", project_dir / "p.db", "import", folder)
    finally:
        os.chmod(folder / "sub", 0o755)
    assert result.exit_code == 0, result.output
    assert attempts == []
    after = tree(tmp_path)
    written = {name for name in after if before.get(name) != after[name]}
    assert {name for name in written if not name.startswith("project")} == set()
    assert written <= {"project", "project/p.db", "project/p.db-wal", "project/p.db-shm"}
    assert set(before) <= set(after), "an import deleted a file"


def test_the_article_view_shows_markup_as_plain_text(qtbot, tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    from PySide6.QtGui import QUndoStack

    from annotator.core.models import Document
    from annotator.ui.article.view import ArticleView
    from annotator.ui.session import ProjectSession

    text = "\n".join(HOSTILE_TEXTS) + "\n<b>gras</b> &amp; <a href='http://example.invalid'>lien</a>"
    with Store(tmp_path / "p.db") as store:
        document = Document.from_text(text, title="markup")
        store.add_document(document)
        view = ArticleView(ProjectSession(store, QUndoStack()), "alice")
        qtbot.addWidget(view)
        view.set_document(document.id)
        shown = view.editor.document()
        assert shown.toPlainText() == text
        assert shown.toRawText().replace("\u2029", "\n") == text
        assert "<img" not in shown.toHtml().replace("&lt;img", "")


# -- HTML written by the tool --------------------------------------------------------


def test_the_escape_check_passes_escaped_html_and_catches_unescaped_html() -> None:
    def page(escape: bool) -> str:
        quote = (lambda t: html.escape(t, quote=True)) if escape else (lambda t: t)
        rows = "".join(
            f'<tr><td title="{quote(text)}">{quote(text)}</td></tr>' for text in HOSTILE_TEXTS
        )
        return f"<!DOCTYPE html><html><body><table>{rows}</table></body></html>"

    assert unescaped_texts(page(escape=True), HOSTILE_TEXTS) == []
    assert unescaped_texts(page(escape=False), HOSTILE_TEXTS) == list(HOSTILE_TEXTS)



def test_the_editorial_report_escapes_every_text_it_writes(tmp_path: Path) -> None:
    from annotator.core.models import Document
    from annotator.core.report.render import write_report

    hostile = [text for text in HOSTILE_TEXTS if text.strip() == text]
    text = " ".join(f"Phrase {n} : {piece}." for n, piece in enumerate(hostile))
    output = tmp_path / "report.html"
    with Store(tmp_path / "p.db") as store:
        document = Document.from_text(text, title=hostile[0], source=hostile[1])
        store.add_document(document)
        for number, piece in enumerate(hostile):
            start = text.index(piece)
            annotator = hostile[(number + 2) % len(hostile)]
            label = ("claim", "denial", "person", "organisation")[number % 4]
            store.add_span(store.make_span(document, annotator, start, start + len(piece), label))
        write_report(store, output)
    page = output.read_text(encoding="utf-8")
    assert unescaped_texts(page, hostile) == []


def test_a_hostile_zip_is_refused_whole_and_writes_nothing_outside_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat
    import tempfile
    import zipfile

    temp = tmp_path / "temp" / "deep"  # a zip slip's ../../ would land in tmp_path
    temp.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    incoming = tmp_path / "incoming"
    incoming.mkdir()

    def archive(name: str, member: str, content: bytes, *, link: bool = False) -> Path:
        path = incoming / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
            zipped.writestr("article.txt", ARTICLE)
            info = zipfile.ZipInfo(member)
            info.create_system = 3
            info.external_attr = ((stat.S_IFLNK | 0o777) if link else (stat.S_IFREG | 0o644)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, content)
        return path

    hostile = [
        archive("slip.zip", "../../planted.txt", ARTICLE.encode()),
        archive("absolute.zip", str(tmp_path / "planted.txt"), ARTICLE.encode()),
        archive("link.zip", "passwd.txt", b"/etc/passwd", link=True),
        archive("bomb.zip", "bomb.txt", b"\0" * (8 * 1024 * 1024)),
    ]
    project = tmp_path / "project" / "p.db"
    before = tree(tmp_path)
    for path in hostile:
        result = run_cli("--db", project, "import", path)
        assert result.exit_code == 1 and f"Error: {path}/" in result.output, result.output
        assert "Traceback" not in result.output
    after = tree(tmp_path)
    written = {name for name in after if before.get(name) != after[name]}
    assert {name for name in written if not name.startswith("project")} == set()
    with Store(project) as store:
        assert store.document_count() == 0, "nothing of a refused archive is imported"

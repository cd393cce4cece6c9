"""Every path the tool writes (exports, the report, backups): never onto the project or a
file it did not write, never through a planted link, nothing half-written or left over,
one clean line when it cannot."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.export import manifest_path_for
from annotator.core.models import Document
from annotator.core.store import Store

from reliability_support import assert_clean_failure, dump_file, fill_project, run_cli

FORMATS = (
    "jsonl", "spacy", "conll", "hf", "brat", "doccano", "labelstudio", "prodigy", "claimreview"
)
DATASET_FORMATS = tuple(kind for kind in FORMATS if kind != "claimreview")
SUFFIXES = {
    "jsonl": ".jsonl",
    "spacy": ".spacy",
    "conll": ".conll",
    "hf": "",
    "brat": "",
    "doccano": ".doccano.jsonl",
    "labelstudio": ".labelstudio.json",
    "prodigy": ".prodigy.jsonl",
    "claimreview": ".claimreview.jsonld",
}
BACKUP_KEPT = "project.db.before-v2.bak"
"""The copy the tool takes before a schema upgrade (``migrations.backup_path``)."""


def write_command(kind: str, target: Path) -> list[str | Path]:
    """The command line that writes ``target``: an export in a format, the report, a backup."""
    if kind == "report":
        return ["report", "-o", target]
    if kind == "backup":
        return ["backup", "--force", target]
    return ["export", "--format", kind, "-o", target]


def project_spellings(project: Path) -> dict[str, Path]:
    """The project and its side files, each reached the ways a user can spell a path."""
    folder = project.parent
    (folder / "sub").mkdir(exist_ok=True)
    link = folder / "link-to-project.db"
    if not link.is_symlink():
        link.symlink_to(project)
    hard = folder / "hard-link.db"
    if not hard.exists():
        os.link(project, hard)
    linked_folder = folder.parent / f"{folder.name}-linked"
    if not linked_folder.is_symlink():
        linked_folder.symlink_to(folder, target_is_directory=True)
    return {
        "the project": project,
        "another spelling": folder / "sub" / ".." / "." / project.name,
        "a symbolic link": link,
        "a hard link": hard,
        "a linked folder": linked_folder / project.name,
        "the write-ahead log": folder / f"{project.name}-wal",
        "the shared memory": folder / f"{project.name}-shm",
        "the rollback journal": folder / f"{project.name}-journal",
        "a dangling link to the journal": folder / "journal-link",
        "the upgrade backup": folder / BACKUP_KEPT,
    }


@pytest.mark.parametrize("kind", [*FORMATS, "report", "backup"])
def test_no_output_is_ever_the_project_or_its_side_files(
    filled_project: Path, kind: str
) -> None:
    before = dump_file(filled_project)
    backup_kept = filled_project.parent / BACKUP_KEPT
    backup_kept.write_bytes(b"the project before its upgrade")
    (filled_project.parent / "journal-link").symlink_to(f"{filled_project.name}-journal")
    for how, target in project_spellings(filled_project).items():
        result = run_cli("--db", filled_project, *write_command(kind, target))
        assert_clean_failure(result, "project")
        assert dump_file(filled_project) == before, how
        assert backup_kept.read_bytes() == b"the project before its upgrade", how
        assert not (filled_project.parent / f"{filled_project.name}-journal").exists(), how
        with Store(filled_project) as store:
            assert store.integrity_check() == "ok"


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_to_a_folder_gives_one_clean_line(
    filled_project: Path, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    # `-o .` (and an existing folder for a file format): one line, exit status 1.
    monkeypatch.chdir(folder)
    assert_clean_failure(run_cli("--db", filled_project, *write_command(kind, Path("."))))
    assert_clean_failure(run_cli("--db", filled_project, *write_command(kind, folder)))
    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_a_brat_export_into_the_current_empty_folder_works(
    filled_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "brat-here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = run_cli("--db", filled_project, "export", "--format", "brat", "-o", ".")
    assert result.exit_code == 0, result.output
    assert (folder / "annotation.conf").is_file()
    assert len(list(folder.glob("*/*.ann"))) == 10  # 5 articles, 2 annotators


# -- the window's Export and Report ------------------------------------------------------


@pytest.fixture
def window_on(qtbot, tmp_path: Path):
    """``window_on(project)``: the real main window, shown, on its own settings file."""
    from PySide6.QtCore import QSettings

    from annotator.ui.preferences import Preferences
    from annotator.ui.shell.main_window import MainWindow

    opened = []

    def make(project: Path):
        preferences = Preferences(
            QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        )
        store = Store(project)
        window = MainWindow(store, project, "alice", preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, store))
        return window

    yield make
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for window, store in opened:
        window.tasks.wait()
        window.close()
        # Nothing may reach the store once it is closed.
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


def without_languages(dump: dict) -> dict:
    """The project as a user would miss it, but for the language the window and the
    exports record for an article on first reading it."""
    documents = [{**document, "language": None} for document in dump["documents"]]
    return {**dump, "documents": documents}


@pytest.fixture
def answered_message_boxes():
    """Close every message box shown during the test, keeping their texts; stopped at
    the test's end (left running, it would close later tests' boxes too)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def close_boxes() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                widget.done(QMessageBox.StandardButton.Ok)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(close_boxes)
    timer.start()
    yield seen
    timer.stop()


def test_the_windows_export_and_report_refuse_the_project(
    qtbot, window_on, filled_project: Path, answered_message_boxes: list[str]
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.import_export.export_dialog import ExportDialog

    spellings = project_spellings(filled_project)
    window = window_on(filled_project)
    before = without_languages(dump_file(filled_project))
    messages = answered_message_boxes
    # File > Export: the dialog says so at once and stays open with the user's choices.
    for format_name in ("jsonl", "brat"):
        for target in (spellings["a symbolic link"], spellings["the write-ahead log"]):
            stayed: list[bool] = []

            def fill(
                format_name: str = format_name, target: Path = target, stayed: list = stayed
            ) -> None:
                dialog = QApplication.activeModalWidget()
                if not isinstance(dialog, ExportDialog):
                    QTimer.singleShot(20, fill)
                    return
                dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(format_name))
                dialog.path_edit.setText(str(target))
                shown = len(messages)
                qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: len(messages) > shown)
                stayed.append(dialog.isVisible())
                dialog.reject()

            QTimer.singleShot(0, fill)
            window.export_action.trigger()
            assert stayed == [True]
            assert "never writes over its project" in messages[-1]
    # The export and the report as the window runs them, in the background.
    with qtbot.waitSignal(window.exportFinished, timeout=20000) as export_finished:
        window.start_export(spellings["a hard link"], format_name="labelstudio")
    assert export_finished.args == [None]
    with qtbot.waitSignal(window.attribution.reportFinished, timeout=20000) as report_finished:
        window.attribution.write_report(spellings["another spelling"])
    assert report_finished.args == [None]
    assert all("never writes over its project" in message for message in messages[-2:])
    window.tasks.wait()
    assert without_languages(dump_file(filled_project)) == before


# -- a brat export never deletes what it did not write -------------------------------------


def brat_files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def test_a_brat_export_never_deletes_the_users_files(filled_project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    (folder / "thesis").mkdir(parents=True)
    (folder / "notes.txt").write_text("interview notes", encoding="utf-8")
    (folder / "thesis" / "chapter1.md").write_text("# Chapter 1", encoding="utf-8")
    mine = brat_files(folder)
    result = run_cli("--db", filled_project, "export", "--format", "brat", "-o", folder)
    assert_clean_failure(result, str(folder), "did not write")
    assert brat_files(folder) == mine
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "thesis"]


def test_a_brat_export_into_the_projects_own_folder_is_refused(filled_project: Path) -> None:
    folder = filled_project.parent
    (folder / "notes.txt").write_text("interview notes", encoding="utf-8")
    before = dump_file(filled_project)
    for spelling in (folder, folder / "sub" / "..", Path(os.path.relpath(folder))):
        (folder / "sub").mkdir(exist_ok=True)
        result = run_cli("--db", filled_project, "export", "--format", "brat", "-o", spelling)
        assert_clean_failure(result, "project")
    assert dump_file(filled_project) == before
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "interview notes"
    assert not (folder / "annotation.conf").exists()


def test_a_brat_export_again_replaces_only_the_files_it_wrote(
    filled_project: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "brat"
    first = run_cli("--db", filled_project, "export", "--format", "brat", "-o", folder)
    assert first.exit_code == 0, first.output
    written = brat_files(folder)
    (folder / "README-for-the-desk.txt").write_text("do not delete", encoding="utf-8")
    (folder / "alice" / "my-notes.txt").write_text("alice's notes", encoding="utf-8")
    # A new article: the second export writes more files and keeps the user's.
    with Store(filled_project) as store:
        document = Document.from_text("Un nouvel article sur Meta.", source="new.txt")
        store.add_documents([document])
        store.add_span(store.make_span(document, "alice", 0, 2, "claim"))
    second = run_cli("--db", filled_project, "export", "--format", "brat", "-o", folder)
    assert second.exit_code == 0, second.output
    now = brat_files(folder)
    assert now["README-for-the-desk.txt"] == b"do not delete"
    assert now["alice/my-notes.txt"] == b"alice's notes"
    assert set(written) < set(now)
    assert f"alice/{document.id[:16]}.ann" in now
    # A file it wrote, since changed by hand (in brat): never overwritten.
    edited = folder / next(name for name in written if name.endswith(".ann"))
    edited.write_text("T1\tclaim 0 2\tUn\n# corrected by hand\n", encoding="utf-8")
    third = run_cli("--db", filled_project, "export", "--format", "brat", "-o", folder)
    assert_clean_failure(third, edited.name, "changed")
    assert edited.read_text(encoding="utf-8").endswith("# corrected by hand\n")


def test_an_empty_folder_takes_a_brat_export(filled_project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run_cli("--db", filled_project, "export", "--format", "brat", "-o", folder)
    assert result.exit_code == 0, result.output
    assert (folder / "annotation.conf").is_file()


# -- a full disk --------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path, free_bytes: int) -> Iterator[Path]:
    """A tmpfs at ``folder`` with about ``free_bytes`` left (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace')}")
    try:
        filler = folder / "filler.bin"
        free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        filler.write_bytes(b"\0" * max(0, free - free_bytes))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# A ClaimReview export of this project (no reviewed claim) is a few bytes: no disk fills.
@pytest.mark.parametrize("kind", [*DATASET_FORMATS, "report", "backup"])
def test_a_full_disk_during_an_export_gives_one_line_and_leaves_nothing(
    filled_project: Path, tmp_path: Path, kind: str
) -> None:
    with small_disk(tmp_path / "disk", free_bytes=8 * 1024) as disk:
        target = disk / f"out{SUFFIXES.get(kind, '.html' if kind == 'report' else '.db')}"
        result = run_cli("--db", filled_project, *write_command(kind, target))
        assert_clean_failure(result, str(target))
        assert sorted(path.name for path in disk.iterdir()) == ["filler.bin"]
        assert "Traceback" not in result.output


SIDE_FILES = {
    "jsonl": "out.manifest.json",
    "labelstudio": "out.labelstudio.config.xml",
}


@pytest.mark.parametrize("kind", sorted(SIDE_FILES))
def test_an_export_whose_last_file_fails_leaves_the_previous_one_whole(
    filled_project: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / "exports"
    target = out / f"out{SUFFIXES[kind]}"
    first = run_cli("--db", filled_project, *write_command(kind, target))
    assert first.exit_code == 0, first.output
    with Store(filled_project) as store:
        document = Document.from_text("Un nouvel article sur Meta.", source="new.txt")
        store.add_documents([document])
        store.add_span(store.make_span(document, "alice", 0, 2, "claim"))
    # A file written after the main one cannot be: its place is taken by a folder.
    side = out / SIDE_FILES[kind]
    side.unlink()
    side.mkdir()
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    result = run_cli("--db", filled_project, *write_command(kind, target))
    assert_clean_failure(result, str(side))
    after = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    assert after == before, "the export left last week's files half replaced"
    assert side.is_dir() and hidden_entries(out) == []


# -- a link planted at a temporary name ---------------------------------------------------


@pytest.mark.parametrize("kind", [*FORMATS, "report", "backup"])
def test_a_link_planted_where_an_export_writes_is_never_followed(
    filled_project: Path, tmp_path: Path, kind: str
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("a colleague's file", encoding="utf-8")
    target = shared / f"out{SUFFIXES.get(kind, '.html' if kind == 'report' else '.db')}"
    # Every temporary name the tool ever used beside its output.
    planted = [
        shared / f".{target.name}.partial",
        shared / f".{target.name}.old",
        shared / f"{target.name}.partial",
        shared / f".{manifest_path_for(target).name}.partial",
        shared / f".{target.name}.partial-journal",
        shared / f"{target.name}.partial-journal",
    ]
    for link in planted:
        link.symlink_to(victim)
    result = run_cli("--db", filled_project, *write_command(kind, target))
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "a colleague's file"
    assert target.exists() and not target.is_symlink()


# -- an export killed half-way --------------------------------------------------------------


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 articles, 100,000 spans: an export that takes long enough to be killed."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Store(path) as store:
        made = [
            Document.from_text(f"Article {n}. " + "Meta a offert 100 M$ à Sam Altman. " * 200)
            for n in range(1000)
        ]
        store.add_documents(made)
        store.add_spans(
            [
                store.make_span(document, "alice", 13 + 35 * i, 13 + 35 * i + 4, "organisation")
                for document in made
                for i in range(100)
            ],
            made,
        )
    return path


def hidden_entries(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def kill_while_writing(command: list[str], *watched: Path) -> list[str]:
    """Run ``command``, SIGKILL it as soon as a hidden file appears in a ``watched``
    folder; what it left there (empty when it finished first)."""

    def left() -> list[str]:
        return [name for folder in watched for name in hidden_entries(folder)]

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while not left() and process.poll() is None:
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return left()


@pytest.mark.parametrize("kind", ["jsonl", "brat"])
def test_what_a_killed_export_leaves_is_removed_by_the_next_one(
    tmp_path: Path, big_project: Path, kind: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / {"jsonl": "gold.jsonl", "brat": "brat"}[kind]
    command = [sys.executable, "-m", "annotator", "--db", str(big_project)]
    command += [str(part) for part in write_command(kind, target)]
    for _attempt in range(5):  # a loaded machine may let the export finish first
        left = kill_while_writing(command, out, target)
        if left and left != [".annotator-export.json"]:
            break
        shutil.rmtree(target, ignore_errors=True)
    assert left, "every export finished before it could be killed"
    user_file = out / ".my-settings"
    user_file.write_text("mine", encoding="utf-8")
    again = run_cli("--db", big_project, *write_command(kind, target))
    assert again.exit_code == 0, again.output
    assert hidden_entries(out) == [".my-settings"]
    assert user_file.read_text(encoding="utf-8") == "mine"
    if kind == "brat":
        assert hidden_entries(target) == [".annotator-export.json"]


# -- a zip that expands far beyond its size -------------------------------------------------


def test_a_zip_expanding_far_beyond_its_size_is_refused_whole(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "many.zip"
    member = b"\0" * 1_000_000  # under the per-member ratio check's floor
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("first.txt", "Un article bien réel sur Meta.")
        for number in range(300):
            zipped.writestr(f"part-{number:04}.txt", member)
    assert archive.stat().st_size < 1_000_000
    project = tmp_path / "project.db"
    fill_project(project, spans_per_document=2)
    before = dump_file(project)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    from annotator.core.importing import archives

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tempfile.tempdir", str(temporary))
        with pytest.raises(InputError) as refused:
            with archives.extracted(archive):
                pass
    assert "many.zip" in str(refused.value) and "times its size" in str(refused.value)
    assert list(temporary.iterdir()) == []
    result = run_cli("--db", project, "import", archive)
    assert_clean_failure(result, "many.zip")
    assert dump_file(project) == before


def test_a_zip_expanding_beyond_the_free_space_is_refused_whole(tmp_path: Path) -> None:
    import zipfile

    from annotator.core.importing import archives

    archive = tmp_path / "large.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for number in range(4):
            zipped.writestr(f"article-{number}.txt", os.urandom(100_000).hex())
    with small_disk(tmp_path / "disk", free_bytes=256 * 1024) as disk:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("tempfile.tempdir", str(disk))
            with pytest.raises(InputError) as refused:
                with archives.extracted(archive):
                    pass
        assert "large.zip" in str(refused.value) and "free" in str(refused.value)
        assert sorted(path.name for path in disk.iterdir()) == ["filler.bin"]

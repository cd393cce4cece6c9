"""A folder an export writes (brat's): only files the tool wrote are ever replaced.

A folder takes an export when it is new, empty, or was written by an earlier export:
the marker ``.annotator-export.json`` there lists every file the tool wrote, with its
SHA-256. Only those are replaced, and those the new export no longer has are removed;
a file changed since (corrections made in brat) or a file the tool did not write where
the export would put one makes it refuse, naming the file. Anything else in the folder
is left alone. A non-empty folder without the marker, and the project's own folder, are
refused.

New files are written into a hidden temporary folder inside the target first, named and
locked as ``atomic_files`` names its temporary files, and moved into place only once all
are written: a failure leaves the folder as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import shutil
import stat
import threading
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import IO, Any

from annotator.core.files.atomic_files import (
    OutputError,
    create_directory_lock,
    is_temporary_name,
    output_error,
    remove_leftovers,
    temporary_name,
    write_now,
)
from annotator.core.files.output_paths import OutputRefused, check_output, check_output_folder

MARKER = ".annotator-export.json"
"""The list of files an export wrote into its folder."""
_FOLDER_KEPT = "the folder is left as it was"
_QUEUED_FILES = 256
"""Whole files made and waiting for the writing thread, at most."""


class StagedFiles:
    """The files of an export as it makes them, written into the hidden staging folder
    at once (a folder of 100,000 files is never held in memory): each file whole
    (``write``) or piece by piece (``append``), its SHA-256 taken as it is written.

    Whole files are created on a thread of their own while the export makes the next
    ones: creating a file waits on the disk, and the thread lets that wait overlap the
    work. ``close`` waits for them all and raises what failed."""

    def __init__(self, staging: Path) -> None:
        self._staging = staging
        self._streams: dict[str, tuple[IO[bytes], Any]] = {}
        self._folders: set[str] = set()
        """Folders made in the staging folder: a folder of 100,000 files is made once,
        not asked for again at each."""
        self.hashes: dict[str, str] = {}
        """Relative POSIX name -> SHA-256 of every file written, in the order written."""
        self._pending: queue.Queue[tuple[str, bytes, bool] | None] = queue.Queue(_QUEUED_FILES)
        self._failures: list[BaseException] = []
        self._writer = threading.Thread(
            target=self._write_pending, name="annotator-staged-files", daemon=True
        )
        self._writer.start()

    def write(self, relative: Path | str, text: str) -> None:
        if self._failures:
            raise self._failures[0]
        name = PurePosixPath(relative).as_posix()
        data = text.encode("utf-8")
        # Bytes as they are: the text's own line breaks stay (offsets count them).
        self._pending.put((name, data, name in self.hashes))
        self.hashes[name] = hashlib.sha256(data).hexdigest()

    def _write_pending(self) -> None:
        while (item := self._pending.get()) is not None:
            try:
                if not self._failures:
                    name, data, again = item
                    with open(self._new(name, again), "wb") as file:
                        file.write(data)
            except BaseException as error:  # raised in the exporting thread
                self._failures.append(error)
            finally:
                self._pending.task_done()
        self._pending.task_done()

    def _wait(self) -> None:
        """Every whole file queued is written; what failed is raised."""
        self._pending.join()
        if self._failures:
            raise self._failures[0]

    def append(self, relative: Path | str, text: str) -> None:
        name = PurePosixPath(relative).as_posix()
        if name not in self._streams:
            self._wait()
            self._streams[name] = (open(self._new(name, name in self.hashes), "wb"),
                                   hashlib.sha256())
            self.hashes[name] = ""
        file, digest = self._streams[name]
        data = text.encode("utf-8")
        file.write(data)
        digest.update(data)

    def rewrite_lines(self, relative: Path | str, change: Callable[[str], str]) -> None:
        """Pass every line of an appended file through ``change``, one at a time."""
        name = PurePosixPath(relative).as_posix()
        self._finish(name)
        original = self._staging / name
        moved = original.with_name(original.name + ".before")
        os.replace(original, moved)
        with open(moved, encoding="utf-8", newline="") as lines:
            for line in lines:
                self.append(name, change(line))
        moved.unlink()

    def names(self) -> list[str]:
        return list(self.hashes)

    def close(self, *, failed: bool = False) -> None:
        """Finish every file; unless the export already ``failed``, raise what could not
        be written."""
        if self._writer.is_alive():
            self._pending.put(None)
            self._writer.join()
        for name in list(self._streams):
            self._finish(name)
        if self._failures and not failed:
            raise self._failures[0]

    def _finish(self, name: str) -> None:
        file, digest = self._streams.pop(name)
        file.close()
        self.hashes[name] = digest.hexdigest()

    def _new(self, name: str, again: bool) -> str:
        written = os.path.join(self._staging, name)
        folder = os.path.dirname(written)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        if again:  # a name written twice: the last content wins
            with contextlib.suppress(FileNotFoundError):
                os.unlink(written)
        return written


def write_export_folder(
    folder: Path,
    files: Mapping[Path, str] | Callable[[StagedFiles], None],
    format_name: str,
) -> None:
    """Write ``files`` into ``folder``: paths relative to ``folder`` -> text, or a
    function that writes them into the ``StagedFiles`` it is given as it makes them."""
    folder = Path(folder)
    check_output_folder(folder)
    if os.path.lexists(folder) and not folder.is_dir():
        raise OutputRefused(f"{folder}: is a file; a {format_name} export writes a folder")
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(folder, error) from error
    try:
        remove_leftovers(folder)
        try:
            previous = _previous_export(folder, format_name)
            # Files changed since the last export refuse it before the work; names the
            # export adds are known, and checked, once it is written.
            _check_replaceable(folder, set(previous), previous)
        except OSError as error:
            raise output_error(folder, error, kept=_FOLDER_KEPT) from error
        fill = files if callable(files) else _writing(files)
        _write_in(folder, fill, previous, format_name)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _writing(files: Mapping[Path, str]) -> Callable[[StagedFiles], None]:
    def fill(staged: StagedFiles) -> None:
        for relative, text in files.items():
            staged.write(relative, text)

    return fill


def _previous_export(folder: Path, format_name: str) -> dict[str, list[str]]:
    """name -> SHA-256s of the files an earlier export wrote here; refuses a folder
    that holds anything else and has no marker."""
    marker = folder / MARKER
    try:
        found = os.lstat(marker)
    except FileNotFoundError:
        others = sorted(name for name in os.listdir(folder) if not is_temporary_name(name))
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise OutputRefused(
                f"{folder}: holds files annotator did not write ({shown}); export to a new "
                f"or empty folder (annotator never deletes or replaces a file it did not write)"
            ) from None
        return {}
    if not stat.S_ISREG(found.st_mode):
        raise OutputRefused(f"{marker}: is not a file annotator wrote; export to a new folder")
    try:
        listed = json.loads(_read_bytes(marker))
        files = listed["files"]
        if not isinstance(files, dict) or not all(
            isinstance(name, str) and isinstance(digests, list) for name, digests in files.items()
        ):
            raise TypeError("files")
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise OutputRefused(
            f"{marker}: unreadable ({error}); export to a new folder, or remove the folder "
            "yourself"
        ) from error
    return {str(name): [str(digest) for digest in digests] for name, digests in files.items()}


def _read_bytes(path: Path) -> bytes:
    # Never through a link, and never waiting on a pipe put where a file was.
    fd = os.open(
        path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    )
    with os.fdopen(fd, "rb") as file:
        return file.read()


def _check_replaceable(folder: Path, names: set[str], previous: dict[str, list[str]]) -> None:
    """Refuse when a file the export would replace or remove is not, byte for byte, one
    an earlier export wrote."""
    for name in sorted(names):
        target = folder / name
        check_output(target)
        for parent in reversed(PurePosixPath(name).parents[:-1]):
            try:
                mode = os.lstat(folder / parent).st_mode
            except FileNotFoundError:
                break
            if not stat.S_ISDIR(mode):
                raise OutputRefused(
                    f"{folder / parent}: is not a folder annotator made; move it away or "
                    "export to another folder"
                )
        try:
            mode = os.lstat(target).st_mode
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(mode) or name not in previous:
            raise OutputRefused(
                f"{target}: annotator did not write it; move it away or export to another "
                "folder (annotator never replaces a file it did not write)"
            )
        if hashlib.sha256(_read_bytes(target)).hexdigest() not in previous[name]:
            raise OutputRefused(
                f"{target}: changed since annotator wrote it (by hand, or in brat); move it "
                "away or export to another folder (annotator never overwrites it)"
            )


def _write_marker(folder: Path, files: dict[str, list[str]], format_name: str) -> None:
    listed: dict[str, Any] = {
        "written_by": "annotator",
        "format": format_name,
        "note": "The files annotator wrote here; it replaces only these on the next export.",
        "files": dict(sorted(files.items())),
    }
    # In place before the files it names move (not at the end of the whole export).
    write_now(folder / MARKER, (json.dumps(listed, indent=1) + "\n").encode("utf-8"))


def _write_in(
    folder: Path,
    fill: Callable[[StagedFiles], None],
    previous: dict[str, list[str]],
    format_name: str,
) -> None:
    staging = folder / temporary_name(folder.name or "export")
    try:
        os.mkdir(staging)
        lock = create_directory_lock(staging)
    except OSError as error:
        raise output_error(folder, error, kept=_FOLDER_KEPT) from error
    try:
        staged = StagedFiles(staging)
        try:
            try:
                fill(staged)
            except BaseException:
                staged.close(failed=True)
                raise
            staged.close()
        except OSError as error:
            raise output_error(folder, error, kept=_FOLDER_KEPT) from error
        hashes = staged.hashes
        try:
            _check_replaceable(folder, set(hashes) - set(previous), previous)
        except OSError as error:
            raise output_error(folder, error, kept=_FOLDER_KEPT) from error
        # Either content is the tool's while files move: a kill half-way leaves a folder
        # the next export still recognises.
        during = {
            name: sorted({*previous.get(name, ()), hashes.get(name, "")} - {""})
            for name in set(previous) | set(hashes)
        }
        _write_marker(folder, during, format_name)
        try:
            made: set[str] = set()
            for name in hashes:
                target = os.path.join(folder, name)
                parent = os.path.dirname(target)
                if parent not in made:
                    os.makedirs(parent, exist_ok=True)
                    made.add(parent)
                os.replace(os.path.join(staging, name), target)
            for name in sorted(set(previous) - set(hashes)):
                (folder / name).unlink(missing_ok=True)
                _remove_empty_parents(folder, name)
        except OSError as error:
            raise OutputError(
                f"{folder}: cannot finish the export ({error.strerror or error}); run it again"
            ) from error
        _write_marker(folder, {name: [hashes[name]] for name in hashes}, format_name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


def _remove_empty_parents(folder: Path, name: str) -> None:
    for parent in PurePosixPath(name).parents[:-1]:
        try:
            (folder / parent).rmdir()
        except OSError:
            return  # not empty: something else lives there

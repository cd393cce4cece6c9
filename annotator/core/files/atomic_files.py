"""Files that appear complete or not at all.

Everything is written under a hidden temporary name beside the target, flushed to disk,
and renamed over the target only once the last byte is written; on any failure (or a
cancel) the temporary file is removed and the target is untouched.

The temporary name is unpredictable (``.NAME.annotator-RANDOM.partial``) and created
exclusively without following links, so a link planted in a shared folder is never
written through; the rename replaces the target's name, never a file a link at it points
to. While it is written the file is locked: the next export to the same target removes
what a killed one left (only names of that pattern, only when no writer holds them).
A failure to write (a full disk, a folder that refuses) is an ``OutputError`` naming the
target.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import re
import secrets
import shutil
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from annotator.core.errors import AnnotatorError
from annotator.core.files.output_paths import check_file_output

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]

CHUNK_BYTES = 1 << 20
"""Lines are handed to the writing thread in chunks of about this size."""

SYNC_EVERY_BYTES = 32 << 20
"""The writing thread asks the disk to catch up this often, so the final fsync has
little left to wait for."""

_QUEUED_CHUNKS = 8

# macOS has no fdatasync; fsync does the same and a little more.
_sync_data: Callable[[int], None] = getattr(os, "fdatasync", os.fsync)

_NAME_KEPT = 120
"""Characters of the target's name kept in its temporary name (names end at 255 bytes)."""
_RANDOM = re.compile(r"annotator-[0-9a-f]{16}\.partial(-journal|-wal|-shm)?")
"""A temporary name's end; SQLite adds its side files' suffixes to a backup's."""
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class OutputError(AnnotatorError):
    """An output could not be written; nothing of it is left."""


def output_error(
    path: Path, error: OSError, *, existed: bool = False, kept: str | None = None
) -> OutputError:
    """One line for a write that failed: the path, why, and what is left (``kept``, else
    the previous file when ``existed``, else nothing)."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = f"the disk is full ({reason})"
    if kept is None:
        kept = "the previous file is left as it was" if existed else "nothing was written"
    return OutputError(f"{path}: cannot write it: {reason}; {kept}")


def _partial_prefix(name: str) -> str:
    return f".{name[:_NAME_KEPT]}."


def temporary_name(name: str) -> str:
    """A fresh hidden name for writing ``name``: ``.NAME.annotator-RANDOM.partial``."""
    return f"{_partial_prefix(name)}annotator-{secrets.token_hex(8)}.partial"


def is_temporary_name(entry: str, name: str | None = None) -> bool:
    """True for a name ``temporary_name`` makes (for ``name``, when given)."""
    if name is not None:
        prefix = _partial_prefix(name)
        return entry.startswith(prefix) and bool(_RANDOM.fullmatch(entry[len(prefix) :]))
    found = _RANDOM.search(entry)
    return entry.startswith(".") and found is not None and found.end() == len(entry)


def _held(path: str) -> bool:
    """True when a writer still holds ``path`` (a live export), by its lock."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def remove_leftovers(folder: Path, name: str | None = None) -> None:
    """Remove what killed writers left in ``folder`` (for the target ``name``): only
    entries named by ``temporary_name``, regular files or folders (never a link), that
    no live writer holds."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not is_temporary_name(entry.name, name):
            continue
        # SQLite's side files of a temporary file live and die with it.
        owner = re.sub(r"-(journal|wal|shm)$", "", entry.path)
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode) or (os.path.lexists(owner) and _held(owner)):
                continue
            if stat.S_ISDIR(mode):
                shutil.rmtree(entry.path)
            elif stat.S_ISREG(mode):
                os.unlink(entry.path)
        except OSError:
            continue  # another export is removing it, or it is not ours to remove


def _locked_in_place(fd: int, path: Path) -> bool:
    """Lock the new temporary ``path`` open at ``fd`` as a live writer's; False when
    another export's clean-up took it in the instant before (it is gone: try another)."""
    try:
        if fcntl is not None:
            # Blocking: a clean-up holds it only while it checks it.
            fcntl.flock(fd, fcntl.LOCK_EX)
        held, there = os.fstat(fd), os.lstat(path)
    except FileNotFoundError:
        return False
    except BaseException:
        os.close(fd)
        raise
    return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)


def create_directory_lock(folder: Path) -> int:
    """Lock the new temporary ``folder`` as a live writer's (see ``remove_leftovers``);
    the descriptor returned holds the lock until it is closed."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(folder, flags)
    if not _locked_in_place(fd, folder):
        os.close(fd)
        raise FileNotFoundError(errno.ENOENT, "removed while it was created", str(folder))
    return fd


def create_temporary(target: Path) -> tuple[int, Path]:
    """A new, locked, empty file beside ``target`` under a fresh temporary name:
    (descriptor, path). Never opens an existing path and never follows a link."""
    for _attempt in range(100):
        partial = target.with_name(temporary_name(target.name))
        try:
            fd = os.open(partial, _CREATE_FLAGS, 0o666)
        except FileExistsError:
            continue
        if _locked_in_place(fd, partial):
            return fd, partial
        os.close(fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _prepare(path: Path) -> bool:
    """Check ``path`` may be written, make its folder, clear leftovers; True when a file
    is already there."""
    check_file_output(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path.parent, path.name)
    return os.path.lexists(path)


@contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    """For writers that need a path, not a file (SQLite's backup): a locked empty file
    beside ``path``, moved over it when the block ends without error."""
    path = Path(path)
    existed = False
    try:
        existed = _prepare(path)
        fd, partial = create_temporary(path)
    except OSError as error:
        raise output_error(path, error, existed=existed) from error
    try:
        yield partial
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise output_error(path, error, existed=existed) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


@dataclass
class _Written:
    """A complete temporary file waiting to replace its target."""

    fd: int
    partial: Path
    path: Path
    existed: bool


_waiting: ContextVar[list[_Written] | None] = ContextVar("annotator_waiting_files", default=None)


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Files written within the block replace their targets together when it ends
    without error, or none does: an export's main file, its side files and its manifest
    (a full disk at the manifest leaves last week's export and manifest as they were).
    Nested blocks belong to the outermost."""
    if _waiting.get() is not None:
        yield
        return
    waiting: list[_Written] = []
    token = _waiting.set(waiting)
    try:
        yield
        for done, written in enumerate(waiting):
            try:
                os.replace(written.partial, written.path)
            except OSError as error:
                raise output_error(
                    written.path,
                    error,
                    kept=f"{done} of the {len(waiting)} files were already replaced",
                ) from error
    finally:
        _waiting.reset(token)
        for written in waiting:
            written.partial.unlink(missing_ok=True)  # gone once moved into place
            os.close(written.fd)


@contextmanager
def _replacing(path: Path, binary: bool, *, now: bool = False) -> Iterator[IO[Any]]:
    """A file to write, under a temporary name until the block ends without error;
    then it replaces ``path`` (at the end of ``all_or_nothing``, unless ``now``). Its
    descriptor (and lock) is held until it is in place."""
    existed = False
    try:
        existed = _prepare(path)
        fd, partial = create_temporary(path)
    except OSError as error:
        raise output_error(path, error, existed=existed) from error
    waiting = None if now else _waiting.get()
    try:
        if binary:
            file: IO[Any] = os.fdopen(fd, "wb", closefd=False)
        else:
            file = os.fdopen(fd, "w", encoding="utf-8", newline="\n", closefd=False)
        with file:
            yield file
            file.flush()
            os.fsync(fd)
        if waiting is not None:
            waiting.append(_Written(fd, partial, path, existed))
            return
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise output_error(path, error, existed=existed) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if waiting is None or not waiting or waiting[-1].fd != fd:
            os.close(fd)


def write_now(path: Path, data: bytes) -> None:
    """Write ``data`` atomically and at once, even inside ``all_or_nothing`` (a list
    that must be in place before the files it names are moved)."""
    with _replacing(Path(path), binary=True, now=True) as file:
        file.write(data)


def write_atomically(path: Path, write: Callable[[Any], None], mode: str = "w") -> None:
    """Run ``write(file)`` on a temporary file and move it into place only on success."""
    with _replacing(Path(path), binary="b" in mode) as file:
        write(file)


def write_lines_atomically(path: Path, lines: Iterable[bytes]) -> str:
    """Write the byte lines to ``path`` as ``write_atomically`` does; return the file's
    SHA-256 (hex).

    Writing, hashing and syncing run on a second thread while this one produces the
    next lines: all three release the GIL, so on two cores they cost the caller almost
    nothing (a tenth of a gold export of 500,000 spans). An exception raised while
    producing the lines, or while writing them, leaves no file behind.
    """
    path = Path(path)
    digest = hashlib.sha256()
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED_CHUNKS)
    failures: list[BaseException] = []
    with _replacing(path, binary=True) as file:

        def drain() -> None:
            unsynced = 0
            ended = False  # the producer's end mark was taken from the queue
            try:
                while (chunk := chunks.get()) is not None:
                    file.write(chunk)
                    digest.update(chunk)
                    unsynced += len(chunk)
                    if unsynced >= SYNC_EVERY_BYTES:
                        file.flush()
                        _sync_data(file.fileno())
                        unsynced = 0
                ended = True
                file.flush()
            except BaseException as error:  # handed to the producing thread
                failures.append(error)
                # Never leave the producer blocked on a full queue; after the end
                # mark nothing more comes, and waiting for one would hang.
                while not ended and chunks.get() is not None:
                    pass

        writer = threading.Thread(target=drain, name="annotator-file-writer", daemon=True)
        writer.start()
        try:
            for chunk in _chunked(lines):
                if failures:
                    break
                chunks.put(chunk)
        finally:
            chunks.put(None)
            writer.join()
        if failures:
            raise failures[0]
    return digest.hexdigest()


def _chunked(lines: Iterable[bytes]) -> Iterable[bytes]:
    batch: list[bytes] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield b"".join(batch)
            batch.clear()
            size = 0
    if batch:
        yield b"".join(batch)

"""Files that appear complete or not at all.

Everything is written under a hidden temporary name beside the target, flushed to disk,
and renamed over the target only once the last byte is written; on any failure (or a
cancel) the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

CHUNK_BYTES = 1 << 20
"""Lines are handed to the writing thread in chunks of about this size."""

SYNC_EVERY_BYTES = 32 << 20
"""The writing thread asks the disk to catch up this often, so the final fsync has
little left to wait for."""

_QUEUED_CHUNKS = 8

# macOS has no fdatasync; fsync does the same and a little more.
_sync_data: Callable[[int], None] = getattr(os, "fdatasync", os.fsync)


def partial_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def write_atomically(path: Path, write: Callable[[Any], None], mode: str = "w") -> None:
    """Run ``write(file)`` on a temporary file and move it into place only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path_for(path)
    try:
        binary = "b" in mode
        encoding = None if binary else "utf-8"
        newline = None if binary else "\n"
        with open(partial, mode, encoding=encoding, newline=newline) as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_lines_atomically(path: Path, lines: Iterable[bytes]) -> str:
    """Write the byte lines to ``path`` as ``write_atomically`` does; return the file's
    SHA-256 (hex).

    Writing, hashing and syncing run on a second thread while this one produces the
    next lines: all three release the GIL, so on two cores they cost the caller almost
    nothing (a tenth of a gold export of 500,000 spans). An exception raised while
    producing the lines, or while writing them, leaves no file behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path_for(path)
    digest = hashlib.sha256()
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED_CHUNKS)
    failures: list[BaseException] = []
    try:
        with open(partial, "wb") as file:

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
                    os.fsync(file.fileno())
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
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
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

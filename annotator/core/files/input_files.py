"""Reading the files a user hands over, safely.

A folder to import may hold more than articles: a ``.txt`` that is a link to
``/dev/zero`` (read forever), a named pipe (an open that never returns), a link to
``/etc/passwd``. Only regular files are read, never more than a size limit, and files
found in a folder only when they lie in it once links are followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.core.errors import InputError

ANNOTATED_FILE_LIMIT = 1024 * 1024 * 1024
"""Far above any export of an annotation tool; a bound all the same."""


def _os_reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def read_input_file(
    path: str | Path,
    shown: str | Path | None = None,
    *,
    limit: int,
    inside: str | Path | None = None,
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; with ``inside``, only if
    the file, links followed, is in that folder. Raises InputError naming ``shown``."""
    shown = str(path) if shown is None else str(shown)
    if inside is not None and not lies_inside(path, inside):
        raise InputError(shown, f"a link to {os.path.realpath(path)}, outside {inside}: not read")
    # Non-blocking, so that opening a named pipe returns at once (to be refused below).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError as error:
        raise InputError(shown, "is a folder, not a file") from error
    except OSError as error:
        raise InputError(shown, f"cannot read the file ({_os_reason(error)})") from error
    # The descriptor itself is read: a file object around it cost as much as the
    # reading (ten thousand articles).
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(shown, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(shown, "not a regular file (a device, pipe or socket): not read")
        if info.st_size > limit:
            raise InputError(shown, _too_large(info.st_size, limit))
        # As much as the file holds and a byte more: asking for the limit would make
        # a buffer of the limit (50 MB) for every 3 kB article.
        data = _read_at_most(descriptor, info.st_size + 1)
        if len(data) > info.st_size:  # it grew since: read on, up to the limit
            data += _read_at_most(descriptor, limit + 1 - len(data))
    except OSError as error:
        raise InputError(shown, f"cannot read the file ({_os_reason(error)})") from error
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(shown, _too_large(len(data), limit))
    return data


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Up to ``count`` bytes, fewer only at the end of the file (a read may return
    less than it was asked)."""
    chunks = []
    while count > 0:
        chunk = os.read(descriptor, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size // (1024 * 1024)} MB; at most {limit // (1024 * 1024)} MB)"


def lies_inside(path: str | Path, folder: str | Path) -> bool:
    """True when ``path``, every link followed, is ``folder`` or under it."""
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def printable_name(name: str) -> str | None:
    """None for a file name that is valid UTF-8; else the name with its bad bytes
    written as escapes (``caf\\xe9.txt``), fit to print and store."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return None

"""Zip archives handed over by colleagues (an INCEpTION project export, a zipped brat
collection, a zip of articles or of JSON exports), opened as if their folder had been
given.

``extracted`` checks every member before it writes anything, then copies the members
into a temporary folder that lives exactly as long as the ``with`` block. An archive
that could harm the machine or fill the disk is refused whole with an ``InputError``
naming the archive and the member: a member whose path is absolute or climbs out with
``..`` (zip slip), a symbolic link or other special file, an encrypted member, more
than ``MAX_MEMBERS`` members, more than ``MAX_TOTAL_BYTES`` once uncompressed, a member
compressed more than ``MAX_RATIO`` times (a zip bomb), and members that together expand
more than ``MAX_RATIO`` times the archive or beyond the free space. Hidden members and
``__MACOSX/`` are left in the archive, as hidden entries of a folder are.

What the user sees never names the temporary folder: a member is shown as
``ARCHIVE.zip/inner/path`` (``member_shown``), the way a file in a folder is shown as
``folder/inner/path``.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import InputError

ARCHIVE_SUFFIX = ".zip"

MAX_MEMBERS = 10_000
"""Far above any project export; an archive with more entries is refused."""
MAX_TOTAL_BYTES = 2 * 1024**3
"""2 GB uncompressed in all: far above any set of articles and annotations."""
MAX_RATIO = 100
"""Text compresses 3 to 20 times; deflate's own limit is about 1,000. A member larger
than ``RATIO_FLOOR_BYTES`` compressed more than this is a zip bomb."""
RATIO_FLOOR_BYTES = 1024 * 1024
"""Small members may compress very well (a file of spaces) and cannot fill a disk."""
EXPANSION_FLOOR_BYTES = 16 * 1024**2
"""An archive may always expand to this much in all: small archives of very repetitive
text exceed ``MAX_RATIO`` without being able to fill a disk. Above it, the members
together may take at most ``MAX_RATIO`` times the archive's size (many members each
under ``RATIO_FLOOR_BYTES`` are a zip bomb too), and never more than the free space of
the temporary folder."""
MACOS_FOLDER = "__MACOSX"
"""Where the Finder's "Compress" puts resource forks: never content."""

_CHUNK = 1024 * 1024


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


def is_archive(path: Path | str) -> bool:
    """True for a ``.zip`` file (or a ``.zip`` name that is not a folder)."""
    path = Path(path)
    return path.suffix.lower() == ARCHIVE_SUFFIX and not path.is_dir()


def member_shown(archive: str, member: str) -> str:
    """How a member is named to the user: ``ARCHIVE.zip/inner/path``."""
    return f"{archive}/{member.strip('/')}" if member.strip("/") else archive


def _parts(name: str) -> list[str]:
    """A member's path, split; Windows tools sometimes write backslashes."""
    return [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]


def _is_skipped(parts: list[str]) -> bool:
    return any(part.startswith(".") or part == MACOS_FOLDER for part in parts)


def _refusal(info: zipfile.ZipInfo, seen: set[tuple[str, ...]]) -> str | None:
    """Why this member makes the archive unsafe to open, or None."""
    name = info.filename
    if "\x00" in name:
        return "a member name holds a NUL character"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "a member with an absolute path (it would be written outside the import)"
    if ".." in name.replace("\\", "/").split("/"):
        return "a member whose path climbs out with '..' (zip slip)"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link (links in an archive are not followed)"
    if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "a special file (device, pipe or socket), not a regular file"
    if info.flag_bits & 0x1:
        return "an encrypted member: unzip it with its password first"
    if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        ratio = info.file_size // max(info.compress_size, 1)
        return (
            f"compressed {ratio} times ({info.file_size} bytes from {info.compress_size}): "
            f"a zip bomb (more than {MAX_RATIO} times is refused)"
        )
    key = tuple(_parts(name))
    if not info.is_dir() and key in seen:
        return "a member that appears twice in the archive"
    seen.add(key)
    return None


def _check_expansion(total: int, archive_bytes: int, shown: str, folder: Path) -> None:
    """Refuse an archive whose members together expand too far (see
    ``EXPANSION_FLOOR_BYTES``), before anything is written."""
    if total > max(EXPANSION_FLOOR_BYTES, MAX_RATIO * archive_bytes):
        raise InputError(
            shown,
            f"expands to {_size(total)}, {total // max(archive_bytes, 1)} times its size (more "
            f"than {MAX_RATIO} times is refused): a zip bomb; nothing from the archive was read",
        )
    free = shutil.disk_usage(folder).free
    if total > free:
        raise InputError(
            shown,
            f"expands to {_size(total)}, more than the {_size(free)} free for its temporary "
            "folder; nothing from the archive was read",
        )


def _members(archive: zipfile.ZipFile, shown: str) -> list[tuple[zipfile.ZipInfo, list[str]]]:
    """The regular, visible members to extract, once every member has been checked."""
    infos = archive.infolist()
    total = 0
    seen: set[tuple[str, ...]] = set()
    wanted: list[tuple[zipfile.ZipInfo, list[str]]] = []
    for count, info in enumerate(infos, start=1):
        where = member_shown(shown, info.filename)
        if count > MAX_MEMBERS:
            raise InputError(
                where, f"the archive has more than {MAX_MEMBERS} members: refused, nothing read"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                where,
                f"the archive holds more than {_size(MAX_TOTAL_BYTES)} uncompressed: "
                "refused, nothing read",
            )
        reason = _refusal(info, seen)
        if reason is not None:
            raise InputError(where, f"{reason}; nothing from the archive was read")
        parts = _parts(info.filename)
        if not info.is_dir() and parts and not _is_skipped(parts):
            wanted.append((info, parts))
    return wanted


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, where: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(info) as source, open(target, "xb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > info.file_size:  # zipfile caps reads at it; never trust that alone
                raise InputError(where, "holds more than the archive says it does")
            out.write(chunk)


def _extract(path: Path, shown: str, folder: Path) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise InputError(shown, "no such file or folder") from error
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise InputError(shown, f"not a zip archive, or a damaged one ({error})") from error
    except OSError as error:
        raise InputError(shown, f"cannot read the archive ({error.strerror or error})") from error
    with archive:
        try:
            members = _members(archive, shown)
        except zipfile.BadZipFile as error:
            raise InputError(shown, f"a damaged zip archive ({error})") from error
        _check_expansion(
            sum(info.file_size for info, _parts in members), path.stat().st_size, shown, folder
        )
        for info, parts in members:
            where = member_shown(shown, "/".join(parts))
            try:
                _copy(archive, info, folder.joinpath(*parts), where)
            except InputError:
                raise
            except (zipfile.BadZipFile, zlib.error, EOFError) as error:
                raise InputError(where, f"damaged in the archive ({error})") from error
            except NotImplementedError as error:
                raise InputError(where, f"compressed in a way zip cannot read ({error})") from error
            except (OSError, RuntimeError) as error:
                reason = getattr(error, "strerror", None) or error
                raise InputError(where, f"cannot be extracted ({reason})") from error


@contextmanager
def extracted(path: Path | str) -> Iterator[Path]:
    """The archive's members in a temporary folder, removed when the block ends.

    Raises InputError naming the archive (and the member) when the archive is damaged,
    not a zip, or unsafe to open; then nothing of it is left on disk.
    """
    with tempfile.TemporaryDirectory(prefix="annotator-zip-") as name:
        folder = Path(name)
        _extract(Path(path), str(path), folder)
        yield folder

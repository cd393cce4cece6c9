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

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core.atomic_files import (
    OutputError,
    create_directory_lock,
    is_temporary_name,
    output_error,
    remove_leftovers,
    temporary_name,
    write_now,
)
from annotator.core.output_paths import OutputRefused, check_output, check_output_folder

MARKER = ".annotator-export.json"
"""The list of files an export wrote into its folder."""
_FOLDER_KEPT = "the folder is left as it was"


def write_export_folder(folder: Path, files: Mapping[Path, str], format_name: str) -> None:
    """Write ``files`` (paths relative to ``folder`` -> text) into ``folder``."""
    folder = Path(folder)
    check_output_folder(folder)
    if os.path.lexists(folder) and not folder.is_dir():
        raise OutputRefused(f"{folder}: is a file; a {format_name} export writes a folder")
    contents = {
        PurePosixPath(relative).as_posix(): text.encode("utf-8")
        for relative, text in files.items()
    }
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(folder, error) from error
    try:
        remove_leftovers(folder)
        try:
            previous = _previous_export(folder, format_name)
            _check_replaceable(folder, set(contents) | set(previous), previous)
        except OSError as error:
            raise output_error(folder, error, kept=_FOLDER_KEPT) from error
        _write_in(folder, contents, hashes, previous, format_name)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise


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
    contents: dict[str, bytes],
    hashes: dict[str, str],
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
        try:
            for name, data in contents.items():
                written = staging / name
                written.parent.mkdir(parents=True, exist_ok=True)
                # Bytes as they are: the text's own line breaks stay (offsets count them).
                with open(written, "xb") as file:
                    file.write(data)
        except OSError as error:
            raise output_error(folder, error, kept=_FOLDER_KEPT) from error
        # Either content is the tool's while files move: a kill half-way leaves a folder
        # the next export still recognises.
        during = {
            name: sorted({*previous.get(name, ()), hashes.get(name, "")} - {""})
            for name in set(previous) | set(contents)
        }
        _write_marker(folder, during, format_name)
        try:
            for name in contents:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / name, folder / name)
            for name in sorted(set(previous) - set(contents)):
                (folder / name).unlink(missing_ok=True)
                _remove_empty_parents(folder, name)
        except OSError as error:
            raise OutputError(
                f"{folder}: cannot finish the export ({error.strerror or error}); run it again"
            ) from error
        _write_marker(folder, {name: [hashes[name]] for name in contents}, format_name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


def _remove_empty_parents(folder: Path, name: str) -> None:
    for parent in PurePosixPath(name).parents[:-1]:
        try:
            (folder / parent).rmdir()
        except OSError:
            return  # not empty: something else lives there

"""Where an export, the report or a backup may write: never over the project.

The project is more than its file: SQLite keeps ``PROJECT-wal``, ``PROJECT-shm`` and
``PROJECT-journal`` beside it, and the tool keeps ``PROJECT.before-vN.bak`` before an
upgrade. Replacing any of them loses work, so every output is checked against all of them
however it is spelled: another path to the same file, a symbolic link (even a dangling
one), a hard link, a linked folder. Files are compared by device and inode from
``os.stat``, which never opens them (closing a descriptor of the project would drop the
locks SQLite holds on it), and names that do not exist yet by their real folder and name.

Writers in ``atomic_files`` and ``export_folders`` check every path they write against
the projects of the ``protecting`` blocks around them, so an export's manifest and side
files are checked as its main output is.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from annotator.core.errors import AnnotatorError

SIDE_FILES = {
    "-wal": "the project's write-ahead log",
    "-shm": "the project's shared-memory file",
    "-journal": "the project's rollback journal",
}
_UPGRADE_BACKUP = re.compile(r"\.before-v\d+\.bak")

_protected: ContextVar[tuple[Path, ...]] = ContextVar("annotator_protected_projects", default=())


class OutputRefused(AnnotatorError):
    """An output path that would replace the project, one of its files, or files the tool
    did not write."""


def _identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of what ``path`` names, following links; None if nothing is there."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def _same_folder(first: Path | str, second: Path | str) -> bool:
    one, other = _identity(first), _identity(second)
    return one is not None and one == other


def _project_file_named(name: str, project_name: str) -> str | None:
    """What ``name`` is among the project's files (by name alone), or None."""
    folded, project_folded = name.casefold(), project_name.casefold()
    if folded == project_folded:
        return "the project itself"
    if not folded.startswith(project_folded):
        return None
    rest = name[len(project_name) :]
    if rest.lower() in SIDE_FILES:
        return SIDE_FILES[rest.lower()]
    if _UPGRADE_BACKUP.fullmatch(rest):
        return "the copy of the project kept before an upgrade"
    return None


def project_file_refusal(target: Path | str, project: Path | str) -> str | None:
    """Why writing ``target`` would replace the project ``project`` or one of its files,
    or None when it would not."""
    project = Path(project)
    if str(project) == ":memory:":
        return None
    target = Path(target)
    # The link itself, then where it leads (a dangling link to PROJECT-journal would
    # create the journal).
    for candidate in dict.fromkeys([target, Path(os.path.realpath(target))]):
        target_id = _identity(candidate)
        if candidate.parent != candidate and _same_folder(candidate.parent, project.parent):
            what = _project_file_named(candidate.name, project.name)
            if what is not None:
                return what
        if target_id is None:
            continue
        for suffix, what in (("", "the project itself"), *SIDE_FILES.items()):
            if target_id == _identity(project.with_name(project.name + suffix)):
                return what
        backups = _upgrade_backups(project)
        if any(target_id == _identity(backup) for backup in backups):
            return "the copy of the project kept before an upgrade"
    return None


def _upgrade_backups(project: Path) -> list[Path]:
    try:
        with os.scandir(project.parent) as entries:
            return [
                Path(entry.path)
                for entry in entries
                if _project_file_named(entry.name, project.name)
                == "the copy of the project kept before an upgrade"
            ]
    except OSError:
        return []


def refuse_project_file(target: Path | str, project: Path | str) -> None:
    """Raise ``OutputRefused`` when writing ``target`` would replace the project's files."""
    what = project_file_refusal(target, project)
    if what is not None:
        raise OutputRefused(
            f"{target}: is {what} ({project}); choose another name: "
            "annotator never writes over its project"
        )


def project_folder_refusal(folder: Path | str, project: Path | str) -> str | None:
    """Why ``folder`` cannot take a folder-shaped export for ``project``, or None."""
    if str(project) == ":memory:":
        return None
    if _same_folder(folder, Path(project).parent):
        return "the project's own folder"
    return project_file_refusal(folder, project)


@contextmanager
def protecting(project: Path | str) -> Iterator[None]:
    """Within the block, every output ``check_output`` sees is checked against
    ``project``'s files (blocks nest: all their projects are protected)."""
    token = _protected.set((*_protected.get(), Path(project)))
    try:
        yield
    finally:
        _protected.reset(token)


def check_output(target: Path | str) -> None:
    """Refuse ``target`` if it is one of the protected projects' files."""
    for project in _protected.get():
        refuse_project_file(target, project)


def check_output_folder(folder: Path | str) -> None:
    for project in _protected.get():
        what = project_folder_refusal(folder, project)
        if what is not None:
            raise OutputRefused(
                f"{folder}: is {what} ({project}); export to a folder of its own: "
                "annotator never writes over its project"
            )


def check_file_output(target: Path | str) -> None:
    """``check_output``, and refuse a folder where a file is to be written."""
    check_output(target)
    try:
        is_folder = stat.S_ISDIR(os.stat(target).st_mode)
    except (OSError, ValueError):
        is_folder = False
    if is_folder:
        raise OutputRefused(f"{target}: is a folder; name the file to write inside it")


def output_refusal(target: Path | str, project: Path | str, *, folder: bool = False) -> str | None:
    """What the export would say when refusing ``target`` (a folder-shaped output when
    ``folder``) for ``project``, or None: for the window to ask again at once."""
    with protecting(project):
        try:
            if folder:
                check_output_folder(target)
            else:
                check_file_output(target)
        except OutputRefused as error:
            return str(error)
    return None

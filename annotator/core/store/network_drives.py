"""Telling a network drive from a local disk, before a project file is written there.

SQLite's write-ahead log keeps its index in shared memory (the ``-shm`` file, mapped by
every program that has the project open), which works only among programs on one
machine: on NFS, SMB/CIFS or sshfs two computers each see their own copy, and their
writes corrupt the project. Such a project is opened read-only, or not at all for
writing; a team shares a project on a server instead (``--db postgresql://...``).

The file system is told by the type of the mount that holds the folder, as the kernel
lists mounts in ``/proc/self/mountinfo`` (Linux); elsewhere nothing is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError

MOUNTINFO = Path("/proc/self/mountinfo")

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "gpfs",
        "ncpfs",
        "coda",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.smbnetfs",
        "fuse.cifs",
        "virtiofs",
    }
)
"""Types of file systems whose files other machines write too."""


@dataclass(frozen=True)
class Mount:
    mount_point: str
    file_system: str
    source: str


def _unescape(field: str) -> str:
    """The kernel writes a space in a mount point as ``\\040`` (octal escapes)."""
    if "\\" not in field:
        return field
    out, index = [], 0
    while index < len(field):
        if field[index] == "\\" and field[index + 1 : index + 4].isdigit():
            out.append(chr(int(field[index + 1 : index + 4], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def mounts(mountinfo: Path = MOUNTINFO) -> list[Mount]:
    """The mounts the kernel lists (none when it lists none: not Linux)."""
    try:
        lines = mountinfo.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split(" ")
        if "-" not in fields[6:]:
            continue
        separator = fields.index("-", 6)
        if len(fields) < separator + 3 or len(fields) < 5:
            continue
        found.append(
            Mount(_unescape(fields[4]), fields[separator + 1], _unescape(fields[separator + 2]))
        )
    return found


def mount_of(path: str | Path, mountinfo: Path = MOUNTINFO) -> Mount | None:
    """The mount that holds ``path`` (its folder when the file is not there yet): the
    one with the longest mount point above it, the last mounted when several share it."""
    folder = Path(os.path.realpath(path))
    best: Mount | None = None
    for mount in mounts(mountinfo):
        point = Path(mount.mount_point)
        if folder == point or point in folder.parents:
            if best is None or len(point.parts) >= len(Path(best.mount_point).parts):
                best = mount
    return best


def network_drive(path: str | Path, mountinfo: Path = MOUNTINFO) -> Mount | None:
    """The network mount ``path`` lies on, or None when on a local disk."""
    mount = mount_of(path, mountinfo)
    if mount is None or mount.file_system.lower() not in NETWORK_FILE_SYSTEMS:
        return None
    return mount


def network_drive_message(path: str, mount: Mount) -> str:
    return (
        f"{path}: the project is on a network drive ({mount.file_system} from "
        f"{mount.source}), where SQLite cannot keep it safe: its write-ahead log shares "
        "memory between the programs that write, which works only on one machine, so "
        "two computers writing at once would corrupt it. Nothing was written. Copy the "
        "project to a local disk, or share it on a server: "
        "annotator --db postgresql://you@server/project (README, \"Working as a team\"). "
        "Opening it read-only still works."
    )


def refuse_network_drive(path: str, mountinfo: Path = MOUNTINFO) -> None:
    """Raise when the project file at ``path`` lies on a network drive."""
    mount = network_drive(path, mountinfo)
    if mount is not None:
        raise ProjectError(network_drive_message(path, mount))

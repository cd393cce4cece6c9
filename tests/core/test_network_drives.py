"""A project file on a network drive is refused for writing, with the reason and the
way out (a server); the file system is told by the mount that holds the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.core.store import Store
from annotator.core.store.network_drives import mount_of, network_drive, refuse_network_drive

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 27 0:45 / /mnt/newsroom rw,relatime shared:20 - nfs4 files.lemonde.lan:/export rw,vers=4.2
41 40 0:46 / /mnt/newsroom/scratch rw,relatime - tmpfs tmpfs rw
42 27 0:47 / /home/alice/Shared\\040Drive rw,nosuid - cifs //nas/equipe rw,vers=3.0
43 27 0:48 / /home/alice/remote rw,nosuid master:3 - fuse.sshfs alice@server:/data rw
"""


@pytest.fixture
def mountinfo(tmp_path: Path) -> Path:
    path = tmp_path / "mountinfo"
    path.write_text(MOUNTINFO, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("project", "file_system"),
    [
        ("/mnt/newsroom/enquete/project.db", "nfs4"),
        ("/home/alice/Shared Drive/project.db", "cifs"),
        ("/home/alice/remote/a/b/project.db", "fuse.sshfs"),
    ],
)
def test_a_project_on_a_network_drive_is_refused_with_the_reason_and_the_way_out(
    mountinfo: Path, project: str, file_system: str
) -> None:
    with pytest.raises(ProjectError) as refused:
        refuse_network_drive(project, mountinfo)
    message = str(refused.value)
    assert message.startswith(f"{project}: the project is on a network drive ({file_system}")
    assert "write-ahead log shares memory" in message and "one machine" in message
    assert "--db postgresql://" in message and "read-only" in message


@pytest.mark.parametrize(
    "project", ["/home/alice/project.db", "/mnt/newsroom/scratch/project.db", "/mnt/news.db"]
)
def test_a_project_on_a_local_disk_opens(mountinfo: Path, project: str) -> None:
    refuse_network_drive(project, mountinfo)
    assert network_drive(project, mountinfo) is None


def test_the_innermost_mount_holds_the_file(mountinfo: Path) -> None:
    inner = mount_of("/mnt/newsroom/scratch/x.db", mountinfo)
    assert inner is not None and inner.file_system == "tmpfs"
    spaced = mount_of("/home/alice/Shared Drive/x.db", mountinfo)
    assert spaced is not None and spaced.source == "//nas/equipe"


def test_this_machines_temporary_folder_is_a_local_disk(tmp_path: Path) -> None:
    """The real mount table: the tests' own projects are never refused."""
    assert network_drive(tmp_path / "project.db") is None
    with Store(tmp_path / "project.db") as store:
        assert not store.read_only

"""A PostgreSQL server of one's own, in a folder: for trying team mode on one machine.

The cluster lives in ``FOLDER/data`` and listens on a socket in ``FOLDER`` and on the
loopback interface (never on the network), with trust authentication: anybody on this
machine may connect as any role, which is what trying it out needs and what a real
newsroom server must not do. PostgreSQL refuses to run as root; run as root, the
cluster belongs to the unprivileged ``nobody`` user instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError

SUPERUSER = "postgres"
DATABASE = "annotator"
UNPRIVILEGED_USER = "nobody"


def postgres_bin() -> Path | None:
    """The folder of PostgreSQL's programs (Debian's ``/usr/lib/postgresql/N/bin``, the
    newest version, or wherever ``pg_ctl`` is on the PATH); None when not installed."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    for folder in reversed(versions):
        if (folder / "pg_ctl").exists() and (folder / "initdb").exists():
            return folder
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


@dataclass(frozen=True)
class LocalServer:
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, user: str = SUPERUSER, database: str = DATABASE) -> str:
        """Where to connect: the socket in the folder (``host`` names a folder)."""
        return f"postgresql://{user}@/{database}?host={self.folder}&port={self.port}"

    def tcp_url(self, user: str = SUPERUSER, database: str = DATABASE) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", UNPRIVILEGED_USER, "--", *command]


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(
        _as_server_user(command), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        raise ProjectError(f"{what} failed: {output[-1] if output else result.returncode}")


def _give_to_server_user(folder: Path) -> None:
    if os.geteuid() != 0:
        return
    shutil.chown(folder, UNPRIVILEGED_USER)
    folder.chmod(0o700)
    reachable = subprocess.run(
        _as_server_user(["test", "-w", str(folder)]), capture_output=True, check=False
    )
    if reachable.returncode != 0:
        raise ProjectError(
            f"{folder}: run as root, the server runs as {UNPRIVILEGED_USER}, who cannot reach "
            "this folder (a folder above it is closed to others); choose one under /tmp or /srv"
        )


def start(folder: Path, port: int | None = None) -> LocalServer:
    """Start (creating it the first time) the cluster in ``folder``; returns where it
    listens once it accepts connections."""
    bin_folder = postgres_bin()
    if bin_folder is None:
        raise ProjectError(
            "PostgreSQL is not installed (on Debian or Ubuntu: apt-get install postgresql)"
        )
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    _give_to_server_user(folder)
    server = LocalServer(folder, port or _free_port())
    if not (server.data / "PG_VERSION").exists():
        _run(
            [
                str(bin_folder / "initdb"),
                "-D", str(server.data),
                "-U", SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
            ],
            "creating the PostgreSQL cluster",
        )
    options = (
        f"-k {folder} -p {server.port} -c listen_addresses=127.0.0.1 "
        "-c max_connections=100 -c fsync=on"
    )
    _run(
        [
            str(bin_folder / "pg_ctl"),
            "-D", str(server.data),
            "-l", str(folder / "server.log"),
            "-o", options,
            "-w",
            "start",
        ],
        "starting PostgreSQL",
    )
    created = subprocess.run(
        _as_server_user(
            [
                str(bin_folder / "createdb"),
                "-h", str(folder),
                "-p", str(server.port),
                "-U", SUPERUSER,
                DATABASE,
            ]
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    if created.returncode != 0 and "already exists" not in created.stderr:
        stop(server)
        raise ProjectError(f"creating the database failed: {created.stderr.strip()}")
    return server


def stop(server: LocalServer) -> None:
    bin_folder = postgres_bin()
    if bin_folder is None or not (server.data / "postmaster.pid").exists():
        return
    _run(
        [str(bin_folder / "pg_ctl"), "-D", str(server.data), "-m", "fast", "-w", "stop"],
        "stopping PostgreSQL",
    )

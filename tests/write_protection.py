"""A project as a user without write access sees it: a write-protected folder, or a
write-protected file in a folder they may write. Root writes through file permissions,
so for root the folder or file becomes a read-only bind mount (skipped when mounting
is not allowed)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount_read_only(path: Path) -> None:
    try:
        subprocess.run(["mount", "--bind", str(path), str(path)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"root cannot make {path} read-only here (mount: {error})")
    remount = ["mount", "-o", "remount,ro,bind", str(path), str(path)]
    if subprocess.run(remount, capture_output=True, check=False).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], check=False)
        pytest.skip(f"root cannot make {path} read-only here")


@contextmanager
def write_protected(path: Path) -> Iterator[Path]:
    """``path`` (a folder, with everything in it, or one file) cannot be written."""
    if os.geteuid() == 0:
        _mount_read_only(path)
        try:
            yield path
        finally:
            subprocess.run(["umount", "-l", str(path)], check=False)
        return
    protected = [path, *path.iterdir()] if path.is_dir() else [path]
    modes = {item: item.stat().st_mode for item in protected}
    for item in reversed(protected):
        item.chmod(0o555 if item.is_dir() else 0o444)
    try:
        yield path
    finally:
        for item, mode in modes.items():
            item.chmod(mode)

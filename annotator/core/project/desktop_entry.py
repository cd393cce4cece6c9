"""Installing the app on a freedesktop desktop (GNOME, KDE, Xfce…): its menu entry,
AppStream metadata for software centres, and its icon in every size, under the user's
data folder (``$XDG_DATA_HOME``, else ``~/.local/share``)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.files.atomic_files import write_atomically
from annotator.core.resources import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "org.annotator.Annotator"
"""The desktop entry's and AppStream's id (the window gives it as its Wayland app id)."""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> str:
    """How the menu entry starts the app: the installed script, else this Python."""
    script = shutil.which("annotator")
    parts = [script] if script else [sys.executable, "-m", "annotator"]
    # The desktop entry spec quotes an argument holding a space in double quotes.
    return " ".join(f'"{part}"' if " " in part else part for part in parts)


def desktop_files(target: Path, command: str) -> dict[Path, bytes]:
    """What goes where under ``target`` (a data folder), as bytes."""
    resources = resources_dir()
    entry = (resources / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    files = {
        target / "applications" / f"{APP_ID}.desktop": entry.replace("@EXEC@", command).encode(),
        target / "metainfo" / f"{APP_ID}.metainfo.xml": (
            resources / "desktop" / f"{APP_ID}.metainfo.xml"
        ).read_bytes(),
        target / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg": (
            resources / "icons" / "annotator.svg"
        ).read_bytes(),
    }
    for size in ICON_SIZES:
        png = resources / "icons" / f"annotator-{size}.png"
        files[target / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png"] = (
            png.read_bytes()
        )
    return files


def install_desktop(target: Path, command: str, *, force: bool = False) -> list[Path]:
    """Write the menu entry, metadata and icons under ``target``; a different file
    already there is left alone (and named) unless ``force``. Returns what was written."""
    files = desktop_files(target, command)
    if not force:
        clashes = [
            path
            for path, content in files.items()
            if path.exists() and path.read_bytes() != content
        ]
        if clashes:
            raise AnnotatorError(
                f"{clashes[0]}: already exists and differs ({len(clashes)} such file(s)); "
                "use --force to replace them"
            )
    for path, content in files.items():
        write_atomically(path, _writer(content), mode="wb")
    return list(files)


def _writer(content: bytes) -> Callable[[Any], None]:
    return lambda file: file.write(content)

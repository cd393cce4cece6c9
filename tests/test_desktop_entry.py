"""annotator install-desktop: the menu entry, AppStream metadata and icons a desktop
needs, valid by the freedesktop tools when they are there, and the window's icon."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.project.desktop_entry import APP_ID, ICON_SIZES


def install(tmp_path: Path, *args: str):
    return CliRunner().invoke(
        main, ["install-desktop", *args], env={"XDG_DATA_HOME": str(tmp_path / "share")}
    )


def test_install_desktop_writes_the_entry_metadata_and_every_icon(tmp_path: Path) -> None:
    result = install(tmp_path)
    assert result.exit_code == 0, result.output
    share = tmp_path / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Icon=annotator" in text and "Exec=" in text and "@EXEC@" not in text
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps/annotator.svg").is_file()
    for size in ICON_SIZES:
        png = share / f"icons/hicolor/{size}x{size}/apps/annotator.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Run again: the same files, nothing refused.
    assert install(tmp_path).exit_code == 0


def test_a_different_file_already_there_is_left_alone_unless_forced(tmp_path: Path) -> None:
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=someone else's\n", encoding="utf-8")
    result = install(tmp_path)
    assert result.exit_code == 1 and "--force" in result.output and str(entry) in result.output
    assert "someone else" in entry.read_text(encoding="utf-8")
    assert install(tmp_path, "--force").exit_code == 0
    assert "Icon=annotator" in entry.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    install(tmp_path)
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_the_appstream_metadata_is_valid(tmp_path: Path) -> None:
    install(tmp_path)
    metainfo = tmp_path / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_window_has_the_icon(qapp) -> None:
    from annotator.ui.app import create_application

    app = create_application()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == APP_ID

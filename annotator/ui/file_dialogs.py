"""The window's file dialogs: Qt's own dialog, listing folders without opening a file.

On Linux, closing any descriptor of a file drops every POSIX lock the process holds on
it. SQLite keeps the project's locks on ``p.db``, ``p.db-wal`` and ``p.db-shm``; a
dialog that opens one of them to guess its type (Qt's icon provider and MIME sniffing,
the GTK dialog, thumbnailers) and closes it again silently drops those locks, and the
next program to close the project deletes the write-ahead log the window still writes
into. So every dialog here is Qt's non-native one, and its icons come from the kind of
entry (folder, file, drive) that ``stat`` tells, never from the file's contents.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QStyle,
    QWidget,
)


class KindIconProvider(QAbstractFileIconProvider):
    """Icons and type names by the kind of entry only: nothing is opened or read.

    The dialog asks from its file-information thread, so the icons are made once, here,
    on the window's thread.
    """

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap
        self._folder = style.standardIcon(pixmap.SP_DirIcon)
        self._file = style.standardIcon(pixmap.SP_FileIcon)
        self._drive = style.standardIcon(pixmap.SP_DriveHDIcon)
        self._computer = style.standardIcon(pixmap.SP_ComputerIcon)
        self._link = style.standardIcon(pixmap.SP_FileLinkIcon)
        self._names = {
            "folder": QApplication.translate("FileDialogs", "Folder"),
            "file": QApplication.translate("FileDialogs", "File"),
            "drive": QApplication.translate("FileDialogs", "Drive"),
        }

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            if what.isDir():
                return self._folder
            if what.isSymLink():
                return self._link
            return self._file
        kinds = QAbstractFileIconProvider.IconType
        if what == kinds.Computer:
            return self._computer
        if what in (kinds.Drive, kinds.Network):
            return self._drive
        if what in (kinds.Folder, kinds.Desktop, kinds.Trashcan):
            return self._folder
        return self._file

    def type(self, info: QFileInfo) -> str:
        if info.isRoot():
            return self._names["drive"]
        if info.isDir():
            return self._names["folder"]
        suffix = info.suffix()
        return f"{suffix.upper()} {self._names['file']}" if suffix else self._names["file"]


_provider: KindIconProvider | None = None


def icon_provider() -> KindIconProvider:
    """One provider for every dialog (the dialog does not own it)."""
    global _provider
    if _provider is None:
        _provider = KindIconProvider()
    return _provider


def file_dialog(
    parent: QWidget | None, caption: str, directory: str, filters: str = ""
) -> QFileDialog:
    """A dialog that lists folders by ``stat`` alone; set its mode, then ``exec()`` it."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # Set before the dialog lists anything, so no entry is ever typed by its contents.
    dialog.setIconProvider(icon_provider())
    return dialog


def _chosen(dialog: QFileDialog) -> list[str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return list(dialog.selectedFiles())
    finally:
        dialog.deleteLater()


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> list[str]:
    """Existing files the user picked (none when cancelled)."""
    dialog = file_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _chosen(dialog)


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """One existing file the user picked, or "" when cancelled."""
    dialog = file_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else ""


def save_file_name(
    parent: QWidget | None,
    caption: str,
    path: str = "",
    filters: str = "",
    *,
    confirm_overwrite: bool = True,
) -> str:
    """The file to write, or "" when cancelled. The dialog asks before replacing one,
    unless the caller refuses existing files itself (``confirm_overwrite=False``)."""
    dialog = file_dialog(parent, caption, path, filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else ""


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """A folder the user picked, or "" when cancelled."""
    dialog = file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else ""

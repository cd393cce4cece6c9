"""Closing a menu with Escape gives the keyboard back to where it was.

Qt keeps the menu bar in keyboard mode after Escape closes a menu opened from the
keyboard: the bar holds the focus, so Delete, the arrows and the label keys do nothing,
with nothing on screen saying why, until a second Escape or a click.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar


class MenuFocusKeeper(QObject):
    def __init__(self, bar: QMenuBar) -> None:
        super().__init__(bar)
        self.bar = bar
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                menu.aboutToHide.connect(self._menu_closing)

    def _menu_closing(self) -> None:
        # Once the menu is gone: going from one menu to the next hides one too.
        QTimer.singleShot(0, self._leave_keyboard_mode)

    def _leave_keyboard_mode(self) -> None:
        if QApplication.activePopupWidget() is not None or not self.bar.hasFocus():
            return
        # The second Escape the user would have to press: the bar hands the focus back
        # to the widget that had it before the menu opened.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                self.bar, QKeyEvent(kind, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
            )

"""Which label key a key press means, whatever the keyboard layout.

Label keys are digits and letters. Letters are read as typed: an AZERTY ``a`` is where a
QWERTY ``q`` is, and the user presses the key printed ``a``. Digits are read by the key's
place in the digit row: on a French AZERTY keyboard the key printed ``5`` types ``(``
without Shift, and asking for Shift would make the label keys useless there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

DIGIT_ROW = "1234567890"
# Hardware key codes of the digit row, 1 to 0, as each platform reports them.
X11_KEYCODES = dict(zip(range(10, 20), DIGIT_ROW, strict=True))  # evdev + 8 (xcb, Wayland)
WINDOWS_SCAN_CODES = dict(zip(range(0x02, 0x0C), DIGIT_ROW, strict=True))
MAC_VIRTUAL_KEYS = dict(
    zip((0x12, 0x13, 0x14, 0x15, 0x17, 0x16, 0x1A, 0x1C, 0x19, 0x1D), DIGIT_ROW, strict=True)
)
# When the platform gives no hardware code (a remote desktop, a synthetic event), what
# the digit row types unshifted on French and Belgian AZERTY.
AZERTY_DIGIT_ROW = {
    **dict(zip("&é\"'(-è_çà", DIGIT_ROW, strict=True)),
    **dict(zip("&é\"'(§è!çà", DIGIT_ROW, strict=True)),
}


def digit_row_digit(platform: str, scan_code: int, virtual_key: int) -> str | None:
    """The digit printed on the digit-row key with these hardware codes, if it is one."""
    if platform in ("xcb", "wayland"):
        return X11_KEYCODES.get(scan_code)
    if platform == "windows":
        return WINDOWS_SCAN_CODES.get(scan_code)
    if platform == "cocoa":
        return MAC_VIRTUAL_KEYS.get(virtual_key)
    return None


def label_key(event: QKeyEvent) -> str | None:
    """The digit or lower-case letter this key press stands for, or None (Ctrl or Alt
    held, or a key that is neither)."""
    modifiers = event.modifiers()
    if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return None
    text = event.text()
    if not modifiers & Qt.KeyboardModifier.KeypadModifier:
        digit = digit_row_digit(
            QGuiApplication.platformName(), event.nativeScanCode(), event.nativeVirtualKey()
        )
        if digit is not None:
            return digit
        if text in AZERTY_DIGIT_ROW and not event.nativeScanCode():
            return AZERTY_DIGIT_ROW[text]
    if len(text) == 1 and text.isalnum():
        return text.lower()
    return None


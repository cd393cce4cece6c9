"""Colours that follow the palette and stay readable: tints behind text, light or dark.

A tint is the label's colour mixed into the page colour (the palette's Base), as much as
the text on it allows: its contrast with the text stays at WCAG AA (4.5:1) or more. The
entity labels get tints of distinct lightness, so that they stay apart for readers with a
colour-vision deficiency, who tell lightness when hues merge (deuteranopia turns a pink
and a green tint into the same grey).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QGuiApplication, QPalette

AA_CONTRAST = 4.5


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: QColor, amount: float, base: QColor) -> QColor:
    """``amount`` of ``colour`` over ``base``."""
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * amount,
        base.greenF() + (colour.greenF() - base.greenF()) * amount,
        base.blueF() + (colour.blueF() - base.blueF()) * amount,
    )


def page_colours(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """The article's page and text colours: (Base, Text) of the palette in use."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


def is_dark(palette: QPalette | None = None) -> bool:
    base, text = page_colours(palette)
    return luminance(base) < luminance(text)


def _bisect(holds: Callable[[float], bool]) -> float:
    """The largest amount in [0, 1] for which ``holds`` (true at 0, false once past)."""
    if holds(1.0):
        return 1.0
    low, high = 0.0, 1.0
    for _step in range(24):
        middle = (low + high) / 2
        if holds(middle):
            low = middle
        else:
            high = middle
    return low


def aa_limit(text: QColor, darker: bool) -> float:
    """The luminance of the deepest background ``text`` stays readable on at AA."""
    text_luminance = luminance(text)
    if darker:  # dark text: the background may darken down to this
        return (text_luminance + 0.05) * AA_CONTRAST - 0.05
    return (text_luminance + 0.05) / AA_CONTRAST - 0.05


def tint_at_level(colour: QColor, level: float, base: QColor, text: QColor) -> QColor:
    """``colour`` mixed into ``base`` until its luminance is ``level`` (0-1) of the way
    from the page's to the deepest the text is readable on at AA; no further than the
    colour itself goes."""
    page = luminance(base)
    darker = luminance(text) < page
    target = page + (aa_limit(text, darker) - page) * level

    def short_of_target(amount: float) -> bool:
        reached = luminance(mix(colour, amount, base))
        return reached >= target if darker else reached <= target

    readable = _bisect(lambda amount: contrast(mix(colour, amount, base), text) >= AA_CONTRAST)
    return mix(colour, min(_bisect(short_of_target), readable), base)


def muted_text(palette: QPalette | None = None) -> QColor:
    """Text that reads as secondary (a finished article) yet keeps AA contrast."""
    base, text = page_colours(palette)
    for amount in (0.45, 0.35, 0.25, 0.15, 0.0):
        muted = mix(base, amount, text)
        if contrast(muted, base) >= AA_CONTRAST:
            return muted
    return text

"""Whether a label's colour works: visible behind text on a light and a dark page, and
apart from the other labels' colours for readers with a colour-vision deficiency.

The window tints a label's colour into the page as far as the text on it stays at WCAG
AA (4.5:1) (``ui/colours.py``); a colour whose deepest such tint barely differs from the
page shows nothing. Distinctness is measured in CAM02-UCS (colorspacious) on the colours
as a reader with deuteranomaly, protanomaly or tritanomaly sees them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

AA_CONTRAST = 4.5
PAGES = {"light": ("#FFFFFF", "#000000"), "dark": ("#1E1E1E", "#E8E8E8")}
"""(page, text) of the light and the dark palette the window is checked under."""
VISIBLE_TINT = 1.25
"""The contrast between a tint and its page below which the tint reads as the page."""
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")
APART = 10.0
"""CAM02-UCS distance below which two label colours look alike (the default labels'
closest pair, pink and orange under tritanomaly, is 11.0 apart)."""

RGB = tuple[float, float, float]


def rgb(colour: str) -> RGB:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: RGB) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    red, green, blue = colour
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: RGB, second: RGB) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(colour: RGB, amount: float, base: RGB) -> RGB:
    red, green, blue = (b + (c - b) * amount for c, b in zip(colour, base, strict=True))
    return (red, green, blue)


def deepest_tint(colour: str, page: str, text: str) -> RGB:
    """The colour mixed into the page as far as ``text`` on it keeps AA contrast."""
    colour_rgb, page_rgb, text_rgb = rgb(colour), rgb(page), rgb(text)
    if contrast(colour_rgb, text_rgb) >= AA_CONTRAST:
        return colour_rgb
    low, high = 0.0, 1.0
    for _step in range(24):
        middle = (low + high) / 2
        if contrast(_mix(colour_rgb, middle, page_rgb), text_rgb) >= AA_CONTRAST:
            low = middle
        else:
            high = middle
    return _mix(colour_rgb, low, page_rgb)


def seen_with(deficiency: str, colour: str) -> RGB:
    from colorspacious import cspace_convert

    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    simulated = cspace_convert(rgb(colour), space, "sRGB1")
    red, green, blue = (min(max(float(value), 0.0), 1.0) for value in simulated)
    return (red, green, blue)


def distance(first: str, second: str, deficiency: str) -> float:
    from colorspacious import deltaE

    return float(
        deltaE(seen_with(deficiency, first), seen_with(deficiency, second), input_space="sRGB1")
    )


@dataclass(frozen=True)
class ColourProblem:
    kind: str
    """'invisible' (on a page) or 'alike' (another label's colour)."""
    detail: str
    other: str | None = None

    def __str__(self) -> str:
        return self.detail


def colour_problems(colour: str, others: Sequence[tuple[str, str]]) -> list[ColourProblem]:
    """What is wrong with ``colour`` for a label beside ``others`` ((name, colour) of the
    other labels still offered); empty when nothing is."""
    problems: list[ColourProblem] = []
    for page_name, (page, text) in PAGES.items():
        shown = contrast(deepest_tint(colour, page, text), rgb(page))
        if shown < VISIBLE_TINT:
            problems.append(
                ColourProblem(
                    "invisible",
                    f"{colour} barely shows on the {page_name} page: its tint behind "
                    f"readable text is {shown:.2f}:1 against the page (at least "
                    f"{VISIBLE_TINT}:1 needed)",
                )
            )
    for name, other in others:
        closest = min(
            (distance(colour, other, deficiency), deficiency) for deficiency in DEFICIENCIES
        )
        if closest[0] < APART:
            problems.append(
                ColourProblem(
                    "alike",
                    f"{colour} looks like {name}'s {other} with {closest[1]} "
                    f"(distance {closest[0]:.1f}, at least {APART:.0f} needed)",
                    other=name,
                )
            )
    return problems


def closest_pair(colours: Sequence[str]) -> float:
    """The smallest distance between two of ``colours`` under any deficiency."""
    return min(
        (
            distance(first, second, deficiency)
            for first, second in itertools.combinations(colours, 2)
            for deficiency in DEFICIENCIES
        ),
        default=float("inf"),
    )

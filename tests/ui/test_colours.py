"""Colours under a light and a dark palette: tints follow the page, text on every tint
meets WCAG AA (4.5:1), and the entity labels stay apart for the common colour-vision
deficiencies (simulated with colorspacious)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QPalette

from annotator.core.labels import default_label_set
from annotator.ui.article.highlighter import SpanStyles
from annotator.ui.colours import contrast, muted_text

colorspacious = pytest.importorskip("colorspacious")

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")
# CAM02-UCS distance: about 1 is just noticeable; side by side, tints closer than this
# look alike (the pink and green tints were 4.1 apart with deuteranopia).
APART = 7.0


def palette(base: str, text: str) -> QPalette:
    colours = QPalette()
    colours.setColor(QPalette.ColorRole.Base, QColor(base))
    colours.setColor(QPalette.ColorRole.Text, QColor(text))
    colours.setColor(QPalette.ColorRole.Window, QColor(base))
    colours.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return colours


PALETTES = {
    "light": palette("#ffffff", "#000000"),
    "dark": palette("#1e1e1e", "#e8e8e8"),
    "dark grey": palette("#2d2d30", "#f0f0f0"),
}


def rgb(colour: QColor) -> tuple[float, float, float]:
    return (colour.redF(), colour.greenF(), colour.blueF())


def seen_with(deficiency: str, colour: QColor) -> tuple[float, float, float]:
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    simulated = colorspacious.cspace_convert(rgb(colour), space, "sRGB1")
    return tuple(min(max(float(value), 0.0), 1.0) for value in simulated)


@pytest.mark.parametrize("name", PALETTES)
def test_tints_follow_the_palette_and_keep_text_readable(qapp, name: str) -> None:
    colours = PALETTES[name]
    styles = SpanStyles(default_label_set(), colours)
    text = colours.color(QPalette.ColorRole.Text)
    for label in default_label_set().labels:
        for tint in (
            styles.tint(label.name),
            styles.strong_tint(label.name),
            styles.nested_tint(label.name, 2),
        ):
            assert contrast(tint, text) >= 4.5, (name, label.name, tint.name())
            if name != "light":  # on a dark page the tint is dark: no pastel under light text
                assert tint.lightness() < 128, (label.name, tint.name())


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_entity_tints_stay_apart_with_a_colour_vision_deficiency(
    qapp, name: str, deficiency: str
) -> None:
    colours = PALETTES[name]
    styles = SpanStyles(default_label_set(), colours)
    page = colours.color(QPalette.ColorRole.Base)
    entities = [label.name for label in default_label_set().labels if label.kind == "entity"]
    seen = {label: seen_with(deficiency, styles.tint(label)) for label in entities}
    seen["the page"] = seen_with(deficiency, page)
    for first, second in itertools.combinations(seen, 2):
        distance = colorspacious.deltaE(seen[first], seen[second], input_space="sRGB1")
        assert distance >= APART, f"{first} and {second} look alike ({distance:.1f})"


@pytest.mark.parametrize("name", PALETTES)
def test_a_finished_article_row_is_muted_but_readable(qapp, name: str) -> None:
    colours = PALETTES[name]
    muted = muted_text(colours)
    assert contrast(muted, colours.color(QPalette.ColorRole.Base)) >= 4.5
    assert muted != colours.color(QPalette.ColorRole.Text)

"""Colours and shortcut keys for labels added after the default set."""

from __future__ import annotations

from collections.abc import Sequence
from string import ascii_lowercase, digits

from annotator.core.models import Label

# Okabe & Ito's palette (distinguishable with the common colour-vision deficiencies),
# then Paul Tol's muted scheme for projects with more labels than that.
COLOUR_BLIND_SAFE = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499",
]


def next_colour(existing: Sequence[Label]) -> str:
    used = {label.color.upper() for label in existing}
    for colour in COLOUR_BLIND_SAFE:
        if colour not in used:
            return colour
    return COLOUR_BLIND_SAFE[len(existing) % len(COLOUR_BLIND_SAFE)]


def next_shortcut(existing: Sequence[Label]) -> str:
    used = {key for label in existing for key in (label.key, label.letter) if key}
    for key in digits[1:] + "0" + ascii_lowercase:
        if key not in used:
            return key
    raise ValueError("every letter and digit is already a shortcut")


def shortcut_keys(label: Label) -> str:
    """A label's keys as the lists print them: ``1/c``."""
    return f"{label.key}/{label.letter}" if label.letter else label.key

"""The scheme's rules: default attributes on the verdict scale, colours checked like the
window draws them, versions by time, and the differences between two schemes."""

from __future__ import annotations

import pytest

from annotator.core import scheme
from annotator.core.colour_checks import closest_pair, colour_problems
from annotator.core.labels import default_label_set
from annotator.core.models import Attribute, SchemeChange
from annotator.core.verdicts import DEFAULT_SCALE


def test_the_default_claim_verdict_is_the_verdict_scale() -> None:
    claim = default_label_set().get("claim")
    assert claim is not None
    verdict = claim.attribute("verdict")
    assert verdict is not None and tuple(verdict.choices) == DEFAULT_SCALE.values
    assert scheme.project_verdict_scale(default_label_set()) == DEFAULT_SCALE
    assert verdict.choice_name("mostly false", "fr") == "plutôt faux"


def test_the_default_colours_pass_their_own_checks() -> None:
    labels = default_label_set().labels
    assert closest_pair([label.color for label in labels]) >= 10
    for label in labels:
        others = [(other.name, other.color) for other in labels if other is not label]
        assert colour_problems(label.color, others) == [], label.name


@pytest.mark.parametrize(
    ("kind", "given", "stored"),
    [
        ("number", "14,5", 14.5),
        ("number", "3", 3),
        ("yes/no", "oui", True),
        ("yes/no", "no", False),
    ],
)
def test_values_are_stored_as_their_kind(kind: str, given: str, stored: object) -> None:
    assert Attribute(name="x", kind=kind).check_value(given) == stored


def test_a_value_off_the_list_is_refused() -> None:
    with pytest.raises(ValueError, match="not a value of role"):
        Attribute(name="role", choices=["official"]).check_value("boss")


def test_a_span_takes_the_version_in_force_when_it_was_made() -> None:
    label_set = default_label_set().model_copy(
        update={
            "version": 3,
            "history": [
                SchemeChange(version=2, at="2026-01-01T00:00:00.000Z"),
                SchemeChange(version=3, at="2026-06-01T00:00:00.000Z"),
            ],
        }
    )
    assert label_set.version_at("2025-12-31T23:59:59.000Z") == 1
    assert label_set.version_at("2026-03-01T00:00:00.000Z") == 2
    assert label_set.version_at("2026-07-01T00:00:00.000Z") == 3


def test_each_change_is_a_new_version_with_what_changed() -> None:
    label_set = scheme.with_colour(default_label_set(), "person", "#882255")
    label_set = scheme.with_retired(label_set, "denial")
    assert label_set.version == 3
    assert [change.change for change in label_set.history] == [
        "recoloured person #CC79A7 -> #882255",
        "retired denial",
    ]


def test_imported_choices_written_with_underscores_become_the_schemes() -> None:
    claim = default_label_set().get("claim")
    assert scheme.imported_attrs(claim, {"verdict": "mostly_false"}) == {"verdict": "mostly false"}
    assert scheme.imported_attrs(claim, {"verdict": "bogus"}) == {"verdict": "bogus"}


def test_a_retired_labels_key_can_be_taken() -> None:
    label_set = scheme.with_retired(default_label_set(), "organisation")
    label_set = scheme.with_new_label(label_set, "lieu", key="5", colour="#56B4E9")
    assert label_set.by_shortcut("5").name == "lieu"

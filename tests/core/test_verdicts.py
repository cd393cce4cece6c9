import pytest

from annotator.core.verdicts import DEFAULT_SCALE


def test_the_best_verdict_has_the_highest_rating_and_unverifiable_has_none():
    assert DEFAULT_SCALE.rating("true") == DEFAULT_SCALE.best_rating == 5
    assert DEFAULT_SCALE.rating("false") == DEFAULT_SCALE.worst_rating == 1
    assert DEFAULT_SCALE.rating("unverifiable") is None


def test_a_verdict_off_the_scale_is_refused_with_the_scale_named():
    with pytest.raises(ValueError, match="mostly true"):
        DEFAULT_SCALE.rating("pants on fire")

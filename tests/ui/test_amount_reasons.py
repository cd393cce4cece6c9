"""Every reason the amount reader can give is said in the French window and the French
report: a new kind of reason without its words would break the span panel."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from annotator.core.amounts import reading as amounts
from annotator.core.report import language as report_language
from annotator.ui import i18n
from annotator.ui.article.amount_editor import reason_text


@pytest.fixture
def french(qapp) -> Iterator[None]:
    assert i18n.apply_language("fr")
    yield
    i18n.apply_language("en")


@pytest.mark.parametrize("kind", sorted(amounts.REASONS))
def test_every_reason_is_said_in_french_in_the_window_and_the_report(
    kind: str, french: None
) -> None:
    reason = amounts.REASONS[kind].format("'plusieurs'")
    assert amounts.explain_reason(reason) is not None
    in_window = reason_text(reason)
    in_report = report_language.FRENCH_AMOUNT_WORDS.reason(reason)
    assert in_window != reason and in_report != reason
    if "{0}" in amounts.REASONS[kind]:
        assert "'plusieurs'" in in_window and "'plusieurs'" in in_report

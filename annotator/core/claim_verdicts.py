"""Giving a reviewed claim its verdict from the command line (``annotator verdict``).

A stopgap until the label scheme's typed attributes can be edited: it writes the claim's
``attrs["verdict"]`` (``verdicts.VERDICT_ATTRIBUTE``), checked against the verdict
scale, on the gold layer's claims and denials only, and keeps every other attribute.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError, NotFound
from annotator.core.models import GOLD_LAYER, Span
from annotator.core.scheme import project_verdict_scale
from annotator.core.store import Store
from annotator.core.verdicts import VERDICT_ATTRIBUTE, VerdictScale

STATEMENT_KIND = "statement"


class VerdictError(AnnotatorError):
    pass


def reviewed_statements(store: Store) -> list[Span]:
    """The gold layer's claims and denials (labels of kind statement), project order."""
    statements = {
        label.name for label in store.label_set().labels if label.kind == STATEMENT_KIND
    }
    return [span for span in store.iter_spans(GOLD_LAYER) if span.label in statements]


def _statement(store: Store, span_prefix: str) -> Span:
    found = [span for span in reviewed_statements(store) if span.id.startswith(span_prefix)]
    if not found:
        raise NotFound(
            f"no reviewed claim or denial (gold layer) has an id starting with "
            f"{span_prefix!r}: 'annotator verdict list' shows them"
        )
    if len(found) > 1:
        raise NotFound(f"more than one reviewed claim's id starts with {span_prefix!r}")
    return found[0]


def set_verdict(
    store: Store, span_prefix: str, verdict: str | None, scale: VerdictScale | None = None
) -> Span:
    """Give the reviewed claim its verdict on ``scale`` (the project's own unless given;
    None: take the verdict away); returns the span."""
    scale = scale or project_verdict_scale(store.label_set())
    span = _statement(store, span_prefix)
    attrs = dict(span.attrs)
    if verdict is None:
        attrs.pop(VERDICT_ATTRIBUTE, None)
    elif verdict not in scale.values:
        raise VerdictError(
            f"{verdict!r} is not on the verdict scale: use {', '.join(scale.values)}"
        )
    else:
        attrs[VERDICT_ATTRIBUTE] = verdict
    return store.update_span(span.id, attrs=attrs)

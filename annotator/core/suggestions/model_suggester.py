"""The project model as a suggester (``project-model``): its spans, with its confidence.

It proposes what the newest model trained on the project (``annotator train``) finds in
an article: claims and denials from the span categorizer, people, organisations and
amounts from the entity recognizer, each with the model's probability as the
suggestion's ``score``. Evaluated (``suggest --evaluate``) only on the documents the
model did not train on: on its own training documents it would look better than it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from annotator.core.models import Document
from annotator.core.store import Store
from annotator.core.training.project_model import (
    ModelError,
    latest_model_dir,
    load_model,
    unavailable_reason,
)

if TYPE_CHECKING:
    from annotator.core.suggestions.suggest import Suggestion

PROJECT_MODEL = "project-model"
ORIGIN = "suggested:project-model"
UNCERTAINTY_BATCH = 16

def project_model_suggestions(store: Store, document: Document) -> list[Suggestion]:
    """The model's spans in ``document`` as suggestions (nothing filtered out yet)."""
    from annotator.core.suggestions.suggest import Suggestion, SuggestionError

    model_dir = latest_model_dir(store)
    if model_dir is None:
        raise SuggestionError(unavailable_reason(store) or "no project model")
    try:
        model = load_model(model_dir)
    except ModelError as error:
        raise SuggestionError(str(error)) from error
    known = {label.name for label in store.label_set().labels}
    return [
        Suggestion(
            doc_id=document.id,
            start=span.start,
            end=span.end,
            label=span.label,
            text=document.text[span.start : span.end],
            origin=ORIGIN,
            score=span.score,
        )
        for span in model.predict([document.text])[0]
        if span.label in known
    ]


def held_out_documents(store: Store, doc_ids: Sequence[str]) -> list[str]:
    """Of ``doc_ids``, those the project model did not train on."""
    model_dir = latest_model_dir(store)
    if model_dir is None:
        return []
    trained = set(load_model(model_dir).meta.trained_on)
    return [doc_id for doc_id in doc_ids if doc_id not in trained]


def uncertainty_by_document(
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> dict[str, float]:
    """Each document's uncertainty under the project model (see
    ``ProjectModel.uncertainty``); a clear error when the project has no model.

    ``progress(done, total)`` follows the documents; when ``should_cancel()`` turns
    true it stops between two batches and returns what it has measured."""
    reason = unavailable_reason(store)
    model_dir = latest_model_dir(store)
    if reason is not None or model_dir is None:
        raise ModelError(f"cannot order by uncertainty: {reason}")
    model = load_model(model_dir)
    documents = list(store.document_texts())
    found: dict[str, float] = {}
    for first in range(0, len(documents), UNCERTAINTY_BATCH):
        if should_cancel is not None and should_cancel():
            break
        batch = documents[first : first + UNCERTAINTY_BATCH]
        scores = model.uncertainty([text for _, text in batch])
        found.update(zip((doc_id for doc_id, _ in batch), scores, strict=True))
        if progress is not None:
            progress(len(found), len(documents))
    return found

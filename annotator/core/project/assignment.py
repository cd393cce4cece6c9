"""Who annotates which article, and how far each one has got.

The owner gives every article to as many annotators as it needs (two, for agreement),
spreading the load evenly; each annotator's list then starts with their queue. Progress
counts, per annotator, their articles by status and their spans by label, with the
agreement of each pair of annotators so far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, Field

from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD_LAYER, Status
from annotator.core.review import agreement
from annotator.core.store import Store


class AssignmentError(AnnotatorError):
    """The assignment asked for cannot be made."""


def plan(
    doc_ids: Sequence[str],
    annotators: Sequence[str],
    per_document: int,
    current: dict[str, list[str]],
) -> list[tuple[str, str]]:
    """The ``(doc_id, annotator)`` pairs to add so that each article has
    ``per_document`` of ``annotators``: each article takes, among those it lacks, the
    annotators with the fewest articles so far (in the order given on a tie)."""
    names = list(dict.fromkeys(annotators))
    if not names:
        raise AssignmentError("name the annotators to give the articles to")
    if not 1 <= per_document <= len(names):
        raise AssignmentError(
            f"{per_document} annotators per article, but {len(names)} annotator"
            f"{'s' * (len(names) != 1)} named ({', '.join(names)})"
        )
    order = {name: index for index, name in enumerate(names)}
    load = Counter({name: 0 for name in names})
    for given in current.values():
        load.update(name for name in given if name in order)
    pairs = []
    for doc_id in doc_ids:
        have = [name for name in current.get(doc_id, []) if name in order]
        missing = per_document - len(have)
        if missing <= 0:
            continue
        chosen = sorted(
            (name for name in names if name not in have),
            key=lambda name: (load[name], order[name]),
        )[:missing]
        for name in chosen:
            pairs.append((doc_id, name))
            load[name] += 1
    return pairs


def assign(store: Store, annotators: Sequence[str], per_document: int) -> dict[str, int]:
    """Give every article of the project to ``per_document`` annotators (those it has
    already count); returns how many articles each annotator was newly given."""
    pairs = plan(store.document_ids(), annotators, per_document, store.assignments())
    store.assign(pairs)
    return dict(Counter(name for _doc_id, name in pairs))


class AnnotatorProgress(BaseModel):
    annotator: str
    assigned: int = Field(description="Articles given to them.")
    statuses: dict[str, int] = Field(
        description="Their articles (given to them or worked on) by status."
    )
    spans: dict[str, int] = Field(description="Their spans by label.")

    @property
    def finished(self) -> int:
        return self.statuses.get(Status.DONE.value, 0) + self.statuses.get(
            Status.REVIEWED.value, 0
        )


class PairProgress(BaseModel):
    a: str
    b: str
    documents: int = Field(description="Articles both annotated.")
    f1: float | None = Field(description="Exact-match F1 over every label.")


class ProgressReport(BaseModel):
    documents: int
    annotators: list[AnnotatorProgress]
    agreement: list[PairProgress] = Field(description="Each pair of annotators, so far.")


def progress(store: Store) -> ProgressReport:
    names = [name for name in store.annotators() if name != GOLD_LAYER]
    assignments = store.assignments()
    given: dict[str, set[str]] = {name: set() for name in names}
    for doc_id, assignees in assignments.items():
        for name in assignees:
            given.setdefault(name, set()).add(doc_id)
    statuses = store.all_statuses()
    group_names, _docs, counts, _starts, _ends, labels = store.span_columns(names)
    per_label: dict[str, Counter[str]] = {name: Counter() for name in names}
    first = 0
    for name, count in zip(group_names, counts, strict=True):
        per_label[name].update(labels[first : first + count])
        first += count
    people = []
    for name in sorted(given):
        worked = {doc_id for (doc_id, who) in statuses if who == name}
        by_status: Counter[str] = Counter()
        for doc_id in given[name] | worked:
            by_status[statuses.get((doc_id, name), Status.NOT_STARTED).value] += 1
        people.append(
            AnnotatorProgress(
                annotator=name,
                assigned=len(given[name]),
                statuses={status.value: by_status[status.value] for status in Status},
                spans=dict(sorted(per_label.get(name, Counter()).items())),
            )
        )
    pairs = []
    if len(names) >= 2:
        report = agreement.compute(store, names)
        pairs = [
            PairProgress(a=pair.a, b=pair.b, documents=pair.documents, f1=pair.overall.exact.f1)
            for pair in report.pairs
        ]
    return ProgressReport(documents=store.document_count(), annotators=people, agreement=pairs)

"""Bring a colleague's project file into ours.

Documents are matched by id, the hash of their text. Every annotator's spans stay in
their own layer with their ids, times, origin and attributes; statuses and review
decisions come along. A span whose id we already hold is the same span and is not
copied again (if its content differs, ours is kept and the report counts it); a span
identical to one the same annotator already has in that document (same offsets and
label, another id) is a duplicate and is not copied either (a review decision that
points at such a duplicate gold span is made to point at ours). So merging the same
file twice adds nothing.

An article whose text changed (the other project's document has the same ``source``
or the same title as one of ours, but another text, hence another id) is never merged
into ours silently: it is imported as a separate document, and the report lists it
with both ids so the team can decide which version to keep annotating.

Notes come along with their authors and times, on our copy of a duplicate span; where
the same author has a note at the same place in ours, ours is kept and a different
text is reported.

Links between spans come along with their ids and times, pointing at our span where
theirs was a duplicate; a link we already hold (same type and ends) is not doubled, and
one our label set does not allow is refused and reported.

The merge goes in steps, each one transaction holding whole articles (a document, its
spans and the links among them), so a colleague's window or import on the project
waits a moment between steps instead of failing. A merge that stops half-way leaves
whole articles only; merging again brings the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, ValidationError

from annotator.core import scheme
from annotator.core.attribution.links import ForeignRelation, import_relations
from annotator.core.damaged_rows import RESET_META, DamagedDocument
from annotator.core.models import Label, Note, Span
from annotator.core.store import Store

T = TypeVar("T")


class ChangedArticle(BaseModel):
    """The same article (by source or title) with another text in each project."""

    title: str
    source: str | None
    reason: str = Field(description="'same source' or 'same title'.")
    ours: list[str] = Field(description="Ids of our documents it resembles.")
    theirs: str = Field(description="Id of the other project's document (imported).")


class MergeReport(BaseModel):
    path: str
    documents_added: int = 0
    documents_matched: int = 0
    changed_articles: list[ChangedArticle] = Field(default_factory=list)
    spans_added: dict[str, int] = Field(
        default_factory=dict, description="Per annotator, spans copied in."
    )
    spans_already_present: int = 0
    spans_duplicate: int = 0
    spans_conflicting: int = Field(
        default=0, description="Same id as one of ours but different content: ours kept."
    )
    conflicts: list[str] = Field(
        default_factory=list, description="Each span changed in both projects, both versions."
    )
    statuses_carried: int = 0
    decisions_added: int = 0
    notes_added: int = 0
    notes_already_present: int = 0
    note_conflicts: list[str] = Field(
        default_factory=list,
        description="Each note its author wrote differently in each project: ours kept.",
    )
    links_added: int = 0
    links_already_present: int = 0
    links_refused: list[str] = Field(
        default_factory=list, description="Each link that could not be stored, and why."
    )
    labels_added: list[str] = Field(default_factory=list)
    scheme_differences: list[str] = Field(
        default_factory=list,
        description="How the other project's scheme (labels, attributes) differs from ours.",
    )
    damaged_rows: list[str] = Field(
        default_factory=list,
        description="Rows of the other project that could not be read, left out.",
    )

    @property
    def total_spans_added(self) -> int:
        return sum(self.spans_added.values())

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.documents_added
            or self.total_spans_added
            or self.statuses_carried
            or self.decisions_added
            or self.notes_added
            or self.links_added
            or self.labels_added
        )


def _label_problem(name: str) -> str | None:
    try:
        Label(name=name, key="x", color="#000000")
    except ValidationError as error:
        return str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    return None


def _same_span(a: Span, b: Span) -> bool:
    return (a.doc_id, a.annotator, a.start, a.end, a.label, a.attrs) == (
        b.doc_id,
        b.annotator,
        b.start,
        b.end,
        b.label,
        b.attrs,
    )


CHUNK_SPANS = 2000
"""About how many spans one step of a merge copies; a step is one transaction, short
enough that a colleague's window or import waits for it a moment, never fails."""
CHUNK_DOCUMENTS = 50
CHUNK_RECORDS = 500
"""Statuses or decisions per step."""


def merge_project(store: Store, other_path: str | Path) -> MergeReport:
    """Copy what the project file at ``other_path`` holds and ours lacks (read-only on
    the other file), in steps of whole articles: their documents with their spans and
    the links among them, then links across articles, statuses and decisions. Their
    damaged rows are left out and named in the report."""
    report = MergeReport(path=str(other_path))
    with Store(other_path, read_only=True) as other:
        ours_by_source: dict[str, list[str]] = {}
        ours_by_title: dict[str, list[str]] = {}
        for summary in store.document_summaries():
            if summary.source:
                ours_by_source.setdefault(summary.source, []).append(summary.id)
            if summary.title:
                ours_by_title.setdefault(summary.title, []).append(summary.id)
        report.scheme_differences = scheme.differences(store.label_set(), other.label_set())
        try:
            damaged = other.find_damaged_rows()
            left_out = {row.item_id for row in damaged if row.table == "documents"}
            left_out -= {row.item_id for row in damaged if row.repair == RESET_META}
            damaged_spans = {row.item_id for row in damaged if row.table == "spans"}
            with store.transaction():
                their_labels = set(other.label_set().names)
                used = {span.label for span in other.iter_spans()}
                # A crafted file's label ("<script>", SQL) cannot become one of ours:
                # its spans are left out and listed.
                unusable = {name: why for name in used if (why := _label_problem(name))}
                for span in other.iter_spans():
                    if span.label in unusable:
                        damaged_spans.add(span.id)
                        report.damaged_rows.append(
                            f"span {span.id} in document {span.doc_id[:12]}: its label "
                            f"{span.label!r} cannot be a label ({unusable[span.label]})"
                        )
                report.labels_added = [
                    label.name
                    for label in store.add_labels(sorted((their_labels | used) - set(unusable)))
                ]
            same_as: dict[str, str] = {}
            merged: set[str] = set()  # their documents whose spans are in ours
            linked: set[str] = set()  # their links already brought in (or refused)
            for chunk in _document_chunks(other):
                store.let_others_in()
                with store.transaction():
                    for doc_id in chunk:
                        if doc_id in left_out or not _merge_document(
                            store, other, doc_id, report, ours_by_source, ours_by_title
                        ):
                            continue
                        same_as.update(_merge_spans(store, other, doc_id, report, damaged_spans))
                        merged.add(doc_id)
                        _merge_links(store, other, doc_id, merged, linked, same_as, report)
            statuses = [e for e in other.status_entries() if e.doc_id not in left_out]
            for entries in _chunks(statuses, CHUNK_RECORDS):
                store.let_others_in()
                with store.transaction():
                    report.statuses_carried += sum(store.carry_status(e) for e in entries)
            # A decision on a gold span we hold under another id points at ours.
            kept = [decision for decision in other.decisions() if decision.doc_id not in left_out]
            for decisions in _chunks(kept, CHUNK_RECORDS):
                store.let_others_in()
                report.decisions_added += store.add_decisions(
                    decision.model_copy(
                        update={"gold_span_id": same_as.get(decision.gold_span_id or "")}
                    )
                    if decision.gold_span_id in same_as
                    else decision
                    for decision in decisions
                )
            their_notes = [note for note in other.notes() if note.doc_id not in left_out]
            for notes in _chunks(their_notes, CHUNK_RECORDS):
                store.let_others_in()
                with store.transaction():
                    for note in notes:
                        _merge_note(store, note, same_as, report)
            report.damaged_rows[:0] = [str(row) for row in other.damaged_rows_seen()]
        except BaseException:
            store.reload_label_set()
            raise
    return report


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


def _document_chunks(other: Store) -> Iterator[list[str]]:
    """Their documents, in groups of about CHUNK_SPANS spans (at most CHUNK_DOCUMENTS)."""
    counts = other.span_counts_by_document()
    chunk: list[str] = []
    spans = 0
    for doc_id in other.document_ids():
        chunk.append(doc_id)
        spans += sum(counts.get(doc_id, {}).values())
        if spans >= CHUNK_SPANS or len(chunk) >= CHUNK_DOCUMENTS:
            yield chunk
            chunk, spans = [], 0
    if chunk:
        yield chunk


def _merge_document(
    store: Store,
    other: Store,
    doc_id: str,
    report: MergeReport,
    ours_by_source: dict[str, list[str]],
    ours_by_title: dict[str, list[str]],
) -> bool:
    """Bring one of their documents unless we have it; False when it cannot be read."""
    if store.has_document(doc_id):
        report.documents_matched += 1
        return True
    try:
        document = other.document(doc_id)
    except DamagedDocument:
        return False
    changed = None
    if document.source and document.source in ours_by_source:
        changed = ("same source", ours_by_source[document.source])
    elif document.title and document.title in ours_by_title:
        changed = ("same title", ours_by_title[document.title])
    if changed is not None:
        report.changed_articles.append(
            ChangedArticle(
                title=document.title,
                source=document.source,
                reason=changed[0],
                ours=changed[1],
                theirs=doc_id,
            )
        )
    store.add_document(document)
    report.documents_added += 1
    return True


def _merge_spans(
    store: Store, other: Store, doc_id: str, report: MergeReport, damaged: set[str]
) -> dict[str, str]:
    """Copy the new spans of one of their documents (not the damaged ones); returns, for
    each of its spans that duplicates one of ours under another id, that id of ours."""
    keys = {(s.annotator, s.start, s.end, s.label): s.id for s in store.spans(doc_id)}
    batch: list[Span] = []
    same_as: dict[str, str] = {}
    theirs = [span for span in other.spans(doc_id) if span.id not in damaged]
    ours = store.spans_by_ids(span.id for span in theirs)
    for span in theirs:
        if span.id in ours:
            if _same_span(ours[span.id], span):
                report.spans_already_present += 1
            else:
                report.spans_conflicting += 1
                kept, left = ours[span.id], span
                report.conflicts.append(
                    f"{kept.annotator}'s span {span.id} in document {doc_id[:12]}: kept "
                    f"{kept.start}-{kept.end} {kept.label} {kept.text!r}, not "
                    f"{left.start}-{left.end} {left.label} {left.text!r}"
                )
            continue
        key = (span.annotator, span.start, span.end, span.label)
        if key in keys:
            report.spans_duplicate += 1
            same_as[span.id] = keys[key]
            continue
        keys[key] = span.id
        batch.append(span)
        report.spans_added[span.annotator] = report.spans_added.get(span.annotator, 0) + 1
    store.add_spans(batch)
    return same_as


def _merge_note(store: Store, note: Note, same_as: dict[str, str], report: MergeReport) -> None:
    """Bring one of their notes: on our copy of its span when theirs duplicated ours;
    where its author has a note in ours already, ours is kept (and a different text
    reported). A note on a span that was left out (damaged) stays behind with it."""
    span_id = same_as.get(note.span_id, note.span_id) if note.span_id else None
    if span_id is not None and not store.has_span(span_id):
        return
    mine = store.note_by(note.doc_id, span_id, note.author)
    if mine is None:
        store.put_note(note.model_copy(update={"span_id": span_id}))
        report.notes_added += 1
    elif mine.text == note.text:
        report.notes_already_present += 1
    else:
        where = f"span {span_id}" if span_id else "the article"
        report.note_conflicts.append(
            f"{note.author}'s note on {where} in document {note.doc_id[:12]}: kept "
            f"{mine.text!r}, not {note.text!r}"
        )


def _merge_links(
    store: Store,
    other: Store,
    doc_id: str,
    merged: set[str],
    linked: set[str],
    same_as: dict[str, str],
    report: MergeReport,
) -> None:
    """Bring the links with an end in ``doc_id`` whose ends are both merged by now (a
    link to an article not yet merged comes with that article)."""
    links = [link for link in other.links(doc_id=doc_id) if link.id not in linked]
    ends = other.spans_by_ids(end for link in links for end in (link.from_span, link.to_span))
    ready = [
        link
        for link in links
        if all(
            end not in ends or ends[end].doc_id in merged for end in (link.from_span, link.to_span)
        )
    ]
    linked.update(link.id for link in ready)
    relations = [
        ForeignRelation(
            type=link.type,
            from_span=link.from_span,
            to_span=link.to_span,
            id=link.id,
            annotator=link.annotator,
            created_at=link.created_at,
        )
        for link in ready
    ]
    if not relations:
        return
    result = import_relations(store, relations, span_ids=same_as)
    report.links_added += len(result.added)
    report.links_already_present += result.present
    report.links_refused += [
        f"{relation.type} {relation.from_span} -> {relation.to_span}: {reason}"
        for relation, reason in result.refused
    ]

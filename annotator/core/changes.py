"""What a write changed, described for whoever shows the data.

Every write the window makes ends in one ``Changes`` value: what kind of data changed
and in which documents, with the exact span edits when they are known (a view can then
redraw only those). The window hands it to every view; each view looks at the parts it
shows and ignores the rest. Values combine with ``|`` (an undo macro, a batch).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.models import Span


@dataclass(frozen=True)
class SpanEdit:
    """One span before and after a write; ``None`` where it did not exist."""

    doc_id: str
    before: Span | None
    after: Span | None


@dataclass(frozen=True)
class Changes:
    documents: frozenset[str] = frozenset()
    """Documents whose annotations (spans, links, decisions, statuses) changed."""
    span_edits: tuple[SpanEdit, ...] = ()
    """The exact span edits, when known: enough to redraw only what they touch."""
    spans_reloaded: frozenset[str] = frozenset()
    """Documents where many spans changed at once: read their spans again."""
    all_documents: bool = False
    """Anything anywhere may have changed (an import, another process): read it all."""
    document_list: bool = False
    links: bool = False
    decisions: bool = False
    statuses: bool = False
    labels: bool = False
    """The label set or the link types."""
    rejections: bool = False
    notes: bool = False
    """Notes on spans or articles of ``documents``."""
    details: frozenset[str] = frozenset()
    """Documents whose own fields changed: title, language, metadata (outlet, date...)."""
    origin: object | None = field(default=None, compare=False)
    """What made the change (the undo step), for the one view that asked for it."""

    @classmethod
    def span(
        cls, doc_id: str, before: Span | None, after: Span | None, *, links: bool = False
    ) -> Changes:
        """One span added (``before`` None), removed (``after`` None) or changed."""
        return cls(
            documents=frozenset({doc_id}),
            span_edits=(SpanEdit(doc_id, before, after),),
            links=links,
        )

    @classmethod
    def reloaded(cls, *doc_ids: str, decisions: bool = False, links: bool = False) -> Changes:
        """Many spans of these documents changed: views read them again."""
        documents = frozenset(doc_ids)
        return cls(
            documents=documents, spans_reloaded=documents, decisions=decisions, links=links
        )

    @classmethod
    def everything(cls) -> Changes:
        """The project may have changed anywhere (an import, a colleague's process)."""
        return cls(all_documents=True, document_list=True, labels=True, links=True,
                   decisions=True, statuses=True, rejections=True, notes=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            documents=self.documents | other.documents,
            span_edits=self.span_edits + other.span_edits,
            spans_reloaded=self.spans_reloaded | other.spans_reloaded,
            all_documents=self.all_documents or other.all_documents,
            document_list=self.document_list or other.document_list,
            links=self.links or other.links,
            decisions=self.decisions or other.decisions,
            statuses=self.statuses or other.statuses,
            labels=self.labels or other.labels,
            rejections=self.rejections or other.rejections,
            notes=self.notes or other.notes,
            details=self.details | other.details,
            origin=self.origin if self.origin is not None else other.origin,
        )

    def touches(self, doc_id: str | None) -> bool:
        """Whether anything in ``doc_id`` changed."""
        return doc_id is not None and (self.all_documents or doc_id in self.documents)

    def reloads(self, doc_id: str | None) -> bool:
        """Whether ``doc_id``'s spans must be read again (no exact edits to apply)."""
        return doc_id is not None and (self.all_documents or doc_id in self.spans_reloaded)

    def edits_in(self, doc_id: str | None) -> list[SpanEdit]:
        return [edit for edit in self.span_edits if edit.doc_id == doc_id]

    def spans_changed(self, doc_id: str | None) -> bool:
        return self.reloads(doc_id) or bool(self.edits_in(doc_id))

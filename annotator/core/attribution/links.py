"""Links between spans: who said a claim, which claim a denial denies, whose amount.

Link types come from the label set (``link_types`` in ``resources/labels.json``): each
names the labels a link may start from and point to, and whether its two spans may be
in different documents. Every change here is one user action, one transaction, and
returns what its undo needs: ``add_link`` returns the new link (undo: ``delete_link``),
``delete_link`` returns the deleted link (undo: ``restore_link``).

A link belongs to one annotator's layer, as its two spans do: a claim in Alice's layer
is not attributed by a person in Bob's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.errors import AnnotatorError
from annotator.core.models import LabelSet, Link, LinkType, Span
from annotator.core.store import Store, new_id

SAID_BY = "said_by"
DENIES = "denies"
AMOUNT_OF = "amount_of"
SAME_AS = "same_as"

ATTRIBUTED_LABELS = ("claim", "denial")
"""Spans that need a ``said_by`` link: a statement without a source is unattributed."""
DENIAL_LABEL = "denial"


class LinkError(AnnotatorError):
    """A link the label set does not allow, or between spans that cannot be linked."""


def link_type(label_set: LabelSet, name: str) -> LinkType:
    found = next((kind for kind in label_set.link_types if kind.name == name), None)
    if found is None:
        known = ", ".join(kind.name for kind in label_set.link_types) or "none"
        raise LinkError(f"unknown link type {name!r}; the label set's link types are {known}")
    return found


def link_types_between(label_set: LabelSet, from_label: str, to_label: str) -> list[LinkType]:
    """The link types that may go from a ``from_label`` span to a ``to_label`` span."""
    return [
        kind
        for kind in label_set.link_types
        if from_label in kind.source_labels and to_label in kind.target_labels
    ]


def link_types_from(label_set: LabelSet, label: str) -> list[LinkType]:
    """The link types a ``label`` span can start (what pressing L on it may make)."""
    return [kind for kind in label_set.link_types if label in kind.source_labels]


def check_link(store: Store, kind: LinkType, source: Span, target: Span, annotator: str) -> None:
    """Raise LinkError, saying why, unless ``source -kind-> target`` may be stored."""
    if source.id == target.id:
        raise LinkError(f"a span cannot be linked to itself ({source.label} {source.text!r})")
    if source.label not in kind.source_labels:
        raise LinkError(
            f"a {kind.name} link starts from {' or '.join(kind.source_labels)}, "
            f"not from the {source.label} {source.text!r}"
        )
    if target.label not in kind.target_labels:
        raise LinkError(
            f"a {kind.name} link points to {' or '.join(kind.target_labels)}, "
            f"not to the {target.label} {target.text!r}"
        )
    for span in (source, target):
        if span.annotator != annotator:
            raise LinkError(
                f"the {span.label} {span.text!r} is in {span.annotator}'s layer, not "
                f"{annotator}'s: link spans of one layer"
            )
    if not kind.cross_document and source.doc_id != target.doc_id:
        raise LinkError(
            f"a {kind.name} link joins two spans of the same article; "
            f"{source.text!r} and {target.text!r} are in different articles"
        )
    if store.find_link(kind.name, source.id, target.id) is not None:
        raise LinkError(f"{source.text!r} is already linked {kind.name} to {target.text!r}")
    if kind.name == SAME_AS and store.find_link(kind.name, target.id, source.id) is not None:
        raise LinkError(f"{target.text!r} is already marked the same claim as {source.text!r}")


def add_link(
    store: Store,
    type_name: str,
    from_span_id: str,
    to_span_id: str,
    annotator: str | None = None,
) -> Link:
    """Link two spans (one transaction). ``annotator`` defaults to the layer of the
    span the link starts from. Returns the link; ``delete_link(store, link.id)`` undoes."""
    kind = link_type(store.label_set(), type_name)
    with store.transaction():
        try:
            source = store.span(from_span_id)
            target = store.span(to_span_id)
        except KeyError as error:
            raise LinkError(f"no span {error.args[0]} in the project") from error
        owner = annotator or source.annotator
        check_link(store, kind, source, target, owner)
        return store.insert_link(
            Link(
                id=new_id(), type=kind.name, from_span=source.id, to_span=target.id, annotator=owner
            )
        )


def delete_link(store: Store, link_id: str) -> Link:
    """Remove a link; returns it, for ``restore_link`` to undo."""
    try:
        return store.delete_link(link_id)
    except KeyError as error:
        raise LinkError(f"no link {link_id} in the project") from error


def restore_link(store: Store, link: Link) -> Link:
    """Put back a deleted link exactly as it was (its id and time), after checking it
    still fits: both spans must exist again (undo their deletion first)."""
    kind = link_type(store.label_set(), link.type)
    with store.transaction():
        spans = store.spans_by_ids((link.from_span, link.to_span))
        if link.from_span not in spans or link.to_span not in spans:
            raise LinkError(f"cannot restore the {link.type} link: one of its spans is gone")
        check_link(store, kind, spans[link.from_span], spans[link.to_span], link.annotator)
        return store.insert_link(link)


def delete_span_with_links(store: Store, span_id: str) -> tuple[Span, list[Link]]:
    """Delete a span and the links at either end of it (one transaction); returns both,
    so that ``restore_span_with_links`` can undo. ``Store.delete_span`` alone drops the
    links too (ON DELETE CASCADE) but cannot give them back."""
    with store.transaction():
        links = store.links(span_id=span_id)
        span = store.delete_span(span_id)
    return span, links


def restore_span_with_links(store: Store, span: Span, links: Sequence[Link]) -> None:
    """Undo of ``delete_span_with_links``: the span, then its links, as they were."""
    with store.transaction():
        store.restore_span(span)
        for link in links:
            store.insert_link(link)


# -- what the window shows: a document's links, resolved -------------------------


@dataclass(frozen=True)
class ResolvedLink:
    """A link with both its spans, for a side panel or arcs; ``target`` may be in
    another document (then the panel offers to jump there)."""

    link: Link
    source: Span
    target: Span

    @property
    def crosses_documents(self) -> bool:
        return self.source.doc_id != self.target.doc_id


def resolve(store: Store, links: Sequence[Link]) -> list[ResolvedLink]:
    spans = store.spans_by_ids(end for link in links for end in (link.from_span, link.to_span))
    return [
        ResolvedLink(link, spans[link.from_span], spans[link.to_span])
        for link in links
        if link.from_span in spans and link.to_span in spans
    ]


def document_links(
    store: Store, doc_id: str, annotators: Sequence[str] | None = None
) -> list[ResolvedLink]:
    """The links with at least one end in ``doc_id``, oldest first."""
    return resolve(store, store.links(doc_id=doc_id, annotators=annotators))


@dataclass(frozen=True)
class LinkCandidate:
    span: Span
    link_type: LinkType


def candidates(store: Store, source: Span) -> list[LinkCandidate]:
    """Spans of the same layer and document that ``source`` may be linked to, nearest
    first, with the link type each would get; already linked pairs are left out. The
    window cycles through these when the user presses L on a span."""
    label_set = store.label_set()
    kinds = link_types_from(label_set, source.label)
    existing = {(link.type, link.to_span) for link in store.links(span_id=source.id)}
    found: list[tuple[int, int, LinkCandidate]] = []
    for span in store.spans(source.doc_id, source.annotator):
        if span.id == source.id:
            continue
        for order, kind in enumerate(kinds):
            if span.label in kind.target_labels and (kind.name, span.id) not in existing:
                distance = max(span.start - source.end, source.start - span.end, 0)
                found.append((distance, order, LinkCandidate(span, kind)))
    found.sort(key=lambda item: (item[0], item[1], item[2].span.start))
    return [candidate for _, _, candidate in found]


def other_document_candidates(store: Store, source: Span) -> list[LinkCandidate]:
    """Spans of the same layer in *other* documents that ``source`` may be linked to
    by a cross-document link type (a denial denying a claim reported elsewhere), in
    project order; already linked pairs are left out."""
    kinds = [
        kind for kind in link_types_from(store.label_set(), source.label) if kind.cross_document
    ]
    labels = sorted({label for kind in kinds for label in kind.target_labels})
    existing = {(link.type, link.to_span) for link in store.links(span_id=source.id)}
    return [
        LinkCandidate(span, kind)
        for span in store.spans_with_labels(labels, source.annotator, source.doc_id)
        for kind in kinds
        if span.label in kind.target_labels and (kind.name, span.id) not in existing
    ]


# -- checks -----------------------------------------------------------------------


class ProblemKind(StrEnum):
    UNATTRIBUTED = "unattributed"
    """A claim or denial with no ``said_by`` link: nobody is said to have said it."""
    DENIES_NOTHING = "denies_nothing"
    """A denial with no ``denies`` link: what it denies is not marked."""


@dataclass(frozen=True)
class AttributionProblem:
    kind: ProblemKind
    span: Span

    @property
    def message(self) -> str:
        if self.kind is ProblemKind.UNATTRIBUTED:
            return f"{self.span.label} with no source (no said_by link)"
        return "denial that denies no claim (no denies link)"


def check(
    store: Store, annotators: Sequence[str] | None = None, doc_id: str | None = None
) -> list[AttributionProblem]:
    """Unattributed claims and denials, and denials with no ``denies`` link, in
    document order. ``annotators``: only these layers (default: every layer);
    ``doc_id``: only that document's spans (the window's article)."""
    links = store.links(annotators=annotators, doc_id=doc_id)
    attributed = {link.from_span for link in links if link.type == SAID_BY}
    denying = {link.from_span for link in links if link.type == DENIES}
    wanted = set(annotators) if annotators is not None else None
    problems: list[AttributionProblem] = []
    spans: Iterable[Span]
    if doc_id is None:
        spans = store.iter_spans()
    else:  # only claims and denials can have a problem: read just those in full
        refs = store.span_refs(doc_id, annotators or store.annotators())
        wanted_ids = [r.id for r in refs if r.label in ATTRIBUTED_LABELS or r.label == DENIAL_LABEL]
        found = store.spans_by_ids(wanted_ids)
        spans = [found[span_id] for span_id in wanted_ids if span_id in found]
    for span in spans:
        if wanted is None or span.annotator in wanted:
            problems.extend(_problems_of(span, span.id in attributed, span.id in denying))
    return problems


def check_span(store: Store, span: Span) -> list[AttributionProblem]:
    """What ``check`` finds about this one span (after it was tagged or relabelled)."""
    if span.label not in ATTRIBUTED_LABELS and span.label != DENIAL_LABEL:
        return []
    own = store.links(span_id=span.id)
    from_here = {link.type for link in own if link.from_span == span.id}
    return _problems_of(span, SAID_BY in from_here, DENIES in from_here)


def _problems_of(span: Span, attributed: bool, denying: bool) -> list[AttributionProblem]:
    problems = []
    if span.label in ATTRIBUTED_LABELS and not attributed:
        problems.append(AttributionProblem(ProblemKind.UNATTRIBUTED, span))
    if span.label == DENIAL_LABEL and not denying:
        problems.append(AttributionProblem(ProblemKind.DENIES_NOTHING, span))
    return problems


# -- importing links from files (gold JSONL relations; brat, Label Studio, doccano) ----


@dataclass(frozen=True)
class ForeignRelation:
    """A link as another file holds it: its type and the file's ids of its two spans."""

    type: str
    from_span: str
    to_span: str
    id: str | None = None
    annotator: str | None = None
    created_at: str | None = None
    line: int | None = None
    """The relation's own line in the file (a brat ``R`` line), for error reports."""


@dataclass
class RelationImport:
    added: list[Link]
    present: int
    refused: list[tuple[ForeignRelation, str]]
    """Each relation that could not be stored, with the reason."""


def import_relations(
    store: Store, relations: Sequence[ForeignRelation], span_ids: dict[str, str] | None = None
) -> RelationImport:
    """Store links read from a file, in one transaction (the caller's, when inside one).

    ``span_ids`` maps the file's span ids to the stored spans' ids (a gold JSONL file
    keeps ids: no map needed). A relation the label set does not allow, or whose spans
    are not in the project, is refused with the reason and the others are stored; one
    already in the project counts as present. Call it after the spans are stored.
    """
    result = RelationImport(added=[], present=0, refused=[])
    label_set = store.label_set()
    with store.transaction():
        for relation in relations:
            source_id = (span_ids or {}).get(relation.from_span, relation.from_span)
            target_id = (span_ids or {}).get(relation.to_span, relation.to_span)
            if store.find_link(relation.type, source_id, target_id) is not None or (
                # same_as has no direction: B same_as A is the link A same_as B.
                relation.type == SAME_AS
                and store.find_link(relation.type, target_id, source_id) is not None
            ):
                result.present += 1
                continue
            try:
                kind = link_type(label_set, relation.type)
                spans = store.spans_by_ids((source_id, target_id))
                missing = [i for i in (source_id, target_id) if i not in spans]
                if missing:
                    raise LinkError(f"no span {missing[0]} in the project")
                source, target = spans[source_id], spans[target_id]
                owner = relation.annotator or source.annotator
                check_link(store, kind, source, target, owner)
            except LinkError as error:
                result.refused.append((relation, str(error)))
                continue
            link_id = relation.id or new_id()
            if _link_id_taken(store, link_id):
                link_id = new_id()
            link = Link(
                id=link_id,
                type=kind.name,
                from_span=source_id,
                to_span=target_id,
                annotator=owner,
                **({"created_at": relation.created_at} if relation.created_at else {}),
            )
            result.added.append(store.insert_link(link))
    return result


def _link_id_taken(store: Store, link_id: str) -> bool:
    try:
        store.link(link_id)
    except KeyError:
        return False
    return True

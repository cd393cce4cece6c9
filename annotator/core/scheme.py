"""The project's annotation scheme: its labels, their attributes and guidelines, versioned.

Every change to the scheme makes a new version (``LabelSet.version``, with when and what
in ``history``), so a span's scheme version is the one in force when it was made, and
an export or an import can say which scheme it speaks. A label is never deleted: it is
retired, so the spans made with it keep a label the project knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError

from annotator.core.colour_checks import ColourProblem, colour_problems
from annotator.core.errors import AnnotatorError
from annotator.core.models import (
    Attribute,
    Label,
    LabelSet,
    SchemeChange,
    Span,
    is_label_name,
    utc_now,
)
from annotator.core.palette import next_colour, next_shortcut
from annotator.core.store import Store
from annotator.core.verdicts import DEFAULT_SCALE, VERDICT_ATTRIBUTE, VerdictScale

VERDICT_LABEL = "claim"
T = TypeVar("T")


class SchemeError(AnnotatorError):
    """A change the scheme cannot take (a name taken, a colour that does not work)."""


class ColourRefused(SchemeError):
    def __init__(self, problems: list[ColourProblem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def next_version(label_set: LabelSet, change: str) -> LabelSet:
    """``label_set`` as the next version, with ``change`` saying what made it."""
    version = label_set.version + 1
    return label_set.model_copy(
        update={
            "version": version,
            "history": [
                *label_set.history,
                SchemeChange(version=version, at=utc_now(), change=change),
            ],
        }
    )


def _label(label_set: LabelSet, name: str) -> Label:
    label = label_set.get(name)
    if label is None:
        raise SchemeError(
            f"no label {name!r}; the project's labels are {', '.join(label_set.names)}"
        )
    return label


def _replace(label_set: LabelSet, label: Label, change: str) -> LabelSet:
    labels = [label if known.name == label.name else known for known in label_set.labels]
    return next_version(label_set.model_copy(update={"labels": labels}), change)


def _check_colour(label_set: LabelSet, name: str, colour: str) -> None:
    others = [(label.name, label.color) for label in label_set.active if label.name != name]
    problems = colour_problems(colour.upper(), others)
    if problems:
        raise ColourRefused(problems)


def _checked(build: Callable[[], T]) -> T:
    """Run a model constructor; pydantic's refusal as the scheme's error."""
    try:
        return build()
    except ValidationError as error:
        raise SchemeError(
            "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in error.errors())
        ) from error


# -- labels -------------------------------------------------------------------------


def with_new_label(
    label_set: LabelSet,
    name: str,
    *,
    display: dict[str, str] | None = None,
    key: str | None = None,
    letter: str | None = None,
    colour: str | None = None,
    kind: str = "entity",
    check_colour: bool = True,
) -> LabelSet:
    if label_set.get(name) is not None:
        raise SchemeError(f"the project already has a label {name!r}")
    if key is None:
        try:
            key = next_shortcut(label_set.active)
        except ValueError as error:
            raise SchemeError(f"no key left for {name!r}: {error}") from error
    colour = colour or next_colour(label_set.active)
    label = _checked(
        lambda: Label(
            name=name,
            key=key,
            letter=letter,
            color=colour,
            kind=kind,
            display=display or {"en": name, "fr": name},
        )
    )
    if check_colour:
        _check_colour(label_set, name, label.color)
    added = _checked(
        lambda: LabelSet.model_validate(
            {
                **label_set.model_dump(),
                "labels": [*label_set.model_dump()["labels"], label.model_dump()],
            }
        )
    )
    return next_version(added, f"added the label {name}")


def with_colour(label_set: LabelSet, name: str, colour: str, *, check: bool = True) -> LabelSet:
    label = _label(label_set, name)
    changed = _checked(lambda: Label.model_validate({**label.model_dump(), "color": colour}))
    if check:
        _check_colour(label_set, name, changed.color)
    return _replace(label_set, changed, f"recoloured {name} {label.color} -> {changed.color}")


def with_retired(label_set: LabelSet, name: str, retired: bool = True) -> LabelSet:
    label = _label(label_set, name)
    if label.retired == retired:
        return label_set
    changed = label.model_copy(update={"retired": retired})
    result = _replace(label_set, changed, f"retired {name}" if retired else f"brought {name} back")
    return _checked(lambda: LabelSet.model_validate(result.model_dump()))


def with_fields(label_set: LabelSet, name: str, **fields: Any) -> LabelSet:
    """The label's display names, keys or kind changed (fields left None stay)."""
    label = _label(label_set, name)
    data = label.model_dump()
    given = {key: value for key, value in fields.items() if value is not None}
    if "display" in given:
        given["display"] = {**label.display, **given["display"]}
    data.update(given)
    changed = _checked(lambda: Label.model_validate(data))
    if changed == label:
        return label_set
    result = _replace(label_set, changed, f"edited {name} ({', '.join(sorted(given))})")
    return _checked(lambda: LabelSet.model_validate(result.model_dump()))


def with_renamed(label_set: LabelSet, old: str, new: str) -> LabelSet:
    label = _label(label_set, old)
    if not is_label_name(new):
        raise SchemeError(
            f"label name {new!r} must start with a letter (of any alphabet) and hold only "
            "letters, digits, '_' or '-'"
        )
    if label_set.get(new) is not None:
        raise SchemeError(f"the project already has a label {new!r}")
    labels = [
        known.model_copy(update={"name": new}) if known.name == old else known
        for known in label_set.labels
    ]
    link_types = [
        kind.model_copy(
            update={
                "source_labels": [new if name == old else name for name in kind.source_labels],
                "target_labels": [new if name == old else name for name in kind.target_labels],
            }
        )
        for kind in label_set.link_types
    ]
    del label
    return next_version(
        label_set.model_copy(update={"labels": labels, "link_types": link_types}),
        f"renamed {old} to {new}",
    )


def rename_label(store: Store, old: str, new: str) -> int:
    """Rename a label everywhere (spans, decisions, link types) in one transaction;
    returns how many spans now carry the new name."""
    return store.rename_label(old, new, with_renamed(store.label_set(), old, new))


# -- attributes ---------------------------------------------------------------------


def attribute(
    name: str,
    kind: str = "choice",
    choices: list[str] | None = None,
    *,
    key: str | None = None,
    display: dict[str, str] | None = None,
    unrated: list[str] | None = None,
) -> Attribute:
    """An attribute definition; a verdict with no choices given gets the default scale."""
    if kind == "choice" and not choices and name == VERDICT_ATTRIBUTE:
        choices = list(DEFAULT_SCALE.values)
        unrated = list(DEFAULT_SCALE.unrated) if unrated is None else unrated
    return _checked(
        lambda: Attribute(
            name=name,
            kind=kind,
            choices=choices or [],
            unrated=unrated or [],
            key=key,
            display=display or {},
        )
    )


def with_attribute(label_set: LabelSet, label_name: str, definition: Attribute) -> LabelSet:
    """The label with ``definition`` added, or replacing its attribute of that name."""
    label = _label(label_set, label_name)
    attributes = [known for known in label.attributes if known.name != definition.name]
    existed = len(attributes) != len(label.attributes)
    position = next(
        (i for i, known in enumerate(label.attributes) if known.name == definition.name),
        len(attributes),
    )
    attributes.insert(position, definition)
    changed = _checked(
        lambda: Label.model_validate(
            {**label.model_dump(), "attributes": [known.model_dump() for known in attributes]}
        )
    )
    verb = "changed" if existed else "added"
    return _replace(label_set, changed, f"{verb} the attribute {label_name}.{definition.name}")


def without_attribute(label_set: LabelSet, label_name: str, name: str) -> LabelSet:
    label = _label(label_set, label_name)
    if label.attribute(name) is None:
        raise SchemeError(f"{label_name} has no attribute {name!r}")
    changed = label.model_copy(
        update={"attributes": [known for known in label.attributes if known.name != name]}
    )
    return _replace(label_set, changed, f"removed the attribute {label_name}.{name}")


def scheme_attributes(label: Label | None, attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes of ``attrs`` that the label's scheme defines, in its order."""
    if label is None:
        return {}
    return {
        definition.name: attrs[definition.name]
        for definition in label.attributes
        if definition.name in attrs
    }


def attrs_with(span: Span, label: Label, name: str, value: Any) -> dict[str, Any]:
    """``span``'s attrs with attribute ``name`` set to ``value`` (None: taken away)."""
    definition = label.attribute(name)
    if definition is None:
        raise SchemeError(f"{label.name} has no attribute {name!r}")
    attrs = dict(span.attrs)
    if value is None:
        attrs.pop(name, None)
        return attrs
    try:
        attrs[name] = definition.check_value(value)
    except ValueError as error:
        raise SchemeError(str(error)) from error
    return attrs


def imported_attrs(label: Label | None, attrs: dict[str, Any]) -> dict[str, Any]:
    """A file's attributes as the scheme stores them: a choice written with
    underscores for spaces (brat's ``mostly_true``) becomes the scheme's value, a
    number or a yes/no given as text its value; anything else is kept as it came."""
    if label is None or not attrs:
        return attrs
    kept = dict(attrs)
    for definition in label.attributes:
        value = kept.get(definition.name)
        if value is None:
            continue
        if definition.kind == "choice" and value not in definition.choices:
            spaced = str(value).replace("_", " ")
            kept[definition.name] = next(
                (choice for choice in definition.choices if choice in (spaced, str(value))),
                value,
            )
        elif definition.kind in ("number", "yes/no"):
            try:
                kept[definition.name] = definition.check_value(value)
            except ValueError:
                pass  # kept as it came: the file's value, not a guess
    return kept


def set_span_attribute(store: Store, span_id: str, name: str, value: Any) -> tuple[Span, Span]:
    """Set (or, with None, clear) one attribute of a stored span: (before, after)."""
    before = store.span(span_id)
    label = _label(store.label_set(), before.label)
    after = store.update_span(span_id, attrs=attrs_with(before, label, name, value))
    return before, after


def project_verdict_scale(label_set: LabelSet) -> VerdictScale:
    """The verdict scale the project's claims are rated on: the claim label's verdict
    choices (the unrated ones last), or the default scale."""
    claim = label_set.get(VERDICT_LABEL)
    definition = claim.attribute(VERDICT_ATTRIBUTE) if claim is not None else None
    if definition is None or definition.kind != "choice":
        return DEFAULT_SCALE
    rated = tuple(value for value in definition.choices if value not in definition.unrated)
    return VerdictScale(rated=rated, unrated=tuple(definition.unrated))


# -- guidelines ---------------------------------------------------------------------


def with_guidelines(
    label_set: LabelSet, label_name: str | None, language: str, markdown: str
) -> LabelSet:
    """The project's (``label_name`` None) or a label's guidelines in ``language``."""
    text = markdown.strip()
    if label_name is None:
        guidelines = {**label_set.guidelines, language: text}
        if not text:
            del guidelines[language]
        return next_version(
            label_set.model_copy(update={"guidelines": guidelines}),
            f"project guidelines ({language})",
        )
    label = _label(label_set, label_name)
    guidelines = {**label.guidelines, language: text}
    if not text:
        del guidelines[language]
    return _replace(
        label_set,
        label.model_copy(update={"guidelines": guidelines}),
        f"guidelines of {label_name} ({language})",
    )


# -- comparing schemes --------------------------------------------------------------


def differences(ours: LabelSet, theirs: LabelSet) -> list[str]:
    """What another scheme (an imported project's, a file's) does differently, in words;
    empty when the two agree on labels, kinds, attributes and link types."""
    found: list[str] = []
    our_names, their_names = set(ours.names), set(theirs.names)
    for name in sorted(their_names - our_names):
        found.append(f"label {name} is only in the other scheme")
    for name in sorted(our_names - their_names):
        found.append(f"label {name} is only in this project's scheme")
    for name in sorted(our_names & their_names):
        mine, other = _label(ours, name), _label(theirs, name)
        if mine.kind != other.kind:
            found.append(f"label {name} is a {mine.kind} here, a {other.kind} there")
        if mine.retired != other.retired:
            found.append(f"label {name} is retired {'here' if mine.retired else 'there'}")
        my_attributes = {a.name: a for a in mine.attributes}
        their_attributes = {a.name: a for a in other.attributes}
        for attribute_name in sorted(set(their_attributes) - set(my_attributes)):
            found.append(f"attribute {name}.{attribute_name} is only in the other scheme")
        for attribute_name in sorted(set(my_attributes) - set(their_attributes)):
            found.append(f"attribute {name}.{attribute_name} is only in this project's scheme")
        for attribute_name in sorted(set(my_attributes) & set(their_attributes)):
            a, b = my_attributes[attribute_name], their_attributes[attribute_name]
            if a.kind != b.kind:
                found.append(f"attribute {name}.{attribute_name} is {a.kind} here, {b.kind} there")
            elif a.choices != b.choices:
                extra = [value for value in b.choices if value not in a.choices]
                missing = [value for value in a.choices if value not in b.choices]
                detail = (
                    "; ".join(
                        part
                        for part in (
                            f"only there: {', '.join(extra)}" if extra else "",
                            f"only here: {', '.join(missing)}" if missing else "",
                        )
                        if part
                    )
                    or "in another order"
                )
                found.append(f"attribute {name}.{attribute_name} has other values ({detail})")
    our_links = {kind.name: kind for kind in ours.link_types}
    their_links = {kind.name: kind for kind in theirs.link_types}
    for name in sorted(set(their_links) - set(our_links)):
        found.append(f"link type {name} is only in the other scheme")
    for name in sorted(set(our_links) - set(their_links)):
        found.append(f"link type {name} is only in this project's scheme")
    return found


def summary(label_set: LabelSet) -> dict[str, Any]:
    """The scheme as an export's manifest names it: its version and its labels."""
    return {
        "version": label_set.version,
        "labels": {
            label.name: {
                "kind": label.kind,
                **({"retired": True} if label.retired else {}),
                "attributes": {
                    definition.name: {
                        "kind": definition.kind,
                        **({"choices": definition.choices} if definition.choices else {}),
                    }
                    for definition in label.attributes
                },
            }
            for label in label_set.labels
        },
    }

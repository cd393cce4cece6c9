"""How an import is asked for: the choices ``annotator import`` takes as options and the
window's import asks in a dialog, checked in one place so both refuse the same choices
with the same reasons.

The choices apply to files annotated in other tools (articles have none): the layer
for spans whose file names no annotator (``--as``), their labels mapped to the
project's (``--map``, ``--map-file``) or added to it (``--add-labels``), the unit of
their offsets (``--offsets``), which tool wrote them (``--format``), Label Studio's
predictions (``--predictions``) and a file's good records kept beside refused ones
(``--partial``). ``inputs.import_inputs`` runs the import the request describes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.errors import ChoiceError
from annotator.core.importing.annotated import FORMATS, UNITS, combined_label_map


@dataclass(frozen=True)
class ImportRequest:
    """The import's choices, already checked (:meth:`from_choices` checks them)."""

    format_name: str = "auto"
    """Which tool wrote the annotated files; "auto" recognises them by their shape."""
    as_name: str | None = None
    """The layer for spans whose file does not name their annotator (None: the file's
    name)."""
    label_map: Mapping[str, str] = field(default_factory=dict)
    """Their label (or relation type) -> the project's."""
    add_labels: bool = False
    predictions: bool = False
    offsets: str = "auto"
    """"codepoints", "utf16", or "auto": detected from the span text."""
    partial: bool = False

    @classmethod
    def from_choices(
        cls,
        *,
        as_name: str | None = None,
        maps: Sequence[str] = (),
        map_files: Sequence[Path | str] = (),
        add_labels: bool = False,
        offsets: str = "auto",
        format_name: str = "auto",
        predictions: bool = False,
        partial: bool = False,
    ) -> ImportRequest:
        """The request for these choices, as typed: each ``--map`` text (``"PER=person,
        ORG=organisation"``), map files (JSON objects). Raises ``ChoiceError`` naming
        the choice and what is wrong with it; an unreadable map file raises its
        ``InputError`` (file and line)."""
        if offsets not in UNITS:
            raise ChoiceError(
                "--offsets",
                f"unknown offset unit {offsets!r}: use {', '.join(UNITS)}",
                "unknown unit",
                {"unit": offsets},
            )
        if format_name not in FORMATS:
            raise ChoiceError(
                "--format",
                f"unknown format {format_name!r}: use {', '.join(FORMATS)}",
                "unknown format",
                {"format": format_name},
            )
        label_map = combined_label_map(
            [text for text in maps if text.strip()], [Path(path) for path in map_files]
        )
        return cls(
            format_name=format_name,
            as_name=(as_name or "").strip() or None,
            label_map=label_map,
            add_labels=add_labels,
            predictions=predictions,
            offsets=offsets,
            partial=partial,
        )

    @property
    def every_path_annotated(self) -> bool:
        """A format given: every path that is not an archive is an annotated file."""
        return self.format_name != "auto"

    def adding_labels(self) -> ImportRequest:
        """The same import again, adding the labels the project lacked."""
        return replace(self, add_labels=True)

"""Which export formats exist, and how an export in one of them runs.

The registry sits on top of the exporters (one module per format); what they share (the
request, the report, the layers) is in ``shared``, which never imports this one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.files.atomic_files import all_or_nothing
from annotator.core.files.output_paths import (
    check_file_output,
    check_output,
    check_output_folder,
    protecting,
)
from annotator.core.formats.export import (
    ExportError,
    ExportOptions,
    document_splits,
    export_gold_jsonl,
    manifest_path_for,
)
from annotator.core.formats.shared import ExportRequest, FormatExportReport, OffsetUnit
from annotator.core.formats.tokens import AlignMode
from annotator.core.splits import SplitSpec
from annotator.core.store import Store
from annotator.core.wording import counted

Exporter = Callable[..., FormatExportReport]


def _jsonl(store: Store, path: Path, request: ExportRequest) -> FormatExportReport:
    plain = export_gold_jsonl(store, path, request.options)
    report = FormatExportReport(
        path=plain.path,
        documents=plain.documents,
        spans=plain.spans,
        examples=plain.examples,
        negative_examples=plain.negative_examples,
        labels=plain.labels,
        annotators=plain.annotators,
        sha256=plain.sha256,
        manifest_path=plain.manifest_path,
        format="jsonl",
        written_spans=plain.spans,
    )
    return report


def _exporters() -> dict[str, Exporter]:
    # Imported when an export runs: the window's start-up does not load every exporter.
    from annotator.core.formats import (
        brat,
        claimreview,
        conll,
        doccano,
        labelstudio,
        prodigy,
        spacy_docbin,
    )

    return {
        "jsonl": _jsonl,
        "spacy": spacy_docbin.export_spacy,
        "conll": conll.export_conll,
        "hf": conll.export_hf,
        "brat": brat.export_brat,
        "doccano": doccano.export_doccano,
        "labelstudio": labelstudio.export_labelstudio,
        "prodigy": prodigy.export_prodigy,
        "claimreview": claimreview.export_claimreview,
    }


FORMATS = ("jsonl", "spacy", "conll", "hf", "brat", "doccano", "labelstudio", "prodigy")
"""Formats that hold the spans themselves (every span written or counted as dropped)."""
REVIEW_FORMATS = ("claimreview",)
"""Formats that hold the verdicts on the reviewed claims, not the spans."""
ALL_FORMATS = (*FORMATS, *REVIEW_FORMATS)
FOLDER_FORMATS = ("brat", "hf")
"""Formats written as a folder (``export_folders``), not a file."""
OFFSET_FORMATS = ("doccano", "labelstudio")
"""Formats whose offset unit can be chosen; the others are fixed (see the README)."""


def split_path(path: Path, part: str) -> Path:
    """Where one part of a split export goes: ``out.jsonl`` -> ``out.train.jsonl``,
    a folder ``out`` -> ``out.train``."""
    if path.suffix:
        return path.with_name(f"{path.stem}.{part}{path.suffix}")
    return path.with_name(f"{path.name}.{part}")


@dataclass
class SplitExportReport(FormatExportReport):
    """A split export: the totals, and each part's own report."""

    parts: dict[str, FormatExportReport] = field(default_factory=dict)
    seed: int = 0

    def summary_lines(self) -> list[str]:
        sizes = ", ".join(f"{name} {part.documents}" for name, part in self.parts.items())
        lines = [
            f"Split by document (seed {self.seed}): {sizes} documents; "
            f"{counted(self.documents, 'document')}, "
            f"{counted(self.examples, 'annotator layer')} in all"
        ]
        for part in self.parts.values():
            lines += part.summary_lines()
        return lines


def _combined(
    path: Path, format_name: str, seed: int, parts: dict[str, FormatExportReport]
) -> SplitExportReport:
    total = SplitExportReport(path=path, format=format_name, parts=parts, seed=seed)
    for part in parts.values():
        total.documents += part.documents
        total.examples += part.examples
        total.negative_examples += part.negative_examples
        total.spans += part.spans
        total.written_spans += part.written_spans
        total.labels.update(part.labels)
        total.annotators.update(part.annotators)
        total.dropped.update(part.dropped)
        total.trimmed += part.trimmed
        total.expanded += part.expanded
        total.left_out.update(part.left_out)
        total.links += part.links
        total.written_links += part.written_links
        total.links_left_out.update(part.links_left_out)
        total.files += [part.path, *part.files]
        total.offsets, total.align = part.offsets, part.align
    return total


def export_format(
    store: Store,
    format_name: str,
    path: Path | str,
    options: ExportOptions | None = None,
    *,
    align: AlignMode | str = AlignMode.STRICT,
    offsets: OffsetUnit | str | None = None,
    split: SplitSpec | None = None,
) -> FormatExportReport:
    """Write the export in ``format_name``; the report says what the format lost.

    With ``split`` the documents are divided by ``core.splits``: every layer of a
    document goes to the same part, each part to its own file or folder
    (:func:`split_path`); the hf dataset folder holds one file per part instead.
    """
    if format_name not in ALL_FORMATS:
        raise ExportError(f"unknown format {format_name!r}: use {', '.join(ALL_FORMATS)}")
    if offsets is not None and format_name not in OFFSET_FORMATS:
        raise ExportError(
            f"--offsets applies to {' and '.join(OFFSET_FORMATS)} only; {format_name} "
            "offsets are fixed (see README, Export formats)"
        )
    exporter = _exporters()[format_name]
    path = Path(path)
    if path.name in ("", ".."):  # `-o .`: the folder's own name, for the manifest beside it
        path = Path(os.path.abspath(path))
    options = options or ExportOptions()
    request = ExportRequest(
        options, AlignMode(align), OffsetUnit(offsets) if offsets is not None else None
    )
    outputs = [path] if split is None or format_name == "hf" else [
        split_path(path, part) for part in split.names
    ]
    with protecting(store.path), all_or_nothing():
        # Refused before the work, not after it; every file is checked again as written.
        for output in outputs:
            if format_name in FOLDER_FORMATS:
                check_output_folder(output)
            else:
                check_file_output(output)
            check_output(manifest_path_for(output))
        if split is None:
            return exporter(store, path, request)
        assignment = document_splits(store, options, split)
        if format_name == "hf":
            return exporter(
                store,
                path,
                replace(request, options=replace(options, split=split)),
                splits=assignment,
                split_names=split.names,
            )
        parts: dict[str, FormatExportReport] = {}
        for part, output in zip(split.names, outputs, strict=True):
            chosen = frozenset(doc_id for doc_id, name in assignment.items() if name == part)
            part_options = replace(options, split=split, split_part=part, documents=chosen)
            parts[part] = exporter(store, output, replace(request, options=part_options))
        return _combined(path, format_name, split.seed, parts)

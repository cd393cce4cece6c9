"""Whatever the user hands over, imported by the right importer: articles (``.txt``,
``.md``, ``.html``, folders of them) by ``ingest``, files annotated in other tools
(doccano, Label Studio, Prodigy and gold JSONL files, brat folders) by ``interchange``.

``annotator import``, File → Import and files dropped on the window all import this
way (``import_inputs``, with the choices of an ``ImportRequest``). Each annotated file
is imported whole or not at all; a file that cannot be read at all is reported with the
reason and the others still import.

A ``.zip`` is opened (``archives.extracted``) for as long as the import lasts and its
members sorted the same way, each named ``ARCHIVE.zip/inner/path``; an archive that is
itself a brat or WebAnno folder (an INCEpTION project export) goes whole to the
annotation import, so its ``source/`` documents are not imported again as articles.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from annotator.core.errors import InputError
from annotator.core.formats import brat, webanno_tsv
from annotator.core.importing import annotated as interchange
from annotator.core.importing import archives
from annotator.core.importing import articles as ingest
from annotator.core.importing.articles import FileResult, InputFile
from annotator.core.importing.request import ImportRequest
from annotator.core.store import Store


@dataclass
class Inputs:
    """What the user gave, sorted between the two importers, each with its shown name."""

    articles: list[ingest.Given] = field(default_factory=list)
    annotated: list[InputFile] = field(default_factory=list)
    refused: list[InputError] = field(default_factory=list)
    """Archives that are damaged or unsafe to open: nothing of them is read."""
    archive_of: dict[Path, Path] = field(default_factory=dict)
    """An archive member's shown name -> the archive (what to import again)."""

    def shown(self) -> dict[Path, str]:
        """The annotated paths known to the user by another name (archive members)."""
        return {item.path: item.shown for item in self.annotated if str(item.path) != item.shown}


def _taken_whole(folder: Path, root: Path) -> bool:
    """An archive's folder the annotation import takes whole: a brat folder whose
    annotation.conf is in the archive (brat also looks above it: outside the archive,
    in the temporary folder's parents), or a folder of WebAnno files."""
    if brat.layer_folders(folder):
        inside = [parent for parent in (folder, *folder.parents) if parent.is_relative_to(root)]
        return any((parent / brat.CONF_NAME).is_file() for parent in inside)
    return bool(webanno_tsv.folder_files(folder))


def _sort_archive(folder: Path, shown: str, archive: Path, inputs: Inputs) -> None:
    """An extracted archive's members, as the importers will take them: annotated files
    and brat/WebAnno folders wherever they are, articles, the rest skipped."""
    found = len(inputs.articles) + len(inputs.annotated)

    def visit(current: Path, current_shown: str) -> None:
        if _taken_whole(current, folder):
            inputs.annotated.append(InputFile(current, current_shown))
            inputs.archive_of[Path(current_shown)] = archive
            return
        for entry in sorted(current.iterdir(), key=lambda entry: entry.name):
            entry_shown = f"{current_shown}/{entry.name}"
            if entry.is_dir():
                visit(entry, entry_shown)
            elif interchange.is_annotated_input(entry):
                inputs.annotated.append(InputFile(entry, entry_shown))
                inputs.archive_of[Path(entry_shown)] = archive
            elif entry.suffix.lower() in ingest.ARTICLE_SUFFIXES:
                inputs.articles.append(InputFile(entry, entry_shown))
            else:
                reason = f"not a {ingest.SUPPORTED} file"
                inputs.articles.append(FileResult(entry_shown, "skipped", reason=reason))

    visit(folder, shown)
    if len(inputs.articles) + len(inputs.annotated) == found:
        inputs.articles.append(FileResult(shown, "skipped", reason="nothing in the archive"))


@contextmanager
def opened_inputs(paths: Iterable[Path | str], *, all_annotated: bool = False) -> Iterator[Inputs]:
    """The paths sorted between the article and the annotation import, archives opened
    for as long as the block lasts. ``all_annotated`` sends every path that is not an
    archive to the annotation import (``--format`` given)."""
    inputs = Inputs()
    with ExitStack() as stack:
        for given in paths:
            path = Path(given)
            if archives.is_archive(path):
                try:
                    folder = stack.enter_context(archives.extracted(path))
                except InputError as error:
                    inputs.refused.append(error)
                    continue
                _sort_archive(folder, str(given), path, inputs)
            elif all_annotated or interchange.is_annotated_input(path):
                inputs.annotated.append(InputFile(path, str(path)))
            else:
                inputs.articles.append(given)
        yield inputs


@dataclass
class MixedImportReport(ingest.ImportReport):
    """The articles' report (``results``, ``imported``, ...) and the annotated files'."""

    annotations: interchange.ImportReport = field(default_factory=interchange.ImportReport)
    unreadable: list[InputError] = field(default_factory=list)
    """Annotated files that could not be read at all (not JSON, no known shape)."""
    annotated_paths: list[Path] = field(default_factory=list)
    archive_of: dict[Path, Path] = field(default_factory=dict)
    """An archive member's shown name -> the archive it came from."""

    def annotation_problems(self) -> list[InputError]:
        """Each refused record (with its file and line) and each unreadable file."""
        return [*self.unreadable, *self.annotations.refused]

    def paths_with_unknown_labels(self) -> list[Path]:
        """The annotated files refused for labels the project lacks (for a member of an
        archive, the archive: its temporary copy is gone)."""
        paths: list[Path] = []
        for f in self.annotations.files:
            path = self.archive_of.get(f.path, f.path)
            if f.refused and f.unknown_labels and path not in paths:
                paths.append(path)
        return paths


def import_inputs(
    store: Store,
    inputs: Inputs,
    request: ImportRequest,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> MixedImportReport:
    """The import ``request`` describes, of what the user gave: the articles first (an
    annotated file, a suggestion file above all, may name them), then each annotated
    file, whole or not at all (unless ``request.partial``). An archive that could not
    be opened, or an annotated file that cannot be read at all, is reported and the
    rest still imports."""
    report = MixedImportReport(
        annotated_paths=[Path(item.shown) for item in inputs.annotated],
        archive_of=inputs.archive_of,
        unreadable=list(inputs.refused),
    )
    if inputs.articles:
        done = ingest.import_paths(
            store, inputs.articles, progress=progress, should_cancel=should_cancel
        )
        report.results, report.cancelled = done.results, done.cancelled
    for item in inputs.annotated:
        if report.cancelled or (should_cancel is not None and should_cancel()):
            report.cancelled = True
            break
        try:
            report.annotations.files.append(
                interchange.import_file(
                    store,
                    item.path,
                    format_name=request.format_name,
                    as_name=request.as_name,
                    label_map=dict(request.label_map),
                    add_labels=request.add_labels,
                    predictions=request.predictions,
                    offsets=request.offsets,
                    partial=request.partial,
                    shown=item.shown if str(item.path) != item.shown else None,
                )
            )
        except InputError as error:
            report.unreadable.append(error)
    return report


def import_articles_and_annotations(
    store: Store,
    paths: Iterable[Path | str],
    request: ImportRequest | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> MixedImportReport:
    """``import_inputs`` of ``paths``, archives opened for as long as it lasts."""
    request = request or ImportRequest()
    paths = [Path(path) for path in paths]
    with opened_inputs(paths, all_annotated=request.every_path_annotated) as inputs:
        return import_inputs(
            store, inputs, request, progress=progress, should_cancel=should_cancel
        )


ANNOTATED_MEMBER_SUFFIXES = (".json", ".jsonl", ".tsv", ".ann")
"""Members that make an archive hold annotated files: JSON exports, WebAnno TSV, brat."""


def holds_annotated_files(paths: Iterable[Path | str]) -> bool:
    """Whether the import's choices (``ImportRequest``) can apply to ``paths``: one is an
    annotated file or folder, or an archive with a member that may be one (only its
    list of names is read)."""
    for given in paths:
        path = Path(given)
        if archives.is_archive(path):
            if _names_annotated_members(path):
                return True
        elif interchange.is_annotated_input(path):
            return True
    return False


def _names_annotated_members(archive: Path) -> bool:
    try:
        with zipfile.ZipFile(archive) as opened:
            names = opened.namelist()
    except (OSError, zipfile.BadZipFile):
        return False  # the import refuses it, with the reason
    return any(PurePosixPath(name).suffix.lower() in ANNOTATED_MEMBER_SUFFIXES for name in names)

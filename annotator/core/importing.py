"""Whatever the user hands over, imported by the right importer: articles (``.txt``,
``.md``, ``.html``, folders of them) by ``ingest``, files annotated in other tools
(doccano, Label Studio, Prodigy and gold JSONL files, brat folders) by ``interchange``.

This is what the window does with File → Import and with files dropped on it. Each
annotated file is imported whole or not at all, as ``annotator import`` does; a file
that cannot be read at all is reported with the reason and the others still import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import ingest, interchange
from annotator.core.errors import InputError
from annotator.core.store import Store


@dataclass
class MixedImportReport(ingest.ImportReport):
    """The articles' report (``results``, ``imported``, ...) and the annotated files'."""

    annotations: interchange.ImportReport = field(default_factory=interchange.ImportReport)
    unreadable: list[InputError] = field(default_factory=list)
    """Annotated files that could not be read at all (not JSON, no known shape)."""
    annotated_paths: list[Path] = field(default_factory=list)

    def annotation_problems(self) -> list[InputError]:
        """Each refused record (with its file and line) and each unreadable file."""
        return [*self.unreadable, *self.annotations.refused]

    def paths_with_unknown_labels(self) -> list[Path]:
        """The annotated files refused for labels the project lacks."""
        return [f.path for f in self.annotations.files if f.refused and f.unknown_labels]


def import_articles_and_annotations(
    store: Store,
    paths: Iterable[Path | str],
    *,
    add_labels: bool = False,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> MixedImportReport:
    chosen = [Path(path) for path in paths]
    annotated = [path for path in chosen if interchange.is_annotated_input(path)]
    articles = [path for path in chosen if path not in annotated]
    report = MixedImportReport(annotated_paths=annotated)
    if articles:
        # Looked up at call time: tests replace ingest.import_paths.
        done = ingest.import_paths(store, articles, progress=progress, should_cancel=should_cancel)
        report.results, report.cancelled = done.results, done.cancelled
    for path in annotated:
        if report.cancelled or (should_cancel is not None and should_cancel()):
            report.cancelled = True
            break
        try:
            report.annotations.files.append(
                interchange.import_file(store, path, add_labels=add_labels)
            )
        except InputError as error:
            report.unreadable.append(error)
    return report

"""What the window says after an import: files and records it could not use, each with
its file (and line) and reason, and for labels the project lacks, an offer to add them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from annotator.ui.error_list import ErrorListDialog

OUTCOME_FAILED = "failed"


def problem_rows(report: Any) -> list[tuple[str, str]]:
    """(file or file:line, reason) for each article file that failed, each annotated
    file that could not be read and each record of an annotated file refused."""
    rows = [
        (str(result.path), str(result.reason or ""))
        for result in getattr(report, "results", [])
        if result.outcome == OUTCOME_FAILED
    ]
    problems = getattr(report, "annotation_problems", None)
    for error in problems() if problems is not None else []:
        where = f"{error.path}:{error.line}" if error.line is not None else error.path
        rows.append((where, error.reason))
    return rows


def failed_files(report: Any) -> int:
    """Files of which nothing was saved: failed articles, unreadable or refused
    annotated files."""
    articles = sum(1 for r in getattr(report, "results", []) if r.outcome == OUTCOME_FAILED)
    annotations = getattr(report, "annotations", None)
    refused = (
        sum(1 for f in annotations.files if f.refused and not sum(f.spans_added.values()))
        if annotations is not None
        else 0
    )
    return articles + len(getattr(report, "unreadable", [])) + refused


def annotated_summary(report: Any) -> str | None:
    """One line for the status bar about annotated files, or None if there were none."""
    annotations = getattr(report, "annotations", None)
    if annotations is None or not annotations.files:
        return None
    layers = ", ".join(sorted(annotations.layers()))
    return (
        QCoreApplication.translate(
            "ImportProblems", "Annotated files read: %4 · spans added: %1 (%2) · links added: %3"
        )
        .replace("%1", str(annotations.spans_added))
        .replace("%2", layers or "-")
        .replace("%3", str(sum(f.links_added for f in annotations.files)))
        .replace("%4", str(len(annotations.files)))
    )


def unknown_labels_hint(report: Any) -> str:
    """What to do about labels the project lacks; empty when there are none."""
    annotations = getattr(report, "annotations", None)
    names = annotations.unknown_labels() if annotations is not None else []
    if not names:
        return ""
    return QCoreApplication.translate(
        "ImportProblems",
        "The project has no label (or link type) %1. Add them to the project, or map "
        "them to the project's labels with: annotator import --map THEIRS=OURS FILE",
    ).replace("%1", ", ".join(names))


def offer_to_add_labels(
    dialog: ErrorListDialog, report: Any, reimport: Callable[[list[Path]], object]
) -> QPushButton | None:
    """An "Add these labels to the project" button that imports the files refused
    for unknown labels again, adding the labels."""
    paths_with = getattr(report, "paths_with_unknown_labels", None)
    paths = paths_with() if paths_with is not None else []
    if not paths:
        return None
    button = dialog.add_action(
        QCoreApplication.translate("ImportProblems", "Add these labels to the project")
    )
    button.setObjectName("addUnknownLabels")

    def add() -> None:
        dialog.accept()
        reimport(paths)

    button.clicked.connect(add)
    return button

"""Errors a user can act on: each names the file (and line) and says what is wrong."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the command line and the window report without a traceback."""


class InputError(AnnotatorError):
    """A file given to us cannot be used as it is."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ChoiceError(InputError):
    """An option the user gave (``--map``, a map file) cannot be used as given. Beside
    the sentence, what is wrong (``kind``) and with what (``values``): the window says
    it in its own language from those."""

    def __init__(
        self, path: Path | str, reason: str, kind: str, values: dict[str, str] | None = None
    ) -> None:
        super().__init__(path, reason)
        self.kind = kind
        self.values = dict(values or {})


class ProjectError(AnnotatorError):
    """The project file cannot be opened or written safely."""


class ProjectReplaced(ProjectError):
    """The project's path no longer names the file that was opened: it was deleted,
    moved away or replaced. Nothing more is written, neither to the old file nor to
    whatever now lies at the path."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"{path}: the project file was deleted or replaced since it was opened; "
            "nothing more is saved to it"
        )


class SpanError(AnnotatorError):
    """A span does not fit its document or the label set."""


class NotFound(AnnotatorError, KeyError):
    """A document, span, decision or link the caller named is not in the project.

    A KeyError too, so code that looks an item up by key keeps working; its message is
    the sentence, not the quoted key KeyError would print.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class QueryError(AnnotatorError):
    """A search query that cannot be run as typed."""

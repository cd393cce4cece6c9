"""The label set: loaded from a JSON file and validated before anything uses it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from annotator.core.errors import InputError
from annotator.core.models import LabelSet
from annotator.core.resources import resources_dir


def default_label_set_path() -> Path:
    return resources_dir() / "labels.json"


def load_label_set(path: Path | None = None) -> LabelSet:
    """Read and validate a label-set file; errors name the file and the field."""
    path = path or default_label_set_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(path, f"cannot read the label set: {error.strerror or error}") from error
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error.msg}", line=error.lineno) from error
    try:
        return LabelSet.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors()
        )
        raise InputError(path, f"invalid label set: {problems}") from error


def default_label_set() -> LabelSet:
    return load_label_set()

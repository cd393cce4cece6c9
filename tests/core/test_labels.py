from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.labels import default_label_set, load_label_set


def test_default_labels_in_order_with_keys_one_to_five() -> None:
    labels = default_label_set().labels
    assert [label.name for label in labels] == [
        "claim", "denial", "amount", "person", "organisation",
    ]
    assert [label.key for label in labels] == ["1", "2", "3", "4", "5"]
    assert all(label.display["fr"] and label.display["en"] for label in labels)
    assert default_label_set().by_shortcut("D").name == "denial"


def test_a_label_file_with_a_clashing_shortcut_is_refused(tmp_path: Path) -> None:
    data = json.loads((Path(__file__).parents[2] / "resources" / "labels.json").read_text())
    data["labels"][1]["key"] = "1"
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError, match="labels.json.*shortcut '1'"):
        load_label_set(path)


def test_a_label_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    path.write_text('{\n  "labels": [\n  oops\n]}')
    with pytest.raises(InputError, match=r"labels.json:3"):
        load_label_set(path)

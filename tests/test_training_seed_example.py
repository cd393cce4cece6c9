"""Train, evaluate and train-curve end to end on the seed articles with the attribution
example (alice's layer): the commands the README shows, on real articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store


def test_train_evaluate_and_curve_run_on_the_seed_example(
    project_path: Path, tmp_path: Path, build_seed_example: Callable[..., Any]
) -> None:
    with Store(project_path) as store:
        example = build_seed_example(store)
    tagged = {span.doc_id for span in example.spans.values()}

    def run(*args: str):
        result = CliRunner().invoke(main, ["--db", str(project_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    model = tmp_path / "model"
    trained = run("train", "-o", str(model), "--annotator", "alice", "--epochs", "3")
    assert "Trained on 2 document(s) of the alice layer" in trained
    assert "scored on 1 held-out (dev) document(s)" in trained
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["documents"]["train"]) | set(meta["documents"]["dev"]) == tagged

    evaluation = json.loads(run("evaluate", str(model), "--json"))
    dev_spans = [s for s in example.spans.values() if s.doc_id in meta["documents"]["dev"]]
    assert evaluation["scores"]["overall"]["exact"]["reference"] == len(dev_spans)
    assert evaluation["ceiling"]["note"].startswith("agreement needs at least two annotators")

    curve = run("train-curve", "--annotator", "alice", "--epochs", "2")
    rows = [line.split() for line in curve.splitlines() if line.lstrip()[:1].isdigit()]
    assert [row[0] for row in rows] == ["25%", "50%", "75%", "100%"]
    assert [row[1] for row in rows] == ["1", "1", "2", "2"]

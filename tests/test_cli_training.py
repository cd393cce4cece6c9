"""`annotator train`, `evaluate`, `train-curve`, `models`: the project model from the gold layer.

One small model is trained per module on a generated corpus whose claims, denials and
entities are known (``annotator.bench.claims_corpus``); tests that change the project
work on a copy.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.bench.claims_corpus import fill_gold
from annotator.cli import main
from annotator.core.models import GOLD_LAYER
from annotator.core.splits import assign_splits, parse_split
from annotator.core.store import Store

REPO = Path(__file__).resolve().parent.parent
SPLIT = "train=0.8,dev=0.2"
EPOCHS = "30"


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(project), *args])


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project of 10 generated articles in the gold layer and a model trained on it."""
    folder = tmp_path_factory.mktemp("trained")
    project = folder / "project.db"
    with Store(project) as store:
        fill_gold(store, 10, size=700)
    model = folder / "model"
    result = run(project, "train", "-o", str(model), "--split", SPLIT, "--epochs", EPOCHS)
    assert result.exit_code == 0, result.output
    return project, model


@pytest.fixture
def project_copy(trained: tuple[Path, Path], tmp_path: Path) -> Path:
    with Store(trained[0]) as store:
        store.backup_to(tmp_path / "copy.db")
    return tmp_path / "copy.db"


def test_a_model_trained_on_the_gold_layer_scores_well_above_chance(
    trained: tuple[Path, Path],
) -> None:
    project, model = trained
    result = run(project, "evaluate", str(model), "--json")
    assert result.exit_code == 0, result.output
    evaluation = json.loads(result.output)
    scores = evaluation["scores"]
    assert scores["part"] == "dev" and scores["documents"] == 2
    assert evaluation["layer"] == GOLD_LAYER
    # Chance, for an exact span match in a 700-character article, is close to zero.
    assert scores["overall"]["exact"]["f1"] > 0.5
    assert scores["overall"]["overlap"]["f1"] >= scores["overall"]["exact"]["f1"]
    for label in ("claim", "denial", "person", "amount"):
        assert scores["labels"][label]["overlap"]["f1"] > 0.3, label
        assert scores["labels"][label]["exact"]["reference"] > 0
    table = run(project, "evaluate", str(model))
    assert "claim" in table.output and "overall" in table.output
    assert "No ceiling: agreement needs at least two annotators" in table.output


def test_train_prints_progress_and_held_out_scores(project_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    result = run(project_copy, "train", "-o", str(other), "--split", SPLIT, "--epochs", "2")
    assert result.exit_code == 0, result.output
    assert "epoch 1/2" in result.output and "epoch 2/2" in result.output
    assert "Trained on 8 document(s) of the gold layer" in result.output
    assert "held-out (dev) document(s)" in result.output
    assert f"Wrote {other}" in result.output


def test_meta_names_project_scheme_documents_and_scores(trained: tuple[Path, Path]) -> None:
    project, model = trained
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    assert meta["project"] == str(project.resolve())
    assert meta["span_labels"] == ["claim", "denial"]
    assert meta["entity_labels"] == ["amount", "person", "organisation"]
    assert meta["language"] == "fr" and meta["layer"] == GOLD_LAYER
    with Store(project) as store:
        ids = store.document_ids()
    # The same document-level split as `export --split` with the same option and seed.
    expected = assign_splits(ids, parse_split(SPLIT, 0))
    assert {doc_id: part for part, docs in meta["documents"].items() for doc_id in docs} == (
        expected
    )
    assert meta["scores"]["overall"]["exact"]["f1"] > 0.5
    assert (model / "pipeline" / "config.cfg").is_file()


def test_models_lists_the_projects_models(trained: tuple[Path, Path]) -> None:
    project, model = trained
    result = run(project, "models")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith(str(model)))
    assert "gold layer, 8 document(s) trained on, 2 held out" in line
    assert "claim, denial, amount, person, organisation" in line
    assert run(project, "models", str(REPO)).output.strip().endswith("(missing, or not a model)")


def test_too_little_data_is_refused_saying_how_much_is_needed(project_path: Path) -> None:
    with Store(project_path) as store:
        fill_gold(store, 1, size=400)
    result = run(project_path, "train", "-o", str(project_path.parent / "model"))
    assert result.exit_code == 1
    assert "too little data to train: the gold layer has 1 annotated document(s)" in result.output
    assert "Training needs at least 1 document(s) to train on with 5 spans or more" in result.output
    assert "Traceback" not in result.output
    assert not (project_path.parent / "model").exists()


def test_an_unknown_layer_is_refused(project_path: Path) -> None:
    with Store(project_path) as store:
        fill_gold(store, 3, size=400)
    result = run(project_path, "train", "-o", str(project_path.parent / "m"), "--annotator", "x")
    assert result.exit_code == 1
    assert "no annotator named x in the project" in result.output


def test_a_folder_that_is_not_a_model_is_never_replaced(
    project_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run(project_copy, "train", "-o", str(folder), "--epochs", "1", "--force")
    assert result.exit_code == 1
    assert "already exists and is not a model" in result.output
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["copy.db", "notes", *(p.name for p in tmp_path.glob("copy.db-*"))]
    )


def test_a_model_is_replaced_only_with_force(
    trained: tuple[Path, Path], project_copy: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    assert run(project_copy, "train", "-o", str(model), "--epochs", "1").exit_code == 0
    again = run(project_copy, "train", "-o", str(model), "--epochs", "1")
    assert again.exit_code == 1 and "use --force to replace it" in again.output
    assert run(project_copy, "train", "-o", str(model), "--epochs", "1", "--force").exit_code == 0
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_missing_spacy_is_one_line(project_copy: Path, tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['spacy'] = None\n"
        "from annotator.cli import main\n"
        f"main(['--db', {str(project_copy)!r}, 'train', '-o', {str(tmp_path / 'm')!r}])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: spaCy is not installed: pip install 'annotator[spacy]'"
    )


def test_ctrl_c_stops_training_without_traceback_and_writes_nothing(
    project_copy: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(project_copy), "train", "-o",
         str(model), "--epochs", "200"],  # fmt: skip
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("epoch 1/200"):
            break
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Training cancelled (Ctrl+C); nothing was written." in rest
    assert "Traceback" not in rest
    assert not model.exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_train_curve_prints_f1_per_label_at_each_share_and_draws_a_png(
    project_copy: Path, tmp_path: Path
) -> None:
    plot = tmp_path / "curve.png"
    result = run(project_copy, "train-curve", "--split", SPLIT, "--epochs", "3", "--plot",
                 str(plot))  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("share"))
    for label in ("claim", "denial", "amount", "person", "organisation", "overall"):
        assert label in header
    rows = [line.split() for line in lines if line.lstrip()[:3] in ("25%", "50%", "75%", "100")]
    assert [row[0] for row in rows] == ["25%", "50%", "75%", "100%"]
    assert [int(row[1]) for row in rows] == [2, 4, 6, 8]
    data = plot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert int.from_bytes(data[16:20], "big") > 300


def test_train_curve_json(project_copy: Path) -> None:
    result = run(project_copy, "train-curve", "--split", SPLIT, "--epochs", "1", "--json")
    assert result.exit_code == 0, result.output
    curve = json.loads(result.output[result.output.index("{") :])
    assert [point["fraction"] for point in curve["points"]] == [0.25, 0.5, 0.75, 1.0]
    assert set(curve["points"][0]["scores"]["labels"]) == set(curve["labels"])


def test_evaluate_shows_the_annotators_agreement_as_the_ceiling(
    trained: tuple[Path, Path], project_copy: Path
) -> None:
    _, model = trained
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    with Store(project_copy) as store:
        for doc_id in meta["documents"]["dev"]:
            document = store.document(doc_id)
            spans = store.spans(doc_id, GOLD_LAYER)
            # alice tagged everything, bob missed every denial.
            bob = [span for span in spans if span.label != "denial"]
            for name, kept in (("alice", spans), ("bob", bob)):
                store.add_spans(
                    [store.make_span(document, name, s.start, s.end, s.label) for s in kept]
                )
    result = run(project_copy, "evaluate", str(model), "--json")
    assert result.exit_code == 0, result.output
    ceiling = json.loads(result.output)["ceiling"]
    assert ceiling["annotators"] == ["alice", "bob"] and ceiling["documents"] == 2
    assert ceiling["exact_f1"]["claim"] == 1.0
    assert ceiling["exact_f1"]["denial"] == 0.0
    table = run(project_copy, "evaluate", str(model)).output
    assert "annotators F1" in table and "alice, bob on 2 of these documents" in table


def test_project_model_suggestions_carry_its_confidence(project_copy: Path) -> None:
    result = run(project_copy, "--annotator", "zoe", "suggest", "--json", "--suggesters",
                 "project-model")  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {record["origin"] for record in records} == {"suggested:project-model"}
    assert {"claim", "denial", "person", "amount"} <= {record["label"] for record in records}
    assert all(0.0 <= record["score"] <= 1.0 for record in records)
    # The span categorizer's probabilities; the entity recognizer's beam is surer.
    assert any(record["score"] < 0.99 for record in records if record["label"] == "claim")
    with Store(project_copy) as store:
        for record in records:
            assert store.document(record["doc"]).text[record["start"] : record["end"]] == (
                record["text"]
            )


def test_entities_the_model_is_unsure_of_are_suggested_with_a_lower_confidence(
    project_copy: Path,
) -> None:
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    assert run(project_copy, "import", str(seed)).exit_code == 0
    with Store(project_copy) as store:
        seed_id = next(
            doc for doc in store.document_ids() if store.document(doc).source.endswith(seed.name)
        )
    result = run(project_copy, "--annotator", "zoe", "suggest", "--json", "--suggesters",
                 "project-model")  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    entities = [r for r in records if r["label"] in {"person", "organisation", "amount"}]
    trained_like = [r["score"] for r in entities if r["doc"] != seed_id]
    unfamiliar = [r["score"] for r in entities if r["doc"] == seed_id]
    # A press article unlike the generated training text: some of its entities are
    # guesses, and the suggestion says so instead of claiming certainty.
    assert unfamiliar and min(unfamiliar) < 0.95
    assert all(0.0 < score <= 1.0 for score in trained_like + unfamiliar)


def test_suggest_evaluate_scores_the_project_model_on_documents_it_did_not_train_on(
    trained: tuple[Path, Path], project_copy: Path
) -> None:
    result = run(project_copy, "suggest", "--evaluate", "--annotator", GOLD_LAYER,
                 "--suggesters", "amount,project-model")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {
        (parts[0], parts[1]): parts
        for parts in (line.split() for line in result.output.splitlines()[2:])
    }
    meta = json.loads((trained[1] / "meta.json").read_text(encoding="utf-8"))
    with Store(project_copy) as store:
        dev_claims = sum(
            span.label == "claim"
            for doc_id in meta["documents"]["dev"]
            for span in store.spans(doc_id, GOLD_LAYER)
        )
        all_amounts = sum(span.label == "amount" for span in store.iter_spans(GOLD_LAYER))
    assert int(rows[("project-model", "claim")][5]) == dev_claims
    assert int(rows[("amount", "amount")][5]) == all_amounts
    assert float(rows[("project-model", "claim")][6]) > 0.3


def test_suggesting_with_no_model_says_so(project_path: Path) -> None:
    with Store(project_path) as store:
        fill_gold(store, 1, size=400)
    result = CliRunner().invoke(
        main, ["--db", str(project_path), "suggest", "--suggesters", "project-model"]
    )
    assert result.exit_code == 0
    assert "project-model suggester unavailable: the project has no model yet" in result.output


def test_docs_ordered_by_the_models_uncertainty(project_copy: Path) -> None:
    result = run(project_copy, "docs", "--order", "uncertainty")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["id", "doubt", "title"]
    doubts = [float(line.split()[1]) for line in lines[1:-1]]
    assert len(doubts) == 10 and doubts == sorted(doubts, reverse=True)
    assert all(0.0 <= value <= 1.0 for value in doubts)
    plain = run(project_copy, "docs").output.splitlines()
    assert plain[0].split()[:2] == ["id", "title"]


def test_docs_by_uncertainty_without_a_model_is_refused(project_path: Path) -> None:
    with Store(project_path) as store:
        fill_gold(store, 1, size=400)
    result = run(project_path, "docs", "--order", "uncertainty")
    assert result.exit_code == 1
    assert "cannot order by uncertainty: the project has no model yet" in result.output

"""`annotator import` as a journalist runs it: one line per file, a summary, exit status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Store


def run(db: Path, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.splitlines()


def test_seeds_import_then_export_with_exact_offsets(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "project.db"
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    status, lines = run(db, "import", str(seeds))
    assert status == 0
    seed_files = sorted(seeds.glob("*.txt"))
    assert len(seed_files) == 5
    for line, seed in zip(lines[:-1], seed_files, strict=True):
        word, path, short_id, title = line.split("  ", 3)
        assert (word, path) == ("imported", str(seed))
        text = seed.read_text(encoding="utf-8")
        assert title == text.splitlines()[0].strip()
        assert len(short_id) == 12
    assert lines[-1] == "5 imported, 0 already present, 0 failed, 0 skipped"

    with Store(db) as store:
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            start = document.text.index("Meta")
            store.add_span(store.make_span(document, "alice", start, start + 4, "organisation"))
    out = tmp_path / "gold.jsonl"
    status, _ = run(db, "export", "-o", str(out))
    assert status == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [s.read_text(encoding="utf-8") for s in seed_files]
    assert [r["source"] for r in records] == [str(s) for s in seed_files]
    for record in records:
        (span,) = record["spans"]
        assert record["text"][span["start"] : span["end"]] == "Meta" == span["text"]

    status, lines = run(db, "import", str(seeds))
    assert status == 0
    assert [line.split("  ")[0] for line in lines[:-1]] == ["present"] * 5
    assert lines[-1] == "0 imported, 5 already present, 0 failed, 0 skipped"
    with Store(db) as store:
        assert store.document_count() == 5


def test_a_failed_file_is_named_the_others_import_and_the_exit_status_is_1(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    db = tmp_path / "project.db"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_depeche.txt").write_bytes("L’AFP confirme : Meta a recruté.\n".encode("cp1252"))
    (inbox / "b_scan.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (inbox / "c_vide.md").write_bytes(b"")
    shutil.copy(fixtures_dir / "html" / "article_with_nav_script_comments.html", inbox / "d.html")
    status, lines = run(db, "import", str(inbox))
    assert status == 1
    assert lines[0].startswith(f"imported  {inbox / 'a_depeche.txt'}  ")
    assert lines[0].endswith("  L’AFP confirme : Meta a recruté.")
    assert lines[1].startswith(f"failed    {inbox / 'b_scan.txt'}: binary file")
    assert lines[2] == f"failed    {inbox / 'c_vide.md'}: the file is empty"
    assert lines[3].endswith("  Meta promet des millions aux chercheurs en IA")
    assert lines[-1] == "2 imported, 0 already present, 2 failed, 0 skipped"
    with Store(db) as store:
        assert sorted(store.document(d).source or "" for d in store.document_ids()) == [
            str(inbox / "a_depeche.txt"),
            str(inbox / "d.html"),
        ]


def test_a_missing_path_fails_without_a_traceback(tmp_path: Path) -> None:
    status, lines = run(tmp_path / "project.db", "import", str(tmp_path / "nope.txt"))
    assert status == 1
    assert lines == [
        f"failed    {tmp_path / 'nope.txt'}: no such file or folder",
        "0 imported, 0 already present, 1 failed, 0 skipped",
    ]


def test_docs_lists_imported_articles_with_each_annotators_progress(
    seeds_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "project.db"
    run(db, "import", str(seeds_dir))
    with Store(db) as store:
        first = store.document(store.document_ids()[0])
        store.add_span(store.make_span(first, "alice", 0, 4, "organisation"))
        store.add_span(store.make_span(first, "bob", 0, 4, "organisation"))
        store.add_span(store.make_span(first, "bob", 5, 12, "claim"))
    status, lines = run(db, "docs")
    assert status == 0
    assert lines[0].split() == ["id", "title", "annotators"]
    assert lines[1].startswith(first.id[:12] + "  Meta propose des salaires")
    assert lines[1].endswith("  alice: in progress, 1 span; bob: in progress, 2 spans")
    assert all(line.endswith("  not started") for line in lines[2:6])
    assert lines[-1] == "5 documents, 3 spans"

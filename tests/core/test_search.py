"""Full-text search: accents and case folded, phrases and prefixes, exact code-point
offsets, and an index that follows every way a document enters the project."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from annotator.core.carry_over import carry_over
from annotator.core.errors import AnnotatorError, QueryError
from annotator.core.importing.articles import import_paths
from annotator.core.models import Document
from annotator.core.project.merge import merge_project
from annotator.core.search import parse_query, search
from annotator.core.store import Store, migrations

# An emoji (two UTF-16 units, four UTF-8 bytes) and accents before the hits: offsets
# counted in anything but code points would be off.
ALTMAN = (
    "Sam Altman 🚀 affirme que l'État a versé 100 M$. Andrew Bosworth dément.\n\n"
    "« L’ÉTAT n’a rien versé », répond Andrew Bosworth, de Meta."
)
HOPITAL = "Le gouvernement annonce 2 milliards pour l'hôpital. Bosworths are not Bosworth's."


def hits(store: Store, query: str, **options: object) -> list[tuple[str, str]]:
    """(document's first word, hit text) for each hit, checking every offset."""
    found = []
    for hit in search(store, query, **options).hits:  # type: ignore[arg-type]
        text = store.document(hit.doc_id).text if hit.field == "text" else hit.title
        assert text[hit.start : hit.end] == hit.match
        found.append((text.split()[0], hit.match))
    return found


@pytest.fixture
def corpus(store: Store) -> Store:
    store.add_documents([Document.from_text(ALTMAN), Document.from_text(HOPITAL)])
    return store


def test_a_word_is_found_whatever_its_accents_and_case(corpus: Store) -> None:
    assert hits(corpus, "etat") == [("Sam", "État"), ("Sam", "ÉTAT")]
    assert hits(corpus, "HÔPITAL") == [("Le", "hôpital")]
    assert hits(corpus, "demenT") == [("Sam", "dément")]


def test_offsets_are_code_points_into_the_stored_text(corpus: Store) -> None:
    result = search(corpus, "bosworth")
    starts = [hit.start for hit in result.hits if hit.doc_id == Document.from_text(ALTMAN).id]
    assert starts == [ALTMAN.index("Bosworth"), ALTMAN.rindex("Bosworth")]
    assert result.hits[0].before.endswith("M$. Andrew ")
    assert result.hits[0].after.startswith(" dément. « L’ÉTAT")  # one line: no newlines


def test_a_phrase_is_its_words_in_a_row(corpus: Store) -> None:
    assert hits(corpus, '"andrew bosworth"') == [
        ("Sam", "Andrew Bosworth"),
        ("Sam", "Andrew Bosworth"),
    ]
    assert hits(corpus, "«altman meta»") == []
    assert hits(corpus, "«altman affirme»") == [("Sam", "Altman 🚀 affirme")]  # an emoji is no word
    assert hits(corpus, "“sam altman”") == [("Sam", "Sam Altman")]


def test_a_prefix_finds_whole_words(corpus: Store) -> None:
    assert hits(corpus, "bosw*") == [
        ("Sam", "Bosworth"),
        ("Sam", "Bosworth"),
        ("Le", "Bosworths"),
        ("Le", "Bosworth"),
    ]
    assert hits(corpus, "bosworth") == [
        ("Sam", "Bosworth"),
        ("Sam", "Bosworth"),
        ("Le", "Bosworth"),
    ]


def test_every_word_must_be_in_the_document(corpus: Store) -> None:
    assert hits(corpus, "bosworth hôpital") == [
        ("Le", "hôpital"),
        ("Le", "Bosworth"),
    ]


def test_a_word_with_an_apostrophe_or_a_hyphen_is_a_phrase(corpus: Store) -> None:
    assert parse_query("l'État").terms[0].words == ("l", "etat")
    assert hits(corpus, "l’etat") == [("Sam", "l'État"), ("Sam", "L’ÉTAT")]


def test_words_that_are_query_operators_are_searched_as_words(store: Store) -> None:
    store.add_document(Document.from_text("Ni NEAR ni OR, mais AND et NOT."))
    assert hits(store, "near OR") == [("Ni", "NEAR"), ("Ni", "OR")]
    assert hits(store, "NOT") == [("Ni", "NOT")]


@pytest.mark.parametrize(
    ("query", "message"),
    [('"andrew bosworth', "never closed"), ("*** ?!", "nothing to search for"), ("", "nothing")],
)
def test_a_query_that_cannot_run_says_why(corpus: Store, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        search(corpus, query)


def test_the_store_turns_an_index_error_into_a_message(corpus: Store) -> None:
    with pytest.raises(AnnotatorError, match="cannot read this query"):
        list(corpus.search_documents('"unclosed'))


def test_a_title_that_is_not_in_the_text_is_searched_too(store: Store) -> None:
    store.add_document(Document(id="x", title="Rapport Bosworth", text="Le texte seul."))
    [hit] = search(store, "bosworth").hits
    assert (hit.field, hit.start, hit.end, hit.title) == ("title", 8, 16, "Rapport Bosworth")


def test_label_keeps_the_hits_inside_spans_of_that_label(corpus: Store) -> None:
    altman = corpus.document(Document.from_text(ALTMAN).id)
    start = ALTMAN.index("Andrew Bosworth dément")
    corpus.add_span(corpus.make_span(altman, "alice", start, start + 15, "person"))
    [hit] = search(corpus, "bosworth", label="person").hits
    assert hit.start == start + 7
    assert search(corpus, "bosworth", label="claim").hits == []


def test_limit_stops_the_search_and_says_there_is_more(corpus: Store) -> None:
    result = search(corpus, "bosworth", limit=2)
    assert len(result.hits) == 2 and not result.complete
    assert search(corpus, "bosworth", limit=3).complete


def test_the_migration_indexes_an_existing_project(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_search = migrations.MIGRATIONS.index(migrations._SEARCH_INDEX)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before_search])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", before_search)
    with Store(project_path) as old:
        old.add_documents([Document.from_text(ALTMAN), Document.from_text(HOPITAL)])
        with pytest.raises(sqlite3.OperationalError):
            list(old.search_documents('"etat"'))
    monkeypatch.undo()
    with Store(project_path) as store:
        assert hits(store, "état") == [("Sam", "État"), ("Sam", "ÉTAT")]
        assert store.integrity_check() == "ok"
        store.add_document(Document.from_text("Un nouvel État."))
        assert len(search(store, "etat").hits) == 3


def _with_a_gap(path: Path) -> tuple[Document, Document]:
    """A project of three articles whose second was taken out: the rows after it
    have a gap before them."""
    kept = [Document.from_text(ALTMAN), Document.from_text(HOPITAL)]
    gone = Document.from_text("Un article retiré du projet, sans rapport.")
    with Store(path) as project:
        project.add_documents([kept[0], gone, kept[1]])
        project.conn.execute("DELETE FROM documents WHERE id = ?", (gone.id,))
        project.conn.commit()
    return kept[0], kept[1]


def test_search_finds_the_same_articles_after_vacuum_and_in_a_backup(
    project_path: Path, tmp_path: Path
) -> None:
    altman, hopital = _with_a_gap(project_path)
    with sqlite3.connect(project_path) as conn:
        conn.execute("VACUUM")
        conn.execute("VACUUM INTO ?", (str(tmp_path / "vacuumed-into.db"),))
    with Store(project_path) as store:
        store.backup_to(tmp_path / "backup.db")
    for path in (project_path, tmp_path / "vacuumed-into.db", tmp_path / "backup.db"):
        with Store(path) as store:
            assert [hit.doc_id for hit in search(store, "hopital").hits] == [hopital.id]
            found = {hit.doc_id for hit in search(store, "bosworth").hits}
            assert found == {altman.id, hopital.id}
            assert store.search_index_in_step()


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 program")
def test_search_finds_the_same_articles_in_a_project_rebuilt_from_a_dump(
    project_path: Path, tmp_path: Path
) -> None:
    # ``sqlite3 damaged.db .dump | sqlite3 rescued.db`` is the usual rescue of a
    # damaged SQLite file; a dump keeps each row's columns, not SQLite's own row
    # numbers, so every row after a gap is numbered anew in the rescued file.
    altman, hopital = _with_a_gap(project_path)
    with sqlite3.connect(project_path) as conn:
        header = [conn.execute(f"PRAGMA {name}").fetchone()[0]
                  for name in ("application_id", "user_version")]
    dump = subprocess.run(
        ["sqlite3", str(project_path), ".dump"], capture_output=True, text=True, check=True
    ).stdout
    rescued = tmp_path / "rescued.db"
    subprocess.run(
        ["sqlite3", str(rescued)], text=True, check=True,
        input=dump + f"PRAGMA application_id = {header[0]}; PRAGMA user_version = {header[1]};",
    )
    with Store(rescued) as store:
        assert [hit.doc_id for hit in search(store, "hopital").hits] == [hopital.id]
        assert {hit.doc_id for hit in search(store, "bosworth").hits} == {altman.id, hopital.id}
        assert store.search_index_in_step()


def test_the_migration_rekeys_an_index_made_on_row_numbers(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_rekey = migrations.MIGRATIONS.index(migrations._SEARCH_INDEX_BY_POSITION)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before_rekey])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", before_rekey)
    _altman, hopital = _with_a_gap(project_path)
    with sqlite3.connect(project_path) as conn:  # numbered anew, as a dump's rescue does
        conn.execute("UPDATE documents SET rowid = rowid - 1 WHERE position = 3")
    monkeypatch.undo()
    with Store(project_path) as store:
        assert [hit.doc_id for hit in search(store, "hopital").hits] == [hopital.id]
        assert store.search_index_in_step()
        store.add_document(Document.from_text("Un nouvel hôpital."))
        assert len(search(store, "hopital").hits) == 2
        assert store.integrity_check() == "ok"


def test_an_index_out_of_step_is_found_and_rebuilt(corpus: Store) -> None:
    assert corpus.search_index_in_step()
    # What a program writing into the file without the index's triggers leaves.
    corpus.conn.execute(
        "INSERT INTO documents_search (documents_search, rowid, title, text) "
        "SELECT 'delete', position, title, text FROM documents WHERE id = ?",
        (Document.from_text(HOPITAL).id,),
    )
    corpus.conn.commit()
    assert hits(corpus, "hopital") == []
    assert not corpus.search_index_in_step()
    corpus.rebuild_search_index()
    assert corpus.search_index_in_step()
    assert hits(corpus, "hopital") == [("Le", "hôpital")]


def test_imported_files_are_found(store: Store, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ALTMAN, encoding="utf-8")
    (tmp_path / "two.md").write_text("# Hôpital\n\n" + HOPITAL, encoding="utf-8")
    import_paths(store, [tmp_path])
    assert [word for _first, word in hits(store, "hopital")] == ["Hôpital", "hôpital"]


def test_documents_merged_from_a_colleague_are_found(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    with Store(ours) as store:
        store.add_document(Document.from_text(ALTMAN))
    shutil.copy(ours, theirs)
    with Store(theirs) as colleague:
        colleague.add_document(Document.from_text(HOPITAL))
    with Store(ours) as store:
        assert hits(store, "hopital") == []
        merge_project(store, theirs)
        assert hits(store, "hopital") == [("Le", "hôpital")]


def test_a_new_version_and_its_carried_spans_are_found(store: Store) -> None:
    old = Document.from_text(ALTMAN)
    new = Document.from_text(ALTMAN.replace("100 M$", "100 millions de dollars"))
    store.add_document(old)
    start = ALTMAN.index("Andrew Bosworth")
    store.add_span(store.make_span(old, "alice", start, start + 15, "person"))
    store.add_document(new)
    carry_over(store, old.id, new.id)
    inside_people = search(store, "bosworth", label="person").hits
    assert [hit.doc_id for hit in inside_people] == [old.id, new.id]
    assert hits(store, "dollars") == [("Sam", "dollars")]


def test_a_document_taken_out_of_the_file_is_no_longer_found(corpus: Store) -> None:
    from annotator.core.damaged_rows import DamagedRow

    rowid = corpus.conn.execute(
        "SELECT rowid FROM documents WHERE id = ?", (Document.from_text(HOPITAL).id,)
    ).fetchone()[0]
    corpus.repair_damaged_rows([DamagedRow("documents", rowid, "doc", "test", "delete", "")])
    assert hits(corpus, "hopital") == []
    assert hits(corpus, "bosworth") == [("Sam", "Bosworth"), ("Sam", "Bosworth")]


def test_the_find_bar_finds_inside_words_accents_and_case_aside() -> None:
    from annotator.core.search import find_in_text

    text = "L’ÉTAT 🚀 et l’état : les États-Unis."
    found = find_in_text(text, "etat")
    assert [text[start:end] for start, end in found] == ["ÉTAT", "état", "État"]
    assert find_in_text(text, "   ") == []

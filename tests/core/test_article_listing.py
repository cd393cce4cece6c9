"""The article list's filters, as the store answers them in SQL: by words of the title
or source (without case, accents included), status, labels held and not held, annotator,
outlet and date; and the upgrade that indexes outlet and date on a project with data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.models import Document, Status
from annotator.core.store import Store, migrations
from annotator.core.store.article_filter import UNFINISHED, ArticleFilter, check_date

ARTICLES = [
    ("Élections : le maire dément", {"site": "Le Monde", "date": "2024-03-05"}),
    ("Budget : 3 millions promis", {"site": "AFP", "date": "2024-03-31T22:10:00+01:00"}),
    ("Le Budget voté en avril", {"site": "Le Monde", "date": "2024-04-01"}),
    ("Une dépêche sans date", {"site": "Reuters"}),
    ("Un texte sans métadonnées", {}),
    ("100% des votes_comptés", {"date": "2023-12-31"}),
]


@pytest.fixture
def listed(tmp_path: Path) -> tuple[Store, list[str]]:
    store = Store(tmp_path / "project.db")
    documents = [
        Document.from_text(f"{title}\n\nLe corps de l’article {i}.", meta=meta)
        for i, (title, meta) in enumerate(ARTICLES)
    ]
    store.add_documents(documents)
    ids = [document.id for document in documents]
    for doc_index, annotator, label in [
        (0, "alice", "claim"), (0, "alice", "denial"), (1, "alice", "claim"),
        (2, "bruno", "claim"), (3, "bruno", "person"),
    ]:
        store.add_span(store.make_span(documents[doc_index], annotator, 0, 2, label))
    store.set_status(ids[1], "alice", Status.DONE)
    store.set_status(ids[2], "alice", Status.IN_PROGRESS)
    return store, ids


def titles(store: Store, chosen: ArticleFilter, annotator: str = "alice") -> list[str]:
    positions = store.article_positions(annotator, chosen)
    return [summary.title for summary in store.article_rows(annotator, positions)]


def test_words_match_title_or_source_without_case_or_accents_mattering(listed) -> None:
    store, _ = listed
    assert titles(store, ArticleFilter(words=("budget",))) == [
        "Budget : 3 millions promis", "Le Budget voté en avril"
    ]
    assert titles(store, ArticleFilter(words=ArticleFilter.words_of("ÉLECTIONS dément"))) == [
        "Élections : le maire dément"
    ]
    assert titles(store, ArticleFilter(words=("dépêche",))) == ["Une dépêche sans date"]
    assert titles(store, ArticleFilter(words=("depeche",))) == []
    # LIKE's wildcards typed by the user are plain characters.
    assert titles(store, ArticleFilter(words=("100%",))) == ["100% des votes_comptés"]
    assert titles(store, ArticleFilter(words=("s_c",))) == ["100% des votes_comptés"]
    assert titles(store, ArticleFilter(words=("budget", "avril"))) == ["Le Budget voté en avril"]


def test_statuses_are_those_of_the_list_s_annotator(listed) -> None:
    store, _ = listed
    assert titles(store, ArticleFilter(status=Status.DONE.value)) == [
        "Budget : 3 millions promis"
    ]
    assert len(titles(store, ArticleFilter(status=UNFINISHED))) == len(ARTICLES) - 1
    # A span marks the article started.
    assert titles(store, ArticleFilter(status=Status.IN_PROGRESS.value)) == [
        "Élections : le maire dément", "Le Budget voté en avril"
    ]
    assert len(titles(store, ArticleFilter(status=Status.NOT_STARTED.value))) == 3
    assert titles(store, ArticleFilter(status=Status.DONE.value), annotator="bruno") == []


def test_a_claim_but_no_denial_by_anyone_or_by_one_annotator(listed) -> None:
    store, _ = listed
    claim_no_denial = ArticleFilter(with_labels=("claim",), without_labels=("denial",))
    assert titles(store, claim_no_denial) == [
        "Budget : 3 millions promis", "Le Budget voté en avril"
    ]
    by_alice = ArticleFilter(with_labels=("claim",), without_labels=("denial",), annotator="alice")
    assert titles(store, by_alice) == ["Budget : 3 millions promis"]
    # The annotator alone: what they marked or started.
    assert titles(store, ArticleFilter(annotator="bruno")) == [
        "Le Budget voté en avril", "Une dépêche sans date"
    ]
    assert titles(store, ArticleFilter(annotator="alice")) == [
        "Élections : le maire dément", "Budget : 3 millions promis", "Le Budget voté en avril"
    ]


def test_outlet_and_date_range_read_the_metadata(listed) -> None:
    store, _ = listed
    assert store.outlets() == ["AFP", "Le Monde", "Reuters"]
    assert store.has_dates()
    assert titles(store, ArticleFilter(outlet="Le Monde")) == [
        "Élections : le maire dément", "Le Budget voté en avril"
    ]
    march = ArticleFilter(date_from="2024-03", date_to="2024-03")
    # A full timestamp late on the last day is in; the first of April is not.
    assert titles(store, march) == ["Élections : le maire dément", "Budget : 3 millions promis"]
    assert titles(store, ArticleFilter(date_to="2024-03-05")) == [
        "Élections : le maire dément", "100% des votes_comptés"
    ]
    assert titles(store, ArticleFilter(date_from="2024-04-01")) == ["Le Budget voté en avril"]
    assert titles(store, ArticleFilter(date_from="2024", outlet="Le Monde", words=("budget",))) == [
        "Le Budget voté en avril"
    ]
    assert check_date("2024-02-30") is not None and check_date("mars") is not None
    assert check_date("2024-02-29") is None


def test_the_list_reads_rows_by_position_and_counts_in_one_query(listed) -> None:
    store, ids = listed
    assert store.positions_at(2, 3) == [3, 4, 5]
    assert store.documents_before(4) == 3
    rows = store.article_rows("alice", [2, 1])
    assert [(r.id, r.status, r.span_count) for r in rows] == [
        (ids[0], Status.IN_PROGRESS, 2), (ids[1], Status.DONE, 1)
    ]
    assert (rows[0].outlet, rows[0].published) == ("Le Monde", "2024-03-05")
    assert store.article_counts("alice") == (len(ARTICLES), 1, 2)
    assert store.article_matches("alice", ArticleFilter(status=UNFINISHED), 1)
    assert not store.article_matches("alice", ArticleFilter(status=UNFINISHED), 2)


def test_the_upgrade_indexes_the_outlet_and_date_of_the_articles_already_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    previous = migrations.MIGRATIONS.index(migrations._ARTICLE_FILTERS)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:previous])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", previous)
    with Store(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO documents (id, position, title, length, imported_at, meta, text) "
        "VALUES ('a', 1, 'Old one', 3, 'now', ?, 'abc'), ('b', 2, 'Broken', 3, 'now', "
        "'{bad', 'def')",
        ('{"site": "Le Temps", "date": "2020-05-06"}',),
    )
    conn.commit()
    conn.close()
    monkeypatch.undo()
    with Store(path) as store:
        assert store.outlets() == ["Le Temps"]
        assert titles(store, ArticleFilter(date_from="2020-05")) == ["Old one"]
        assert [s.title for s in store.document_summaries()] == ["Old one", "Broken"]
        # Metadata written later is indexed too, whoever writes it.
        store.conn.execute("UPDATE documents SET meta = '{\"site\": \"Heidi\"}' WHERE id = 'b'")
        assert store.outlets() == ["Heidi", "Le Temps"]

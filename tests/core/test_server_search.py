"""Search on a shared project: its index arrives by migration on a server that already
holds articles, and an article too big for the index is still found."""

from __future__ import annotations

import pytest

from annotator.core.models import Document, utc_now
from annotator.core.search import search
from annotator.core.store import Store, migrations_postgres

pytest.importorskip("psycopg")

TEXT = "Le ministre a déclaré que l'hôpital recevrait 2 milliards."


def test_articles_on_a_server_from_before_search_are_found_after_the_upgrade(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations_postgres, "MIGRATIONS", migrations_postgres.MIGRATIONS[:5])
    monkeypatch.setattr(migrations_postgres, "CURRENT_VERSION", 5)
    document = Document.from_text(TEXT, source="hopital.txt")
    with Store(server_url) as old:
        # As the previous version wrote an article: no words for search.
        old.server.raw.execute(  # type: ignore[attr-defined]
            "INSERT INTO documents (id, position, title, text, length, imported_at) "
            "VALUES (%s, 1, %s, %s, %s, %s)",
            (document.id, document.title, TEXT, len(TEXT), utc_now()),
        )
    monkeypatch.undo()
    with Store(server_url) as store:
        [hit] = search(store, "HOPITAL").hits
        assert (hit.doc_id, TEXT[hit.start : hit.end]) == (document.id, "hôpital")
        assert search(store, "budget").hits == []


def _distinct_words(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(
        "".join(letters[n // 26**place % 26] for place in range(5)) for n in range(count)
    )


def test_an_article_whose_words_do_not_fit_the_index_is_still_found(server_url: str) -> None:
    long_word = "é" * 1100  # 2,200 bytes: more than an index entry holds
    with Store(server_url) as store:
        # 200,000 different words: more than one article's entry in the index holds.
        store.add_document(Document.from_text(f"{TEXT} {_distinct_words(200_000)}"))
        store.add_document(Document.from_text(f"Un autre article, sans rapport. {long_word}"))
        [hit] = search(store, "milliards").hits
        assert hit.match == "milliards"
        assert [h.match for h in search(store, "E" * 1100).hits] == [long_word]
        assert search(store, "rapport").document_count == 1

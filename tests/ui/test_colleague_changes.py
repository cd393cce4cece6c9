"""On a shared project, a colleague's work appears in an open window within a second,
with no restart: the server announces each write and the window redraws it."""

from __future__ import annotations

import pytest

from annotator.core.models import Document, Status
from annotator.core.store import Store

pytest.importorskip("psycopg")

TEXT = "Sam Altman affirme que Meta a offert 100 M$. Andrew Bosworth dément."
SECOND = "Le ministre a déclaré que le budget augmenterait de 3 %. L'opposition conteste."


def test_bobs_span_and_status_and_olives_import_appear_in_alices_open_window(
    open_window, server_team: dict[str, str], qtbot
) -> None:
    document = Document.from_text(TEXT, source="altman.txt")
    with Store(server_team["olive"]) as olive:
        olive.add_document(document)
    window = open_window(server_team["alice"], annotator="alice")
    assert window.current_document_id() == document.id
    window.article_view.set_layers(["alice", "bob"])
    assert window.article_view.spans() == []
    with Store(server_team["bob"]) as bob:
        span = bob.add_span(bob.make_span(document, "bob", 0, 10, "person"))
        qtbot.waitUntil(
            lambda: [placed.id for placed in window.article_view.spans()] == [span.id],
            timeout=1000,
        )
        bob.set_status(document.id, "bob", Status.DONE)
    with Store(server_team["olive"]) as olive:
        olive.add_document(Document.from_text(SECOND, source="budget.txt"))
    qtbot.waitUntil(lambda: window.document_model.rowCount() == 2, timeout=1000)
    # Alice's own writes are hers already: the window does not redraw them twice.
    assert "Not saved" not in window.statusBar().currentMessage()

"""The window on a project file with damaged rows: it starts, every readable article
opens with its readable spans, and an article whose own row is damaged is named in the
status bar instead of stopping the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.store import Store

DAMAGE = """
    DROP TRIGGER documents_text_never_changes;
    UPDATE documents SET text = CAST(x'41ff42' AS TEXT) WHERE position = 1;
    UPDATE documents SET meta = '{bad' WHERE position = 2;
    INSERT OR REPLACE INTO settings (key, value) VALUES ('label_set', 'garbage');
    UPDATE spans SET start = -5 WHERE rowid = 1;
    UPDATE spans SET attrs = '{bad' WHERE rowid = 2;
    UPDATE spans SET label = x'00ff' WHERE rowid = 3;
    UPDATE statuses SET status = 'lost';
"""


def damage(path: Path) -> None:
    with Store(path) as store:
        for doc_id in store.document_ids()[1:3]:
            document = store.document(doc_id)
            store.add_span(store.make_span(document, "alice", 0, 5, "claim"))
            store.add_span(store.make_span(document, "alice", 6, 12, "person"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.executescript(DAMAGE)
    conn.close()


def test_the_window_starts_and_names_the_damaged_article(open_window, seeded_project, qtbot):
    damage(seeded_project)
    with Store(seeded_project) as store:
        damaged_id, *readable = store.document_ids()
    window = open_window(seeded_project)
    assert window.current_document_id() == readable[0]  # the damaged first one passed over
    assert window.document_model.rowCount() == len(readable) + 1
    for doc_id in readable:
        window.open_document(doc_id)
        assert window.current_document_id() == doc_id
    window.open_document(damaged_id)
    assert window.current_document_id() is None
    message = window.statusBar().currentMessage()
    assert "cannot be opened" in message and damaged_id[:12] in message, message

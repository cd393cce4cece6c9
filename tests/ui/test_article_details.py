"""The article details panel, driven with keys in the real window: Ctrl+I shows what
the page said about the article (outlet, author, date, address, language); each field
the user corrects is one undo step, saved at once, in the list and in the gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.core.formats.export import ExportOptions, export_gold_jsonl
from annotator.core.importing.articles import import_paths
from annotator.core.store import Store
from annotator.ui import i18n

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
CTRL = Qt.KeyboardModifier.ControlModifier
PAGE_URL = (
    "https://www.courrier-ouest.example/region/bosworth/"
    "piscine-de-bosworth-le-cout-des-travaux-a-double-123456"
)


@pytest.fixture
def sources_project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    with Store(path) as store:
        for name in ("courrier_ouest_page.html", "rapport.pdf", "plain_and_html.eml"):
            report = import_paths(store, [SOURCES / name])
            assert report.imported == 1, report.results
    return path


def open_article(qtbot, window, source_name: str) -> str:
    model = window.document_model
    summaries = [model.summary(row) for row in range(model.rowCount())]
    doc_id = next(s.id for s in summaries if (s.source or "").endswith(source_name))
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.current_document_id() == doc_id)
    return doc_id


def show_details(qtbot, window) -> dict[str, QLineEdit]:
    qtbot.keyClick(window.article_view.editor, Qt.Key.Key_I, CTRL)
    details = window.article_details
    qtbot.waitUntil(details.dock.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is details.fields["title"])
    return details.fields


def type_into(qtbot, window, field: QLineEdit, text: str) -> None:
    """Tab to ``field`` from the title, replace its text, press Enter."""
    while QApplication.focusWidget() is not field:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    for character in text:  # as a keyboard types it, accents included
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                 character)
            )
    qtbot.keyClick(field, Qt.Key.Key_Return)


def back_to_article(qtbot, window) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.article_details.dock.isAncestorOf(QApplication.focusWidget())
                    is False)


def test_ctrl_i_shows_what_the_page_said_about_the_article(
    qtbot, open_window, sources_project
) -> None:
    window = open_window(sources_project)
    open_article(qtbot, window, "courrier_ouest_page.html")
    fields = show_details(qtbot, window)
    shown = {name: field.text() for name, field in fields.items()}
    assert shown == {
        "title": "Piscine de Bosworth : le coût des travaux a doublé",
        "site": "Le Courrier de l'Ouest",
        "author": "Claire Martin",
        "date": "2026-03-18",
        "url": PAGE_URL,
        "language": "fr",
        "description": "Le budget de la rénovation atteint 1,5 million d'euros, selon "
        "l'adjoint aux finances.",
    }
    assert window.article_details.source.text() == str(SOURCES / "courrier_ouest_page.html")
    assert window.article_details.action in window.document_menu.actions()


def test_each_corrected_field_is_one_undo_step_saved_at_once(
    qtbot, open_window, sources_project, tmp_path: Path
) -> None:
    window = open_window(sources_project)
    doc_id = open_article(qtbot, window, "courrier_ouest_page.html")
    fields = show_details(qtbot, window)
    with qtbot.waitSignal(window.session.changed):
        type_into(qtbot, window, fields["title"], "Le coût de la piscine a doublé")
    with qtbot.waitSignal(window.session.changed):
        type_into(qtbot, window, fields["site"], "Ouest-France")
    with qtbot.waitSignal(window.session.changed):
        type_into(qtbot, window, fields["date"], "2026-03-19")
    with Store(sources_project) as other:  # on disk, for any other program
        saved = other.document(doc_id)
        assert saved.title == "Le coût de la piscine a doublé"
        assert saved.meta["site"] == "Ouest-France" and saved.meta["date"] == "2026-03-19"
        assert saved.meta["author"] == "Claire Martin"
    row = window.document_model.row_of(doc_id)
    assert window.document_model.summary(row).title == "Le coût de la piscine a doublé"
    assert window.windowTitle().startswith("Le coût de la piscine a doublé")
    assert window.undo_action.text() == "&Undo Change the article's publication date"

    out = tmp_path / "gold.jsonl"
    document = window.store.document(doc_id)
    window.store.add_span(window.store.make_span(document, "alice", 0, 6, "person"))
    export_gold_jsonl(window.store, out, ExportOptions(annotators=["alice"]))
    record = next(
        json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == doc_id
    )
    assert record["title"] == "Le coût de la piscine a doublé"
    assert record["meta"]["site"] == "Ouest-France"

    back_to_article(qtbot, window)
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.store.document(doc_id).meta["date"] == "2026-03-18"
    assert fields["date"].text() == "2026-03-18"
    assert window.store.document(doc_id).meta["site"] == "Ouest-France"
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.store.document(doc_id).title.startswith("Piscine de Bosworth")
    assert fields["site"].text() == "Le Courrier de l'Ouest"
    assert window.document_model.summary(row).title.startswith("Piscine de Bosworth")


def test_a_date_that_is_not_a_date_is_not_saved_and_says_why(
    qtbot, open_window, sources_project
) -> None:
    window = open_window(sources_project)
    doc_id = open_article(qtbot, window, "courrier_ouest_page.html")
    fields = show_details(qtbot, window)
    steps = window.undo_stack.count()
    type_into(qtbot, window, fields["date"], "18/03/2026")
    problem = window.article_details.problem
    assert problem.isVisible()
    assert "YYYY-MM-DD" in problem.text()
    assert window.store.document(doc_id).meta["date"] == "2026-03-18"
    assert window.undo_stack.count() == steps
    # Escape forgets what was typed.
    qtbot.keyClick(fields["date"], Qt.Key.Key_Escape)
    assert fields["date"].text() == "2026-03-18"
    assert not problem.isVisible()


def test_a_pdf_shows_its_pages_and_an_email_its_attachments(
    qtbot, open_window, sources_project
) -> None:
    window = open_window(sources_project)
    open_article(qtbot, window, "rapport.pdf")
    show_details(qtbot, window)
    assert "3 pages" in window.article_details.extra.text()
    open_article(qtbot, window, "plain_and_html.eml")
    extra = window.article_details.extra.text()
    assert "Attachments (not imported): analyse_des_offres.pdf" in extra
    assert "To: Claire Martin <claire.martin@courrier-ouest.example>" in extra
    assert window.article_details.fields["author"].text() == "Sophie Lambert"


def test_the_panel_speaks_french(qtbot, open_window, sources_project) -> None:
    window = open_window(sources_project)
    open_article(qtbot, window, "rapport.pdf")
    assert i18n.apply_language("fr")
    qtbot.waitUntil(lambda: window.edit_menu.title() == "&Édition")
    show_details(qtbot, window)
    details = window.article_details
    assert details.dock.windowTitle() == "Détails de l’article"
    assert details.labels["site"].text() == "Média\u00a0:"
    assert "3 pages" in details.extra.text()
    assert details.action.text().startswith("&Détails de l’article")

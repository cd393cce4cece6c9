"""Links made, shown, undone and exported in the window, with real key presses and
clicks. After every step the test reads the store, not the widgets alone."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.models import Document, Span
from annotator.core.store import Store

ANNOTATOR = "alice"
ARTICLE = (
    "Sam Altman affirme que Meta a offert des primes de 100 millions de dollars. "
    "Andrew Bosworth dément : « ce n'est pas une prime à la signature ».\n\n"
    "Un autre paragraphe, sans rien à relier, pour que l'article ait une suite."
)
OTHER_ARTICLE = "Lucas Beyer dément : « nous n'avons pas reçu 100 millions », dit-il."
TAGS = {
    "claim": ("Meta a offert des primes de 100 millions de dollars", "claim"),
    "altman": ("Sam Altman", "person"),
    "amount": ("100 millions de dollars", "amount"),
    "bosworth": ("Andrew Bosworth", "person"),
    "denial": ("ce n'est pas une prime à la signature", "denial"),
}


def tag(store: Store, document: Document, quote: str, label: str) -> Span:
    start = document.text.index(quote)
    return store.add_span(store.make_span(document, ANNOTATOR, start, start + len(quote), label))


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, Span]]:
    path = tmp_path / "project.db"
    with Store(path) as store:
        article = Document.from_text(ARTICLE, title="Altman et Meta")
        other = Document.from_text(OTHER_ARTICLE, title="Beyer répond")
        store.add_document(article)
        store.add_document(other)
        spans = {key: tag(store, article, quote, label) for key, (quote, label) in TAGS.items()}
        spans["beyer_denial"] = tag(store, other, "nous n'avons pas reçu 100 millions", "denial")
        spans["beyer"] = tag(store, other, "Lucas Beyer", "person")
    return path, spans


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[[Path], object]]:
    from annotator.ui import i18n
    from annotator.ui.preferences import Preferences
    from annotator.ui.shell.main_window import MainWindow

    i18n.apply_language("en")
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    preferences.show_suggestions = False  # suggestions' outlines are not under test here

    def make(db_path: Path) -> MainWindow:
        window = MainWindow(Store(db_path), db_path, ANNOTATOR, preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.current_document_id() is not None)
        return window

    yield make
    i18n.apply_language("en")


def links_in(path: Path) -> set[tuple[str, str, str]]:
    """(type, from text, to text) of every stored link, read on a fresh connection."""
    with Store(path) as store:
        found = set()
        for link in store.links():
            spans = store.spans_by_ids((link.from_span, link.to_span))
            found.add((link.type, spans[link.from_span].text, spans[link.to_span].text))
        return found


def key(window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.article_view.editor, key, modifier)


def make_current(qtbot, window, span: Span) -> None:
    """Tab from the top of the article until ``span`` is the selected span."""
    view = window.article_view
    view.editor.moveCursor(QTextCursor.MoveOperation.Start)
    view.setFocus()
    for _ in range(len(view.spans())):
        key(window, Qt.Key.Key_Tab)
        if view.current_span_id() == span.id:
            return
    raise AssertionError(f"Tab never reached {span.text!r}")


def tab_to_candidate(window, text: str) -> None:
    mode = window.attribution.mode
    for _ in range(len(mode.candidates())):
        candidate = mode.current_candidate()
        if candidate is not None and candidate.span.text == text:
            return
        key(window, Qt.Key.Key_Tab)
    raise AssertionError(f"{text!r} is not among the candidates")


def click_text(window, text: str, offset: int = 2) -> None:
    """Click inside the first occurrence of ``text`` in the article on show."""
    view = window.article_view
    positions = view.text_positions()
    document_text = window.store.document(view.document_id()).text
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(positions.to_qt(document_text.index(text) + offset))
    rect = view.editor.cursorRect(cursor)
    QTest.mouseClick(
        view.editor.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(rect.center().x() + 3, rect.center().y()),
    )


def test_said_by_and_amount_of_made_by_l_tab_enter_shown_undone_redone_and_deleted(
    qtbot, open_window, project
) -> None:
    path, spans = project
    window = open_window(path)
    view, panel = window.article_view, window.attribution.panel
    make_current(qtbot, window, spans["claim"])

    key(window, Qt.Key.Key_L)
    mode = window.attribution.mode
    assert mode.is_active()
    assert mode.source().id == spans["claim"].id
    # Nearest first: Meta is not tagged, Bosworth (right after) comes before Altman.
    offered = [c.span.text for c in mode.candidates()]
    assert offered == ["Andrew Bosworth", "Sam Altman"]
    assert window.attribution.mode.banner.isVisible()
    tab_to_candidate(window, "Sam Altman")
    key(window, Qt.Key.Key_Return)

    said_by = ("said_by", spans["claim"].text, "Sam Altman")
    assert links_in(path) == {said_by}
    assert not mode.is_active() and not mode.banner.isVisible()
    assert view.current_span_id() == spans["claim"].id  # back on the claim
    row = "claim «Meta a offert des primes de 100 millions de dollars»\n— said by → Sam Altman"
    assert panel.link_rows("article") == [row]
    assert panel.link_rows("current") == ["said by → Sam Altman"]
    (link,) = window.store.links()

    QTest.keyClick(view.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert links_in(path) == set()
    assert panel.link_rows("article") == []
    QTest.keyClick(
        view.editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert links_in(path) == {said_by}
    assert [restored.id for restored in window.store.links()] == [link.id]  # same link
    assert panel.link_rows("article") == [row]

    # The amount: the claim around it is its only candidate, Enter links at once.
    make_current(qtbot, window, spans["amount"])
    key(window, Qt.Key.Key_L)
    assert [c.span.text for c in mode.candidates()] == [spans["claim"].text]
    key(window, Qt.Key.Key_Return)
    amount_of = ("amount_of", "100 millions de dollars", spans["claim"].text)
    assert links_in(path) == {said_by, amount_of}
    assert panel.link_rows("current") == [f"amount of → {spans['claim'].text}"]

    # Delete the said_by link from the panel; undo puts it back.
    panel.tree.setFocus()
    panel.select_link(link.id)
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert links_in(path) == {amount_of}
    assert len(panel.link_rows("article")) == 1
    window.undo_action.trigger()
    assert links_in(path) == {said_by, amount_of}


def test_escape_leaves_link_mode_without_a_link_and_a_click_picks_the_target(
    qtbot, open_window, project
) -> None:
    path, spans = project
    window = open_window(path)
    mode = window.attribution.mode
    make_current(qtbot, window, spans["denial"])
    key(window, Qt.Key.Key_L)
    assert mode.is_active()
    key(window, Qt.Key.Key_Escape)
    assert not mode.is_active()
    assert links_in(path) == set()
    assert window.article_view.current_span_id() == spans["denial"].id

    # A plain letter in link mode tags nothing (c would make a claim elsewhere).
    key(window, Qt.Key.Key_L)
    key(window, Qt.Key.Key_C)
    assert len(window.store.spans(spans["denial"].doc_id, ANNOTATOR)) == len(TAGS)
    click_text(window, "Sam Altman")
    assert links_in(path) == {("said_by", spans["denial"].text, "Sam Altman")}
    assert not mode.is_active()


def test_a_denial_denies_a_claim_with_the_type_key_and_the_gold_export_has_relations(
    qtbot, open_window, project, tmp_path: Path
) -> None:
    path, spans = project
    window = open_window(path)
    mode = window.attribution.mode
    make_current(qtbot, window, spans["denial"])

    key(window, Qt.Key.Key_L)
    types = {c.link_type.name for c in mode.candidates()}
    assert types == {"said_by", "denies"}
    key(window, Qt.Key.Key_T)  # said by only
    assert {c.link_type.name for c in mode.candidates()} == {"said_by"}
    key(window, Qt.Key.Key_T)  # denies only
    assert [(c.link_type.name, c.span.text) for c in mode.candidates()] == [
        ("denies", spans["claim"].text)
    ]
    key(window, Qt.Key.Key_Enter)
    key(window, Qt.Key.Key_L)
    key(window, Qt.Key.Key_1)  # said by, nearest first: Bosworth
    assert mode.current_candidate().span.text == "Andrew Bosworth"
    key(window, Qt.Key.Key_Return)
    assert links_in(path) == {
        ("denies", spans["denial"].text, spans["claim"].text),
        ("said_by", spans["denial"].text, "Andrew Bosworth"),
    }

    target = tmp_path / "gold.jsonl"
    with qtbot.waitSignal(window.exportFinished, timeout=10000) as finished:
        window.start_export(target)
    assert finished.args[0] is not None
    records = {
        record["id"]: record
        for record in map(json.loads, target.read_text(encoding="utf-8").splitlines())
    }
    relations = records[spans["denial"].doc_id]["relations"]
    assert sorted((r["type"], r["from"], r["to"]) for r in relations) == sorted(
        [
            ("denies", spans["denial"].id, spans["claim"].id),
            ("said_by", spans["denial"].id, spans["bosworth"].id),
        ]
    )


def test_a_denial_denies_a_claim_of_another_article_through_the_picker(
    qtbot, open_window, project
) -> None:
    path, spans = project
    window = open_window(path)
    window.open_document(spans["beyer_denial"].doc_id)
    make_current(qtbot, window, spans["beyer_denial"])

    key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    picker = window.attribution.mode.picker
    assert picker is not None
    qtbot.waitExposed(picker)
    assert [picker.candidates[row].span.text for row in picker.visible_rows()] == [
        spans["claim"].text
    ]
    QTest.keyClicks(picker.search, "prime 100 MILLIONS")  # accents and case ignored
    assert len(picker.visible_rows()) == 1
    QTest.keyClicks(picker.search, " bonus")
    assert picker.visible_rows() == []
    picker.search.clear()
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())

    assert links_in(path) == {("denies", spans["beyer_denial"].text, spans["claim"].text)}
    panel = window.attribution.panel
    (row,) = panel.link_rows("article")
    assert "denies" in row and "(in “Altman et Meta”)" in row
    # Enter on the row opens the other article at the claim.
    item = panel.article_group.child(0)
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item)
    panel.tree.itemActivated.emit(item, 0)  # Enter
    assert window.current_document_id() == spans["claim"].doc_id
    assert window.article_view.current_span_id() == spans["claim"].id


def test_the_checks_list_unattributed_statements_and_a_click_jumps_to_them(
    qtbot, open_window, project
) -> None:
    path, spans = project
    window = open_window(path)
    panel = window.attribution.panel
    assert panel.link_rows("problems") == [
        "claim «Meta a offert des primes de 100 millions de dollars»\n— no source (said by)",
        "denial «ce n'est pas une prime à la signature»\n— no source (said by)",
        "denial «ce n'est pas une prime à la signature»\n— denies no claim",
    ]
    # Every article: Beyer's denial in the other one shows up too.
    panel.all_articles.click()
    assert len(panel.link_rows("problems")) == 5
    beyer = next(
        row
        for row in range(panel.problem_group.childCount())
        if "nous n'avons pas" in panel.problem_group.child(row).text(0)
    )
    item = panel.problem_group.child(beyer)
    rect = panel.tree.visualItemRect(item)
    QTest.mouseClick(
        panel.tree.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    assert window.current_document_id() == spans["beyer_denial"].doc_id
    assert window.article_view.current_span_id() == spans["beyer_denial"].id
    QApplication.processEvents()


def test_removing_a_linked_span_takes_its_links_and_undo_brings_both_back(
    qtbot, open_window, project
) -> None:
    path, spans = project
    window = open_window(path)
    panel = window.attribution.panel
    make_current(qtbot, window, spans["claim"])
    key(window, Qt.Key.Key_L)
    tab_to_candidate(window, "Sam Altman")
    key(window, Qt.Key.Key_Return)
    said_by = ("said_by", spans["claim"].text, "Sam Altman")
    assert links_in(path) == {said_by}

    key(window, Qt.Key.Key_Delete)  # the claim, still the selected span
    assert links_in(path) == set()
    assert panel.link_rows("article") == []
    window.undo_action.trigger()
    assert links_in(path) == {said_by}
    assert len(panel.link_rows("article")) == 1


def test_the_link_entries_and_panel_follow_the_french_translation(
    qtbot, open_window, project
) -> None:
    from annotator.ui import i18n

    path, spans = project
    window = open_window(path)
    attribution = window.attribution
    assert attribution.report_action.text() == "Editorial &report…"
    i18n.apply_language("fr")
    qtbot.waitUntil(lambda: attribution.report_action.text() == "Rapport édi&torial…")
    assert attribution.ledger_action.text() == "&Journal des affirmations…"
    assert attribution.panel.heading.text() == "Liens"
    assert attribution.panel.link_rows("problems")[0].endswith("— sans source (dit par)")
    make_current(qtbot, window, spans["claim"])
    key(window, Qt.Key.Key_L)
    assert "Entrée\u00a0:\u00a0relier" in attribution.mode.banner.text()
    key(window, Qt.Key.Key_Escape)

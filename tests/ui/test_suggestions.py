"""Suggestions and amount values in the window, driven by real key presses; the store is
checked after every step (suggestions must never be stored until accepted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from annotator.core.amounts.reading import find_amounts
from annotator.core.importing.articles import import_paths
from annotator.core.models import Origin
from annotator.core.store import Store

ANNOTATOR = "alice"


@pytest.fixture
def tagged_project(tmp_path: Path, seeds_dir: Path) -> tuple[Path, str]:
    """The seeds, with the first "OpenAI" of the first article tagged organisation."""
    path = tmp_path / "project.db"
    with Store(path) as store:
        import_paths(store, [seeds_dir])
        document = store.document(store.document_ids()[0])
        start = document.text.index("OpenAI")
        store.add_span(store.make_span(document, ANNOTATOR, start, start + 6, "organisation"))
        return path, document.id


@pytest.fixture
def open_window(qtbot, open_window, preferences) -> Callable[..., object]:
    """The shared window fixture, opened on ``doc_id`` with the article's text focused."""

    def make(db_path: Path, doc_id: str | None = None):
        if doc_id is not None:
            preferences.set_last_document(db_path, doc_id)
        window = open_window(db_path, ANNOTATOR)
        qtbot.waitUntil(lambda: window.current_document_id() is not None)
        editor = window.article_view.editor
        editor.setFocus()
        qtbot.waitUntil(editor.hasFocus)
        return window

    return make


def wait_for_suggestions(qtbot, window) -> list:
    qtbot.waitUntil(lambda: len(window.suggestions.suggestions()) > 0, timeout=15000)
    return window.suggestions.suggestions()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.article_view.editor, key, modifier)


def go_to(qtbot, window, wanted: Callable[[object], bool], limit: int = 60):
    """Press N until the current suggestion is one ``wanted`` accepts."""
    for _ in range(limit):
        press(qtbot, window, Qt.Key.Key_N)
        current = window.suggestions.current_suggestion()
        if current is not None and wanted(current):
            return current
    raise AssertionError("no such suggestion reached with N")


def own_spans(window, doc_id: str) -> list:
    return window.store.spans(doc_id, ANNOTATOR)


def test_amounts_and_known_entities_are_suggested_but_not_stored(
    qtbot, open_window, tagged_project
):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    suggestions = wait_for_suggestions(qtbot, window)
    text = window.store.document(doc_id).text
    tagged = own_spans(window, doc_id)
    assert [(s.label, s.text) for s in tagged] == [("organisation", "OpenAI")]

    # Every other whole-word "OpenAI" is proposed, the tagged one is not.
    openai = {s.start for s in suggestions if s.label == "organisation" and s.text == "OpenAI"}
    positions = {i for i in range(len(text)) if text.startswith("OpenAI", i)}
    assert openai == positions - {tagged[0].start}
    assert {s.origin for s in suggestions if s.label == "organisation"} == {"suggested:gazetteer"}
    # Every amount the recogniser finds is proposed, with its reading.
    amounts = [(s.start, s.end, s.attrs) for s in suggestions if s.label == "amount"]
    expected = [(m.start, m.end, m.attrs) for m in find_amounts(text, "fr")]
    assert amounts == expected and len(amounts) >= 5
    for suggestion in suggestions:
        assert text[suggestion.start : suggestion.end] == suggestion.text
    # Nothing of this reached the annotator's layer.
    assert own_spans(window, doc_id) == tagged


def test_enter_accepts_and_a_label_key_accepts_with_origin_and_attrs(
    qtbot, open_window, tagged_project
):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    wait_for_suggestions(qtbot, window)

    amount = go_to(qtbot, window, lambda s: s.label == "amount")
    assert "Enter accepts" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.session.changed):
        press(qtbot, window, Qt.Key.Key_Return)
    [span] = [s for s in own_spans(window, doc_id) if s.label == "amount"]
    assert (span.start, span.end, span.text) == (amount.start, amount.end, amount.text)
    assert span.origin == Origin.SUGGESTED_AMOUNT.value
    assert span.attrs == amount.attrs and span.attrs["currency"] == "USD"
    assert amount not in window.suggestions.suggestions()
    # The accepted span shows its value in the span panel.
    group = next(
        window.span_panel.model.item(row)
        for row in range(window.span_panel.model.rowCount())
        if window.span_panel.model.item(row).text().startswith("Amount")
    )
    value = f"{amount.attrs['value']:,}".replace(",", "\u202f")
    assert group.child(0).text().endswith(f"→ {value} USD")

    # The organisation's letter key accepts a gazetteer suggestion.
    company = go_to(qtbot, window, lambda s: s.label == "organisation")
    press(qtbot, window, Qt.Key.Key_O)
    accepted = [s for s in own_spans(window, doc_id) if s.start == company.start]
    assert [(s.label, s.origin, s.text) for s in accepted] == [
        ("organisation", "suggested:gazetteer", "OpenAI")
    ]


def test_x_rejects_and_the_rejection_survives_reopening(
    qtbot, open_window, tagged_project, preferences
):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    before = wait_for_suggestions(qtbot, window)
    spans_before = own_spans(window, doc_id)
    rejected = go_to(qtbot, window, lambda s: s.label == "amount")
    press(qtbot, window, Qt.Key.Key_X)
    assert rejected not in window.suggestions.suggestions()
    assert own_spans(window, doc_id) == spans_before  # a rejection is no span
    assert window.store.rejected_suggestions(doc_id, ANNOTATOR) == {rejected.key}
    # Backspace rejects too, and moves on to the next one.
    second = window.suggestions.current_suggestion()
    assert second is not None and second != rejected
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert window.store.rejected_suggestions(doc_id, ANNOTATOR) == {rejected.key, second.key}
    window.close()

    again = open_window(path, doc_id)
    after = wait_for_suggestions(qtbot, again)
    assert again.current_document_id() == doc_id
    assert {s.key for s in after} == {s.key for s in before} - {rejected.key, second.key}


def test_accept_all_of_one_label_is_one_undo_step(qtbot, open_window, tagged_project):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    suggestions = wait_for_suggestions(qtbot, window)
    amounts = {s.key for s in suggestions if s.label == "amount"}
    others = [s for s in suggestions if s.label != "amount"]
    assert amounts and others

    press(
        qtbot,
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    amount_key = window.store.label_set().get("amount").key
    qtbot.keyClick(menu, amount_key)
    qtbot.waitUntil(lambda: len(own_spans(window, doc_id)) == 1 + len(amounts))
    stored = {(s.start, s.end, s.label) for s in own_spans(window, doc_id) if s.label == "amount"}
    assert stored == amounts
    assert {s.origin for s in own_spans(window, doc_id) if s.label == "amount"} == {
        "suggested:amount"
    }
    assert [s for s in window.suggestions.suggestions() if s.label == "amount"] == []

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.label for s in own_spans(window, doc_id)] == ["organisation"]
    assert amounts <= {s.key for s in window.suggestions.suggestions()}


def test_undo_of_an_accept_removes_the_span_and_brings_the_suggestion_back(
    qtbot, open_window, tagged_project
):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    wait_for_suggestions(qtbot, window)
    company = go_to(qtbot, window, lambda s: s.label == "organisation")
    press(qtbot, window, Qt.Key.Key_Return)
    assert len(own_spans(window, doc_id)) == 2
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in own_spans(window, doc_id)] == ["OpenAI"]
    assert company in window.suggestions.suggestions()
    assert window.suggestions.current_suggestion() == company
    # Redo puts the very same span back.
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert {s.start for s in own_spans(window, doc_id)} >= {company.start}


def select_chars(qtbot, window, text: str, start: int, end: int) -> None:
    """Caret before ``start``, then Shift+Right over the characters (no emoji here)."""
    assert text[:end].isascii() or len(text[:end].encode("utf-16-le")) // 2 == end
    editor = window.article_view.editor
    cursor = editor.textCursor()
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    for _ in range(end - start):
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def test_hand_made_and_relabelled_amounts_are_read(qtbot, open_window, tagged_project):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    text = window.store.document(doc_id).text
    start = text.index("14 milliards $")
    select_chars(qtbot, window, text, start, start + len("14 milliards $"))
    press(qtbot, window, Qt.Key.Key_3)
    [span] = [s for s in own_spans(window, doc_id) if s.label == "amount"]
    assert span.text == "14 milliards $" and span.origin == "manual"
    assert span.attrs == {"value": 14 * 10**9, "currency": "USD", "readable": True}

    # A claim relabelled to amount is read; relabelled away, the reading goes.
    start = text.index("49 %")
    select_chars(qtbot, window, text, start, start + len("49 %"))
    press(qtbot, window, Qt.Key.Key_1)
    [claim] = [s for s in own_spans(window, doc_id) if s.label == "claim"]
    assert claim.attrs == {}
    press(qtbot, window, Qt.Key.Key_A)  # the claim is current: its label changes
    relabelled = window.store.span(claim.id)
    assert relabelled.label == "amount"
    assert relabelled.attrs == {"value": 49, "unit": "percent", "readable": True}
    press(qtbot, window, Qt.Key.Key_4)
    assert window.store.span(claim.id).attrs == {}


def test_f2_corrects_an_amount_with_undo(qtbot, open_window, tagged_project):
    from annotator.ui.article.amount_editor import AmountDialog

    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    text = window.store.document(doc_id).text
    start = text.index("18 millions $")
    select_chars(qtbot, window, text, start, start + len("18 millions $"))
    press(qtbot, window, Qt.Key.Key_3)
    [span] = [s for s in own_spans(window, doc_id) if s.label == "amount"]
    assert span.attrs["value"] == 18_000_000
    alt = Qt.KeyboardModifier.AltModifier
    # A value read from the text follows the text when an edge moves.
    press(qtbot, window, Qt.Key.Key_Left, alt)
    assert window.store.span(span.id).text == "18 millions"
    assert window.store.span(span.id).attrs == {"value": 18_000_000, "readable": True}
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.span(span.id) == span

    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.findChild(AmountDialog) is not None)
    dialog = window.findChild(AmountDialog)
    qtbot.waitUntil(dialog.value_edit.hasFocus)
    # A value that could be read two ways is refused, with a reason.
    qtbot.keyClicks(dialog.value_edit, "18,500")
    qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert window.store.span(span.id).attrs["value"] == 18_000_000
    dialog.value_edit.selectAll()
    qtbot.keyClicks(dialog.value_edit, "18 500 000")
    dialog.currency_combo.setFocus()
    dialog.currency_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.currency_combo.lineEdit(), "eur")
    with qtbot.waitSignal(window.session.changed):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    corrected = {"value": 18_500_000, "currency": "EUR", "readable": True, "checked": True}
    assert window.store.span(span.id).attrs == corrected
    row = window.span_panel.model.item(0).child(0).text()
    assert row.endswith("→ 18\u202f500\u202f000 EUR")
    # Offscreen, no window manager hands the activation back when the dialog closes.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    # A value a person set survives a move of the span's edge.
    press(qtbot, window, Qt.Key.Key_Left, alt)
    assert window.store.span(span.id).text == "18 millions"
    assert window.store.span(span.id).attrs == corrected
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.span(span.id).text == "18 millions $"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.span(span.id).attrs == span.attrs


def test_hiding_suggestions_is_remembered(qtbot, open_window, tagged_project, preferences):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    wait_for_suggestions(qtbot, window)
    window.suggestions.show_action.trigger()
    assert window.suggestions.suggestions() == []
    assert preferences.show_suggestions is False
    press(qtbot, window, Qt.Key.Key_N)
    assert "hidden" in window.statusBar().currentMessage()
    window.close()

    again = open_window(path, doc_id)
    assert not again.suggestions.show_action.isChecked()
    again.suggestions.show_action.trigger()
    wait_for_suggestions(qtbot, again)


def test_a_missing_model_is_said_once_and_never_blocks(
    qtbot, open_window, tagged_project, preferences, monkeypatch
):
    from annotator.core.suggestions import suggest

    monkeypatch.setattr(suggest, "model_unavailable_reason", lambda language="fr": "not here")
    preferences.suggest_with_model = True
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    wait_for_suggestions(qtbot, window)
    qtbot.waitUntil(lambda: "Model suggestions are off" in window.statusBar().currentMessage())
    assert "not here" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    window.open_next_document()
    qtbot.waitUntil(lambda: window.current_document_id() != doc_id)
    qtbot.waitUntil(lambda: window.suggestions.suggestions() != [])
    assert "Model" not in window.statusBar().currentMessage()


def test_suggestions_of_an_article_left_behind_are_dropped(qtbot, open_window, tagged_project):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    for _ in range(3):
        window.open_next_document()
    shown = window.current_document_id()
    assert shown != doc_id
    wait_for_suggestions(qtbot, window)
    # Let every task still running report, then check nothing stale slipped in.
    window.suggestions.wait()
    QApplication.processEvents()
    assert {s.doc_id for s in window.suggestions.suggestions()} == {shown}


def test_clicking_a_suggestion_makes_it_current(qtbot, open_window, tagged_project):
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    suggestions = wait_for_suggestions(qtbot, window)
    target = suggestions[0]
    editor = window.article_view.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(target.start + 1)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    point = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.suggestions.current_suggestion() == target


def test_moving_between_articles_reuses_the_projects_gazetteer(
    qtbot, open_window, tagged_project
):
    """The gazetteer reads every entity span of the project: built once per state of the
    project, not on every article opened (seconds on a large project)."""
    path, doc_id = tagged_project
    window = open_window(path, doc_id)
    wait_for_suggestions(qtbot, window)
    for _ in range(2):
        window.open_next_document()
        window.suggestions.wait()
        QApplication.processEvents()
    cache = window.suggestions.gazetteer_cache
    assert cache.builds == 1
    # Tagging a new entity changes the project: the next article sees it.
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.current_document_id() == doc_id)
    document = window.store.document(doc_id)
    start = document.text.index("Meta")
    meta = window.store.make_span(document, ANNOTATOR, start, start + 4, "organisation")
    window.store.add_span(meta)
    window.open_next_document()
    window.suggestions.wait()
    QApplication.processEvents()
    assert cache.builds == 2
    assert any(s.text == "Meta" for s in window.suggestions.suggestions())

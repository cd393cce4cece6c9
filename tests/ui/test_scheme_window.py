"""The scheme in the window: Project → Labels… edits labels by keys and mouse, a span's
attributes are set from the span panel (each change one undo step), guidelines show
beside the article and on hover in the label bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from text_mouse import drag

from annotator.core import scheme
from annotator.core.models import Document, Link
from annotator.core.store import Store

TEXT = "Sam Altman affirme que Meta a offert 100 millions de dollars. Andrew Bosworth dément."


@pytest.fixture
def claim_project(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "project.db"
    with Store(path) as store:
        document = Document.from_text(TEXT, title="Altman")
        store.add_document(document)
        start = TEXT.index("Meta a offert")
        claim = store.add_span(
            store.make_span(document, "alice", start, TEXT.index(" de dollars"), "claim")
        )
        person = store.add_span(store.make_span(document, "alice", 0, 10, "person"))
        store.insert_link(
            Link(id="l1", type="said_by", from_span=claim.id, to_span=person.id, annotator="alice")
        )
        return path, document.id


def open_labels(qtbot, window):
    window.scheme_view.labels_action.trigger()
    dialog = window.scheme_view.labels_dialog
    qtbot.waitExposed(dialog)
    return dialog


def click_row(qtbot, dialog, name: str) -> None:
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected().name == name


def type_text(field, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_text(field, text)


def test_a_label_is_renamed_in_one_undo_step_that_keeps_every_span_and_link(
    qtbot, open_window, claim_project
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    dialog = open_labels(qtbot, window)
    click_row(qtbot, dialog, "person")
    retype(qtbot, dialog.name_edit, "personne")
    retype(qtbot, dialog.french_edit, "Personne citée")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    store = window.store
    assert sorted(s.label for s in store.spans(doc_id)) == ["claim", "personne"]
    assert store.label_set().get("personne").display["fr"] == "Personne citée"
    (link,) = store.links()
    assert store.span(link.to_span).label == "personne"
    assert "label_personne" in [a.objectName() for a in window.label_bar.actions_by_label.values()]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert sorted(s.label for s in store.spans(doc_id)) == ["claim", "person"]
    assert store.label_set().get("person").display["fr"] == "Personne"
    assert store.label_set().get("personne") is None
    window.undo_stack.redo()
    assert store.label_set().get("personne") is not None


def test_a_new_label_is_added_by_keys_and_a_look_alike_colour_is_refused(
    qtbot, open_window, claim_project
) -> None:
    path, _doc_id = claim_project
    window = open_window(path)
    dialog = open_labels(qtbot, window)
    retype(qtbot, dialog.name_edit, "lieu")
    retype(qtbot, dialog.english_edit, "Place")
    retype(qtbot, dialog.french_edit, "Lieu")
    retype(qtbot, dialog.key_edit, "6")
    retype(qtbot, dialog.colour_edit, "#0073B3")
    assert "Looks like claim" in dialog.colour_warning.text()
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert window.store.label_set().get("lieu") is None
    assert "looks like claim's #0072B2" in dialog.message.text()
    retype(qtbot, dialog.colour_edit, "#56B4E9")
    assert dialog.colour_warning.text() == ""
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    lieu = window.store.label_set().get("lieu")
    assert lieu is not None and lieu.display == {"en": "Place", "fr": "Lieu"}
    assert "label_lieu" in [a.objectName() for a in window.label_bar.actions_by_label.values()]


def test_a_retired_label_leaves_the_label_bar_and_its_key_but_its_spans_stay(
    qtbot, open_window, claim_project
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    dialog = open_labels(qtbot, window)
    click_row(qtbot, dialog, "person")
    QTest.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert window.store.label_set().get("person").retired
    assert "person" not in window.label_bar.actions_by_label
    assert window.store.label_set().by_shortcut("4") is None
    assert [s.label for s in window.store.spans(doc_id) if s.start == 0] == ["person"]
    assert any(placed.label == "person" for placed in window.article_view.spans())
    window.undo_stack.undo()
    assert "person" in window.label_bar.actions_by_label


def test_an_attribute_is_added_in_the_labels_dialog(qtbot, open_window, claim_project) -> None:
    path, _doc_id = claim_project
    window = open_window(path)
    dialog = open_labels(qtbot, window)
    click_row(qtbot, dialog, "organisation")
    retype(qtbot, dialog.attribute_name, "sector")
    retype(qtbot, dialog.attribute_choices, "public, private")
    retype(qtbot, dialog.attribute_key, "s")
    QTest.mouseClick(dialog.add_attribute_button, Qt.MouseButton.LeftButton)
    organisation = window.store.label_set().get("organisation")
    sector = organisation.attribute("sector")
    assert sector is not None and sector.choices == ["public", "private"] and sector.key == "s"
    assert dialog.attribute_list.count() == 1


def select_claim(qtbot, window) -> None:
    claim = next(s for s in window.store.spans(window.current_document_id()) if s.label == "claim")
    window.article_view.select_span(claim.id)
    qtbot.waitUntil(lambda: window.article_view.current_span_id() == claim.id)


def test_a_verdict_is_set_by_keys_from_the_span_panel_one_undo_step_each(
    qtbot, open_window, claim_project
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    select_claim(qtbot, window)
    editor = window.span_attributes.editor
    assert editor.isVisible()
    # From the article, Ctrl+Shift+V goes to the span's attributes.
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+V"))
    verdict = editor.fields["verdict"]
    qtbot.waitUntil(verdict.hasFocus)
    assert isinstance(verdict, QComboBox)
    # The verdict's key, then the arrows: each value chosen is saved.
    QTest.keyClick(verdict, Qt.Key.Key_Down)
    QTest.keyClick(verdict, Qt.Key.Key_Down)
    claim = next(s for s in window.store.spans(doc_id) if s.label == "claim")
    assert claim.attrs["verdict"] == "mostly true"
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    claim = window.store.span(claim.id)
    assert claim.attrs["verdict"] == "true"
    assert verdict.currentData() == "true"
    # The span panel's row shows it, and the article marks the span.
    item = window.span_panel.model.span_item(claim.id)
    assert item.text().startswith("[true] Meta a offert")
    assert "Verdict: true" in item.toolTip()
    assert claim.id in window.span_attributes.markers.marked


def test_an_attribute_key_in_the_span_panel_opens_its_choices_and_a_click_sets_it(
    qtbot, open_window, claim_project
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    person = next(s for s in window.store.spans(doc_id) if s.label == "person")
    window.article_view.select_span(person.id)
    tree = window.span_panel.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    role = window.span_attributes.editor.fields["role"]
    QTest.keyClick(tree, Qt.Key.Key_R)
    popup = role.view()
    qtbot.waitUntil(popup.isVisible)
    index = role.model().index(role.findData("expert"), 0)
    QTest.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: window.store.span(person.id).attrs.get("role") == "expert")
    assert "Set Role of “Sam Altman” to expert" == window.undo_stack.text(0)


def test_free_text_and_a_wrong_number_from_the_span_panel(
    qtbot, open_window, claim_project
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    with_number = scheme.with_attribute(
        window.store.label_set(), "claim", scheme.attribute("amount_said", "number", key="n")
    )
    window.store.set_label_set(with_number)
    from annotator.core.changes import Changes

    window.session.did_change(Changes(labels=True))
    select_claim(qtbot, window)
    editor = window.span_attributes.editor
    checked_by = editor.fields["checked_by"]
    checked_by.setFocus()
    type_text(checked_by, "Léa")
    QTest.keyClick(checked_by, Qt.Key.Key_Return)
    claim = next(s for s in window.store.spans(doc_id) if s.label == "claim")
    assert claim.attrs["checked_by"] == "Léa"
    number = editor.fields["amount_said"]
    number.setFocus()
    qtbot.keyClicks(number, "beaucoup")
    QTest.keyClick(number, Qt.Key.Key_Return)
    assert "amount_said" not in window.store.span(claim.id).attrs
    assert "is a number" in window.statusBar().currentMessage()
    number.clear()
    qtbot.keyClicks(number, "14,5")
    QTest.keyClick(number, Qt.Key.Key_Return)
    assert window.store.span(claim.id).attrs["amount_said"] == 14.5


def test_guidelines_show_beside_the_article_and_on_hover_without_running_anything(
    qtbot, open_window, claim_project
) -> None:
    path, _doc_id = claim_project
    with Store(path) as store:
        label_set = scheme.with_guidelines(
            store.label_set(),
            "claim",
            "en",
            "A **claim** can be checked.\n\n<script>alert(1)</script>\n\n![x](http://e.org/x.png)",
        )
        label_set = scheme.with_guidelines(
            label_set, "claim", "fr", "Une **affirmation** se vérifie."
        )
        label_set = scheme.with_guidelines(label_set, None, "en", "Tag what is checkable.")
        store.set_label_set(label_set)
    window = open_window(path)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+H"))
    dock = window.scheme_view.dock
    qtbot.waitUntil(dock.isVisible)
    shown = window.scheme_view.browser.toPlainText()
    assert "Tag what is checkable." in shown and "A claim can be checked." in shown
    assert "<script>alert(1)</script>" in shown  # shown as text, never run
    assert "[x]" in shown
    tooltip = window.label_bar.actions_by_label["claim"].toolTip()
    assert "<strong>claim</strong>" in tooltip
    from annotator.ui import i18n

    i18n.apply_language("fr")
    QApplication.processEvents()
    assert "Une affirmation se vérifie." in window.scheme_view.browser.toPlainText()
    assert "<strong>affirmation</strong>" in window.label_bar.actions_by_label["claim"].toolTip()


def test_review_settles_a_disputed_verdict_into_gold(qtbot, open_window, tmp_path) -> None:
    import review_support

    from annotator.core.models import GOLD_LAYER, Status

    path = tmp_path / "review.db"
    with Store(path) as store:
        document = Document.from_text(TEXT, title="Altman")
        store.add_document(document)
        start, end = TEXT.index("Meta a offert"), TEXT.index(" de dollars")
        for name, verdict in (("alice", "false"), ("bob", "mostly false")):
            claim = store.make_span(document, name, start, end, "claim")
            store.add_span(claim.model_copy(update={"attrs": {"verdict": verdict}}))
            store.set_status(document.id, name, Status.DONE)
        store.add_span(store.make_span(document, "alice", 0, 10, "person"))
    window = open_window(path, "editor")
    review_mode = review_support.open_review(qtbot, window)
    review_support.press(qtbot, review_mode, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.store.spans(document.id, GOLD_LAYER)) == 1)
    (gold,) = window.store.spans(document.id, GOLD_LAYER)
    assert "verdict" not in gold.attrs  # disputed: the reviewer picks
    alice_claim = next(s for s in window.store.spans(document.id, "alice") if s.label == "claim")
    window.article_view.select_span(alice_claim.id)
    editor = window.span_attributes.editor
    qtbot.waitUntil(lambda: editor.span is not None and editor.span.id == gold.id)
    assert "alice: false" in editor.hint.text() and "bob: mostly false" in editor.hint.text()
    editor.fields["verdict"].setFocus()
    for _ in range(4):  # —, true, mostly true, half true, mostly false
        verdict = editor.fields["verdict"]  # the field the reviewer sees, with the focus
        qtbot.waitUntil(verdict.hasFocus)
        QTest.keyClick(verdict, Qt.Key.Key_Down)
    assert window.store.span(gold.id).attrs["verdict"] == "mostly false"
    assert editor.span.id == gold.id and "alice: false" in editor.hint.text()
    assert window.store.span(alice_claim.id).attrs["verdict"] == "false"


def test_the_f1_sheet_lists_attribute_keys_and_the_guidelines(
    qtbot, open_window, claim_project
) -> None:
    path, _doc_id = claim_project
    with Store(path) as store:
        store.set_label_set(
            scheme.with_guidelines(store.label_set(), "claim", "en", "A *claim* can be checked.")
        )
    window = open_window(path)
    sheet = window.show_shortcuts()
    entries = sheet.entries()
    assert ("V, in the span panel", "Verdict of a Claim") in entries
    assert ("R, in the span panel", "Role of a Person") in entries
    assert sheet.guidelines.isVisibleTo(sheet)
    assert "A claim can be checked." in sheet.guidelines.toPlainText()
    sheet.close()


def test_the_agreement_table_has_a_row_per_attribute(qapp, tmp_path) -> None:
    from annotator.core.review import agreement
    from annotator.ui.review.agreement_view import AgreementTable

    path = tmp_path / "p.db"
    with Store(path) as store:
        document = Document.from_text(TEXT, title="Altman")
        store.add_document(document)
        start, end = TEXT.index("Meta a offert"), TEXT.index(" de dollars")
        for name, verdict in (("alice", "false"), ("bob", "false")):
            claim = store.make_span(document, name, start, end, "claim")
            store.add_span(claim.model_copy(update={"attrs": {"verdict": verdict}}))
        report = agreement.compute(store)
    table = AgreementTable(label_name=lambda name: name.title())
    table.show_report(report)
    rows = [
        [table.table.item(row, column).text() for column in range(table.table.columnCount())]
        for row in range(table.table.rowCount())
    ]
    verdict_row = next(row for row in rows if row[1] == "Claim · verdict")
    assert verdict_row[0] == "alice × bob" and verdict_row[-1] == "1 of 1 agree"


def test_a_label_key_marks_only_the_span_it_touches_without_reading_the_others(
    qtbot, open_window, claim_project, monkeypatch
) -> None:
    path, doc_id = claim_project
    window = open_window(path)
    claim = next(s for s in window.store.spans(doc_id) if s.label == "claim")
    with_verdict = window.store.update_span(claim.id, attrs={"verdict": "false"})
    window.span_attributes.markers.refresh()
    assert window.span_attributes.markers.marked == {claim.id: "claim"}

    def whole_article(*_args, **_kwargs):
        raise AssertionError("a label key read every span of the article again")

    asked: set[str] = set()
    by_ids = Store.spans_by_ids

    def reading(self, span_ids):
        span_ids = list(span_ids)
        asked.update(span_ids)
        return by_ids(self, span_ids)

    monkeypatch.setattr(Store, "spans_by_ids", reading)
    monkeypatch.setattr(Store, "spans_with_attributes", whole_article)
    view = window.article_view
    start = TEXT.index("dollars")
    drag(view, TEXT, start, start + len("dollars"))
    qtbot.keyClick(view.editor, "1")  # a claim with no verdict: not marked
    tagged = view.editable_current_span()
    assert tagged is not None and tagged.label == "claim"
    assert window.span_attributes.markers.marked == {with_verdict.id: "claim"}
    assert tagged.id not in asked  # read as tagged, not again with every other span
    monkeypatch.undo()
    view.select_span(with_verdict.id)
    qtbot.keyClick(view.editor, Qt.Key.Key_Delete)
    assert window.span_attributes.markers.marked == {}

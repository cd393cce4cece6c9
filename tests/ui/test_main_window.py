"""The annotation window, driven with real key presses on a project holding the seeds.

Settings live in a temporary file: no test reads or writes the user's preferences."""

from __future__ import annotations

from pathlib import Path

from drag_and_drop import drop_on_article
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QProgressDialog,
    QPushButton,
)
from text_mouse import select_first_word

from annotator.core.models import Status


def titles_in_list(window) -> list[str]:
    shown = window.document_list.table.model()
    return [str(shown.index(row, 0).data()) for row in range(shown.rowCount())]


def focus_list(qtbot, window) -> None:
    table = window.document_list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)


def test_window_opens_on_the_first_article_and_names_the_annotator(open_window, seeded_project):
    window = open_window(seeded_project, "alice")
    summaries = window.store.document_summaries("alice")
    assert window.current_document_id() == summaries[0].id
    assert window.document_model.rowCount() == len(summaries)
    assert "alice" in window.annotator_label.text()
    assert "Not started" in window.status_label.text()


def test_arrow_keys_in_the_list_open_articles(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    ids = [summary.id for summary in window.store.document_summaries("alice")]
    focus_list(qtbot, window)
    with qtbot.waitSignal(window.documentOpened) as opened:
        qtbot.keyClick(window.document_list.table, Qt.Key.Key_Down)
    assert opened.args == [ids[1]]
    assert window.article_view.document_id() == ids[1]
    qtbot.keyClick(window.document_list.table, Qt.Key.Key_End)
    assert window.current_document_id() == ids[-1]
    qtbot.keyClick(window.document_list.table, Qt.Key.Key_Up)
    assert window.current_document_id() == ids[-2]
    # Enter hands the keyboard to the article.
    qtbot.keyClick(window.document_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.article_view.isAncestorOf(QApplication.focusWidget())
            or window.article_view is QApplication.focusWidget()
        )
    )


def test_filter_by_text_and_by_status(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    summaries = window.store.document_summaries("alice")
    # QTest types ASCII only: pick the title's longest ASCII word.
    word = max((w for w in summaries[2].title.split() if w.isascii() and w.isalpha()), key=len)
    expected = [s.title for s in summaries if word.casefold() in s.title.casefold()]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.document_list.filter_edit.hasFocus)
    qtbot.keyClicks(window.document_list.filter_edit, word)
    assert titles_in_list(window) == expected
    assert 0 < len(expected) < len(summaries)

    window.document_list.filter_edit.clear()
    window.store.set_status(summaries[1].id, "alice", Status.DONE)
    window.reload_documents()
    combo = window.document_list.status_combo
    combo.setCurrentIndex(combo.findData(Status.DONE.value))
    assert titles_in_list(window) == [summaries[1].title]
    combo.setCurrentIndex(combo.findData("unfinished"))
    assert summaries[1].title not in titles_in_list(window)
    assert len(titles_in_list(window)) == len(summaries) - 1


def test_ctrl_enter_marks_done_and_opens_the_next_article_not_done(
    qtbot, open_window, seeded_project
):
    window = open_window(seeded_project)
    ids = [summary.id for summary in window.store.document_summaries("alice")]
    window.store.set_status(ids[1], "alice", Status.DONE)  # already done: must be skipped
    window.reload_documents()
    window.article_view.setFocus()
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and window.isAncestorOf(QApplication.focusWidget())
        )
    )
    with qtbot.waitSignal(window.documentOpened) as opened:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert window.store.status(ids[0], "alice") == Status.DONE
    assert opened.args == [ids[2]]
    assert window.current_document_id() == ids[2]
    assert window.document_list.current_document_id() == ids[2]
    row = window.document_model.row_of(ids[0])
    assert window.document_model.summary(row).status == Status.DONE
    assert "Not started" in window.status_label.text()
    # Another annotator's statuses are their own.
    assert window.store.status(ids[0], "bob") == Status.NOT_STARTED


def test_reopening_shows_the_same_article_and_statuses(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    ids = [summary.id for summary in window.store.document_summaries("alice")]
    focus_list(qtbot, window)
    qtbot.keyClick(window.document_list.table, Qt.Key.Key_Down)
    qtbot.keyClick(
        window.document_list.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_document_id() == ids[2]
    window.resize(760, 540)
    window.close()

    again = open_window(seeded_project)
    assert again.current_document_id() == ids[2]
    statuses = {s.id: s.status for s in (again.document_model.summary(r) for r in range(len(ids)))}
    assert statuses[ids[1]] == Status.DONE
    assert statuses[ids[0]] == Status.NOT_STARTED
    assert (again.width(), again.height()) == (760, 540)


def test_dropping_a_file_imports_it(qtbot, open_window, seeded_project, tmp_path: Path):
    window = open_window(seeded_project)
    before = window.document_model.rowCount()
    article = tmp_path / "drop.txt"
    article.write_text(
        "Dépêche déposée\n\nLe maire a annoncé 3 millions d’euros.\n", encoding="utf-8"
    )
    report = drop_on_article(qtbot, window, article, timeout=10000)
    assert report.imported == 1
    assert window.document_model.rowCount() == before + 1
    assert "Dépêche déposée" in [window.document_model.summary(r).title for r in range(before + 1)]


def test_import_from_the_menu_runs_in_the_background(
    qtbot, open_window, seeded_project, tmp_path: Path, monkeypatch
):
    from annotator.ui.shell import main_window as main_window_module

    window = open_window(seeded_project)
    before = window.document_model.rowCount()
    good = tmp_path / "new.txt"
    good.write_text("Un nouvel article\n\nTexte.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    monkeypatch.setattr(
        main_window_module.file_dialogs,
        "open_file_names",
        lambda *args, **kwargs: [str(good), str(empty)],
    )
    reports: list[object] = []
    window.importFinished.connect(reports.append)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    # The key came back before the import ended: it runs on the task runner's thread.
    assert reports == [] and window.tasks.busy()
    qtbot.waitUntil(lambda: reports != [], timeout=10000)
    report = reports[0]
    assert (report.imported, report.failed) == (1, 1)
    assert window.document_model.rowCount() == before + 1
    # The failed file is named, with its reason, in the error list.
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    problems = dialog.problems()
    assert [Path(path).name for path, _reason in problems] == ["empty.txt"]
    assert "empty" in problems[0][1]


def test_a_long_import_can_be_cancelled(qtbot, open_window, seeded_project, tmp_path: Path):
    folder = tmp_path / "many"
    folder.mkdir()
    count = 20_000  # long enough for its progress dialog to show, on any machine
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(f"Dépêche {number}\n\nTexte.\n")
    window = open_window(seeded_project)
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([folder])
        qtbot.waitUntil(
            lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=20000
        )
        # The window is not frozen: the progress dialog shows while the import runs.
        dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.cancelled and report.imported < count
    assert "cancel" in window.statusBar().currentMessage().lower()


def test_switching_to_french_translates_the_menus_and_labels(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    assert window.file_menu.title() == "&File"
    assert window.label_bar.buttons["claim"].text().startswith("Claim")
    window.apply_preferences("alice", "fr", True)
    # Qt posts the language change: the menus follow when the event loop runs.
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier")
    assert window.edit_menu.title() == "&Édition"
    assert window.label_bar.buttons["claim"].text().startswith("Affirmation")
    assert window.preferences.language_choice == "fr"
    window.apply_preferences("alice", "en", True)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")


def test_changing_the_annotator_shows_their_statuses(open_window, seeded_project):
    window = open_window(seeded_project, "alice")
    doc_id = window.current_document_id()
    window.store.set_status(doc_id, "bob", Status.DONE)
    window.apply_preferences("bob", "en", True)
    assert "bob" in window.annotator_label.text()
    assert window.preferences.annotator_name == "bob"
    assert window.document_model.summary(window.document_model.row_of(doc_id)).status == Status.DONE
    assert "Done" in window.status_label.text()


def test_undo_and_redo_keys_drive_the_shared_stack(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    state = {"value": 0}

    class Increment(QUndoCommand):
        def redo(self) -> None:
            state["value"] += 1

        def undo(self) -> None:
            state["value"] -= 1

    window.undo_stack.push(Increment())
    assert state["value"] == 1
    target = window.article_view
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state["value"] == 0
    qtbot.keyClick(
        target,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert state["value"] == 1
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert state["value"] == 1


def test_f1_lists_every_shortcut(qtbot, open_window, seeded_project):
    from annotator.ui.shell.shortcuts import ShortcutSheet

    window = open_window(seeded_project)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheets = window.findChildren(ShortcutSheet)
    assert sheets and sheets[-1].isVisible()
    keys = " | ".join(keys for keys, _meaning in sheets[-1].entries())
    for expected in ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+Return", "F1", "Ctrl+O"):
        assert expected in keys
    for label in window.store.label_set().labels:
        assert label.key in keys
    sheets[-1].close()


def test_first_run_asks_for_a_name_only_when_none_is_known(preferences, monkeypatch):
    from annotator.ui import app

    asked: list[str] = []
    monkeypatch.setattr(
        app, "ask_annotator_name", lambda default, parent=None: asked.append(default) or "Zoé"
    )
    assert app.choose_annotator(preferences, None) == "Zoé"
    assert preferences.annotator_name == "Zoé"
    assert app.choose_annotator(preferences, None) == "Zoé"
    assert app.choose_annotator(preferences, "carla") == "carla"
    assert len(asked) == 1


def test_export_from_the_menu_writes_the_gold_file_in_the_background(
    qtbot, open_window, seeded_project, tmp_path: Path
):
    import json

    from PySide6.QtCore import QTimer

    from annotator.ui.import_export.export_dialog import ExportDialog

    window = open_window(seeded_project)
    target = tmp_path / "gold.jsonl"

    def answer_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(20, answer_the_dialog)
            return
        dialog.path_edit.selectAll()
        qtbot.keyClicks(dialog.path_edit, str(target))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer_the_dialog)
    window.store.set_status(window.current_document_id(), "alice", Status.DONE)
    with qtbot.waitSignal(window.exportFinished, timeout=10000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    report = finished.args[0]
    assert report is not None and report.path == target
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [window.current_document_id()]
    assert str(target) in window.statusBar().currentMessage()


def test_the_french_translation_is_compiled_and_complete(qapp):
    from xml.etree import ElementTree

    from PySide6.QtCore import QTranslator

    from annotator.ui.i18n import translations_dir

    source = translations_dir() / "annotator_fr.ts"
    translator = QTranslator()
    assert translator.load("annotator_fr", str(translations_dir()))
    checked = 0
    for context in ElementTree.parse(source).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation.get("type") != "unfinished", message.findtext("source")
            if message.get("numerus") == "yes":  # one, then many (French: 0 and 1 are one)
                one, many = (form.text for form in translation.iter("numerusform"))
                assert translator.translate(name, message.findtext("source"), None, 1) == one
                assert translator.translate(name, message.findtext("source"), None, 2) == many
            else:
                assert translator.translate(name, message.findtext("source")) == translation.text
            checked += 1
    assert checked > 50


def test_open_command_hands_paths_and_name_to_the_window(monkeypatch, tmp_path: Path, seeds_dir):
    from click.testing import CliRunner

    from annotator import cli
    from annotator.ui import app

    monkeypatch.delenv("ANNOTATOR_USER", raising=False)
    calls: list[tuple] = []
    monkeypatch.setattr(app, "run", lambda *args: calls.append(args) or 0)
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli.main, ["--db", str(db), "open", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert calls[-1] == (db, None, [seeds_dir])
    result = CliRunner().invoke(cli.main, ["--db", str(db), "--annotator", "zoé"])
    assert result.exit_code == 0, result.output
    assert calls[-1] == (db, "zoé", [])


def test_an_empty_project_offers_the_sample_articles(qtbot, open_window, tmp_path: Path, seeds_dir):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    window = open_window(tmp_path / "empty.db")
    assert window.document_model.rowCount() == 0
    assert window.current_document_id() is None
    clicked: list[str] = []

    def press_load_samples() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        button = next(b for b in box.buttons() if "sample" in b.text())
        clicked.append(button.text())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_load_samples)
    with qtbot.waitSignal(window.importFinished, timeout=10000):
        window.offer_first_documents()
    assert clicked
    expected = len(list(seeds_dir.glob("*.txt")))
    assert window.document_model.rowCount() == expected
    assert window.current_document_id() == window.document_model.summary(0).id


def test_preferences_dialog_changes_name_and_language(qtbot, open_window, seeded_project):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

    from annotator.ui.preferences import PreferencesDialog

    window = open_window(seeded_project, "alice")

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        name = dialog.findChild(QLineEdit, "annotatorName")
        name.selectAll()
        qtbot.keyClicks(name, "Zoe")
        combo = dialog.findChild(QComboBox, "language")
        combo.setCurrentIndex(combo.findData("fr"))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier")
    assert window.annotator == "Zoe"
    assert window.annotator_label.text() == "Annotateur\u00a0: Zoe"
    assert window.preferences.annotator_name == "Zoe"
    assert window.preferences.language_choice == "fr"


def first_words(text: str, count: int) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)][:count]


def test_tagging_in_the_window_updates_list_panel_and_status_and_undoes(
    qtbot, open_window, seeded_project
):
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    editor = window.article_view.editor
    select_first_word(qtbot, editor)  # then the claim key
    with qtbot.waitSignal(window.session.changed):
        qtbot.keyClick(editor, Qt.Key.Key_1)
    (start, end), _ = first_words(text, 2)
    spans = window.store.spans(doc_id, "alice")
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [
        (start, end, "claim", text[start:end])
    ]
    row = window.document_model.row_of(doc_id)
    assert window.document_model.summary(row).span_count == 1
    assert window.document_model.summary(row).status == Status.IN_PROGRESS
    assert "In progress" in window.status_label.text()
    group = window.span_panel.model.item(0)
    assert group.text().startswith("Claim") and group.child(0).text() == text[start:end]

    # Ctrl+Z through the window's Edit menu action removes it everywhere.
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.spans(doc_id, "alice") == []
    assert window.document_model.summary(row).span_count == 0
    assert window.span_panel.model.rowCount() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(window.store.spans(doc_id, "alice")) == 1


def test_label_bar_click_tags_and_span_panel_click_selects(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    doc_id = window.current_document_id()
    text = window.store.document(doc_id).text
    editor = window.article_view.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2):
        qtbot.keyClick(
            editor,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(window.label_bar.buttons["organisation"], Qt.MouseButton.LeftButton)
    (first_start, _), (_, second_end) = first_words(text, 2)
    [span] = window.store.spans(doc_id, "alice")
    assert (span.start, span.end, span.label) == (first_start, second_end, "organisation")
    assert span.text == text[first_start:second_end]

    # Escape leaves the span; a click on it in the panel makes it current again.
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    tree = window.span_panel.tree
    index = window.span_panel.model.index_of_span(span.id)
    tree.scrollTo(index)
    with qtbot.waitSignal(window.article_view.currentSpanChanged) as current:
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )
    assert current.args == [span.id]
    assert window.article_view.current_span().id == span.id

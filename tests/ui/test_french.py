"""The interface in French: every screen reachable from the menus shows no
English word, and the translation file holds every text the code asks to translate.

The window is opened the way ``annotator`` starts it with French chosen (the language
applied before the window is built), then each dialog and mode is opened with real key
presses: preferences, export, review (its annotator dialog, panel and edit dialog),
agreement, claim ledger, the F1 sheet and the link-mode bar. Their visible texts
(titles, menus, actions, labels, buttons, tabs, headers, list rows) are collected and
searched for English words a French journalist would notice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
import review_support
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

example_project = review_support.example_project
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
UI_SOURCES = Path(__file__).resolve().parents[2] / "annotator" / "ui"

# English words that must not survive in the French interface. Words French shares
# (Suggestions, Organisation, Comment, Code, Article, Date, Tab, Ctrl, OK) are not here.
ENGLISH_WORDS = (
    "Review", "Reviewed", "Export", "Import", "Cancel", "Accept", "Reject", "Links", "Link",
    "Ledger", "File", "Edit", "Undo", "Redo", "Delete", "Remove", "Close", "Open", "Help",
    "Preferences", "Language", "Agreement", "Disagreements", "Label", "Labels", "Span",
    "Spans", "Annotator", "Annotators", "Claim", "Denial", "Amount", "Person", "Gold",
    "Layer", "Text", "Who", "Decision", "Pair", "Whole", "Done", "Next", "Previous",
    "Search", "Filter", "Status", "Title", "Shift", "Enter", "Escape", "Mark", "Only",
    "the", "and", "of", "with", "to", "is", "not", "by", "this", "all", "from",
    # Amount readings, their reasons, the ledger's proposals and counts (the core's words).
    "more", "than", "less", "least", "about", "up", "same", "amount", "mention", "both",
    "unreadable", "value", "number", "currency", "currencies", "range", "claims", "denials",
)  # fmt: skip
# "source" is French too ("sans source", "même source"): it cannot be listed.
# Other tools' names stay as they are ("Tâches JSON Label Studio").
PRODUCT_NAMES = re.compile(r"Label Studio")
ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(ENGLISH_WORDS) + r")(?![\w-])")


def shown_texts(top: QWidget) -> list[str]:
    """The texts a user can read in ``top`` and its visible children."""
    texts: list[str] = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts += [widget.text(), widget.toolTip()]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(row) for row in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(index) for index in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += item_view_texts(widget)
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                texts += [action.text(), action.iconText()]
                if action.menu() is not None:
                    texts += menu_texts(action.menu())
    return [text.replace("&&", "&").replace("&", "") for text in texts if text]


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            texts.append(action.text())
            if action.menu() is not None:
                texts += menu_texts(action.menu())
    return texts


def item_view_texts(view: QAbstractItemView) -> list[str]:
    """Column headers and the rows' own words (group rows, statuses, decisions)."""
    model = view.model()
    if model is None:
        return []

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: one column
            return 1

    top = QModelIndex()
    texts = [
        str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for column in range(columns(top))
    ]
    parents = [top]
    for parent in parents:
        for row in range(min(model.rowCount(parent), 60)):
            for column in range(columns(parent)):
                value = model.index(row, column, parent).data()
                if isinstance(value, str):
                    texts.append(value)
            if parent == top:
                parents.append(model.index(row, 0, parent))
    return texts


def english_in(texts: list[str], article_texts: list[str]) -> list[str]:
    """Each text holding an English word, once; an article's own words do not count."""
    found: dict[str, None] = {}
    for text in texts:
        for line in text.splitlines():
            words = ENGLISH.findall(PRODUCT_NAMES.sub("", line))
            if words and not any(line.strip() in article for article in article_texts):
                found[f"{line.strip()!r} ({', '.join(words)})"] = None
    return list(found)


@pytest.fixture
def french_window(qtbot, open_window, preferences) -> Callable[[Path, str], object]:
    """``make(db_path, annotator)``: the shared window fixture, French chosen in its
    preferences and applied as ``annotator.ui.app.run`` does."""
    from annotator.ui import i18n

    preferences.language_choice = "fr"

    def make(db_path: Path, annotator: str):
        assert i18n.apply_language(preferences.language)
        window = open_window(db_path, annotator)
        qtbot.waitUntil(lambda: window.current_document_id() is not None)
        return window

    return make


def activate(qtbot, window: QWidget) -> None:
    """Window shortcuts answer only in the active window (a closed dialog leaves none)."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)


def texts_of_modal(
    qtbot, window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier, dialog_type: type
) -> list[str]:
    """Open a modal dialog by its key (it runs its own event loop), read it, cancel it."""
    seen: list[list[str]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(10, read_and_close)
            return
        seen.append(shown_texts(dialog))
        dialog.reject()

    activate(qtbot, window)
    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window, key, modifiers)
    qtbot.waitUntil(lambda: bool(seen))
    activate(qtbot, window)
    return seen[0]


def test_every_screen_from_the_menus_is_in_french(qtbot, french_window, example_project):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from annotator.ui.import_export.export_dialog import ExportDialog
    from annotator.ui.preferences import PreferencesDialog
    from annotator.ui.shell.shortcuts import ShortcutSheet

    path, example = example_project
    window = french_window(path, "bob")
    assert window.file_menu.title() == "&Fichier"
    article = [example.text]
    seen: dict[str, list[str]] = {"window": shown_texts(window)}

    seen["preferences"] = texts_of_modal(qtbot, window, Qt.Key.Key_Comma, CTRL, PreferencesDialog)
    seen["export"] = texts_of_modal(qtbot, window, Qt.Key.Key_E, CTRL, ExportDialog)

    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChildren(ShortcutSheet)[-1]
    qtbot.waitExposed(sheet)
    seen["F1 sheet"] = shown_texts(sheet)
    sheet.close()
    activate(qtbot, window)

    # Link mode on bob's claim: the bar under the text says what it does, in French.
    view = window.article_view
    view.editor.moveCursor(QTextCursor.MoveOperation.Start)
    view.setFocus()
    claim = next(s for s in view.spans() if (s.start, s.end) == example.claim)
    for _ in range(len(view.spans())):
        QTest.keyClick(view.editor, Qt.Key.Key_Tab)
        if view.current_span_id() == claim.id:
            break
    assert view.current_span_id() == claim.id
    QTest.keyClick(view.editor, Qt.Key.Key_L)
    banner = window.attribution.mode.banner
    qtbot.waitUntil(banner.isVisible)
    seen["link mode"] = [banner.text(), *shown_texts(window)]
    QTest.keyClick(view.editor, Qt.Key.Key_Escape)

    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(window.article_details.dock.isVisible)
    seen["article details"] = shown_texts(window.article_details.dock)
    window.article_details.dock.close()
    activate(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    ledger = window.attribution.ledger_dialog
    qtbot.waitUntil(lambda: ledger is not None and ledger.isVisible())
    seen["ledger"] = shown_texts(ledger)
    ledger.close()
    activate(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    agreement = window.review_mode.agreement_dialog
    qtbot.waitUntil(
        lambda: agreement.article.report is not None and agreement.project.report is not None,
        timeout=10000,
    )
    seen["agreement"] = shown_texts(agreement)
    agreement.close()
    activate(qtbot, window)

    review_mode = window.review_mode
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: review_mode.choose_dialog is not None)
    choose = review_mode.choose_dialog
    qtbot.waitExposed(choose)
    seen["choose annotators"] = shown_texts(choose)
    qtbot.keyClick(choose.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review_mode.active)
    with qtbot.waitSignal(review_mode.stateChanged):
        review_support.press(qtbot, review_mode, Qt.Key.Key_R)  # a decision, an undo step
    seen["review"] = shown_texts(window)
    review_support.press(qtbot, review_mode, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: review_mode.edit_dialog is not None)
    edit = review_mode.edit_dialog
    qtbot.waitExposed(edit)
    seen["edit before accepting"] = shown_texts(edit)
    edit.reject()
    review_support.press(qtbot, review_mode, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: review_mode.panel.tabs.currentIndex() == 1)
    seen["review against gold"] = shown_texts(window)

    english = {
        screen: found for screen, texts in seen.items() if (found := english_in(texts, article))
    }
    assert not english, "English left in the French interface:\n" + "\n".join(
        f"{screen}: {line}" for screen, lines in english.items() for line in lines
    )
    assert all(texts for texts in seen.values())


def test_the_french_file_holds_every_text_of_the_interface(tmp_path: Path) -> None:
    """lupdate run over the interface's sources on a copy of the .ts adds nothing: no
    text is left unfinished (new, or changed since it was translated)."""
    from annotator.ui.i18n import translations_dir

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    copy = tmp_path / "annotator_fr.ts"
    shutil.copy(translations_dir() / "annotator_fr.ts", copy)
    sources = sorted(str(path) for path in UI_SOURCES.rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ElementTree.parse(copy).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_every_translation_call_names_its_text_where_lupdate_sees_it() -> None:
    """``self.tr("…")`` and ``QCoreApplication.translate("Context", "…")`` only, with
    literal strings: lupdate skips a helper such as ``def tr(text): return
    translate(CONTEXT, text)`` and an f-string, so their texts stayed English."""
    import ast

    hidden: list[str] = []
    for path in sorted(UI_SOURCES.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = node.func.id if isinstance(node.func, ast.Name) else name
            if name not in ("tr", "_tr", "translate"):
                continue
            texts = node.args[:2] if name == "translate" else node.args[:1]
            literal = all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in texts
            )
            seen_by_lupdate = name == "translate" or ast.unparse(node.func) == "self.tr"
            if not (literal and texts and seen_by_lupdate):
                hidden.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert hidden == []


def test_amounts_and_the_ledgers_proposals_read_in_french(
    qtbot, french_window, tmp_path: Path, build_seed_example, monkeypatch
) -> None:
    """The core's words reach French screens translated: an amount's reading in the
    span panel and the ledger ("plus de 200 000 000 USD"), the ledger's reasons for
    proposing a group, and the editorial report written from the window."""
    from PySide6.QtGui import QDesktopServices

    from annotator.core.store import Store
    from annotator.ui.article.amount_editor import amount_reading

    path = tmp_path / "seed.db"
    with Store(path) as store:
        example = build_seed_example(store)
    window = french_window(path, example.annotator)
    articles = [document.text for document in example.documents.values()]
    pang_article = example.documents["001"].id
    activate(qtbot, window)
    for _ in example.documents:
        if window.current_document_id() == pang_article:
            break
        qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_document_id() == pang_article
    panel = shown_texts(window)
    assert "plus de 200 millions de dollars → plus de 200\u202f000\u202f000 USD" in panel

    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    ledger = window.attribution.ledger_dialog
    qtbot.waitUntil(lambda: ledger is not None and ledger.isVisible())
    seen = shown_texts(ledger)
    bloomberg = next(row for row in ledger.rows() if "Pang" in row[0])
    assert bloomberg[1:3] == ["Bloomberg", "plus de 200\u202f000\u202f000 USD"]
    reasons = [
        ledger.proposals.topLevelItem(row).text(1)
        for row in range(ledger.proposals.topLevelItemCount())
    ]
    assert "même montant 100\u202f000\u202f000 USD" in reasons
    assert "même source Sam Altman\u00a0; toutes deux mentionnent Meta" in reasons
    ledger.close()
    assert english_in(panel + seen, articles) == []

    # An unreadable amount says why in French; a reason typed by someone stays as it is.
    assert amount_reading({"readable": False, "reason": "no number in the text"}) == (
        "⚠ illisible\u00a0: aucun nombre dans le texte"
    )
    assert amount_reading({"readable": False, "reason": "two currencies: EUR, USD"}) == (
        "⚠ illisible\u00a0: deux devises\u00a0: EUR, USD"
    )
    assert amount_reading({"readable": False, "reason": "vu à la main"}).endswith("vu à la main")
    assert amount_reading({"value": 14.5, "unit": "percent"}) == "14,5\u202f%"

    # File → Editorial report… writes the report in the interface's language.
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    target = tmp_path / "rapport.html"
    with qtbot.waitSignal(window.attribution.reportFinished, timeout=20000):
        window.attribution.write_report(target)
    page = target.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page
    assert "<h1>Rapport éditorial</h1>" in page and "<h2>Journal des affirmations</h2>" in page

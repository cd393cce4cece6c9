"""What a screen reader gets: every control of the window has an accessible name and
a description, and the article announces the span the caret enters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from text_mouse import drag, qt_position

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTabBar,
    QAbstractSpinBox,
)


def unnamed_controls(top: QWidget) -> list[str]:
    missing = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, CONTROLS):
            continue
        if isinstance(
            widget.parentWidget(),
            QAbstractSlider | QComboBox | QAbstractItemView | QAbstractSpinBox,
        ):
            continue  # a scroll bar's, combo box's, list's or spin box's own parts
        interface = QAccessible.queryAccessibleInterface(widget)
        if isinstance(widget, QTabBar) and interface is not None:
            # A reader speaks each tab (the bar itself only repeats the current one's name).
            for index in range(interface.childCount()):
                tab = interface.child(index)
                if tab.role() != QAccessible.Role.PageTab:
                    continue  # the bar's scroll buttons
                said = tab.text(QAccessible.Text.Name), tab.text(QAccessible.Text.Description)
                if not all(said):
                    missing.append(f"tab {said[0]!r}")
            continue
        name = interface.text(QAccessible.Text.Name) if interface else ""
        description = interface.text(QAccessible.Text.Description) if interface else ""
        if not name.strip() or not description.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {name!r}")
    return missing


def test_every_control_has_an_accessible_name_and_description(open_window, seeded_project):
    window = open_window(seeded_project)
    assert unnamed_controls(window) == []


def test_the_caret_entering_a_span_announces_its_label(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    view = window.article_view
    text = window.store.document(view.document_id()).text
    word = next(word for word in text.split() if word.isalpha() and len(word) > 4)
    start = text.index(word)
    drag(view, text, start, start + len(word))
    qtbot.keyClick(view.editor, "4")
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    cursor = view.editor.textCursor()
    cursor.setPosition(qt_position(text, start + 1), QTextCursor.MoveMode.MoveAnchor)
    view.editor.setTextCursor(cursor)
    assert window.accessibility.announcer.last_announcement == f"Person: {word}"


def test_the_preferences_fields_are_named_and_described(qapp, preferences) -> None:
    from annotator.ui.key_bindings import KeyBindings
    from annotator.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(preferences, None, KeyBindings(preferences).commands())
    dialog.show()
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        QApplication.processEvents()
        fields = [
            entry
            for entry in unnamed_controls(dialog)
            # Buttons and tabs are named by their text; the dialog's own words suffice.
            if not entry.startswith(("QPushButton", "QTabBar", "QToolButton"))
        ]
        assert fields == [], page
    dialog.close()

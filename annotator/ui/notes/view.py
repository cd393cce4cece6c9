"""Notes in the window: the note box under the span list (the selected span's notes),
the article's notes above its text, the note editor, and the keys and menu entries
that open it.

M (a memo), on a span, writes or edits the annotator's note on it; Shift+M the note on
the article (N is the suggestions' key). The editor takes the note as plain text:
Ctrl+Enter (or OK) keeps it, an empty note or "Remove the note" takes it away. Each of
these is one undo step (``note_commands.EditNote``) through the session; the boxes
redraw from the session's ``changed`` signal like every other view.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.models import Note
from annotator.ui.article.view import KeyAction, KeyPriority
from annotator.ui.notes.commands import EditNote
from annotator.ui.text_display import short_text

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

NOTE_KEY = "m"


def note_time(note: Note) -> str:
    """When the note was last written, in local time, to the minute (2026-12-02 14:05)."""
    moment = QDateTime.fromString(note.updated_at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return note.updated_at
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")


def notes_html(notes: list[Note]) -> str:
    """Each note as "author, time" over its text, oldest first (plain text, escaped)."""
    return "".join(
        f"<p><b>{escape(note.author)}</b> <span style='color:#555'>{note_time(note)}</span>"
        f"<br>{escape(note.text).replace(chr(10), '<br>')}</p>"
        for note in notes
    )


class NoteEditor(QDialog):
    """One author's note on a span or an article, as plain text."""

    def __init__(self, heading: str, text: str, has_note: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.removal_asked = False
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("noteText")
        self.edit.setTabChangesFocus(True)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeNote")
        self.remove_button.setVisible(has_note)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._remove)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(460, 260)
        self.retranslate()
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Note"))
        self.hint.setText(self.tr("Ctrl+Enter keeps the note; an empty note is removed."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.remove_button.setText(self.tr("&Remove the note"))

    def note_text(self) -> str:
        return "" if self.removal_asked else self.edit.toPlainText().strip()

    def _remove(self) -> None:
        self.removal_asked = True
        self.accept()


class NoteBox(QWidget):
    """The notes on one thing (the selected span, the article), with its buttons."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.text = QLabel()
        self.text.setObjectName("noteText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editNote")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeNote")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def show_notes(self, notes: list[Note], own: Note | None) -> None:
        self.text.setText(notes_html(notes))
        self.text.setVisible(bool(notes))
        self.remove_button.setVisible(own is not None)


class NotesView(QObject):
    """Wires the note boxes, keys and menu entries into the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.article_view
        self.store = window.store
        self.session = window.session
        self.editor: NoteEditor | None = None

        self.span_box = NoteBox("spanNotes")
        _layout_of(window.span_panel).addWidget(self.span_box)
        # The article's header: between the label bar and the text.
        self.article_box = NoteBox("articleNotes")
        centre = _layout_of(window.article_view.parentWidget())
        centre.insertWidget(centre.indexOf(window.article_view), self.article_box)

        self.span_note_action = QAction(window)
        self.span_note_action.setObjectName("spanNote")
        self.span_note_action.triggered.connect(self.edit_span_note)
        self.article_note_action = QAction(window)
        self.article_note_action.setObjectName("articleNote")
        self.article_note_action.triggered.connect(self.edit_article_note)
        _insert_after(window.edit_menu, window.delete_span_action, self.span_note_action)
        window.document_menu.addSeparator()
        window.document_menu.addAction(self.article_note_action)

        self.span_box.edit_button.clicked.connect(self.edit_span_note)
        self.span_box.remove_button.clicked.connect(lambda: self._remove(self._span_id()))
        self.article_box.edit_button.clicked.connect(self.edit_article_note)
        self.article_box.remove_button.clicked.connect(lambda: self._remove(None))
        self.view.add_key_handler(self, KeyPriority.TAGGING)
        self.view.currentSpanChanged.connect(lambda _span_id: self.refresh())
        window.documentOpened.connect(lambda _doc_id: self.refresh())
        self.session.changed.connect(self.on_changes)
        self.retranslate()

    # -- keys ---------------------------------------------------------------------------

    def key_action(self, event: QKeyEvent) -> KeyAction | None:
        if self.view.document_id() is None or event.key() != Qt.Key.Key_M:
            return None
        if self.store.label_set().by_shortcut(NOTE_KEY) is not None:
            return None  # the team gave M to a label: tagging keeps it
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ShiftModifier:
            return self.edit_article_note
        if modifiers == Qt.KeyboardModifier.NoModifier and self.view.current_span() is not None:
            return self.edit_span_note
        return None

    def declared_keys(self) -> list[tuple[str, str]]:
        translate = QCoreApplication.translate
        return [
            (
                translate("ShortcutSheet", "M, on a span"),
                translate("ShortcutSheet", "Write or edit your note on the span"),
            ),
            (
                translate("ShortcutSheet", "Shift+M"),
                translate("ShortcutSheet", "Write or edit your note on the article"),
            ),
        ]

    # -- showing ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.span_note_action.setText(self.tr("&Note on the selected span… (M)"))
        self.article_note_action.setText(self.tr("Note on this &article… (Shift+M)"))
        self.span_box.heading.setText(self.tr("Notes on the selected span"))
        self.article_box.heading.setText(self.tr("Notes on this article"))
        for box in (self.span_box, self.article_box):
            box.remove_button.setText(self.tr("Remove my note"))
        self.span_box.edit_button.setAccessibleDescription(
            self.tr("Opens the editor of your note on the selected span")
        )
        self.article_box.edit_button.setAccessibleDescription(
            self.tr("Opens the editor of your note on this article")
        )
        for box in (self.span_box, self.article_box):
            box.remove_button.setAccessibleDescription(
                self.tr("Removes your note (Edit → Undo brings it back)")
            )
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.notes or changes.touches(self.view.document_id()):
            self.refresh()

    def refresh(self) -> None:
        doc_id = self.view.document_id()
        notes = self.store.notes(doc_id) if doc_id is not None else []
        author = self.view.annotator
        span_id = self._span_id()
        span_notes = [note for note in notes if span_id and note.span_id == span_id]
        article_notes = [note for note in notes if note.span_id is None]
        self.span_box.setVisible(bool(span_id))
        self.span_box.show_notes(span_notes, _own(span_notes, author))
        self.span_box.edit_button.setText(
            self.tr("Edit my note… (M)") if _own(span_notes, author) else self.tr("Add a note… (M)")
        )
        own_article_note = _own(article_notes, author)
        self.article_box.setVisible(doc_id is not None)
        self.article_box.heading.setVisible(bool(article_notes))
        self.article_box.show_notes(article_notes, own_article_note)
        self.article_box.edit_button.setText(
            self.tr("Edit my note on this article… (Shift+M)")
            if own_article_note
            else self.tr("Add a note on this article… (Shift+M)")
        )

    # -- editing ------------------------------------------------------------------------

    def _span_id(self) -> str | None:
        span = self.view.current_span()
        return span.id if span is not None else None

    def edit_span_note(self) -> None:
        span = self.view.current_span()
        if span is None:
            self.window.statusBar().showMessage(
                self.tr("Select a span first (click it, or Tab to it), then press M."), 8000
            )
            return
        heading = self.tr("Your note on “%1”:").replace("%1", short_text(span.text, 60))
        self._open_editor(span.doc_id, span.id, heading, span.text)

    def edit_article_note(self) -> None:
        doc_id = self.view.document_id()
        if doc_id is None:
            return
        self._open_editor(doc_id, None, self.tr("Your note on this article:"), "")

    def _open_editor(self, doc_id: str, span_id: str | None, heading: str, span_text: str) -> None:
        author = self.view.annotator
        own = self.store.note_by(doc_id, span_id, author)
        editor = NoteEditor(heading, own.text if own else "", own is not None, self.window)
        self.editor = editor

        def done(result: int) -> None:
            self.editor = None
            editor.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            text = editor.note_text()
            if text == (own.text if own else ""):
                return  # nothing changed: no undo step
            self.session.push(EditNote(self.session, doc_id, span_id, author, text, span_text))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

        editor.finished.connect(done)
        editor.open()

    def _remove(self, span_id: str | None) -> None:
        doc_id = self.view.document_id()
        if doc_id is None:
            return
        author = self.view.annotator
        if self.store.note_by(doc_id, span_id, author) is None:
            return
        span = self.view.current_span() if span_id else None
        self.session.push(
            EditNote(self.session, doc_id, span_id, author, "", span.text if span else "")
        )


def _layout_of(widget: QWidget | None) -> QVBoxLayout:
    layout = widget.layout() if widget is not None else None
    assert isinstance(layout, QVBoxLayout), "the panel is laid out in a column"
    return layout


def _own(notes: list[Note], author: str) -> Note | None:
    return next((note for note in notes if note.author == author), None)


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    actions = menu.actions()
    place = actions.index(anchor) + 1
    if place < len(actions):
        menu.insertAction(actions[place], action)
    else:
        menu.addAction(action)

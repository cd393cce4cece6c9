"""Article → Set the language…: the language amounts are read in ("1,500" is 1500 in
English, 1.5 in French), when detection got it wrong or the article is too short."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from annotator.core.errors import AnnotatorError
from annotator.ui.session import ProjectSession
from annotator.ui.slots import WindowSlots

# Each named in itself, as the language menu of Preferences does.
LANGUAGES = (("fr", "Français"), ("en", "English"), ("de", "Deutsch"), ("es", "Español"),
             ("it", "Italiano"), ("nl", "Nederlands"), ("pt", "Português"))  # fmt: skip


class DocumentLanguageAction(QObject):
    def __init__(self, session: ProjectSession, slots: WindowSlots) -> None:
        super().__init__(slots.dialog_parent())
        self.session = session
        self.slots = slots
        self.action = QAction(self)
        self.action.setObjectName("setDocumentLanguage")
        self.action.triggered.connect(lambda _checked=False: self.choose())
        slots.document_menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Set the article's &language…"))

    def choose(self) -> None:
        doc_id = self.slots.current_document_id()
        if doc_id is None:
            return
        current = self.session.store.document(doc_id).language
        automatic = self.tr("Detect it from the text")
        names = [automatic, *(f"{name} ({code})" for code, name in LANGUAGES)]
        codes = [None, *(code for code, _name in LANGUAGES)]
        chosen, accepted = QInputDialog.getItem(
            self.slots.dialog_parent(),
            self.tr("Article language"),
            self.tr("Amounts in this article are read as written in:"),
            names,
            codes.index(current) if current in codes else 0,
            False,
        )
        if accepted:
            self.set_language(doc_id, codes[names.index(chosen)])

    def set_language(self, doc_id: str, language: str | None) -> None:
        try:
            self.session.store.set_language(doc_id, language)
        except AnnotatorError as error:
            self.slots.show_message(str(error), 10000)
            return
        name = dict(LANGUAGES).get(language or "", self.tr("detected from the text"))
        self.slots.show_message(self.tr("Article language: %1.").replace("%1", name), 10000)

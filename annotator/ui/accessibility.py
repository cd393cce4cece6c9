"""What screen readers (Orca, NVDA) get from the window: a name and a description for
each control, and, in the article, the span the caret enters, announced by its label
("Person: Sam Altman"), since its tint and bars say nothing to a reader who cannot see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from annotator.ui import i18n

if TYPE_CHECKING:
    from annotator.ui.article.view import ArticleView
    from annotator.ui.shell.main_window import MainWindow


class SpanAnnouncer(QObject):
    """Says the label and words of each span the caret enters in the article."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.view = view
        self.last_announcement = ""
        self._inside: frozenset[str] = frozenset()
        view.editor.cursorPositionChanged.connect(self._caret_moved)

    def _caret_moved(self) -> None:
        positions = self.view.text_positions()
        if positions is None:
            return
        caret = positions.caret(self.view.editor.textCursor())
        under = [span for span in self.view.spans() if span.start <= caret < span.end]
        inside = frozenset(span.id for span in under)
        entered = [span for span in under if span.id not in self._inside]
        self._inside = inside
        if not entered:
            return
        label_set = self.view.store.label_set()
        document = self.view.store.document(self.view.document_id() or "")
        sayings = []
        for span in sorted(entered, key=lambda span: span.end - span.start):
            label = label_set.get(span.label)
            name = label.display_name(i18n.current_language()) if label else span.label
            sayings.append(f"{name}: {document.text[span.start : span.end]}")
        self.announce("; ".join(sayings))

    def announce(self, text: str) -> None:
        self.last_announcement = text
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.view.editor, text))


class WindowAccessibility(QObject):
    """Names and descriptions of the window's controls, in the interface language."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.announcer = SpanAnnouncer(window.article_view)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _describe(self, widget: QWidget | None, name: str, description: str) -> None:
        if widget is not None:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def retranslate(self) -> None:
        window = self.window
        self._describe(
            window.article_view.editor,
            self.tr("Article"),
            self.tr(
                "The article's text. Select words and press a label's key to tag them; "
                "Tab goes from span to span, Delete removes the selected one."
            ),
        )
        named = {
            "documentFilter": (
                self.tr("Filter articles"),
                self.tr("Shows only the articles whose title holds these words."),
            ),
            "statusFilter": (
                self.tr("Filter by status"),
                self.tr("Shows only the articles in this state."),
            ),
            "documentTable": (
                self.tr("Articles"),
                self.tr("The project's articles; Enter opens one, arrows move between them."),
            ),
            "spanTree": (
                self.tr("Spans in this article"),
                self.tr("The article's spans by label; choosing one shows it in the article."),
            ),
            "linkTree": (
                self.tr("Links"),
                self.tr("Links between spans, and the claims and denials left without one."),
            ),
            "checkAllArticles": (
                self.tr("Check every article"),
                self.tr("Lists the missing links of every article, not only this one."),
            ),
        }
        for object_name, (name, description) in named.items():
            self._describe(window.findChild(QWidget, object_name), name, description)
        for label_name, button in window.label_bar.buttons.items():
            label = window.label_set().get(label_name)
            shown = label.display_name(i18n.current_language()) if label else label_name
            button.setAccessibleName(shown)
            button.setAccessibleDescription(
                self.tr("Tags the selected words as %1.").replace("%1", shown)
            )

"""The Project menu (Labels…, Guidelines) and the guidelines beside the article.

The guidelines panel shows the project's guidelines, then each label's, in the
interface's language, rendered from Markdown safely (``core/guidelines``): nothing in
them runs or loads. It scrolls to the label of the span selected in the article. The
label bar's buttons show their label's guidelines on hover.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QTextBrowser

from annotator.core import guidelines
from annotator.core.changes import Changes
from annotator.core.models import LabelSet
from annotator.ui import i18n
from annotator.ui.scheme.labels_dialog import LabelsDialog

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

translate = QCoreApplication.translate


def guidelines_html(label_set: LabelSet, language: str, *, none_text: str) -> str:
    """Every guideline written, as one page, or a word saying there is none yet."""
    return guidelines.page(label_set, language) or f"<p><i>{html.escape(none_text)}</i></p>"


def label_tooltip(label_set: LabelSet, name: str, language: str) -> str:
    """A label bar button's tooltip: its name, then its guidelines when it has some."""
    label = label_set.get(name)
    if label is None:
        return name
    text = label.guideline(language)
    title = f"<b>{html.escape(label.display_name(language))}</b>"
    return f"{title}{guidelines.render(text)}" if text else title


class GuidelinesBrowser(QTextBrowser):
    """Links open in the browser; nothing else is ever loaded (images, local files)."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


class SchemeView(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.labels_dialog: LabelsDialog | None = None
        self.browser = GuidelinesBrowser()
        self.browser.setObjectName("guidelinesText")
        self.browser.setOpenExternalLinks(True)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("guidelinesDock")
        self.dock.setWidget(self.browser)
        self.dock.setMinimumWidth(300)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

        self.labels_action = QAction(window)
        self.labels_action.setObjectName("editLabels")
        self.labels_action.triggered.connect(lambda _checked=False: self.show_labels())
        self.guidelines_action = self.dock.toggleViewAction()
        self.guidelines_action.setObjectName("showGuidelines")
        self.guidelines_action.setShortcut("Ctrl+Shift+H")
        self.menu = QMenu(window)
        self.menu.setObjectName("projectMenu")
        self.menu.addActions([self.labels_action, self.guidelines_action])
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.addAction(self.guidelines_action)

        window.session.changed.connect(self._on_changes)
        window.article_view.currentSpanChanged.connect(lambda _span_id: self.follow_span())
        self.retranslate()

    def show_labels(self) -> None:
        if self.labels_dialog is None:
            self.labels_dialog = LabelsDialog(self.window)
        self.labels_dialog.show()
        self.labels_dialog.raise_()
        self.labels_dialog.activateWindow()

    def retranslate(self) -> None:
        self.menu.setTitle(translate("SchemeView", "&Project"))
        self.labels_action.setText(translate("SchemeView", "&Labels…"))
        self.guidelines_action.setText(translate("SchemeView", "&Guidelines"))
        self.dock.setWindowTitle(translate("SchemeView", "Guidelines"))
        self.refresh()

    def refresh(self) -> None:
        language = i18n.current_language()
        label_set = self.window.label_set()
        self.browser.setHtml(
            guidelines_html(
                label_set,
                language,
                none_text=translate(
                    "SchemeView",
                    "No guidelines yet. Write them in Project → Labels…, or with "
                    "annotator labels guidelines.",
                ),
            )
        )
        for name, action in self.window.label_bar.actions_by_label.items():
            action.setToolTip(label_tooltip(label_set, name, language))
        self.follow_span()

    def follow_span(self) -> None:
        span = self.window.article_view.current_span()
        if span is not None and self.dock.isVisible():
            self.browser.scrollToAnchor(f"label-{span.label}")

    def _on_changes(self, changes: Changes) -> None:
        if changes.labels:
            self.refresh()

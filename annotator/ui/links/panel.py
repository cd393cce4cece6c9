"""The link panel: the links of the selected span and of the article, and what the
attribution checks found (claims and denials with no source, denials that deny nothing).

A click or Enter on a row jumps to the span it names (opening another article when the
link crosses over); Delete or Backspace on a link removes it (an undo step). The
panel shows what it is given and asks for changes by signal: the window does them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attribution.links import (
    AttributionProblem,
    LinkError,
    ProblemKind,
    ResolvedLink,
    link_type,
)
from annotator.core.models import LabelSet, Span
from annotator.ui.text_display import short_text

LINK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
JUMP_DOC_ROLE = Qt.ItemDataRole.UserRole + 2
JUMP_SPAN_ROLE = Qt.ItemDataRole.UserRole + 3
PROBLEM_COLOUR = QColor("#9a3412")


@dataclass
class LinkPanelContent:
    doc_id: str | None
    current_span_id: str | None
    links: Sequence[ResolvedLink]
    """Links with an end in the article on show."""
    problems: Sequence[AttributionProblem]
    label_set: LabelSet
    language: str
    title_of: Callable[[str], str]


class LinkPanel(QWidget):
    jumpRequested = Signal(str, str)
    """(doc_id, span_id) to show."""
    deleteRequested = Signal(str)
    """The id of a link to remove."""
    problemsScopeChanged = Signal(bool)
    """True: check every article; False: the article on show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPanel")
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.tree = QTreeWidget()
        self.tree.setObjectName("linkTree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(12)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.remove_action = QAction(self.tree)
        self.remove_action.triggered.connect(self.remove_selected_link)
        self.tree.addAction(self.remove_action)
        self.tree.itemClicked.connect(lambda item, _column: self._jump(item))
        self.tree.itemActivated.connect(lambda item, _column: self._jump(item))
        self.tree.installEventFilter(self)
        self.all_articles = QCheckBox()
        self.all_articles.setObjectName("checkAllArticles")
        self.all_articles.toggled.connect(self.problemsScopeChanged.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.all_articles)
        self.current_group = QTreeWidgetItem()
        self.article_group = QTreeWidgetItem()
        self.problem_group = QTreeWidgetItem()
        for group in (self.current_group, self.article_group, self.problem_group):
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        self._counts = (0, 0, 0)
        self._content: LinkPanelContent | None = None
        self._problem_order: list[tuple[int, int, str]] = []
        """(start, -end, span id) of the problem rows, in row order."""
        self.retranslate()

    # -- content ---------------------------------------------------------------------------

    def set_content(self, content: LinkPanelContent) -> None:
        selected = self.selected_link_id()
        self._content = content
        for group in (self.current_group, self.article_group, self.problem_group):
            group.takeChildren()
        self._fill_current(content)
        for resolved in content.links:
            # A row is about its statement (the source); a link to another article
            # leads there, as nothing else in this article shows where it goes.
            jump_to = resolved.source
            if resolved.crosses_documents:
                here_is_source = resolved.source.doc_id == content.doc_id
                jump_to = resolved.target if here_is_source else resolved.source
            text = self._describe(resolved, content)
            self.article_group.addChild(self._link_item(resolved, jump_to, text))
        # All at once: one view update, not one per row (a long article has thousands).
        # The words rows share are looked up once, not once per row.
        kinds = {kind: self._problem_text(kind) for kind in ProblemKind}
        labels = {
            label: self._label_name(label, content)
            for label in {problem.span.label for problem in content.problems}
        }
        self.problem_group.addChildren(
            [self._problem_item(p, content, kinds, labels) for p in content.problems]
        )
        self._problem_order = [_problem_key(problem) for problem in content.problems]
        self._counts = (self.current_group.childCount(), len(content.links), len(content.problems))
        if selected:
            self.select_link(selected)
        self.retranslate()

    def set_current_span(self, span_id: str | None) -> None:
        """Show the links of another selected span; the rest of the panel stays."""
        content = self._content
        if content is None or content.current_span_id == span_id:
            return
        content.current_span_id = span_id
        self.current_group.takeChildren()
        self._fill_current(content)
        self._counts = (self.current_group.childCount(), *self._counts[1:])
        self.retranslate()

    def replace_problems(
        self, span_ids: set[str], problems: Sequence[AttributionProblem]
    ) -> None:
        """Take out the rows of these spans, put in ``problems`` (an article's spans
        changed, its links did not): rows stay in reading order."""
        content = self._content
        if content is None:
            return
        for row in reversed(range(len(self._problem_order))):
            if self._problem_order[row][2] in span_ids:
                del self._problem_order[row]
                self.problem_group.takeChild(row)
        for problem in problems:
            row = bisect.bisect(self._problem_order, _problem_key(problem))
            self._problem_order.insert(row, _problem_key(problem))
            self.problem_group.insertChild(row, self._problem_item(problem, content))
        self._counts = (*self._counts[:2], len(self._problem_order))
        self.retranslate()

    def _fill_current(self, content: LinkPanelContent) -> None:
        current_id = content.current_span_id
        own = [r for r in content.links if current_id in (r.source.id, r.target.id)]
        for resolved in own:
            other = resolved.target if resolved.source.id == current_id else resolved.source
            text = self._describe_from(resolved, current_id, content)
            self.current_group.addChild(self._link_item(resolved, other, text))
        self.current_group.setHidden(current_id is None)

    def link_rows(self, group: str = "article") -> list[str]:
        """The texts of a group's rows ('current', 'article' or 'problems')."""
        item = {
            "current": self.current_group,
            "article": self.article_group,
            "problems": self.problem_group,
        }[group]
        return [child.text(0) for child in _children(item)]

    def link_item(self, link_id: str, group: str = "article") -> QTreeWidgetItem | None:
        item = self.current_group if group == "current" else self.article_group
        return next((c for c in _children(item) if c.data(0, LINK_ID_ROLE) == link_id), None)

    def selected_link_id(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, LINK_ID_ROLE) if item is not None else None
        return str(value) if value else None

    def select_link(self, link_id: str) -> None:
        item = self.link_item(link_id, "current") or self.link_item(link_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def remove_selected_link(self) -> None:
        link_id = self.selected_link_id()
        if link_id:
            self.deleteRequested.emit(link_id)

    def _type_name(self, resolved: ResolvedLink, content: LinkPanelContent) -> str:
        try:
            return link_type(content.label_set, resolved.link.type).display_name(content.language)
        except LinkError:
            return resolved.link.type

    def _label_name(self, name: str, content: LinkPanelContent) -> str:
        label = content.label_set.get(name)
        return _lower_first(label.display_name(content.language) if label else name)

    def _elsewhere(self, span: Span, content: LinkPanelContent) -> str:
        if span.doc_id == content.doc_id:
            return ""
        title = short_text(content.title_of(span.doc_id), 40)
        return " " + self.tr("(in “%1”)").replace("%1", title)

    def _describe(self, resolved: ResolvedLink, content: LinkPanelContent) -> str:
        """Two lines: 'claim «…»' then '— said by → Sam Altman'."""
        source, target = resolved.source, resolved.target
        return (
            f"{self._label_name(source.label, content)} «{short_text(source.text, 60)}»"
            f"{self._elsewhere(source, content)}\n"
            f"— {self._type_name(resolved, content)} → {short_text(target.text, 60)}"
            f"{self._elsewhere(target, content)}"
        )

    def _describe_from(
        self, resolved: ResolvedLink, current_id: str | None, content: LinkPanelContent
    ) -> str:
        """Seen from the selected span: 'said by → Sam Altman', '← denies: denial «…»'."""
        kind = self._type_name(resolved, content)
        if resolved.source.id == current_id:
            target = resolved.target
            return f"{kind} → {short_text(target.text, 60)}{self._elsewhere(target, content)}"
        source = resolved.source
        return (
            f"← {kind}: {self._label_name(source.label, content)} «{short_text(source.text, 60)}»"
            f"{self._elsewhere(source, content)}"
        )

    def _link_item(self, resolved: ResolvedLink, jump_to: Span, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setToolTip(
            0,
            f"{resolved.source.text}\n— {resolved.link.type} →\n{resolved.target.text}",
        )
        item.setData(0, LINK_ID_ROLE, resolved.link.id)
        item.setData(0, JUMP_DOC_ROLE, jump_to.doc_id)
        item.setData(0, JUMP_SPAN_ROLE, jump_to.id)
        return item

    def _problem_text(self, kind: ProblemKind) -> str:
        if kind is ProblemKind.UNATTRIBUTED:
            return self.tr("no source (said by)")
        return self.tr("denies no claim")

    def _problem_item(
        self,
        problem: AttributionProblem,
        content: LinkPanelContent,
        kinds: dict[ProblemKind, str] | None = None,
        labels: dict[str, str] | None = None,
    ) -> QTreeWidgetItem:
        span = problem.span
        what = kinds[problem.kind] if kinds else self._problem_text(problem.kind)
        label = labels[span.label] if labels else self._label_name(span.label, content)
        text = (
            f"{label} «{short_text(span.text, 60)}»"
            f"{self._elsewhere(span, content)}\n— {what}"
        )
        item = QTreeWidgetItem([text])
        item.setForeground(0, QBrush(PROBLEM_COLOUR))
        item.setToolTip(0, span.text)
        item.setData(0, JUMP_DOC_ROLE, span.doc_id)
        item.setData(0, JUMP_SPAN_ROLE, span.id)
        return item

    # -- text ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        mine, article, problems = self._counts
        self.heading.setText(self.tr("Links"))
        self.current_group.setText(0, self.tr("Selected span (%1)").replace("%1", str(mine)))
        self.article_group.setText(0, self.tr("This article (%1)").replace("%1", str(article)))
        self.problem_group.setText(0, self.tr("To check (%1)").replace("%1", str(problems)))
        self.all_articles.setText(self.tr("Check every article"))
        self.remove_action.setText(self.tr("Remove the link (Delete)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- picking ---------------------------------------------------------------------------------

    def _jump(self, item: QTreeWidgetItem) -> None:
        doc_id, span_id = item.data(0, JUMP_DOC_ROLE), item.data(0, JUMP_SPAN_ROLE)
        if doc_id and span_id:
            self.jumpRequested.emit(str(doc_id), str(span_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete reaches the tree as a key press even if a window action has the key.
        if watched is self.tree and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_link_id():
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.remove_selected_link()
                return True
        return super().eventFilter(watched, event)


def _problem_key(problem: AttributionProblem) -> tuple[int, int, str]:
    return (problem.span.start, -problem.span.end, problem.span.id)


def _lower_first(name: str) -> str:
    """'Claim' -> 'claim' in the middle of a row ('Claim «…» — said by → …' reads oddly)."""
    return name[:1].lower() + name[1:]


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(index) for index in range(item.childCount()))
    return [child for child in found if child is not None]

"""The claim ledger in the window (View → Claim ledger…): every claim of the layer across
all articles, with who made it, its amounts (normalised), the articles it appears in
and the denials linked to it, built by ``annotator.core.attribution.ledger``.

A row is a claim, or a group of claims marked the same (``same_as``); a group opens to
show each article's wording. Double-click (or Enter on) a row to open its article at
the claim. Below, the groups the ledger proposes (shared amounts, sources, entities):
"Group them" makes the ``same_as`` link, an undo step like any link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attribution.ledger import (
    Amount,
    ClaimGroup,
    Ledger,
    LedgerClaim,
    Proposal,
    ProposalReason,
)
from annotator.core.changes import Changes
from annotator.ui.article.amount_editor import amount_words
from annotator.ui.links.picker import folded
from annotator.ui.text_display import short_text

DOC_ROLE = Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMN_CLAIM, COLUMN_SOURCES, COLUMN_AMOUNTS, COLUMN_ARTICLES, COLUMN_DENIALS = range(5)


class LedgerDialog(QDialog):
    claimActivated = Signal(str, str)
    """(doc_id, span_id) of the claim to show in the window."""
    groupConfirmed = Signal(str, str)
    """(claim span id, claim span id) to link ``same_as``."""

    def __init__(
        self,
        build: Callable[[], Ledger],
        layer: Callable[[], str],
        undo_actions: Sequence[QAction] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerDialog")
        self.build = build
        self.layer = layer
        self.ledger: Ledger | None = None
        self.resize(1180, 680)
        self.summary = QLabel()
        self.summary.setObjectName("ledgerSummary")
        self.summary.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("ledgerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)

        self.table = QTreeWidget()
        self.table.setObjectName("ledgerTable")
        self.table.setColumnCount(5)
        self.table.setRootIsDecorated(True)
        self.table.setAlternatingRowColors(True)
        # One line per source, amount, article or denial: rows grow by lines, not wraps.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setUniformRowHeights(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_CLAIM, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COLUMN_SOURCES, 150),
            (COLUMN_AMOUNTS, 210),
            (COLUMN_ARTICLES, 230),
            (COLUMN_DENIALS, 300),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.itemActivated.connect(self._activated)
        self.table.itemDoubleClicked.connect(self._activated)

        self.proposals_heading = QLabel()
        self.proposals_heading.setObjectName("panelHeading")
        self.proposals = QTreeWidget()
        self.proposals.setObjectName("ledgerProposals")
        self.proposals.setColumnCount(3)
        self.proposals.setRootIsDecorated(False)
        self.proposals.setAlternatingRowColors(True)
        self.proposals.setUniformRowHeights(False)
        self.proposals.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.proposals.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.proposals.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.proposals.itemActivated.connect(lambda item, _c: self.confirm(item))
        self.group_button = QPushButton()
        self.group_button.setObjectName("confirmGroup")
        self.group_button.clicked.connect(lambda: self.confirm(self.proposals.currentItem()))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.search)
        top.addWidget(self.refresh_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.proposals_heading)
        lower_layout.addWidget(self.proposals, 1)
        buttons = QHBoxLayout()
        # The window's own Undo and Redo: the same history, shortcuts and texts (named in
        # the interface's language, and again when it changes).
        for action in undo_actions:
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.group_button)
        buttons.addWidget(self.close_button)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self._stale = False
        self.retranslate()

    # -- content -----------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """Follow every change to claims, amounts, links and labels; while hidden, only
        note that the ledger is out of date (it reads the whole project)."""
        if not (
            changes.documents or changes.all_documents or changes.links or changes.labels
        ):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Build the ledger again from the store (the Refresh button: another process
        may have changed the project)."""
        self._stale = False
        selected = self._selected_span()
        self.ledger = self.build()
        self.table.clear()
        for group in self.ledger.groups:
            item = self._group_item(group)
            self.table.addTopLevelItem(item)
            item.setExpanded(item.childCount() > 0)  # a group shows each article's wording
        self.proposals.clear()
        for proposal in self.ledger.proposals:
            self.proposals.addTopLevelItem(self._proposal_item(proposal))
        proposals = self.top_items(self.proposals)
        if proposals:
            self.proposals.setCurrentItem(proposals[0])
        self._filter(self.search.text())
        if selected:
            self.select_claim(selected)
        self.retranslate()

    def top_items(self, tree: QTreeWidget | None = None) -> list[QTreeWidgetItem]:
        tree = tree or self.table
        found = (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def rows(self) -> list[list[str]]:
        """The top-level rows' cells, as shown."""
        columns = range(self.table.columnCount())
        return [[item.text(column) for column in columns] for item in self.top_items()]

    def proposal_rows(self) -> list[str]:
        return [item.text(0) for item in self.top_items(self.proposals)]

    def item_of_claim(self, span_id: str) -> QTreeWidgetItem | None:
        for item in self.top_items():
            for candidate in (item, *_children(item)):
                if candidate.data(0, SPAN_ROLE) == span_id:
                    return candidate
        return None

    def select_claim(self, span_id: str) -> None:
        item = self.item_of_claim(span_id)
        if item is not None:
            self.table.setCurrentItem(item)
            self.table.scrollToItem(item)

    def _selected_span(self) -> str | None:
        item = self.table.currentItem()
        value = item.data(0, SPAN_ROLE) if item is not None else None
        return str(value) if value else None

    def _group_item(self, group: ClaimGroup) -> QTreeWidgetItem:
        first = group.claims[0]
        denials = [
            (", ".join(s.name for s in d.sources) or self.tr("no source"))
            + f": «{short_text(d.span.text, 40)}»"
            for d in group.denials
        ]
        item = QTreeWidgetItem(
            [
                f"{group.label}  «{short_text(first.span.text, 140)}»",
                ", ".join(s.name for s in group.sources) or self.tr("— no source —"),
                "\n".join(a.reading_in(amount_words()) for a in group.amounts),
                "\n".join(short_text(title, 45) for _doc_id, title in group.articles),
                "\n".join(denials),
            ]
        )
        item.setToolTip(COLUMN_CLAIM, first.span.text)
        item.setToolTip(COLUMN_DENIALS, "\n\n".join(d.span.text for d in group.denials))
        item.setData(0, DOC_ROLE, first.span.doc_id)
        item.setData(0, SPAN_ROLE, first.span.id)
        if len(group.claims) > 1:
            for claim in group.claims:
                item.addChild(self._claim_item(claim))
        return item

    def _claim_item(self, claim: LedgerClaim) -> QTreeWidgetItem:
        child = QTreeWidgetItem(
            [
                f"«{short_text(claim.span.text, 140)}»",
                ", ".join(s.name for s in claim.sources),
                "\n".join(a.reading_in(amount_words()) for a in claim.amounts),
                short_text(claim.doc_title, 45),
                "",
            ]
        )
        child.setToolTip(COLUMN_CLAIM, claim.span.text)
        child.setData(0, DOC_ROLE, claim.span.doc_id)
        child.setData(0, SPAN_ROLE, claim.span.id)
        return child

    def reason_text(self, ground: ProposalReason) -> str:
        """One thing two rows share, in the interface's language."""
        if isinstance(ground.subject, Amount):
            reading = ground.subject.reading_in(amount_words())
            return self.tr("same amount %1").replace("%1", reading)
        if ground.kind == "same_source":
            return self.tr("same source %1").replace("%1", ground.subject.name)
        return self.tr("both mention %1").replace("%1", ground.subject.name)

    def _proposal_item(self, proposal: Proposal) -> QTreeWidgetItem:
        first, second = proposal.first, proposal.second
        item = QTreeWidgetItem(
            [
                (
                    f"{first.label} «{short_text(first.claims[0].span.text, 90)}»\n"
                    f"{second.label} «{short_text(second.claims[0].span.text, 90)}»"
                ),
                self.tr("; ").join(self.reason_text(ground) for ground in proposal.grounds),
                str(proposal.score),
            ]
        )
        item.setToolTip(0, f"{first.claims[0].span.text}\n\n{second.claims[0].span.text}")
        item.setData(0, SPAN_ROLE, (first.claims[0].span.id, second.claims[0].span.id))
        return item

    # -- acting ------------------------------------------------------------------------------

    def confirm(self, item: QTreeWidgetItem | None) -> None:
        """Group the two rows of a proposal: a ``same_as`` link between their claims."""
        if item is None:
            return
        first, second = item.data(0, SPAN_ROLE)
        self.groupConfirmed.emit(str(second), str(first))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc_id, span_id = item.data(0, DOC_ROLE), item.data(0, SPAN_ROLE)
        if doc_id and span_id:
            self.claimActivated.emit(str(doc_id), str(span_id))

    def _filter(self, text: str) -> None:
        words = folded(text).split()
        for item in self.top_items():
            cells = [item.text(c) for c in range(self.table.columnCount())]
            cells += [child.text(0) for child in _children(item)]
            haystack = folded(" ".join(cells) + " " + (item.toolTip(COLUMN_CLAIM) or ""))
            item.setHidden(not all(word in haystack for word in words))

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Claim ledger — %1").replace("%1", self.layer()))
        self.table.setHeaderLabels(
            [
                self.tr("Claim"),
                self.tr("Said by"),
                self.tr("Amounts"),
                self.tr("Articles"),
                self.tr("Denied by"),
            ]
        )
        self.proposals.setHeaderLabels([self.tr("Claims"), self.tr("In common"), self.tr("Score")])
        self.search.setPlaceholderText(self.tr("Search claims, sources, articles…"))
        # Room for the whole hint, which French makes longer than the field's default width.
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 48
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.group_button.setText(self.tr("&Group them (same claim)"))
        self.close_button.setText(self.tr("Close"))
        self.search.setAccessibleName(self.tr("Search the ledger"))
        self.search.setToolTip(
            self.tr("Shows only the claims whose text, source or article holds these words.")
        )
        self.refresh_button.setToolTip(self.tr("Reads the claims, links and reviews again."))
        self.table.setAccessibleName(self.tr("Claims"))
        self.table.setAccessibleDescription(
            self.tr(
                "Each claim, who said it, its amounts, its articles and who denied it; "
                "Enter opens it."
            )
        )
        self.proposals.setAccessibleName(self.tr("Claims that may be the same"))
        self.proposals.setAccessibleDescription(
            self.tr("Claims from different articles that read alike; Enter groups them.")
        )
        self.group_button.setToolTip(self.tr("Records that the selected claims are one claim."))
        self.close_button.setToolTip(self.tr("Closes the ledger."))
        ledger = self.ledger
        groups = len(ledger.groups) if ledger else 0
        claims = sum(len(g.claims) for g in ledger.groups) if ledger else 0
        unattributed = sum(1 for p in ledger.problems if p.kind == "unattributed") if ledger else 0
        self.summary.setText(
            self.tr(
                "%1 claims in %2 rows; %3 denials; %4 claims or denials without a source. "
                "Double-click a row to open its article at the claim."
            )
            .replace("%1", str(claims))
            .replace("%2", str(groups))
            .replace("%3", str(len(ledger.denials) if ledger else 0))
            .replace("%4", str(unattributed))
        )
        self.proposals_heading.setText(
            self.tr("Proposed groups (%1): the same claim in several rows?").replace(
                "%1", str(len(ledger.proposals) if ledger else 0)
            )
        )
        self.group_button.setEnabled(bool(ledger and ledger.proposals))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(index) for index in range(item.childCount()))
    return [child for child in found if child is not None]

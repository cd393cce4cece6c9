"""The review panel: the disagreements of one article, the decisions taken, and how
each annotator's layer differs from gold. It only shows; ``review_mode`` decides.

The disagreement tree has one row per disagreement (its kind, labels, text) with its
candidates under it (label, text, who had it, decision); a first row gathers the spans
every chosen annotator agreed on. Rows carry ``ROW_ROLE``: ``(group, candidate)``, the
group being the disagreement's index (``AGREED`` for the agreed spans) and the
candidate its index in the group, or ``None`` on a group row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import Decision, DecisionKind, LabelSet, Status
from annotator.core.review.decisions import (
    Candidate,
    Disagreement,
    DisagreementKind,
    GoldDiff,
    ReviewState,
)
from annotator.ui.review.overlay import SETTLED_COLOUR, kind_colour

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RANGE_ROLE = Qt.ItemDataRole.UserRole + 2
AGREED = -1

WHAT_COLUMN, TEXT_COLUMN, WHO_COLUMN, DECISION_COLUMN = range(4)
COLUMNS = 4


def dot_icon(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    # Not « »: French articles quote with them, and a span often starts with one.
    return f"“{one_line(text, limit)}”"


class ReviewPanel(QWidget):
    """Shows a ``ReviewState``; emits which row the reviewer is on."""

    currentRowChanged = Signal()
    goldRowChanged = Signal()
    goldAnnotatorChanged = Signal(str)
    markReviewedClicked = Signal()
    commentFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("disagreementTree")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHO_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DECISION_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(WHO_COLUMN, 105)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.currentItemChanged.connect(lambda *_: self.currentRowChanged.emit())
        self.tree.currentItemChanged.connect(lambda *_: self._show_decision_comment())

        self.gold_annotator = QComboBox()
        self.gold_annotator.setObjectName("goldAnnotatorCombo")
        self.gold_annotator.currentIndexChanged.connect(
            lambda _: self.goldAnnotatorChanged.emit(str(self.gold_annotator.currentData() or ""))
        )
        self.gold_summary = QLabel()
        self.gold_summary.setWordWrap(True)
        self.gold_tree = QTreeWidget()
        self.gold_tree.setObjectName("goldDiffTree")
        self.gold_tree.setColumnCount(3)
        self.gold_tree.setUniformRowHeights(True)
        self.gold_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        gold_header = self.gold_tree.header()
        gold_header.setStretchLastSection(False)
        gold_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        gold_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        gold_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.gold_tree.currentItemChanged.connect(lambda *_: self.goldRowChanged.emit())
        gold_page = QWidget()
        gold_layout = QVBoxLayout(gold_page)
        gold_layout.setContentsMargins(0, 4, 0, 0)
        self.gold_annotator_label = QLabel()
        chooser = QHBoxLayout()
        chooser.addWidget(self.gold_annotator_label)
        chooser.addWidget(self.gold_annotator, 1)
        gold_layout.addLayout(chooser)
        gold_layout.addWidget(self.gold_summary)
        gold_layout.addWidget(self.gold_tree, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(gold_page, "")

        # The comment given with the decision on the row the reviewer is on.
        self.decision_comment = QLabel()
        self.decision_comment.setObjectName("decisionComment")
        self.decision_comment.setWordWrap(True)
        self.decision_comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision_comment.hide()

        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("reviewComment")
        self.comment_edit.setClearButtonEnabled(True)
        self.comment_edit.returnPressed.connect(self.commentFinished.emit)
        self.comment_edit.installEventFilter(self)

        self.settled_banner = QFrame()
        self.settled_banner.setObjectName("settledBanner")
        self.settled_banner.setStyleSheet(
            "QFrame#settledBanner { background: #e6f4ea; border: 1px solid #81c995;"
            " border-radius: 4px; }"
        )
        self.settled_text = QLabel()
        self.settled_text.setWordWrap(True)
        self.mark_button = QPushButton()
        self.mark_button.setObjectName("markReviewedButton")
        self.mark_button.clicked.connect(self.markReviewedClicked.emit)
        banner_layout = QHBoxLayout(self.settled_banner)
        banner_layout.setContentsMargins(8, 6, 8, 6)
        banner_layout.addWidget(self.settled_text, 1)
        banner_layout.addWidget(self.mark_button)
        self.settled_banner.hide()

        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("hint")
        self.keys_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.decision_comment)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.settled_banner)
        layout.addWidget(self.keys_hint)
        self.setFocusProxy(self.tree)

        self.state: ReviewState | None = None
        self._label_set: LabelSet | None = None
        self._language = "en"
        self.retranslate()

    # -- texts ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [self.tr("Kind / label"), self.tr("Text"), self.tr("Who"), self.tr("Decision")]
        )
        self.gold_tree.setHeaderLabels([self.tr("Difference"), self.tr("Text"), self.tr("Label")])
        self.tabs.setTabText(0, self.tr("Disagreements"))
        self.tabs.setTabText(1, self.tr("Against gold (G)"))
        self.gold_annotator_label.setText(self.tr("Layer of:"))
        self.comment_edit.setPlaceholderText(
            self.tr("Comment for the next decision (C, then Enter)")
        )
        self.mark_button.setText(self.tr("Mark reviewed (Ctrl+Enter)"))
        self.keys_hint.setText(
            self.tr(
                "J/K next/previous · A accept · R reject · E edit · Shift+A accept what all "
                "agree on · C comment · Ctrl+Enter reviewed · Ctrl+Z undo"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_text(self, kind: DisagreementKind) -> str:
        return {
            DisagreementKind.MISSING: self.tr("Only some have it"),
            DisagreementKind.LABEL: self.tr("Labels differ"),
            DisagreementKind.BOUNDARY: self.tr("Boundaries differ"),
        }[kind]

    def decision_text(self, decision: Decision | None, gold_spans: dict[str, str]) -> str:
        if decision is None:
            return ""
        if decision.decision == DecisionKind.ACCEPT:
            return self.tr("✓ accepted")
        if decision.decision == DecisionKind.ADD:
            return self.tr("+ added")
        if decision.decision == DecisionKind.REJECT:
            return self.tr("✗ rejected")
        return self.tr("✎ edited: %1").replace(
            "%1", gold_spans.get(decision.gold_span_id or "", "")
        )

    def _label_name(self, name: str) -> str:
        label = self._label_set.get(name) if self._label_set else None
        return label.display_name(self._language) if label else name

    # -- the disagreement tree -------------------------------------------------------

    def show_state(
        self, state: ReviewState, label_set: LabelSet, language: str, gold_status: Status
    ) -> None:
        """Fill the tree again, keeping the reviewer on the same row."""
        kept = self.current_row()
        self.state = state
        self._label_set = label_set
        self._language = language
        gold_spans = {
            span.id: f"{self._label_name(span.label)} {quoted(span.text, 40)}"
            for span in state.gold
        }
        self.tree.blockSignals(True)
        self.tree.clear()
        if state.agreed:
            waiting = len(state.undecided_agreed)
            group = QTreeWidgetItem(
                [
                    self.tr("Agreed by all"),
                    self.tr("%n span(s) every chosen annotator has", "", len(state.agreed)),
                    "",
                    self.tr("%1 waiting (Shift+A)").replace("%1", str(waiting))
                    if waiting
                    else self.tr("✓ all decided"),
                ]
            )
            group.setData(0, ROW_ROLE, (AGREED, None))
            group.setIcon(0, dot_icon(QColor("#188038")))
            self.tree.addTopLevelItem(group)
            for number, candidate in enumerate(state.agreed):
                group.addChild(self._candidate_item(AGREED, number, candidate, gold_spans))
            # Folded while disagreements wait: on a laptop screen its rows pushed them
            # out of sight. Shift+A settles it whole; it opens once they are done.
            group.setExpanded(waiting > 0 and not state.disagreements)
        for index, item in enumerate(state.disagreements):
            self.tree.addTopLevelItem(self._disagreement_item(index, item, gold_spans))
        self.tree.blockSignals(False)
        self.select_row(*kept) if kept else None
        self.update_summary(gold_status)
        self._show_decision_comment()

    def current_decision(self) -> Decision | None:
        """The decision on the candidate row the reviewer is on (None on a group row)."""
        row = self.current_row()
        if row is None or self.state is None:
            return None
        group, number = row
        if number is None:
            return None
        candidates = (
            self.state.agreed if group == AGREED else self.state.disagreements[group].candidates
        )
        return candidates[number].decision if number < len(candidates) else None

    def _show_decision_comment(self) -> None:
        decision = self.current_decision()
        comment = decision.comment if decision is not None else None
        self.decision_comment.setVisible(bool(comment))
        if decision is not None and comment:
            self.decision_comment.setText(
                self.tr("%1's comment on this decision: %2")
                .replace("%1", decision.reviewer)
                .replace("%2", comment)
            )

    def _disagreement_item(
        self, index: int, item: Disagreement, gold_spans: dict[str, str]
    ) -> QTreeWidgetItem:
        labels = list(dict.fromkeys(self._label_name(c.label) for c in item.candidates))
        widest = max(item.candidates, key=lambda c: c.end - c.start)
        row = QTreeWidgetItem(
            [
                f"{index + 1}. {self.kind_text(item.kind)}",
                f"{' / '.join(labels)} {quoted(widest.text)}",
                self.tr("not %1").replace("%1", ", ".join(item.missing_from))
                if item.missing_from
                else "",
                self.tr("settled") if item.settled else self.tr("open"),
            ]
        )
        row.setData(0, ROW_ROLE, (index, None))
        row.setData(0, RANGE_ROLE, (item.start, item.end))
        row.setIcon(0, dot_icon(QColor(SETTLED_COLOUR) if item.settled else kind_colour(item.kind)))
        font = QFont(row.font(0))
        font.setBold(not item.settled)
        for column in range(COLUMNS):
            row.setFont(column, font)
            row.setToolTip(column, one_line(widest.text, 300))
        if item.settled:
            row.setForeground(DECISION_COLUMN, QBrush(QColor("#188038")))
        for number, candidate in enumerate(item.candidates):
            row.addChild(self._candidate_item(index, number, candidate, gold_spans))
        row.setExpanded(True)
        return row

    def _candidate_item(
        self,
        group: int,
        number: int,
        candidate: Candidate,
        gold_spans: dict[str, str],
    ) -> QTreeWidgetItem:
        who = ", ".join(candidate.annotators)
        row = QTreeWidgetItem(
            [
                self._label_name(candidate.label),
                quoted(candidate.text),
                who,
                self.decision_text(candidate.decision, gold_spans),
            ]
        )
        row.setData(0, ROW_ROLE, (group, number))
        row.setData(0, RANGE_ROLE, (candidate.start, candidate.end))
        tip = [f"{candidate.start}–{candidate.end} · {candidate.text}"]
        if candidate.decision is not None:
            decision = candidate.decision
            tip.append(
                self.tr("%1 by %2 at %3")
                .replace("%1", self.decision_text(decision, gold_spans))
                .replace("%2", decision.reviewer)
                .replace("%3", decision.created_at)
            )
            if decision.comment:
                tip.append(self.tr("Comment: %1").replace("%1", decision.comment))
        tip.insert(1, self.tr("Had it: %1").replace("%1", who))
        for column in range(COLUMNS):
            row.setToolTip(column, "\n".join(tip))
        if candidate.decision is not None:
            colour = "#c5221f" if candidate.decision.decision == DecisionKind.REJECT else "#188038"
            row.setForeground(DECISION_COLUMN, QBrush(QColor(colour)))
        return row

    def update_summary(self, gold_status: Status) -> None:
        state = self.state
        if state is None:
            return
        settled = len(state.disagreements) - len(state.unsettled)
        self.heading.setText(
            self.tr("Reviewing the tags of %1").replace("%1", ", ".join(state.annotators))
        )
        status_names = {
            Status.NOT_STARTED: self.tr("not started"),
            Status.IN_PROGRESS: self.tr("in progress"),
            Status.DONE: self.tr("done"),
            Status.REVIEWED: self.tr("reviewed"),
        }
        self.summary.setText(
            self.tr("%1 · %2, %3 waiting · %4 in gold, %5")
            .replace(
                "%1",
                self.tr("%1 of %n disagreement(s) settled", "", len(state.disagreements)).replace(
                    "%1", str(settled)
                ),
            )
            .replace("%2", self.tr("%n agreed span(s)", "", len(state.agreed)))
            .replace("%3", str(len(state.undecided_agreed)))
            .replace("%4", str(len(state.gold)))
            .replace("%5", status_names[gold_status])
        )
        offer = state.settled and gold_status != Status.REVIEWED
        self.settled_banner.setVisible(offer or gold_status == Status.REVIEWED)
        self.mark_button.setVisible(offer)
        self.settled_text.setText(
            self.tr("Every disagreement is settled. Mark the article reviewed?")
            if offer
            else self.tr("✓ This article is reviewed.")
        )

    # -- where the reviewer is ---------------------------------------------------------

    def current_row(self) -> tuple[int, int | None] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        group, number = item.data(0, ROW_ROLE)
        return int(group), None if number is None else int(number)

    def select_row(self, group: int, number: int | None = None) -> None:
        item = self._item(group, number)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _item(self, group: int, number: int | None) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top is None or top.data(0, ROW_ROLE)[0] != group:
                continue
            if number is None:
                return top
            if 0 <= number < top.childCount():
                if not top.isExpanded():
                    top.setExpanded(True)
                return top.child(number) or top
            return top
        return None

    # -- the gold comparison -------------------------------------------------------------

    def set_gold_annotators(self, names: list[str], current: str | None) -> None:
        self.gold_annotator.blockSignals(True)
        self.gold_annotator.clear()
        for name in names:
            self.gold_annotator.addItem(name, name)
        if current in names:
            self.gold_annotator.setCurrentIndex(names.index(current))
        self.gold_annotator.blockSignals(False)

    def show_gold_diff(self, diff: GoldDiff | None) -> None:
        self.gold_tree.clear()
        if diff is None:
            self.gold_summary.setText("")
            return
        self.gold_summary.setText(
            self.tr("%1 of %2 exactly as in gold; %3 only in the layer, %4 only in gold.")
            .replace("%1", self.tr("%n span(s)", "", len(diff.matching)))
            .replace("%2", diff.annotator)
            .replace("%3", str(len(diff.extra)))
            .replace("%4", str(len(diff.missed)))
        )
        groups = [
            (self.tr("Only in %1's layer").replace("%1", diff.annotator), diff.extra),
            (self.tr("Only in gold"), diff.missed),
        ]
        for title, candidates in groups:
            if not candidates:
                continue
            top = QTreeWidgetItem([f"{title} ({len(candidates)})", "", ""])
            self.gold_tree.addTopLevelItem(top)
            for candidate in candidates:
                top.addChild(self._gold_item("", candidate))
            top.setExpanded(True)
        changed = [item for item in diff.differences if item.kind != DisagreementKind.MISSING]
        if changed:
            top = QTreeWidgetItem(
                [
                    self.tr("Labels or boundaries differ (%1)").replace("%1", str(len(changed))),
                    "",
                    "",
                ]
            )
            self.gold_tree.addTopLevelItem(top)
            for item in changed:
                for candidate in item.candidates:
                    side = self.tr("gold") if candidate.annotators == ["gold"] else diff.annotator
                    top.addChild(self._gold_item(side, candidate))
            top.setExpanded(True)

    def _gold_item(self, side: str, candidate: Candidate) -> QTreeWidgetItem:
        row = QTreeWidgetItem([side, quoted(candidate.text), self._label_name(candidate.label)])
        row.setData(0, RANGE_ROLE, (candidate.start, candidate.end))
        return row

    def current_gold_range(self) -> tuple[int, int] | None:
        item = self.gold_tree.currentItem()
        found = item.data(0, RANGE_ROLE) if item is not None else None
        return (int(found[0]), int(found[1])) if found else None

    # -- the comment box ------------------------------------------------------------------

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if (
            watched is self.comment_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
        ):
            self.comment_edit.clear()
            self.commentFinished.emit()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

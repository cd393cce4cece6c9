"""Link mode: link the current span to another from the keyboard (or with a click).

With a claim, a denial or an amount current, L shows the spans it may be linked to
(nearest first, by the link types the label set allows from its label). Keys, while
link mode is on:

- Tab / Down / Right: the next candidate; Shift+Tab / Up / Left: the previous one;
- T (Shift+T backwards): show one link type only, then the next, then all again;
  1-9: only the n-th link type, 0: all types;
- Enter: make the link (one undo step, saved at once); Escape or L: leave;
- O: a claim of another article (a denial that answers a claim reported elsewhere);
- a click on a candidate links to it.

Shift+L, outside link mode, opens the other-article picker at once. Link mode sits in
front of the article view's own keys and the suggestions' (``KeyPriority.LINK_MODE``)
and changes nothing in the view: the candidate is an overlay, the caret
moves only to scroll the candidate into sight, and the source stays the current span.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

from annotator.core.attribution import links
from annotator.core.attribution.links import LinkCandidate
from annotator.core.changes import Changes
from annotator.core.models import LinkType, Span
from annotator.ui.article.highlighter import blend
from annotator.ui.article.view import ArticleView, KeyPriority
from annotator.ui.keyboard import label_key
from annotator.ui.links.commands import AddLink
from annotator.ui.links.picker import OtherArticlePicker
from annotator.ui.text_display import short_text

OVERLAY = "link-candidate"

_NEXT_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Right)
_PREVIOUS_KEYS = (Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Left)


class LinkBanner(QLabel):
    """What link mode is doing and which keys it answers, under the text (it takes its
    own room, so the text it would cover scrolls into sight instead)."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.setObjectName("linkBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "#linkBanner { background: #fff8d6; color: #222; border-top: 1px solid #d8c36a;"
            " padding: 6px 10px; }"
        )
        self.hide()
        layout = view.layout()
        if layout is not None:
            layout.addWidget(self)

    def show_text(self, text: str) -> None:
        self.setText(text)
        if not self.isVisible():
            self.show()
            layout = cast(QWidget, self.parent()).layout()
            if layout is not None:
                layout.activate()  # the text pane shrinks now, not at the next event


class LinkMode(QObject):
    activeChanged = Signal(bool)
    candidateChanged = Signal()
    statusMessage = Signal(str)

    def __init__(
        self,
        view: ArticleView,
        titles: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = view.store
        self.session = view.session
        self.titles = titles
        self.banner = LinkBanner(view)
        self.picker: OtherArticlePicker | None = None
        self._source: Span | None = None
        self._candidates: list[LinkCandidate] = []
        self._kinds: list[LinkType] = []
        self._kind_filter: int | None = None
        self._index = 0
        self._leaving = False
        view.add_key_handler(self, KeyPriority.LINK_MODE)
        view.editor.viewport().installEventFilter(self)
        view.currentSpanChanged.connect(self._on_current_span_changed)
        view.session.changed.connect(self._on_changes)

    # -- state -------------------------------------------------------------------------

    def is_active(self) -> bool:
        return self._source is not None

    def source(self) -> Span | None:
        return self._source

    def candidates(self) -> list[LinkCandidate]:
        """The candidates on offer under the current type filter, nearest first."""
        if self._kind_filter is None:
            return list(self._candidates)
        wanted = self._kinds[self._kind_filter].name
        return [c for c in self._candidates if c.link_type.name == wanted]

    def current_candidate(self) -> LinkCandidate | None:
        shown = self.candidates()
        return shown[self._index] if 0 <= self._index < len(shown) else None

    def type_filter(self) -> LinkType | None:
        return None if self._kind_filter is None else self._kinds[self._kind_filter]

    # -- entering and leaving ----------------------------------------------------------

    def start(self) -> bool:
        """Link mode for the view's current span; False (and a hint) if it cannot."""
        source = self.view.current_span()
        if source is None:
            self.statusMessage.emit(
                QCoreApplication.translate(
                    "LinkMode",
                    "Select a claim, a denial or an amount first (Tab, or a click), then press L.",
                )
            )
            return False
        kinds = links.link_types_from(self.store.label_set(), source.label)
        if not kinds:
            self.statusMessage.emit(
                QCoreApplication.translate(
                    "LinkMode", "A %1 starts no link: links go from claims, denials and amounts."
                ).replace("%1", self._label_name(source.label))
            )
            return False
        self._source = source
        self._kinds = kinds
        self._kind_filter = None
        self._candidates = links.candidates(self.store, source)
        self._index = 0
        self.activeChanged.emit(True)
        self._show()
        return True

    def cancel(self) -> None:
        self._leave(return_to_source=True)

    def _leave(self, return_to_source: bool) -> None:
        if self._source is None:
            return
        source = self._source
        self._source = None
        self._candidates = []
        self.view.set_overlay(OVERLAY, [])
        self.banner.hide()
        self.view.editor.viewport().update()
        if return_to_source and self.view.placed_span(source.id) is not None:
            self._leaving = True
            try:
                self.view.select_span(source.id)
            finally:
                self._leaving = False
        self.activeChanged.emit(False)

    # -- moving and choosing -------------------------------------------------------------

    def step(self, amount: int) -> None:
        shown = self.candidates()
        if shown:
            self._index = (self._index + amount) % len(shown)
        self._show()

    def cycle_type(self, amount: int = 1) -> None:
        """All types -> the first -> the second ... -> all types again."""
        choices: list[int | None] = [None, *range(len(self._kinds))]
        position = choices.index(self._kind_filter)
        self.set_type_filter(choices[(position + amount) % len(choices)])

    def set_type_filter(self, kind_index: int | None) -> None:
        if kind_index is not None and not 0 <= kind_index < len(self._kinds):
            return
        current = self.current_candidate()
        self._kind_filter = kind_index
        shown = self.candidates()
        # Stay on the same span when it is still on offer.
        self._index = 0
        if current is not None:
            same = [i for i, c in enumerate(shown) if c.span.id == current.span.id]
            if same:
                self._index = same[0]
        self._show()

    def choose(self, span_id: str) -> bool:
        """Make ``span_id`` the candidate (a click); True when it is one."""
        shown = self.candidates()
        matching = [i for i, c in enumerate(shown) if c.span.id == span_id]
        if not matching:
            return False
        self._index = matching[0]
        self._show()
        return True

    def accept(self) -> None:
        """Link the source to the candidate (an undo step), then leave link mode."""
        source, candidate = self._source, self.current_candidate()
        if source is None:
            return
        if candidate is None:
            self.statusMessage.emit(
                QCoreApplication.translate("LinkMode", "Nothing to link to: no candidate is shown.")
            )
            return
        self.link_to(source, candidate)
        self._leave(return_to_source=True)

    def link_to(self, source: Span, candidate: LinkCandidate) -> None:
        kind = candidate.link_type
        self.session.push(
            AddLink(
                self.session,
                kind.name,
                source,
                candidate.span,
                kind.display_name(self._language()),
            )
        )
        if self.store.find_link(kind.name, source.id, candidate.span.id) is not None:
            self.statusMessage.emit(
                QCoreApplication.translate("LinkMode", "Linked: %1 “%2” %3 “%4”.")
                .replace("%1", self._label_name(source.label))
                .replace("%2", short_text(source.text))
                .replace("%3", kind.display_name(self._language()))
                .replace("%4", short_text(candidate.span.text))
            )

    def open_picker(self, source: Span | None = None) -> OtherArticlePicker | None:
        """Pick the target among spans of other articles (cross-article link types)."""
        source = source or self._source or self.view.current_span()
        if source is None:
            self.statusMessage.emit(
                QCoreApplication.translate(
                    "LinkMode", "Select a denial or a claim first, then press Shift+L."
                )
            )
            return None
        found = links.other_document_candidates(self.store, source)
        if not any(
            kind.cross_document
            for kind in links.link_types_from(self.store.label_set(), source.label)
        ):
            self.statusMessage.emit(
                QCoreApplication.translate(
                    "LinkMode", "A %1 cannot be linked to another article."
                ).replace("%1", self._label_name(source.label))
            )
            return None
        self._leave(return_to_source=True)
        self.picker = OtherArticlePicker(
            source, found, self.titles, self._language(), self.view.window()
        )
        self.picker.picked.connect(lambda candidate: self._picked(source, candidate))
        self.picker.open()
        return self.picker

    def _picked(self, source: Span, candidate: LinkCandidate) -> None:
        self.link_to(source, candidate)
        self.view.select_span(source.id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing -----------------------------------------------------------------------------

    def _language(self) -> str:
        return self.view.locale().name()[:2]

    def _label_name(self, name: str) -> str:
        label = self.store.label_set().get(name)
        return label.display_name(self._language()) if label else name

    def _show(self) -> None:
        source = self._source
        if source is None:
            return
        candidate = self.current_candidate()
        positions = self.view.text_positions()
        selections: list[QTextEdit.ExtraSelection] = []
        if candidate is not None and positions is not None:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.editor.document())
            cursor.setPosition(positions.to_qt(candidate.span.start))
            cursor.setPosition(positions.to_qt(candidate.span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            colour = self.view.styles.colour(candidate.span.label)
            text_format.setBackground(blend(colour, 0.6))
            text_format.setProperty(
                QTextFormat.Property.OutlinePen, QPen(colour.darker(160), 2.0, Qt.PenStyle.DashLine)
            )
            selection.format = text_format
            selections.append(selection)
        # The bar first: it takes room from the text, and the scrolling must know.
        self.banner.show_text(self._banner_text(source, candidate))
        if candidate is not None:
            self._scroll_to(candidate.span)
        self.view.set_overlay(OVERLAY, selections)
        self.view.editor.viewport().update()
        self.candidateChanged.emit()

    def _scroll_to(self, span: Span) -> None:
        """The candidate into sight, and the source with it when both fit: Qt scrolls
        as little as it can, so showing the source first keeps it on screen."""
        positions = self.view.text_positions()
        if positions is None:
            return
        editor = self.view.editor
        cursor = editor.textCursor()
        ends = [span.end, span.start]
        if self._source is not None:
            ends = [self._source.end, self._source.start, *ends]
        for end in ends:
            cursor.setPosition(positions.to_qt(end))
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()

    def _banner_text(self, source: Span, candidate: LinkCandidate | None) -> str:
        language = self._language()
        head = (
            QCoreApplication.translate("LinkMode", "Link %1 “%2”")
            .replace("%1", _lower_first(self._label_name(source.label)))
            .replace("%2", short_text(source.text, 50))
        )
        shown = self.candidates()
        if candidate is None:
            what = QCoreApplication.translate(
                "LinkMode", "no span in this article can be linked to it"
            )
            if self._kind_filter is not None:
                what = QCoreApplication.translate("LinkMode", "no %1 candidate here").replace(
                    "%1", self._kinds[self._kind_filter].display_name(language)
                )
        else:
            where = (
                QCoreApplication.translate("LinkMode", "(%1 of %2)")
                .replace("%1", str(self._index + 1))
                .replace("%2", str(len(shown)))
            )
            what = (
                QCoreApplication.translate("LinkMode", "%1 → %2 “%3” %4")
                .replace("%1", candidate.link_type.display_name(language))
                .replace("%2", _lower_first(self._label_name(candidate.span.label)))
                .replace("%4", where)
                .replace("%3", short_text(candidate.span.text, 50))
            )
        types = " / ".join(
            f"{number}: {kind.display_name(language)}"
            + (" ✓" if self._kind_filter == number - 1 else "")
            for number, kind in enumerate(self._kinds, start=1)
        )
        keys = [
            QCoreApplication.translate("LinkMode", "Tab: next"),
            QCoreApplication.translate("LinkMode", "Enter: link"),
            QCoreApplication.translate("LinkMode", "Esc: cancel"),
        ]
        if len(self._kinds) > 1:
            keys.insert(
                1,
                QCoreApplication.translate("LinkMode", "T: type (%1, 0: all)").replace("%1", types),
            )
        if any(kind.cross_document for kind in self._kinds):
            keys.insert(-1, QCoreApplication.translate("LinkMode", "O: another article"))
        # A narrow bar breaks the line between hints, never inside one ("Esc:" alone).
        return f"{head} — {what}\n" + " · ".join(hint.replace(" ", "\u00a0") for hint in keys)

    # -- keys and clicks -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        editor = self.view.editor
        kind = event.type()
        if self.is_active() and watched is editor.viewport():
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                return cast(QMouseEvent, event).button() == Qt.MouseButton.LeftButton
            if kind == QEvent.Type.MouseButtonRelease:
                mouse = cast(QMouseEvent, event)
                if mouse.button() != Qt.MouseButton.LeftButton:
                    return False
                self._clicked(mouse.position().toPoint())
                return True
        return False

    def declared_keys(self) -> list[tuple[str, str]]:
        translate = QCoreApplication.translate
        return [
            (
                translate("ShortcutSheet", "L, on a claim, denial or amount"),
                translate("ShortcutSheet", "Link mode: show the spans it may be linked to"),
            ),
            (
                translate("ShortcutSheet", "Link mode: Tab / Shift+Tab, arrows"),
                translate("ShortcutSheet", "Next / previous candidate, nearest first"),
            ),
            (
                translate("ShortcutSheet", "Link mode: T, or 1-9 (0: all)"),
                translate("ShortcutSheet", "Choose the link type (said by, denies…)"),
            ),
            (
                translate("ShortcutSheet", "Link mode: Enter, or a click on a candidate"),
                translate("ShortcutSheet", "Make the link (Escape: cancel)"),
            ),
            (
                translate("ShortcutSheet", "Shift+L, or O in link mode"),
                translate("ShortcutSheet", "Link to a claim of another article (search)"),
            ),
        ]

    def key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if self.view.document_id() is None:
            return None
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if not self.is_active():
            if key == Qt.Key.Key_L and plain and not self.view.editor.textCursor().hasSelection():
                return self._start_from_key
            if key == Qt.Key.Key_L and shift and self.view.current_span() is not None:
                return self._picker_from_key
            return None
        if not (plain or shift):
            # Ctrl+Z, Ctrl+Q...: leave link mode and let the key do its work.
            self.cancel()
            return None
        if key in _NEXT_KEYS and plain:
            return lambda: self.step(1)
        if key in _PREVIOUS_KEYS or (key == Qt.Key.Key_Tab and shift):
            return lambda: self.step(-1)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.accept
        if key == Qt.Key.Key_O or (key == Qt.Key.Key_L and shift):
            return self._picker_from_key
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_L):
            return self.cancel
        if key == Qt.Key.Key_T:
            return lambda: self.cycle_type(-1 if shift else 1)
        pressed = label_key(event)
        if pressed is not None and pressed.isdigit():
            number = int(pressed)
            return lambda: self.set_type_filter(None if number == 0 else number - 1)
        # Any other key would tag or delete under the overlay: it does nothing here.
        return lambda: None

    def _start_from_key(self) -> None:
        self.start()

    def _picker_from_key(self) -> None:
        self.open_picker()

    def _clicked(self, point: QPoint) -> None:
        positions = self.view.text_positions()
        if positions is None:
            return
        position = positions.to_code_point(self.view.editor.character_at(point))
        shown = self.candidates()
        under = [c for c in shown if c.span.start <= position < c.span.end]
        if not under:
            self.statusMessage.emit(
                QCoreApplication.translate(
                    "LinkMode",
                    "Not a span this one can be linked to: click a highlighted candidate.",
                )
            )
            return
        # The innermost span first: a person inside a claim before the claim.
        under.sort(key=lambda c: (c.span.end - c.span.start, c.span.start))
        if len(under) == 1:
            self.choose_candidate(under[0])
            self.accept()
            return
        current = self.current_candidate()
        chosen = under[0]
        if current is not None and current in under:
            chosen = under[(under.index(current) + 1) % len(under)]
        self.choose_candidate(chosen)
        self.statusMessage.emit(
            QCoreApplication.translate(
                "LinkMode",
                "Several spans here: click again for the next one, Enter links to this one.",
            )
        )

    def choose_candidate(self, candidate: LinkCandidate) -> None:
        shown = self.candidates()
        self._index = next(i for i, c in enumerate(shown) if c is candidate)
        self._show()

    # -- the view changed under link mode ---------------------------------------------------

    def _on_current_span_changed(self, span_id: str) -> None:
        if self._source is not None and not self._leaving and span_id != self._source.id:
            self._leave(return_to_source=False)

    def _on_changes(self, changes: Changes) -> None:
        source = self._source
        if source is None or not (changes.spans_changed(source.doc_id) or changes.links):
            return
        if self.view.placed_span(source.id) is None:
            self._leave(return_to_source=False)
            return
        current = self.current_candidate()
        self._candidates = links.candidates(self.store, source)
        self._index = 0
        if current is not None:
            self.choose(current.span.id)
        self._show()


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]

"""Suggestions in the article: computed in the background, drawn apart, taken by key.

When an article opens, a background task (its own ``Store``: a SQLite connection
belongs to its thread) runs ``core.suggest.Suggester`` for the annotator and drops the
suggestions they rejected before; the list comes back by signal, and a list for an
article no longer shown is thrown away. With the spaCy model enabled in Preferences a
second task follows, which loads the model once (it stays loaded) and adds its
proposals; the quick ones are on screen meanwhile. A model that is not installed is
said once in the status bar.

Suggestions are drawn as dashed outlines in their label's colour, with no fill: an
annotation is a filled tint or a bar, so the two never look alike. The current
suggestion also gets a light tint. Keys in the article:

- N / Shift+N: next / previous suggestion;
- Enter, or the suggestion's label key: accept it (another label's key accepts it
  with that label); X, Backspace or Delete: reject it; Escape: leave it;
- Ctrl+Shift+A: accept every suggestion of one label (a small menu asks which).

Accepting and rejecting are undo commands. A suggestion becomes a span only when
accepted (origin ``suggested:amount|gazetteer|model``); a rejection is stored apart
(``Store.reject_suggestion``) so that it is not proposed again to that annotator.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip

from annotator.core.changes import Changes
from annotator.core.errors import NotFound
from annotator.core.store import Store
from annotator.core.suggestions.suggest import (
    GazetteerCache,
    Suggester,
    Suggestion,
    accept_suggestion,
)
from annotator.core.training.project_model import latest_model_dir
from annotator.ui.article.amount_editor import (
    AMOUNT_LABEL,
    AmountDialog,
    SetSpanAttrs,
    amount_reading,
    attrs_for_label,
)
from annotator.ui.article.highlighter import blend
from annotator.ui.article.qt_offsets import TextPositions
from annotator.ui.article.text_geometry import line_segments
from annotator.ui.article.view import ArticleView, KeyPriority
from annotator.ui.keyboard import label_key
from annotator.ui.preferences import Preferences
from annotator.ui.session import OpCommand
from annotator.ui.tasks import StoreTask, TaskRunner
from annotator.ui.text_display import as_typed, short_text

QUICK_SUGGESTERS = ("amount", "gazetteer")
REFRESH_DELAY_MS = 300
"""After a change of spans, wait for a burst (accept all, quick tagging) to end."""
LONG_ARTICLE = 50_000
"""Characters from which the part on screen is looked at first, the rest after."""
OVERLAY = "suggestions"


translate = QCoreApplication.translate


@dataclass(frozen=True)
class SuggestionBatch:
    """What a background task found for one document."""

    doc_id: str
    generation: int
    suggestions: list[Suggestion]
    unavailable: dict[str, str] = field(default_factory=dict)


class Typing:
    """When the user last typed in the article: background work steps aside meanwhile.

    Finding suggestions on a long article takes seconds of Python, which would take
    turns with the window's own code on every key press; the work asks ``wait`` now
    and then and sleeps (letting the window run alone) until typing paused a moment."""

    PAUSE_S = 0.4

    def __init__(self) -> None:
        self._until = 0.0

    def touch(self) -> None:
        self._until = time.monotonic() + self.PAUSE_S

    def wait(self) -> None:
        while (left := self._until - time.monotonic()) > 0:
            time.sleep(min(left, 0.05))


def suggestion_task(
    db_path: Path | str,
    doc_id: str,
    annotator: str,
    suggesters: Sequence[str],
    generation: int,
    gazetteer_cache: GazetteerCache | None = None,
    within: tuple[int, int] | None = None,
    typing: Typing | None = None,
) -> StoreTask:
    """Suggestions for ``annotator`` in one document, minus those they rejected;
    ``within``: only around that part of the text (``Suggester.for_document``);
    ``typing``: pause while the user types.

    Tasks sharing ``gazetteer_cache`` must not run at the same time (the window's task
    runner runs one at a time). A task superseded before it starts does nothing."""
    names = tuple(suggesters)

    def work(store: Store, _progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        if cancelled():
            return None

        def should_stop() -> bool:
            if typing is not None:
                typing.wait()
            return cancelled()

        suggester = Suggester(store, names, gazetteer_cache)
        found = suggester.for_document(doc_id, annotator, within, should_stop=should_stop)
        if cancelled():
            return None  # superseded: what it found is incomplete and out of date
        rejected = store.rejected_suggestions(doc_id, annotator)
        kept = [item for item in found if item.key not in rejected]
        return SuggestionBatch(doc_id, generation, kept, dict(suggester.unavailable))

    return StoreTask(db_path, work, translate("Suggestions", "Finding suggestions…"))


# -- undo commands ------------------------------------------------------------------------


class AcceptSuggestion(OpCommand):
    """Store a suggestion as the annotator's span; undo removes the span and brings the
    suggestion back."""

    def __init__(
        self, controller: SuggestionController, suggestion: Suggestion, label: str
    ) -> None:
        super().__init__(
            controller.view.session,
            translate("Suggestions", "Accept “%1” as %2")
            .replace("%1", short_text(suggestion.text))
            .replace("%2", controller.label_name(label)),
        )
        self.controller = controller
        self.suggestion = suggestion
        self.label = label
        self.span: Any = None

    def _accepted(self) -> Suggestion:
        if self.label == self.suggestion.label:
            return self.suggestion
        store = self.controller.store
        attrs = attrs_for_label(
            store, self.suggestion.doc_id, self.suggestion.text, None, self.label
        )
        return self.suggestion.model_copy(update={"label": self.label, "attrs": attrs or {}})

    def do(self) -> Changes:
        if self.span is None:
            self.span = accept_suggestion(self.store, self._accepted(), self.controller.annotator)
        else:  # redo after undo: the same span, so later commands still find it
            self.store.restore_span(self.span)
        self.controller.suggestion_taken(self.suggestion)
        return Changes.span(self.suggestion.doc_id, None, self.span)

    def undo_it(self) -> Changes:
        removed = self.store.delete_span(self.span.id)
        return Changes.span(self.suggestion.doc_id, removed, None)

    def undo(self) -> None:
        super().undo()
        if not self.isObsolete():
            self.controller.suggestion_returned(self.suggestion)


class RejectSuggestion(OpCommand):
    """Remember that the annotator does not want this suggestion in this document."""

    def __init__(self, controller: SuggestionController, suggestion: Suggestion) -> None:
        super().__init__(
            controller.view.session,
            translate("Suggestions", "Reject the suggestion “%1”").replace(
                "%1", short_text(suggestion.text)
            ),
        )
        self.controller = controller
        self.suggestion = suggestion
        self.annotator = controller.annotator

    def do(self) -> Changes:
        s = self.suggestion
        self.store.reject_suggestion(s.doc_id, self.annotator, s.start, s.end, s.label, s.origin)
        self.controller.suggestion_taken(s)
        return Changes(rejections=True)

    def undo_it(self) -> Changes:
        s = self.suggestion
        self.store.unreject_suggestion(s.doc_id, self.annotator, s.start, s.end, s.label)
        return Changes(rejections=True)

    def undo(self) -> None:
        super().undo()
        if not self.isObsolete():
            self.controller.suggestion_returned(self.suggestion)


# -- the controller -----------------------------------------------------------------------


class SuggestionController(QObject):
    """Suggestions for the article on show: finding, drawing, keys, accept and reject."""

    suggestionsChanged = Signal(str)
    """(doc_id) the list of suggestions on show changed."""
    statusMessage = Signal(str)

    def __init__(
        self,
        view: ArticleView,
        db_path: Path | str,
        annotator: str,
        tasks: TaskRunner,
        preferences: Preferences,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = view.store
        self.db_path = Path(db_path)
        self.annotator = annotator
        self.undo_stack = view.undo_stack
        self.preferences = preferences
        self.tasks = tasks
        # Built from every entity span in the project: once per project state, not on
        # every article (2 s on a 10,000-article project); the runner's single thread
        # keeps it from being used by two tasks at once.
        self.gazetteer_cache = GazetteerCache()
        self.typing = Typing()
        self._tasks: set[StoreTask] = set()
        self._doc_id: str | None = None
        self._generation = 0
        self._suggestions: list[Suggestion] = []
        self._drawn: tuple[TextPositions, list[int]] | None = None
        """The suggestions' starts for ``_paint`` (code points), and the article's positions."""
        self._current: Suggestion | None = None
        self._model_failed = False
        self._model_loaded = False
        self._told_unavailable = False
        self._picker: QMenu | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        self.show_action = QAction(self)
        self.show_action.setObjectName("showSuggestions")
        self.show_action.setCheckable(True)
        self.show_action.setChecked(preferences.show_suggestions)
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.show_action.toggled.connect(self.set_shown)
        self.accept_all_action = QAction(self)
        self.accept_all_action.setObjectName("acceptAllSuggestions")
        self.accept_all_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.accept_all_action.triggered.connect(self.choose_label_to_accept)
        self.correct_amount_action = QAction(self)
        self.correct_amount_action.setObjectName("correctAmount")
        self.correct_amount_action.setShortcut(QKeySequence("F2"))
        self.correct_amount_action.triggered.connect(self.correct_current_amount)

        view.editor.overlay_painters.append(self._paint)
        view.add_key_handler(self, KeyPriority.SUGGESTIONS)
        view.editor.viewport().installEventFilter(self)
        view.editor.clicked.connect(self._on_click)
        view.editor.selectionChanged.connect(self._on_selection_changed)
        view.currentSpanChanged.connect(self._on_current_span_changed)
        view.session.changed.connect(self._on_changes)
        self.retranslate()

    # -- what the window calls -----------------------------------------------------------

    def actions(self) -> list[QAction]:
        return [self.show_action, self.accept_all_action, self.correct_amount_action]

    def retranslate(self) -> None:
        self.show_action.setText(translate("Suggestions", "Show &suggestions"))
        self.accept_all_action.setText(
            translate("Suggestions", "&Accept all suggestions of one label…")
        )
        self.correct_amount_action.setText(translate("Suggestions", "Correct the amount's &value…"))

    def set_document(self, doc_id: str | None) -> None:
        self._doc_id = doc_id
        self._set_suggestions([])
        self.refresh()

    def set_annotator(self, name: str) -> None:
        self.annotator = name
        self.set_document(self.view.document_id())

    def set_shown(self, on: bool) -> None:
        self.preferences.show_suggestions = on
        if self.show_action.isChecked() != on:
            self.show_action.setChecked(on)
        if not on:
            self._generation += 1  # a list still being computed is not wanted either
            self._set_suggestions([])
        else:
            self.refresh()

    def is_shown(self) -> bool:
        return self.show_action.isChecked()

    def set_use_model(self, on: bool) -> None:
        if on != self.preferences.suggest_with_model:
            self.preferences.suggest_with_model = on
            self._model_failed = False
            self._told_unavailable = False
            self.refresh()

    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def current_suggestion(self) -> Suggestion | None:
        return self._current

    def shutdown(self) -> None:
        """Wait for the background work (the window is closing, its store with it)."""
        self._generation += 1
        self._refresh_timer.stop()
        self._cancel_tasks()
        self.tasks.wait()

    # -- finding suggestions ---------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the document's suggestions again, in the background."""
        self._refresh_timer.stop()
        self._generation += 1
        self._cancel_tasks()
        doc_id = self._doc_id
        if doc_id is None or not self.is_shown():
            return
        text = self.view.document_text()
        on_screen = self.view.visible_range()
        if text is not None and len(text) >= LONG_ARTICLE and on_screen is not None:
            self._start(
                suggestion_task(
                    self.db_path,
                    doc_id,
                    self.annotator,
                    QUICK_SUGGESTERS,
                    self._generation,
                    self.gazetteer_cache,
                    within=on_screen,
                    typing=self.typing,
                )
            )
        self._start(
            suggestion_task(
                self.db_path,
                doc_id,
                self.annotator,
                QUICK_SUGGESTERS,
                self._generation,
                self.gazetteer_cache,
                typing=self.typing,
            )
        )
        if self.preferences.suggest_with_model and not self._model_failed:
            # Loads spaCy on first use, off the UI thread; the quick list shows meanwhile.
            if not self._model_loaded:
                self.statusMessage.emit(
                    translate("Suggestions", "Loading the spaCy model for suggestions…")
                )
            self._start(
                suggestion_task(
                    self.db_path,
                    doc_id,
                    self.annotator,
                    (*QUICK_SUGGESTERS, "model"),
                    self._generation,
                    self.gazetteer_cache,
                    typing=self.typing,
                )
            )
        if latest_model_dir(self.store) is not None:
            # The project's own model (annotator train) last: its batch holds them all.
            with_spacy = self.preferences.suggest_with_model and not self._model_failed
            self._start(
                suggestion_task(
                    self.db_path,
                    doc_id,
                    self.annotator,
                    (*QUICK_SUGGESTERS, *(["model"] if with_spacy else []), "project-model"),
                    self._generation,
                    self.gazetteer_cache,
                )
            )

    def _start(self, task: StoreTask) -> None:
        task.bind_to(self.store)
        self._tasks.add(task)
        task.signals.succeeded.connect(self._batch_arrived)
        task.signals.failed.connect(self._task_failed)
        task.signals.ended.connect(lambda: self._tasks.discard(task))
        self.tasks.start(task, None)

    def _cancel_tasks(self) -> None:
        """Work for a state no longer on show is not wanted: drop it if it has not begun."""
        for task in list(self._tasks):
            self.tasks.cancel(task)

    def wait(self) -> None:
        """Until the background work has finished (its list, if any, is then queued)."""
        self.tasks.wait()

    def _batch_arrived(self, batch: SuggestionBatch | None) -> None:
        if batch is None or batch.generation != self._generation or batch.doc_id != self._doc_id:
            return  # for an article (or a state of it) no longer on show
        if "model" in batch.unavailable and not self._told_unavailable:
            self._told_unavailable = True
            self._model_failed = True
            self.statusMessage.emit(
                translate("Suggestions", "Model suggestions are off: %1").replace(
                    "%1", batch.unavailable["model"]
                )
            )
        if self.preferences.suggest_with_model and not self._model_loaded:
            self._model_loaded = any(item.suggester == "model" for item in batch.suggestions)
        # Suggester.for_document gives them in reading order already.
        self._set_suggestions(batch.suggestions, in_order=True)

    def _task_failed(self, message: str) -> None:
        if self.preferences.suggest_with_model and not self._model_failed:
            self._model_failed = True  # most likely the model; do not retry every article
        self.statusMessage.emit(
            translate("Suggestions", "No suggestions: %1").replace("%1", message)
        )

    def _set_suggestions(self, suggestions: Sequence[Suggestion], in_order: bool = False) -> None:
        self._suggestions = (
            list(suggestions)
            if in_order
            else sorted(suggestions, key=lambda s: (s.start, -s.end, s.label))
        )
        self._drawn = None
        if self._current is not None and self._current not in self._suggestions:
            self._current = None
        self._show_current()
        self.view.editor.viewport().update()
        self.suggestionsChanged.emit(self._doc_id or "")

    def _on_changes(self, changes: Changes) -> None:
        if changes.labels:
            self.view.editor.viewport().update()
        if changes.spans_changed(self._doc_id) and self.is_shown():
            # A newly tagged "OpenAI" is proposed elsewhere; a tagged amount is no
            # longer proposed. Older lists in flight are out of date: stop them.
            self._generation += 1
            self._cancel_tasks()
            self.typing.touch()
            self._refresh_timer.start()

    # -- called by the undo commands -------------------------------------------------

    def suggestion_taken(self, suggestion: Suggestion) -> None:
        if suggestion.doc_id == self._doc_id:
            self._set_suggestions([s for s in self._suggestions if s != suggestion])

    def suggestion_returned(self, suggestion: Suggestion) -> None:
        if suggestion.doc_id != self._doc_id or not self.is_shown():
            return
        if suggestion not in self._suggestions:
            self._set_suggestions([*self._suggestions, suggestion])
        self._generation += 1
        self._refresh_timer.start()
        self.make_current(suggestion)

    # -- the current suggestion ------------------------------------------------------

    def make_current(self, suggestion: Suggestion | None) -> None:
        self._current = suggestion
        if suggestion is not None:
            self.view.clear_current()
            positions = self.view.text_positions()
            if positions is not None:
                cursor = self.view.editor.textCursor()
                cursor.setPosition(positions.to_qt(suggestion.end))
                self.view.editor.setTextCursor(cursor)
                self.view.editor.ensureCursorVisible()
                cursor.setPosition(positions.to_qt(suggestion.start))
                self.view.editor.setTextCursor(cursor)
                self.view.editor.ensureCursorVisible()
            self._current = suggestion  # moving the caret may have cleared it
            self.statusMessage.emit(self._describe(suggestion))
        self._show_current()
        self.view.editor.viewport().update()

    def cycle(self, step: int) -> None:
        if not self.is_shown():
            self.statusMessage.emit(
                translate("Suggestions", "Suggestions are hidden (View ▸ Show suggestions).")
            )
            return
        if not self._suggestions:
            self.statusMessage.emit(translate("Suggestions", "No suggestions in this article."))
            return
        items = self._suggestions
        if self._current in items:
            index = (items.index(self._current) + step) % len(items)
        else:
            positions = self.view.text_positions()
            caret = positions.caret(self.view.editor.textCursor()) if positions else 0
            starts = [s.start for s in items]
            if step > 0:
                index = bisect.bisect_left(starts, caret) % len(items)
            else:
                index = (bisect.bisect_left(starts, caret) - 1) % len(items)
        self.make_current(items[index])

    def accept_current(self, label: str | None = None) -> None:
        suggestion = self._current
        if suggestion is None:
            return
        following = self._following(suggestion)
        self.undo_stack.push(AcceptSuggestion(self, suggestion, label or suggestion.label))
        self._advance(following)

    def reject_current(self) -> None:
        suggestion = self._current
        if suggestion is None:
            return
        following = self._following(suggestion)
        self.undo_stack.push(RejectSuggestion(self, suggestion))
        self._advance(following)

    def accept_all(self, label: str) -> int:
        """Accept every suggestion of ``label`` on show, as one undo step."""
        chosen = [s for s in self._suggestions if s.label == label]
        if not chosen:
            return 0
        self.undo_stack.beginMacro(
            translate("Suggestions", "Accept %1 suggestions of %2")
            .replace("%1", str(len(chosen)))
            .replace("%2", label)
        )
        for suggestion in chosen:
            self.undo_stack.push(AcceptSuggestion(self, suggestion, label))
        self.undo_stack.endMacro()
        self.statusMessage.emit(
            translate("Suggestions", "Accepted %1 suggestions: %2.")
            .replace("%1", str(len(chosen)))
            .replace("%2", self.label_name(label))
        )
        return len(chosen)

    def choose_label_to_accept(self) -> None:
        """A small menu of the labels suggested here; its key accepts them all."""
        counts = Counter(s.label for s in self._suggestions)
        if not counts:
            self.statusMessage.emit(translate("Suggestions", "No suggestions in this article."))
            return
        menu = QMenu(self.view)
        menu.setObjectName("acceptAllMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = menu.addAction(translate("Suggestions", "Accept all suggestions of:"))
        title.setEnabled(False)
        label_set = self.store.label_set()
        for label in label_set.labels:
            if counts[label.name]:
                action = menu.addAction(
                    f"&{label.key}  {as_typed(self.label_name(label.name))} "
                    f"({counts[label.name]})"
                )
                action.setData(label.name)
        menu.triggered.connect(
            lambda action: self.accept_all(str(action.data())) if action.data() else None
        )
        self._picker = menu
        editor = self.view.editor
        where = editor.cursorRect().bottomLeft()
        if not editor.viewport().rect().contains(where):
            where = editor.viewport().rect().center()
        menu.popup(editor.viewport().mapToGlobal(where))

    def correct_current_amount(self) -> None:
        """F2 on an amount span: the dialog, then one undo step."""
        span = self.view.current_span()
        if span is None or span.label != AMOUNT_LABEL:
            self.statusMessage.emit(
                translate("Suggestions", "Select an amount first (Tab, or click it), then F2.")
            )
            return
        if span.annotator != self.annotator:
            return
        dialog = AmountDialog(span, self.view)
        dialog.setObjectName("amountDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_amount(span.id, dialog.attrs()))
        dialog.open()

    def _save_amount(self, span_id: str, attrs: dict[str, Any] | None) -> None:
        if attrs is None:
            return
        try:
            span = self.store.span(span_id)
        except NotFound:
            return
        self.undo_stack.push(SetSpanAttrs(self.view.session, span, attrs))
        self.statusMessage.emit(
            translate("Suggestions", "Amount saved: %1").replace("%1", amount_reading(attrs))
        )

    def _following(self, suggestion: Suggestion) -> Suggestion | None:
        items = self._suggestions
        if suggestion not in items or len(items) == 1:
            return None
        return items[(items.index(suggestion) + 1) % len(items)]

    def _advance(self, following: Suggestion | None) -> None:
        # Reading on: accept, accept, reject... without reaching for N each time.
        if following is not None and following in self._suggestions:
            self.make_current(following)
        elif self._current is not None and self._current not in self._suggestions:
            self.make_current(None)

    def _describe(self, suggestion: Suggestion) -> str:
        number = self._suggestions.index(suggestion) + 1 if suggestion in self._suggestions else 0
        reading = ""
        if suggestion.label == AMOUNT_LABEL:
            reading = f" → {amount_reading(suggestion.attrs)}"
        return (
            translate(
                "Suggestions", "Suggestion %1/%2: %3 “%4”%5. Enter accepts, X rejects, N goes on."
            )
            .replace("%1", str(number))
            .replace("%2", str(len(self._suggestions)))
            .replace("%3", self.label_name(suggestion.label))
            .replace("%4", short_text(suggestion.text))
            .replace("%5", reading)
        )

    def label_name(self, name: str) -> str:
        label = self.store.label_set().get(name)
        language = self.view.locale().name()[:2]
        return label.display_name(language) if label else name

    def _suggester_name(self, suggestion: Suggestion) -> str:
        if suggestion.suggester != "project-model":
            return suggestion.suggester
        return translate("Suggestions", "the project model, %1 % confident").replace(
            "%1", f"{suggestion.score * 100:.0f}"
        )

    def _show_current(self) -> None:
        suggestion = self._current
        positions = self.view.text_positions()
        if suggestion is None or positions is None:
            self.view.set_overlay(OVERLAY, [])
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.editor.document())
        cursor.setPosition(positions.to_qt(suggestion.start))
        cursor.setPosition(positions.to_qt(suggestion.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        text_format = QTextCharFormat()
        text_format.setBackground(blend(self.view.styles.colour(suggestion.label), 0.22))
        selection.format = text_format
        self.view.set_overlay(OVERLAY, [selection])

    def _on_current_span_changed(self, span_id: str) -> None:
        if span_id and self._current is not None:
            self._current = None
            self._show_current()
            self.view.editor.viewport().update()

    def _on_selection_changed(self) -> None:
        if self.view.editor.textCursor().hasSelection() and self._current is not None:
            self._current = None
            self._show_current()
            self.view.editor.viewport().update()

    def _suggestions_at(self, point: QPoint) -> list[Suggestion]:
        positions = self.view.text_positions()
        if positions is None:
            return []
        position = positions.to_code_point(self.view.editor.character_at(point))
        return [s for s in self._suggestions if s.start <= position < s.end]

    def _on_click(self, point: QPoint) -> None:
        if self.view.current_span_id():
            return  # the click picked a span of the user's own: spans come first
        under = self._suggestions_at(point)
        if under:
            self.make_current(under[0])
        elif self._current is not None:
            self.make_current(None)

    # -- keys and tooltips ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            return self._show_tooltip(event)
        return False

    def declared_keys(self) -> list[tuple[str, str]]:
        translate = QCoreApplication.translate
        return [
            (
                translate("ShortcutSheet", "N / Shift+N"),
                translate(
                    "ShortcutSheet", "Go to the next / previous suggestion (dashed outline)"
                ),
            ),
            (
                translate("ShortcutSheet", "Enter, or a label's key, on a suggestion"),
                translate("ShortcutSheet", "Accept it (with that label)"),
            ),
            (
                translate("ShortcutSheet", "X / Backspace, on a suggestion"),
                translate("ShortcutSheet", "Reject it: it is not proposed again"),
            ),
        ]

    def key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        self.typing.touch()
        if self._doc_id is None:
            return None
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_N and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            backwards = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            return lambda: self.cycle(-1 if backwards else 1)
        if self._current is None:
            return None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            return self.accept_current
        if key == Qt.Key.Key_Escape and plain:
            return lambda: self.make_current(None)
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and plain:
            return self.reject_current
        pressed = label_key(event)
        if pressed is not None:
            label = self.store.label_set().by_shortcut(pressed)
            if label is not None:
                name = label.name
                return lambda: self.accept_current(name)
            if pressed == "x":
                return self.reject_current
        return None

    def _show_tooltip(self, event: QEvent) -> bool:
        point = event.pos()  # type: ignore[attr-defined]
        under = self._suggestions_at(point)
        if not under:
            return False  # the view explains the spans
        positions = self.view.text_positions()
        assert positions is not None
        position = positions.to_code_point(self.view.editor.character_at(point))
        spans = [span for span in self.view.spans() if span.start <= position < span.end]
        if any(span.annotator == self.annotator for span in spans):
            return False
        lines = []
        for suggestion in under:
            reading = ""
            if suggestion.label == AMOUNT_LABEL:
                reading = f" → {amount_reading(suggestion.attrs)}"
            lines.append(
                translate("Suggestions", "Suggested %1%2 (%3)")
                .replace("%1", self.label_name(suggestion.label))
                .replace("%2", reading)
                .replace("%3", self._suggester_name(suggestion))
            )
        lines.append(translate("Suggestions", "Click it, then Enter to accept or X to reject."))
        QToolTip.showText(event.globalPos(), "\n".join(lines), self.view.editor)  # type: ignore[attr-defined]
        return True

    # -- drawing ------------------------------------------------------------------------

    def _paint(self, painter: QPainter, area: QRect) -> None:
        positions = self.view.text_positions()
        if not self._suggestions or positions is None:
            return
        editor = self.view.editor
        width = max(1.2, editor.bar_width() * 0.7)
        if self._drawn is None or self._drawn[0] is not positions:
            # Once per list, not on every paint: a long article has tens of thousands.
            self._drawn = (positions, [s.start for s in self._suggestions])
        _positions, starts = self._drawn
        for block, geometry in editor.visible_blocks(area):
            block_start = block.position()
            block_end = block_start + block.length() - 1
            # Suggestions are few and short; none starts more than a block before.
            first = max(0, bisect.bisect_left(starts, positions.to_code_point(block_start)) - 8)
            for suggestion in self._suggestions[first:]:
                start, end = positions.to_qt(suggestion.start), positions.to_qt(suggestion.end)
                if start >= block_end:
                    break
                if end <= block_start:
                    continue
                current = suggestion == self._current
                colour = self.view.styles.colour(suggestion.label).darker(125)
                pen = QPen(colour, width * (1.8 if current else 1.0))
                pen.setStyle(Qt.PenStyle.SolidLine if current else Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for rect in _line_rects(
                    block, geometry.topLeft(), start - block_start, end - block_start
                ):
                    painter.drawRoundedRect(rect.adjusted(-1.0, 0.5, 1.0, -0.5), 3.0, 3.0)


def _line_rects(block: QTextBlock, origin: QPointF, start: int, end: int) -> list[QRectF]:
    """The rectangles of a block's characters [start, end) (block-relative Qt positions),
    one per laid-out line, in the coordinates ``origin`` is in."""
    layout = block.layout()
    if layout is None:
        return []
    base = origin + layout.position()
    return [
        QRectF(
            base.x() + segment.left,
            base.y() + segment.line.y(),
            segment.right - segment.left,
            segment.line.height(),
        )
        for segment in line_segments(block, start, end)
    ]



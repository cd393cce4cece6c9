"""A span's typed attributes (a claim's verdict, a person's role): set from the span
panel by keys or the mouse, each change one undo step, and marked in the article.

Under the span list, the current span's attributes are listed, each with its key: in
the span panel, the key goes to that attribute (a choice opens its list), and Ctrl+Shift+V
from the article goes to the first one. A span with an attribute set gets a small
diamond at its start in the article, in its label's colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core import scheme
from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD_LAYER, Attribute, Label, Span
from annotator.core.review import decisions as review
from annotator.ui import i18n
from annotator.ui.article.span_commands import ChangeSpan, _fill
from annotator.ui.session import ProjectSession
from annotator.ui.text_display import short_text

if TYPE_CHECKING:
    from annotator.ui.shell.main_window import MainWindow

translate = QCoreApplication.translate


def value_text(definition: Attribute, value: Any, language: str) -> str:
    """A stored value as the interface shows it ("faux", "oui")."""
    if definition.kind == "yes/no":
        return translate("SpanAttributes", "yes") if value else translate("SpanAttributes", "no")
    if definition.kind == "choice":
        return definition.choice_name(value, language)
    return str(value)


def attributes_text(label: Label | None, attrs: dict[str, Any], language: str) -> str:
    """``Verdict: faux · Vérifié par: Léa`` for a span's row and tooltip."""
    if label is None:
        return ""
    return " · ".join(
        f"{d.display_name(language)}: {value_text(d, attrs[d.name], language)}"
        for d in label.attributes
        if d.name in attrs
    )


def attribute_values_text(label: Label | None, attrs: dict[str, Any], language: str) -> str:
    """``faux · Léa``: the values alone, for a span's row."""
    if label is None:
        return ""
    return " · ".join(
        value_text(d, attrs[d.name], language) for d in label.attributes if d.name in attrs
    )


class SetSpanAttribute(ChangeSpan):
    """One attribute of a span set (or cleared, value None); undo puts the span back."""

    def __init__(self, session: ProjectSession, span: Span, name: str, value: Any) -> None:
        super().__init__(session, "")
        self.before = span
        self.name = name
        self.value = value
        self.retranslate()

    def _definition(self) -> Attribute | None:
        label = self.store.label_set().get(self.before.label)
        return label.attribute(self.name) if label is not None else None

    def describe(self) -> str:
        definition = self._definition()
        language = i18n.current_language()
        name = definition.display_name(language) if definition else self.name
        if self.value is None:
            return _fill(
                translate("SpanAttributes", "Clear %1 of “%2”"), name, short_text(self.before.text)
            )
        shown = value_text(definition, self.value, language) if definition else str(self.value)
        return _fill(
            translate("SpanAttributes", "Set %1 of “%2” to %3"),
            name,
            short_text(self.before.text),
            shown,
        )

    def changes(self) -> dict[str, Any]:
        label = self.store.label_set().get(self.before.label)
        if label is None:
            raise scheme.SchemeError(f"no label {self.before.label!r}")
        current = self.store.span(self.before.id)
        return {"attrs": scheme.attrs_with(current, label, self.name, self.value)}


class AttributeEditor(QWidget):
    """The current span's attributes, one field each, under the span list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeEditor")
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.hint = QLabel()
        self.hint.setObjectName("attributeHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        self.span: Span | None = None
        self.label: Label | None = None
        self.fields: dict[str, QComboBox | QLineEdit] = {}
        self.on_edit: Any = None
        """Called with (span, attribute name, value) when the user changes a field."""
        self.setVisible(False)

    def show_span(self, span: Span | None, label: Label | None, language: str) -> None:
        same = (
            span is not None
            and self.span is not None
            and span.id == self.span.id
            and label == self.label
        )
        self.span, self.label = span, label
        if same and span is not None and label is not None:
            self._fill_values(span, label, language)
            return
        # Taken out and deleted later, not at once: the change that brings a new span
        # here may come from one of these very fields, still inside its key press.
        while self.form.rowCount():
            taken = self.form.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.fields.clear()
        if span is None or label is None or not label.attributes:
            self.setVisible(False)
            return
        self.heading.setText(
            translate("SpanAttributes", "Attributes of this %1").replace(
                "%1", label.display_name(language)
            )
        )
        for definition in label.attributes:
            field = self._field(definition, language)
            key = f"  [{definition.key.upper()}]" if definition.key else ""
            caption = QLabel(f"{definition.display_name(language)}{key}")
            caption.setBuddy(field)
            self.form.addRow(caption, field)
            self.fields[definition.name] = field
        self._fill_values(span, label, language)
        self.setVisible(True)

    def _field(self, definition: Attribute, language: str) -> QComboBox | QLineEdit:
        field: QComboBox | QLineEdit
        if definition.kind in ("choice", "yes/no"):
            field = QComboBox()
            field.addItem("—", None)
            if definition.kind == "yes/no":
                field.addItem(translate("SpanAttributes", "yes"), True)
                field.addItem(translate("SpanAttributes", "no"), False)
            else:
                for value in definition.choices:
                    field.addItem(definition.choice_name(value, language), value)
            field.activated.connect(
                lambda index, name=definition.name, box=field: self._edited(
                    name, box.itemData(index)
                )
            )
        else:
            field = QLineEdit()
            field.setClearButtonEnabled(True)
            if definition.kind == "number":
                field.setPlaceholderText(translate("SpanAttributes", "a number"))
            field.editingFinished.connect(
                lambda name=definition.name, line=field: self._edited(
                    name, line.text().strip() or None
                )
            )
        field.setObjectName(f"attribute_{definition.name}")
        field.installEventFilter(self)
        return field

    def _fill_values(self, span: Span, label: Label, language: str) -> None:
        for definition in label.attributes:
            field = self.fields.get(definition.name)
            value = span.attrs.get(definition.name)
            if isinstance(field, QComboBox):
                index = max(
                    0, next((i for i in range(1, field.count()) if field.itemData(i) == value), 0)
                )
                field.blockSignals(True)
                field.setCurrentIndex(index)
                field.blockSignals(False)
            elif isinstance(field, QLineEdit) and not field.hasFocus():
                field.setText("" if value is None else str(value))

    def _edited(self, name: str, value: Any) -> None:
        if self.span is None or self.on_edit is None:
            return
        if self.span.attrs.get(name) == value or (value is None and name not in self.span.attrs):
            return
        self.on_edit(self.span, name, value)

    def focus_attribute(self, key: str) -> bool:
        """Go to the attribute whose key is ``key`` (a choice opens its list)."""
        if self.label is None or not self.isVisible():
            return False
        for definition in self.label.attributes:
            if definition.key and definition.key == key.lower():
                field = self.fields[definition.name]
                field.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if isinstance(field, QComboBox):
                    field.showPopup()
                return True
        return False

    def focus_first(self) -> bool:
        if not self.fields:
            return False
        first = next(iter(self.fields.values()))
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not isinstance(watched, QLineEdit)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
            and event.text()
            and self.focus_attribute(event.text())
        ):
            return True
        return super().eventFilter(watched, event)


class AttributeMarkers:
    """A small diamond at the start of each span of the article with an attribute set."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = window.article_view
        self.marked: dict[str, str] = {}
        """span id -> its label, for the spans on show with a scheme attribute set."""
        self.view.editor.overlay_painters.append(self.paint)

    def refresh(self, changes: Changes | None = None) -> None:
        """Read the article's marks again, or, when ``changes`` holds the exact span
        edits, mark and unmark those spans alone (a label key on an article of 10,000
        spans must not read them all)."""
        label_set = self.window.label_set()
        doc_id = self.window.current_document_id()
        edits = changes.edits_in(doc_id) if changes is not None else []
        if changes is not None and edits and not changes.reloads(doc_id) and not changes.labels:
            for edit in edits:
                if edit.before is not None:
                    self.marked.pop(edit.before.id, None)
                after = edit.after
                if after is not None and scheme.scheme_attributes(
                    label_set.get(after.label), after.attrs
                ):
                    self.marked[after.id] = after.label
        else:
            with_attributes = [label.name for label in label_set.labels if label.attributes]
            stored = (
                self.window.store.spans_with_attributes(doc_id, with_attributes)
                if doc_id is not None
                else []
            )
            self.marked = {
                span.id: span.label
                for span in stored
                if scheme.scheme_attributes(label_set.get(span.label), span.attrs)
            }
        self.view.editor.viewport().update()

    def paint(self, painter: QPainter, area: QRect) -> None:
        positions = self.view.text_positions()
        styles = self.view.styles
        if positions is None or styles is None or not self.marked:
            return
        editor = self.view.editor
        size = max(3.0, editor.bar_width() * 1.4)
        painter.save()
        for span_id, label in self.marked.items():
            placed = self.view.placed_span(span_id)
            if placed is None:
                continue
            cursor = QTextCursor(editor.document())
            cursor.setPosition(positions.to_qt(placed.start))
            rect = QRectF(editor.cursorRect(cursor))
            if not rect.intersects(QRectF(area).adjusted(-20, -20, 20, 20)):
                continue
            centre = QPointF(rect.left(), rect.top() + size * 0.2)
            diamond = QPainterPath(centre + QPointF(0, -size))
            diamond.lineTo(centre + QPointF(size, 0))
            diamond.lineTo(centre + QPointF(0, size))
            diamond.lineTo(centre + QPointF(-size, 0))
            diamond.closeSubpath()
            colour = QColor(styles.colour(label))
            painter.setPen(QPen(colour.darker(160), 1))
            painter.setBrush(QBrush(colour))
            painter.drawPath(diamond)
        painter.restore()


class SpanAttributes(QObject):
    """Wires the editor, the markers and the key into the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = AttributeEditor()
        self.editor.on_edit = self.set_attribute
        panel_layout = window.span_panel.layout()
        assert isinstance(panel_layout, QVBoxLayout)
        panel_layout.insertWidget(panel_layout.count() - 1, self.editor)
        window.span_panel.tree.installEventFilter(self.editor)
        self.markers = AttributeMarkers(window)
        self._hints: dict[str, str] = {}
        """span id -> what the annotators gave, last shown with it (review)."""
        self.focus_action = QAction(window)
        self.focus_action.setObjectName("editSpanAttributes")
        self.focus_action.setShortcut("Ctrl+Shift+V")
        self.focus_action.triggered.connect(lambda _checked=False: self.focus_editor())
        window.document_menu.addAction(self.focus_action)
        window.article_view.currentSpanChanged.connect(lambda _span_id: self.show_current())
        window.session.changed.connect(self._on_changes)
        window.documentOpened.connect(lambda _doc_id: self.markers.refresh())
        self.retranslate()
        self.markers.refresh()

    def retranslate(self) -> None:
        self.focus_action.setText(translate("SpanAttributes", "Span &attributes"))
        self.show_current(force=True)

    def show_current(self, force: bool = False) -> None:
        span = self.window.article_view.current_span()
        if force:
            self.editor.span = None
        label = self.window.label_set().get(span.label) if span is not None else None
        hint = ""
        if span is not None and span.annotator != self.window.annotator:
            # In review, an annotator's span stands for its gold span: the reviewer
            # settles the attributes there, seeing what each annotator gave.
            span, hint = self._gold_for_review(span)
        self.editor.show_span(span, label, i18n.current_language())
        self.editor.hint.setText(hint)
        self.editor.hint.setVisible(bool(hint) and self.editor.isVisible())
        if span is not None:
            self._hints[span.id] = hint
        if span is not None and label is not None and label.attributes:
            self.editor.heading.setText(
                (
                    translate("SpanAttributes", "Gold attributes of this %1")
                    if span.annotator == GOLD_LAYER
                    else translate("SpanAttributes", "Attributes of this %1")
                ).replace("%1", label.display_name(i18n.current_language()))
            )

    def _gold_for_review(self, span: Span) -> tuple[Span | None, str]:
        review_mode = self.window.review_mode
        if not review_mode.active:
            return None, ""
        gold = next(
            (
                found
                for found in self.window.store.spans(span.doc_id, GOLD_LAYER)
                if (found.start, found.end, found.label) == (span.start, span.end, span.label)
            ),
            None,
        )
        disputes = [
            dispute
            for dispute in review.attribute_disagreements(
                self.window.store, span.doc_id, review_mode.annotators
            )
            if (dispute.start, dispute.end, dispute.label) == (span.start, span.end, span.label)
        ]
        label = self.window.label_set().get(span.label)
        language = i18n.current_language()
        lines = []
        for dispute in disputes:
            definition = label.attribute(dispute.attribute) if label is not None else None
            if definition is None:
                continue
            given = ", ".join(
                f"{name}: "
                + (
                    value_text(definition, value, language)
                    if value is not None
                    else translate("SpanAttributes", "not set")
                )
                for name, value in dispute.values.items()
            )
            lines.append(f"{definition.display_name(language)} — {given}")
        if gold is None:
            if lines:
                lines.append(translate("SpanAttributes", "Accept the span to settle them."))
            return None, "\n".join(lines)
        return gold, "\n".join(lines)

    def focus_editor(self) -> None:
        self.show_current()
        if not self.editor.focus_first():
            self.window.statusBar().showMessage(
                translate("SpanAttributes", "This span's label has no attributes."), 5000
            )

    def set_attribute(self, span: Span, name: str, value: Any) -> None:
        label = self.window.label_set().get(span.label)
        definition = label.attribute(name) if label is not None else None
        if definition is None:
            return
        if value is not None:
            try:
                value = definition.check_value(value)
            except ValueError as error:
                self.window.statusBar().showMessage(str(error), 8000)
                return
        try:
            stored = self.window.store.span(span.id)
        except AnnotatorError:
            return
        self.window.session.push(SetSpanAttribute(self.window.session, stored, name, value))

    def _on_changes(self, changes: Changes) -> None:
        current = self.window.current_document_id()
        step = changes.origin
        if isinstance(step, SetSpanAttribute) and not changes.labels:
            self._keep_editing(step)
            self.markers.refresh(changes)
        elif changes.labels or changes.touches(current):
            self.show_current(force=changes.labels)
            self.markers.refresh(changes)

    def _keep_editing(self, step: SetSpanAttribute) -> None:
        """After (or on undo of) an attribute change, the editor stays on that span and
        field, though the views redrawn around it (review's list) moved the selection."""
        try:
            span = self.window.store.span(step.before.id)
        except AnnotatorError:
            self.show_current()
            return
        label = self.window.label_set().get(span.label)
        hint = self._hints.get(span.id, "")
        language = i18n.current_language()
        heading = (
            translate("SpanAttributes", "Gold attributes of this %1")
            if span.annotator == GOLD_LAYER
            else translate("SpanAttributes", "Attributes of this %1")
        ).replace("%1", label.display_name(language) if label is not None else span.label)
        had_focus = any(field.hasFocus() for field in self.editor.fields.values())
        moved = self.editor.span is None or self.editor.span.id != span.id
        self.editor.show_span(span, label, i18n.current_language())
        self.editor.heading.setText(heading)
        self.editor.hint.setText(hint)
        self.editor.hint.setVisible(bool(hint))
        field = self.editor.fields.get(step.name)
        if field is not None and (moved or had_focus):
            field.setFocus(Qt.FocusReason.OtherFocusReason)

"""The label bar: each label's colour, name (in the interface language) and keys.

Clicking a label applies it to the selection. The buttons never take the keyboard
focus, so the selection in the article stays where it was. When the article column is
too narrow for one row, the labels wrap onto a second: none is ever hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from annotator.core.models import Label, LabelSet
from annotator.ui.text_display import as_typed


def colour_swatch(colour: str, size: int = 16, *, underline: bool = False) -> QIcon:
    """A square of the label's colour; statements (drawn as underlines) get a bar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(140))
    if underline:
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(1, size - 6, size - 2, 4, 1, 1)
        painter.setBrush(QColor(colour).lighter(170))
        painter.drawRoundedRect(1, 1, size - 2, size - 9, 2, 2)
    else:
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def shortcut_text(label: Label) -> str:
    return f"{label.key} · {label.letter.upper()}" if label.letter else label.key


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y = rect.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class LabelBar(QWidget):
    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        self.labels = QWidget()
        self.labels.setObjectName("labelButtons")
        self.flow = FlowLayout(self.labels)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.labels.setSizePolicy(policy)
        self.caption = QLabel()
        self.caption.setObjectName("hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.labels, 1)
        self.buttons: dict[str, QToolButton] = {}
        self.actions_by_label: dict[str, QAction] = {}

    def set_labels(self, label_set: LabelSet, language: str, caption: str) -> None:
        for button in self.buttons.values():
            self.flow.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        self.actions_by_label.clear()
        self.caption.setText(caption)
        for label in label_set.active:
            action = QAction(
                colour_swatch(label.color, 18, underline=label.kind == "statement"),
                f"{as_typed(label.display_name(language))}  "
                f"{shortcut_text(label).replace(' · ', '·')}",
                self,
            )
            action.setObjectName(f"label_{label.name}")
            action.setToolTip(label.display_name(language))
            action.triggered.connect(
                lambda _checked=False, name=label.name: self.labelClicked.emit(name)
            )
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(18, 18))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.flow.addWidget(button)
            self.buttons[label.name] = button
            self.actions_by_label[label.name] = action
        self.labels.updateGeometry()

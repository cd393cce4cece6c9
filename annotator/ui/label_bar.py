"""The label bar: each label's colour, name (in the interface language) and keys.

Clicking a label applies it to the selection. The buttons never take the keyboard
focus, so the selection in the article stays where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QToolButton, QWidget

from annotator.core.models import Label, LabelSet


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


class LabelBar(QWidget):
    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        # A tool bar folds the labels that do not fit into a » menu, so a narrow
        # window never forces the article to shrink or clips a label.
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("labelToolBar")
        self.toolbar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(18, 18))
        self.caption = QLabel()
        self.caption.setObjectName("hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.toolbar, 1)
        self.buttons: dict[str, QToolButton] = {}

    def set_labels(self, label_set: LabelSet, language: str, caption: str) -> None:
        self.toolbar.clear()
        self.buttons.clear()
        self.caption.setText(caption)
        for label in label_set.labels:
            action = QAction(
                colour_swatch(label.color, 18, underline=label.kind == "statement"),
                # Tight, so all five labels fit beside the article in French too.
                f"{label.display_name(language)}  {shortcut_text(label).replace(' · ', '·')}",
                self.toolbar,
            )
            action.setObjectName(f"label_{label.name}")
            action.setToolTip(label.display_name(language))
            action.triggered.connect(
                lambda _checked=False, name=label.name: self.labelClicked.emit(name)
            )
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self.buttons[label.name] = button

"""What a screen reader says of a dialog's standard buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox


def describe_buttons(box: QDialogButtonBox) -> None:
    """Describe a dialog's standard buttons, which Qt names by their text but leaves
    undescribed, so a screen reader says what pressing each one does."""
    translate = QCoreApplication.translate
    Role = QDialogButtonBox.ButtonRole  # noqa: N806 (Qt's enum)
    for button in box.buttons():
        role = box.buttonRole(button)
        if role in (Role.AcceptRole, Role.YesRole, Role.ApplyRole):
            description = translate("Accessibility", "Do what this dialog is for, and close it.")
        elif box.standardButton(button) == QDialogButtonBox.StandardButton.Close:
            description = translate("Accessibility", "Close this dialog.")
        else:
            description = translate("Accessibility", "Close this dialog without changing anything.")
        button.setAccessibleDescription(description)

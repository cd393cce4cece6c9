"""Keys typed in the article go to one handler, the one of highest priority that wants
them, and the shortcut sheet (F1) lists what each handler declares."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.ui.article.view import KeyPriority


class QuoteKeys:
    """A feature answering Q in the article, in front of tagging."""

    def __init__(self) -> None:
        self.pressed: list[str] = []

    def key_action(self, event):
        if event.key() == Qt.Key.Key_Q:
            return lambda: self.pressed.append("q")
        return None

    def declared_keys(self) -> list[tuple[str, str]]:
        return [("Q", "Quote the selection")]


def test_the_shortcut_sheet_lists_the_keys_every_handler_declares(
    qtbot, open_window, seeded_project
):
    window = open_window(seeded_project)
    window.article_view.add_key_handler(QuoteKeys(), KeyPriority.SUGGESTIONS)
    entries = window.show_shortcuts().entries()
    for listed in [
        ("Q", "Quote the selection"),
        ("Tab / Shift+Tab", "Select the next / previous span at the caret"),
        ("N / Shift+N", "Go to the next / previous suggestion (dashed outline)"),
        ("L, on a claim, denial or amount", "Link mode: show the spans it may be linked to"),
    ]:
        assert listed in entries
    # Tagging first, then suggestions, then link mode: the order of who is asked last.
    keys = [keys for keys, _does in entries]
    order = ["Tab / Shift+Tab", "N / Shift+N", "L, on a claim, denial or amount"]
    assert [keys.index(key) for key in order] == sorted(keys.index(key) for key in order)


def test_a_key_goes_to_the_handler_of_highest_priority_only(qtbot, open_window, seeded_project):
    window = open_window(seeded_project)
    editor = window.article_view.editor
    behind, in_front = QuoteKeys(), QuoteKeys()
    window.article_view.add_key_handler(behind, KeyPriority.TAGGING)
    window.article_view.add_key_handler(in_front, KeyPriority.LINK_MODE)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Q)
    assert (in_front.pressed, behind.pressed) == (["q"], [])

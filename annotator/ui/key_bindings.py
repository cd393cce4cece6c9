"""Which keys do what: the window's defaults, the user's own choices (kept in
Preferences) and the conflicts refused between them.

The defaults leave alone what desktops take before the window sees a key: GNOME, KDE,
Xfce, Cinnamon and Openbox switch desktops on Ctrl+Alt+arrows and send the window to
another desktop on Shift+Alt+arrows or Ctrl+Shift+Alt+arrows; Meta+arrows tile it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core.text.selection import Direction, Edge

if TYPE_CHECKING:
    from annotator.ui.preferences import Preferences

PORTABLE = QKeySequence.SequenceFormat.PortableText

# Moving a selected span's edges, one word (or character) at a time.
EDGE_MOVES: tuple[tuple[str, Edge, Direction, str], ...] = (
    ("moveSpanEndLeft", "end", "left", "Alt+Left"),
    ("moveSpanEndRight", "end", "right", "Alt+Right"),
    ("moveSpanStartLeft", "start", "left", "Alt+Up"),
    ("moveSpanStartRight", "start", "right", "Alt+Down"),
)


def edge_move_text(name: str) -> str:
    translate = QCoreApplication.translate
    return {
        "moveSpanEndLeft": translate("KeyBindings", "Move the selected span's end left"),
        "moveSpanEndRight": translate("KeyBindings", "Move the selected span's end right"),
        "moveSpanStartLeft": translate("KeyBindings", "Move the selected span's start left"),
        "moveSpanStartRight": translate("KeyBindings", "Move the selected span's start right"),
    }[name]


def default_edge_keys() -> dict[str, tuple[Edge, Direction]]:
    return {key: (edge, direction) for _name, edge, direction, key in EDGE_MOVES}


@dataclass(frozen=True)
class Binding:
    """One command the user can give a key: ``current`` are its keys now."""

    name: str
    text: str
    defaults: tuple[QKeySequence, ...]
    current: tuple[QKeySequence, ...]
    window_wide: bool
    """Answers anywhere in the window (so a bare letter would stop typing and tagging)."""


def needs_a_modifier(key: QKeySequence) -> bool:
    """A bare key (Shift aside) types, tags or moves the caret: only F-keys go alone."""
    if key.isEmpty():
        return False
    combination = key[0]  # type: ignore[index]
    held = combination.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier
    if held & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    ):
        return False
    return not Qt.Key.Key_F1.value <= combination.key().value <= Qt.Key.Key_F35.value


def shortcut_problem(
    bindings: Sequence[Binding], chosen: Mapping[str, Sequence[QKeySequence]]
) -> str | None:
    """Why ``chosen`` (keys by command) cannot be kept, in a sentence; None if it can."""
    translate = QCoreApplication.translate
    keys_of = {
        binding.name: list(chosen.get(binding.name, binding.current)) for binding in bindings
    }
    changed = {
        binding.name
        for binding in bindings
        if [k.toString(PORTABLE) for k in keys_of[binding.name]]
        != [k.toString(PORTABLE) for k in binding.current]
    }
    owner: dict[str, Binding] = {}
    for binding in bindings:
        for key in keys_of[binding.name]:
            shown = key.toString(QKeySequence.SequenceFormat.NativeText)
            if binding.name in changed and binding.window_wide and needs_a_modifier(key):
                return translate(
                    "KeyBindings",
                    "“%1” alone types, tags or moves in the article: give “%2” a key "
                    "with Ctrl or Alt, or a function key.",
                ).replace("%1", shown).replace("%2", binding.text)
            other = owner.get(key.toString(PORTABLE))
            if other is not None and {binding.name, other.name} & changed:
                return translate("KeyBindings", "“%1” is already the key of “%2”.").replace(
                    "%1", shown
                ).replace("%2", other.text if binding.name in changed else binding.text)
            owner[key.toString(PORTABLE)] = binding
    return None


class KeyBindings:
    """The window's configurable commands: its actions and the span edge moves."""

    def __init__(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self._actions: dict[str, QAction] = {}
        self._defaults: dict[str, tuple[QKeySequence, ...]] = {}
        self._edge_keys: dict[str, tuple[QKeySequence, ...]] = {}
        for name, _edge, _direction, key in EDGE_MOVES:
            self._defaults[name] = (QKeySequence(key),)
            self._edge_keys[name] = self._saved(name) or self._defaults[name]

    def _saved(self, name: str) -> tuple[QKeySequence, ...] | None:
        saved = self.preferences.shortcuts(name)
        return None if saved is None else tuple(QKeySequence(key) for key in saved)

    def add_actions(self, actions: Iterable[QAction]) -> None:
        """Take over these actions' keys: their own are the defaults, saved ones apply."""
        for action in actions:
            name = action.objectName()
            if not name or name in self._actions:
                continue
            self._actions[name] = action
            self._defaults[name] = tuple(action.shortcuts())
            saved = self._saved(name)
            if saved is not None:
                action.setShortcuts(list(saved))

    def edge_keys(self) -> dict[str, tuple[Edge, Direction]]:
        """Portable key text -> the edge it moves and where, for the article view."""
        return {
            key.toString(PORTABLE): (edge, direction)
            for name, edge, direction, _default in EDGE_MOVES
            for key in self._edge_keys[name]
        }

    def edge_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for each edge move, as the F1 sheet lists them."""
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (
                " / ".join(key.toString(native) for key in self._edge_keys[name]),
                edge_move_text(name),
            )
            for name, _edge, _direction, _key in EDGE_MOVES
            if self._edge_keys[name]
        ]

    def commands(self) -> list[Binding]:
        found = [
            Binding(name, edge_move_text(name), self._defaults[name], self._edge_keys[name], True)
            for name, _edge, _direction, _key in EDGE_MOVES
        ]
        for name, action in self._actions.items():
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            found.append(
                Binding(
                    name,
                    text.rstrip("…").strip(),
                    self._defaults[name],
                    tuple(action.shortcuts()),
                    action.shortcutContext() == Qt.ShortcutContext.WindowShortcut,
                )
            )
        return found

    def apply(self, chosen: Mapping[str, Sequence[QKeySequence]]) -> None:
        """Use and keep ``chosen`` (checked by ``shortcut_problem`` first)."""
        for name, keys in chosen.items():
            keys = tuple(key for key in keys if not key.isEmpty())
            if name in self._edge_keys:
                self._edge_keys[name] = keys
            elif name in self._actions:
                self._actions[name].setShortcuts(list(keys))
            else:
                continue
            texts = [key.toString(PORTABLE) for key in keys]
            defaults = [key.toString(PORTABLE) for key in self._defaults[name]]
            self.preferences.set_shortcuts(name, None if texts == defaults else texts)
        self.preferences.sync()

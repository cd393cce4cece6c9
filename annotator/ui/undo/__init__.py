"""Undo and redo in the window."""

"""Positions in a document's text: offsets, selections, spans found by position."""

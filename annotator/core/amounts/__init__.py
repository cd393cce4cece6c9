"""Amounts in news text, read as numbers with their currency."""

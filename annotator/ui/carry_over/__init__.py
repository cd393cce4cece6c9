"""Carrying spans over to an article's corrected version."""

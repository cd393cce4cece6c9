"""Suggestions drawn in the article and taken by key."""

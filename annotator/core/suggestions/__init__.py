"""Suggestions: spans the project proposes and the user accepts or rejects."""

"""Reviewing colleagues' layers into gold, and how far they agree."""

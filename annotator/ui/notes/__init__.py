"""annotator.ui.notes"""

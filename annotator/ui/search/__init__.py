"""annotator.ui.search"""

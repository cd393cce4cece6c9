"""annotator.ui.scheme"""

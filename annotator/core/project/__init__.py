"""Projects as a whole: merging a colleague's, installing the app on a desktop."""

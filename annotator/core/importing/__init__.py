"""Importing what a user hands over: articles, archives and other tools' files."""

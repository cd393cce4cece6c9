"""annotator: tag claims, denials, amounts, people and organisations in news articles."""

__version__ = "0.1.0"

"""The article: reading, tagging, drawing spans, the span panel."""

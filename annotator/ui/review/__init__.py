"""Review mode: settling disagreements into gold, and agreement figures."""

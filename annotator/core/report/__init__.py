"""The editorial report for editors and fact-checkers."""

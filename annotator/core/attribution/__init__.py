"""Who said what: links between spans and the claim ledger."""

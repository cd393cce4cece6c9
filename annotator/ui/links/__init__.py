"""Attribution in the window: link mode, the link panel, markers, the ledger."""

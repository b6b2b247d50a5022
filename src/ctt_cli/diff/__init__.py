"""Plan data at two revisions compared by meaning, and the Vietnamese sentences that describe it."""

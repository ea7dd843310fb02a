"""Other outputs of what leaves a case (RSMF for review platforms)."""

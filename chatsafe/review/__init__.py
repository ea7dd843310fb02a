"""Review: labels on conversations and messages, contact rules, lexicons, the review log."""

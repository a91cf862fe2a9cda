"""The steward's audit: review decisions, re-identification risk, near-misses and sign-off."""

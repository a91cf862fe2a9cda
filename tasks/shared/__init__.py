"""The ground floor: keys and pseudonyms, contracts, decisions, quarantine records, staging."""

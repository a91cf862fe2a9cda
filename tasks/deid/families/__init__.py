"""Recognizer families, one module per country or kind, registered once in deid.registry."""

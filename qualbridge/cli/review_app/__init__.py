"""The steward's review in a browser: a local web app over a run's warehouse (on site only)."""

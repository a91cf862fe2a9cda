"""The `qualbridge` command line (entry point `qualbridge.cli:app`)."""

from qualbridge.cli.app import app

__all__ = ["app"]

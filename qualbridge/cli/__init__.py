"""The `qualbridge` command line (entry point `qualbridge.cli:main`, which runs `app`)."""

from qualbridge.cli.app import app
from qualbridge.cli.quick_exit import main

__all__ = ["app", "main"]

"""`python -m qualbridge.cli`: the same as the `qualbridge` command."""

from qualbridge.cli.app import app

app()

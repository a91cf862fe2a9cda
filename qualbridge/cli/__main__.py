"""`python -m qualbridge.cli`: the same as the `qualbridge` command."""

from qualbridge.cli.quick_exit import main

main()

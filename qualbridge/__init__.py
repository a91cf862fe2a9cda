"""qualbridge: de-identify qualitative transcripts, check them, and compare theme coverage.

The project's folders install under this one name: `qualbridge.flows`, `qualbridge.tasks`,
`qualbridge.schemas` and the command line, `qualbridge.cli`.
"""

from qualbridge.environment import configure_environment

__version__ = "0.1.0"
__all__ = ["__version__", "configure_environment"]

configure_environment()

"""qualbridge's Prefect flows and its command-line interface."""

from flows.environment import configure_environment

configure_environment()

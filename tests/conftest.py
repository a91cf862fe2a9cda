"""Test-session settings: Prefect's state goes to a temporary folder the tests can inspect."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before any Prefect import: a private PREFECT_HOME, so tests can prove nothing leaks into it.
PREFECT_HOME = Path(tempfile.mkdtemp(prefix="qualbridge-test-prefect-"))
os.environ["PREFECT_HOME"] = str(PREFECT_HOME)
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["GX_ANALYTICS_ENABLED"] = "false"
# A loaded machine can take longer than Prefect's default to start the temporary server.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
# Prefect logs the temporary server's shutdown after pytest has closed the captured streams.
os.environ["PREFECT_LOGGING_LEVEL"] = "ERROR"
# Rich wraps messages at the terminal width; long temporary paths must not split in assertions.
os.environ["COLUMNS"] = "400"

FIXTURES = Path(__file__).parent / "fixtures"
TEST_KEY = "test-consortium-key-6f1d2a9c0b7e"

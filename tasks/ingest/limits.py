"""Size limits that every ingest parser enforces before it trusts a file.

The limits are the config's `ingest` block itself (one source): `IngestLimits` is its model.
"""

from __future__ import annotations

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.schemas.config import IngestConfig as IngestLimits

__all__ = ["DEFAULT_LIMITS", "MAX_FILE_BYTES", "IngestLimits", "ingest_limits"]

DEFAULT_LIMITS = IngestLimits()
MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes


def ingest_limits(config: ConsortiumConfig) -> IngestLimits:
    """The config's ingest limits as the parsers take them."""
    return config.ingest

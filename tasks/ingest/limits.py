"""Size limits that every ingest parser enforces before it trusts a file."""

from __future__ import annotations

from dataclasses import dataclass, fields

from qualbridge.schemas.config import ConsortiumConfig

MIB = 1024 * 1024
MAX_FILE_BYTES = 50 * MIB


@dataclass(frozen=True)
class IngestLimits:
    """Upper bounds on what a parser reads; a file over any of them is refused, not trimmed."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_zip_entries: int = 2_000
    max_uncompressed_bytes: int = 200 * MIB
    max_compression_ratio: float = 100.0
    max_line_chars: int = 100_000

    def __post_init__(self) -> None:
        for limit in fields(self):
            if getattr(self, limit.name) <= 0:
                raise ValueError(f"{limit.name} must be positive")


DEFAULT_LIMITS = IngestLimits()


def ingest_limits(config: ConsortiumConfig) -> IngestLimits:
    """The config's ingest limits as the parsers take them."""
    return IngestLimits(**config.ingest.model_dump())

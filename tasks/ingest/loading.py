"""Read a source file's bytes or text within the ingest limits, raising ParseError."""

from __future__ import annotations

from pathlib import Path

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.reading import SourceError, decode_text, read_bytes
from qualbridge.tasks.ingest.turns import ParseError


def load_bytes(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes; missing, empty and oversized files are refused."""
    try:
        return read_bytes(Path(path), limits.max_file_bytes)
    except SourceError as exc:
        raise ParseError(str(exc)) from None


def to_text(data: bytes) -> str:
    """Decode bytes as a text transcript (UTF-8, or UTF-16 with BOM) into NFC with LF endings."""
    try:
        return decode_text(data)
    except SourceError as exc:
        raise ParseError(str(exc)) from None


def load_text(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> str:
    """The file decoded as a text transcript."""
    return to_text(load_bytes(path, limits))

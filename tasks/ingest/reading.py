"""Read a source file into normalised text: known encodings, NFC, LF line endings."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024


class SourceError(ValueError):
    """A source file that cannot be used; the message names the problem, never the content."""


def content_hash(data: bytes) -> str:
    """SHA-256 of the raw bytes: the identity of a file version."""
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, refusing missing, empty and oversized files with a clear reason."""
    if not path.is_file():
        raise SourceError("file not found")
    size = path.stat().st_size
    if size == 0:
        raise SourceError("file is empty")
    if size > max_bytes:
        raise SourceError(f"file is {size} bytes, over the limit of {max_bytes}")
    return path.read_bytes()


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; normalise to NFC and LF."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
        if b"\x00" in data:
            raise SourceError("binary content (NUL bytes), not a text transcript")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid {encoding.upper()} (bad byte at offset {exc.start})"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)

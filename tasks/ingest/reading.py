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


def detect_encoding(data: bytes) -> str:
    """UTF-16 by its BOM, else UTF-8 (BOM optional), else Windows-1252 if every byte is defined.

    Word and older transcription tools on Windows save cp1252; a file that is neither raises.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in data:
        raise SourceError("binary content (NUL bytes), not a text transcript")
    try:
        data.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        raise SourceError(
            f"neither UTF-8 nor Windows-1252 text (bad byte at offset {utf8_error.start})"
        ) from None


def decode_text(data: bytes) -> str:
    """Decode with the detected encoding; normalise to NFC and LF line endings."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid UTF-16 (bad byte at offset {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)

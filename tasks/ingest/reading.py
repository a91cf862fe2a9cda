"""Decode a source file's bytes into normalised text: known encodings, NFC, LF line endings."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from qualbridge.tasks.ingest.turns import ParseError


class SourceError(ValueError):
    """A source file that cannot be used; the message names the problem, never the content."""


def content_hash(data: bytes) -> str:
    """SHA-256 of the raw bytes: the identity of a file version."""
    return hashlib.sha256(data).hexdigest()


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


def to_text(data: bytes) -> str:
    """decode_text for parsers: the same text, or a ParseError with the same reason."""
    try:
        return decode_text(data)
    except SourceError as exc:
        raise ParseError(str(exc)) from None

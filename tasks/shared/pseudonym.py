"""Keyed pseudonyms and audit digests: HMAC of the normalised value under the consortium key."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

PSEUDONYM_HEX = 8
DIGEST_HEX = 16
_TITLES = re.compile(r"^(?:dr|mr|mrs|ms|miss|mx|prof|nurse|sister)\.?\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalise_value(value: str) -> str:
    """Case-, space- and title-insensitive form, so 'Dr  Khan' and 'khan' meet; digits unspaced."""
    text = unicodedata.normalize("NFKC", value).casefold().strip()
    if sum(ch.isdigit() for ch in text) >= 6 and not re.search(r"[a-z]", text):
        return _national_number(text)
    text = _EDGE_PUNCT.sub("", text)
    text = _TITLES.sub("", text)
    return _SPACES.sub(" ", text)


def _national_number(text: str) -> str:
    """Digits without a +44 or 0044 prefix or trunk zeros: '+44 (0)7700 900123' -> '7700900123'."""
    digits = re.sub(r"\D", "", text)
    if text.startswith("+44"):
        digits = digits[2:]
    elif text.startswith("0044"):
        digits = digits[4:]
    return digits.lstrip("0")


def _mac(key: bytes, purpose: str, value: str) -> str:
    message = f"{purpose}\x1f{normalise_value(value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def pseudonym(key: bytes, entity_type: str, value: str) -> str:
    """The replacement tag, e.g. [PERSON-3f9a1c2b]; the hex depends only on key and value."""
    return f"[{entity_type}-{_mac(key, 'pseudonym', value)[:PSEUDONYM_HEX]}]"


def value_digest(key: bytes, value: str) -> str:
    """Keyed digest for the audit trail: joins repeated values without revealing them."""
    return _mac(key, "audit", value)[:DIGEST_HEX]


def keyed_id(key: bytes, prefix: str, value: str) -> str:
    """An id-like stand-in for a value that may name someone, e.g. coder-3f9a1c2b."""
    return f"{prefix}-{_mac(key, prefix, value)[:PSEUDONYM_HEX]}"

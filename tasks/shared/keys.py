"""The consortium key: where it comes from, and a fingerprint that is safe to show."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

MIN_KEY_BYTES = 16


class ConsortiumKeyError(RuntimeError):
    """The consortium key is missing or unusable."""


def load_key(env_var: str = "QUALBRIDGE_KEY", key_file: Path | None = None) -> bytes:
    """Return the key from the variable, else from the file named by <VAR>_FILE or the config."""
    value = os.environ.get(env_var)
    source = f"environment variable {env_var}"
    named_file = os.environ.get(f"{env_var}_FILE") or key_file
    if not value and named_file:
        path = Path(named_file).expanduser()
        if not path.is_file():
            raise ConsortiumKeyError(
                f"no consortium key: {env_var} is unset and {path} does not exist"
            )
        value = path.read_text(encoding="utf-8").strip()
        source = f"key file {path}"
    if not value:
        raise ConsortiumKeyError(
            f"no consortium key: set {env_var} or name a key_file in the config"
        )
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConsortiumKeyError(
            f"the consortium key from {source} is shorter than {MIN_KEY_BYTES} bytes"
        )
    return key


def key_fingerprint(key: bytes) -> str:
    """A short public fingerprint: sites compare it to know they share the same key."""
    return hashlib.sha256(b"qualbridge-key-fingerprint:" + key).hexdigest()[:16]


def create_key_file(path: Path) -> bool:
    """Write a new random key to path (mode 600) unless one exists; return True if created."""
    path = Path(path).expanduser()
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return True

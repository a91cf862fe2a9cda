"""Release manifests signed with a subkey of the consortium key, so nobody without it can forge one.

The signature is an HMAC-SHA256 over the whole manifest (every field, and through `files` every
file's SHA-256 and row count); each file's entry also carries its own HMAC, so a refusal can name
the file whose digest was rewritten. The subkey is HMAC(key, "qualbridge-release-manifest"): the
consortium key itself signs nothing, and pseudonyms and signatures can never collide.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

SIGNATURE = "signature"
ALGORITHM = "HMAC-SHA256"
SUBKEY_LABEL = b"qualbridge-release-manifest"


class SignatureError(ValueError):
    """A manifest whose signature is missing or does not verify; names what failed."""


def manifest_subkey(key: bytes) -> bytes:
    """The signing key of release manifests, derived from the consortium key."""
    return hmac.new(key, SUBKEY_LABEL, hashlib.sha256).digest()


def sign_manifest(manifest: dict[str, Any], key: bytes) -> dict[str, Any]:
    """The manifest with a MAC on each file entry and a signature over everything."""
    subkey = manifest_subkey(key)
    files = {
        name: {**entry, "mac": _file_mac(subkey, name, entry)}
        for name, entry in manifest["files"].items()
    }
    signed = {k: v for k, v in manifest.items() if k != SIGNATURE} | {"files": files}
    signed[SIGNATURE] = {"algorithm": ALGORITHM, "value": _mac(subkey, _canonical(signed))}
    return signed


def verify_manifest(manifest: dict[str, Any], key: bytes) -> None:
    """Raise SignatureError unless the manifest was signed with this consortium key."""
    signature = manifest.get(SIGNATURE)
    if not isinstance(signature, dict) or signature.get("algorithm") != ALGORITHM:
        raise SignatureError("the manifest is not signed (made by an older qualbridge?)")
    subkey = manifest_subkey(key)
    files = manifest.get("files")
    for name, entry in (files or {}).items() if isinstance(files, dict) else ():
        if not isinstance(entry, dict) or not hmac.compare_digest(
            str(entry.get("mac", "")), _file_mac(subkey, name, entry)
        ):
            raise SignatureError(f"the entry of {name} is not signed by the consortium key")
    body = {k: v for k, v in manifest.items() if k != SIGNATURE}
    if not hmac.compare_digest(str(signature.get("value", "")), _mac(subkey, _canonical(body))):
        raise SignatureError("its signature does not match its fields")


def _file_mac(subkey: bytes, name: str, entry: dict[str, Any]) -> str:
    fields = {"name": name, "rows": entry.get("rows"), "sha256": entry.get("sha256")}
    return _mac(subkey, _canonical(fields))


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def _mac(subkey: bytes, data: bytes) -> str:
    return hmac.new(subkey, data, hashlib.sha256).hexdigest()

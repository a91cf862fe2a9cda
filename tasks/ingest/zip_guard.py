"""Open zip containers (.docx, .qdpx) in memory only after checking them for bombs and escapes."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.turns import ParseError

# Small members of any real document can compress very well; the ratio only says
# "bomb" for members large enough to matter.
RATIO_MIN_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _name_problem(name: str) -> str | None:
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        return "has an absolute path"
    if ".." in path.split("/"):
        return "has a path leading outside the archive ('..')"
    return None


def open_archive(data: bytes, kind: str, limits: IngestLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open a zip held in memory once its entry count, names and sizes are within limits."""
    # Messages name entries by index: names in a hostile or personal archive can say anything.
    if len(data) > limits.max_file_bytes:
        raise ParseError(f"file is {len(data)} bytes, over the limit of {limits.max_file_bytes}")
    if data.startswith(_OLE_MAGIC):
        raise ParseError(f"not a readable {kind} (an encrypted or legacy Office file)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ParseError(
            f"not a readable {kind} (not a zip archive: {type(exc).__name__})"
        ) from None
    entries = archive.infolist()
    if len(entries) > limits.max_zip_entries:
        raise ParseError(
            f"archive has {len(entries)} entries, over the limit of {limits.max_zip_entries}"
        )
    seen: set[str] = set()
    total = 0
    for index, info in enumerate(entries, start=1):
        problem = _name_problem(info.filename)
        if problem:
            raise ParseError(f"archive entry {index} {problem}")
        if info.filename in seen:
            raise ParseError(f"archive entry {index} repeats the name of an earlier entry")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise ParseError(f"archive entry {index} is encrypted")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > limits.max_compression_ratio:
            raise ParseError(
                f"archive entry {index} expands {ratio:.0f}-fold, over the limit of "
                f"{limits.max_compression_ratio:g} (zip bomb?)"
            )
        total += info.file_size
    # zipfile never returns more than an entry's declared size (it stops there and fails
    # the CRC check), so the declared sizes bound what any reader of this archive inflates.
    if total > limits.max_uncompressed_bytes:
        raise ParseError(
            f"archive unpacks to {total} bytes, over the limit of {limits.max_uncompressed_bytes}"
        )
    return archive


def read_member(
    archive: zipfile.ZipFile, name: str, limits: IngestLimits = DEFAULT_LIMITS
) -> bytes:
    """One member's bytes, read in memory in chunks and refused past the uncompressed limit."""
    index = archive.namelist().index(name) + 1
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > limits.max_uncompressed_bytes:
                    raise ParseError(
                        f"archive entry {index} unpacks past the limit of "
                        f"{limits.max_uncompressed_bytes} bytes"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise ParseError(f"archive entry {index} is corrupt ({type(exc).__name__})") from None
    return b"".join(chunks)

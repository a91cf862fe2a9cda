"""Tests of the ingest limits and the zip checks that apply them."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, MAX_FILE_BYTES, IngestLimits
from qualbridge.tasks.ingest.turns import ParseError
from qualbridge.tasks.ingest.zip_guard import open_archive, read_member
from tests.tasks.ingest.builders import zip_bytes


@pytest.mark.parametrize(
    ("field", "value", "valid"),
    [
        pytest.param("max_line_chars", 1, True, id="one"),
        pytest.param("max_compression_ratio", 2.5, True, id="fractional-ratio"),
        pytest.param("max_line_chars", 0, False, id="zero"),
        pytest.param("max_zip_entries", -1, False, id="negative"),
        pytest.param("max_compression_ratio", 0.0, False, id="zero-ratio"),
    ],
)
def test_limits_must_be_positive(field: str, value: float, valid: bool) -> None:
    if valid:
        assert getattr(IngestLimits(**{field: value}), field) == value
    else:
        with pytest.raises(ValueError, match=f"{field}\n  Input should be greater than 0"):
            IngestLimits(**{field: value})


def test_default_file_size_matches_the_source_reader() -> None:
    assert DEFAULT_LIMITS.max_file_bytes == MAX_FILE_BYTES


@pytest.mark.parametrize(
    ("members", "limits", "fragment"),
    [
        pytest.param([("a\\..\\..\\b", b"")], None, "leading outside", id="backslash-dotdot"),
        pytest.param([("\\\\server\\share", b"")], None, "absolute path", id="unc"),
        pytest.param([("d:/x", b"")], None, "absolute path", id="drive"),
        pytest.param(
            [("ok.txt", b"x" * 2000)], IngestLimits(max_file_bytes=10), "over the", id="size"
        ),
        pytest.param(
            [("ok.txt", b"\0" * 2 * 1024 * 1024)],
            IngestLimits(max_compression_ratio=50),
            "expands",
            id="ratio",
        ),
    ],
)
def test_open_archive_refusals(
    members: list[tuple[str, bytes]], limits: IngestLimits | None, fragment: str
) -> None:
    with pytest.raises(ParseError) as info:
        open_archive(zip_bytes(members), ".zip", limits or DEFAULT_LIMITS)

    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("size", "ratio_limit"),
    [
        pytest.param(900 * 1024, 100.0, id="just-under-the-ratio-floor"),
        pytest.param(64 * 1024, 2.0, id="small-member-any-ratio"),
    ],
)
def test_small_members_may_compress_well(size: int, ratio_limit: float) -> None:
    limits = IngestLimits(max_compression_ratio=ratio_limit)
    archive = open_archive(zip_bytes([("a.txt", b"\0" * size)]), ".zip", limits)

    assert len(read_member(archive, "a.txt", limits)) == size


def test_read_member_stops_at_the_uncompressed_limit() -> None:
    data = zip_bytes([("a.txt", b"x" * 5000)])
    archive = open_archive(data, ".zip")

    with pytest.raises(ParseError, match="archive entry 1 unpacks past the limit of 1000"):
        read_member(archive, "a.txt", IngestLimits(max_uncompressed_bytes=1000))

"""Tests of decoding source bytes into normalised text."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from qualbridge.tasks.ingest.reading import SourceError, content_hash, decode_text

E_ACUTE_COMPOSED = "\u00e9"  # é as one code point
E_ACUTE_DECOMPOSED = "e\u0301"  # e + combining acute accent


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Interviewer: hello", "Interviewer: hello", id="plain-ascii"),
        pytest.param(
            "Caf\u00e9 r\u00e9sum\u00e9".encode(), "Caf\u00e9 r\u00e9sum\u00e9", id="utf8"
        ),
        pytest.param(codecs.BOM_UTF8 + b"Participant: yes", "Participant: yes", id="utf8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + "Client: caf\u00e9".encode("utf-16-le"),
            "Client: caf\u00e9",
            id="utf16-le-bom",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "Client: caf\u00e9".encode("utf-16-be"),
            "Client: caf\u00e9",
            id="utf16-be-bom",
        ),
        pytest.param(b"a\r\nb\r\nc", "a\nb\nc", id="crlf-to-lf"),
        pytest.param(b"a\rb\rc", "a\nb\nc", id="cr-to-lf"),
        pytest.param(b"a\r\n\r\nb\rc\n", "a\n\nb\nc\n", id="mixed-line-endings"),
        pytest.param(
            codecs.BOM_UTF16_LE + "x\r\ny".encode("utf-16-le"), "x\ny", id="utf16-crlf-to-lf"
        ),
    ],
)
def test_decode_text_accepts_known_encodings(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


def test_decode_text_strips_the_bom_character() -> None:
    assert not decode_text(codecs.BOM_UTF8 + b"abc").startswith("\ufeff")
    assert not decode_text(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le")).startswith("\ufeff")


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf8"),
        pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), id="utf16-be"),
    ],
)
def test_decode_text_normalises_to_nfc(encode) -> None:
    decomposed = f"caf{E_ACUTE_DECOMPOSED}"
    assert len(decomposed) == 5

    text = decode_text(encode(decomposed))

    assert text == f"caf{E_ACUTE_COMPOSED}"
    assert len(text) == 4
    assert "\u0301" not in text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Interviewer: hi\x00there", id="nul-in-middle"),
        pytest.param(b"\x00", id="only-nul"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png-header"),
    ],
)
def test_decode_text_refuses_nul_bytes(data: bytes) -> None:
    with pytest.raises(SourceError, match="NUL"):
        decode_text(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"Participant: I said \x93no\x94 \x96 twice",
            "Participant: I said \u201cno\u201d \u2013 twice",
        ),
        (b"Client: it cost \xa35 at the caf\xe9", "Client: it cost \u00a35 at the caf\u00e9"),
    ],
)
def test_windows_1252_text_is_detected(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        # 0x81 and 0x8d are undefined in Windows-1252 too, so these are neither encoding.
        pytest.param(b"\x81 secret-name Bethany", 0, id="bad-first-byte"),
        pytest.param(b"Participant: Bethany \xe9 lives \x8d here", 21, id="latin1-byte"),
        pytest.param(b"Client: Okafor \xc3( \x81", 15, id="truncated-sequence"),
    ],
)
def test_decode_text_names_the_bad_offset_but_not_the_content(data: bytes, offset: int) -> None:
    with pytest.raises(SourceError) as info:
        decode_text(data)

    message = str(info.value)
    assert f"offset {offset}" in message
    for word in ("Bethany", "Okafor", "secret", "Participant", "Client", "lives"):
        assert word not in message


@pytest.mark.parametrize("data", [b"", b"abc", "caf\u00e9".encode()])
def test_content_hash_is_sha256_of_the_bytes(data: bytes) -> None:
    assert content_hash(data) == hashlib.sha256(data).hexdigest()

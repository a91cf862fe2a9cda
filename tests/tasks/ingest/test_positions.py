"""Tests of mapping positions in a source's stored text onto the normalised text."""

from __future__ import annotations

import unicodedata

import pytest

from qualbridge.tasks.ingest.positions import normalise_with_offsets


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("a\r\nb", "a\nb", id="crlf"),
        pytest.param("a\rb\r", "a\nb\n", id="lone-cr"),
        pytest.param("cafe\u0301 ok", "café ok", id="combining-accent"),
        pytest.param("I 😀 you\r\n🇬🇧 x", "I 😀 you\n🇬🇧 x", id="non-bmp"),
        pytest.param("", "", id="empty"),
    ],
)
def test_text_is_normalised_like_every_other_source(raw: str, expected: str) -> None:
    text, offsets = normalise_with_offsets(raw)

    assert text == expected
    assert len(offsets) == len(raw) + 1
    assert offsets[-1] == len(text)


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        pytest.param("one\r\ntwo\r\nthree", "three", id="after-two-crlf"),
        pytest.param("cafe\u0301\r\nme\u0301lange here", "here", id="after-composed-accents"),
        pytest.param("😀😀 \r\nhello 😀", "hello", id="after-emoji"),
    ],
)
def test_a_word_keeps_covering_the_same_word(raw: str, word: str) -> None:
    text, offsets = normalise_with_offsets(raw)
    start = raw.index(word)

    assert text[offsets[start] : offsets[start + len(word)]] == word


def test_positions_inside_a_crlf_land_on_its_lf() -> None:
    text, offsets = normalise_with_offsets("ab\r\ncd")

    assert (offsets[2], offsets[3], offsets[4]) == (2, 2, 3)
    assert text[offsets[4]] == "c"


def test_a_composed_character_is_covered_whole() -> None:
    raw = "e\u0301t\u00e9"
    text, offsets = normalise_with_offsets(raw)

    assert text == unicodedata.normalize("NFC", raw)
    assert text[offsets[0] : offsets[2]] == "é"

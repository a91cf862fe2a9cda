"""Long texts: split at natural boundaries, analysed in pieces, offsets into the whole text."""

from __future__ import annotations

import pytest

import qualbridge.tasks.deid.engine as engine_module
from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.splitting import split_text

KEY = b"splitting-test-key-0123456789"


@pytest.mark.parametrize(
    ("text", "max_chars"),
    [
        ("short text", 100),
        ("First line.\nSecond line.\nThird line.\n" * 20, 50),
        ("One sentence. Another one! A third? " * 40, 64),
        ("word " * 500, 37),
        ("x" * 1000, 64),  # no boundary at all: hard cut
    ],
)
def test_pieces_cover_the_text_exactly_and_respect_the_limit(text: str, max_chars: int) -> None:
    pieces = split_text(text, max_chars)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= max_chars for _, piece in pieces)
    assert [offset for offset, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]


def test_cuts_prefer_line_ends_over_spaces() -> None:
    text = "Interviewer: how are you doing today then\nParticipant: fine thanks\n" * 5
    assert all(piece.endswith("\n") for _, piece in split_text(text, 80)[:-1])


def test_long_text_is_analysed_in_pieces_with_offsets_intact(monkeypatch) -> None:
    monkeypatch.setattr(engine_module, "MAX_CHUNK_CHARS", 200)
    filler = "We talked about the week and how things had been going at home. "
    text = filler * 6 + "My sister, Bethany, rang me on 07700 900123.\n" + filler * 6
    deid = Deidentifier(DeidConfig(), KEY)

    [result] = deid.deidentify([text])

    found = {text[d.start : d.end] for d in result.detections}
    assert {"Bethany", "07700 900123"} <= found
    assert "Bethany" not in result.text and "900123" not in result.text


def test_control_characters_do_not_hide_identifiers_or_shift_offsets() -> None:
    text = "Call\x00me on\x1b 07700 900123,\x07 love Bethany"
    [result] = Deidentifier(DeidConfig(), KEY).deidentify([text])
    found = {text[d.start : d.end] for d in result.detections}
    assert {"07700 900123", "Bethany"} <= found

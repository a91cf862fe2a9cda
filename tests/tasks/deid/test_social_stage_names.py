"""Stage names: a prefix ('DJ', 'MC', 'Lil') and the capitalised name after it."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.stage_names import find_stage_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("that set by DJ Okoro was unreal", ["DJ Okoro"]),
        ("new track from Lil Pesto tonight", ["Lil Pesto"]),
        ("MC Brennan Doyle on the mic", ["MC Brennan Doyle"]),
        ("Lil' Kemi dropped a verse", ["Lil' Kemi"]),
        # A prefix as a word, or no capitalised name after it.
        ("I was the DJ at the party", []),
        ("just a lil bit tired", []),
        ("the mc was great", []),
    ],
)
def test_stage_names(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_stage_names(text)] == found

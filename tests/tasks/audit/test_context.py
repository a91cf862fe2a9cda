"""Context windows never show a replacement's text, only its type."""

from __future__ import annotations

import pytest

from qualbridge.tasks.audit.context import Replacement, masked_window

TEXT = (
    "Thanks, [PERSON-5c7bd796]. I live in [LOCATION-9db5e928] near Ravenholt, with Jim Surrogate."
)
PERSON = Replacement(8, 25, "PERSON")
PLACE = Replacement(37, 56, "LOCATION")
SURROGATE = Replacement(TEXT.index("Jim"), TEXT.index("Jim") + len("Jim Surrogate"), "PERSON")
ALL = [PERSON, PLACE, SURROGATE]


@pytest.mark.parametrize(
    ("focus", "focus_text", "width", "expected"),
    [
        ((37, 56), None, 200, ("Thanks, [PERSON]. I live in ", "[LOCATION]",
                               " near Ravenholt, with [PERSON].")),
        ((37, 56), "Halifax", 200, ("Thanks, [PERSON]. I live in ", "Halifax",
                                    " near Ravenholt, with [PERSON].")),
        # A window edge inside a replacement widens to take all of it, so no fragment shows.
        ((62, 71), None, 10, ("…[LOCATION] near ", "Ravenholt", ", with [PERSON]…")),
        ((0, 6), None, 4, ("", "Thanks", ", [PERSON]…")),
    ],
)  # fmt: skip
def test_masked_window(focus, focus_text, width, expected) -> None:
    window = masked_window(TEXT, ALL, focus, focus_text, width)
    assert (window.before, window.focus, window.after) == expected
    shown = window.before + window.focus + window.after
    assert "5c7bd796" not in shown and "Surrogate" not in shown

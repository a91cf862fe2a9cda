"""Harmless numbers: a unit or amount after a number, however far into the text it is."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.numbers import is_harmless


@pytest.mark.parametrize(
    ("text", "value", "harmless"),
    [
        ("I walk about 123456 steps a day", "123456", True),
        ("we had 3 kids in tralee 12 years ago", "12", True),
        ("the rate went 123456% up", "123456", True),
        ("she takes 100000mg of it", "100000", True),
        ("it cost $250000 in the end", "250000", True),
        ("call me on 123456 now", "123456", False),
        ("my pin is 123456 gold card", "123456", False),  # 'g' only as a whole unit
        ("the number is 987654 please", "987654", False),
    ],
)
def test_units_after_a_number_anywhere_in_the_text(text: str, value: str, harmless: bool) -> None:
    start = text.index(value)
    assert is_harmless(text, start, start + len(value)) is harmless

"""The recaser's sentence-start test looks back over spaces only, as the old prefix regex did."""

from __future__ import annotations

import random
import re

import pytest

from qualbridge.tasks.deid.recasing import after_sentence_end

PREFIX_REGEX = re.compile(r"[.!?]\s*$")  # the old rule, which searched the whole prefix


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Hi. bob", 4, True),
        ("Hi.\n\n  bob", 7, True),
        ("Hi, bob", 4, False),
        ('Hi." bob', 5, False),
        ("bob", 0, False),
        ("   bob", 3, False),
        ("Really?! sam", 9, True),
    ],
)
def test_sentence_end_before_a_word(text: str, start: int, expected: bool) -> None:
    assert after_sentence_end(text, start) is expected


def test_it_agrees_with_the_prefix_regex_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = "ab .!?,\n\t\u00a0\u2009\"'"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        assert after_sentence_end(text, start) is bool(PREFIX_REGEX.search(text[:start]))

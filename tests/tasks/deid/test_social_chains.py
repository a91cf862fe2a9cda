"""Chains named in posts in any case; everyday-word chains only as names; by function and engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.chains import find_chains
from qualbridge.tasks.deid.recasing import Vocabulary


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("double shift at walmart again", ["walmart"]),
        ("my sister just started at trader joes", ["trader joes"]),
        ("got hired by Home Depot!!", ["Home Depot"]),
        ("so my manager at Target said no", ["Target"]),
        # An everyday word stays a word in lower case, at a sentence's start or in a headline.
        ("we missed the target by miles", []),
        ("Target practice after school", []),
        ("mind the gap", []),
        ("Local Man Wins Big At Target Range Contest", []),
        # Part of a link or an address is no chain.
        ("see walmart.com for deals", []),
    ],
)
def test_chains(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_chains(text, vocabulary)] == found


def test_engine_masks_a_chain_in_lower_case(speech_engine: Deidentifier) -> None:
    text = "cant believe they cut my hours at costco"
    start = text.index("costco")
    found = speech_engine.detect([text])[0]
    assert any(d.start <= start and d.end >= start + len("costco") for d in found)

"""Listed phrases found by word look-up: longest first, whole words only."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.phrases import PhraseIndex, find

INDEX = PhraseIndex.of(frozenset({"new york", "new york city", "york", "saint cloud"}))
KEYS = {"st": "saint"}


def phrases(text: str) -> list[str]:
    key = lambda w: KEYS.get(w.casefold(), w.casefold())  # noqa: E731
    return [text[s:e] for s, e, _ in find(text, INDEX, key, lambda *_: True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we flew to New York City in May", ["New York City"]),  # the longest listed phrase
        ("york then new york", ["york", "new york"]),
        ("a week in St. Cloud", ["St. Cloud"]),  # a dot and a space may join words
        ("new, york", ["york"]),  # a comma parts them
        ("see example.org/york/new", []),  # words of a web address are not words
        ("Yorkshire is big", []),  # whole words only
    ],
)
def test_phrases_are_found(text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


def test_a_rejected_phrase_gives_way_to_a_shorter_one() -> None:
    found = find("new york city", INDEX, str.casefold, lambda key, *_: key != "new york city")
    assert [key for *_, key in found] == ["new york"]

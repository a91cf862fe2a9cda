"""The mention lexicon: which values and name parts it holds, how it matches, its keyed digest."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.mentions import MENTION_RECOGNIZER, MentionLexicon, with_mentions

KEY = b"k" * 32
EVERYDAY = frozenset({"will", "rose", "hill"})


def _found(text: str, value: str, entity_type: str = "PERSON") -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), entity_type, 0.85, "Test")


def _lexicon(text: str, *found: tuple[str, str]) -> MentionLexicon:
    lexicon = MentionLexicon()
    lexicon.add([text], [[_found(text, v, t) for v, t in found]], EVERYDAY, frozenset())
    return lexicon


def _masked(lexicon: MentionLexicon, text: str) -> list[str]:
    [dets] = with_mentions([text], [[]], lexicon.patterns())
    assert all(d.recognizer == MENTION_RECOGNIZER for d in dets)
    return [text[d.start : d.end] for d in dets]


FOUND = "Her name was Marisol Vandersloot, and Rose Hill rang 07700 900461 and Dr Jo Li."
LEXICON_CASES = [
    # (later text, what is masked in it)
    ("marisol just got it", ["marisol"]),
    ("VANDERSLOOT again", ["VANDERSLOOT"]),
    ("Marisol Vandersloot's mum", ["Marisol", "Vandersloot"]),
    ("call 07700  900461", ["07700  900461"]),
    ("Rose came, Hill too", ["Rose", "Hill"]),
    ("a rose on the hill", []),  # everyday words: only in the case they were found in
    ("marisolo and vanderslooting", []),  # word boundaries
    ("Jo and Li and Dr", []),  # too short, or a title
    ("", []),
]


@pytest.mark.parametrize(("text", "masked"), LEXICON_CASES)
def test_lexicon_masks_values_and_name_parts(text: str, masked: list[str]) -> None:
    found = [("Marisol Vandersloot", "PERSON"), ("Rose Hill", "PERSON")]
    lexicon = _lexicon(FOUND, *found, ("07700 900461", "PHONE_NUMBER"), ("Dr Jo Li", "PERSON"))
    assert _masked(lexicon, text) == masked


@pytest.mark.parametrize(
    ("found", "empty"),
    [
        ((), True),
        ((("Li", "PERSON"),), True),  # only a too-short part
        ((("rang", "DATE_TIME"),), True),  # not a type whose mentions identify
        ((("Marisol Vandersloot", "PERSON"),), False),
        ((("07700 900461", "PHONE_NUMBER"),), False),
    ],
)
def test_lexicon_is_empty_unless_something_identifying_was_found(found, empty: bool) -> None:
    assert bool(_lexicon(FOUND, *found)) is not empty


def test_existing_detections_are_not_masked_twice() -> None:
    lexicon = _lexicon(FOUND, ("Marisol Vandersloot", "PERSON"))
    text = "Marisol said marisol"
    [dets] = with_mentions([text], [[_found(text, "Marisol")]], lexicon.patterns())
    assert [(d.start, d.end, d.recognizer) for d in dets] == [
        (0, 7, "Test"),
        (13, 20, MENTION_RECOGNIZER),
    ]


def test_lexicon_shows_no_value_when_printed() -> None:
    found = [("Marisol Vandersloot", "PERSON"), ("Rose Hill", "PERSON")]
    lexicon = _lexicon(FOUND, *found, ("07700 900461", "PHONE_NUMBER"))
    assert repr(lexicon) == "MentionLexicon({'PERSON': 4, 'PHONE_NUMBER': 1})"

"""Where an everyday word that is a found name part stands as the name."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.name_position import after_person_cue, said_as_name

CASES = [
    # (text, the word, said as a name)
    ("summer just got it", "summer", True),
    ("and honestly hope was there", "hope", True),
    ("MARSH never rushed", "MARSH", True),
    ("I rang joy.", "joy", True),
    ("me and ward", "ward", True),
    ("ward's sister", "ward", True),
    ("in the summer we went", "summer", False),
    ("I hope so", "hope", False),
    ("back on the ward at two", "ward", False),
    ("such joy was there", "joy", False),
    ("a marsh near the house", "marsh", False),
    ("summer holidays are long", "summer", False),
    ("I spoke to, amber was lovely", "amber", True),  # a comma opens a new clause
    # Capitalised inside a sentence, a question put about the person, a past verb after the
    # name, a pronoun opening the next clause after 'with'.
    ("How's that been, having Will there?", "Will", True),
    ("And did hope ever visit you there?", "hope", True),
    ("How did ming react afterwards?", "ming", True),
    ("She's bossy. lily reorganised my kitchen.", "lily", True),
    ("With rose I could switch languages", "rose", True),
    ("I did hope so", "hope", False),
    ("I will see you", "will", False),
    ("Will you come?", "Will", False),  # a sentence's first word
    ("with rose petals on it", "rose", False),
    ("How's the week been, precious?", "precious", True),  # called by name at the end
    ("I hope, in the end, that it works", "hope", False),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_said_as_name(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert said_as_name(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("I went to the drop-in with kiran on Monday", "kiran", True),
        ("then I told oksana about it", "oksana", True),
        ("we went with, um, kiran", "kiran", False),  # a pause breaks the cue
        ("when a lola says so", "lola", False),
        ("kiran came", "kiran", False),  # nothing before it
    ],
)
def test_after_person_cue(text: str, word: str, expected: bool) -> None:
    assert after_person_cue(text, text.index(word)) is expected

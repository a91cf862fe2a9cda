"""Lower-case first names after a greeting, thanks or 'poor'; words and chat speak stay."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.vocatives import find_vocative_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("hey tanner where did you get that hat", ["tanner"]),
        ("poor olivia she looked so tired", ["olivia"]),
        ("thank you marcus for the tips", ["marcus"]),
        ("happy birthday, chloe", ["chloe"]),
        ("Hi, brandon! loved the stream", ["brandon"]),
        # A name that is also a word, where the word does not go on.
        ("hi precious come in sit wherever you like", ["precious"]),
        ("hi hope you are well", []),
        # Words, pronouns and chat speak after the same cues.
        ("hey guys whats up", []),
        ("thank you doctor", []),
        ("poor thing was soaked", []),
        ("yeah will do", []),
        ("hey lol", []),
        ("thanks mum", []),
        ("hey man how are you", []),
        ("thanks mate, cheers", []),
    ],
)
def test_vocative_names(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_vocative_names(text, vocabulary)] == found


def test_engine_masks_a_greeted_name(speech_engine: Deidentifier) -> None:
    text = "hey tanner is that your dog"
    detections = speech_engine.detect([text])[0]
    assert any(text[d.start : d.end] == "tanner" for d in detections)

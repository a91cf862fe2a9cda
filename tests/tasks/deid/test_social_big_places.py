"""Big places after a place cue in any case: countries, states, big cities, short names."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.big_places import find_big_places, find_places_alone
from qualbridge.tasks.deid.recasing import Vocabulary


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my cousin moved to melbourne last spring", ["melbourne"]),
        ("Greetings from the usa!", ["usa"]),
        ("originally from the u.s. tbh", ["u.s."]),
        ("road trip to vegas this weekend", ["vegas"]),
        ("we flew in from buenos aires", ["buenos aires"]),
        ("I grew up in kenya and moved to Ohio", ["kenya", "Ohio"]),
        # Places said one after the other after the cue.
        ("i'm from zimbabwe bulawayo i'm a care worker", ["zimbabwe", "bulawayo"]),
        ("born in Kingston, Jamaica, came over at nine", ["Kingston", "Jamaica"]),
        # Counties and council areas of the UK and Ireland.
        ("i'm calling from looe in cornwall the nearest is", ["cornwall"]),
        ("she moved back to mayo after", ["mayo"]),
        ("anyone been to Nice? worth it?", ["Nice"]),
        ("so sad leaving glasgow tomorrow", ["glasgow"]),
        ("please leave nice reviews", []),
        # Everyday words and places without a cue stay.
        ("we went to nice restaurants", []),
        ("back to reading my book", []),
        ("in general it was fine", []),
        ("melbourne is lovely", []),
        ("left it in the van overnight", []),
        ("are you going to the reunion", []),
        ("allergic to guinea pigs", []),
        ("we drove to Van in the east", ["Van"]),
    ],
)
def test_big_places_after_a_cue(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_big_places(text, vocabulary)] == found


def test_engine_masks_a_lower_case_big_place(speech_engine: Deidentifier) -> None:
    text = "Honestly I miss living in amsterdam so much"
    detections = speech_engine.detect([text])[0]
    assert any(text[d.start : d.end] == "amsterdam" for d in detections)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("31 F here. Vancouver. Anyone on Vyvanse?", ["Vancouver"]),
        ("Moved last year. New York! Still no friends", ["New York"]),
        ("Reading. It helps me sleep.", []),  # an everyday word alone is no place
        ("Nice. Really nice.", []),
        ("It was in Vancouver. Anyway", []),  # inside a sentence: the cue rules' to find
    ],
)
def test_big_places_said_as_a_sentence_of_their_own(
    text: str, found: list[str], vocabulary: Vocabulary
) -> None:
    assert [text[s:e] for s, e in find_places_alone(text, vocabulary)] == found

"""First names listed beside a found person become persons; verbs, stop and address words
do not; by function and engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.coordinated_names import coordinated_names
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.recasing import Vocabulary


@pytest.mark.parametrize(
    ("text", "found", "listed"),
    [
        ("went bowling with carmen and Obinna", "Obinna", ["carmen"]),
        ("Obinna, carmen and me", "Obinna", ["carmen"]),
        ("Obinna & Grace came round", "Obinna", ["Grace"]),
        # A verb, a stop word, an address word or chat speak after the join stays a word.
        ("told Obinna and will call later", "Obinna", []),
        ("Obinna and me went", "Obinna", []),
        ("cheers Obinna and guys", "Obinna", []),
        ("Obinna, lol", "Obinna", []),
    ],
)
def test_coordinated_names(
    text: str, found: str, listed: list[str], vocabulary: Vocabulary
) -> None:
    start = text.index(found)
    person = Detection(start, start + len(found), "PERSON", 0.85, "SpacyRecognizer")
    names = coordinated_names([person], text, vocabulary)
    assert [text[d.start : d.end] for d in names] == listed


def test_only_persons_list_names(vocabulary: Vocabulary) -> None:
    text = "Leeds and carmen"
    place = Detection(0, 5, "LOCATION", 0.85, "SpacyRecognizer")
    assert list(coordinated_names([place], text, vocabulary)) == []


def test_engine_masks_a_listed_name(speech_engine: Deidentifier) -> None:
    text = "Lol, was george with carmen today ;D"
    start = text.index("george")
    found = speech_engine.detect([text])[0]
    assert any(d.start <= start and d.end >= start + len("george") for d in found)

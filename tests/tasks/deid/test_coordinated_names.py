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
        # A capitalised word no dictionary knows; a name after 'aka'.
        ("welcome our new members Leroy and Min-jun!", "Leroy", ["Min-jun"]),
        ("big up Trev aka T-Bone who drove me", "Trev", ["T-Bone"]),
        ("Obinna, also known as big Mick, came", "Obinna", ["big Mick"]),
        ("went with Obinna and Pizza", "Obinna", []),
        # A first name cut short, as nicknames are: 'Des' for 'Desmond'; no relation word.
        ("a lovely couple, Pauline and Des, they'd", "Pauline", ["Des"]),
        ("Tom, Shaz and Rich - best flatmates", "Shaz", ["Rich", "Tom"]),
        ("Pauline and Mum came", "Pauline", []),
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


def test_a_word_found_as_a_place_is_named_a_person_by_aka(vocabulary: Vocabulary) -> None:
    text = "Trev aka T-Bone drove"
    place = Detection(0, 4, "LOCATION", 0.45, "UnknownWordNameRecognizer")
    names = coordinated_names([place], text, vocabulary)
    assert [(text[d.start : d.end], d.entity_type) for d in names] == [("T-Bone", "PERSON")]


def test_engine_masks_a_listed_name(speech_engine: Deidentifier) -> None:
    text = "Lol, was george with carmen today ;D"
    start = text.index("george")
    found = speech_engine.detect([text])[0]
    assert any(d.start <= start and d.end >= start + len("george") for d in found)

"""A found name grows over the first name, particle or guessed surname beside it."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.name_neighbours import join_name_neighbours

EVERYDAY = frozenset({"then", "saw", "carver", "violet", "went", "rose", "macleod", "was"})
DESCRIBING = frozenset({"went", "was", "quickly", "lovely"})


def _det(text: str, value: str, entity_type: str = "PERSON") -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), entity_type, 0.85, "Test")


CASES = [
    # (text, found spans with types, the spans after growing)
    ("then violet Mason took over", [("Mason", "PERSON")], ["violet Mason"]),
    ("then gwenllian parry-jones left", [("parry-jones", "PERSON")], ["gwenllian parry-jones"]),
    ("I saw Mason", [("Mason", "PERSON")], ["Mason"]),  # a dictionary word before
    ("I'm Amanda", [("Amanda", "PERSON")], ["Amanda"]),  # a contraction
    ("yeah Amanda", [("Amanda", "PERSON")], ["Amanda"]),  # an interjection
    ("and aoife ni bhriain", [("aoife", "PERSON"), ("bhriain", "PERSON")], ["aoife ni bhriain"]),
    ("Ffion Carver was there", [("Ffion", "PERSON"), ("Carver", "LOCATION")], ["Ffion Carver"]),
    ("Ffion went Carver", [("Ffion", "PERSON"), ("Carver", "LOCATION")], ["Ffion", "Carver"]),
    ("Ffion NHS", [("Ffion", "PERSON"), ("NHS", "ORGANIZATION")], ["Ffion", "NHS"]),
    ("in Leeds Mason", [("Leeds", "LOCATION"), ("Mason", "PERSON")], ["Leeds", "Mason"]),
    ("was torquil macleod and um", [("torquil", "PERSON")], ["torquil macleod"]),
    ("torquil went home", [("torquil", "PERSON")], ["torquil"]),  # a verb after
    ("torquil and me", [("torquil", "PERSON")], ["torquil"]),  # a stop word after
    ("Torquil macleod", [("Torquil", "PERSON")], ["Torquil"]),  # a name in capitals
    ("torquil lovely", [("torquil", "PERSON")], ["torquil"]),
    ("AMBER RUSK said", [("RUSK", "LOCATION")], ["AMBER RUSK"]),  # a first name before a guess
    ("Amber Rusk said", [("Rusk", "LOCATION")], ["Amber Rusk"]),
    ("amber Rusk said", [("Rusk", "LOCATION")], ["Rusk"]),
    ("to Amber, Rusk said", [("Rusk", "LOCATION")], ["Rusk"]),
    ("Chelsea London was", [("London", "LOCATION")], ["London"]),  # a known place
    ("went to Amber Rusk", [("Rusk", "LOCATION")], ["Rusk"]),  # after a place cue
    # A surname opening with a letter and an apostrophe; a contraction is no surname.
    ("my ex liam o'dowd left", [("liam", "PERSON")], ["liam o'dowd"]),
    ("then torquil they're off", [("torquil", "PERSON")], ["torquil"]),
    # The start of the name said first, as people restart.
    ("there is gill gillian shaw", [("gillian shaw", "PERSON")], ["gill gillian shaw"]),
    # A first name that is a stop word, capitalised before a capitalised name; not in lower
    # case, where it is the modal.
    ("That's his group. Will Brookes. I went", [("Brookes", "PERSON")], ["Will Brookes"]),
    ("so will brookes be there", [("brookes", "PERSON")], ["brookes"]),
]


@pytest.mark.parametrize(("text", "found", "grown"), CASES)
def test_names_grow_over_their_neighbours(
    text: str, found: list[tuple[str, str]], grown: list[str]
) -> None:
    dets = join_name_neighbours(text, [_det(text, v, t) for v, t in found], EVERYDAY, DESCRIBING)
    assert [text[d.start : d.end] for d in dets] == grown

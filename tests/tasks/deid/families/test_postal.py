"""Postal codes: any configured country's shape after a cue, Canadian codes in any case."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.postal import build
from qualbridge.tasks.deid.recasing import Vocabulary


def codes(words: Vocabulary, text: str) -> set[str]:
    from qualbridge.tasks.deid.families.base import BuildContext

    (recognizer,) = build(BuildContext((), words, frozenset({"US"})))
    return {text[r.start : r.end] for r in recognizer.analyze(text, [])}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("our postcode changed to 391 79 when they split it", "391 79"),  # SE/CZ shape
        ("the zip is 02139", "02139"),
        ("my eircode is D6W 1234 if that helps", "D6W 1234"),
        ("the postal code there is 4669-074", "4669-074"),  # PT shape
        ("it was t5j 2v1 i think", "t5j 2v1"),  # Canadian, lower case
        ("Austin, TX 78701 is where", "78701"),
        ("any good free clinics near 19143? west philly", "19143"),
        ("the only service near 4810 (Townsville) has a wait", "4810"),  # town in brackets
        ("colonia Roma Norte, C.P. 06700.", "06700"),  # Mexico's label, abbreviated
    ],
)
def test_codes_are_found(words: Vocabulary, text: str, code: str) -> None:
    assert code in codes(words, text)


@pytest.mark.parametrize(
    "text",
    [
        "the zip on my coat broke in 2019",  # a year is no code
        "I paid 1450 dollars for it",
        "we had 12 people and 391 chairs",
        "in 2020 things got better",
    ],
)
def test_numbers_without_a_cue_or_shape_are_left(words: Vocabulary, text: str) -> None:
    assert codes(words, text) == set()

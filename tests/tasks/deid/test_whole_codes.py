"""A digit run found inside a code is masked with the letters and digits glued to it."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.whole_codes import with_whole_code


def _found(text: str, part: str, entity_type: str = "PHONE_NUMBER") -> Detection:
    start = text.index(part)
    return Detection(start, start + len(part), entity_type, 0.6, "test")


@pytest.mark.parametrize(
    ("text", "found", "masked"),
    [
        ("tracking code 1Z999AA10123456784 ok", "10123456784", "1Z999AA10123456784"),
        ("hospital number RX4471923.", "4471923", "RX4471923"),
        ("ref 4471923XK today", "4471923", "4471923XK"),
        ("patient ID: MRN-00482913", "00482913", "MRN-00482913"),  # a dash joins a prefix
        ("case number CX-448-2917/B", "448-2917", "CX-448-2917/B"),
        ("it was 448 - 2917 ok", "448", "448"),  # a spaced dash is no joiner
        ("call 0161 496 0000 now", "0161 496 0000", "0161 496 0000"),  # spaces end it too
        ("the code (12345678) it was", "12345678", "12345678"),
        ("number 5678\u00e9t", "5678", "5678"),  # only ASCII letters and digits are glued
        ("HKID K473972(8); Chan Tai-man", "473972", "K473972(8)"),  # a bracketed check digit
        ("case HN19004482(3) and", "HN19004482", "HN19004482(3)"),
        ("the code 12345 (8 of them)", "12345", "12345"),  # not glued, not one character
        # Capitals one space before a long number are its letters, unless they label it.
        ("RAMQ TREM 7955 1214 expired", "7955 1214", "TREM 7955 1214"),
        ("my MRN 44718832 ok", "44718832", "44718832"),
        ("call UK 07700 900123", "07700 900123", "07700 900123"),
        ("code AB 1234 now", "1234", "1234"),  # too short a number to be a code of its own
    ],
)
def test_a_found_number_grows_to_its_whole_code(text: str, found: str, masked: str) -> None:
    grown = with_whole_code(_found(text, found), text, frozenset({"mrn"}))
    assert text[grown.start : grown.end] == masked
    assert grown.entity_type == "PHONE_NUMBER"


def test_a_span_without_digits_is_left_alone() -> None:
    text = "Dr Smithson3 saw me"
    found = _found(text, "Smithson", "PERSON")
    assert with_whole_code(found, text) == found

"""A first name that is also an everyday word, found by where it stands."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.word_names import find_word_names_as_subjects

NAMES = frozenset({"grace", "hope", "will", "rose", "dawn", "may", "summer"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("for your research — Grace knows far more than me", ["Grace"]),
        ("we talked and then Will said he'd drive us", ["Will"]),
        ("I think Rose would say the same", ["Rose"]),
        # Opening a sentence or a quotation, the capital says nothing.
        ("Hope was all I had left.", []),
        ("it went. Dawn came and we slept", []),
        ('he said "Grace is a gift"', []),
        # After a capitalised word it is part of a title; no verb after it, no subject.
        ("and Amazing Grace was playing", []),
        ("she gave me Hope and a cup of tea", []),
        # A word no list names.
        ("and then Faith said", []),
        # Asked about, between an auxiliary and its verb; not a month or a season.
        ("Interviewer: Would Rose be alright with us mentioning her?", ["Rose"]),
        ("Did Hope ever come back?", ["Hope"]),
        ("Is May a good time for you?", []),
        ("Could Summer come sooner?", []),
    ],
)
def test_listed_names_capitalised_before_their_verb(text, found):
    spans = find_word_names_as_subjects(text, NAMES)
    assert [text[s:e] for s, e in spans] == found

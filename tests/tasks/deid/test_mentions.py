"""The mention lexicon: which values and name parts it holds, how it matches, its keyed digest."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.mentions import MENTION_RECOGNIZER, MentionLexicon, with_mentions

KEY = b"k" * 32
EVERYDAY = frozenset({"will", "rose", "hill"})


def _found(text: str, value: str, entity_type: str = "PERSON") -> Detection:
    start = text.index(value)
    return Detection(start, start + len(value), entity_type, 0.85, "Test")


def _lexicon(text: str, *found: tuple[str, str]) -> MentionLexicon:
    lexicon = MentionLexicon()
    lexicon.add([text], [[_found(text, v, t) for v, t in found]], EVERYDAY, frozenset())
    return lexicon


def _masked(lexicon: MentionLexicon, text: str) -> list[str]:
    [dets] = with_mentions([text], [[]], lexicon.patterns())
    assert all(d.recognizer == MENTION_RECOGNIZER for d in dets)
    return [text[d.start : d.end] for d in dets]


FOUND = "Her name was Marisol Vandersloot, and Rose Hill rang 07700 900461 and Dr Jo Li."
LEXICON_CASES = [
    # (later text, what is masked in it)
    ("marisol just got it", ["marisol"]),
    ("VANDERSLOOT again", ["VANDERSLOOT"]),
    ("Marisol Vandersloot's mum", ["Marisol Vandersloot"]),
    # The whole name again is her in any case, though each word alone is an everyday word.
    ("we met rose hill at the bus stop", ["rose hill"]),
    ("call 07700  900461", ["07700  900461"]),
    ("Rose came, Hill too", ["Rose", "Hill"]),
    ("a rose on the hill", []),  # everyday words: only in the case they were found in
    ("marisolo and vanderslooting", []),  # word boundaries
    ("im marisols peer worker", ["marisols"]),  # a possessive written without its apostrophe
    ("two roses on the hills", []),  # not for everyday words
    ("Jo and Li and Dr", []),  # too short, or a title
    ("", []),
]
GREETED = "Hello Keziah came"  # a name span that took in the greeting before it


@pytest.mark.parametrize(("text", "masked"), LEXICON_CASES)
def test_lexicon_masks_values_and_name_parts(text: str, masked: list[str]) -> None:
    found = [("Marisol Vandersloot", "PERSON"), ("Rose Hill", "PERSON")]
    lexicon = _lexicon(FOUND, *found, ("07700 900461", "PHONE_NUMBER"), ("Dr Jo Li", "PERSON"))
    assert _masked(lexicon, text) == masked


WORD_NAMES = "Her name was Will Rose, and she lived up Hill Street."
SAID_AS_NAME_CASES = [
    # (later text, what is masked in it): everyday-word parts in another case
    ("and honestly will just got it", ["will"]),
    ("ROSE never rushed", ["ROSE"]),
    ("I told will.", ["will"]),
    ("me and rose, we went", ["rose"]),
    ("rose's mum rang", ["rose"]),
    ("I will never forget", []),  # a subject pronoun before: the verb
    ("a rose on the table", []),  # a determiner before: the flower
    ("prices rose sharply", []),  # nothing a person is followed by
    ("we will see", []),
]
JOINED = "My worker was Ngozi Okonkwo-Eze, then Callum O'Driscoll."
JOINED_CASES = [
    ("okonkwo rang, then eze", ["okonkwo", "eze"]),
    ("DRISCOLL was off", ["DRISCOLL"]),
    ("o'driscoll and okonkwo-eze", ["o'driscoll", "okonkwo-eze"]),
    ("callum O", ["callum"]),  # a piece too short to identify alone
]


@pytest.mark.parametrize(("text", "masked"), JOINED_CASES)
def test_pieces_of_joined_names_are_parts(text: str, masked: list[str]) -> None:
    lexicon = _lexicon(JOINED, ("Ngozi Okonkwo-Eze", "PERSON"), ("Callum O'Driscoll", "PERSON"))
    assert _masked(lexicon, text) == masked


@pytest.mark.parametrize(("text", "masked"), SAID_AS_NAME_CASES)
def test_everyday_name_parts_are_masked_in_any_case_where_said_as_a_name(
    text: str, masked: list[str]
) -> None:
    lexicon = _lexicon(WORD_NAMES, ("Will Rose", "PERSON"))
    assert _masked(lexicon, text) == masked


def test_a_nickname_or_family_word_is_no_name_part() -> None:
    found = "my sponsor big mick and auntie bimbo"
    lexicon = MentionLexicon()
    detections = [_found(found, "big mick"), _found(found, "auntie bimbo")]
    lexicon.add([found], [detections], frozenset({"big"}), frozenset())
    assert _masked(lexicon, "the big man and my auntie, and mick") == ["mick"]


def test_a_verb_caught_in_a_name_span_is_masked_only_where_said_as_a_name() -> None:
    found = "ciaran said, look, I've been there"
    lexicon = MentionLexicon()
    everyday = frozenset({"said"})
    lexicon.add([found], [[_found(found, "ciaran said")]], everyday, frozenset())
    assert _masked(lexicon, "He said he'd struggled.") == []
    assert _masked(lexicon, "and ciaran came") == ["ciaran"]


@pytest.mark.parametrize(
    ("found", "empty"),
    [
        ((), True),
        ((("Li", "PERSON"),), True),  # only a too-short part
        ((("rang", "DATE_TIME"),), True),  # not a type whose mentions identify
        ((("Marisol Vandersloot", "PERSON"),), False),
        ((("07700 900461", "PHONE_NUMBER"),), False),
    ],
)
def test_lexicon_is_empty_unless_something_identifying_was_found(found, empty: bool) -> None:
    assert bool(_lexicon(FOUND, *found)) is not empty


def test_existing_detections_are_not_masked_twice() -> None:
    lexicon = _lexicon(FOUND, ("Marisol Vandersloot", "PERSON"))
    text = "Marisol said marisol"
    [dets] = with_mentions([text], [[_found(text, "Marisol")]], lexicon.patterns())
    assert [(d.start, d.end, d.recognizer) for d in dets] == [
        (0, 7, "Test"),
        (13, 20, MENTION_RECOGNIZER),
    ]


@pytest.mark.parametrize(
    ("guess", "span", "result"),
    [
        ("LOCATION", "marisol", ("PERSON", MENTION_RECOGNIZER)),  # the town named like her
        ("ORGANIZATION", "marisol", ("PERSON", MENTION_RECOGNIZER)),
        ("NRP", "marisol", ("PERSON", MENTION_RECOGNIZER)),
        ("DATE_TIME", "marisol", ("DATE_TIME", "Test")),  # not a word-list guess: kept
        ("LOCATION", "marisol went", ("LOCATION", "Test")),  # wider than the name: kept
    ],
)
def test_a_found_name_part_displaces_a_guess_on_its_own_span(
    guess: str, span: str, result: tuple[str, str]
) -> None:
    lexicon = _lexicon(FOUND, ("Marisol Vandersloot", "PERSON"))
    text = "and honestly marisol went home"
    [dets] = with_mentions([text], [[_found(text, span, guess)]], lexicon.patterns())
    assert [(d.entity_type, d.recognizer) for d in dets] == [result]


def test_a_greeting_inside_a_name_span_is_no_name_part() -> None:
    lexicon = _lexicon(GREETED, ("Hello Keziah", "PERSON"))
    assert _masked(lexicon, "hello again, keziah") == ["keziah"]


def test_lexicon_shows_no_value_when_printed() -> None:
    found = [("Marisol Vandersloot", "PERSON"), ("Rose Hill", "PERSON")]
    lexicon = _lexicon(FOUND, *found, ("07700 900461", "PHONE_NUMBER"))
    assert repr(lexicon) == "MentionLexicon({'PERSON': 6, 'PHONE_NUMBER': 1})"


@pytest.mark.parametrize(
    ("value", "entity_type", "later", "masked"),
    [
        ("HX7 8QT", "UK_POSTCODE", "yeah hx7 8qt, that one", ["hx7 8qt"]),
        ("D02 X285", "IE_EIRCODE", "it's D02 X285 again", ["D02 X285"]),
        ("192.0.2.44", "IP_ADDRESS", "from 192.0.2.44 too", ["192.0.2.44"]),
        ("eighty two", "AGE", "eighty two people came", []),  # descriptive: not repeated
    ],
)
def test_every_registry_identifier_type_is_repeated_as_a_whole(
    value: str, entity_type: str, later: str, masked: list[str]
) -> None:
    text = f"it was {value} then"
    assert _masked(_lexicon(text, (value, entity_type)), later) == masked


def test_whole_value_types_follow_the_registry() -> None:
    from qualbridge.tasks.deid.mentions import WHOLE_VALUE_TYPES
    from qualbridge.tasks.deid.registry import DESCRIPTIVE_TYPES, all_entity_types

    assert set(all_entity_types()) - DESCRIPTIVE_TYPES <= WHOLE_VALUE_TYPES
    assert not WHOLE_VALUE_TYPES & DESCRIPTIVE_TYPES


@pytest.mark.parametrize(
    ("score", "masked"),
    [
        (0.95, ["ty", "TY"]),  # said to be a name: two letters are enough
        (0.85, []),  # found by a guess: too short to be masked wherever it is written
    ],
)
def test_a_short_name_said_to_be_one_is_a_name_part(score: float, masked: list[str]) -> None:
    text = "its ty by the way"
    start = text.index("ty")
    lexicon = MentionLexicon()
    lexicon.add([text], [[Detection(start, start + 2, "PERSON", score, "Test")]], EVERYDAY, ())
    assert _masked(lexicon, "see you next week ty, TY and type") == masked

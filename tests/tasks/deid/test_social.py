"""Name hashtags, chat speak and everyday capitals: by function and through the engine."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social import (
    drops_as_chat,
    find_name_hashtags,
    find_place_hashtags,
    is_chat_speak,
    is_chat_word,
    is_everyday_capital,
    is_word_hashtag,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("so proud #JohnSmith", ["JohnSmith"]),
        ("rip #emmawatson fans", ["emmawatson"]),
        ("go #TeamSarah", []),
        ("#NextToBlow tonight", []),
        ("#love this", []),
        ("#smallbiz saturday", []),
        ("issue #1234 again", []),
        ("C#Sharp code", []),
    ],
)
def test_hashtags_count_only_when_they_spell_a_name(
    text: str, found: list[str], vocabulary: Vocabulary
) -> None:
    assert [text[s:e] for s, e in find_name_hashtags(text, vocabulary)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("still here. #suicideprevention #glasgow", ["glasgow"]),  # a city the dictionary lists
        ("home #NewYork", ["NewYork"]),
        ("#sunshine and #reading today", []),  # words, though towns are so named
    ],
)
def test_hashtags_that_name_a_place(text: str, found: list[str], vocabulary: Vocabulary) -> None:
    assert [text[s:e] for s, e in find_place_hashtags(text, vocabulary)] == found


@pytest.mark.parametrize(
    ("word", "chat"),
    [
        ("Lmao", True),
        ("WTF", True),
        ("Bruh", True),
        ("Hahahahhahahaha", True),
        ("Loooool", True),
        ("Aaawww", True),
        ("kkkkkk", True),
        ("Psst", True),
        ("Congrats", True),
        ("Shoutout", True),
        ("Vlog", True),
        ("Emilyyy", False),
        ("JoJo", False),  # capitals inside: a name
        ("jojo", False),  # twice is a name, three times laughter
        ("jojojo", True),
        ("jajaja", True),
        ("Hannah", False),
        ("Noah", False),
        ("Heath", False),
        ("Grace", False),
    ],
)
def test_chat_words_and_laughter_but_not_names(word: str, chat: bool) -> None:
    assert is_chat_word(word) is chat


@pytest.mark.parametrize(
    ("value", "recognizer", "dropped"),
    [
        ("lol omg", "SpacyRecognizer", True),
        ("AF", "SpacyRecognizer", True),
        ("Lol Smith", "SpacyRecognizer", False),
        ("lolol", "NameHashtagRecognizer", False),
        ("", "SpacyRecognizer", False),
    ],
)
def test_a_span_is_dropped_only_when_every_word_is_chat_and_not_a_name_hashtag(
    value: str, recognizer: str, dropped: bool
) -> None:
    assert drops_as_chat(value, recognizer) is dropped
    assert is_chat_speak(value) is (dropped or recognizer == "NameHashtagRecognizer")


@pytest.mark.parametrize(
    ("text", "masked", "kept"),
    [
        ("big thanks to @dan_mcg for the tip", ["dan_mcg"], ["thanks"]),
        ("ask u/quietfox88 they know", ["quietfox88"], ["ask"]),
        ("Lmao this guy is smooth AF", [], ["Lmao", "AF"]),
        ("Hahahaha my sister loved it", [], ["Hahahaha"]),
    ],
)
def test_the_engine_masks_user_names_and_keeps_chat_speak(
    text: str, masked: list[str], kept: list[str], speech_engine: Deidentifier
) -> None:
    [found] = speech_engine.detect([text])
    spans = [text[d.start : d.end] for d in found]
    for value in masked:
        assert any(value in span for span in spans), (value, spans)
    for value in kept:
        assert not any(value in span for span in spans), (value, spans)


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "recognizer", "dropped"),
    [
        ("Idiot needs to be punched", "Idiot", "PERSON", "SpacyRecognizer", True),
        ("Free the nipples! 😂 Loved this vlog", "Loved", "PERSON", "SpacyRecognizer", True),
        ("keep up the NICE work", "NICE", "ORGANIZATION", "SpacyRecognizer", True),
        ("Grace helped me a lot", "Grace", "PERSON", "SpacyRecognizer", False),
        ("Mags's been clean for years", "Mags", "PERSON", "SpacyRecognizer", False),
        ("I live in NJ now", "NJ", "LOCATION", "SpacyRecognizer", False),
        ("SS should have tackled him", "SS", "ORGANIZATION", "SpacyRecognizer", False),
        ("Reading is where I live", "Reading", "LOCATION", "SpacyRecognizer", False),
        ("we saw the Idiot play", "Idiot", "PERSON", "SpacyRecognizer", False),
        ("Idiot needs to be punched", "Idiot", "PERSON", "NameGazetteerRecognizer", False),
        ("Smith rang me", "Smith", "PERSON", "SpacyRecognizer", False),
        ("P11: Mali messages me.", "Mali", "PERSON", "SpacyRecognizer", False),
        ("Sunny visits on Sundays", "Sunny", "PERSON", "SpacyRecognizer", False),
    ],
)
def test_everyday_words_taken_for_names_only_by_their_capitals(
    text: str,
    value: str,
    entity_type: str,
    recognizer: str,
    dropped: bool,
    vocabulary: Vocabulary,
) -> None:
    start = text.index(value)
    detection = Detection(start, start + len(value), entity_type, 0.85, recognizer)
    assert is_everyday_capital(detection, text, vocabulary.dictionary) is dropped


@pytest.mark.parametrize(
    ("text", "word_tag"),
    [
        ("#sunshine", True),
        ("#ThrowbackThursday", True),
        ("#smh", True),
        ("#Leeds", False),
        ("#NewYork", False),
        ("#losangeles", False),
        ("#JohnSmith", False),
        ("#emmawatson", False),
        ("#TeamSarah", False),
    ],
)
def test_word_hashtags_are_no_names(text: str, word_tag: bool, vocabulary: Vocabulary) -> None:
    hashtag = Detection(0, len(text), "PERSON", 0.6, "StructureRecognizer")
    assert is_word_hashtag(hashtag, text, vocabulary) is word_tag


def test_word_hashtags_only_for_whole_person_hashtags(vocabulary: Vocabulary) -> None:
    text = "#sunshine"
    assert not is_word_hashtag(Detection(1, 9, "PERSON", 0.6, "X"), text, vocabulary)
    assert not is_word_hashtag(Detection(0, 9, "LOCATION", 0.6, "X"), text, vocabulary)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("loving this weather #sunshine", []),
        ("so proud of you #JohnSmith", ["JohnSmith"]),
    ],
)
def test_engine_drops_word_hashtags(
    text: str, kept: list[str], speech_engine: Deidentifier
) -> None:
    found = [text[d.start : d.end].lstrip("#") for d in speech_engine.detect([text])[0]]
    assert found == kept

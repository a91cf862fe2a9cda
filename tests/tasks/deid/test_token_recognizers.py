"""Token recognizers: lower-case UK places of several words, and listed places after a cue."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.token_recognizers import SpanFinderRecognizer
from tests.helpers.coverage import masked


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm newcastle upon tyne born and bred.", "newcastle upon tyne"),
        ("My brother's in stockton-on-tees now.", "stockton-on-tees"),
        ("I'm from hebden bridge originally.", "hebden bridge"),
        ("We moved to castle vale.", "castle vale"),
        ("We drove up past milton keynes.", "milton keynes"),
    ],
)
def test_lower_case_places_of_several_words_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We walked to the west end of the park.", "west end"),
        ("The old castle vale was full of mist.", "castle vale"),
    ],
)
def test_everyday_phrases_that_are_places_need_a_cue(speech_engine, text, value):
    [found] = speech_engine.detect([text])
    start = text.index(value)
    assert not any(
        d.entity_type == "LOCATION" and d.start < start + len(value) and d.end > start
        for d in found
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I live in Hull", "Hull"),  # a city whose name is also a word: listed worldwide only
        ("She moved to Bath last year", "Bath"),
        ("We went to Nice for the summer", "Nice"),
        ("They come from Mobile, Alabama", "Mobile"),
        # A big place in lower case where one lives or moves.
        ("he lives in cork now, near his sister", "cork"),
        ("my cousin moved to reading last year", "reading"),
    ],
)
def test_a_title_case_world_place_after_a_place_cue_is_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was nice to see you", "nice"),
        ("The hull of the boat was cracked", "hull"),
        ("we moved to nice flats by the park", "nice"),  # it goes on to describe a noun
    ],
)
def test_the_same_words_in_lower_case_without_a_cue_are_left(speech_engine, text, value):
    [found] = speech_engine.detect([text])
    start = text.index(value)
    assert not any(d.start < start + len(value) and d.end > start for d in found)


@pytest.mark.parametrize(
    ("text", "entities", "found"),
    [
        ("see #JoSmith now", ["PERSON"], [("#JoSmith", "Hashed")]),
        ("see JoSmith now", ["PERSON"], []),  # no marker, the finder is not run
        ("see #JoSmith now", ["LOCATION"], []),  # a type not asked for
    ],
)
def test_a_span_finder_recognizer_reports_what_its_finder_finds(text, entities, found):
    def find_hashtags(value: str) -> list[tuple[int, int]]:
        start = value.index("#")
        return [(start, value.index(" ", start))]

    recognizer = SpanFinderRecognizer("Hashed", "PERSON", 0.6, find_hashtags, marker="#")
    results = recognizer.analyze(text, entities)
    assert [
        (text[r.start : r.end], r.recognition_metadata["recognizer_name"]) for r in results
    ] == found
    assert all(r.entity_type == "PERSON" and r.score == 0.6 for r in results)

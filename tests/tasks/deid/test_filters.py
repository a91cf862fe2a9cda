"""Tests of the post-detection rules: specific dates, allow lists and overlap merging."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import (
    DOMAIN_ALLOW_LIST,
    NER_RECOGNIZER,
    Detection,
    allowed_phrases,
    allowed_spans,
    inside_any,
    is_specific_date,
    keep_detection,
    merge_overlaps,
)

PATTERN = "UkPhoneRecognizer"
DENY = "StudyDenyList:KNOWN_IDENTIFIER"


def _det(start: int, end: int, recognizer: str = PATTERN, entity_type: str = "PERSON", score=0.5):
    return Detection(start, end, entity_type, score, recognizer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/06/2021", True),
        ("14.06.21", True),
        ("the 3rd of March 2019", True),
        ("March 2019", True),
        ("12 May", True),
        ("May the 12th", True),
        # A month on its own ("back in April") is not specific enough to mask.
        ("march", False),
        ("in Sept", False),
        ("2019", True),
        ("back in 1998", True),
        ("12th", True),
        ("the 1st", True),
        ("22nd", True),
        ("every week", False),
        ("years ago", False),
        ("that night", False),
        ("two in the morning", False),
        ("last week", False),
        ("a few months", False),
        ("Monday", False),
        ("the summer", False),
        ("3019", False),
        ("20190", False),
        ("a marching band", False),
    ],
)
def test_is_specific_date(text: str, expected: bool) -> None:
    assert is_specific_date(text) is expected


def _keep(text: str, recognizer: str, entity_type: str, allow=frozenset()) -> bool:
    return keep_detection(_det(0, len(text), recognizer, entity_type), text, allow)


@pytest.mark.parametrize(
    ("text", "recognizer", "expected"),
    [
        pytest.param("every week", NER_RECOGNIZER, False, id="ner-generic-dropped"),
        pytest.param("that night", NER_RECOGNIZER, False, id="ner-generic-night-dropped"),
        pytest.param("March 2019", NER_RECOGNIZER, True, id="ner-specific-kept"),
        pytest.param("14/06/2021", NER_RECOGNIZER, True, id="ner-numeric-kept"),
        pytest.param("every week", "DateRecognizer", True, id="pattern-generic-kept"),
        pytest.param("that night", "SomePatternRecognizer", True, id="other-pattern-kept"),
    ],
)
def test_generic_date_rule_applies_only_to_ner(text: str, recognizer: str, expected: bool):
    assert _keep(text, recognizer, "DATE_TIME") is expected


@pytest.mark.parametrize("entity_type", ["PERSON", "LOCATION", "ORGANIZATION"])
def test_generic_date_rule_ignores_other_entity_types(entity_type: str) -> None:
    assert _keep("every week", NER_RECOGNIZER, entity_type) is True


@pytest.mark.parametrize(
    ("text", "allow", "expected"),
    [
        pytest.param("Halifax", frozenset({"halifax"}), False, id="exact"),
        pytest.param("HALIFAX", frozenset({"halifax"}), False, id="case-insensitive"),
        pytest.param("the Samaritans", frozenset({"samaritans"}), False, id="leading-the"),
        pytest.param("The Samaritans", frozenset({"samaritans"}), False, id="leading-The"),
        pytest.param("Halifax Road", frozenset({"halifax"}), True, id="longer-span-kept"),
        pytest.param("Hali", frozenset({"halifax"}), True, id="prefix-kept"),
        pytest.param("Leeds", frozenset({"halifax"}), True, id="not-listed-kept"),
    ],
)
def test_allow_list(text: str, allow: frozenset[str], expected: bool) -> None:
    assert _keep(text, NER_RECOGNIZER, "LOCATION", allow) is expected
    assert _keep(text, PATTERN, "LOCATION", allow) is expected


def test_allow_list_ignores_surrounding_whitespace_of_the_span() -> None:
    text = "  Halifax "
    assert keep_detection(_det(0, len(text)), text, frozenset({"halifax"})) is False


def test_allow_list_is_applied_to_the_span_not_the_whole_text() -> None:
    text = "I rang the Samaritans about Halifax"
    assert keep_detection(_det(28, 35), text, frozenset({"halifax"})) is False
    assert keep_detection(_det(11, 21), text, frozenset({"halifax"})) is True


def test_study_deny_list_beats_allow_list() -> None:
    assert _keep("Halifax", DENY, "KNOWN_IDENTIFIER", frozenset({"halifax"})) is True


def test_study_deny_list_keeps_generic_dates() -> None:
    assert _keep("every week", DENY, "DATE_TIME") is True


@pytest.mark.parametrize("term", ["nhs", "the nhs", "cmht", "recovery college", "samaritans"])
def test_domain_allow_list_is_casefolded(term: str) -> None:
    assert term in DOMAIN_ALLOW_LIST


def test_merge_keeps_disjoint_spans_sorted() -> None:
    a, b = _det(10, 15), _det(0, 5)

    assert merge_overlaps([a, b]) == [b, a]


def test_merge_empty() -> None:
    assert merge_overlaps([]) == []


def test_merge_keeps_touching_spans_apart() -> None:
    a, b = _det(0, 5, entity_type="PERSON"), _det(5, 9, entity_type="LOCATION")

    assert merge_overlaps([b, a]) == [a, b]


def test_merge_nested_span_keeps_the_label_of_the_span_covering_the_group() -> None:
    # "Calderdale Council": ORG over the whole phrase beats PERSON on the word "Council".
    outer = _det(0, 18, NER_RECOGNIZER, "ORGANIZATION", 0.85)
    inner = _det(11, 18, PATTERN, "PERSON", 0.6)

    assert merge_overlaps([outer, inner]) == [
        Detection(0, 18, "ORGANIZATION", 0.85, NER_RECOGNIZER)
    ]


def test_merge_overlapping_spans_take_their_union() -> None:
    a = _det(0, 8, PATTERN, "PERSON", 0.6)
    b = _det(5, 12, PATTERN, "LOCATION", 0.9)

    assert merge_overlaps([a, b]) == [Detection(0, 12, "LOCATION", 0.9, PATTERN)]


def test_merge_chains_through_a_bridging_span() -> None:
    a, bridge, c = _det(0, 5), _det(4, 11, score=0.9), _det(10, 14)

    [merged] = merge_overlaps([c, a, bridge])

    assert (merged.start, merged.end, merged.score) == (0, 14, 0.9)


@pytest.mark.parametrize(
    ("members", "winner"),
    [
        pytest.param(
            [(NER_RECOGNIZER, "PERSON", 0.99), (PATTERN, "LOCATION", 0.4)],
            (PATTERN, "LOCATION"),
            id="pattern-beats-ner-despite-score",
        ),
        pytest.param(
            [(PATTERN, "PERSON", 0.99), (DENY, "KNOWN_IDENTIFIER", 0.1)],
            (DENY, "KNOWN_IDENTIFIER"),
            id="deny-beats-pattern-despite-score",
        ),
        pytest.param(
            [(NER_RECOGNIZER, "PERSON", 0.99), (DENY, "KNOWN_IDENTIFIER", 0.1)],
            (DENY, "KNOWN_IDENTIFIER"),
            id="deny-beats-ner",
        ),
        pytest.param(
            [
                (NER_RECOGNIZER, "PERSON", 0.9),
                (PATTERN, "LOCATION", 0.5),
                (DENY, "KNOWN_IDENTIFIER", 0.2),
            ],
            (DENY, "KNOWN_IDENTIFIER"),
            id="deny-beats-all",
        ),
        pytest.param(
            [(PATTERN, "PERSON", 0.6), ("OtherPattern", "LOCATION", 0.8)],
            ("OtherPattern", "LOCATION"),
            id="same-rank-higher-score",
        ),
    ],
)
def test_merge_priority(members, winner) -> None:
    detections = [_det(0, 10, rec, et, score) for rec, et, score in members]

    for order in (detections, detections[::-1]):
        [merged] = merge_overlaps(order)
        assert (merged.recognizer, merged.entity_type) == winner
        assert (merged.start, merged.end) == (0, 10)


def test_merge_same_rank_and_score_prefers_longer_span() -> None:
    short = _det(0, 4, PATTERN, "PERSON", 0.8)
    long = _det(2, 12, "OtherPattern", "STREET_ADDRESS", 0.8)

    assert merge_overlaps([short, long]) == [
        Detection(0, 12, "STREET_ADDRESS", 0.8, "OtherPattern")
    ]


@pytest.mark.parametrize(
    ("text", "month", "kept"),
    [
        ("I'm turning fifty in April, can you believe it", "April", True),
        ("she died in March, just before my birthday", "March", True),
        ("I was sectioned in May and let out in June", "May", True),
        ("it was back in April, we went to the park", "April", False),  # no life event
        ("every March the clocks go forward", "March", False),
    ],
)
def test_a_month_alone_is_kept_when_it_dates_a_life_event(
    text: str, month: str, kept: bool
) -> None:
    start = text.index(month)
    detection = _det(start, start + len(month), NER_RECOGNIZER, "DATE_TIME")
    assert keep_detection(detection, text, frozenset()) is kept


@pytest.mark.parametrize(
    ("group", "entity_type"),
    [
        # the tagger's place, a listed first name, no list of places: a person
        ([("LOCATION", "SpacyRecognizer"), ("PERSON", "NameGazetteerRecognizer")], "PERSON"),
        # a listed place too: the place stays
        (
            [
                ("LOCATION", "SpacyRecognizer"),
                ("PERSON", "NameGazetteerRecognizer"),
                ("LOCATION", "PlaceGazetteerRecognizer"),
            ],
            "LOCATION",
        ),
        ([("LOCATION", "SpacyRecognizer")], "LOCATION"),
    ],
)
def test_a_listed_name_the_tagger_called_a_place_is_a_person(group, entity_type) -> None:
    detections = [
        Detection(0, 6, kind, 0.85 if name == "SpacyRecognizer" else 0.6, name)
        for kind, name in group
    ]
    [merged] = merge_overlaps(detections)
    assert merged.entity_type == entity_type


@pytest.mark.parametrize(
    ("text", "value", "cleared"),
    [
        ("admitted on the 28th of April 2021, I", "28th", True),  # inside a cleared phrase
        ("admitted on The 28th  of april 2021", "april 2021", True),  # any case and spacing
        ("admitted on the 28th of April 2022", "28th", False),  # another date
        ("a 28th of April 2021st", "28th", False),  # not the whole words of the phrase
        ("admitted on the 28th of April 2021", "admitted on the 28th", False),  # reaches out
    ],
)
def test_a_detection_inside_an_allowed_phrase_is_cleared(text, value, cleared) -> None:
    phrases = allowed_phrases({"the 28th of april 2021", "leeds"})
    start = text.index(value)
    detection = Detection(start, start + len(value), "DATE_TIME", 0.9, "Test")
    assert inside_any(detection, allowed_spans(text, phrases)) is cleared


def test_an_allow_list_of_single_words_needs_no_phrase_pattern() -> None:
    assert allowed_phrases({"leeds", "mind"}) is None
    assert allowed_spans("anything at all", None) == []

"""Tests of splitting labelled text into utterances that remember their source positions."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.segments import segment_labelled_text, spans_per_utterance
from qualbridge.tasks.ingest.transcript_text import parse_labelled_text
from qualbridge.tasks.ingest.turns import ParseError

SPEAKERS = {"Interviewer": "interviewer", "P1": "participant"}
TEXT = "Interviewer:  How was it?\n\nP1: Hard at first,\n   then better 😀.\nInterviewer:\n  Why?\n"


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "P1: one line",
        "  interviewer : lower-case label\ncontinued",
        "P1: Café\nP1:\nP1: after an empty turn",
        "no label at all\nin two lines",
        "P1: hi\nStranger: who is this",
    ],
)
def test_utterances_equal_the_plain_parser(text: str) -> None:
    utterances, _ = segment_labelled_text(text, SPEAKERS)

    assert utterances == parse_labelled_text(text, SPEAKERS)


def test_each_segment_points_at_its_words_in_source_and_utterance() -> None:
    utterances, segments = segment_labelled_text(TEXT, SPEAKERS)

    for segment in segments:
        piece = TEXT[segment.start : segment.end]
        utterance = utterances[segment.seq].text
        assert utterance[segment.utterance_start : segment.utterance_start + len(piece)] == piece


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        pytest.param("Hard at first", {1: "Hard at first"}, id="inside-one"),
        pytest.param("first,\n   then", {1: "first, then"}, id="across-a-continuation"),
        pytest.param("it?\n\nP1: Hard", {0: "it?", 1: "Hard"}, id="across-utterances"),
        pytest.param("Interviewer:", {}, id="label-only"),
    ],
)
def test_a_selection_splits_into_one_span_per_utterance(
    selected: str, expected: dict[int, str]
) -> None:
    utterances, segments = segment_labelled_text(TEXT, SPEAKERS)
    start = TEXT.index(selected)

    spans = spans_per_utterance(start, start + len(selected), segments)

    assert {seq: utterances[seq].text[s:e] for seq, (s, e) in spans.items()} == expected


@pytest.mark.parametrize(
    "text", ["early words\nP1: hi", "", "P1:"], ids=["before-label", "empty", "label-only"]
)
def test_bad_text_raises_like_the_plain_parser(text: str) -> None:
    with pytest.raises(ParseError) as ours:
        segment_labelled_text(text, SPEAKERS)
    with pytest.raises(ParseError) as theirs:
        parse_labelled_text(text, SPEAKERS)
    assert str(ours.value) == str(theirs.value)


def test_pieces_of_an_over_long_line_point_at_their_words() -> None:
    text = "Interviewer: Hi.\nP1:  One thing. Then another thing! And a third?\n"
    limits = IngestLimits(max_line_chars=20)

    utterances, segments = segment_labelled_text(text, SPEAKERS, limits)

    assert [u.text for u in utterances] == [
        "Hi.",
        "One thing.",
        "Then another thing!",
        "And a third?",
    ]
    for segment in segments:
        assert text[segment.start : segment.end] == utterances[segment.seq].text

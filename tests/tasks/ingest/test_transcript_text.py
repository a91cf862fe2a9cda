"""Tests of parsing labelled transcripts into speaker turns."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.transcript_text import Utterance, parse_labelled_text
from qualbridge.tasks.ingest.turns import ParseError

SPEAKERS = {"Interviewer": "interviewer", "Participant": "participant", "Dr Khan": "therapist"}


def _turns(text: str, speakers: dict[str, str] = SPEAKERS) -> list[tuple[str, str]]:
    return [(u.speaker_role, u.text) for u in parse_labelled_text(text, speakers)]


def test_returns_numbered_utterances() -> None:
    result = parse_labelled_text("Interviewer: Hello.\nParticipant: Hi.", SPEAKERS)

    assert result == [
        Utterance(seq=0, speaker_role="interviewer", text="Hello."),
        Utterance(seq=1, speaker_role="participant", text="Hi."),
    ]


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Interviewer: hello", "interviewer"),
        ("INTERVIEWER: hello", "interviewer"),
        ("InTeRvIeWeR: hello", "interviewer"),
        ("Participant: hello", "participant"),
        ("PARTICIPANT : hello", "participant"),
        ("  Participant:   hello  ", "participant"),
        ("Dr Khan: hello", "therapist"),
        ("DR KHAN: hello", "therapist"),
    ],
)
def test_labels_map_to_roles_case_insensitively(line: str, role: str) -> None:
    assert _turns(line) == [(role, "hello")]


def test_speakers_map_keys_are_matched_case_insensitively() -> None:
    assert _turns("Client: ok", {"CLIENT": "client"}) == [("client", "ok")]


def test_continuation_lines_join_the_previous_turn() -> None:
    text = "Interviewer: How was it?\nParticipant: It was\n  hard at first\nbut better later.\n"

    assert _turns(text) == [
        ("interviewer", "How was it?"),
        ("participant", "It was hard at first but better later."),
    ]


def test_blank_lines_are_skipped_not_turns() -> None:
    text = "\n\nInterviewer: One.\n\n   \n\t\nParticipant: Two.\n\n"

    assert _turns(text) == [("interviewer", "One."), ("participant", "Two.")]


def test_blank_line_does_not_end_a_turn() -> None:
    assert _turns("Participant: first\n\nsecond") == [("participant", "first second")]


@pytest.mark.parametrize(
    "line",
    [
        "I said to her: no",
        "and then she goes: right, that's it",
        "my worker said: call me any time",
        "the time was 10:30 by then",
    ],
)
def test_lowercase_sentence_with_colon_is_a_continuation(line: str) -> None:
    text = f"Participant: She asked me.\n{line}"

    assert _turns(text) == [("participant", f"She asked me. {line}")]


def test_same_speaker_twice_gives_two_turns() -> None:
    assert _turns("Participant: a\nParticipant: b") == [("participant", "a"), ("participant", "b")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interviewer: hi\nParticipant: yo\nSarah: it's Leeds",
            [("interviewer", "hi"), ("participant", "yo"), ("other", "it's Leeds")],
        ),
        ("Bethany Okafor: hello there", [("other", "hello there")]),
        ("Interviewer: hi\n\nMr Priestley: ok then", [("interviewer", "hi"), ("other", "ok then")]),
    ],
)
def test_unknown_label_opens_a_turn_of_role_other_without_the_label(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _turns(text) == expected


@pytest.mark.parametrize(
    ("text", "line_no"),
    [
        ("Thanks for agreeing to this.\nInterviewer: hi", 1),
        ("\n\nrecorded at Brighouse\nInterviewer: hi", 3),
    ],
)
def test_text_before_first_label_raises_with_line_number(text: str, line_no: int) -> None:
    with pytest.raises(ParseError, match=f"line {line_no}: text before") as info:
        parse_labelled_text(text, SPEAKERS)

    assert "Brighouse" not in str(info.value)
    assert "agreeing" not in str(info.value)


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n  "])
def test_empty_text_raises(text: str) -> None:
    with pytest.raises(ParseError, match="no speaker turns"):
        parse_labelled_text(text, SPEAKERS)


def test_lowercase_known_label_starts_a_new_turn() -> None:
    assert _turns("Interviewer: hi\nparticipant: yes") == [
        ("interviewer", "hi"),
        ("participant", "yes"),
    ]


def test_text_without_any_label_is_one_unlabelled_speaker() -> None:
    assert _turns("Field notes, day one.\n\nThe ward was quiet.") == [
        ("other", "Field notes, day one. The ward was quiet.")
    ]

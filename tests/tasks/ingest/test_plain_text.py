"""Tests of the plain-text transcript parser and the speaker-label matcher."""

from __future__ import annotations

import codecs

import pytest

from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.plain_text import file_turns, parse_plain_text
from qualbridge.tasks.ingest.speaker_labels import LabelMatcher
from qualbridge.tasks.ingest.turns import ParseError, Turn
from tests.tasks.ingest.builders import SECRET


def _pairs(text: str, known: list[str] | None = None) -> list[tuple[str, str, float | None]]:
    return [(t.speaker, t.text, t.start_s) for t in parse_plain_text(text, known)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Interviewer: hello", ("Interviewer", "hello", None), id="word"),
        pytest.param("I: hello", ("I", "hello", None), id="letter-code"),
        pytest.param("P1: hello", ("P1", "hello", None), id="participant-code"),
        pytest.param("P01 : hello", ("P01", "hello", None), id="space-before-colon"),
        pytest.param("Participant 3: hello", ("Participant 3", "hello", None), id="numbered"),
        pytest.param("INTERVIEWER: hello", ("INTERVIEWER", "hello", None), id="capitals"),
        pytest.param("DR KHAN: hello", ("DR KHAN", "hello", None), id="name-capitals"),
        pytest.param("Dr Khan: hello", ("Dr Khan", "hello", None), id="title-name"),
        pytest.param("Dr. Mary O'Neil: hi", ("Dr. Mary O'Neil", "hi", None), id="three-words"),
        pytest.param("Émilie: bonjour", ("Émilie", "bonjour", None), id="accented"),
        pytest.param("  P1:   hello  ", ("P1", "hello", None), id="padding"),
        pytest.param("[00:01:23] P1: hello", ("P1", "hello", 83.0), id="bracket-before"),
        pytest.param("(00:01:23) P1: hello", ("P1", "hello", 83.0), id="paren-before"),
        pytest.param("00:01:23 P1: hello", ("P1", "hello", 83.0), id="bare-before"),
        pytest.param("00:01:23 - P1: hello", ("P1", "hello", 83.0), id="bare-dash-before"),
        pytest.param("P1 [00:01:23]: hello", ("P1", "hello", 83.0), id="bracket-after-label"),
        pytest.param("P1 (01:23): hello", ("P1", "hello", 83.0), id="short-paren-after"),
        pytest.param("P1: [00:01:23] hello", ("P1", "hello", 83.0), id="bracket-after-colon"),
        pytest.param("P1: 00:01:23 hello", ("P1", "hello", 83.0), id="bare-after-colon"),
        pytest.param("[1:02:03.5] P1: hello", ("P1", "hello", 3723.5), id="fraction"),
    ],
)
def test_label_styles_open_a_turn(line: str, expected: tuple[str, str, float | None]) -> None:
    assert _pairs(f"{line}\n") == [expected]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("So I said: no", id="sentence-with-colon"),
        pytest.param("and then she goes: right", id="lowercase"),
        pytest.param("the time was 10:30 by then", id="time-in-text"),
        pytest.param("10:30 we left", id="short-time-is-text"),
        pytest.param("Note to self: ring her", id="lowercase-word-in-label"),
        pytest.param("My Old Home Town: Leeds", id="four-words"),
        pytest.param("P1:no space", id="no-space-after-colon"),
        pytest.param("see http://example.org", id="url"),
    ],
)
def test_lines_that_are_not_labels_continue_the_turn(line: str) -> None:
    assert _pairs(f"P1: First.\n{line}") == [("P1", f"First. {line}", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "INTERVIEWER:\nHow was it?\n\nP1:\nHard\nat first.",
            [("INTERVIEWER", "How was it?", None), ("P1", "Hard at first.", None)],
            id="label-alone-then-text",
        ),
        pytest.param(
            "\n\nI: One.\n\n  \n\tP1: Two.\n\n",
            [("I", "One.", None), ("P1", "Two.", None)],
            id="blank-lines",
        ),
        pytest.param(
            "I: a\r\nP1: b\rc\nI: d",
            [("I", "a", None), ("P1", "b c", None), ("I", "d", None)],
            id="mixed-line-endings",
        ),
        pytest.param(
            "[00:00:05]\nI: Hi.\n[00:00:09]\nP1: Hello.",
            [("I", "Hi.", 5.0), ("P1", "Hello.", 9.0)],
            id="timestamp-line-before-turn",
        ),
        pytest.param(
            "I:\n[00:00:05]\nHi.",
            [("I", "Hi.", 5.0)],
            id="timestamp-line-after-label",
        ),
        pytest.param(
            "I: Start.\n[00:05:00] still me\nP1: Ok.",
            [("I", "Start. still me", None), ("P1", "Ok.", None)],
            id="mid-turn-time-marker-dropped",
        ),
        pytest.param(
            "I: a\nP1:\nI: b",
            [("I", "a", None), ("I", "b", None)],
            id="label-without-text-dropped",
        ),
        pytest.param(
            "P1: a\nP1: b",
            [("P1", "a", None), ("P1", "b", None)],
            id="same-speaker-twice-two-turns",
        ),
    ],
)
def test_transcript_layouts(text: str, expected: list[tuple[str, str, float | None]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "interviewer: a\nPARTICIPANT:b", [("interviewer", "a"), ("PARTICIPANT", "b")], id="case"
        ),
        pytest.param("Dr Khan: a", [("Dr Khan", "a")], id="longest-label-wins"),
        pytest.param("Dr: a\nDr Khan said: b", [("Dr", "a Dr Khan said: b")], id="needs-colon"),
        pytest.param(
            "Interviewer: a\nInterviewer2: b",
            [("Interviewer", "a"), ("Interviewer2", "b")],
            id="boundary",
        ),
        pytest.param(
            "Interviewer: a\nSam: b",
            [("Interviewer", "a"), ("Sam", "b")],
            id="unknown-opens-a-turn",
        ),
        pytest.param("[00:00:02] dr khan: a", [("dr khan", "a")], id="timestamp-then-known"),
    ],
)
def test_known_labels_decide_what_is_a_turn(text: str, expected: list[tuple[str, str]]) -> None:
    known = ["Interviewer", "Participant", "Dr", "Dr Khan"]
    assert [(s, t) for s, t, _ in _pairs(text, known)] == expected


@pytest.mark.parametrize(
    ("text", "limits", "fragment"),
    [
        pytest.param(f"{SECRET} was there\nI: hi", None, "line 1: text before", id="preamble"),
        pytest.param(f"I: hi\n[00:75:00] P1: {SECRET}", None, "line 2: timestamp", id="bad-time"),
        pytest.param("", None, "no speaker turns found", id="empty"),
        pytest.param(" \n\t\n", None, "no speaker turns found", id="blank"),
        pytest.param("I:\nP1:\n", None, "no speaker turns found", id="labels-only"),
    ],
)
def test_errors_name_the_line_never_the_text(
    text: str, limits: IngestLimits | None, fragment: str
) -> None:
    with pytest.raises(ParseError, match=fragment) as info:
        parse_plain_text(text, limits=limits or IngestLimits())

    assert SECRET not in str(info.value)
    assert "Zebedee" not in str(info.value)


def test_a_line_of_several_megabytes_is_split_quickly_losing_nothing() -> None:
    sentences = [
        f"Sentence {n} of the recogniser's output, with no speaker." for n in range(110_000)
    ]
    text = " ".join(sentences)  # about 6 MB on one line

    turns = parse_plain_text(text)

    assert len(text) > 6_000_000
    assert {t.speaker for t in turns} == {""}
    assert all(len(t.text) <= 100_000 and t.text.endswith(".") for t in turns)
    assert " ".join(t.text for t in turns) == text


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        pytest.param("One. Two? Three! Four.", ["One. Two?", "Three! Four."], id="sentence-ends"),
        pytest.param("aaa bbb ccc ddd eee", ["aaa bbb ccc", "ddd eee"], id="spaces-fallback"),
        pytest.param("x" * 30, ["x" * 14, "x" * 14, "xx"], id="no-space-at-all"),
        pytest.param('He said "Go." Then left.', ['He said "Go."', "Then left."], id="quote-stays"),
    ],
)
def test_an_over_long_line_becomes_turns_of_the_same_speaker(line: str, pieces: list[str]) -> None:
    text = f"I: hi\nP1: {line}"

    turns = parse_plain_text(text, limits=IngestLimits(max_line_chars=14))

    assert turns == [Turn("I", "hi"), *(Turn("P1", piece) for piece in pieces)]


def test_a_long_line_within_a_raised_limit_is_parsed() -> None:
    text = "I: " + "a:b " * 500_000

    (turn,) = parse_plain_text(text, limits=IngestLimits(max_line_chars=3_000_000))

    assert turn.speaker == "I"
    assert len(turn.text) == 2_000_000 - 1


@pytest.mark.parametrize(
    ("known", "valid"),
    [
        pytest.param(["Interviewer:", " P1 "], True, id="colon-and-spaces-trimmed"),
        pytest.param([" ", ":"], False, id="only-blank"),
        pytest.param([], False, id="empty"),
    ],
)
def test_known_labels_are_trimmed_and_must_not_be_empty(known: list[str], valid: bool) -> None:
    if valid:
        assert LabelMatcher(known).split("interviewer: hi").label == "interviewer"
    else:
        with pytest.raises(ValueError, match="known_labels is empty"):
            LabelMatcher(known)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"I: hi\nP1: yo", [Turn("I", "hi"), Turn("P1", "yo")], id="utf8"),
        pytest.param(codecs.BOM_UTF8 + b"I: hi", [Turn("I", "hi")], id="utf8-bom"),
        pytest.param("I: ça va".encode("utf-16"), [Turn("I", "ça va")], id="utf16-bom"),
    ],
)
def test_plain_text_files_are_decoded(data: bytes, expected: list[Turn]) -> None:
    assert file_turns(data, None) == expected


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(f"I: {SECRET}\x00".encode(), "NUL bytes", id="nul"),
        pytest.param(
            f"I: {SECRET} ".encode() + b"\x81", "neither UTF-8 nor Windows-1252", id="undecodable"
        ),
    ],
)
def test_undecodable_plain_text_is_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment) as info:
        file_turns(data, None)

    assert SECRET not in str(info.value)

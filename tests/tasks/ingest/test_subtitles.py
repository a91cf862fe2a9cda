"""Tests of reading WebVTT and SRT transcripts into merged speaker turns."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.subtitles import (
    ParseResult,
    file_turns,
    parse_srt,
    parse_subtitles,
    parse_webvtt,
)
from qualbridge.tasks.ingest.turns import ParseError, Turn
from tests.tasks.ingest.builders import SECRET

ZOOM = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Interviewer: Hello,
how are you?

2
00:00:04.500 --> 00:00:06.000
Interviewer: Thanks for coming.

3
00:00:06.000 --> 00:00:09.250
P1: Fine &amp; well.
"""

TEAMS = """WEBVTT
Kind: captions

NOTE exported
by Teams

STYLE
::cue { color: lime }

3f2a9c1e-aaaa/12-0
00:00:01.000 --> 00:00:02.000 align:start position:10%
<v Interviewer>Hello <i>there</i>.</v>

3f2a9c1e-aaaa/13-0
00:00:02.000 --> 00:00:03.000
<v.loud P1>Hi.</v>
<v Interviewer>Ok.</v>
"""

SRT = """1
00:00:01,000 --> 00:00:04,000
Interviewer: Hello.

2
00:00:04,000 --> 00:00:05,500
<i>P1: Hi</i>
there.

3
01:00:00,000 --> 01:00:01,000
P1: Later.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            ZOOM,
            [
                Turn("Interviewer", "Hello, how are you? Thanks for coming.", 1.0, 6.0),
                Turn("P1", "Fine & well.", 6.0, 9.25),
            ],
            id="zoom-name-colon-merged",
        ),
        pytest.param(
            TEAMS,
            [
                Turn("Interviewer", "Hello there.", 1.0, 2.0),
                Turn("P1", "Hi.", 2.0, 3.0),
                Turn("Interviewer", "Ok.", 2.0, 3.0),
            ],
            id="teams-voice-tags",
        ),
        pytest.param(
            SRT,
            [
                Turn("Interviewer", "Hello.", 1.0, 4.0),
                Turn("P1", "Hi there. Later.", 4.0, 3601.0),
            ],
            id="srt",
        ),
        pytest.param(
            "WEBVTT\n\n00:01.000 --> 00:02.000\nno speaker here\n\n"
            "00:02.000 --> 00:03.000\nnor here",
            [Turn("", "no speaker here nor here", 1.0, 3.0)],
            id="no-speakers-short-times",
        ),
        pytest.param(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[00:99:00] P1: hi\n",
            [Turn("", "[00:99:00] P1: hi", 1.0, 2.0)],
            id="impossible-time-in-text-is-text",
        ),
        pytest.param(
            "\ufeffWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nP1: hi\r\n",
            [Turn("P1", "hi", 1.0, 2.0)],
            id="bom-and-crlf",
        ),
    ],
)
def test_parse_subtitles(text: str, expected: list[Turn]) -> None:
    assert parse_subtitles(text) == ParseResult(expected, 0)


def test_known_labels_find_names_the_default_pattern_misses() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\njdoe: hi\n"

    assert parse_webvtt(text).turns == [Turn("", "jdoe: hi", 1.0, 2.0)]
    assert parse_webvtt(text, known_labels=["jdoe"]).turns == [Turn("jdoe", "hi", 1.0, 2.0)]


BROKEN_VTT = f"""WEBVTT

1
00:00:01.000 --> 00:00:02.000
P1: fine

2
00:00:02.000 -> 00:00:03.000
P1: {SECRET}

3
00:00:03.000 --> 00:00:04.000

{SECRET} without timing

4
00:00:04.000 --> 00:00:05.000
P1: also fine
"""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param(BROKEN_VTT, "cue 2 (line 7): no timing line", id="arrow-typo"),
        pytest.param(
            f"WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nP1: {SECRET}",
            "cue 1 (line 3): bad timing line",
            id="bad-digits",
        ),
        pytest.param(
            f"WEBVTT\n\n00:00:01.000 --> 00:00:61.000\nP1: {SECRET}",
            "cue 1 (line 3): bad timing line (minutes or seconds over 59)",
            id="seconds-over-59",
        ),
        pytest.param(
            f"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nP1: {SECRET}",
            "cue 1 (line 3): cue ends before it starts",
            id="backwards",
        ),
        pytest.param(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v P1></v>",
            "cue 1 (line 3): missing text",
            id="empty-voice",
        ),
        pytest.param(f"{SECRET}\n\n1\n00:00:01.000 --> 00:00:02.000\nhi", "", id="srt-fallback"),
        pytest.param("WEBVTT\n\nNOTE only a note\n", "no cues found", id="no-cues"),
        pytest.param(f"WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\n{SECRET}", "", id="bad-header"),
    ],
)
def test_broken_cues_name_the_cue_never_its_text(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_subtitles(text)

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)


def test_lenient_parsing_skips_and_counts_broken_cues() -> None:
    result = parse_webvtt(BROKEN_VTT, lenient=True)

    assert result == ParseResult([Turn("P1", "fine also fine", 1.0, 5.0)], skipped=3)


def test_lenient_parsing_still_refuses_a_file_of_only_broken_cues() -> None:
    text = f"1\n00:00:01,000 -> 00:00:02,000\n{SECRET}\n"

    with pytest.raises(ParseError, match=r"no usable cues \(1 broken cues skipped\)") as info:
        parse_srt(text, lenient=True)

    assert SECRET not in str(info.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param(
            f"1\n00:00:01,000 --> 00:00:02,000\nP1: {SECRET}\n\n"
            "word\n00:00:03,000 --> 00:00:04,000\nx",
            "cue 2 (line 5): no timing line",
            id="cue-number-not-a-number",
        ),
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\nP1: hi\n\n"
            f"2\n00:00:0a,000 --> 00:00:04,000\n{SECRET}",
            "cue 2 (line 5): bad timing line",
            id="bad-timestamp",
        ),
        pytest.param(
            f"1\n00:00:01,000 --> 00:00:02,000\nP1: hi\n\n{SECRET}\n",
            "cue 2 (line 5): no timing line",
            id="blank-line-inside-cue",
        ),
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\n", "cue 1 (line 1): missing text", id="no-text"
        ),
        pytest.param("\n\n", "no cues found", id="empty"),
    ],
)
def test_srt_errors(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_srt(text)

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("text", [ZOOM, SRT], ids=["vtt", "srt"])
def test_the_registry_entry_tells_webvtt_from_srt_by_content(text: str) -> None:
    assert len(file_turns(text.encode(), None)) == 2

"""Tests of reading Praat TextGrid files into a timeline of utterances."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.textgrid import (
    TextGridError,
    TimedUtterance,
    merge_timelines,
    parse_textgrid,
    textgrid_tiers,
    timeline,
)
from tests.conftest import FIXTURES

TEXTGRIDS = FIXTURES / "textgrid"
QUOTED = 'She said "call me any time" and left.'
EXPECTED = [
    TimedUtterance("Interviewer", 0.5, 2.25, "So what did she say?"),
    TimedUtterance("Participant", 2.0, 4.5, QUOTED),
    TimedUtterance("Interviewer", 4.0, 6.5, "Right, okay."),
]
HEADER = 'File type = "ooTextFile"\nObject class = "TextGrid"\n0\n10\n<exists>\n'


def _tier(name: str, *intervals: tuple[float, float, str]) -> str:
    """A short-format interval tier."""
    rows = "".join(f'{a}\n{b}\n"{text}"\n' for a, b, text in intervals)
    return f'"IntervalTier"\n"{name}"\n0\n10\n{len(intervals)}\n{rows}'


def _grid(*tiers: str) -> str:
    return HEADER + f"{len(tiers)}\n" + "".join(tiers)


@pytest.mark.parametrize("name", ["long", "short", "utf16", "utf16be"])
def test_fixture_formats_and_encodings_give_the_same_timeline(name: str) -> None:
    result = timeline(textgrid_tiers((TEXTGRIDS / f"{name}.TextGrid").read_bytes()))

    first = "Ça va? So what did she say?" if name.startswith("utf16") else EXPECTED[0].text
    assert result == [TimedUtterance("Interviewer", 0.5, 2.25, first), *EXPECTED[1:]]


def test_point_tiers_are_skipped_and_empty_intervals_kept_in_the_tier() -> None:
    tiers = textgrid_tiers((TEXTGRIDS / "long.TextGrid").read_bytes())

    assert [t.name for t in tiers] == ["Interviewer", "Participant"]
    assert [len(t.intervals) for t in tiers] == [4, 3]


def test_speaker_overrides_tier_names_for_one_file_per_speaker_corpora() -> None:
    result = timeline(textgrid_tiers((TEXTGRIDS / "short.TextGrid").read_bytes()), "doctor")

    assert {u.speaker for u in result} == {"doctor"}


def test_absent_tiers_give_no_utterances() -> None:
    assert timeline(textgrid_tiers((TEXTGRIDS / "no_tiers.TextGrid").read_bytes())) == []


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ('""', None),
        ('"   "', None),
        ('"a ""quoted"" word"', 'a "quoted" word'),
        ('""""', '"'),
        ('"  padded  "', "padded"),
        ('"two\nlines"', "two\nlines"),
        ('"<UNIN/> um"', "<UNIN/> um"),
    ],
)
def test_interval_text(raw: str, text: str | None) -> None:
    grid = _grid(_tier("S", (0, 1, "x"))).replace('"x"', raw)

    result = timeline(parse_textgrid(grid))

    assert [u.text for u in result] == ([] if text is None else [text])


def test_overlapping_turns_are_ordered_by_start_then_end() -> None:
    grid = _grid(
        _tier("A", (0, 3, "a1"), (5, 6, "a2")),
        _tier("B", (1, 2, "b1"), (5, 5.5, "b2")),
    )

    assert [u.text for u in timeline(parse_textgrid(grid))] == ["a1", "b1", "b2", "a2"]


def test_merging_files_keeps_input_order_on_ties() -> None:
    doctor = timeline(parse_textgrid(_grid(_tier("Speaker", (1, 2, "d")))), "doctor")
    patient = timeline(parse_textgrid(_grid(_tier("Speaker", (1, 2, "p")))), "patient")

    assert [u.speaker for u in merge_timelines([patient, doctor])] == ["patient", "doctor"]


def test_crlf_line_endings_parse() -> None:
    text = (TEXTGRIDS / "long.TextGrid").read_text(encoding="utf-8").replace("\n", "\r\n")

    assert timeline(parse_textgrid(text)) == EXPECTED


def test_truncated_file_error_names_the_last_line() -> None:
    with pytest.raises(TextGridError, match=r"^line 28: file ends early") as caught:
        textgrid_tiers((TEXTGRIDS / "truncated.TextGrid").read_bytes())

    assert "what did she say" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('File type = "ooBinaryFile"\n', r"^line 1: not a Praat text file"),
        ('"ooTextFile"\n"Sound"\n', r"^line 2: object class is not TextGrid"),
        (HEADER + "1\n" + '"Tier"\n"S"\n0\n1\n0\n', r"^line 7: tier 1 has an unknown class"),
        (
            _grid(_tier("S", (0, 1, "secret words"), (1, 2, "x"))).replace('"x"', "7"),
            r"^line 17: expected the text of interval 2 of tier 1, found a number",
        ),
        (HEADER + "1.5\n", r"^line 6: the number of tiers is not a whole number"),
        (HEADER + "-1\n", r"^line 6: the number of tiers is negative"),
        (_grid(_tier("S", (2, 1, "secret words"))), r"^line 13: interval 1 of tier 1 ends"),
        (_grid(_tier("S", (0, 1, "secret words"))).replace('"secret', "secret"), r"^line 14:"),
        (HEADER[:-1], r"^line 5: file ends early, while reading the number of tiers"),
    ],
)
def test_malformed_text_is_refused_with_a_line_number_and_no_text(text: str, message: str) -> None:
    with pytest.raises(TextGridError, match=message) as caught:
        parse_textgrid(text)

    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfeA\x00\x00\xd8", "not valid UTF-16"),
        (b"ooBinaryFile\x00\x00", "binary content"),
    ],
)
def test_undecodable_files_raise_textgrid_errors(data: bytes, message: str) -> None:
    with pytest.raises(TextGridError, match=message):
        textgrid_tiers(data)

"""Format dispatch: every supported file type becomes utterances with mapped speaker roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.ingest.formats import SOURCE_ERRORS, parse_source
from qualbridge.tasks.ingest.transcript_text import UNMAPPED_ROLE
from tests.tasks.ingest.builders import docx_bytes

SPEAKERS = {"Interviewer": "interviewer", "Participant": "participant"}
FIXTURES = Path(__file__).parents[2] / "fixtures" / "textgrid"
SECRET = "Zebedee Quartermaine"

VTT = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>How did you meet?</v>\n\n"
    "2\n00:00:03.500 --> 00:00:06.000\n<v Participant>At the group, years ago.</v>\n\n"
    "3\n00:00:06.500 --> 00:00:08.000\n<v Sam Jones>Sorry, wrong room.</v>\n"
)
SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: How did you meet?\n\n"
    "2\n00:00:03,500 --> 00:00:06,000\nParticipant: At the group, years ago.\n"
)
TXT = "Interviewer: How did you meet?\nParticipant: At the group, years ago.\n"


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".txt", TXT.encode()),
        (".TXT", TXT.encode("utf-16")),
        (".vtt", VTT.encode()),
        (".srt", SRT.encode()),
        (".docx", docx_bytes(TXT.strip().split("\n"))),
        (
            ".docx",
            docx_bytes(
                tables=[
                    [
                        ["Speaker", "Text"],
                        ["Interviewer", "How did you meet?"],
                        ["Participant", "At the group, years ago."],
                    ]
                ]
            ),
        ),
    ],
)
def test_each_format_yields_the_same_first_two_turns(suffix: str, data: bytes) -> None:
    utterances = parse_source(data, suffix, SPEAKERS)
    assert [(u.seq, u.speaker_role, u.text) for u in utterances[:2]] == [
        (0, "interviewer", "How did you meet?"),
        (1, "participant", "At the group, years ago."),
    ]


def test_speakers_missing_from_the_map_lose_their_name() -> None:
    utterances = parse_source(VTT.encode(), ".vtt", SPEAKERS)
    assert utterances[-1].speaker_role == UNMAPPED_ROLE
    assert all("Sam" not in u.speaker_role for u in utterances)


def test_textgrid_tiers_merge_into_one_timeline() -> None:
    data = (FIXTURES / "long.TextGrid").read_bytes()
    utterances = parse_source(data, ".TextGrid", {"Interviewer": "interviewer"})
    assert utterances[0].speaker_role == "interviewer"
    assert [u.seq for u in utterances] == list(range(len(utterances)))


@pytest.mark.parametrize(
    ("suffix", "data", "message"),
    [
        (".pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        (".vtt", f"WEBVTT\n\n1\nnot a timing line\n{SECRET}\n".encode(), "cue"),
        (".docx", b"PK\x03\x04" + SECRET.encode(), "docx"),
        (".txt", f"{SECRET}\nInterviewer: hi\n".encode(), "line 1: text before"),
        (".textgrid", f'File type = "ooTextFile"\n{SECRET}'.encode(), ""),
    ],
)
def test_bad_files_raise_clear_errors_without_their_text(suffix, data, message) -> None:
    with pytest.raises(SOURCE_ERRORS) as caught:
        parse_source(data, suffix, SPEAKERS)
    assert message in str(caught.value)
    assert SECRET not in str(caught.value)

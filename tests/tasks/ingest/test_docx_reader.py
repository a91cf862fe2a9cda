"""Tests of reading .docx transcripts laid out as paragraphs or as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.ingest.docx_reader import Layout, file_turns, parse_docx
from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.turns import ParseError, Turn
from tests.tasks.ingest.builders import (
    SECRET,
    docx_bytes,
    docx_with_short_row,
    docx_with_soft_break,
    replace_member,
    zip_bytes,
)

HEADED = [["Speaker", "Text"], ["Interviewer", "How was it?"], ["P1", "Fine."]]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            docx_bytes(["Interviewer: How was it?", "P1: Fine,", "thanks."]),
            [Turn("Interviewer", "How was it?"), Turn("P1", "Fine, thanks.")],
            id="paragraphs",
        ),
        pytest.param(
            docx_bytes(["[00:00:03] I: Hi.", "", "P1:", "Hello."]),
            [Turn("I", "Hi.", 3.0), Turn("P1", "Hello.")],
            id="paragraph-timestamps-and-label-alone",
        ),
        pytest.param(
            docx_with_soft_break("I: one", "two"), [Turn("I", "one two")], id="soft-line-break"
        ),
        pytest.param(
            docx_bytes(["Transcript, site B"], [HEADED]),
            [Turn("Interviewer", "How was it?"), Turn("P1", "Fine.")],
            id="table-with-header-and-title",
        ),
        pytest.param(
            docx_bytes(tables=[[["Interviewer:", "How was it?"], ["P1", "Fine."]]]),
            [Turn("Interviewer", "How was it?"), Turn("P1", "Fine.")],
            id="table-without-header",
        ),
        pytest.param(
            docx_bytes(
                tables=[
                    [
                        ["Time", "Speaker", "Text"],
                        ["00:00:01", "I", "Hi."],
                        ["", "", "Still me."],
                        ["", "", ""],
                        ["[00:01:02]", "P1", "Yes."],
                        ["00:01:09", "P1", ""],
                    ]
                ]
            ),
            [Turn("I", "Hi. Still me.", 1.0), Turn("P1", "Yes.", 62.0)],
            id="three-columns-continuation-and-empty-rows",
        ),
        pytest.param(
            docx_bytes(tables=[[["Participant", "I think so"], ["I", "Ok."]]]),
            [Turn("Participant", "I think so"), Turn("I", "Ok.")],
            id="first-row-of-speech-is-not-a-header",
        ),
    ],
)
def test_parse_docx_layouts(data: bytes, expected: list[Turn]) -> None:
    assert parse_docx(data) == expected


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        pytest.param("auto", [Turn("Interviewer", "How was it?"), Turn("P1", "Fine.")], id="auto"),
        pytest.param(
            "table", [Turn("Interviewer", "How was it?"), Turn("P1", "Fine.")], id="table"
        ),
        pytest.param("paragraphs", [Turn("I", "Intro.")], id="paragraphs"),
    ],
)
def test_layout_chooses_tables_or_paragraphs(layout: Layout, expected: list[Turn]) -> None:
    data = docx_bytes(["I: Intro."], [HEADED])

    assert parse_docx(data, layout=layout) == expected


@pytest.mark.parametrize(
    ("first_row", "is_header"),
    [
        pytest.param(["Speaker", "Text"], True, id="speaker-text"),
        pytest.param(["Speaker:", "Transcript text"], True, id="two-word-header"),
        pytest.param(["Who", "What was said"], True, id="who-what"),
        pytest.param(["SPEAKER", ""], True, id="capitals-one-empty"),
        pytest.param(["Participant", "I think so"], False, id="speech"),
        pytest.param(["Interviewer", "Text"], False, id="label-speaker"),
        pytest.param(["Name", "Jo"], False, id="one-cell-of-speech"),
    ],
)
def test_header_row_detection(first_row: list[str], is_header: bool) -> None:
    data = docx_bytes(tables=[[first_row, ["I", "Ok."]]])

    turns = parse_docx(data)

    assert (turns == [Turn("I", "Ok.")]) is is_header


def test_known_labels_reach_the_paragraph_parser() -> None:
    data = docx_bytes(["interviewer: a", "Sam: b"])

    assert parse_docx(data, ["Interviewer"]) == [Turn("interviewer", "a"), Turn("Sam", "b")]


@pytest.mark.parametrize(
    ("data", "kwargs", "fragment"),
    [
        pytest.param(
            docx_bytes(["", f"{SECRET} lives here", "I: hi"]),
            {},
            "paragraph 2: text before the first speaker label",
            id="preamble-paragraph",
        ),
        pytest.param(
            docx_bytes(tables=[[["soon", "I", SECRET]]]),
            {},
            "table 1, row 1: time cell is not a clock time",
            id="bad-time-cell",
        ),
        pytest.param(
            docx_bytes(tables=[[["Speaker", "Text"], ["", SECRET]]]),
            {},
            "table 1, row 2: text before the first speaker",
            id="table-text-without-speaker",
        ),
        pytest.param(
            docx_bytes(tables=[[["I", SECRET * 20]]]),
            {"limits": IngestLimits(max_line_chars=100)},
            "table 1, row 1: cell longer than the limit",
            id="long-cell",
        ),
        pytest.param(
            docx_with_short_row(["I", "hi"], SECRET),
            {},
            "table 1, row 2: has 1 cells, the table has 2 columns",
            id="short-row",
        ),
        pytest.param(
            docx_bytes(["I: hi"]),
            {"layout": "table"},
            "no table with 2 or 3 columns",
            id="no-table",
        ),
        pytest.param(
            docx_bytes(tables=[[["Speaker", "Text"]]]),
            {},
            "no speaker turns found",
            id="header-only",
        ),
        pytest.param(
            docx_bytes([f"I: {SECRET}"])[:400], {}, "not a readable .docx (", id="truncated"
        ),
        pytest.param(
            replace_member(docx_bytes(["I: hi"]), "word/document.xml", f"<w:{SECRET}".encode()),
            {},
            "not a readable .docx (XMLSyntaxError)",
            id="broken-document-xml",
        ),
        pytest.param(
            zip_bytes([("notes.txt", SECRET.encode())]),
            {},
            "not a readable .docx (",
            id="zip-but-not-docx",
        ),
        pytest.param(
            zip_bytes([("../evil.txt", b"x"), ("word/document.xml", b"")]),
            {},
            "archive entry 1 has a path leading outside",
            id="zip-slip",
        ),
        pytest.param(
            zip_bytes([("word/document.xml", b"\0" * 8 * 1024 * 1024)]),
            {},
            "zip bomb",
            id="zip-bomb",
        ),
        pytest.param(
            docx_bytes(["I: hi"]),
            {"limits": IngestLimits(max_uncompressed_bytes=1000)},
            "archive unpacks to",
            id="over-uncompressed-limit",
        ),
        pytest.param(
            docx_bytes(["I: hi"]),
            {"limits": IngestLimits(max_zip_entries=3)},
            "entries, over the limit of 3",
            id="too-many-entries",
        ),
    ],
)
def test_parse_docx_errors_name_the_place_never_the_text(
    data: bytes, kwargs: dict[str, object], fragment: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse_docx(data, **kwargs)  # type: ignore[arg-type]

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)


def test_the_registry_entry_reads_a_docx(tmp_path: Path) -> None:
    assert file_turns(docx_bytes(["I: hi", "P1: yo"]), None) == [Turn("I", "hi"), Turn("P1", "yo")]

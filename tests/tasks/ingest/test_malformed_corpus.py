"""One table of malformed inputs across formats, each with its expected outcome.

Every input is read through the ingest door (read_source_file) and parsed by its format's
parser, as the ingest stage would. A refusal must be a source error carrying the expected
fragment and none of the planted secret.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from qualbridge.tasks.ingest.docx_reader import parse_docx
from qualbridge.tasks.ingest.formats import SOURCE_ERRORS
from qualbridge.tasks.ingest.plain_text import file_turns
from qualbridge.tasks.ingest.qdpx import parse_qdpx
from qualbridge.tasks.ingest.reading import to_text
from qualbridge.tasks.ingest.source_files import read_source_file
from qualbridge.tasks.ingest.subtitles import ParseResult, parse_srt, parse_webvtt
from qualbridge.tasks.ingest.tables import SUFFIXES, TableMapping, parse_table
from qualbridge.tasks.ingest.turns import Turn
from tests.tasks.ingest.builders import (
    SECRET,
    billion_laughs_qde,
    docx_bytes,
    qde,
    qdpx_bytes,
    replace_member,
    text_source,
    understate_sizes,
    xxe_qde,
    zip_bytes,
)

MAPPING = TableMapping(conversation_id="conv", turn="n", speaker="who", text="said")
PARSERS: dict[str, Callable[[bytes], Any]] = {
    ".txt": lambda data: file_turns(data, None),
    ".docx": parse_docx,
    ".vtt": lambda data: parse_webvtt(to_text(data)),
    ".srt": lambda data: parse_srt(to_text(data)),
    ".qdpx": parse_qdpx,
    **{s: lambda data, s=s: parse_table(data, SUFFIXES[s], MAPPING) for s in SUFFIXES},
}


def _read(path: Path) -> Any:
    """Read a file through the ingest door and parse it by its suffix."""
    return PARSERS[path.suffix](read_source_file(path.name, path.parent))


JUNK = bytes(range(256)) * 4 + SECRET.encode()
GOOD_DOCX = docx_bytes([f"I: {SECRET}", "P1: fine"])
BOMB = b"\0" * 16 * 1024 * 1024


@dataclass(frozen=True)
class Refused:
    """The reader raises ParseError with this fragment in its message."""

    fragment: str


@dataclass(frozen=True)
class Parsed:
    """The reader returns exactly this."""

    value: Any


def _parquet(columns: dict[str, list[Any]]) -> bytes:
    buffer = io.BytesIO()
    pl.DataFrame(columns).write_parquet(buffer)
    return buffer.getvalue()


def _vtt(*cues: str) -> bytes:
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


CORPUS: list[tuple[str, str, bytes, Refused | Parsed]] = [
    # .docx
    (
        "docx-truncated",
        ".docx",
        GOOD_DOCX[: len(GOOD_DOCX) // 2],
        Refused("not a readable .docx ("),
    ),
    ("docx-binary-junk", ".docx", JUNK, Refused("not a readable .docx (not a zip archive")),
    ("docx-empty", ".docx", b"", Refused("file is empty")),
    (
        "docx-encrypted-ole",
        ".docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + JUNK,
        Refused("not a readable .docx (an encrypted or legacy Office file)"),
    ),
    (
        "docx-zip-without-document",
        ".docx",
        zip_bytes([("notes.txt", SECRET.encode())]),
        Refused("not a readable .docx ("),
    ),
    (
        "docx-broken-document-xml",
        ".docx",
        replace_member(GOOD_DOCX, "word/document.xml", f"<w:document>{SECRET}".encode()),
        Refused("not a readable .docx (XMLSyntaxError)"),
    ),
    (
        "docx-zip-slip",
        ".docx",
        zip_bytes([("word/document.xml", b""), ("../../evil.txt", SECRET.encode())]),
        Refused("archive entry 2 has a path leading outside the archive"),
    ),
    (
        "docx-zip-bomb",
        ".docx",
        zip_bytes([("word/document.xml", BOMB)]),
        Refused("archive entry 1 expands"),
    ),
    (
        "docx-preamble-only",
        ".docx",
        docx_bytes([f"Interview with {SECRET}", "held in Leeds"]),
        Parsed([Turn("", f"Interview with {SECRET} held in Leeds")]),  # one unlabelled speaker
    ),
    # .vtt / .srt
    ("vtt-binary-junk", ".vtt", JUNK, Refused("binary content (NUL bytes)")),
    (
        "vtt-neither-utf8-nor-cp1252",
        ".vtt",
        f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{SECRET} ".encode() + b"\x81t\x81",
        Refused("neither UTF-8 nor Windows-1252 text (bad byte at offset 67)"),
    ),
    ("vtt-empty", ".vtt", b"", Refused("file is empty")),
    ("vtt-no-header", ".vtt", f"{SECRET}\n\n1\n".encode(), Refused("missing the WEBVTT header")),
    (
        "vtt-broken-timing",
        ".vtt",
        _vtt("00:00:01.000 --> 00:00:02.000\nP1: ok", f"2\n00:00:02.000 --> soon\nP1: {SECRET}"),
        Refused("cue 2 (line 6): bad timing line"),
    ),
    (
        "vtt-cue-without-text",
        ".vtt",
        _vtt("1\n00:00:01.000 --> 00:00:02.000"),
        Refused("cue 1 (line 3): missing text"),
    ),
    (
        "vtt-note-and-style-only",
        ".vtt",
        _vtt(f"NOTE {SECRET}", "STYLE\n::cue {}"),
        Refused("no cues found"),
    ),
    (
        "srt-bad-timestamps",
        ".srt",
        f"1\n00:99:01,000 --> 00:00:02,000\nP1: {SECRET}\n".encode(),
        Refused("cue 1 (line 1): bad timing line (minutes or seconds over 59)"),
    ),
    (
        "srt-period-for-comma-is-accepted",
        ".srt",
        b"1\n00:00:01.000 --> 00:00:02.500\nP1: ok\n",
        Parsed(ParseResult([Turn("P1", "ok", 1.0, 2.5)])),
    ),
    (
        "srt-text-without-timing",
        ".srt",
        f"1\n00:00:01,000 --> 00:00:02,000\nP1: ok\n\n{SECRET}\n".encode(),
        Refused("cue 2 (line 5): no timing line"),
    ),
    # .txt
    ("txt-binary-junk", ".txt", JUNK, Refused("binary content (NUL bytes)")),
    ("txt-empty", ".txt", b"", Refused("file is empty")),
    ("txt-whitespace-only", ".txt", b" \n\t\n", Refused("no speaker turns found")),
    ("txt-nul-bytes", ".txt", f"I: {SECRET}\x00\x00".encode(), Refused("NUL bytes")),
    (
        "txt-several-mb-line",
        ".txt",
        ("I: " + f"{SECRET} " * 300_000).encode(),
        Parsed(None),  # split at spaces into turns of "I": test_plain_text checks the pieces
    ),
    (
        "txt-mixed-line-endings",
        ".txt",
        b"I: one\r\ntwo\rP1: three\nI: four\r\n",
        Parsed([Turn("I", "one two"), Turn("P1", "three"), Turn("I", "four")]),
    ),
    (
        "txt-utf16-bom",
        ".txt",
        codecs.BOM_UTF16_LE + "I: ça\nP1: va".encode("utf-16-le"),
        Parsed([Turn("I", "ça"), Turn("P1", "va")]),
    ),
    (
        "txt-bad-timestamp",
        ".txt",
        f"[00:61:00] I: {SECRET}".encode(),
        Refused("line 1: timestamp with minutes or seconds over 59"),
    ),
    # .qdpx
    (
        "qdpx-zip-slip",
        ".qdpx",
        qdpx_bytes(qde(), [("../evil.txt", SECRET.encode())]),
        Refused("archive entry 2 has a path leading outside the archive"),
    ),
    (
        "qdpx-absolute-member",
        ".qdpx",
        qdpx_bytes(qde(), [("/abs/evil.txt", SECRET.encode())]),
        Refused("archive entry 2 has an absolute path"),
    ),
    ("qdpx-xxe", ".qdpx", qdpx_bytes(xxe_qde()), Refused("declares XML entities (refused)")),
    (
        "qdpx-billion-laughs",
        ".qdpx",
        qdpx_bytes(billion_laughs_qde()),
        Refused("declares XML entities (refused)"),
    ),
    (
        "qdpx-zip-bomb",
        ".qdpx",
        qdpx_bytes(qde(), [("sources/a.txt", BOMB)]),
        Refused("archive entry 2 expands"),
    ),
    (
        "qdpx-understated-sizes",
        ".qdpx",
        understate_sizes(qdpx_bytes(qde(text_source("g", SECRET, content="x" * 5000))), 64),
        Refused("archive entry 1 is corrupt"),
    ),
    (
        "qdpx-without-project-qde",
        ".qdpx",
        zip_bytes([("sources/a.txt", SECRET.encode())]),
        Refused("no project.qde in the archive"),
    ),
    ("qdpx-binary-junk", ".qdpx", JUNK, Refused("not a readable .qdpx (not a zip archive")),
    (
        "qdpx-truncated-xml",
        ".qdpx",
        qdpx_bytes(qde(text_source("g", SECRET, content=SECRET))[:-20]),
        Refused("project.qde is not well-formed XML (line 2"),
    ),
    # tables
    (
        "csv-missing-text-column",
        ".csv",
        f"conv,n,who,words\nc1,1,I,{SECRET}\n".encode(),
        Refused("column 'said' is missing"),
    ),
    ("csv-binary-junk", ".csv", JUNK, Refused("binary content (NUL bytes)")),
    (
        "csv-ragged-row",
        ".csv",
        f"conv,n,who,said\nc1,1,I,ok\nc1,2,P,{SECRET},{SECRET}\n".encode(),
        Refused("not a readable CSV ("),
    ),
    (
        "jsonl-non-object-line",
        ".jsonl",
        (json.dumps({"conv": "c", "n": 1, "who": "I", "said": "ok"}) + f'\n"{SECRET}"\n').encode(),
        Refused("line 2: not a JSON object"),
    ),
    (
        "jsonl-text-not-string",
        ".jsonl",
        json.dumps({"conv": "c", "n": 1, "who": SECRET, "said": [SECRET]}).encode(),
        Refused("line 1: column 'said' is not a string"),
    ),
    (
        "parquet-wrong-types",
        ".parquet",
        _parquet({"conv": ["c"], "n": [1], "who": [SECRET], "said": [3.5]}),
        Refused("column 'said' holds Float64 values, not strings"),
    ),
    ("parquet-junk", ".parquet", JUNK, Refused("not a readable Parquet file")),
    (
        "csv-valid-after-bom",
        ".csv",
        codecs.BOM_UTF8 + b"conv,n,who,said\nc1,1,I,hi\n",
        Parsed(None),  # checked below: only that it parses
    ),
]


@pytest.mark.parametrize(
    ("suffix", "data", "expected"),
    [pytest.param(suffix, data, expected, id=name) for name, suffix, data, expected in CORPUS],
)
def test_malformed_input(
    tmp_path: Path, suffix: str, data: bytes, expected: Refused | Parsed
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)

    if isinstance(expected, Parsed):
        result = _read(path)
        assert expected.value is None or result == expected.value
        return
    with pytest.raises(SOURCE_ERRORS) as info:
        _read(path)
    message = str(info.value)
    assert expected.fragment in message
    assert SECRET not in message
    assert "Zebedee" not in message


def test_the_corpus_is_big_enough_and_its_names_unique() -> None:
    names = [name for name, *_ in CORPUS]

    assert len(names) >= 30
    assert len(set(names)) == len(names)

"""Tests of reading utterance tables and REFI-QDA projects into transcripts with codings."""

from __future__ import annotations

import io
import json
import re

import polars as pl
import pytest

from qualbridge.schemas.config import TableSourceConfig
from qualbridge.tasks.ingest.documents import Document, qdpx_documents, safe_id, table_documents
from qualbridge.tasks.ingest.turns import ParseError
from tests.tasks.ingest.builders import (
    SECRET,
    billion_laughs_qde,
    coded_qde,
    qdpx_bytes,
    xxe_qde,
)

KEY = b"test-key-for-documents-0123456789"
SPEAKERS = {"Interviewer": "interviewer", "P1": "participant", "Counsellor": "helper"}
ROWS = [
    {"conv": "C01", "turn": 2, "who": "P1", "utt": "It helped 😀.", "strategy": "affirm"},
    {"conv": "C01", "turn": 1, "who": "Counsellor", "utt": "How was it?", "strategy": "question"},
    {"conv": SECRET, "turn": 1, "who": "P1", "utt": "Fine.", "strategy": None},
]
MAPPING = {
    "conversation_id": "conv", "turn": "turn", "speaker": "who", "text": "utt",
    "labels": ["strategy"],
}  # fmt: skip


def _table(table_format: str, rows: list[dict] = ROWS) -> bytes:
    frame = pl.DataFrame(rows)
    if table_format == "csv":
        return frame.write_csv().encode()
    if table_format == "jsonl":
        return "".join(json.dumps(row) + "\n" for row in rows).encode()
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def _config(table_format: str, **changes: object) -> TableSourceConfig:
    return TableSourceConfig.model_validate(
        {"path": f"t.{table_format}", "mapping": {**MAPPING, **changes}}
    )


@pytest.mark.parametrize("table_format", ["csv", "jsonl", "parquet"])
def test_a_table_gives_one_document_per_conversation_with_label_codings(
    table_format: str,
) -> None:
    documents = table_documents(_table(table_format), _config(table_format), SPEAKERS, KEY)

    first, second = documents
    assert first.local_id == "C01"
    assert [(u.speaker_role, u.text) for u in first.utterances] == [
        ("helper", "How was it?"),
        ("participant", "It helped 😀."),
    ]
    assert [(a.seq, a.start, a.end, a.code, a.coder, a.origin) for a in first.annotations] == [
        (0, 0, len("How was it?"), "question", "table:strategy", "table"),
        (1, 0, len("It helped 😀."), "affirm", "table:strategy", "table"),
    ]
    assert second.annotations == []


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("C01", True),
        ("conv-12_b", True),
        (SECRET, False),
        ("bethany", False),  # id-like but no digit: could be a name
        ("P 01", False),
        ("x" * 70 + "1", False),
    ],
)
def test_local_ids_are_kept_only_when_id_like(value: str, kept: bool) -> None:
    result = safe_id(KEY, value)

    assert (result == value) is kept
    if not kept:
        assert re.fullmatch(r"anon-[0-9a-f]{8}", result)
        assert result == safe_id(KEY, value) != safe_id(b"another-key-0123456789abcdef", value)


def test_a_name_as_conversation_id_never_becomes_an_id() -> None:
    documents = table_documents(_table("csv"), _config("csv"), SPEAKERS, KEY)

    assert all(SECRET.casefold() not in repr(d.local_id).casefold() for d in documents)


def test_role_column_values_become_roles_and_participants_are_read() -> None:
    rows = [
        {"conv": "C1", "role": "Helper", "utt": "Hi.", "pid": "P-7"},
        {"conv": "C1", "role": "Bethany Smith", "utt": "Hello.", "pid": "P-7"},
    ]
    config = TableSourceConfig.model_validate(
        {"path": "t.csv", "mapping": {
            "conversation_id": "conv", "role": "role", "text": "utt", "participant_id": "pid",
        }}
    )  # fmt: skip

    [document] = table_documents(_table("csv", rows), config, {"Interviewer": "x"}, KEY)

    assert [u.speaker_role for u in document.utterances] == ["helper", "other"]
    assert document.participant_id == "P-7"


@pytest.mark.parametrize(
    ("rows", "changes", "fragment"),
    [
        pytest.param(ROWS, {"text": "words"}, "column 'words' is missing", id="missing-column"),
        pytest.param(
            [{**ROWS[0], "turn": 1}, ROWS[1]],
            {},
            "turn number repeats within its conversation",
            id="duplicate-turn",
        ),
        pytest.param(
            [{**ROWS[0], "pid": "A1"}, {**ROWS[1], "pid": "A2"}],
            {"participant_id": "pid"},
            "participant differs within its conversation",
            id="two-participants",
        ),
        pytest.param(
            [{**ROWS[0], "strategy": f"Told me about {SECRET} and " + "more " * 20}],
            {},
            "label column 'strategy' holds free text",
            id="free-text-label",
        ),
        pytest.param(
            [{**ROWS[0], "utt": "  "}],
            {},
            "a conversation has no non-empty utterances",
            id="only-blank-text",
        ),
    ],
)
def test_malformed_tables_are_refused(rows: list[dict], changes: dict, fragment: str) -> None:
    with pytest.raises(ParseError, match=re.escape(fragment)):
        table_documents(_table("csv", rows), _config("csv", **changes), SPEAKERS, KEY)


# A source as NVivo or MAXQDA store it on Windows: CRLF, and positions counting both characters.
SOURCE_TEXT = (
    "Interviewer: Who supported you?\r\n"
    f"P1: My worker {SECRET} 😀 did.\r\n"
    "She rang every week.\r\n"
    "Interviewer: And then?\r\n"
)


def _selection(words: str, code: str = "K1", user: str = "U1") -> tuple[int, int, str, str]:
    start = SOURCE_TEXT.index(words)
    return start, start + len(words), code, user


def _project(*selections: tuple[int, int, str, str], name: str = "PS01.txt") -> bytes:
    project = coded_qde(
        [("G1", name, "internal://G1.txt", selections)],
        {"K1": "Peer support", "K2": "Contact"},
        {"U1": "Dr Coder Person"},
    )
    return qdpx_bytes(project, [("sources/G1.txt", SOURCE_TEXT.encode())])


def _coded(document: Document) -> list[tuple[int, str, str, str]]:
    return [
        (a.seq, document.utterances[a.seq].text[a.start : a.end], a.code, a.origin)
        for a in document.annotations
    ]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        pytest.param(
            _selection(f"{SECRET} 😀 did"),
            [(1, f"{SECRET} 😀 did", "Peer support", "qdpx")],
            id="after-a-crlf-and-emoji",
        ),
        pytest.param(
            _selection("every week", "K2"),
            [(1, "every week", "Contact", "qdpx")],
            id="on-a-continuation-line",
        ),
        pytest.param(
            _selection("did.\r\nShe rang every week.\r\nInterviewer: And"),
            [
                (1, "did. She rang every week.", "Peer support", "qdpx"),
                (2, "And", "Peer support", "qdpx"),
            ],
            id="across-utterances",
        ),
        pytest.param(_selection("Interviewer: "), [], id="a-label-only"),
    ],
)
def test_project_selections_land_on_the_same_words(
    selection: tuple[int, int, str, str], expected: list
) -> None:
    [document] = qdpx_documents(_project(selection), SPEAKERS, KEY)

    assert document.local_id == "PS01"
    assert _coded(document) == expected


def test_coders_are_keyed_pseudonyms_of_the_user_guid() -> None:
    [document] = qdpx_documents(_project(_selection("did")), SPEAKERS, KEY)

    [annotation] = document.annotations
    assert re.fullmatch(r"coder-[0-9a-f]{8}", annotation.coder)
    assert "Coder Person" not in repr(document)


def test_a_source_named_after_a_person_gets_a_keyed_id() -> None:
    [document] = qdpx_documents(_project(name=f"Interview {SECRET}.docx"), SPEAKERS, KEY)

    assert document.local_id.startswith("anon-")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(
            _project((0, len(SOURCE_TEXT) + 1, "K1", "U1")),
            f"PlainTextSelection 1: endPosition {len(SOURCE_TEXT) + 1} is beyond the text's "
            f"{len(SOURCE_TEXT)} characters",
            id="selection-out-of-range",
        ),
        pytest.param(
            _project((9, 3, "K1", "U1")),
            "endPosition 3 is before startPosition 9",
            id="selection-reversed",
        ),
        pytest.param(
            _project((0, 3, "K9", "U1")),
            "refers to a code the codebook does not have",
            id="unknown-code",
        ),
        pytest.param(
            qdpx_bytes(
                coded_qde([("G1", "a", "internal://G1.txt", [])], {}),
                [("sources/G1.txt", f"{SECRET}\nP1: hello".encode())],
            ),
            "TextSource 1: line 1: text before the first speaker label",
            id="text-before-label",
        ),
        pytest.param(
            qdpx_bytes(coded_qde([], {}), [("../evil.txt", SECRET.encode())]),
            "path leading outside the archive",
            id="zip-slip",
        ),
        pytest.param(qdpx_bytes(xxe_qde()), "declares XML entities", id="xxe"),
        pytest.param(
            qdpx_bytes(billion_laughs_qde()), "declares XML entities", id="billion-laughs"
        ),
    ],
)
def test_malformed_projects_are_refused_with_a_reason(data: bytes, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        qdpx_documents(data, SPEAKERS, KEY)

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "P1: hi\nZebedee Quartermaine: hello",
            [("participant", "hi"), ("other", "hello")],
            id="unknown",
        ),
        pytest.param(
            "Notes on the day.\nAll quiet.",
            [("other", "Notes on the day. All quiet.")],
            id="no-labels",
        ),
    ],
)
def test_project_text_uses_the_one_speaker_grammar(text: str, expected: list) -> None:
    data = qdpx_bytes(
        coded_qde([("G1", "a", "internal://G1.txt", [])], {}), [("sources/G1.txt", text.encode())]
    )

    [document] = qdpx_documents(data, SPEAKERS, KEY)

    assert [(u.speaker_role, u.text) for u in document.utterances] == expected


@pytest.mark.parametrize(
    ("origin", "crlf_counts"),
    [("NVivo 14", 2), ("MAXQDA 2022", 2), ("QualCoder 3.6", 2), ("ATLAS.ti 23", 1)],
)
def test_crlf_counts_as_each_exporter_counts_it(origin: str, crlf_counts: int) -> None:
    stored = SOURCE_TEXT if crlf_counts == 2 else SOURCE_TEXT.replace("\r\n", "\n")
    start = stored.index("every week")
    project = coded_qde(
        [("G1", "PS01", "internal://G1.txt", [(start, start + 10, "K1", "U1")])],
        {"K1": "Contact"},
        origin=origin,
    )
    data = qdpx_bytes(project, [("sources/G1.txt", SOURCE_TEXT.encode())])

    [document] = qdpx_documents(data, SPEAKERS, KEY)

    assert _coded(document) == [(1, "every week", "Contact", "qdpx")]

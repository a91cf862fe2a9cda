"""Tests of reading a study manifest into rows and row problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualbridge.tasks.ingest.manifest import ManifestError, ManifestRow, RowProblem, read_manifest

HEADER = "transcript_id,file,participant_id"


def _write(tmp_path: Path, text: str, name: str = "manifest.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_rows_are_returned_in_order_with_line_numbers(tmp_path) -> None:
    path = _write(tmp_path, f"{HEADER}\nT1,t/T1.txt,P1\nT-2,t/T2.txt,P_2\n")

    rows, problems = read_manifest(path)

    assert problems == []
    assert rows == [
        ManifestRow(line=2, transcript_id="T1", file="t/T1.txt", participant_id="P1"),
        ManifestRow(line=3, transcript_id="T-2", file="t/T2.txt", participant_id="P_2"),
    ]


def test_values_are_stripped(tmp_path) -> None:
    rows, _ = read_manifest(_write(tmp_path, f"{HEADER}\n  T1 , a1.txt ,P1  \n"))

    assert (rows[0].transcript_id, rows[0].file, rows[0].participant_id) == ("T1", "a1.txt", "P1")


def test_utf8_bom_before_header_is_accepted(tmp_path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_bytes(b"\xef\xbb\xbf" + f"{HEADER}\nT1,a1.txt,P1\n".encode())

    rows, problems = read_manifest(path)

    assert [r.transcript_id for r in rows] == ["T1"]
    assert problems == []


def test_attributes_carry_the_extra_columns(tmp_path) -> None:
    path = _write(
        tmp_path,
        "transcript_id,file,participant_id,site,age_band,gender\n"
        "T1,a1.txt,P1,site_a,45-54,not stated\n",
    )

    rows, _ = read_manifest(path)

    assert rows[0].attributes == {"site": "site_a", "age_band": "45-54", "gender": "not stated"}


def test_attributes_are_empty_without_extra_columns(tmp_path) -> None:
    rows, _ = read_manifest(_write(tmp_path, f"{HEADER}\nT1,a1.txt,P1\n"))

    assert rows[0].attributes == {}


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("file,participant_id", "transcript_id"),
        ("transcript_id,participant_id,site", "file"),
        ("transcript_id,file", "participant_id"),
        ("id,path,who", "transcript_id"),
    ],
)
def test_missing_columns_raise_naming_the_file(tmp_path, header: str, missing: str) -> None:
    path = _write(tmp_path, f"{header}\na,b,c\n", name="study_x_manifest.csv")

    with pytest.raises(ManifestError) as info:
        read_manifest(path)

    assert "study_x_manifest.csv" in str(info.value)
    assert missing in str(info.value)


def test_empty_file_raises_missing_columns(tmp_path) -> None:
    with pytest.raises(ManifestError, match="missing required column"):
        read_manifest(_write(tmp_path, ""))


def test_missing_manifest_raises_naming_the_file(tmp_path) -> None:
    with pytest.raises(ManifestError, match=r"nowhere\.csv"):
        read_manifest(tmp_path / "nowhere.csv")


def test_non_utf8_manifest_raises(tmp_path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_bytes(f"{HEADER}\n".encode() + b"T1,caf\xe9.txt,P1\n")

    with pytest.raises(ManifestError, match=r"manifest\.csv"):
        read_manifest(path)


@pytest.mark.parametrize(
    ("bad_row", "field", "reason"),
    [
        pytest.param(",e5.txt,P9", "transcript_id", "empty", id="empty-transcript-id"),
        pytest.param("T9,,P9", "file", "empty", id="empty-file"),
        pytest.param("T9,e5.txt,", "participant_id", "empty", id="empty-participant"),
        pytest.param("T9,e5.txt,   ", "participant_id", "empty", id="blank-participant"),
        pytest.param("T9", "file", "empty", id="short-row"),
        pytest.param("T 9,e5.txt,P9", "transcript_id", "letters, digits", id="space-in-id"),
        pytest.param("T9/x,e5.txt,P9", "transcript_id", "letters, digits", id="slash-in-id"),
        pytest.param("T:9,e5.txt,P9", "transcript_id", "letters, digits", id="colon-in-id"),
        pytest.param("T9,e5.txt,P.9", "participant_id", "letters, digits", id="dot-in-pid"),
        pytest.param("T9,e5.txt,Pé", "participant_id", "letters, digits", id="accent-in-pid"),
        pytest.param(f"{'T' * 65},e5.txt,P9", "transcript_id", "1-64", id="id-too-long"),
        pytest.param("T1,b2.txt,P9", "transcript_id", "duplicate", id="duplicate-id"),
        pytest.param("T9,/etc/passwd,P9", "file", "does not match", id="absolute-path"),
        pytest.param("T9,../other/e5.txt,P9", "file", "no names", id="dotdot-start"),
        pytest.param("T9,t/../../e5.txt,P9", "file", "no names", id="dotdot-middle"),
        pytest.param("T9,./t/e5.txt,P9", "file", "no names", id="dot-slash"),
        pytest.param("T9,e5..b.txt,P9", "file", "no names", id="double-dot-in-name"),
        pytest.param("T9,t/Zephyrine Quillfeather.txt,P9", "file", "no names", id="full-name"),
        pytest.param("T9,t/Bethany.docx,P9", "file", "no names", id="first-name"),
        pytest.param("T9,t/PS01_Bethany.docx,P9", "file", "no names", id="code-and-name"),
        pytest.param("T9,Bethany/PS01.txt,P9", "file", "no names", id="name-as-folder"),
        pytest.param("T9,a1.txt,P9", "file", "duplicate file", id="duplicate-file"),
    ],
)
def test_bad_row_gives_problem_with_line_and_field(
    tmp_path, bad_row: str, field: str, reason: str
) -> None:
    # Header is line 1, the good row line 2, the bad row line 3, the trailing good row line 4.
    path = _write(tmp_path, f"{HEADER}\nT1,a1.txt,P1\n{bad_row}\nT4,d4.txt,P4\n")

    rows, problems = read_manifest(path)

    assert [r.transcript_id for r in rows] == ["T1", "T4"]
    assert [r.line for r in rows] == [2, 4]
    assert len(problems) == 1
    assert (problems[0].line, problems[0].field) == (3, field)
    assert reason in problems[0].reason


@pytest.mark.parametrize(
    "good_row",
    [
        pytest.param("T9,wave_2/int-0042.docx,P9", id="prefix-and-number"),
        pytest.param("T9,t/p_07_2.TextGrid,P9", id="numbered-parts"),
        pytest.param(f"{'T' * 64},a1.txt,{'P' * 64}", id="id-64-chars"),
        pytest.param("a_B-9,a1.txt,x-Y_1", id="id-mixed-characters"),
    ],
)
def test_borderline_rows_are_accepted(tmp_path, good_row: str) -> None:
    rows, problems = read_manifest(_write(tmp_path, f"{HEADER}\n{good_row}\n"))

    assert problems == []
    assert len(rows) == 1


def test_duplicate_is_reported_on_the_second_occurrence_only(tmp_path) -> None:
    path = _write(tmp_path, f"{HEADER}\nT1,a1.txt,P1\nT2,b2.txt,P2\nT1,c3.txt,P3\n")

    rows, problems = read_manifest(path)

    assert [(r.transcript_id, r.file) for r in rows] == [("T1", "a1.txt"), ("T2", "b2.txt")]
    assert problems == [RowProblem(4, "transcript_id", "duplicate transcript_id", file="c3.txt")]


def test_rejected_row_does_not_reserve_its_id(tmp_path) -> None:
    # The first T1 row is rejected (bad file), so the later T1 row is not a duplicate.
    path = _write(tmp_path, f"{HEADER}\nT1,/abs1.txt,P1\nT1,a1.txt,P1\n")

    rows, problems = read_manifest(path)

    assert [(r.line, r.transcript_id) for r in rows] == [(3, "T1")]
    assert [(p.line, p.field) for p in problems] == [(2, "file")]


def test_several_problems_are_each_reported(tmp_path) -> None:
    path = _write(tmp_path, f"{HEADER}\n,a1.txt,P1\nT2,,P2\nT3,c3.txt,\n")

    rows, problems = read_manifest(path)

    assert rows == []
    assert [(p.line, p.field) for p in problems] == [
        (2, "transcript_id"),
        (3, "file"),
        (4, "participant_id"),
    ]


def test_line_numbers_count_blank_lines(tmp_path) -> None:
    path = _write(tmp_path, f"{HEADER}\nT1,a1.txt,P1\n\nT2,,P2\n")

    _, problems = read_manifest(path)

    assert [(p.line, p.field) for p in problems] == [(4, "file")]


def test_line_numbers_count_multiline_quoted_fields(tmp_path) -> None:
    # A declared attribute may not hold a line break, so row T1 fails on the line it ends on.
    path = _write(tmp_path, f'{HEADER},ethnicity\nT1,a1.txt,P1,"two\nlines"\nT2,,P2,x\n')

    _, problems = read_manifest(path)

    assert [(p.line, p.field) for p in problems] == [(3, "ethnicity"), (4, "file")]


@pytest.mark.parametrize(
    "text",
    [
        "- {transcript_id: T1, file: a1.txt, participant_id: P1, age_band: 25-34}\n"
        "- {transcript_id: T2, file: '', participant_id: P2}\n",
        "transcripts:\n"
        "  - {transcript_id: T1, file: a1.txt, participant_id: P1, age_band: 25-34}\n"
        "  - {transcript_id: T2, file: '', participant_id: P2}\n",
    ],
)
def test_yaml_manifest_reads_like_csv(tmp_path, text: str) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(text, encoding="utf-8")

    rows, problems = read_manifest(path)

    assert [(r.transcript_id, r.file, r.attributes) for r in rows] == [
        ("T1", "a1.txt", {"age_band": "25-34"})
    ]
    assert [(p.line, p.field) for p in problems] == [(2, "file")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("just a string\n", "expected a list of transcripts"),
        ("- {transcript_id: T1, file: a1.txt}\n", "missing required field(s) ['participant_id']"),
        ("- [unclosed\n", "not readable UTF-8 YAML"),
    ],
)
def test_bad_yaml_manifest_is_refused_naming_the_file(tmp_path, text: str, message: str) -> None:
    path = tmp_path / "manifest.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)) as info:
        read_manifest(path)
    assert "manifest.yml" in str(info.value)


PLANTED_NAME = "Margaret Okonkwo-Hale"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("manifest.csv", f"{HEADER},age_band,name\nT1,a1.txt,P1,25-34,{PLANTED_NAME}\n"),
        (
            "manifest.yaml",
            f"- {{transcript_id: T1, file: a1.txt, participant_id: P1, name: {PLANTED_NAME}}}\n",
        ),
    ],
)
def test_undeclared_attribute_column_refuses_the_manifest(tmp_path, name: str, text: str) -> None:
    path = _write(tmp_path, text, name=name)

    with pytest.raises(ManifestError) as info:
        read_manifest(path)

    message = str(info.value)
    assert name in message and "['name']" in message and "study_manifest.odcs.yaml" in message
    assert PLANTED_NAME not in message


@pytest.mark.parametrize(
    ("column", "value", "ok"),
    [
        ("age_band", "65+", True),
        ("age_band", "thirty", False),
        ("gender", "non-binary", True),
        ("gender", "Jane", False),
        ("site", "site_a", True),
        ("site", "12 High Street", False),
        ("diagnosis", "F41.1", True),
        ("region", "E12000007", True),
        ("region", "SW1A 1AA", False),
        ("employment", "retired", True),
    ],
)
def test_declared_attributes_follow_their_contract(
    tmp_path, column: str, value: str, ok: bool
) -> None:
    rows, problems = read_manifest(_write(tmp_path, f"{HEADER},{column}\nT1,a1.txt,P1,{value}\n"))

    assert ([r.attributes for r in rows], [p.field for p in problems]) == (
        ([{column: value}], []) if ok else ([], [column])
    )
    assert all(value not in p.reason for p in problems)

"""Tests of reading text sources out of REFI-QDA .qdpx projects, refusing hostile archives."""

from __future__ import annotations

import pytest

from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.qdpx import QdpxSource, parse_qdpx
from qualbridge.tasks.ingest.turns import ParseError
from tests.tasks.ingest.builders import (
    SECRET,
    billion_laughs_qde,
    qde,
    qdpx_bytes,
    text_source,
    understate_sizes,
    xxe_qde,
)

GUID_A = "0a1b2c3d-0000-4000-8000-000000000001"
GUID_B = "0a1b2c3d-0000-4000-8000-000000000002"
INLINE = text_source(GUID_A, "Interview 1", content="I: Hi.\nP1: Café.")
BY_PATH = text_source(GUID_B, "Interview 2", path=f"internal://{GUID_B}.txt")
MEMBER = (f"sources/{GUID_B}.txt", b"I: From a file.")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            qdpx_bytes(qde(INLINE, BY_PATH), [MEMBER]),
            [
                QdpxSource(GUID_A, "Interview 1", "I: Hi.\nP1: Café."),
                QdpxSource(GUID_B, "Interview 2", "I: From a file."),
            ],
            id="inline-and-internal-path",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE, namespace=None)),
            [QdpxSource(GUID_A, "Interview 1", "I: Hi.\nP1: Café.")],
            id="without-namespace",
        ),
        pytest.param(
            qdpx_bytes(qde(BY_PATH), [(MEMBER[0], "I: UTF-16 ça".encode("utf-16"))]),
            [QdpxSource(GUID_B, "Interview 2", "I: UTF-16 ça")],
            id="utf16-member",
        ),
        pytest.param(
            qdpx_bytes(qde(BY_PATH), [(f"Sources/{GUID_B}.txt", b"I: From a file.")]),
            [QdpxSource(GUID_B, "Interview 2", "I: From a file.")],
            id="capitalised-sources-folder",
        ),
        pytest.param(qdpx_bytes(qde()), [], id="no-sources"),
        pytest.param(
            qdpx_bytes(qde(INLINE, prolog="<!DOCTYPE Project>\n")),
            [QdpxSource(GUID_A, "Interview 1", "I: Hi.\nP1: Café.")],
            id="harmless-doctype",
        ),
    ],
)
def test_text_sources_are_read(data: bytes, expected: list[QdpxSource]) -> None:
    assert parse_qdpx(data).sources == expected


def test_the_xml_root_is_kept_for_later_readers() -> None:
    project = parse_qdpx(qdpx_bytes(qde(INLINE)))

    assert project.root.tag == "{urn:QDA-XML:project:1.0}Project"
    assert project.root.get("name") == "study"


def test_sources_nested_in_other_elements_are_not_text_sources() -> None:
    picture = f'<PictureSource guid="{GUID_B}"><TextDescription guid="{GUID_B}"/></PictureSource>'

    assert [s.guid for s in parse_qdpx(qdpx_bytes(qde(INLINE, picture))).sources] == [GUID_A]


@pytest.mark.parametrize(
    ("data", "limits", "fragment"),
    [
        pytest.param(
            qdpx_bytes(qde(INLINE), [("../evil.txt", SECRET.encode())]),
            None,
            "archive entry 2 has a path leading outside the archive",
            id="zip-slip",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [("sources/../../evil.txt", b"x")]),
            None,
            "path leading outside",
            id="zip-slip-nested",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [("/etc/passwd", b"x")]),
            None,
            "archive entry 2 has an absolute path",
            id="absolute",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [("C:\\Windows\\evil.txt", b"x")]),
            None,
            "absolute path",
            id="drive-letter",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [("project.qde", SECRET.encode())]),
            None,
            "archive entry 2 repeats the name",
            id="duplicate-name",
        ),
        pytest.param(qdpx_bytes(xxe_qde()), None, "declares XML entities", id="xxe"),
        pytest.param(qdpx_bytes(billion_laughs_qde()), None, "declares XML entities", id="laughs"),
        pytest.param(
            qdpx_bytes(qde(INLINE), [("sources/big.txt", b"\0" * 8 * 1024 * 1024)]),
            None,
            "archive entry 2 expands",
            id="zip-bomb",
        ),
        pytest.param(
            understate_sizes(qdpx_bytes(qde(text_source(GUID_A, SECRET, content="x" * 5000))), 100),
            None,
            "archive entry 1 is corrupt",
            id="sizes-understated",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [(f"sources/{i}.txt", b"") for i in range(5)]),
            IngestLimits(max_zip_entries=5),
            "archive has 6 entries, over the limit of 5",
            id="too-many-entries",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE), [MEMBER]),
            IngestLimits(max_uncompressed_bytes=100),
            "archive unpacks to",
            id="over-uncompressed-limit",
        ),
        pytest.param(
            qdpx_bytes(None, [MEMBER]), None, "no project.qde in the archive", id="no-project"
        ),
        pytest.param(SECRET.encode() * 10, None, "not a readable .qdpx (", id="not-a-zip"),
        pytest.param(
            qdpx_bytes(f"<Project><Sources>{SECRET}".encode()),
            None,
            "project.qde is not well-formed XML (line 1, column",
            id="malformed-xml",
        ),
        pytest.param(
            qdpx_bytes(b"<Codebook/>"), None, "root element is not <Project>", id="wrong-root"
        ),
        pytest.param(
            qdpx_bytes(qde(text_source("", SECRET, content="x"))),
            None,
            "TextSource 1: has no guid",
            id="no-guid",
        ),
        pytest.param(
            qdpx_bytes(qde(INLINE, text_source(GUID_B, SECRET))),
            None,
            "TextSource 2: has neither PlainTextContent nor plainTextPath",
            id="no-text",
        ),
        pytest.param(
            qdpx_bytes(qde(text_source(GUID_B, SECRET, path="absolute:///home/x/secret.txt"))),
            None,
            "TextSource 1: plainTextPath points outside the project file",
            id="absolute-path-source",
        ),
        pytest.param(
            qdpx_bytes(qde(text_source(GUID_B, SECRET, path="internal://../../etc/passwd"))),
            None,
            "TextSource 1: plainTextPath is not a file name inside sources/",
            id="internal-path-traversal",
        ),
        pytest.param(
            qdpx_bytes(qde(BY_PATH)),
            None,
            "TextSource 1: its plain-text file is missing",
            id="member-missing",
        ),
        pytest.param(
            qdpx_bytes(qde(BY_PATH), [(MEMBER[0], f"I: {SECRET}\x00".encode())]),
            None,
            "TextSource 1: binary content (NUL bytes)",
            id="member-binary",
        ),
    ],
)
def test_hostile_or_broken_projects_are_refused_without_content(
    data: bytes, limits: IngestLimits | None, fragment: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse_qdpx(data, limits or IngestLimits())

    assert fragment in str(info.value)
    assert SECRET not in str(info.value)
    assert "/etc/" not in str(info.value)

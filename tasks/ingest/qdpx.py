"""Read the text sources of REFI-QDA projects (.qdpx): a zip of project.qde and sources/."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLSyntaxError

import defusedxml.ElementTree as SafeET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from tasks.ingest.loading import load_bytes, to_text
from tasks.ingest.turns import ParseError
from tasks.ingest.zip_guard import open_archive, read_member

PROJECT_MEMBER = "project.qde"
NAMESPACE = "urn:QDA-XML:project:1.0"
_INTERNAL = "internal://"
# An internal path names one file directly in sources/: no folders, no "..".
_MEMBER_FILE = re.compile(r"^[\w.\-{}]+$")


@dataclass(frozen=True)
class QdpxSource:
    """One TextSource: its guid, its name in the project, and its plain text (raw: never log)."""

    guid: str
    name: str
    text: str


@dataclass(frozen=True)
class QdpxProject:
    """A project's text sources, with the parsed project.qde root kept for later readers."""

    root: Element
    sources: list[QdpxSource]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    """Direct children by local name, so files with or without the namespace both read."""
    return [child for child in element if _local(child.tag) == name]


def _parse_xml(data: bytes) -> Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise ParseError(f"{PROJECT_MEMBER} declares XML entities (refused)") from None
    except (ExternalReferenceForbidden, DTDForbidden):
        raise ParseError(f"{PROJECT_MEMBER} refers to an external resource (refused)") from None
    except XMLSyntaxError as exc:
        line, column = exc.position
        raise ParseError(
            f"{PROJECT_MEMBER} is not well-formed XML (line {line}, column {column})"
        ) from None


def _source_text(
    element: Element, where: str, archive: zipfile.ZipFile, limits: IngestLimits
) -> str:
    content = _children(element, "PlainTextContent")
    if content:
        return unicodedata.normalize("NFC", content[0].text or "")
    path = element.get("plainTextPath")
    if not path:
        raise ParseError(f"{where}: has neither PlainTextContent nor plainTextPath")
    if not path.startswith(_INTERNAL):
        raise ParseError(f"{where}: plainTextPath points outside the project file (refused)")
    file_name = path[len(_INTERNAL) :]
    if not _MEMBER_FILE.match(file_name) or file_name in (".", ".."):
        raise ParseError(f"{where}: plainTextPath is not a file name inside sources/")
    member = f"sources/{file_name}"
    if member not in archive.namelist():
        raise ParseError(f"{where}: its plain-text file is missing from the archive")
    try:
        return to_text(read_member(archive, member, limits))
    except ParseError as exc:
        raise ParseError(f"{where}: {exc}") from None


def parse_qdpx(data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> QdpxProject:
    """The text sources of a .qdpx held in memory, vetted first and never extracted to disk."""
    with open_archive(data, ".qdpx", limits) as archive:
        if PROJECT_MEMBER not in archive.namelist():
            raise ParseError(f"no {PROJECT_MEMBER} in the archive (not a REFI-QDA project?)")
        root = _parse_xml(read_member(archive, PROJECT_MEMBER, limits))
        if _local(root.tag) != "Project":
            raise ParseError(f"{PROJECT_MEMBER}: root element is not <Project>")
        sources: list[QdpxSource] = []
        elements = [e for s in _children(root, "Sources") for e in _children(s, "TextSource")]
        for number, element in enumerate(elements, start=1):
            where = f"TextSource {number}"
            guid = element.get("guid")
            if not guid:
                raise ParseError(f"{where}: has no guid")
            text = _source_text(element, where, archive, limits)
            sources.append(QdpxSource(guid, element.get("name", ""), text))
    return QdpxProject(root, sources)


def read_qdpx(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> QdpxProject:
    """Read a .qdpx file's text sources."""
    return parse_qdpx(load_bytes(path, limits), limits)

"""Read the text sources of REFI-QDA projects (.qdpx): a zip of project.qde and sources/."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLSyntaxError

import defusedxml.ElementTree as SafeET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.positions import PositionMap, normalise_with_offsets
from qualbridge.tasks.ingest.reading import SourceError, detect_encoding
from qualbridge.tasks.ingest.turns import ParseError
from qualbridge.tasks.ingest.zip_guard import open_archive, read_member

PROJECT_MEMBER = "project.qde"
NAMESPACE = "urn:QDA-XML:project:1.0"
_INTERNAL = "internal://"
_SOURCE_DIRS = ("sources", "Sources")
# An internal path names one file directly in sources/: no folders, no "..".
_MEMBER_FILE = re.compile(r"^[\w.\-{}]+$")


@dataclass(frozen=True)
class QdpxSelection:
    """A coded PlainTextSelection: [start, end) in the source's normalised text, code, coder."""

    start: int
    end: int
    code: str
    user_guid: str


@dataclass(frozen=True)
class QdpxSource:
    """One TextSource: its guid, its name in the project, and its plain text (raw: never log)."""

    guid: str
    name: str
    text: str
    selections: tuple[QdpxSelection, ...] = ()


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
        root: Element = SafeET.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        return root
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
        return content[0].text or ""
    path = element.get("plainTextPath")
    if not path:
        raise ParseError(f"{where}: has neither PlainTextContent nor plainTextPath")
    if not path.startswith(_INTERNAL):
        raise ParseError(f"{where}: plainTextPath points outside the project file (refused)")
    file_name = path[len(_INTERNAL) :]
    if not _MEMBER_FILE.match(file_name) or file_name in (".", ".."):
        raise ParseError(f"{where}: plainTextPath is not a file name inside sources/")
    # The standard says sources/; some exporters (MAXQDA, per QualCoder's importer) write Sources/.
    names = set(archive.namelist())
    member = next((f"{d}/{file_name}" for d in _SOURCE_DIRS if f"{d}/{file_name}" in names), None)
    if member is None:
        raise ParseError(f"{where}: its plain-text file is missing from the archive")
    data = read_member(archive, member, limits)
    try:
        return data.decode(detect_encoding(data))
    except (SourceError, UnicodeDecodeError) as exc:
        reason = str(exc) if isinstance(exc, SourceError) else "not valid UTF-16"
        raise ParseError(f"{where}: {reason}") from None


def _codes(root: Element) -> dict[str, str]:
    """Every code's name by guid, at any depth of the codebook."""
    return {
        code.get("guid", ""): code.get("name", "")
        for book in _children(root, "CodeBook")
        for codes in _children(book, "Codes")
        for code in codes.iter()
        if _local(code.tag) == "Code" and code.get("guid")
    }


def _position(selection: Element, name: str, where: str, length: int) -> int:
    value = selection.get(name, "")
    if not value.strip().isdigit():
        raise ParseError(f"{where}: {name} is not a whole number")
    position = int(value)
    if position > length:
        raise ParseError(f"{where}: {name} {position} is beyond the text's {length} characters")
    return position


def _selections(
    element: Element, where: str, offsets: PositionMap, codes: dict[str, str]
) -> list[QdpxSelection]:
    """Coded selections with positions moved from the stored text into the normalised text."""
    found: list[QdpxSelection] = []
    length = len(offsets) - 1
    for number, selection in enumerate(_children(element, "PlainTextSelection"), start=1):
        place = f"{where}, PlainTextSelection {number}"
        start = _position(selection, "startPosition", place, length)
        end = _position(selection, "endPosition", place, length)
        if end < start:
            raise ParseError(f"{place}: endPosition {end} is before startPosition {start}")
        for coding in _children(selection, "Coding"):
            user = coding.get("creatingUser") or selection.get("creatingUser") or ""
            for ref in _children(coding, "CodeRef"):
                target = ref.get("targetGUID", "")
                if target not in codes:
                    raise ParseError(f"{place}: refers to a code the codebook does not have")
                found.append(QdpxSelection(offsets[start], offsets[end], codes[target], user))
    return found


def parse_qdpx(data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> QdpxProject:
    """The text sources of a .qdpx held in memory, vetted first and never extracted to disk."""
    with open_archive(data, ".qdpx", limits) as archive:
        if PROJECT_MEMBER not in archive.namelist():
            raise ParseError(f"no {PROJECT_MEMBER} in the archive (not a REFI-QDA project?)")
        root = _parse_xml(read_member(archive, PROJECT_MEMBER, limits))
        if _local(root.tag) != "Project":
            raise ParseError(f"{PROJECT_MEMBER}: root element is not <Project>")
        sources: list[QdpxSource] = []
        codes = _codes(root)
        # Positions count code points of the text as stored, CRLF as two (the standard; NVivo,
        # MAXQDA), except that ATLAS.ti counts a CRLF in its text files as one character.
        counts_crlf_as_one = "atlas" in root.get("origin", "").casefold()
        elements = [e for s in _children(root, "Sources") for e in _children(s, "TextSource")]
        for number, element in enumerate(elements, start=1):
            where = f"TextSource {number}"
            guid = element.get("guid")
            if not guid:
                raise ParseError(f"{where}: has no guid")
            raw = _source_text(element, where, archive, limits)
            if counts_crlf_as_one:
                raw = raw.replace("\r\n", "\n")
            text, offsets = normalise_with_offsets(raw)
            selections = tuple(_selections(element, where, offsets, codes))
            sources.append(QdpxSource(guid, element.get("name", ""), text, selections))
    return QdpxProject(root, sources)

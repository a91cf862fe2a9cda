"""REFI-QDA codebook exchange (.qdc): import into the codebook model and export from it."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XMLSyntaxError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import ValidationError

from qualbridge.schemas.codebook import (
    GUID,
    Codebook,
    Theme,
    ThemeRules,
    ThemeSet,
    slug,
    validation_message,
)
from qualbridge.schemas.config import ConfigError

NAMESPACE = "urn:QDA-XML:codebook:1.0"
ORIGIN = "qualbridge"
# Fixed namespace of derived GUIDs: the same codebook id and theme id give the same GUID forever.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "qualbridge:codebook")
MAX_QDC_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 100
_GUID = re.compile(GUID)
_RGB = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}
# Characters XML 1.0 cannot carry at all; ElementTree would write them and break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class QdcError(ConfigError):
    """A .qdc file that cannot be read, with a message naming the file and the element."""


def derived_guid(codebook_id: str, key: str) -> str:
    """A stable GUID for a theme (or 'set:<name>') of a codebook, upper case as QDA tools write."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{codebook_id}\x1f{key}")).upper()


def theme_guid(codebook: Codebook, theme: Theme) -> str:
    """The theme's kept GUID, or the one derived from codebook id and theme id."""
    return theme.guid or derived_guid(codebook.codebook_id, theme.theme_id)


def set_guid(codebook: Codebook, theme_set: ThemeSet) -> str:
    """The set's kept GUID, or the one derived from codebook id and set name."""
    return theme_set.guid or derived_guid(codebook.codebook_id, f"set:{theme_set.name}")


# ------------------------------------------------------------------------------------------
# Export
# ------------------------------------------------------------------------------------------


def description(theme: Theme) -> str:
    """Definition, then include and exclude notes as labelled paragraphs (read back on import)."""
    parts = [theme.definition] if theme.definition else []
    parts += [f"Include: {theme.include}"] if theme.include else []
    parts += [f"Exclude: {theme.exclude}"] if theme.exclude else []
    return "\n\n".join(parts)


def _code_element(
    codebook: Codebook, theme: Theme, children: dict[str | None, list[Theme]]
) -> Element:
    attributes = {
        "guid": theme_guid(codebook, theme),
        "name": theme.name,
        "isCodable": "true" if theme.codable else "false",
    }
    if theme.color:
        attributes["color"] = theme.color
    element = Element("Code", attributes)
    text = description(theme)
    if text:
        ET.SubElement(element, "Description").text = text
    for child in children.get(theme.theme_id, []):
        element.append(_code_element(codebook, child, children))
    return element


def _check_xml_text(codebook: Codebook) -> None:
    for i, theme in enumerate(codebook.themes):
        for field in ("name", "definition", "include", "exclude"):
            if _NOT_XML.search(getattr(theme, field)):
                raise QdcError(
                    f"themes.{i} ({theme.theme_id}).{field}: holds a control character that "
                    "XML cannot carry"
                )


def export_qdc(codebook: Codebook) -> bytes:
    """The codebook as a .qdc document; the same codebook always gives the same bytes."""
    _check_xml_text(codebook)
    children: dict[str | None, list[Theme]] = {}
    for theme in codebook.themes:
        children.setdefault(theme.parent, []).append(theme)
    root = Element("CodeBook", {"xmlns": NAMESPACE, "origin": ORIGIN})
    codes = ET.SubElement(root, "Codes")
    for theme in children.get(None, []):
        codes.append(_code_element(codebook, theme, children))
    if codebook.sets:
        guids = {t.theme_id: theme_guid(codebook, t) for t in codebook.themes}
        sets = ET.SubElement(root, "Sets")
        for theme_set in codebook.sets:
            element = ET.SubElement(
                sets, "Set", {"guid": set_guid(codebook, theme_set), "name": theme_set.name}
            )
            if theme_set.description:
                ET.SubElement(element, "Description").text = theme_set.description
            for member in theme_set.themes:
                ET.SubElement(element, "MemberCode", {"guid": guids[member]})
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def write_qdc(codebook: Codebook, path: Path) -> Path:
    """Write the codebook's .qdc export to path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(export_qdc(codebook))
    return path


# ------------------------------------------------------------------------------------------
# Import
# ------------------------------------------------------------------------------------------


@dataclass
class _Code:
    """One Code element, flattened in document order."""

    where: str
    guid: str
    name: str
    codable: bool
    color: str | None
    description: str
    parent: int | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    """Direct children by local name, so files with or without the namespace both read."""
    return [child for child in element if _local(child.tag) == name]


def _text(element: Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "") if found else ""


def _parse(data: bytes, source: str) -> Element:
    if len(data) > MAX_QDC_BYTES:
        raise QdcError(f"{source}: larger than {MAX_QDC_BYTES} bytes (refused)")
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise QdcError(f"{source}: {type(exc).__name__} (DTDs and entities are refused)") from None
    except XMLSyntaxError as exc:
        line, column = exc.position
        raise QdcError(f"{source}: not well-formed XML (line {line}, column {column})") from None
    if _local(root.tag) != "CodeBook":
        raise QdcError(f"{source}: root element is {_local(root.tag)!r}, expected 'CodeBook'")
    return root


def _read_code(element: Element, where: str, parent: int | None, source: str) -> _Code:
    guid, name = element.get("guid", "").strip(), element.get("name")
    if not _GUID.match(guid):
        raise QdcError(f"{source}: {where}: guid {guid!r} is missing or not a GUID")
    if not name or not name.strip():
        raise QdcError(f"{source}: {where}: has no name")
    codable = _BOOLEAN.get(element.get("isCodable", "").strip())
    if codable is None:
        raise QdcError(f"{source}: {where} ({name}): isCodable must be true or false")
    color = element.get("color")
    if color is not None and not _RGB.match(color.strip()):
        raise QdcError(f"{source}: {where} ({name}): color {color!r} is not #RRGGBB")
    return _Code(
        where,
        guid,
        name,
        codable,
        color.strip() if color else None,
        _text(element, "Description"),
        parent,
    )


def _flatten(codes: Element, source: str) -> list[_Code]:
    """Every Code in document order, each with the index of its parent."""
    flat: list[_Code] = []
    stack: list[tuple[Element, str, int | None, int]] = [
        (e, f"Codes/Code[{i}]", None, 1) for i, e in enumerate(_children(codes, "Code"), 1)
    ]
    stack.reverse()
    while stack:
        element, where, parent, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise QdcError(f"{source}: {where}: codes nested deeper than {MAX_DEPTH} levels")
        flat.append(_read_code(element, where, parent, source))
        index = len(flat) - 1
        nested = _children(element, "Code")
        stack += [
            (child, f"{where}/Code[{i}]", index, depth + 1)
            for i, child in reversed(list(enumerate(nested, 1)))
        ]
    return flat


def _key(guid: str) -> str:
    """A GUID compared as tools mean it: without braces, in upper case."""
    return guid.strip().strip("{}").upper()


def _theme_ids(flat: list[_Code], base: Codebook | None) -> list[str]:
    """Base theme ids for codes whose GUID the base codebook knows; unique slugs for the rest."""
    known = {}
    if base is not None:
        known = {_key(theme_guid(base, t)): t.theme_id for t in base.themes}
    ids: list[str | None] = [known.get(_key(c.guid)) for c in flat]
    used = {i for i in ids if i is not None}
    for n, code in enumerate(flat):
        if ids[n] is None:
            candidate, suffix = slug(code.name), 2
            while candidate in used:
                candidate, suffix = f"{slug(code.name)}_{suffix}", suffix + 1
            ids[n] = candidate
            used.add(candidate)
    return [i for i in ids if i is not None]


def _cut(text: str, label: str) -> tuple[str, str]:
    """Text before a paragraph starting with label, and that paragraph's rest."""
    if text.startswith(label):
        return "", text[len(label) :]
    at = text.find(f"\n\n{label}")
    return (text, "") if at < 0 else (text[:at], text[at + 2 + len(label) :])


def _split_description(text: str) -> tuple[str, str, str]:
    """Definition, include note and exclude note of a Description written by description()."""
    head, exclude = _cut(text, "Exclude: ")
    definition, include = _cut(head, "Include: ")
    return definition, include, exclude


def import_qdc(
    data: bytes, source: str, codebook_id: str, base: Codebook | None = None
) -> Codebook:
    """Read a .qdc document into a codebook; with a base, known GUIDs keep their ids and rules.

    Parents come from nesting, the Description from its definition and Include/Exclude
    paragraphs, and each code's GUID is kept unless it is the one qualbridge would derive.
    """
    root = _parse(data, source)
    codes = _children(root, "Codes")
    if len(codes) != 1:
        raise QdcError(f"{source}: expected one Codes element, found {len(codes)}")
    flat = _flatten(codes[0], source)
    if not flat:
        raise QdcError(f"{source}: Codes holds no Code")
    seen: dict[str, str] = {}
    for code in flat:
        key = _key(code.guid)
        if key in seen:
            raise QdcError(f"{source}: {code.where}: guid {code.guid} repeats {seen[key]}")
        seen[key] = code.where
    if base is not None:
        codebook_id = base.codebook_id
    ids = _theme_ids(flat, base)
    by_guid = {_key(c.guid): ids[n] for n, c in enumerate(flat)}
    known = {t.theme_id: (i, t.rules) for i, t in enumerate(base.themes)} if base else {}
    themes = []
    for n, code in enumerate(flat):
        definition, include, exclude = _split_description(code.description)
        own = _key(code.guid) != derived_guid(codebook_id, ids[n])
        themes.append(
            {
                "theme_id": ids[n],
                "name": code.name,
                "definition": definition,
                "parent": None if code.parent is None else ids[code.parent],
                "include": include,
                "exclude": exclude,
                "guid": code.guid if own else None,
                "color": code.color,
                "codable": code.codable,
                "rules": known[ids[n]][1] if ids[n] in known else ThemeRules(),
            }
        )
    # Known themes keep the base's order, so a round trip gives back the same codebook.
    themes.sort(key=lambda t: known[t["theme_id"]][0] if t["theme_id"] in known else len(known))
    try:
        return Codebook.model_validate(
            {
                "codebook_id": codebook_id,
                "version": base.version if base is not None else "1",
                "themes": themes,
                "sets": [_read_set(e, i, by_guid, codebook_id, source) for i, e in _sets(root)],
            }
        )
    except ValidationError as exc:
        raise QdcError(f"{source}: {validation_message(exc)}") from None


def _sets(root: Element) -> list[tuple[int, Element]]:
    return [
        (i, element)
        for block in _children(root, "Sets")
        for i, element in enumerate(_children(block, "Set"), 1)
    ]


def _read_set(
    element: Element, index: int, by_guid: dict[str, str], codebook_id: str, source: str
) -> ThemeSet:
    where = f"Sets/Set[{index}]"
    guid, name = element.get("guid", "").strip(), element.get("name")
    if not _GUID.match(guid) or not name:
        raise QdcError(f"{source}: {where}: a set needs a name and a GUID")
    members = []
    for i, member in enumerate(_children(element, "MemberCode"), 1):
        key = _key(member.get("guid", ""))
        if key not in by_guid:
            raise QdcError(f"{source}: {where}/MemberCode[{i}]: no code with guid {key!r}")
        members.append(by_guid[key])
    own = _key(guid) != derived_guid(codebook_id, f"set:{name}")
    return ThemeSet(
        name=name,
        description=_text(element, "Description"),
        guid=guid if own else None,
        themes=members,
    )


def read_qdc(path: Path, codebook_id: str | None = None, base: Codebook | None = None) -> Codebook:
    """Read a .qdc file; the codebook id defaults to the file's stem."""
    path = Path(path)
    if not path.is_file():
        raise QdcError(f"{path}: not found")
    return import_qdc(path.read_bytes(), str(path), codebook_id or path.stem, base)

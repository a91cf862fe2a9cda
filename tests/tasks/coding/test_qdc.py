"""Tests of REFI-QDA codebook exchange: schema-valid, byte-stable exports and faithful imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from qualbridge.schemas.codebook import Codebook, load_codebook
from qualbridge.tasks.coding.qdc import QdcError, derived_guid, export_qdc, import_qdc, read_qdc

ROOT = Path(__file__).parents[3]
DEMO = ROOT / "examples" / "demo" / "codebook.yaml"
SCHEMA = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "refi_qda" / "Codebook.xsd")))

G1 = "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"
G2 = "51191CEE-BF78-4E92-9DF8-3AE66721E038"
G3 = "14C4E248-F726-42CB-B1CD-A65D6A86F296"
GS = "ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"

# Shaped like an ATLAS.ti export: namespace, schemaLocation, colours, a code group as a Set.
ATLAS_LIKE = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" origin="Some QDA tool 23"
  xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="{G1}" name="Felt heard" color="#46AA00" isCodable="true">
      <Description>Feeling listened to.</Description>
    </Code>
    <Code guid="{G2}" name="Peer identity" color="#006EFF" isCodable="false">
      <Description>Sharing a background.</Description>
      <Code guid="{G3}" name="Been there" isCodable="true" />
    </Code>
  </Codes>
  <Sets>
    <Set name="Relational" guid="{GS}">
      <Description>codes about the relationship</Description>
      <MemberCode guid="{G1}" />
      <MemberCode guid="{G3}" />
    </Set>
  </Sets>
</CodeBook>
""".encode()


def _codebook() -> Codebook:
    return Codebook.model_validate(
        {
            "codebook_id": "cb",
            "version": "4",
            "themes": [
                {
                    "theme_id": "relationship",
                    "name": "Relationship",
                    "definition": "The helping relationship.",
                    "codable": False,
                },
                {
                    "theme_id": "heard",
                    "name": "Being heard & <understood>",
                    "definition": "Feeling heard.\nOn two lines.",
                    "parent": "relationship",
                    "include": "Felt listened to.",
                    "exclude": "Techniques.",
                    "color": "#1B6CA8",
                    "rules": {"keywords": ["heard"]},
                },
                {"theme_id": "boundaries", "name": "Boundaries", "definition": ""},
            ],
            "sets": [{"name": "Core", "description": "core themes", "themes": ["heard"]}],
        }
    )


@pytest.mark.parametrize("codebook", [_codebook(), load_codebook(DEMO)], ids=["tree", "demo"])
def test_export_is_valid_against_the_refi_qda_schema(codebook: Codebook) -> None:
    document = etree.fromstring(export_qdc(codebook))
    assert SCHEMA.validate(document), SCHEMA.error_log


def test_the_schema_rejects_what_it_should() -> None:
    broken = ATLAS_LIKE.replace(b' isCodable="true" />', b" />")
    assert SCHEMA.validate(etree.fromstring(ATLAS_LIKE))
    assert not SCHEMA.validate(etree.fromstring(broken))


def test_export_is_byte_identical_and_guids_are_derived_from_ids() -> None:
    first, second = export_qdc(_codebook()), export_qdc(_codebook())
    assert first == second
    assert derived_guid("cb", "heard").encode() in first
    assert derived_guid("cb", "heard") != derived_guid("other", "heard")
    assert derived_guid("cb", "heard") != derived_guid("cb", "boundaries")


def test_export_nests_children_and_labels_notes() -> None:
    root = etree.fromstring(export_qdc(_codebook()))
    ns = {"q": "urn:QDA-XML:codebook:1.0"}
    parent = root.find("q:Codes/q:Code[@name='Relationship']", ns)
    child = parent.find("q:Code", ns)
    assert parent.get("isCodable") == "false"
    assert child.get("name") == "Being heard & <understood>" and child.get("color") == "#1B6CA8"
    assert child.findtext("q:Description", namespaces=ns) == (
        "Feeling heard.\nOn two lines.\n\nInclude: Felt listened to.\n\nExclude: Techniques."
    )
    assert root.find("q:Codes/q:Code[@name='Boundaries']/q:Description", ns) is None
    member = root.find("q:Sets/q:Set/q:MemberCode", ns)
    assert member.get("guid") == child.get("guid")


def test_yaml_to_qdc_to_yaml_with_a_base_gives_back_the_codebook() -> None:
    codebook = _codebook()
    assert import_qdc(export_qdc(codebook), "x.qdc", "ignored", base=codebook) == codebook


def test_qdc_to_yaml_to_qdc_is_byte_identical() -> None:
    once = export_qdc(import_qdc(ATLAS_LIKE, "a.qdc", "study"))
    assert export_qdc(import_qdc(once, "b.qdc", "study")) == once
    ours = export_qdc(_codebook())
    assert export_qdc(import_qdc(ours, "c.qdc", "someone-else")) == ours


def test_import_keeps_nesting_guids_colours_and_sets() -> None:
    codebook = import_qdc(ATLAS_LIKE, "atlas.qdc", "study_a")
    assert codebook.codebook_id == "study_a"
    assert [(t.theme_id, t.parent, t.guid, t.codable) for t in codebook.themes] == [
        ("felt_heard", None, G1, True),
        ("peer_identity", None, G2, False),
        ("been_there", "peer_identity", G3, True),
    ]
    assert codebook.themes[0].definition == "Feeling listened to."
    assert codebook.themes[0].color == "#46AA00"
    assert codebook.themes[0].rules.keywords == []
    assert [(s.name, s.guid, s.themes) for s in codebook.sets] == [
        ("Relational", GS, ["felt_heard", "been_there"])
    ]


def test_import_reads_files_without_namespace_and_braced_guids() -> None:
    data = (
        b'<CodeBook origin="x"><Codes>'
        b'<Code guid="{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}" name="Felt heard" isCodable="1"/>'
        b'<Code guid="51191cee-bf78-4e92-9df8-3ae66721e038" name="Felt  heard" isCodable="0"/>'
        b"</Codes></CodeBook>"
    )
    codebook = import_qdc(data, "plain.qdc", "s")
    assert [t.theme_id for t in codebook.themes] == ["felt_heard", "felt_heard_2"]
    assert [t.codable for t in codebook.themes] == [True, False]


def test_a_base_keeps_ids_and_rules_of_known_codes_and_adds_new_ones() -> None:
    base = _codebook()
    edited = export_qdc(base).replace(b"Feeling heard.", b"Feeling heard, revised.")
    edited = edited.replace(
        b"  </Codes>",
        f'    <Code guid="{G1}" name="Boundaries" isCodable="true"/>\n  </Codes>'.encode(),
    )
    codebook = import_qdc(edited, "edited.qdc", "ignored", base=base)
    heard = codebook.theme("heard")
    assert heard is not None and heard.definition == "Feeling heard, revised.\nOn two lines."
    assert heard.rules.keywords == ["heard"]
    assert [t.theme_id for t in codebook.themes][-1] == "boundaries_2"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not xml", "not well-formed XML (line 1, column 0)"),
        (b"<Project/>", "root element is 'Project'"),
        (b"<CodeBook/>", "expected one Codes element, found 0"),
        (b"<CodeBook><Codes/></CodeBook>", "Codes holds no Code"),
        (
            b'<CodeBook><Codes><Code name="a" isCodable="true"/></Codes></CodeBook>',
            "Codes/Code[1]: guid '' is missing or not a GUID",
        ),
        (
            f'<CodeBook><Codes><Code guid="{G1}" isCodable="true"/></Codes></CodeBook>'.encode(),
            "Codes/Code[1]: has no name",
        ),
        (
            f'<CodeBook><Codes><Code guid="{G1}" name="a"/></Codes></CodeBook>'.encode(),
            "Codes/Code[1] (a): isCodable must be true or false",
        ),
        (
            f'<CodeBook><Codes><Code guid="{G1}" name="a" isCodable="true" color="red"/>'
            f"</Codes></CodeBook>".encode(),
            "Codes/Code[1] (a): color 'red' is not #RRGGBB",
        ),
        (
            f'<CodeBook><Codes><Code guid="{G1}" name="a" isCodable="true">'
            f'<Code guid="{G1}" name="b" isCodable="true"/></Code></Codes></CodeBook>'.encode(),
            f"Codes/Code[1]/Code[1]: guid {G1} repeats Codes/Code[1]",
        ),
        (
            f'<CodeBook><Codes><Code guid="{G1}" name="a" isCodable="true"/></Codes>'
            f'<Sets><Set guid="{GS}" name="s"><MemberCode guid="{G2}"/></Set></Sets>'
            f"</CodeBook>".encode(),
            "Sets/Set[1]/MemberCode[1]: no code with guid",
        ),
        (
            b'<!DOCTYPE CodeBook [<!ENTITY x "boom">]><CodeBook><Codes/></CodeBook>',
            "DTDs and entities are refused",
        ),
    ],
)
def test_bad_files_are_refused_naming_file_and_element(data: bytes, expected: str) -> None:
    with pytest.raises(QdcError) as caught:
        import_qdc(data, "bad.qdc", "s")
    assert str(caught.value).startswith("bad.qdc: ")
    assert expected in str(caught.value)


def test_nesting_beyond_the_limit_is_refused() -> None:
    depth = 150
    opening = "".join(
        f'<Code guid="00000000-0000-0000-0000-{i:012d}" name="c{i}" isCodable="true">'
        for i in range(depth)
    )
    data = f"<CodeBook><Codes>{opening}{'</Code>' * depth}</Codes></CodeBook>".encode()
    with pytest.raises(QdcError, match="nested deeper than 100 levels"):
        import_qdc(data, "deep.qdc", "s")


def test_read_qdc_names_the_codebook_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "peer_codes.qdc"
    path.write_bytes(ATLAS_LIKE)
    assert read_qdc(path).codebook_id == "peer_codes"
    with pytest.raises(QdcError, match="not found"):
        read_qdc(tmp_path / "missing.qdc")


def test_export_refuses_text_xml_cannot_carry() -> None:
    codebook = _codebook()
    codebook.themes[1].definition = "copied from Word\x0b with a vertical tab"
    with pytest.raises(QdcError, match=r"themes\.1 \(heard\)\.definition: holds a control"):
        export_qdc(codebook)


@pytest.mark.parametrize(
    ("definition", "include", "exclude"),
    [
        ("Def.", "", ""),
        ("", "Inc.", ""),
        ("", "", "Exc."),
        ("Def.\n\nSecond paragraph.", "Inc.", "Exc."),
        ("Def.", "", "Exc.\n\nMore."),
        ("", "", ""),
    ],
)
def test_notes_come_back_from_the_description(definition: str, include: str, exclude: str) -> None:
    theme = {"theme_id": "t", "name": "T", "definition": definition}
    theme |= {"include": include, "exclude": exclude}
    codebook = Codebook.model_validate({"codebook_id": "cb", "themes": [theme]})
    back = import_qdc(export_qdc(codebook), "x.qdc", "cb").themes[0]
    assert (back.definition, back.include, back.exclude) == (definition, include, exclude)


def test_a_round_trip_keeps_the_base_order_even_when_children_come_first() -> None:
    codebook = Codebook.model_validate(
        {
            "codebook_id": "cb",
            "themes": [
                {"theme_id": "child", "name": "Child", "definition": "", "parent": "top"},
                {"theme_id": "other", "name": "Other", "definition": ""},
                {"theme_id": "top", "name": "Top", "definition": ""},
            ],
        }
    )
    assert import_qdc(export_qdc(codebook), "x.qdc", "cb", base=codebook) == codebook

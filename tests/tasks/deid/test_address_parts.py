"""An address said in parts is masked as one address."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.address_parts import join_address_parts
from qualbridge.tasks.deid.filters import Detection


def _found(text: str, *parts: tuple[str, str]) -> list[Detection]:
    out = []
    for value, entity_type in parts:
        start = text.index(value)
        out.append(Detection(start, start + len(value), entity_type, 0.6, "Test"))
    return out


@pytest.mark.parametrize(
    ("text", "parts", "joined"),
    [
        (
            "it's Flat 3, Kestrel Court, 41 Fossway, Newcastle, NE6 2XY. Or",
            [("Flat 3, Kestrel Court", "STREET_ADDRESS"), ("41 Fossway", "STREET_ADDRESS"),
             ("Newcastle", "LOCATION"), ("NE6 2XY", "UK_POSTCODE")],
            ["Flat 3, Kestrel Court, 41 Fossway, Newcastle, NE6 2XY"],
        ),
        (
            "send it to 12 Elm Road Leeds please",
            [("12 Elm Road", "STREET_ADDRESS"), ("Leeds", "LOCATION")],
            ["12 Elm Road Leeds"],
        ),
        # The town written after a postcode joins it.
        (
            "my address ul. Mokotowska 24, 00-561 Warszawa and then",
            [("ul. Mokotowska 24", "STREET_ADDRESS"), ("00-561", "POSTAL_CODE")],
            ["ul. Mokotowska 24, 00-561 Warszawa"],
        ),
        # A number, suite, flat or floor written after the street joins it.
        (
            "clinic is at 301 Queen Street West, Suite 404, Toronto, M5V 2A4.",
            [("301 Queen Street West", "STREET_ADDRESS"), ("Toronto", "LOCATION")],
            ["301 Queen Street West, Suite 404, Toronto"],
        ),
        (
            "address is Blk 214 Ang Mo Kio Avenue 3, #08-1142, Singapore 560214.",
            [("Blk 214 Ang Mo Kio Avenue", "STREET_ADDRESS")],
            ["Blk 214 Ang Mo Kio Avenue 3, #08-1142"],
        ),
        (
            "Our group met on 405 Plymouth Ave S, and the ZIP",
            [("405 Plymouth Ave", "STREET_ADDRESS")],
            ["405 Plymouth Ave S"],
        ),
        (
            "We're at Schillerstraße 27, 2. OG links, and the bell",
            [("Schillerstraße 27", "STREET_ADDRESS")],
            ["Schillerstraße 27, 2. OG links"],
        ),
        (
            "Mieszkam na ul. Długa 17 m. 4, i tyle",
            [("ul. Długa 17", "STREET_ADDRESS")],
            ["ul. Długa 17 m. 4"],
        ),
        (
            "We live at Rua das Palmeiras, 318, apto 42, in Santa Cecília",
            [("Rua das Palmeiras, 318", "STREET_ADDRESS")],
            ["Rua das Palmeiras, 318, apto 42"],
        ),
        # Back from a postcode over the words an address is written in, with a house number.
        (
            "Letter sent to 14 Ard na Gréine, Knocknacarra, Galway H91 E2W8 re: it",
            [("Galway", "LOCATION"), ("H91 E2W8", "IE_EIRCODE")],
            ["14 Ard na Gréine, Knocknacarra, Galway H91 E2W8"],
        ),
        (
            "Our address, Atatürk Mahallesi, Lale Sokak No: 14 Daire 6, 34758 Ataşehir, the",
            [("34758", "POSTAL_CODE")],
            ["Atatürk Mahallesi, Lale Sokak No: 14 Daire 6, 34758 Ataşehir"],
        ),
        (
            "In 2019 Leeds LS1 4AB was the office.",
            [("Leeds", "LOCATION"), ("LS1 4AB", "UK_POSTCODE")],
            ["Leeds", "LS1 4AB"],
        ),
        (
            "12 Elm Road 3 times a week",
            [("12 Elm Road", "STREET_ADDRESS")],
            ["12 Elm Road"],
        ),
        # A town in lower case between a street and its postcode.
        (
            "visit to 44 lime grove blackburn bb2 3eu door answered",
            [("44 lime grove", "STREET_ADDRESS"), ("bb2 3eu", "UK_POSTCODE")],
            ["44 lime grove blackburn bb2 3eu"],
        ),
        (
            "12 Elm Road and then LS1 4AB",
            [("12 Elm Road", "STREET_ADDRESS"), ("LS1 4AB", "UK_POSTCODE")],
            ["12 Elm Road", "LS1 4AB"],
        ),
        # No street among them: a town and a postcode stay apart.
        (
            "Leeds, LS1 4AB",
            [("Leeds", "LOCATION"), ("LS1 4AB", "UK_POSTCODE")],
            ["Leeds", "LS1 4AB"],
        ),
        # A person is no part of an address; a line or a word between keeps parts apart.
        # A 'name' ending in a postal number is a place; digits after a town are its code.
        (
            "address 7 Leakes Road, Truganina VIC 3029.",
            [("7 Leakes Road", "STREET_ADDRESS"), ("Truganina VIC 3029", "PERSON")],
            ["7 Leakes Road, Truganina VIC 3029"],
        ),
        (
            "i'm in chicago 60614 now",
            [("chicago", "LOCATION")],
            ["chicago", "60614"],
        ),
        (
            "we moved to Leeds 2019 and",
            [("Leeds", "LOCATION")],
            ["Leeds"],
        ),
        (
            "12 Elm Road, Sarah said",
            [("12 Elm Road", "STREET_ADDRESS"), ("Sarah", "PERSON")],
            ["12 Elm Road", "Sarah"],
        ),
        (
            "12 Elm Road and Leeds",
            [("12 Elm Road", "STREET_ADDRESS"), ("Leeds", "LOCATION")],
            ["12 Elm Road", "Leeds"],
        ),
        (
            "12 Elm Road,\nLeeds",
            [("12 Elm Road", "STREET_ADDRESS"), ("Leeds", "LOCATION")],
            ["12 Elm Road", "Leeds"],
        ),
    ],
)  # fmt: skip
def test_address_parts_join_into_one_street_address(text, parts, joined):
    found = join_address_parts(_found(text, *parts), text)
    assert [text[d.start : d.end] for d in found] == joined
    if len(joined) < len(parts):
        assert found[0].entity_type == "STREET_ADDRESS"

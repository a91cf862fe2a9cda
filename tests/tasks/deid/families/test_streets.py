"""International streets by structure, and the postcode and town said right after them."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.streets import WorldStreetRecognizer, find_labelled_addresses
from qualbridge.tasks.deid.recasing import Vocabulary


def found(words: Vocabulary, text: str) -> set[tuple[str, str]]:
    results = WorldStreetRecognizer(words.dictionary).analyze(text, [])
    return {(r.entity_type, text[r.start : r.end]) for r in results}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("we lived at Søndregade 147 for years", "Søndregade 147"),  # glued Danish type
        ("she moved to forsterstrasse 121 suite 20 last May", "forsterstrasse 121 suite 20"),
        (
            "the flat on Helmuth-Krein-Ring 134, flat 22, was damp",
            "Helmuth-Krein-Ring 134, flat 22",
        ),
        ("post it to 147 rue Lelièvre please", "147 rue Lelièvre"),  # type word before
        ("she has a place on Praça de Assunção 8, near the lake", "Praça de Assunção 8"),
        ("my gran lives on Petőfi utca 12 still", "Petőfi utca 12"),  # type word after
        ("send it to apt 4B, 221 Elm Street tomorrow", "apt 4B, 221 Elm Street"),  # unit first
        ("they run the bakery on Zachodnia 59 now", "Zachodnia 59"),  # unknown name after 'on'
        ("I'd rather you sent it to PO Box 3227 than the house", "PO Box 3227"),
        ("write to p.o. box 81 instead", "p.o. box 81"),
        ("she lives at ul. Wodna 90 now", "ul. Wodna 90"),  # postal abbreviation
        ("they moved to Försterstr. 200 in May", "Försterstr. 200"),
        ("we stayed at Bulevardul Tomescu Nr. 91 then", "Bulevardul Tomescu Nr. 91"),
        (
            "it's Strada Stănescu 25 Bl. 89 Sc. 90 Ap. 7 now",
            "Strada Stănescu 25 Bl. 89 Sc. 90 Ap. 7",
        ),
        ("we were at rue de Hubert all summer", "rue de Hubert"),  # a foreign type, no number
        ("we lived at alameda adriana mota s/n for years", "alameda adriana mota s/n"),
        ("it's level 3 319 fox heights", "level 3 319 fox heights"),  # an Australian level
        ("we're at 44 Hooper Range Road RD 2 now", "44 Hooper Range Road RD 2"),  # NZ rural
    ],
)
def test_streets_of_many_countries_are_found(words: Vocabulary, text: str, street: str) -> None:
    assert ("STREET_ADDRESS", street) in found(words, text)


@pytest.mark.parametrize(
    "text",
    [
        "I was on ward 7 for a month",  # an everyday noun before the number
        "we met in 2019 and again at 10:30",
        "she walked 5 km along the main street",
        "I take 20 mg every morning",
        "during 2020 I lost my job",  # 'ring' ends an English word
        "route 9 for the bus company",  # a street type with no name
        "there were 3 people in 2 rooms",
        "we took the Avenue home",  # an English type word without a number
    ],
)
def test_numbers_that_are_no_street_are_left(words: Vocabulary, text: str) -> None:
    assert not {v for t, v in found(words, text) if t == "STREET_ADDRESS"}


@pytest.mark.parametrize(
    ("text", "code", "town"),
    [
        ("we moved into Bakačeva 88, 69604 Križevci last year", "69604", "Križevci"),
        ("it's Industrigränd 90 in 642 29 Örebro now", "642 29", "Örebro"),
        ("send it to 1840 David Summit, Moose Jaw, SK S6H 1A1 okay", "S6H 1A1", "Moose Jaw"),
        ("po box 9965 jyväskylä 22651 on file", "22651", "jyväskylä"),
    ],
)
def test_the_postcode_and_town_after_a_street_are_found(
    words: Vocabulary, text: str, code: str, town: str
) -> None:
    assert {("POSTAL_CODE", code), ("LOCATION", town)} <= found(words, text)


def test_words_after_a_street_that_are_no_code_are_left(words: Vocabulary) -> None:
    text = "we lived at Søndregade 147 because the rent was low"
    assert {t for t, _ in found(words, text)} == {"STREET_ADDRESS"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we met on O'Connell Street after work", "O'Connell Street"),
        ("Cuba Street has the best cafes", "Cuba Street"),
        ("we'd meet on main street i guess", "main street"),  # lower case after a cue
        ("she lives off chapeltown road now", "chapeltown road"),
    ],
)
def test_a_street_named_without_a_number_is_a_place(
    words: Vocabulary, text: str, place: str
) -> None:
    assert ("LOCATION", place) in found(words, text)


@pytest.mark.parametrize(
    "text",
    [
        "I walked down the road to the shops",
        "it was a long road to recovery",
        "my mum lives on one road",
        "they crossed the street together",
    ],
)
def test_a_road_that_is_no_name_is_left(words: Vocabulary, text: str) -> None:
    assert not {v for t, v in found(words, text) if t == "LOCATION"}


def test_the_shipped_street_types_match_faker() -> None:
    from qualbridge.tasks.deid.families.street_types import types_from_faker
    from qualbridge.tasks.deid.wordlists import load_word_list

    for position, words in types_from_faker().items():
        assert load_word_list(f"street_types_{position}.txt") == words, position


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Current address: Flat 302, Sai Krupa Apartments, 5th Cross, Koramangala, "
            "Bengaluru 560095. Next",
            "Flat 302, Sai Krupa Apartments, 5th Cross, Koramangala, Bengaluru 560095",
        ),
        (
            "Address: House 112, Street 9, F-10/2, Islamabad; landline 051-2291447.",
            "House 112, Street 9, F-10/2, Islamabad",
        ),
        (
            "R: Our house is House 47, Street 9, F-8/3, Islamabad, near the Markaz.",
            "House 47, Street 9, F-8/3, Islamabad",
        ),
        ("my address is the same as before", None),
        ("the address was on the letter from 2019 i think", None),
        ("my email address is jo.b@example.com and", None),
        ("Address: see the letter of 2019.", None),
    ],
)
def test_an_address_after_its_label_is_found_whole(text: str, address: str | None) -> None:
    spans = find_labelled_addresses(text)
    assert [text[s:e] for s, e in spans] == ([address] if address else [])

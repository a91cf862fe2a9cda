"""Tests of keyed pseudonyms, audit digests and value normalisation."""

from __future__ import annotations

import hashlib
import hmac
import re

import pytest

from qualbridge.tasks.shared.pseudonym import normalise_value, pseudonym, value_digest

KEY = b"unit-test-key-0123456789abcdef"
OTHER_KEY = b"another-key-fedcba9876543210"
TAG = re.compile(r"^\[([A-Z_]+)-([0-9a-f]{8})\]$")


def _tag_hex(tag: str) -> str:
    match = TAG.match(tag)
    assert match, tag
    return match.group(2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Khan", "khan"),
        ("KHAN", "khan"),
        ("  khan  ", "khan"),
        ("Bethany  Okafor", "bethany okafor"),
        ("Bethany\tOkafor", "bethany okafor"),
        ("Dr Khan", "khan"),
        ("dr khan", "khan"),
        ("Dr. Khan", "khan"),
        ("Dr  Khan", "khan"),
        ("Mrs Priestley", "priestley"),
        ("Prof. Ada Lovelace", "ada lovelace"),
        ("Nurse Jackie", "jackie"),
        ("Khan,", "khan"),
        ('"Khan"', "khan"),
        ("Drew", "drew"),  # a name starting with a title's letters keeps them
        ("Missy", "missy"),
        ("07700 900123", "7700900123"),
        ("07700-900-123", "7700900123"),
        ("(0113) 496 0123", "1134960123"),
        ("LS6 2QT", "ls6 2qt"),  # fewer than six digits: spaces kept
    ],
)
def test_normalise_value(value: str, expected: str) -> None:
    assert normalise_value(value) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dr Khan", "khan"),
        ("KHAN", " khan "),
        ("07700 900123", "07700900123"),
        ("07700 900123", "7700 900 123"),
        ("0113 496 0123", "01134960123"),
    ],
)
def test_equivalent_values_normalise_equal(a: str, b: str) -> None:
    assert normalise_value(a) == normalise_value(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khan", "Kahn"),
        ("07700 900123", "07700 900124"),
        ("Bethany Okafor", "Bethany"),
    ],
)
def test_different_values_normalise_differently(a: str, b: str) -> None:
    assert normalise_value(a) != normalise_value(b)


@pytest.mark.parametrize(
    "international",
    ["+44 7700 900123", "+44 (0)7700 900123", "+447700900123", "0044 7700 900123"],
)
def test_international_uk_number_normalises_like_national(international: str) -> None:
    assert normalise_value(international) == normalise_value("07700 900123")


@pytest.mark.parametrize("entity_type", ["PERSON", "PHONE_NUMBER", "KNOWN_IDENTIFIER"])
def test_pseudonym_format(entity_type: str) -> None:
    tag = pseudonym(KEY, entity_type, "Bethany")

    match = TAG.match(tag)
    assert match is not None
    assert match.group(1) == entity_type


def test_pseudonym_matches_an_independent_hmac() -> None:
    message = b"pseudonym\x1fkhan"
    expected = hmac.new(KEY, message, hashlib.sha256).hexdigest()[:8]

    assert pseudonym(KEY, "PERSON", "Dr Khan") == f"[PERSON-{expected}]"


def test_value_digest_matches_an_independent_hmac() -> None:
    expected = hmac.new(KEY, b"audit\x1fkhan", hashlib.sha256).hexdigest()[:16]

    assert value_digest(KEY, "Dr Khan") == expected


def test_same_value_and_key_give_the_same_tag() -> None:
    assert pseudonym(KEY, "PERSON", "Bethany") == pseudonym(KEY, "PERSON", "Bethany")


def test_different_key_gives_a_different_tag() -> None:
    assert pseudonym(KEY, "PERSON", "Bethany") != pseudonym(OTHER_KEY, "PERSON", "Bethany")


def test_different_values_give_different_tags() -> None:
    assert pseudonym(KEY, "PERSON", "Bethany") != pseudonym(KEY, "PERSON", "Bethan")


@pytest.mark.parametrize(("a", "b"), [("Dr Khan", "khan"), ("KHAN", "Khan."), ("Mr Khan", "Khan")])
def test_title_and_case_variants_share_the_hex(a: str, b: str) -> None:
    assert _tag_hex(pseudonym(KEY, "PERSON", a)) == _tag_hex(pseudonym(KEY, "PERSON", b))


def test_hex_depends_on_value_not_entity_type() -> None:
    assert _tag_hex(pseudonym(KEY, "PERSON", "Halifax")) == _tag_hex(
        pseudonym(KEY, "LOCATION", "Halifax")
    )


@pytest.mark.parametrize("value", ["Bethany", "Dr Khan", "07700 900123", "LS6 2QT"])
def test_value_digest_is_16_hex_and_differs_from_pseudonym_hex(value: str) -> None:
    digest = value_digest(KEY, value)
    tag_hex = _tag_hex(pseudonym(KEY, "PERSON", value))

    assert re.fullmatch(r"[0-9a-f]{16}", digest)
    assert not digest.startswith(tag_hex)


def test_value_digest_is_keyed_and_normalised() -> None:
    assert value_digest(KEY, "Dr Khan") == value_digest(KEY, "khan")
    assert value_digest(KEY, "khan") != value_digest(OTHER_KEY, "khan")


def test_outputs_never_contain_the_value() -> None:
    value = "Bethany"
    assert value.casefold() not in pseudonym(KEY, "PERSON", value).casefold()
    assert value.casefold() not in value_digest(KEY, value)

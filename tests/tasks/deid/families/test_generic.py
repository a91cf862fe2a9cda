"""E-mail addresses by their shape, whatever their top-level domain."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.families.generic import build
from qualbridge.tasks.deid.recasing import Vocabulary


def emails(words: Vocabulary, text: str) -> set[str]:
    found = set()
    for recognizer in build(BuildContext((), words, frozenset())):
        if recognizer.name == "EmailShapeRecognizer":
            found |= {text[r.start : r.end] for r in recognizer.analyze(text, ["EMAIL_ADDRESS"])}
    return found


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("write this down aroha.weldon@clinic.example yeah", "aroha.weldon@clinic.example"),
        ("mail jo@gmail.con please.", "jo@gmail.con"),  # a mistyped domain
        ("it's sam+deid@mail.example.org", "sam+deid@mail.example.org"),
    ],
)
def test_addresses_of_any_domain_are_found(words: Vocabulary, text: str, email: str) -> None:
    assert email in emails(words, text)


@pytest.mark.parametrize(
    "text", ["we met @ the pub at 5", "i'm on twitter as @sam_k", "ratio was 3@4 apparently"]
)
def test_text_without_an_address_is_left(words: Vocabulary, text: str) -> None:
    assert emails(words, text) == set()


def ibans(words: Vocabulary, text: str) -> set[str]:
    found = set()
    for recognizer in build(BuildContext((), words, frozenset())):
        if recognizer.name == "IbanRecognizer":
            found |= {text[r.start : r.end] for r in recognizer.analyze(text, ["IBAN_CODE"])}
    return found


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("it's GB33 BUKB 2020 1555 5555 55.", "GB33 BUKB 2020 1555 5555 55"),
        ("gb33bukb20201555555555", "gb33bukb20201555555555"),
        ("NO93 8601 1117 947", "NO93 8601 1117 947"),  # the shortest country's length
        ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84 MALT 0110 0001 2345 MTLC AST0 01S"),
        ("IE29 AIBK 9311 5212 3456 79", "IE29 AIBK 9311 5212 3456 79"),  # a wrong check digit
        ("my reg is AB12 CDE and the old one was ab12cde", None),  # words are no groups
        ("ab12 have been told", None),
        # A space after the country, and the words after the last group left out.
        ("send it to GB 55 BARC 2004 1540 8261 37 and I did", "GB 55 BARC 2004 1540 8261 37"),
    ],
)
def test_ibans_are_groups_with_digits_not_words(words: Vocabulary, text: str, iban) -> None:
    assert ibans(words, text) == ({iban} if iban else set())

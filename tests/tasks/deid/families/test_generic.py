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

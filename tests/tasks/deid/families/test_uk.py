"""UK vehicle registrations: in capitals by shape, in lower case after a cue."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.families.uk import build
from qualbridge.tasks.deid.recasing import Vocabulary

THRESHOLD = 0.4


def registrations(words: Vocabulary, text: str) -> set[str]:
    found = set()
    for recognizer in build(BuildContext((), words, frozenset())):
        if recognizer.name == "UkVehicleRegistrationRecognizer":
            results = recognizer.analyze(text, ["UK_VEHICLE_REGISTRATION"])
            found |= {text[r.start : r.end] for r in results if r.score >= THRESHOLD}
    return found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("it was AB12 CDE, the blue one", {"AB12 CDE"}),
        ("my reg is ab12cde", {"ab12cde"}),
        ("the car, ab12 cde, was towed", {"ab12 cde"}),
        ("we sat in ps45 the whole time", set()),  # lower case without a cue
        ("postcode LS6 2QT", set()),
        # Older formats: a prefix letter, a suffix letter, Northern Ireland's I or Z.
        ("my old car was P123 ABC", {"P123 ABC"}),
        ("it was a ABC 123D", {"ABC 123D"}),
        ("Peer Worker: RXZ 8306. And the Trust reference", {"RXZ 8306"}),
        ("we took the M62 and the A6120", set()),
    ],
)
def test_vehicle_registrations(words: Vocabulary, text: str, found: set[str]) -> None:
    assert registrations(words, text) == found

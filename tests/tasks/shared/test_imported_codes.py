"""Tests of moving imported coded spans onto de-identified text."""

from __future__ import annotations

import pytest

from qualbridge.tasks.shared.imported_codes import remap_span, theme_id_for

ORIGINAL = "I told Bethany Okafor 😀 about it."
NAME = (ORIGINAL.index("Bethany"), ORIGINAL.index(" 😀"))
PSEUDONYM = "[PERSON-3f9a1c2b]"
DEIDENTIFIED = ORIGINAL[: NAME[0]] + PSEUDONYM + ORIGINAL[NAME[1] :]
REPLACEMENTS = [(NAME[0], NAME[1], NAME[0], NAME[0] + len(PSEUDONYM))]


def _span(words: str) -> tuple[int, int]:
    start = ORIGINAL.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("I told ", "I told ", id="touches-name-before"),
        pytest.param(" 😀 about", " 😀 about", id="touches-name-after-with-emoji"),
        pytest.param("told Bethany Okafor 😀", f"told {PSEUDONYM} 😀", id="contains-name"),
        pytest.param("told Beth", f"told {PSEUDONYM}", id="straddles-name-start"),
        pytest.param("Okafor 😀 about", f"{PSEUDONYM} 😀 about", id="straddles-name-end"),
        pytest.param("hany Oka", PSEUDONYM, id="inside-name"),
        pytest.param("Bethany Okafor", PSEUDONYM, id="exactly-the-name"),
        pytest.param("about it.", "about it.", id="after-name"),
        pytest.param(ORIGINAL, DEIDENTIFIED, id="whole-utterance"),
    ],
)
def test_a_span_covers_the_same_words_after_replacement(words: str, expected: str) -> None:
    start, end = remap_span(*_span(words), REPLACEMENTS)

    assert DEIDENTIFIED[start:end] == expected


def test_spans_shift_through_several_replacements_of_other_lengths() -> None:
    original = "Ann met Bob at Leeds today"
    # "Ann" -> "[P1]" (longer), "Leeds" -> "X" (shorter)
    deidentified = "[P1] met Bob at X today"
    replacements = [(15, 20, 16, 17), (0, 3, 0, 4)]  # unsorted on purpose

    for words, expected in [("met Bob", "met Bob"), ("today", "today"), ("at Leeds", "at X")]:
        start = original.index(words)
        new_start, new_end = remap_span(start, start + len(words), replacements)
        assert deidentified[new_start:new_end] == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("Peer support", "peer_support"),
        ("Self-disclosure (helper)", "self_disclosure_helper"),
        ("Café/Être", "cafe_etre"),
        ("already_ok_1", "already_ok_1"),
    ],
)
def test_code_names_become_theme_ids(code: str, expected: str) -> None:
    assert theme_id_for(code) == expected


def test_a_code_name_without_letters_gets_a_stable_id() -> None:
    assert theme_id_for("😀😀").startswith("code_")
    assert theme_id_for("😀😀") == theme_id_for("😀😀") != theme_id_for("😀")

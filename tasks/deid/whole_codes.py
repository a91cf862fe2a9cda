"""A number found inside a code is masked with the whole code: '1Z999AA10123456784', 'RX4471923'.

A recognizer that finds the digit run of a reference, tracking or hospital number leaves the
letters glued to it, and those letters are part of the identifier. The span grows to the
letters and digits joined to it with no space, or by a dash or slash ('CX-448-2917'), and a
check character in brackets after it ('K473972(8)'), never across other punctuation. Across one
space only a block of capitals that is no label joins: 'TREM 7955 1214', a Quebec health card.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection

# A code is this long at most; longer glued runs are not codes but broken text.
MAX_CODE_CHARS = 40


_JOINERS = "-/"
_CHECK_AFTER = re.compile(r"\([0-9A-Z]\)")
# Capitals one space before a long number: the code's own letters, unless they label it.
_CAPITALS_BEFORE = re.compile(r"(?<![\w\-/])([A-Z]{2,5}) $")
_NOT_CODE_LETTERS = frozenset("uk us usa eu id no ref tel mob ph fax dob".split())
_CODE_DIGITS = 6


def _is_code_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _joins_back(text: str, start: int) -> bool:
    """A code character, or a dash or slash with a code character before it, before start."""
    ch = text[start - 1]
    return _is_code_char(ch) or (ch in _JOINERS and start > 1 and _is_code_char(text[start - 2]))


def _joins_on(text: str, end: int) -> bool:
    ch = text[end]
    return _is_code_char(ch) or (
        ch in _JOINERS and end + 1 < len(text) and _is_code_char(text[end + 1])
    )


def _letters_before(text: str, start: int, labels: Container[str]) -> int:
    """Where a block of capitals one space before start begins, or start if there is none."""
    before = _CAPITALS_BEFORE.search(text, max(0, start - 7), start)
    if before is None:
        return start
    letters = before.group(1).casefold()
    return start if letters in labels or letters in _NOT_CODE_LETTERS else before.start()


def with_whole_code(
    detection: Detection, text: str, labels: Container[str] = frozenset()
) -> Detection:
    """The detection grown to the whole code when it holds a digit glued to letters or digits,
    and to the capitals before a long number that no label in `labels` names."""
    start, end = detection.start, detection.end
    digits = sum(ch.isdigit() for ch in text[start:end])
    if not digits:
        return detection
    if digits >= _CODE_DIGITS:
        start = _letters_before(text, start, labels)
    low = max(0, start - MAX_CODE_CHARS)
    while start > low and _joins_back(text, start):
        start -= 1
    high = min(len(text), end + MAX_CODE_CHARS)
    while end < high and _joins_on(text, end):
        end += 1
    # A check character in brackets glued after it is part of it: 'K473972(8)', 'HN19004482(3)'.
    check = _CHECK_AFTER.match(text, end)
    if check is not None:
        end = check.end()
    if (start, end) == (detection.start, detection.end):
        return detection
    return replace(detection, start=start, end=end)

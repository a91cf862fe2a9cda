"""A house number said right before a street or place makes both one address: '9a Kingsway'."""

from __future__ import annotations

import re
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection

# Flat or house numbers ('9a', '12-14', 'flat 3, 27'), not a year ('in 1998 Leeds was...').
_NUMBER_BEFORE = re.compile(
    r"(?i)(?<![\w.,:/])(?:(?:flat|apartment|apt|unit|no\.?|number)\s+)?"
    r"(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?(?:\s*[-/]\s*\d{1,4}[a-z]?)?,?\s+$"
)
ADDRESS_TYPES = frozenset({"LOCATION", "STREET_ADDRESS"})
LOOK_BACK = 40


def with_house_number(detection: Detection, text: str) -> Detection:
    """The street or place grown to take in the house number before it, as an address."""
    if detection.entity_type not in ADDRESS_TYPES:
        return detection
    window_start = max(0, detection.start - LOOK_BACK)
    number = _NUMBER_BEFORE.search(text, window_start, detection.start)
    if number is None or not text[detection.start : detection.start + 1].isupper():
        return detection
    return replace(detection, start=number.start(), entity_type="STREET_ADDRESS")

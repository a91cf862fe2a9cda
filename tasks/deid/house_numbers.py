"""A house number said right before a street, place or named building makes one address:
'9a Kingsway', 'flat twenty two wren house', 'flat 3, 27 Albion Street'."""

from __future__ import annotations

import re
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.structure import SPOKEN_HOUSE_NUMBER

# Flat or house numbers ('9a', '12-14', 'twenty two'), not a year ('in 1998 Leeds was...').
_NUMBER = (
    r"(?:(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?(?:\s*[-/]\s*\d{1,4}[a-z]?)?"
    rf"|(?:{SPOKEN_HOUSE_NUMBER})(?:\s+[a-d]\b)?)"
)
_UNIT = r"(?:flat|apartment|apt|unit|no\.?|number)"
# A flat said before the house number ('flat 3, 27', 'flat three at forty four'), and a unit
# word before the number itself ('number 7', 'flat twenty two').
_NUMBER_BEFORE = re.compile(
    rf"(?i)(?<![\w.,:/])(?P<flat>(?:flat|apartment|apt|unit)\s+{_NUMBER},?\s+(?:at\s+)?)?"
    rf"(?P<unit>{_UNIT}\s+)?{_NUMBER},?\s+$"
)
# A flat before an address already found with its house number: 'flat three at forty four ...'.
_FLAT_BEFORE = re.compile(
    rf"(?i)(?<![\w.,:/])(?:flat|apartment|apt|unit)\s+{_NUMBER},?\s+(?:at\s+)?$"
)
_STARTS_WITH_NUMBER = re.compile(rf"(?i){_NUMBER}\b")
ADDRESS_TYPES = frozenset({"LOCATION", "STREET_ADDRESS"})
# A body named as a building is where someone lives once a flat number comes before it.
_BUILDING = re.compile(
    r"(?i)\b(?:house|court|tower|towers|lodge|mews|heights|point|buildings|mansions|flats"
    r"|apartments|block)$"
)
LOOK_BACK = 60


def with_house_number(detection: Detection, text: str) -> Detection:
    """The street, place or building grown to take in the house number before it, as an
    address; in lower case only after a unit word ('flat', 'number')."""
    building = detection.entity_type == "ORGANIZATION" and _BUILDING.search(
        text, detection.start, detection.end
    )
    if detection.entity_type not in ADDRESS_TYPES and not building:
        return detection
    window_start = max(0, detection.start - LOOK_BACK)
    if _STARTS_WITH_NUMBER.match(text, detection.start, detection.end):
        flat = _FLAT_BEFORE.search(text, window_start, detection.start)
        return replace(detection, start=flat.start()) if flat else detection
    number = _NUMBER_BEFORE.search(text, window_start, detection.start)
    if number is None:
        return detection
    said_as_address = number.group("flat") or number.group("unit")
    if not (said_as_address or text[detection.start : detection.start + 1].isupper()):
        return detection
    if not said_as_address and not number.group()[:1].isdigit():
        return detection  # 'twenty Leeds people': a number word alone needs a unit word
    return replace(detection, start=number.start(), entity_type="STREET_ADDRESS")

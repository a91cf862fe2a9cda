"""Clock times such as 01:02:03.500 turned into seconds."""

from __future__ import annotations

import re

# Hours are optional; the fraction may follow a dot (WebVTT) or a comma (SRT, Word exports).
_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")


def clock_seconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> float:
    """Seconds of a clock time given as its parts; ValueError if minutes or seconds exceed 59."""
    if int(minutes) > 59 or int(seconds) > 59:
        raise ValueError("minutes and seconds must be below 60")
    whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return whole + (int(fraction.ljust(3, "0")) / 1000 if fraction else 0.0)


def parse_clock(value: str) -> float:
    """Seconds of 'h:mm:ss', 'mm:ss' with an optional '.fff' or ',fff'; ValueError otherwise."""
    match = _CLOCK.fullmatch(value.strip())
    if not match:
        raise ValueError("not a clock time")
    return clock_seconds(*match.groups())

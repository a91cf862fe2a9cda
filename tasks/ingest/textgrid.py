"""Read Praat TextGrid files (long or short text format) into one timeline of utterances."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.reading import SourceError, decode_text
from qualbridge.tasks.ingest.turns import Turn


class TextGridError(ValueError):
    """A TextGrid that cannot be read; names the line and the problem, never the text."""


@dataclass(frozen=True)
class Interval:
    """One labelled stretch of a tier, in seconds."""

    xmin: float
    xmax: float
    text: str


@dataclass(frozen=True)
class Tier:
    """An interval tier (points tiers are skipped); its name is the speaker label."""

    name: str
    xmin: float
    xmax: float
    intervals: tuple[Interval, ...]


@dataclass(frozen=True)
class TimedUtterance:
    """One non-empty interval on the merged timeline (raw text: never persist it)."""

    speaker: str
    xmin: float
    xmax: float
    text: str


@dataclass(frozen=True)
class _Token:
    kind: str
    value: str
    line: int


# Praat reads a text file as a stream of values: labels such as 'xmin =' or 'intervals [3]:'
# are skipped, which is why the long and the short format parse alike.
_TOKENS = re.compile(
    r'"(?P<string>(?:[^"]|"")*)"'
    r"|(?P<unterminated>\")"
    r"|<(?P<flag>[A-Za-z]+)>"
    r"|(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
    r"|(?P<skip>\[[^\]\n]*\]|![^\n]*|[A-Za-z_][\w?]*|[^\s\"<\[!\w.+-]+|\S)"
)
_FILE_TYPES = ("ooTextFile", "ooTextFile short")
_TIER_CLASSES = ("IntervalTier", "TextTier")


def _tokens(text: str) -> Iterator[_Token]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "skip"
        if kind == "skip":
            continue
        line = bisect.bisect_right(line_starts, match.start())
        if kind == "unterminated":
            raise TextGridError(f"line {line}: string has no closing quote")
        yield _Token(kind, match.group(kind), line)


class _Reader:
    """Pulls typed values off the token stream, reporting the line of anything unexpected."""

    def __init__(self, text: str) -> None:
        self._tokens = _tokens(text)
        self._last_line = 1
        self._end_line = text.rstrip("\n").count("\n") + 1

    def _next(self, expected: str, what: str) -> _Token:
        token = next(self._tokens, None)
        if token is None:
            raise TextGridError(
                f"line {self._end_line}: file ends early, while reading {what} (truncated file?)"
            )
        if token.kind != expected:
            raise TextGridError(f"line {token.line}: expected {what}, found a {token.kind}")
        self._last_line = token.line
        return token

    def string(self, what: str) -> str:
        """The next quoted string, with Praat's doubled quotes undone."""
        return self._next("string", what).value.replace('""', '"')

    def number(self, what: str) -> float:
        """The next number."""
        return float(self._next("number", what).value)

    def count(self, what: str) -> int:
        """The next non-negative whole number."""
        token = self._next("number", what)
        try:
            value = int(token.value)
        except ValueError:
            raise TextGridError(f"line {token.line}: {what} is not a whole number") from None
        if value < 0:
            raise TextGridError(f"line {token.line}: {what} is negative")
        return value

    def flag(self, what: str) -> str:
        """The next <flag>, such as <exists>."""
        return self._next("flag", what).value

    @property
    def line(self) -> int:
        """Line of the last value read."""
        return self._last_line


def _span(reader: _Reader, what: str) -> tuple[float, float]:
    xmin, xmax = reader.number(f"{what} xmin"), reader.number(f"{what} xmax")
    if xmax < xmin:
        raise TextGridError(f"line {reader.line}: {what} ends before it starts")
    return xmin, xmax


def parse_textgrid(text: str) -> list[Tier]:
    """Parse a TextGrid's text (long or short format) into its interval tiers."""
    reader = _Reader(text)
    file_type = reader.string("the file type")
    if file_type not in _FILE_TYPES:
        raise TextGridError(f"line {reader.line}: not a Praat text file (unexpected file type)")
    object_class = reader.string("the object class")
    if object_class != "TextGrid":
        raise TextGridError(f"line {reader.line}: object class is not TextGrid")
    _span(reader, "the TextGrid")
    if reader.flag("the tiers flag") != "exists":
        return []
    tiers = []
    for n in range(1, reader.count("the number of tiers") + 1):
        tier_class = reader.string(f"the class of tier {n}")
        if tier_class not in _TIER_CLASSES:
            raise TextGridError(f"line {reader.line}: tier {n} has an unknown class")
        name = reader.string(f"the name of tier {n}")
        xmin, xmax = _span(reader, f"tier {n}")
        size = reader.count(f"the size of tier {n}")
        if tier_class == "TextTier":
            for i in range(1, size + 1):
                reader.number(f"point {i} of tier {n}")
                reader.string(f"the mark of point {i} of tier {n}")
            continue
        intervals = []
        for i in range(1, size + 1):
            start, end = _span(reader, f"interval {i} of tier {n}")
            text = reader.string(f"the text of interval {i} of tier {n}")
            intervals.append(Interval(start, end, text))
        tiers.append(Tier(name, xmin, xmax, tuple(intervals)))
    return tiers


def textgrid_tiers(data: bytes) -> list[Tier]:
    """The tiers of a TextGrid file's bytes: UTF-8 (BOM optional) or UTF-16 with BOM."""
    try:
        text = decode_text(data)
    except SourceError as exc:
        raise TextGridError(str(exc)) from None
    return parse_textgrid(text)


def timeline(tiers: Iterable[Tier], speaker: str | None = None) -> list[TimedUtterance]:
    """Non-empty intervals of all tiers by start time; speaker defaults to each tier's name."""
    utterances = [
        TimedUtterance(speaker or tier.name, iv.xmin, iv.xmax, iv.text.strip())
        for tier in tiers
        for iv in tier.intervals
        if iv.text.strip()
    ]
    return merge_timelines([utterances])


def merge_timelines(timelines: Iterable[Iterable[TimedUtterance]]) -> list[TimedUtterance]:
    """Merge per-speaker timelines: sorted by start, then end; ties keep the input order."""
    merged = [u for utterances in timelines for u in utterances]
    return sorted(merged, key=lambda u: (u.xmin, u.xmax))


def file_turns(
    data: bytes, known_labels: Collection[str] | None = None, limits: IngestLimits = DEFAULT_LIMITS
) -> list[Turn]:
    """Turns of a TextGrid file's bytes: every tier's intervals on one timeline, tier as speaker."""
    return [Turn(u.speaker, u.text) for u in timeline(textgrid_tiers(data))]

"""Build speaker turns from `Label: text` lines, for every format written as labelled lines.

Plain text, Word paragraphs and REFI-QDA text sources all go through `labelled_turns`, so they
share one grammar (speaker_labels.LabelMatcher) and one behaviour: a labelled line opens a turn,
unlabelled lines continue it, a file with no labels at all is one unlabelled speaker's turn, and
an over-long line is split at sentence ends into several turns of the same speaker.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.long_lines import split_long_line
from qualbridge.tasks.ingest.reading import to_text
from qualbridge.tasks.ingest.speaker_labels import LabelledLine, LabelMatcher
from qualbridge.tasks.ingest.turns import ParseError, Turn

# The speaker of a transcript without any labels: it maps to no role, so it becomes `other`.
UNLABELLED = ""


@dataclass
class LabelledTurn:
    """A turn with each piece's offset in the source text (raw text: never persist or log)."""

    speaker: str
    start_s: float | None
    pieces: list[tuple[int, str]] = field(default_factory=list)

    def turn(self) -> Turn:
        """The turn, its pieces joined with single spaces."""
        return Turn(self.speaker, " ".join(text for _, text in self.pieces), self.start_s)


def numbered_lines(text: str) -> Iterator[tuple[str, str, int]]:
    """(position, line, offset of the line in text) for each line of LF-normalised text."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        yield f"line {number}", line, offset
        offset += len(line) + 1


def _split(matcher: LabelMatcher, where: str, line: str) -> LabelledLine:
    try:
        return matcher.split(line)
    except ValueError:
        raise ParseError(f"{where}: timestamp with minutes or seconds over 59") from None


def _add_text(turns: list[LabelledTurn], parsed: LabelledLine, at: int, limit: int) -> None:
    """Add a line's text to the last turn; pieces of an over-long line open turns of their own."""
    text = parsed.text
    if len(text) <= limit:
        turns[-1].pieces.append((at + parsed.offset, text))
        return
    for number, (offset, piece) in enumerate(split_long_line(text, limit)):
        if number:
            turns.append(LabelledTurn(turns[-1].speaker, None))
        turns[-1].pieces.append((at + parsed.offset + offset, piece))


def labelled_turns(
    lines: Iterable[tuple[str, str, int]],
    known_labels: Collection[str] | None = None,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[LabelledTurn]:
    """Turns of (position, line, offset) lines; the position ("line 3") is what errors name."""
    matcher = LabelMatcher(known_labels)
    unlabelled: list[LabelledTurn] = [LabelledTurn(UNLABELLED, None)]
    turns: list[LabelledTurn] = []
    first_unlabelled = ""
    pending_start: float | None = None
    for where, line, at in lines:
        if not line.strip():
            continue
        parsed = _split(matcher, where, line)
        if parsed.label is not None:
            start = parsed.start_s if parsed.start_s is not None else pending_start
            turns.append(LabelledTurn(parsed.label, start))
            pending_start = None
            if parsed.text:
                _add_text(turns, parsed, at, limits.max_line_chars)
        elif not parsed.text:
            # A timestamp alone on its line times the turn it opens or the next one.
            if turns and not turns[-1].pieces and turns[-1].start_s is None:
                turns[-1].start_s = parsed.start_s
            else:
                pending_start = parsed.start_s
        else:
            first_unlabelled = first_unlabelled or where
            _add_text(turns or unlabelled, parsed, at, limits.max_line_chars)
            pending_start = None
    if turns and unlabelled[0].pieces:
        raise ParseError(f"{first_unlabelled}: text before the first speaker label")
    found = [turn for turn in turns or unlabelled if turn.pieces]
    if not found:
        raise ParseError("no speaker turns found")
    return found


def parse_lines(
    lines: Iterable[tuple[str, str]],
    known_labels: Collection[str] | None = None,
    *,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Turns from (position, line) pairs; the position ("line 3") is what errors name."""
    placed = ((where, line, 0) for where, line in lines)
    return [turn.turn() for turn in labelled_turns(placed, known_labels, limits)]


def parse_plain_text(
    text: str,
    known_labels: Collection[str] | None = None,
    *,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Turns of a transcript: a labelled line opens a turn, unlabelled lines continue it."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    found = labelled_turns(numbered_lines(normalised), known_labels, limits)
    return [turn.turn() for turn in found]


def file_turns(
    data: bytes, known_labels: Collection[str] | None, limits: IngestLimits = DEFAULT_LIMITS
) -> list[Turn]:
    """Turns of a plain-text file's bytes (UTF-8, UTF-16 with BOM or Windows-1252)."""
    return parse_plain_text(to_text(data), known_labels, limits=limits)

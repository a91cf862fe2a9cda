"""Parse plain-text transcripts in the label styles transcribers use into speaker turns."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.loading import load_text
from qualbridge.tasks.ingest.speaker_labels import LabelMatcher
from qualbridge.tasks.ingest.turns import ParseError, Turn


@dataclass
class _Draft:
    speaker: str
    start_s: float | None
    parts: list[str] = field(default_factory=list)


def parse_lines(
    lines: Iterable[tuple[str, str]],
    known_labels: Collection[str] | None = None,
    *,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Turns from (position, line) pairs; the position ("line 3") is what errors name."""
    matcher = LabelMatcher(known_labels)
    drafts: list[_Draft] = []
    pending_start: float | None = None
    for where, line in lines:
        if len(line) > limits.max_line_chars:
            raise ParseError(
                f"{where}: longer than the limit of {limits.max_line_chars} characters"
            )
        if not line.strip():
            continue
        try:
            parsed = matcher.split(line)
        except ValueError:
            raise ParseError(f"{where}: timestamp with minutes or seconds over 59") from None
        if parsed.label is not None:
            start = parsed.start_s if parsed.start_s is not None else pending_start
            drafts.append(_Draft(parsed.label, start, [parsed.text] if parsed.text else []))
            pending_start = None
        elif not parsed.text:
            # A timestamp alone on its line times the turn it opens or the next one.
            if drafts and not drafts[-1].parts and drafts[-1].start_s is None:
                drafts[-1].start_s = parsed.start_s
            else:
                pending_start = parsed.start_s
        elif drafts:
            drafts[-1].parts.append(parsed.text)
            pending_start = None
        else:
            raise ParseError(f"{where}: text before the first speaker label")
    turns = [Turn(d.speaker, " ".join(d.parts), d.start_s) for d in drafts if d.parts]
    if not turns:
        raise ParseError("no speaker turns found")
    return turns


def parse_plain_text(
    text: str,
    known_labels: Collection[str] | None = None,
    *,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Turns of a transcript: a labelled line opens a turn, unlabelled lines continue it."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    numbered = ((f"line {n}", line) for n, line in enumerate(normalised.split("\n"), start=1))
    return parse_lines(numbered, known_labels, limits=limits)


def read_plain_text(
    path: Path,
    known_labels: Collection[str] | None = None,
    *,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Read and parse a plain-text transcript file (UTF-8, or UTF-16 with BOM)."""
    return parse_plain_text(load_text(path, limits), known_labels, limits=limits)

"""The registry of transcript file formats: suffix -> parser returning speaker turns.

A new format is one new module with a `file_turns(data, known_labels, limits)` function and one
line in FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from qualbridge.tasks.ingest import docx_reader, plain_text, subtitles, textgrid
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.reading import SourceError
from qualbridge.tasks.ingest.textgrid import TextGridError
from qualbridge.tasks.ingest.transcript_text import Utterance, turns_to_utterances
from qualbridge.tasks.ingest.turns import ParseError, Turn

TurnParser = Callable[[bytes, Collection[str] | None, IngestLimits], list[Turn]]

FORMATS: dict[str, TurnParser] = {
    ".txt": plain_text.file_turns,
    ".docx": docx_reader.file_turns,
    ".vtt": subtitles.file_turns,
    ".srt": subtitles.file_turns,
    ".textgrid": textgrid.file_turns,
}
# Read like a listed format, but not offered in messages nor looked for beside listed files.
ALIASES = {".text": ".txt"}
SUPPORTED_SUFFIXES = tuple(FORMATS)
# Every error a parser raises for a bad file; their messages never quote the file's text.
SOURCE_ERRORS = (SourceError, ParseError, TextGridError)


def source_turns(
    data: bytes, suffix: str, known_labels: Collection[str] | None, limits: IngestLimits
) -> list[Turn]:
    """Turns of a file's bytes, by its suffix; raises one of SOURCE_ERRORS if unusable."""
    suffix = suffix.casefold()
    parser = FORMATS.get(ALIASES.get(suffix, suffix))
    if parser is None:
        raise SourceError(
            f"unsupported file type '{suffix}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    return parser(data, known_labels, limits)


def parse_source(
    data: bytes, suffix: str, speakers: dict[str, str], limits: IngestLimits = DEFAULT_LIMITS
) -> list[Utterance]:
    """Utterances of a file's bytes, labels mapped to the study's roles (others: `other`)."""
    return turns_to_utterances(source_turns(data, suffix, list(speakers), limits), speakers)

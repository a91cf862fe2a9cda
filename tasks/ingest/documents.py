"""Files holding many transcripts (utterance tables, REFI-QDA projects) and the codings they carry.

Everything here handles raw text: call it only from discovery (which keeps counts and ids) and
from the de-identification task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from qualbridge.schemas.config import TableSourceConfig
from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.qdpx import parse_qdpx
from qualbridge.tasks.ingest.segments import segment_labelled_text, spans_per_utterance
from qualbridge.tasks.ingest.tables import SUFFIXES, parse_table
from qualbridge.tasks.ingest.transcript_text import UNMAPPED_ROLE, Utterance
from qualbridge.tasks.ingest.turns import ParseError
from qualbridge.tasks.shared.pseudonym import keyed_id

# A local id is kept as written only when it looks like a code ("P07", "conv-12"), never a name.
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")
_ROLE = re.compile(r"^[a-z0-9_]+$")
MAX_LABEL_CHARS = 64
_SOURCE_SUFFIX = re.compile(r"\.(txt|text|docx?|rtf|odt|pdf)$", re.IGNORECASE)


@dataclass(frozen=True)
class Annotation:
    """A coded span [start, end) of one utterance's raw text, by the study's code name."""

    seq: int
    start: int
    end: int
    code: str
    coder: str
    origin: str


@dataclass(frozen=True)
class Document:
    """One transcript inside a multi-transcript file (raw text: never persist or log)."""

    local_id: str
    participant_id: str | None
    utterances: list[Utterance]
    annotations: list[Annotation] = field(default_factory=list)


def safe_id(key: bytes, value: str) -> str:
    """The value if it is id-like (letters, digits, '_', '-', with a digit), else a keyed id."""
    value = value.strip()
    if _SAFE_ID.match(value) and any(char.isdigit() for char in value):
        return value
    return keyed_id(key, "anon", value)


def table_format(table: TableSourceConfig) -> str:
    """The table's format: as configured, else by its suffix."""
    found = table.format or SUFFIXES.get(Path(table.path).suffix.casefold())
    if found is None:
        raise ParseError(f"not a table file: extension must be one of {sorted(SUFFIXES)}")
    return found


def _role(value: str, roles: dict[str, str], role_column: bool) -> str:
    """The speakers map's role for a label; a role column's own value if it is role-like."""
    label = value.strip().casefold()
    if label in roles:
        return roles[label]
    return label if role_column and _ROLE.match(label) else UNMAPPED_ROLE


def table_documents(
    data: bytes,
    table: TableSourceConfig,
    speakers: dict[str, str],
    key: bytes,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Document]:
    """One document per conversation; each non-empty label cell codes its whole utterance."""
    mapping = table.mapping
    parsed = parse_table(data, table_format(table), mapping, limits)  # type: ignore[arg-type]
    roles = {label.casefold(): role for label, role in speakers.items()}
    # Cells meaning "no code" ("", "n/a", "-", ...) are no coding, never a code of that name.
    missing = {v.strip().casefold() for v in (table.missing_values or [""])}
    documents: list[Document] = []
    seen: set[str] = set()
    for conversation, turns in parsed.turns.items():
        utterances: list[Utterance] = []
        annotations: list[Annotation] = []
        for turn, labels in zip(turns, parsed.labels[conversation], strict=True):
            text = turn.text.strip()
            if not text:
                continue
            _check_labels(labels)
            seq = len(utterances)
            utterances.append(Utterance(seq, _role(turn.speaker, roles, bool(mapping.role)), text))
            annotations += [
                Annotation(seq, 0, len(text), value.strip(), f"table:{column}", "table")
                for column, value in labels.items()
                if value is not None and value.strip().casefold() not in missing
            ]
        if not utterances:
            raise ParseError("a conversation has no non-empty utterances")
        local_id = safe_id(key, conversation)
        if local_id in seen:
            raise ParseError("two conversation ids give the same transcript id")
        seen.add(local_id)
        participant = parsed.participants.get(conversation)
        documents.append(
            Document(
                local_id,
                None if participant is None else safe_id(key, participant),
                utterances,
                annotations,
            )
        )
    return documents


def _check_labels(labels: dict[str, str | None]) -> None:
    """Label cells are codes: free text there would reach the warehouse un-de-identified."""
    for column, value in labels.items():
        if value is not None and len(value.strip()) > MAX_LABEL_CHARS:
            raise ParseError(
                f"label column '{column}' holds free text (a value over {MAX_LABEL_CHARS} "
                "characters); map only columns of codes as labels"
            )


def qdpx_documents(
    data: bytes, speakers: dict[str, str], key: bytes, limits: IngestLimits = DEFAULT_LIMITS
) -> list[Document]:
    """One document per text source; coded selections split into one span per utterance."""
    documents: list[Document] = []
    seen: set[str] = set()
    for number, source in enumerate(parse_qdpx(data, limits).sources, start=1):
        where = f"TextSource {number}"
        try:
            utterances, segments = segment_labelled_text(source.text, speakers, limits)
        except ValueError as exc:
            raise ParseError(f"{where}: {exc}") from None
        ends = [segment.end for segment in segments]
        coders = {
            g: _coder(key, g) for g in {selection.user_guid for selection in source.selections}
        }
        annotations = [
            Annotation(seq, start, end, selection.code, coders[selection.user_guid], "qdpx")
            for selection in source.selections
            for seq, (start, end) in spans_per_utterance(
                selection.start, selection.end, segments, ends
            ).items()
        ]
        local_id = safe_id(key, _SOURCE_SUFFIX.sub("", source.name.strip()) or source.guid)
        if local_id in seen:
            raise ParseError(f"{where}: its name gives the same transcript id as another source")
        seen.add(local_id)
        documents.append(Document(local_id, None, utterances, annotations))
    return documents


def _coder(key: bytes, user_guid: str) -> str:
    """Coders are research staff: a keyed pseudonym of their user guid, never their name."""
    return keyed_id(key, "coder", user_guid) if user_guid else "coder-unknown"


def file_documents(
    data: bytes,
    kind: str,
    speakers: dict[str, str],
    key: bytes,
    limits: IngestLimits = DEFAULT_LIMITS,
    table: TableSourceConfig | None = None,
) -> list[Document]:
    """The documents of a table (kind 'table', with its config) or a project (kind 'qdpx')."""
    if kind == "table":
        if table is None:
            raise ParseError("the study config no longer lists this table")
        return table_documents(data, table, speakers, key, limits)
    if kind == "qdpx":
        return qdpx_documents(data, speakers, key, limits)
    raise ParseError(f"unknown source kind '{kind}'")

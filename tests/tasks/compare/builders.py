"""A small warehouse built row by row, so every expected statistic can be worked out by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from qualbridge.tasks.warehouse.store import connect


@dataclass
class Transcript:
    """One transcript: (speaker role, de-identified text) per utterance."""

    transcript_id: str
    study_id: str
    participant_id: str
    utterances: list[tuple[str, str]]
    attributes: dict[str, str] = field(default_factory=dict)


def utterance_id(transcript_id: str, seq: int) -> str:
    """The warehouse's utterance id."""
    return f"{transcript_id}:{seq:04d}"


def build(
    path: Path,
    studies: dict[str, tuple[str, str]],
    transcripts: list[Transcript],
    codings: list[tuple[str, int, str, str, int | None, int | None, str]],
    themes: list[str],
) -> duckdb.DuckDBPyConnection:
    """studies: id -> (corpus, site); codings: (transcript, seq, theme, coder, start, end, origin).

    A coding with start None spans its whole utterance.
    """
    con = connect(path)
    for study_id, (corpus, site) in studies.items():
        con.execute("INSERT INTO studies VALUES (?, ?, ?, ?)", [study_id, corpus, site, study_id])
    texts = {}
    for t in transcripts:
        con.execute(
            "INSERT INTO transcripts VALUES (?, ?, ?, 'x.txt', 'h', ?, ?, ?, 'run')",
            [
                t.transcript_id,
                t.study_id,
                t.participant_id,
                json.dumps(t.attributes),
                len(t.utterances),
                sum(len(text.split()) for _, text in t.utterances),
            ],
        )
        for seq, (role, text) in enumerate(t.utterances):
            uid = utterance_id(t.transcript_id, seq)
            texts[uid] = text
            con.execute(
                "INSERT INTO utterances VALUES (?, ?, ?, ?, ?, ?, ?)",
                [uid, t.transcript_id, t.study_id, seq, role, text, len(text.split())],
            )
    for theme in themes:
        con.execute(
            "INSERT INTO themes (theme_id, codebook_id, name, definition) VALUES (?, 'cb', ?, 'd')",
            [theme, theme],
        )
    for transcript_id, seq, theme, coder, start, end, origin in codings:
        uid = utterance_id(transcript_id, seq)
        start, end = (0, len(texts[uid])) if start is None else (start, end)
        con.execute(
            "INSERT INTO codings VALUES (?, ?, ?, ?, 'r', ?, ?, ?)",
            [uid, transcript_id, theme, coder, start, end, origin],
        )
    return con

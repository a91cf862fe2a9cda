"""Rule-based auto-coding: codebook keywords and patterns applied to de-identified utterances."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook, Theme


@dataclass(frozen=True)
class CompiledRule:
    """One theme's rules as named regular expressions."""

    theme_id: str
    rules: list[tuple[str, re.Pattern[str]]]
    speaker_roles: frozenset[str] | None


def compile_theme(theme: Theme) -> CompiledRule:
    """Keywords become case-insensitive whole-phrase matches; patterns are used as written."""
    rules = [
        (f"keyword:{kw}", re.compile(rf"(?<!\w){re.escape(kw)}(?!\w)", re.IGNORECASE))
        for kw in theme.rules.keywords
    ]
    rules += [(f"pattern:{p}", re.compile(p, re.IGNORECASE)) for p in theme.rules.patterns]
    roles = frozenset(theme.rules.speaker_roles) if theme.rules.speaker_roles else None
    return CompiledRule(theme.theme_id, rules, roles)


def coder_name(codebook: Codebook) -> str:
    """The coder recorded for rule codings of this codebook version."""
    return f"rules:{codebook.codebook_id}@{codebook.version}"


def code_utterances(utterances: pl.DataFrame, codebook: Codebook) -> pl.DataFrame:
    """One coding per utterance and theme whose rules match; the first matching rule is kept."""
    compiled = [compile_theme(t) for t in codebook.themes]
    coder = coder_name(codebook)
    rows = []
    for utterance_id, transcript_id, role, text in utterances.select(
        "utterance_id", "transcript_id", "speaker_role", "text"
    ).iter_rows():
        for rule in compiled:
            if rule.speaker_roles is not None and role not in rule.speaker_roles:
                continue
            matched = next((name for name, rx in rule.rules if rx.search(text)), None)
            if matched is not None:
                rows.append(
                    {
                        "utterance_id": utterance_id,
                        "transcript_id": transcript_id,
                        "theme_id": rule.theme_id,
                        "coder": coder,
                        "matched_rule": matched,
                        "start_offset": 0,
                        "end_offset": len(text),
                        "origin": "rules",
                    }
                )
    return frames.frame(rows, frames.CODINGS)

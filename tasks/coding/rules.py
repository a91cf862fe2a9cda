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


# The keywords' word edges, which the quick test drops (it may match more, never less).
_WORD_EDGES = ("(?<!\\w)", "(?!\\w)")
# What the quick test's regex engine lacks: look-arounds and group references.
_UNSUPPORTED = re.compile(r"\(\?<?[=!]|\\[1-9]|\(\?P=|\(\?\(")


def quick_test(rule: CompiledRule) -> str | None:
    """One regex matching at least wherever any of the rule's patterns does, for a vectorised
    first pass over all texts; None when a pattern cannot be loosened into one."""
    sources = []
    for _, rx in rule.rules:
        source = rx.pattern
        for edge in _WORD_EDGES:
            source = source.replace(edge, "")
        if _UNSUPPORTED.search(source):
            return None
        sources.append(f"(?:{source})")
    return "(?i)" + "|".join(sources) if sources else None


def candidates(texts: pl.Series, rule: CompiledRule) -> list[bool] | None:
    """Per text, whether any of the rule's patterns may match it; None when not worked out."""
    pattern = quick_test(rule)
    if pattern is None:
        return None
    try:
        return texts.str.contains(pattern).fill_null(False).to_list()
    except pl.exceptions.PolarsError:  # a construct the vectorised engine does not take
        return None


def coder_name(codebook: Codebook) -> str:
    """The coder recorded for rule codings of this codebook version."""
    return f"rules:{codebook.codebook_id}@{codebook.version}"


def code_utterances(utterances: pl.DataFrame, codebook: Codebook) -> pl.DataFrame:
    """One coding per utterance and theme whose rules match; the first matching rule is kept."""
    compiled = [compile_theme(t) for t in codebook.themes]
    coder = coder_name(codebook)
    rows = []
    # Python's regexes then run only on the texts the vectorised first pass lets through.
    masks = [candidates(utterances.get_column("text"), rule) for rule in compiled]
    for row, (utterance_id, transcript_id, role, text) in enumerate(
        utterances.select("utterance_id", "transcript_id", "speaker_role", "text").iter_rows()
    ):
        for rule, mask in zip(compiled, masks, strict=True):
            if rule.speaker_roles is not None and role not in rule.speaker_roles:
                continue
            if mask is not None and not mask[row]:
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

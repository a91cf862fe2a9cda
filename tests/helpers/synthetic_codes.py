"""A synthetic coded corpus whose truth is known: theme words plus noise, imperfectly separable.

Each utterance carries each theme with a study- and transcript-specific probability. A coded
utterance draws zero to two words from its theme's vocabulary (so some carry no cue at all);
any utterance may draw a decoy word from another theme's vocabulary (so cues mislead). A
classifier trained on one study therefore misses and over-codes, and because the studies'
prevalences differ, raw counts on another study are biased.
"""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas import frames
from qualbridge.tasks.warehouse import append_rows

NEUTRAL = [f"w{i:03d}" for i in range(400)]


def theme_words(theme: str) -> list[str]:
    """The cue words of one theme."""
    return [f"{theme}{i:02d}" for i in range(25)]


def synthetic_units(
    themes: list[str],
    prevalence: dict[str, float],
    transcripts: int,
    per_transcript: int,
    seed: int,
    study_id: str,
    decoy_rate: float = 0.12,
) -> pl.DataFrame:
    """Utterances (utterance_id, transcript_id, study_id, seq, speaker_role, text) and, per
    theme, a 0/1 column named after the theme holding the truth."""
    rng = np.random.default_rng(seed)
    rows = []
    for t in range(transcripts):
        # Transcripts differ: each theme's rate is drawn around the study's prevalence.
        rates = {
            th: rng.beta(4 * prevalence[th] + 0.2, 4 * (1 - prevalence[th]) + 0.2) for th in themes
        }
        for seq in range(per_transcript):
            truth = {th: int(rng.random() < rates[th]) for th in themes}
            words = list(rng.choice(NEUTRAL, size=rng.integers(6, 16)))
            for th in themes:
                if truth[th]:
                    words += list(rng.choice(theme_words(th), size=rng.choice([0, 1, 1, 2])))
                elif rng.random() < decoy_rate:
                    words += [str(rng.choice(theme_words(th)))]
            rng.shuffle(words)
            rows.append(_unit(study_id, t, seq, "helper" if seq % 2 else "seeker", words, truth))
    return pl.DataFrame(rows)


def _unit(
    study_id: str, t: int, seq: int, role: str, words: list[str], truth: dict[str, int]
) -> dict[str, object]:
    """One synthetic utterance row with its true themes."""
    transcript_id = f"{study_id}:T{t:04d}"
    return {
        "utterance_id": f"{transcript_id}:{seq:04d}",
        "transcript_id": transcript_id,
        "study_id": study_id,
        "seq": seq,
        "speaker_role": role,
        "text": " ".join(words),
        **truth,
    }


def load_synthetic(con: duckdb.DuckDBPyConnection, units: pl.DataFrame, coded: bool) -> None:
    """Insert the units and, if coded, their truth as imported codings (plus a theme "rare"
    on the first three units, too few to learn)."""
    themes = [c for c in units.columns if c not in frames.UTTERANCES]
    append_rows(
        con, "utterances", units.with_columns(n_words=pl.lit(1)).select(list(frames.UTTERANCES))
    )
    if not coded:
        return
    long = units.unpivot(themes, index=["utterance_id", "transcript_id", "text"]).filter(
        pl.col("value") == 1
    )
    rare = units.head(3).with_columns(variable=pl.lit("rare"))  # one helper turn among them
    codings = pl.concat([long.drop("value"), rare.select(long.drop("value").columns)]).select(
        "utterance_id",
        "transcript_id",
        theme_id="variable",
        coder=pl.lit("table:label"),
        matched_rule=pl.lit("code:x"),
        start_offset=pl.lit(0),
        end_offset=pl.col("text").str.len_chars(),
        origin=pl.lit("table"),
    )
    append_rows(con, "codings", codings.cast(frames.CODINGS))


def exclusive_units(
    themes: list[str], prevalence: dict[str, float], transcripts: int, per_transcript: int,
    seed: int, study_id: str,
) -> pl.DataFrame:  # fmt: skip
    """Like synthetic_units, but each utterance carries at most one theme (the rest none)."""
    rng = np.random.default_rng(seed)
    shares = np.array([prevalence[t] for t in themes] + [1.0 - sum(prevalence.values())])
    rows = []
    for t in range(transcripts):
        rates = rng.dirichlet(40 * shares + 0.1)  # transcripts differ around the study
        for seq in range(per_transcript):
            choice = int(rng.choice(len(shares), p=rates))
            words = list(rng.choice(NEUTRAL, size=rng.integers(6, 16)))
            for j, th in enumerate(themes):
                if j == choice:
                    words += list(rng.choice(theme_words(th), size=rng.choice([0, 1, 1, 2])))
                elif rng.random() < 0.06:
                    words += [str(rng.choice(theme_words(th)))]
            rng.shuffle(words)
            truth = {th: int(j == choice) for j, th in enumerate(themes)}
            rows.append(_unit(study_id, t, seq, "helper", words, truth))
    return pl.DataFrame(rows)

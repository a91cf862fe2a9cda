"""A synthetic coded corpus whose truth is known: theme words plus noise, imperfectly separable.

Each utterance carries each theme with a study- and transcript-specific probability. A coded
utterance draws zero to two words from its theme's vocabulary (so some carry no cue at all);
any utterance may draw a decoy word from another theme's vocabulary (so cues mislead). A
classifier trained on one study therefore misses and over-codes, and because the studies'
prevalences differ, raw counts on another study are biased.
"""

from __future__ import annotations

import numpy as np
import polars as pl

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
            transcript_id = f"{study_id}:T{t:04d}"
            rows.append(
                {
                    "utterance_id": f"{transcript_id}:{seq:04d}",
                    "transcript_id": transcript_id,
                    "study_id": study_id,
                    "seq": seq,
                    "speaker_role": "helper" if seq % 2 else "seeker",
                    "text": " ".join(words),
                    **truth,
                }
            )
    return pl.DataFrame(rows)

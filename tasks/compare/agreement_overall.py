"""Agreement over all coders at once: one Krippendorff's alpha and Fleiss' kappa per scope.

Units are utterances (of the chosen speaker roles) in transcripts that at least two coders
coded; a coder who coded a transcript rates every utterance of it, a coder who did not is
missing there. Scope `codebook` takes as each coder's value the set of themes they gave the
unit ("a+b" when several, so two coders agree only on the same set; `uncoded` when none);
scope <theme id> takes that theme's presence (coded or not). Intervals resample transcripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.bootstrap import resample_weights

# Per coder and rated utterance: the sorted themes given ('' when none), in scope.
RATINGS_SQL = """
WITH rated AS (
    SELECT DISTINCT coder, transcript_id FROM codings
    WHERE $all_coders OR list_contains($coders, coder)
),
shared AS (SELECT transcript_id FROM rated GROUP BY 1 HAVING count(*) >= 2),
given AS (
    SELECT coder, utterance_id, list_sort(list(DISTINCT theme_id)) AS themes
    FROM codings
    WHERE ($all_coders OR list_contains($coders, coder))
      AND ($all_themes OR list_contains($themes, theme_id))
      AND theme_id IN (SELECT theme_id FROM themes)
    GROUP BY ALL
)
SELECT u.transcript_id, u.utterance_id, r.coder, coalesce(g.themes, []) AS themes
FROM utterances u JOIN shared USING (transcript_id) JOIN rated r USING (transcript_id)
LEFT JOIN given g ON g.coder = r.coder AND g.utterance_id = u.utterance_id
WHERE $all_roles OR list_contains($roles, u.speaker_role)
ORDER BY u.utterance_id, r.coder
"""

OVERALL_SCHEMA = {
    "scope": pl.String,
    "speaker_roles": pl.String,
    "coders": pl.Int64,
    "transcripts": pl.Int64,
    "units": pl.Int64,
    "krippendorff_alpha": pl.Float64,
    "alpha_ci_low": pl.Float64,
    "alpha_ci_high": pl.Float64,
    "fleiss_kappa": pl.Float64,
    "kappa_ci_low": pl.Float64,
    "kappa_ci_high": pl.Float64,
}


@dataclass(frozen=True)
class TranscriptSums:
    """What alpha and kappa need, summed per transcript so resampling is a weighted sum.

    values: (transcripts, categories) pairable ratings per category; matched: per transcript,
    sum over units of sum_c n_uc (n_uc - 1) / (m_u - 1); units: rated units; fleiss_pairs:
    sum over units of (sum_c n_uc^2 - m); raters: coders per unit when constant, else 0.
    """

    values: np.ndarray
    matched: np.ndarray
    units: np.ndarray
    fleiss_pairs: np.ndarray
    raters: int


def transcript_sums(
    counts: np.ndarray, transcript: np.ndarray, n_transcripts: int
) -> TranscriptSums:
    """From (units, categories) rating counts of units with at least two ratings."""
    m = counts.sum(axis=1)
    per_unit = (counts * (counts - 1)).sum(axis=1)

    def sums(x: np.ndarray) -> np.ndarray:
        return np.bincount(transcript, weights=x, minlength=n_transcripts)

    values = np.column_stack([sums(counts[:, c]) for c in range(counts.shape[1])])
    raters = int(m[0]) if m.size and (m == m[0]).all() else 0
    return TranscriptSums(
        values,
        sums(per_unit / (m - 1)),
        sums(np.ones(len(m))),
        sums(per_unit.astype(float)),
        raters,
    )


def alpha_from(sums: TranscriptSums, weights: np.ndarray) -> np.ndarray:
    """Nominal Krippendorff's alpha for each row of transcript weights (NaN if nothing varies)."""
    n_c = weights @ sums.values
    n = n_c.sum(axis=1)
    expected = n**2 - (n_c**2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1.0 - (n - 1) * (n - weights @ sums.matched) / expected
    return np.where(expected > 0, alpha, np.nan)


def fleiss_from(sums: TranscriptSums, weights: np.ndarray) -> np.ndarray:
    """Fleiss' kappa for each row of transcript weights (NaN unless coders per unit are equal)."""
    m = sums.raters
    if m < 2:
        return np.full(weights.shape[0], np.nan)
    units = weights @ sums.units
    p_bar = (weights @ sums.fleiss_pairs) / (m * (m - 1) * units)
    p_e = (((weights @ sums.values) / (m * units)[:, None]) ** 2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        kappa = (p_bar - p_e) / (1 - p_e)
    return np.where(p_e < 1, kappa, np.nan)


def _interval(
    sums: TranscriptSums, stats: StatsConfig
) -> tuple[float, float, float, float, float, float]:
    """alpha, its interval, kappa, its interval."""
    observed = np.ones((1, len(sums.units)))
    rng = np.random.default_rng(stats.seed)
    weights = resample_weights(len(sums.units), stats.bootstrap_resamples, rng).astype(float)
    tail = (1.0 - stats.confidence) / 2.0
    out = []
    for statistic in (alpha_from, fleiss_from):
        point = float(statistic(sums, observed)[0])
        draws = statistic(sums, weights)
        draws = draws[~np.isnan(draws)]
        low, high = (
            np.quantile(draws, [tail, 1 - tail])
            if draws.size and not np.isnan(point)
            else (np.nan, np.nan)
        )
        out += [point, float(low), float(high)]
    return out[0], out[1], out[2], out[3], out[4], out[5]


def _scope_row(scope: str, ratings: pl.DataFrame, stats: StatsConfig) -> dict[str, Any]:
    """One scope's row from ratings (transcript_id, utterance_id, coder, value)."""
    keys = ratings.select("utterance_id", "transcript_id").unique(maintain_order=True)
    counts_frame = (
        ratings.group_by("utterance_id", "value")
        .len()
        .pivot(on="value", index="utterance_id", values="len")
        .fill_null(0)
    )
    counts_frame = keys.join(counts_frame, on="utterance_id", maintain_order="left")
    counts = counts_frame.drop("utterance_id", "transcript_id").to_numpy().astype(float)
    transcripts = counts_frame["transcript_id"].to_list()
    index = {t: i for i, t in enumerate(dict.fromkeys(transcripts))}
    sums = transcript_sums(counts, np.array([index[t] for t in transcripts]), len(index))
    alpha, a_low, a_high, kappa, k_low, k_high = _interval(sums, stats)
    return {
        "scope": scope,
        "speaker_roles": ",".join(stats.agreement_roles or []),
        "coders": ratings["coder"].n_unique(),
        "transcripts": len(index),
        "units": len(transcripts),
        "krippendorff_alpha": alpha,
        "alpha_ci_low": a_low,
        "alpha_ci_high": a_high,
        "fleiss_kappa": kappa,
        "kappa_ci_low": k_low,
        "kappa_ci_high": k_high,
    }


def coder_agreement_overall(con: duckdb.DuckDBPyConnection, stats: StatsConfig) -> pl.DataFrame:
    """One row for the codebook as a whole, then one per theme (presence), over all coders."""
    params = {
        "all_coders": stats.agreement_coders is None,
        "coders": stats.agreement_coders or [""],
        "all_themes": stats.agreement_themes is None,
        "themes": stats.agreement_themes or [""],
        "all_roles": not stats.agreement_roles,
        "roles": stats.agreement_roles or [""],
    }
    ratings = con.sql(RATINGS_SQL, params=params).pl()
    if ratings.is_empty():
        return pl.DataFrame(schema=OVERALL_SCHEMA)
    codebook = ratings.with_columns(
        value=pl.when(pl.col("themes").list.len() == 0)
        .then(pl.lit("uncoded"))
        .otherwise(pl.col("themes").list.join("+"))
    )
    rows = [_scope_row("codebook", codebook, stats)]
    theme_ids = stats.agreement_themes or [
        r[0] for r in con.execute("SELECT theme_id FROM themes ORDER BY 1").fetchall()
    ]
    for theme in theme_ids:
        present = ratings.with_columns(value=pl.col("themes").list.contains(theme).cast(pl.String))
        rows.append(_scope_row(theme, present, stats))
    return pl.DataFrame(rows, schema=OVERALL_SCHEMA).with_columns(pl.col(pl.Float64).fill_nan(None))

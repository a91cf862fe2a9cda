"""Comparisons that involve an auto-coded group: a row from the corrected coverage, labelled.

For every comparison row of a theme the learned model codes, when one group (by corpus, study
or site) is made only of auto-coded studies, a `model_corrected` row replaces that group's raw
share with the misclassification-corrected one (units-weighted over its studies). Its interval is
a Wald interval: the corrected group's standard error comes from the correction's bootstrap
(which already resamples that group's transcripts), the other group's from its own transcripts
(cluster-robust), so no group's sampling error is counted twice. Every row carries `coding`:
`model` on a corrected row, `model_raw` where a group's share counts the model's codings
uncorrected (a base row of an auto-coded group, or model codings merged from a site), else
`observed`.
"""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl
from scipy.stats import norm

from qualbridge.schemas.config import AutocodeConfig, StatsConfig
from qualbridge.tasks.compare.group_share import group_share_se
from qualbridge.tasks.compare.inference import benjamini_hochberg, cohens_h
from qualbridge.tasks.compare.units import GROUP_COLUMNS

CORRECTED_METHOD = "model_corrected"
# Studies whose units carry codings made by the learned model.
MODEL_CODED_STUDIES = """
SELECT DISTINCT s.corpus, s.study_id, s.site
FROM (SELECT DISTINCT utterance_id FROM codings WHERE origin = 'model') c
JOIN utterances u USING (utterance_id) JOIN studies s USING (study_id)
"""
BASE_METHOD = "cluster_bootstrap"


def group_prevalence(
    con: duckdb.DuckDBPyConnection, grouped_by: str, level: str, z: float
) -> pl.DataFrame:
    """Corrected share and its standard error per theme for a group of only auto-coded studies."""
    column = GROUP_COLUMNS[grouped_by]
    studies = con.sql(
        f"SELECT s.study_id FROM studies s WHERE {column} = $level", params={"level": level}
    ).pl()["study_id"]
    prevalence: pl.DataFrame = con.sql("SELECT * FROM autocode_prevalence").pl()
    coded = prevalence.filter(pl.col("study_id").is_in(studies.implode()))
    complete = coded.group_by("theme_id").agg(pl.len()).filter(pl.col("len") == studies.len())
    if studies.is_empty() or complete.is_empty():
        return pl.DataFrame(schema={"theme_id": pl.String, "share": pl.Float64, "se": pl.Float64})
    return (
        coded.join(complete.select("theme_id"), on="theme_id")
        .with_columns(
            w=pl.col("units") / pl.col("units").sum().over("theme_id"),
            se=(pl.col("ci_high") - pl.col("ci_low")) / (2 * z),
        )
        .group_by("theme_id")
        .agg(
            share=(pl.col("w") * pl.col("share_corrected")).sum(),
            se=((pl.col("w") * pl.col("se")) ** 2).sum().sqrt(),
        )
    )


def with_model_coding(
    con: duckdb.DuckDBPyConnection,
    comparisons: pl.DataFrame,
    settings: AutocodeConfig | None,
    stats: StatsConfig,
) -> pl.DataFrame:
    """The comparison rows plus model_corrected rows, every row labelled with its coding."""
    if comparisons.is_empty():
        return comparisons
    labelled = comparisons.with_columns(coding=_raw_coding(con, comparisons, stats))
    if settings is None:
        return labelled
    z = float(norm.ppf(0.5 + stats.confidence / 2))
    scope = ",".join(settings.speaker_roles or [])
    extra = []
    for _, rows in labelled.group_by("comparison", maintain_order=True):
        base = rows.filter(pl.col("method") == BASE_METHOD)
        if base.is_empty() or base["grouped_by"][0] not in ("corpus", "study_id", "site"):
            continue
        if base["speaker_roles"][0] != scope:
            continue  # the corrected coverage is for the roles the model coded, no others
        corrected = _corrected_rows(con, base, z, stats)
        if corrected is not None:
            extra.append(corrected)
    return pl.concat([labelled, *extra]) if extra else labelled


def _raw_coding(
    con: duckdb.DuckDBPyConnection, comparisons: pl.DataFrame, stats: StatsConfig
) -> pl.Series:
    """'model_raw' where a group's share counts the model's codings uncorrected, else 'observed'."""
    groups: set[tuple[str, str]] = set()
    if stats.origins is None or "model" in stats.origins:
        for corpus, study, site in con.sql(MODEL_CODED_STUDIES).fetchall():
            groups |= {("corpus", corpus), ("study_id", study), ("site", site)}
    raw = [
        (by, a) in groups or (by, b) in groups
        for by, a, b in comparisons.select("grouped_by", "group_a", "group_b").iter_rows()
    ]
    return pl.Series("coding", ["model_raw" if r else "observed" for r in raw], pl.String)


def _corrected_rows(
    con: duckdb.DuckDBPyConnection, base: pl.DataFrame, z: float, stats: StatsConfig
) -> pl.DataFrame | None:
    """model_corrected rows of one comparison, or None when neither group is auto-coded."""
    grouped_by = base["grouped_by"][0]
    roles = [r for r in base["speaker_roles"][0].split(",") if r]
    themes = base["theme_id"].to_list()
    out, touched = base, False
    for side in ("a", "b"):
        level = base[f"group_{side}"][0]
        corrected = group_prevalence(con, grouped_by, level, z)
        if corrected.is_empty():  # an observed group keeps its share; only its error is needed
            observed = group_share_se(con, grouped_by, level, roles, themes, stats)
            out = out.join(
                observed.select("theme_id", pl.col("se").alias(f"se_{side}")), on="theme_id"
            )
            continue
        touched = True
        # Themes the model does not code keep no corrected row (inner join).
        out = out.join(
            corrected.rename({"share": f"corr_{side}", "se": f"se_{side}"}), on="theme_id"
        ).with_columns(pl.col(f"corr_{side}").alias(f"share_{side}"))
    if not touched or out.is_empty():
        return None
    out = out.with_columns(se_diff=(pl.col("se_a") ** 2 + pl.col("se_b") ** 2).sqrt())
    diff = (out["share_a"] - out["share_b"]).to_numpy()
    se = out["se_diff"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(se > 0, 2 * norm.sf(np.abs(diff) / se), np.nan)
    return out.with_columns(
        diff=pl.Series(diff),
        ci_low=pl.Series(diff - z * se),
        ci_high=pl.Series(diff + z * se),
        p_value=pl.Series(p),
        p_adjusted=pl.Series(benjamini_hochberg(p)),
        cohens_h=pl.Series(cohens_h(out["share_a"].to_numpy(), out["share_b"].to_numpy())),
        design_effect=pl.lit(None, dtype=pl.Float64),
        method=pl.lit(CORRECTED_METHOD),
        coding=pl.lit("model"),
    ).select(base.columns)

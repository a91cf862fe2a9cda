"""Comparison methods from the registry, each checked against an independent computation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from pydantic import ValidationError
from statsmodels.stats.multitest import multipletests

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.bootstrap import bootstrap_diffs
from qualbridge.tasks.compare.comparison import cluster_counts, compare_groups
from qualbridge.tasks.compare.methods import METHODS
from qualbridge.tasks.compare.omnibus import omnibus_test
from tests.tasks.compare.builders import Transcript, build

THEMES = ["x", "y"]
STUDIES = {"s1": ("peer", "north"), "s2": ("peer", "south"), "s3": ("therapy", "north")}
RATES = {"s1": 0.45, "s2": 0.3, "s3": 0.15}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    rng = np.random.default_rng(11)
    transcripts, codings = [], []
    for study, rate in RATES.items():
        for i in range(8):
            tid = f"{study}:T{i}"
            roles = ["helper" if j % 3 else "client" for j in range(12)]
            transcripts.append(Transcript(tid, study, f"P{i}", [(r, "a few words") for r in roles]))
            lift = rng.normal(0, 0.08)  # transcripts differ: clustering matters
            for j, role in enumerate(roles):
                bump = 0.1 if role == "helper" else -0.05
                if rng.random() < min(max(rate + lift + bump, 0.01), 0.95):
                    codings.append((tid, j, "x", "rules", None, None, "rules"))
                if rng.random() < 0.2:
                    codings.append((tid, j, "y", "rules", None, None, "rules"))
    path = tmp_path_factory.mktemp("w") / "w.duckdb"
    connection = build(path, STUDIES, transcripts, codings, THEMES)
    yield connection
    connection.close()


def _units(con) -> pd.DataFrame:
    """Every utterance with its study, site, role and 0/1 per theme, for statsmodels."""
    return con.sql(
        """SELECT u.utterance_id, u.transcript_id, u.study_id, s.site, s.corpus, u.speaker_role,
                  (count(*) FILTER (WHERE c.theme_id = 'x') > 0)::INT AS x,
                  (count(*) FILTER (WHERE c.theme_id = 'y') > 0)::INT AS y
           FROM utterances u JOIN studies s USING (study_id)
           LEFT JOIN codings c USING (utterance_id) GROUP BY ALL ORDER BY u.utterance_id"""
    ).df()


def test_the_registry_names_every_method_once() -> None:
    assert list(METHODS) == ["cluster_bootstrap", "cluster_wald", "unclustered", "adjusted_gee"]
    assert all(m.label and m.description and m.colour for m in METHODS.values())


def test_adjusted_gee_rows_appear_only_when_a_comparison_adjusts(con) -> None:
    plain = ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy")
    adjusted = plain.model_copy(update={"adjust_for": ["speaker_role"]})
    stats = StatsConfig(bootstrap_resamples=100)

    assert "adjusted_gee" not in compare_groups(con, plain, stats)["method"].to_list()
    assert "adjusted_gee" in compare_groups(con, adjusted, stats)["method"].to_list()


@pytest.mark.parametrize("adjust_for", [["speaker_role"], ["speaker_role", "site"]])
def test_adjusted_odds_ratio_and_risk_difference_match_statsmodels(con, adjust_for) -> None:
    comparison = ComparisonConfig(
        comparison_id="c", group_a="peer", group_b="therapy", adjust_for=adjust_for
    )
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=100))
    row = frame.filter((pl.col("method") == "adjusted_gee") & (pl.col("theme_id") == "x"))

    data = _units(con)
    data["peer"] = (data["corpus"] == "peer").astype(float)
    formula = "x ~ peer + " + " + ".join(f"C({c})" for c in adjust_for)
    fit = smf.gee(
        formula, "transcript_id", data, family=sm.families.Binomial(),
        cov_struct=sm.cov_struct.Independence(),
    ).fit()  # fmt: skip
    ci = np.exp(fit.conf_int().loc["peer"])
    as_peer, as_therapy = data.assign(peer=1.0), data.assign(peer=0.0)
    risk_difference = fit.predict(as_peer).mean() - fit.predict(as_therapy).mean()
    assert row["odds_ratio"][0] == pytest.approx(np.exp(fit.params["peer"]), rel=1e-6)
    assert (row["or_ci_low"][0], row["or_ci_high"][0]) == pytest.approx(tuple(ci), rel=1e-6)
    assert row["diff"][0] == pytest.approx(risk_difference, rel=1e-6)
    assert row["p_value"][0] == pytest.approx(fit.pvalues["peer"], rel=1e-6)
    assert row["ci_low"][0] < row["diff"][0] < row["ci_high"][0]
    assert row["adjusted_for"][0] == ",".join(adjust_for)


def test_omnibus_chi_square_matches_a_statsmodels_wald_test(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", by="study_id", groups=["s1", "s2", "s3"])
    frame = omnibus_test(con, comparison, StatsConfig())
    row = frame.filter(pl.col("theme_id") == "x").row(0, named=True)

    data = _units(con)
    fit = smf.gee(
        "x ~ C(study_id)", "transcript_id", data, family=sm.families.Binomial(),
        cov_struct=sm.cov_struct.Independence(),
    ).fit()  # fmt: skip
    test = fit.wald_test("C(study_id)[T.s2] = 0, C(study_id)[T.s3] = 0", scalar=True)
    assert row["chi_square"] == pytest.approx(float(test.statistic), rel=1e-6)
    assert row["p_value"] == pytest.approx(float(test.pvalue), rel=1e-6)
    assert (row["df"], row["units"], row["clusters"]) == (2, 3 * 8 * 12, 24)


def test_several_groups_give_every_pair_with_bh_over_pairs_and_themes(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", by="study_id", groups=["s1", "s2", "s3"])
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=100))
    wald = frame.filter(pl.col("method") == "cluster_wald")

    assert sorted(set(zip(wald["group_a"], wald["group_b"], strict=True))) == [
        ("s1", "s2"),
        ("s1", "s3"),
        ("s2", "s3"),
    ]
    expected = multipletests(wald["p_value"].to_list(), method="fdr_bh")[1]
    assert wald["p_adjusted"].to_list() == pytest.approx(list(expected))


def test_a_bootstrap_p_value_no_resample_reaches_is_reported_as_below_one_over_b(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", by="study_id", group_a="s1", group_b="s3")
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=200))
    boot = frame.filter((pl.col("method") == "cluster_bootstrap") & (pl.col("theme_id") == "x"))

    assert boot["ci_low"][0] > 0  # s1 codes x far more often: no resample crosses zero
    assert (boot["p_value"][0], boot["p_value_is_bound"][0]) == (1 / 200, True)
    others = frame.filter(pl.col("method") != "cluster_bootstrap")
    assert not others["p_value_is_bound"].any()


def test_each_method_has_its_own_design_effect(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy")
    stats = StatsConfig(bootstrap_resamples=300, seed=5)
    frame = compare_groups(con, comparison, stats).sort("theme_id")
    effect = {m: frame.filter(pl.col("method") == m)["design_effect"].to_numpy() for m in METHODS}

    counts = cluster_counts(con, comparison, stats, THEMES, ("peer", "therapy"))
    in_a, in_b = counts.units_a > 0, counts.units_b > 0
    diffs = bootstrap_diffs(
        counts.coded_a[in_a], counts.units_a[in_a], counts.coded_b[in_b], counts.units_b[in_b],
        300, 5,
    )  # fmt: skip
    share_a = counts.coded_a.sum(axis=0) / counts.units_a.sum()
    share_b = counts.coded_b.sum(axis=0) / counts.units_b.sum()
    naive = share_a * (1 - share_a) / counts.units_a.sum() + share_b * (1 - share_b) / (
        counts.units_b.sum()
    )
    assert effect["cluster_bootstrap"] == pytest.approx(diffs.var(axis=0, ddof=1) / naive)
    assert not np.allclose(effect["cluster_bootstrap"], effect["cluster_wald"])
    assert effect["unclustered"].tolist() == [1.0, 1.0]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"group_a": "a"}, "needs group_a and group_b"),
        ({"group_a": "a", "group_b": "b", "groups": ["a", "b", "c"]}, "not both"),
        ({"groups": ["a"]}, "at least two"),
        ({"groups": ["a", "b"], "by": "site", "adjust_for": ["site"]}, "grouping column"),
    ],
)
def test_comparison_config_refuses_unclear_groups(fields, message) -> None:
    with pytest.raises(ValidationError, match=message):
        ComparisonConfig(comparison_id="c", **fields)


def test_an_adjustment_that_fixes_the_group_is_not_estimable(con) -> None:
    # Every study lies in one corpus: adjusting a corpus comparison for study leaves nothing.
    comparison = ComparisonConfig(
        comparison_id="c", group_a="peer", group_b="therapy", adjust_for=["study_id"]
    )
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=100))
    adjusted = frame.filter(pl.col("method") == "adjusted_gee")

    assert adjusted["diff"].null_count() == adjusted["odds_ratio"].null_count() == 2

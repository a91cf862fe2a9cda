"""Comparisons involving an auto-coded group use its corrected coverage and say so."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from scipy.stats import norm

from qualbridge.schemas.config import AutocodeConfig, StatsConfig
from qualbridge.tasks.compare import with_model_coding
from qualbridge.tasks.warehouse import append_rows, connect
from tests.helpers.synthetic_codes import load_synthetic, synthetic_units

Z = float(norm.ppf(0.975))
STATS = StatsConfig()
# The observed (hand-coded) peer group: 6 transcripts of 20 utterances, truth as codings.
PEER = synthetic_units(["heard", "hope"], {"heard": 0.3, "hope": 0.2}, 6, 20, 7, "a")


def _prevalence(study: str, theme: str, units: int, share: float, low: float, high: float):
    return {"run_id": "r", "study_id": study, "theme_id": theme, "coder": "model:x@1",
            "units": units, "transcripts": 5, "units_coded": 1, "share_raw": share + 0.05,
            "share_corrected": share, "ci_low": low, "ci_high": high, "method": "acc",
            "share_acc": share, "share_pacc": share, "resamples": 500}  # fmt: skip


def _comparison(method: str, roles: str = "") -> pl.DataFrame:
    rows = [
        {"comparison": "peer_vs_therapy", "grouped_by": "corpus", "speaker_roles": roles,
         "theme_id": theme, "group_a": "peer", "group_b": "therapy", "units_a": 100,
         "units_b": 300, "clusters_a": 5, "clusters_b": 10, "coded_a": 20, "coded_b": 60,
         "share_a": 0.2, "share_b": 0.2, "diff": 0.0, "ci_low": -0.1, "ci_high": 0.1,
         "p_value": 1.0, "p_adjusted": 1.0, "cohens_h": 0.0, "design_effect": 1.5,
         "method": method, "clustered": True}
        for theme in ("heard", "hope")
    ]  # fmt: skip
    return pl.DataFrame(rows)


@pytest.fixture
def con(tmp_path: Path):
    with connect(tmp_path / "w.duckdb") as con:
        con.execute(
            "INSERT INTO studies VALUES ('a', 'peer', 's1', 'A'), ('b', 'therapy', 's2', 'B'), "
            "('c', 'therapy', 's3', 'C')"
        )
        con.execute(
            "INSERT INTO themes (theme_id, codebook_id, name, definition) VALUES "
            "('heard', 'cb', 'heard', 'd'), ('hope', 'cb', 'hope', 'd')"
        )
        load_synthetic(con, PEER, coded=True)
        append_rows(con, "autocode_prevalence", pl.DataFrame([
            _prevalence("b", "heard", 100, 0.10, 0.05, 0.15),
            _prevalence("c", "heard", 300, 0.30, 0.20, 0.40),
            _prevalence("b", "hope", 100, 0.10, 0.05, 0.15),  # c lacks hope: no corrected row
        ]))  # fmt: skip
        yield con


def test_auto_coded_group_gets_a_corrected_row_labelled_model(con) -> None:
    frame = pl.concat([_comparison("cluster_bootstrap"), _comparison("cluster_wald")])
    out = with_model_coding(con, frame, AutocodeConfig(train_on=["a"]), STATS)
    assert out.filter(pl.col("coding") == "observed").height == 4
    [row] = out.filter(pl.col("coding") == "model").to_dicts()
    assert (row["theme_id"], row["method"]) == ("heard", "model_corrected")
    share_b = (100 * 0.10 + 300 * 0.30) / 400
    se_b = np.sqrt((0.25 * 0.10 / (2 * Z)) ** 2 + (0.75 * 0.20 / (2 * Z)) ** 2)
    # The observed group's own cluster-robust error, not the base interval (which already
    # holds the auto-coded group's sampling error that se_b counts again).
    per = PEER.group_by("transcript_id").agg(pl.col("heard").sum(), n=pl.len())
    y, n = per["heard"].to_numpy(), per["n"].to_numpy()
    resid = y - y.sum() / n.sum() * n
    se_a = np.sqrt(len(n) / (len(n) - 1) * (resid**2).sum() / n.sum() ** 2)
    se = np.sqrt(se_a**2 + se_b**2)
    assert row["share_b"] == pytest.approx(share_b) and row["share_a"] == 0.2
    assert row["diff"] == pytest.approx(0.2 - share_b)
    assert row["ci_low"] == pytest.approx(0.2 - share_b - Z * se)
    assert row["p_value"] == pytest.approx(2 * norm.sf(abs(0.2 - share_b) / se))
    assert out.columns == [*frame.columns, "coding"]


@pytest.mark.parametrize(
    ("settings", "roles"),
    [(None, ""), (AutocodeConfig(train_on=["a"], speaker_roles=["helper"]), "")],
)
def test_no_corrected_rows_without_matching_autocoding(con, settings, roles) -> None:
    out = with_model_coding(con, _comparison("cluster_bootstrap", roles), settings, STATS)
    assert out["coding"].to_list() == ["observed", "observed"]


@pytest.mark.parametrize(
    ("origins", "expected"),
    [(None, "model_raw"), (["qdpx", "table", "model"], "model_raw"), (["table"], "observed")],
)
def test_a_share_counting_model_codings_raw_says_so(con, origins, expected) -> None:
    """A group whose codings include the model's, counted uncorrected, is labelled model_raw."""
    con.execute(
        "INSERT INTO utterances (utterance_id, transcript_id, study_id, seq, speaker_role, text, "
        "n_words) VALUES ('b:T1:0001', 'b:T1', 'b', 1, 'helper', 'x', 1)"
    )
    con.execute(
        "INSERT INTO codings VALUES ('b:T1:0001', 'b:T1', 'heard', 'model:x@1', 'model', 0, 1, "
        "'model')"
    )
    stats = StatsConfig(origins=origins)
    out = with_model_coding(con, _comparison("cluster_bootstrap"), None, stats)
    assert out["coding"].to_list() == [expected, expected]

"""Agreement over all coders, checked against the krippendorff package and statsmodels."""

from __future__ import annotations

import itertools

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.inter_rater import fleiss_kappa

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.agreement_overall import coder_agreement_overall
from qualbridge.tasks.compare.bootstrap import resample_weights
from tests.tasks.compare.builders import Transcript, build

THEMES = ["a", "b", "c"]
CODERS = ["ann", "ben", "cat", "dan"]
ROLES = ["therapist", "client"]


def _dataset(seed: int, every_coder_everywhere: bool):
    """Six transcripts of eight utterances; each coder gives each utterance 0-2 themes."""
    rng = np.random.default_rng(seed)
    transcripts, codings, truth = [], [], {}
    for t in range(6):
        tid = f"s:T{t}"
        utterances = [(ROLES[j % 2], "some words here") for j in range(8)]
        transcripts.append(Transcript(tid, "s", f"P{t}", utterances))
        coders = CODERS if every_coder_everywhere or t % 2 else CODERS[: 2 + t % 3]
        for coder in coders:
            for j in range(8):
                # Coders mostly agree with a shared "true" theme, sometimes add or drop one.
                base = truth.setdefault((tid, j), rng.choice([None, "a", "b", "c"]))
                given = {base} if base and rng.random() < 0.8 else set()
                if rng.random() < 0.15:
                    given.add(str(rng.choice(THEMES)))
                if j == 0:
                    given.add("c")  # every coder codes something in each transcript they rate
                truth_given = sorted(given)
                for theme in truth_given:
                    codings.append((tid, j, theme, coder, None, None, "table"))
                truth[(tid, j, coder)] = "+".join(truth_given) or "uncoded"
    return transcripts, codings, truth


def _matrix(truth: dict, roles: list[str] | None, transcripts: list[str] | None = None):
    """coders x units matrix of category numbers (NaN = coder did not rate the unit)."""
    units = [(t, j) for t in transcripts or [f"s:T{i}" for i in range(6)] for j in range(8)]
    units = [u for u in units if roles is None or ROLES[u[1] % 2] in roles]
    values = sorted({v for k, v in truth.items() if len(k) == 3})
    code = {v: i for i, v in enumerate(values)}
    return np.array(
        [
            [code[truth[(t, j, c)]] if (t, j, c) in truth else np.nan for t, j in units]
            for c in CODERS
        ]
    )


@pytest.fixture(params=[(1, False), (2, False), (3, True)])
def case(request, tmp_path):
    seed, everywhere = request.param
    transcripts, codings, truth = _dataset(seed, everywhere)
    con = build(tmp_path / "w.duckdb", {"s": ("c", "x")}, transcripts, codings, THEMES)
    yield con, truth, everywhere
    con.close()


@pytest.mark.parametrize("roles", [None, ["therapist"]])
def test_codebook_alpha_matches_the_krippendorff_package(case, roles) -> None:
    con, truth, _ = case
    stats = StatsConfig(bootstrap_resamples=100, agreement_roles=roles)
    row = coder_agreement_overall(con, stats).row(0, named=True)

    ratings = _matrix(truth, roles)
    expected = krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")
    assert row["scope"] == "codebook"
    assert row["krippendorff_alpha"] == pytest.approx(expected, abs=1e-12)
    assert row["units"] == ratings.shape[1]
    assert row["coders"] == 4
    assert row["speaker_roles"] == ",".join(roles or [])


@pytest.mark.parametrize("theme", THEMES)
def test_theme_presence_alpha_matches_the_krippendorff_package(case, theme) -> None:
    con, truth, _ = case
    frame = coder_agreement_overall(con, StatsConfig(bootstrap_resamples=100))
    row = frame.filter(frame["scope"] == theme).row(0, named=True)

    presence = {k: str(theme in v.split("+")) for k, v in truth.items() if len(k) == 3}
    ratings = _matrix(presence, None)
    expected = krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")
    assert row["krippendorff_alpha"] == pytest.approx(expected, abs=1e-12)


def test_fleiss_kappa_matches_statsmodels_only_when_every_unit_has_the_same_coders(case) -> None:
    con, truth, everywhere = case
    row = coder_agreement_overall(con, StatsConfig(bootstrap_resamples=100)).row(0, named=True)

    if not everywhere:
        assert row["fleiss_kappa"] is None
        return
    ratings = _matrix(truth, None)
    categories = np.unique(ratings)
    table = np.array([[np.sum(unit == c) for c in categories] for unit in ratings.T])
    assert row["fleiss_kappa"] == pytest.approx(fleiss_kappa(table), abs=1e-12)
    assert row["kappa_ci_low"] <= row["fleiss_kappa"] <= row["kappa_ci_high"]


def test_alpha_interval_is_the_percentile_of_alphas_of_resampled_transcripts(case) -> None:
    con, truth, _ = case
    stats = StatsConfig(bootstrap_resamples=100, seed=7)
    row = coder_agreement_overall(con, stats).row(0, named=True)

    # The same resamples, each rebuilt as a dataset of repeated transcripts for the package.
    rng = np.random.default_rng(7)
    transcripts = [f"s:T{i}" for i in range(6)]
    weights = resample_weights(len(transcripts), 100, rng)
    alphas = []
    for draw in weights:
        chosen = list(
            itertools.chain.from_iterable(
                [t] * int(n) for t, n in zip(transcripts, draw, strict=True)
            )
        )
        ratings = _matrix(truth, None, chosen)
        if len(np.unique(ratings[~np.isnan(ratings)])) > 1:
            alphas.append(
                krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")
            )
    low, high = np.quantile(alphas, [0.025, 0.975])
    assert (row["alpha_ci_low"], row["alpha_ci_high"]) == pytest.approx((low, high), abs=1e-9)


def test_agreement_themes_limit_the_scopes_and_the_codebook_values(case) -> None:
    con, _, _ = case
    frame = coder_agreement_overall(
        con, StatsConfig(bootstrap_resamples=100, agreement_themes=["a"])
    )

    assert frame["scope"].to_list() == ["codebook", "a"]
    # With only theme a counted, the codebook value is "a" or uncoded: alpha equals a's presence.
    assert frame["krippendorff_alpha"][0] == pytest.approx(frame["krippendorff_alpha"][1])

"""Comparisons read from a warehouse: scope, methods, BH and the unclustered row by hand."""

from __future__ import annotations

import polars as pl
import pytest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.comparison import TooFewTranscripts, compare_groups
from tests.tasks.compare.builders import Transcript, build

THEMES = ["x", "y", "z"]


@pytest.fixture
def con(tmp_path):
    transcripts, codings = [], []
    # peer: 4 transcripts x 5 utterances (helper, client alternating); therapy: 3 x 4.
    for corpus, study, n, size in (("peer", "p", 4, 5), ("therapy", "t", 3, 4)):
        for i in range(n):
            tid = f"{study}:T{i}"
            roles = ["helper" if j % 2 == 0 else "client" for j in range(size)]
            transcripts.append(Transcript(tid, study, f"P{i}", [(r, "some words") for r in roles]))
            for j in range(size):
                if (i + j) % (2 if corpus == "peer" else 3) == 0:
                    codings.append((tid, j, "x", "rules", None, None, "rules"))
                if j == 0 and i % 2 == 0:
                    codings.append((tid, j, "y", "rules", None, None, "rules"))
    connection = build(
        tmp_path / "w.duckdb",
        {"p": ("peer", "s1"), "t": ("therapy", "s2")},
        transcripts,
        codings,
        THEMES,
    )
    yield connection
    connection.close()


def _counts(con, corpus: str, theme: str, roles: list[str]) -> tuple[int, int]:
    return con.execute(
        "SELECT count(DISTINCT c.utterance_id) FILTER (WHERE c.theme_id = $theme), "
        "count(DISTINCT u.utterance_id) FROM utterances u JOIN studies s USING (study_id) "
        "LEFT JOIN codings c ON c.utterance_id = u.utterance_id "
        "WHERE s.corpus = $corpus AND list_contains($roles, u.speaker_role)",
        {"theme": theme, "corpus": corpus, "roles": roles},
    ).fetchall()[0]


@pytest.mark.parametrize("roles", [None, ["helper"], ["client"]])
def test_shares_and_unclustered_row_match_statsmodels(con, roles) -> None:
    comparison = ComparisonConfig(
        comparison_id="c", group_a="peer", group_b="therapy", speaker_roles=roles
    )
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=200))
    naive = frame.filter(pl.col("method") == "unclustered").sort("theme_id")

    for row in naive.to_dicts():
        coded_a, n_a = _counts(con, "peer", row["theme_id"], roles or ["helper", "client"])
        coded_b, n_b = _counts(con, "therapy", row["theme_id"], roles or ["helper", "client"])
        if coded_a + coded_b == 0:
            # Never coded: statsmodels gives NaN; no difference and no variation reads as p = 1.
            assert (row["diff"], row["p_value"]) == (0.0, 1.0)
            continue
        _, p_value = proportions_ztest([coded_a, coded_b], [n_a, n_b])
        assert (row["units_a"], row["units_b"]) == (n_a, n_b)
        assert row["share_a"] == pytest.approx(coded_a / n_a)
        assert row["share_b"] == pytest.approx(coded_b / n_b)
        assert row["p_value"] == pytest.approx(p_value)
        assert row["clustered"] is False


def test_three_methods_per_theme_with_bh_within_each(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy")
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=300))

    assert frame.group_by("method").len().sort("method").rows() == [
        ("cluster_bootstrap", 3),
        ("cluster_wald", 3),
        ("unclustered", 3),
    ]
    for method in ("cluster_bootstrap", "cluster_wald", "unclustered"):
        rows = frame.filter(pl.col("method") == method).sort("theme_id")
        expected = multipletests(rows["p_value"].to_list(), method="fdr_bh")[1]
        assert rows["p_adjusted"].to_list() == pytest.approx(list(expected))
        assert (rows["clusters_a"][0], rows["clusters_b"][0]) == (4, 3)


def test_speaker_roles_compare_within_the_same_transcripts(con) -> None:
    comparison = ComparisonConfig(
        comparison_id="roles", by="speaker_role", group_a="helper", group_b="client"
    )
    frame = compare_groups(con, comparison, StatsConfig(bootstrap_resamples=300))
    wald = frame.filter((pl.col("method") == "cluster_wald") & (pl.col("theme_id") == "y"))

    # y is coded only on utterance 0 (a helper turn) of transcripts 0 and 2 of each study;
    # helper utterances: 3 in each of 4 peer transcripts, 2 in each of 3 therapy ones.
    assert wald["share_b"][0] == 0.0
    assert wald["share_a"][0] == pytest.approx(4 / (3 * 4 + 2 * 3))
    assert (wald["clusters_a"][0], wald["clusters_b"][0]) == (7, 7)


def test_a_group_with_one_transcript_is_refused(con) -> None:
    comparison = ComparisonConfig(comparison_id="c", by="study_id", group_a="p", group_b="nope")

    with pytest.raises(TooFewTranscripts, match="at least 2 transcripts"):
        compare_groups(con, comparison, StatsConfig(bootstrap_resamples=100))


def test_an_empty_role_list_means_every_role(con) -> None:
    run = lambda roles: compare_groups(  # noqa: E731
        con,
        ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy", speaker_roles=roles),
        StatsConfig(bootstrap_resamples=100),
    )

    assert run([]).equals(run(None))


def test_codings_of_themes_outside_the_codebook_are_ignored(con) -> None:
    con.execute(
        "INSERT INTO codings SELECT utterance_id, transcript_id, 'retired', 'old', 'r', 0, 1, "
        "'table' FROM utterances"
    )
    frame = compare_groups(
        con,
        ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy"),
        StatsConfig(bootstrap_resamples=100),
    )

    assert sorted(frame["theme_id"].unique()) == THEMES

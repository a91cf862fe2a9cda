"""Agreement between coders, checked against values worked out by hand and from the literature."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.agreement import coder_agreement, cohens_kappa, nominal_alpha
from tests.tasks.compare.builders import Transcript, build

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", binary data, two observers:
# alpha = 1 - (n - 1) * o_01 / (n_0 * n_1) = 1 - 19 * 4 / (14 * 6) = 0.0952.
OBSERVER_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
OBSERVER_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
ALPHA_BY_HAND = 1 - 19 * 4 / (14 * 6)
# Cohen's kappa of the same ratings: p_o = 6/10, p_e = 0.2 * 0.4 + 0.8 * 0.6 = 0.56.
KAPPA_BY_HAND = (0.6 - 0.56) / (1 - 0.56)
TEN_CHARS = "abcde fghi"


def _kappa_from_characters(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa from two 0/1 vectors via the 2 x 2 table."""
    n = len(a)
    table = np.array([[np.sum((a == i) & (b == j)) for j in (0, 1)] for i in (0, 1)]) / n
    p_o = np.trace(table)
    p_e = table.sum(axis=1) @ table.sum(axis=0)
    return (p_o - p_e) / (1 - p_e)


@pytest.fixture
def con(tmp_path):
    transcripts = [
        Transcript("s:T1", "s", "P1", [("participant", TEN_CHARS)] * 10),
        Transcript("s:T2", "s", "P2", [("participant", TEN_CHARS)] * 3),
    ]
    codings = [
        ("s:T1", i, "whole", "ann", None, None, "qdpx") for i, v in enumerate(OBSERVER_A) if v
    ]
    codings += [
        ("s:T1", i, "whole", "ben", None, None, "qdpx") for i, v in enumerate(OBSERVER_B) if v
    ]
    # Partial spans in utterance 0: ann [0, 6); ben [3, 10) and [8, 10) (overlapping own spans).
    codings += [
        ("s:T1", 0, "part", "ann", 0, 6, "qdpx"),
        ("s:T1", 0, "part", "ben", 3, 10, "qdpx"),
        ("s:T1", 0, "part", "ben", 8, 10, "qdpx"),
        # Only ann coded T2 and only cat coded nothing ann or ben coded: neither is compared.
        ("s:T2", 0, "whole", "ann", None, None, "qdpx"),
    ]
    connection = build(
        tmp_path / "w.duckdb", {"s": ("c", "x")}, transcripts, codings, ["part", "whole"]
    )
    yield connection
    connection.close()


def test_literature_example_gives_alpha_by_hand() -> None:
    assert nominal_alpha(np.array([OBSERVER_A, OBSERVER_B], dtype=float)) == pytest.approx(
        ALPHA_BY_HAND, abs=1e-12
    )


def test_whole_utterance_codings_give_kappa_and_alpha_by_hand(con) -> None:
    rows = {r["theme_id"]: r for r in coder_agreement(con, StatsConfig()).to_dicts()}
    whole = rows["whole"]

    assert (whole["coder_a"], whole["coder_b"], whole["transcripts"]) == ("ann", "ben", 1)
    assert whole["chars_total"] == 100 and whole["units"] == 10
    assert whole["percent_agreement"] == pytest.approx(0.6)
    assert whole["cohens_kappa"] == pytest.approx(KAPPA_BY_HAND)
    assert whole["krippendorff_alpha"] == pytest.approx(ALPHA_BY_HAND)


def test_partial_spans_are_compared_character_by_character(con) -> None:
    [part] = [r for r in coder_agreement(con, StatsConfig()).to_dicts() if r["theme_id"] == "part"]
    a, b = np.zeros(100), np.zeros(100)
    a[0:6] = 1
    b[3:10] = 1

    assert (part["chars_both"], part["chars_a_only"], part["chars_b_only"]) == (3, 3, 4)
    assert part["percent_agreement"] == pytest.approx(np.mean(a == b))
    assert part["cohens_kappa"] == pytest.approx(_kappa_from_characters(a, b))


def test_configured_coders_limit_the_pairs(con) -> None:
    assert coder_agreement(con, StatsConfig(agreement_coders=["ann"])).is_empty()


@pytest.mark.parametrize(
    ("total", "coded_a", "coded_b", "both", "expected"),
    [
        (10, 2, 4, 1, KAPPA_BY_HAND),
        (10, 0, 0, 0, 1.0),  # nobody coded anything: perfect agreement, as NVivo reports it
        (10, 10, 10, 10, 1.0),
        (10, 5, 5, 0, (0.0 - 0.5) / 0.5),
        (0, 0, 0, 0, None),
    ],
)
def test_kappa_edge_cases(total, coded_a, coded_b, both, expected) -> None:
    result = cohens_kappa(total, coded_a, coded_b, both)

    assert result == (None if expected is None else pytest.approx(expected))


def test_alpha_is_missing_when_nothing_varies() -> None:
    assert nominal_alpha(np.zeros((2, 5))) is None


def test_agreement_roles_and_themes_limit_units_and_rows(tmp_path) -> None:
    # Ten utterances alternating therapist / client; only therapist ones (even) should count.
    roles = ["therapist" if i % 2 == 0 else "client" for i in range(10)]
    transcripts = [Transcript("s:T1", "s", "P1", [(r, TEN_CHARS) for r in roles])]
    codings = [
        ("s:T1", i, "whole", "ann", None, None, "qdpx") for i, v in enumerate(OBSERVER_A) if v
    ]
    codings += [
        ("s:T1", i, "whole", "ben", None, None, "qdpx") for i, v in enumerate(OBSERVER_B) if v
    ]
    codings += [("s:T1", 1, "part", "ann", None, None, "qdpx")]
    con = build(tmp_path / "w.duckdb", {"s": ("c", "x")}, transcripts, codings, ["part", "whole"])
    stats = StatsConfig(agreement_roles=["therapist"], agreement_themes=["whole"])
    [row] = coder_agreement(con, stats).to_dicts()
    con.close()

    a, b = np.array(OBSERVER_A[::2]), np.array(OBSERVER_B[::2])
    assert (row["theme_id"], row["units"], row["chars_total"]) == ("whole", 5, 50)
    assert row["cohens_kappa"] == pytest.approx(_kappa_from_characters(a, b))
    expected = krippendorff.alpha(
        reliability_data=np.array([a, b], float), level_of_measurement="nominal"
    )
    assert row["krippendorff_alpha"] == pytest.approx(expected)

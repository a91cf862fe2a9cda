"""Coverage by study, site, corpus, role and attribute, against counts worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from qualbridge.schemas.config import StatsConfig
from qualbridge.tasks.compare.cooccurrence import theme_cooccurrence
from qualbridge.tasks.compare.coverage import coverage_breakdown, study_coverage
from tests.tasks.compare.builders import Transcript, build

# Study s1: 2 transcripts, utterances (role, chars, words); roles h,h,c give 2 turns each.
S1 = [("h", "one two three"), ("h", "four five"), ("c", "six")]  # 13 + 9 + 3 chars, 6 words
S2 = [("h", "alpha beta"), ("c", "gamma")]  # 10 + 5 chars, 3 words


@pytest.fixture
def con(tmp_path):
    transcripts = [
        Transcript("s1:A", "s1", "P1", S1, {"gender": "f"}),
        Transcript("s1:B", "s1", "P2", S1, {"gender": "m"}),
        Transcript("s2:A", "s2", "P1", S2, {"gender": "f"}),
    ]
    codings = [
        ("s1:A", 0, "x", "rules", None, None, "rules"),  # whole of 13 chars
        ("s1:A", 0, "x", "ann", 4, 7, "qdpx"),  # inside the rule span: union stays 13
        ("s1:A", 1, "x", "ann", 0, 4, "qdpx"),  # same turn as utterance 0
        ("s1:A", 1, "x", "ann", 2, 6, "qdpx"),  # overlaps: union [0, 6) = 6 chars
        ("s1:B", 2, "y", "rules", None, None, "rules"),
        ("s1:B", 2, "x", "rules", None, None, "rules"),
        ("s2:A", 1, "y", "ann", 0, 5, "qdpx"),
    ]
    connection = build(
        tmp_path / "w.duckdb",
        {"s1": ("peer", "a"), "s2": ("therapy", "b")},
        transcripts,
        codings,
        ["x", "y"],
    )
    yield connection
    connection.close()


def _row(frame: pl.DataFrame, dimension: str, level: str, theme: str) -> dict:
    [row] = frame.filter(
        (pl.col("dimension") == dimension)
        & (pl.col("level") == level)
        & (pl.col("theme_id") == theme)
    ).to_dicts()
    return row


@pytest.mark.parametrize(
    ("dimension", "level", "theme", "expected"),
    [
        # s1 x: refs 5; utterances A0, A1, B2 of 6; turns A#1, B#2 of 4; transcripts 2/2;
        # chars 13 + 6 + 3 = 22 of 50; words 12.
        (
            "study_id",
            "s1",
            "x",
            {
                "n_references": 5,
                "units_coded": 3,
                "units_total": 6,
                "turns_coded": 2,
                "turns_total": 4,
                "transcripts_coded": 2,
                "participants_coded": 2,
                "chars_coded": 22,
                "chars_total": 50,
                "words_total": 12,
            },
        ),
        (
            "study_id",
            "s2",
            "y",
            {
                "n_references": 1,
                "units_coded": 1,
                "units_total": 2,
                "turns_coded": 1,
                "turns_total": 2,
                "transcripts_coded": 1,
                "participants_coded": 1,
                "chars_coded": 5,
                "chars_total": 15,
                "words_total": 3,
            },
        ),
        # Role h over both studies: x coded in A0 and A1 (one turn); 3 transcripts have h.
        (
            "speaker_role",
            "h",
            "x",
            {
                "n_references": 4,
                "units_coded": 2,
                "units_total": 5,
                "turns_coded": 1,
                "turns_total": 3,
                "transcripts_coded": 1,
                "participants_coded": 1,
                "chars_coded": 19,
                "chars_total": 54,
                "words_total": 12,
            },
        ),
        # Participants are per study: s1:P1 and s2:P1 are two people, both gender f.
        (
            "attribute:gender",
            "f",
            "y",
            {
                "n_references": 1,
                "units_coded": 1,
                "units_total": 5,
                "participants_coded": 1,
                "participants_total": 2,
                "transcripts_total": 2,
                "chars_total": 40,
            },
        ),
        ("corpus", "therapy", "x", {"units_coded": 0, "n_references": 0, "chars_coded": 0}),
        ("site", "a", "y", {"units_coded": 1, "transcripts_coded": 1, "chars_coded": 3}),
    ],
)
def test_breakdown_counts_by_hand(con, dimension, level, theme, expected) -> None:
    stats = StatsConfig(min_participants_per_group=1)
    row = _row(coverage_breakdown(con, stats), dimension, level, theme)

    assert {k: row[k] for k in expected} == expected


def test_shares_and_density_follow_from_the_counts(con) -> None:
    row = _row(coverage_breakdown(con, StatsConfig()), "study_id", "s1", "x")

    assert row["share_units"] == pytest.approx(3 / 6)
    assert row["share_turns"] == pytest.approx(2 / 4)
    assert row["share_chars"] == pytest.approx(22 / 50)
    assert row["per_1000_words"] == pytest.approx(1000 * 5 / 12)


@pytest.mark.parametrize(
    ("stats", "chars_coded", "units_coded"),
    [
        (StatsConfig(), 22, 3),
        (StatsConfig(coders=["ann"]), 3 + 6, 2),  # ann's spans only: [4, 7) and [0, 6)
        (StatsConfig(origins=["rules"]), 13 + 3, 2),
        (StatsConfig(coders=["nobody"]), 0, 0),
    ],
)
def test_configured_coders_and_origins_decide_what_counts(con, stats, chars_coded, units_coded):
    row = _row(coverage_breakdown(con, stats), "study_id", "s1", "x")

    assert (row["chars_coded"], row["units_coded"]) == (chars_coded, units_coded)


def test_attribute_groups_below_five_participants_are_left_out_by_default(con) -> None:
    frame = coverage_breakdown(con, StatsConfig())

    assert frame.filter(pl.col("dimension").str.starts_with("attribute:")).is_empty()


def test_small_attribute_groups_are_left_out(con) -> None:
    frame = coverage_breakdown(con, StatsConfig(min_participants_per_group=2))

    levels = frame.filter(pl.col("dimension") == "attribute:gender")["level"].unique().to_list()
    assert levels == ["f"]  # m has one participant
    assert frame.filter(pl.col("dimension") == "study_id").height == 4  # studies are never cut


def test_study_coverage_carries_the_corpus(con) -> None:
    frame = study_coverage(con, coverage_breakdown(con, StatsConfig()))

    assert frame.select("study_id", "corpus").unique().sort("study_id").rows() == [
        ("s1", "peer"),
        ("s2", "therapy"),
    ]


def test_view_counts_every_coder_and_has_the_required_columns(con) -> None:
    view = (
        con.sql(
            "SELECT study_id, corpus, speaker_role, theme_id, units_total, units_coded, "
            "share_units, transcripts_total, transcripts_coded, share_transcripts, share_chars "
            "FROM theme_coverage WHERE study_id = 's1' AND speaker_role = 'h' AND theme_id = 'x'"
        )
        .pl()
        .to_dicts()
    )

    assert view == [
        {
            "study_id": "s1",
            "corpus": "peer",
            "speaker_role": "h",
            "theme_id": "x",
            "units_total": 4,
            "units_coded": 2,
            "share_units": 0.5,
            "transcripts_total": 2,
            "transcripts_coded": 1,
            "share_transcripts": 0.5,
            "share_chars": 19 / 44,
        }
    ]


@pytest.mark.parametrize(
    ("scope", "theme_a", "theme_b", "n_both", "n_a", "n_b", "n_total"),
    [
        ("utterance", "x", "y", 1, 3, 2, 8),  # only s1:B utterance 2 has both
        ("utterance", "x", "x", 3, 3, 3, 8),
        ("transcript", "x", "y", 1, 2, 2, 3),  # s1:B has both; s1:A only x; s2:A only y
        ("transcript", "y", "x", 1, 2, 2, 3),
    ],
)
def test_cooccurrence_by_hand(con, scope, theme_a, theme_b, n_both, n_a, n_b, n_total) -> None:
    frame = theme_cooccurrence(con, StatsConfig())
    [row] = frame.filter(
        (pl.col("scope") == scope) & (pl.col("theme_a") == theme_a) & (pl.col("theme_b") == theme_b)
    ).to_dicts()

    assert (row["n_both"], row["n_a"], row["n_b"], row["n_total"]) == (n_both, n_a, n_b, n_total)
    assert row["jaccard"] == pytest.approx(n_both / (n_a + n_b - n_both))


# Share of each cell's own utterances, worked out from the fixture: s1 helper utterances are
# A0, A1, B0, B1 (x on A0, A1) -> 2/4; s1 client A2, B2 (x on B2) -> 1/2; s2 helper 0/1 and
# client 0/1 for x; y: s1 client 1/2 (B2), s2 client 1/1.
@pytest.mark.parametrize(
    ("combination", "dimension", "level", "theme", "coded", "total"),
    [
        (["study_id", "speaker_role"], "study_id+speaker_role", "s1 / h", "x", 2, 4),
        (["study_id", "speaker_role"], "study_id+speaker_role", "s1 / c", "x", 1, 2),
        (["study_id", "speaker_role"], "study_id+speaker_role", "s2 / c", "y", 1, 1),
        (["study_id", "speaker_role"], "study_id+speaker_role", "s2 / h", "x", 0, 1),
        (["corpus", "gender"], "corpus+attribute:gender", "peer / m", "y", 1, 3),
        (["gender", "speaker_role"], "attribute:gender+speaker_role", "f / c", "y", 1, 2),
    ],
)
def test_breakdowns_by_combinations_divide_by_the_cell(
    con, combination, dimension, level, theme, coded, total
) -> None:
    stats = StatsConfig(breakdowns=[combination], min_participants_per_group=1)
    row = _row(coverage_breakdown(con, stats), dimension, level, theme)

    assert (row["units_coded"], row["units_total"]) == (coded, total)
    assert row["share_units"] == pytest.approx(coded / total)


def test_a_manifest_column_named_like_a_dimension_is_not_repeated(tmp_path) -> None:
    transcripts = [Transcript("s:A", "s", "P1", S2, {"site": "a", "gender": "f"})]
    con = build(tmp_path / "w.duckdb", {"s": ("peer", "a")}, transcripts, [], ["x"])
    frame = coverage_breakdown(con, StatsConfig(min_participants_per_group=1))
    con.close()

    assert "attribute:site" not in frame["dimension"].to_list()
    assert "attribute:gender" in frame["dimension"].to_list()


@pytest.fixture
def tree(tmp_path):
    """Theme p with children c1 and c2 (c2 has child g): one study, three utterances."""
    transcripts = [Transcript("s:A", "s", "P1", [("h", "0123456789"), ("c", "abcde"), ("h", "x")])]
    codings = [
        ("s:A", 0, "c1", "ann", 0, 6, "qdpx"),
        ("s:A", 0, "c2", "ann", 4, 8, "qdpx"),  # overlaps c1: the parent's union is [0, 8)
        ("s:A", 1, "g", "ann", None, None, "qdpx"),  # grandchild: rolls up to c2 and p
        ("s:A", 2, "p", "ann", None, None, "qdpx"),  # the parent coded directly
    ]
    con = build(tmp_path / "w.duckdb", {"s": ("peer", "a")}, transcripts, codings,
                ["p", "c1", "c2", "g"])  # fmt: skip
    con.execute("UPDATE themes SET parent = 'p' WHERE theme_id IN ('c1', 'c2')")
    con.execute("UPDATE themes SET parent = 'c2' WHERE theme_id = 'g'")
    yield con
    con.close()


@pytest.mark.parametrize(
    ("theme", "kind", "refs", "units", "chars"),
    [
        ("p", "rollup", 4, 3, 8 + 5 + 1),  # every unit once; c1 and c2 overlap once
        ("c2", "rollup", 2, 2, 4 + 5),
        ("c1", "leaf", 1, 1, 6),
        ("g", "leaf", 1, 1, 5),
    ],
)
def test_a_parent_theme_counts_its_descendants_once(tree, theme, kind, refs, units, chars) -> None:
    row = _row(coverage_breakdown(tree, StatsConfig()), "study_id", "s", theme)

    assert row["theme_kind"] == kind
    assert (row["n_references"], row["units_coded"], row["chars_coded"]) == (refs, units, chars)


def test_cooccurrence_stays_on_the_themes_as_coded(tree) -> None:
    frame = theme_cooccurrence(tree, StatsConfig()).filter(pl.col("scope") == "utterance")
    pair = frame.filter((pl.col("theme_a") == "p") & (pl.col("theme_b") == "c1"))

    assert pair["n_both"][0] == 0  # p and c1 were never coded on the same utterance

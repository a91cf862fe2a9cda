"""The auto-coding step on a real DuckDB warehouse: gold from imported codes, rules beside it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook, Theme, ThemeRules
from qualbridge.schemas.config import AutocodeConfig
from qualbridge.tasks.coding import code_utterances, coder_name, run_autocode
from qualbridge.tasks.coding.autocode import model_file_bytes
from qualbridge.tasks.coding.autocode_quantify import EXCLUSIVE_METHODS
from qualbridge.tasks.quality.gate import check_dataset
from qualbridge.tasks.shared.contract_catalog import contract_for
from qualbridge.tasks.warehouse import connect, replace_codings, replace_themes
from tests.helpers.synthetic_codes import exclusive_units, load_synthetic, synthetic_units

THEMES = ["question", "reflection", "disclosure"]
CODEBOOK = Codebook(
    codebook_id="syn",
    themes=[
        Theme(theme_id=t, name=t, definition=t, rules=ThemeRules(keywords=[f"{t}00", f"{t}01"]))
        for t in THEMES
    ]
    + [Theme(theme_id="rare", name="rare", definition="rare")],
)
SETTINGS = AutocodeConfig(
    train_on=["a"], apply_to=["b"], speaker_roles=["helper"], resamples=200, min_examples=20
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("autocode")
    prevalence_a = {"question": 0.3, "reflection": 0.15, "disclosure": 0.1}
    prevalence_b = {"question": 0.15, "reflection": 0.25, "disclosure": 0.1}
    with connect(root / "warehouse.duckdb") as con:
        con.execute("INSERT INTO studies VALUES ('a', 'x', 's1', 'A'), ('b', 'y', 's2', 'B')")
        replace_themes(con, CODEBOOK)
        load_synthetic(
            con, synthetic_units(THEMES, prevalence_a, 40, 30, seed=1, study_id="a"), True
        )
        load_synthetic(
            con, synthetic_units(THEMES, prevalence_b, 20, 30, seed=2, study_id="b"), False
        )
        utterances = con.sql("SELECT * FROM utterances").pl()
        replace_codings(con, coder_name(CODEBOOK), code_utterances(utterances, CODEBOOK))
        result = run_autocode(con, SETTINGS, CODEBOOK, root / "onsite" / "models")
        yield con, result


def test_model_codes_the_applied_study_like_any_coder(warehouse) -> None:
    con, result = warehouse
    codings = result.codings
    assert result.coder.startswith("model:question+reflection+disclosure@")
    assert set(codings["origin"]) == {"model"} and set(codings["coder"]) == {result.coder}
    assert codings["utterance_id"].str.starts_with("b:").all()
    assert codings["score"].min() >= 0.5 and codings["score"].max() <= 1
    roles = con.execute(
        "SELECT DISTINCT speaker_role FROM utterances WHERE list_contains(?, utterance_id)",
        [codings["utterance_id"].to_list()],
    ).fetchall()
    assert roles == [("helper",)]


def test_rare_theme_is_left_out_with_its_reason(warehouse) -> None:
    _, result = warehouse
    assert len(result.skipped) == 1 and result.skipped[0].startswith("theme rare: 1 manually")


def test_validation_has_model_and_rules_on_the_same_units(warehouse) -> None:
    _, result = warehouse
    rows = {(r["theme_id"], r["method"]): r for r in result.validation.iter_rows(named=True)}
    assert set(rows) == {(t, m) for t in THEMES for m in ("cross_validation", "rules")}
    for theme in THEMES:
        model, rules = rows[(theme, "cross_validation")], rows[(theme, "rules")]
        assert model["units"] == rules["units"] == 40 * 15  # helper turns of study a
        assert model["positives"] == rules["positives"] > 0
        # The rules know two of a theme's 25 cue words; the model learns them all.
        assert model["recall"] > rules["recall"]


def test_prevalence_has_one_row_per_applied_study_and_theme(warehouse) -> None:
    con, result = warehouse
    prevalence = result.prevalence
    assert prevalence.select("study_id", "theme_id").rows() == [("b", t) for t in THEMES]
    assert (prevalence["units"] == 20 * 15).all() and (prevalence["transcripts"] == 20).all()
    share = con.execute(
        "SELECT count(*) FILTER (WHERE speaker_role = 'helper') FROM utterances WHERE study_id='b'"
    ).fetchall()[0][0]
    raw = result.codings.group_by("theme_id").len().sort("theme_id")
    expected = {t: n / share for t, n in raw.rows()}
    for row in prevalence.iter_rows(named=True):
        assert row["share_raw"] == pytest.approx(expected[row["theme_id"]])
        assert row["ci_low"] <= row["share_corrected"] <= row["ci_high"]


def test_model_file_stays_on_site_and_holds_no_text(warehouse) -> None:
    con, result = warehouse
    assert result.model_path.parent.parts[-2:] == ("onsite", "models")
    stored = model_file_bytes(result.model_path)
    some_text = con.execute("SELECT text FROM utterances WHERE study_id = 'a' LIMIT 3").fetchall()
    for (text,) in some_text:
        for word in text.split()[:3]:
            assert word.encode() not in stored


@pytest.mark.parametrize("dataset", ["autocode_validation", "autocode_prevalence", "codings"])
def test_results_meet_their_contracts(warehouse, dataset: str) -> None:
    con, result = warehouse
    tables = {
        "autocode_validation": result.validation,
        "autocode_prevalence": result.prevalence,
        "codings": pl.concat(
            [con.sql("SELECT * FROM codings").pl(), result.codings.select(list(frames.CODINGS))]
        ),
    }
    with duckdb.connect() as mem:
        mem.register(dataset, tables[dataset].with_columns(run_id=pl.lit("r")).to_arrow())
        mem.register("utterances", con.sql("SELECT * FROM utterances").pl().to_arrow())
        mem.register("themes", con.sql("SELECT * FROM themes").pl().to_arrow())
        mem.register("studies", con.sql("SELECT * FROM studies").pl().to_arrow())
        results, _ = check_dataset(mem, contract_for(dataset))
    assert [r.check for r in results if not r.success or r.broken] == []


def test_unknown_theme_is_refused(warehouse, tmp_path: Path) -> None:
    con, _ = warehouse
    settings = SETTINGS.model_copy(update={"themes": ["question", "nope"]})
    with pytest.raises(ValueError, match="nope"):
        run_autocode(con, settings, CODEBOOK, tmp_path)


@pytest.fixture(scope="module")
def exclusive_warehouse(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("autocode_exclusive")
    shares_a = {"question": 0.3, "reflection": 0.2, "disclosure": 0.1}
    shares_b = {"question": 0.15, "reflection": 0.3, "disclosure": 0.15}
    with connect(root / "warehouse.duckdb") as con:
        con.execute("INSERT INTO studies VALUES ('a', 'x', 's1', 'A'), ('b', 'y', 's2', 'B')")
        replace_themes(con, CODEBOOK)
        load_synthetic(con, exclusive_units(THEMES, shares_a, 40, 30, 1, "a"), True)
        load_synthetic(con, exclusive_units(THEMES, shares_b, 20, 30, 2, "b"), False)
        result = run_autocode(con, SETTINGS, CODEBOOK, root / "onsite" / "models")
        yield con, result


def test_exclusive_themes_take_the_multiclass_path(exclusive_warehouse) -> None:
    con, result = exclusive_warehouse
    prevalence = result.prevalence
    assert set(prevalence["method"]) <= set(EXCLUSIVE_METHODS)
    assert prevalence["method"].n_unique() == 1  # one estimator for the whole choice
    assert prevalence["share_corrected"].sum() <= 1.0 + 1e-9
    assert (prevalence["ci_low"] <= prevalence["share_corrected"]).all()
    per_unit = result.codings.group_by("utterance_id").len()["len"]
    assert per_unit.max() == 1  # at most one theme per coded unit
    with duckdb.connect() as mem:
        mem.register("autocode_prevalence", prevalence.with_columns(run_id=pl.lit("r")).to_arrow())
        for table in ("utterances", "themes", "studies"):
            mem.register(table, con.sql(f"SELECT * FROM {table}").pl().to_arrow())
        results, _ = check_dataset(mem, contract_for("autocode_prevalence"))
    assert [r.check for r in results if not r.success or r.broken] == []

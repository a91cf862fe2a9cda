"""The auto-coding flow: a real Prefect run that codes a study and stores and exports results."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

from qualbridge.flows.autocode import autocode_flow
from qualbridge.flows.context import RunContext, run_context
from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.tasks.warehouse import connect, replace_themes
from tests.helpers.synthetic_codes import load_synthetic, synthetic_units

THEMES = ["question", "reflection"]
CODEBOOK = {
    "codebook_id": "syn",
    "themes": [{"theme_id": t, "name": t, "definition": t} for t in [*THEMES, "rare"]],
}


def _config(root: Path, autocode: dict) -> Path:
    (root / "codebook.yaml").write_text(yaml.safe_dump(CODEBOOK))
    studies = [
        {
            "study_id": s,
            "corpus": c,
            "site": s,
            "speakers": {"Helper": "helper"},
            "manifest": "m.csv",
        }
        for s, c in (("a", "peer"), ("b", "therapy"))
    ]
    config = {"consortium": "c", "codebook": "codebook.yaml", "studies": studies,
              "speaker_roles": ["helper", "other"],
              "output_dir": "out", "autocode": autocode}  # fmt: skip
    path = root / "consortium.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def _load_studies(ctx: RunContext) -> None:
    """Study a hand-coded, study b not, with different shares of the two themes."""
    with connect(ctx.warehouse) as con:
        con.execute(
            "INSERT INTO studies VALUES ('a', 'peer', 'a', 'A'), ('b', 'therapy', 'b', 'B')"
        )
        replace_themes(con, ctx.codebook)
        load_synthetic(
            con, synthetic_units(THEMES, {"question": 0.3, "reflection": 0.2}, 12, 20, 1, "a"), True
        )
        load_synthetic(
            con, synthetic_units(THEMES, {"question": 0.1, "reflection": 0.3}, 8, 20, 2, "b"), False
        )


def test_flow_codes_stores_and_exports(tmp_path: Path) -> None:
    path = _config(tmp_path, {"train_on": ["a"], "apply_to": ["b"], "resamples": 100})
    ctx = run_context(str(path), None, "run-1")
    _load_studies(ctx)
    counts = [autocode_flow(ctx), autocode_flow(ctx)]  # a second run replaces, never adds
    assert counts[0] == counts[1] and counts[0]["autocode_prevalence"] == 2
    with connect(ctx.warehouse) as con:
        model = "SELECT count(*), count(DISTINCT coder) FROM codings WHERE origin = 'model'"
        assert con.execute(model).fetchall() == [(counts[0]["codings"], 1)]
        scores = "SELECT count(*), min(score) >= 0.5 FROM autocode_scores JOIN codings USING "
        scores += "(utterance_id, theme_id, coder)"
        assert con.execute(scores).fetchall() == [(counts[0]["codings"], True)]
        assert con.sql("SELECT DISTINCT run_id FROM autocode_validation").fetchall() == [("run-1",)]
        reasons = con.sql("SELECT reason FROM quarantine WHERE stage = 'autocode'").fetchall()
    assert len(reasons) == 1 and reasons[0][0].startswith("theme rare:")
    for table in ("autocode_validation", "autocode_prevalence"):
        exported = pl.read_parquet(ctx.run_dir / "results" / f"{table}.parquet")
        assert exported.height == counts[0][table]
        assert (ctx.run_dir / "results" / f"{table}.csv").is_file()
    assert [p.parent.relative_to(ctx.output_dir) for p in ctx.output_dir.rglob("*.npz")] == [
        Path("onsite/models")
    ]


def test_without_autocode_the_flow_does_nothing(tmp_path: Path) -> None:
    path = _config(tmp_path, {"train_on": ["a"]})
    text = yaml.safe_load(path.read_text())
    del text["autocode"]
    path.write_text(yaml.safe_dump(text))
    assert autocode_flow(run_context(str(path), None, "run-1")) == {}


@pytest.mark.parametrize(
    ("autocode", "message"),
    [
        ({"train_on": ["zz"]}, "autocode: unknown studies"),
        ({"train_on": ["a"], "apply_to": ["nope"]}, "unknown studies \\['nope'\\]"),
        ({"train_on": ["a"], "typo_key": 1}, "autocode.typo_key"),
        ({"train_on": []}, "autocode.train_on"),
        ({"train_on": ["a"], "method": "magic"}, "autocode.method"),
    ],
)
def test_config_is_checked_strictly(tmp_path: Path, autocode: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(_config(tmp_path, autocode))


def test_a_hub_names_studies_its_packages_bring_and_records_those_missing(tmp_path: Path) -> None:
    path = _config(tmp_path, {"train_on": ["a"], "apply_to": ["b", "ghost"], "resamples": 100})
    text = yaml.safe_load(path.read_text())
    path.write_text(yaml.safe_dump({**text, "studies": [], "hub": True}))
    ctx = run_context(str(path), None, "run-1")  # accepted: a hub's studies come from packages
    _load_studies(ctx)
    assert autocode_flow(ctx)["autocode_prevalence"] == 2
    with connect(ctx.warehouse) as con:
        reasons = con.sql("SELECT reason FROM quarantine WHERE stage = 'autocode'").fetchall()
    assert ("study ghost: not in the warehouse; not auto-coded",) in reasons

"""One site's hand-coded study teaches the model that codes another site's study, at the hub."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest
import yaml

from qualbridge.cli.common import EXIT_OK
from qualbridge.cli.demo_signoff import demo_signoff
from qualbridge.cli.hub import run_merge
from qualbridge.flows.pipeline import pipeline
from tests.conftest import FIXTURES, TEST_KEY
from tests.helpers.synthetic_codes import exclusive_units

THEMES = ["shared_identity", "being_understood"]
CODES = {"same_boat": "shared_identity", "heard": "being_understood"}


def _table(units: pl.DataFrame, labelled: bool) -> pl.DataFrame:
    """An utterance table as a site exports it: conversation, turn, speaker, text (and label)."""
    code_of = {theme: code for code, theme in CODES.items()}
    label = pl.lit(None, dtype=pl.String)
    for theme in THEMES:
        label = pl.when(pl.col(theme) == 1).then(pl.lit(code_of[theme])).otherwise(label)
    table = units.select(
        conv=pl.col("transcript_id").str.replace(":", "_"),
        n=pl.col("seq") + 1,
        who=pl.lit("Worker"),
        text=pl.col("text"),
        code=label,
    )
    return table if labelled else table.drop("code")


def _study(study_id: str, corpus: str, site: str, labelled: bool) -> dict:
    mapping = {"conversation_id": "conv", "turn": "n", "speaker": "who", "text": "text"}
    study = {"study_id": study_id, "corpus": corpus, "site": site,
             "speakers": {"Worker": "peer_worker"},
             "tables": [{"path": f"{study_id}.csv", "mapping": mapping}]}  # fmt: skip
    if labelled:
        mapping["labels"] = ["code"]
        study["crosswalk"] = "crosswalk.yaml"
    return study


def _write_config(folder: Path, studies: list[dict], **extra: object) -> Path:
    """A consortium config in its own folder, beside the codebook and crosswalk it names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codebook.yaml").write_bytes((FIXTURES / "mini" / "codebook.yaml").read_bytes())
    (folder / "crosswalk.yaml").write_text(yaml.safe_dump({"version": "1", "codes": CODES}))
    config = {
        "consortium": "hub-autocode",
        "codebook": "codebook.yaml",
        "studies": studies,
        "speaker_roles": ["peer_worker"],
        "stats": {"bootstrap_resamples": 100},
        **extra,
    }
    (folder / "consortium.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return folder / "consortium.yaml"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Site A's study is hand-coded, site B's is not; each site releases, the hub merges both."""
    root = tmp_path_factory.mktemp("hub_autocode")
    sites = {
        "site_a": ("coded", "peer_support", True, dict(zip(THEMES, (0.3, 0.2), strict=True))),
        "site_b": ("open", "therapy", False, dict(zip(THEMES, (0.15, 0.35), strict=True))),
    }
    releases = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
        for seed, (site, (study, corpus, labelled, shares)) in enumerate(sites.items()):
            (root / site).mkdir()
            units = exclusive_units(THEMES, shares, 10, 16, seed, study)
            _table(units, labelled).write_csv(root / site / f"{study}.csv")
            config = _write_config(root / site, [_study(study, corpus, site, labelled)])
            assert pipeline(str(config)).gates_passed
            releases.append(demo_signoff(config).path)
        hub = _write_config(
            root / "hub", [], hub=True,
            comparisons=[{"comparison_id": "peer_vs_therapy", "by": "corpus",
                          "group_a": "peer_support", "group_b": "therapy"}],
            autocode={"train_on": ["coded"], "apply_to": ["open"], "min_examples": 10,
                      "resamples": 100},
        )  # fmt: skip
        assert run_merge(hub, releases) == EXIT_OK
    return root / "hub" / "out"


def test_the_hub_codes_the_uncoded_site_and_compares_with_the_correction(hub: Path) -> None:
    with duckdb.connect(str(hub / "warehouse.duckdb"), read_only=True) as con:
        prevalence = con.sql("SELECT study_id, theme_id FROM autocode_prevalence").fetchall()
        coded = con.sql("SELECT DISTINCT s.study_id FROM codings JOIN utterances USING "
                        "(utterance_id) JOIN studies s USING (study_id) "
                        "WHERE origin = 'model'").fetchall()  # fmt: skip
        rows = con.sql(
            "SELECT theme_id, coding FROM theme_comparison_results WHERE method = 'model_corrected'"
        ).fetchall()
        base = con.sql(
            "SELECT DISTINCT coding FROM theme_comparison_results WHERE method != 'model_corrected'"
        ).fetchall()
    assert sorted(prevalence) == [("open", t) for t in sorted(THEMES)]
    assert coded == [("open",)]
    assert sorted(rows) == [(t, "model") for t in sorted(THEMES)]
    assert base == [("model_raw",)]  # the uncorrected rows say the model's codings are in them

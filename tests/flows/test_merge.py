"""Two sites release, the hub merges: verification, idempotence, replacement, refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_OK
from qualbridge.cli.demo_signoff import demo_signoff
from qualbridge.cli.hub import run_site_demo
from qualbridge.flows.merge import MergeSummary, merge_flow
from qualbridge.flows.pipeline import pipeline
from qualbridge.tasks.shared.signing import sign_manifest
from qualbridge.tasks.warehouse.export import sha256_file
from qualbridge.tasks.warehouse.merge import PackageError
from tests.conftest import FIXTURES, TEST_KEY
from tests.flows.test_pipeline import planted_values
from tests.helpers.leaks import files_under, find_leaks

COUNTED = ("studies", "transcripts", "utterances", "detections", "codings", "crosswalks")


def _counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.fixture(scope="module")
def consortium(tmp_path_factory: pytest.TempPathFactory):
    """The mini fixture as two sites (the two-site demo), merged at a hub, then merged again."""
    root = tmp_path_factory.mktemp("sites")
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    try:
        assert run_site_demo(FIXTURES / "mini" / "consortium.yaml", root) == EXIT_OK
        sites = {site: root / site / "consortium.yaml" for site in ("site_a", "site_b")}
        releases = {site: root / site / "release" for site in sites}
        hub = root / "hub" / "consortium.yaml"
        after_first = _counts(hub.parent / "warehouse.duckdb")
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            again = merge_flow(str(hub), [str(p) for p in releases.values()])
        after_again = _counts(hub.parent / "warehouse.duckdb")
        yield {
            "root": root,
            "sites": sites,
            "hub": hub,
            "releases": releases,
            "runs": [(None, after_first), (again, after_again)],
        }
    finally:
        mp.undo()


def test_demo_sites_merge_at_the_hub_and_compare_across_them(consortium) -> None:
    _, counts = consortium["runs"][0]
    site_counts = [_counts(p.parent / "warehouse.duckdb") for p in consortium["sites"].values()]
    assert counts["transcripts"] == sum(c["transcripts"] for c in site_counts) > 0
    assert counts["utterances"] == sum(c["utterances"] for c in site_counts)
    with duckdb.connect(str(consortium["hub"].parent / "warehouse.duckdb"), read_only=True) as con:
        groups = con.execute(
            "SELECT DISTINCT group_a, group_b FROM theme_comparison_results"
        ).fetchall()
        sites = con.execute("SELECT site FROM merged_packages ORDER BY site").fetchall()
        runs = con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
    assert groups == [("peer_support", "therapy")]
    assert sites == [("site_a",), ("site_b",)]
    assert runs == [("completed",), ("completed",)]
    (report, *_) = sorted((consortium["root"] / "hub" / "runs").glob("*/report.html"))
    assert "peer_vs_therapy_all" in report.read_text(encoding="utf-8")


def test_merging_the_same_packages_again_adds_nothing(consortium) -> None:
    (_, first_counts), (again, again_counts) = consortium["runs"]
    assert isinstance(again, MergeSummary) and again.gates_passed
    assert set(again.outcomes.values()) == {"unchanged"}
    assert again_counts == first_counts


def test_a_newer_package_from_a_site_replaces_its_rows(consortium, monkeypatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    hub = consortium["hub"]
    before = _counts(hub.parent / "warehouse.duckdb")
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        newer = pipeline(str(consortium["sites"]["site_a"]))
        released = demo_signoff(consortium["sites"]["site_a"])
        summary = merge_flow(str(hub), [str(released.path)])
    assert list(summary.outcomes.values()) == ["merged"]
    assert _counts(hub.parent / "warehouse.duckdb") == before
    with duckdb.connect(str(hub.parent / "warehouse.duckdb"), read_only=True) as con:
        run = con.execute(
            "SELECT package_run_id FROM merged_packages WHERE site = 'site_a'"
        ).fetchone()
    assert run == (newer.run_id,)


def _tamper(package: Path) -> None:
    df = pl.read_parquet(package / "utterances.parquet")
    df.with_columns(pl.col("text").str.replace("a", "e")).write_parquet(
        package / "utterances.parquet"
    )


def _edit_manifest(change, resign: bool = True):
    """Edit the manifest; re-sign it with the key (a site's own bad package) unless resign=False."""

    def edit(package: Path) -> None:
        path = package / "release_manifest.json"
        manifest = json.loads(path.read_text())
        change(manifest)
        if resign:
            manifest = sign_manifest(manifest, TEST_KEY.encode())
        path.write_text(json.dumps(manifest))

    return edit


def _forge(package: Path) -> None:
    """Change a file and its checksum, but not its row count: the schema check still holds."""
    df = pl.read_parquet(package / "transcripts.parquet")
    df.with_columns(pl.col("n_words").cast(pl.Float64)).write_parquet(
        package / "transcripts.parquet"
    )
    _edit_manifest(
        lambda m: m["files"]["transcripts.parquet"].update(
            sha256=sha256_file(package / "transcripts.parquet")
        )
    )(package)


def _rehash(package: Path) -> None:
    """Edit an utterance and write its new SHA-256 into the manifest, without the key."""
    df = pl.read_parquet(package / "utterances.parquet")
    df.with_columns(pl.col("text").str.replace("a", "e")).write_parquet(
        package / "utterances.parquet"
    )
    _edit_manifest(
        lambda m: m["files"]["utterances.parquet"].update(
            sha256=sha256_file(package / "utterances.parquet")
        ),
        resign=False,
    )(package)


def _sign_with_another_key(package: Path) -> None:
    path = package / "release_manifest.json"
    forged = sign_manifest(json.loads(path.read_text()), b"another-consortium-key-123456")
    path.write_text(json.dumps(forged))


def _leak(package: Path) -> None:
    """A site whose release still holds a phone number, with the checksum made to fit."""
    df = pl.read_parquet(package / "utterances.parquet")
    leaked = df.with_columns(
        pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.col("text") + " Ring me on 07700 900 461.")
        .otherwise(pl.col("text"))
        .alias("text")
    )
    leaked.write_parquet(package / "utterances.parquet")
    _edit_manifest(
        lambda m: m["files"]["utterances.parquet"].update(
            sha256=sha256_file(package / "utterances.parquet")
        )
    )(package)


REFUSALS = [
    ("tampered file", _tamper, "does not match its checksum"),
    ("edited and re-hashed", _rehash, "not authentic: the entry of utterances.parquet"),
    (
        "manifest field edited",
        _edit_manifest(lambda m: m.update(run_id="forged"), resign=False),
        "not authentic: its signature does not match",
    ),
    ("signed with another key", _sign_with_another_key, "not authentic"),
    (
        "unsigned",
        _edit_manifest(lambda m: m.pop("signature"), resign=False),
        "not signed",
    ),
    ("missing file", lambda p: (p / "codings.parquet").unlink(), "codings.parquet is missing"),
    ("no manifest", lambda p: (p / "release_manifest.json").unlink(), "not a qualbridge release"),
    (
        "unknown contract version",
        _edit_manifest(lambda m: m["contracts"].update({k: "9.9.9" for k in m["contracts"]})),
        "the hub expects",
    ),
    (
        "other key",
        _edit_manifest(lambda m: m.update(key_fingerprint="0" * 16)),
        "another consortium key",
    ),
    ("foreign file", lambda p: (p / "extra.parquet").write_bytes(b"x"), "not in the manifest"),
    ("wrong schema", _forge, "release schema"),
    ("identifier left in text", _leak, "still match identifier patterns: uk_phone in 1"),
]


@pytest.mark.parametrize(("case", "damage", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_package_is_refused_and_warehouse_untouched(
    consortium, tmp_path, monkeypatch, case, damage, message
) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    good, bad = consortium["releases"]["site_b"], tmp_path / "package"
    shutil.copytree(consortium["releases"]["site_a"], bad)
    damage(bad)
    warehouse = consortium["hub"].parent / "warehouse.duckdb"
    digest = sha256_file(warehouse)
    with pytest.raises(PackageError, match=message):
        merge_flow(str(consortium["hub"]), [str(good), str(bad)])
    assert sha256_file(warehouse) == digest


def test_a_hub_with_another_key_refuses_every_package(consortium, monkeypatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", "another-consortium-key-123456")
    result = CliRunner().invoke(
        app,
        ["merge", str(consortium["releases"]["site_a"]), "--config", str(consortium["hub"])],
    )
    assert result.exit_code == 1
    assert "another consortium key" in " ".join(result.output.split())


def test_an_edited_and_rehashed_package_is_refused_by_the_command(
    consortium, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    bad = tmp_path / "package"
    shutil.copytree(consortium["releases"]["site_a"], bad)
    _rehash(bad)
    warehouse = consortium["hub"].parent / "warehouse.duckdb"
    digest = sha256_file(warehouse)
    result = CliRunner().invoke(app, ["merge", str(bad), "--config", str(consortium["hub"])])
    assert result.exit_code == 1
    assert "utterances.parquet" in result.output and "not authentic" in result.output
    assert "Traceback" not in result.output
    assert sha256_file(warehouse) == digest


def _with_crosswalk(package: Path) -> int:
    """Give a site's package crosswalk rows (as a site with a crosswalk releases), re-signed."""
    study = pl.read_parquet(package / "studies.parquet")["study_id"][0]
    theme = pl.read_parquet(package / "themes.parquet")["theme_id"][0]
    rows = pl.DataFrame(
        {
            "study_id": [study, study],
            "study_code": ["Peer support", "Hope"],
            "code_key": ["peer_support", "hope"],
            "theme_id": [theme, theme],
            "crosswalk_version": ["1", "1"],
            "crosswalk_hash": ["0" * 64, "0" * 64],
        }
    )
    schema = pl.read_parquet(package / "crosswalks.parquet").schema
    rows.cast(dict(schema)).write_parquet(package / "crosswalks.parquet")
    _edit_manifest(
        lambda m: m["files"]["crosswalks.parquet"].update(
            sha256=sha256_file(package / "crosswalks.parquet"), rows=rows.height
        )
    )(package)
    return rows.height


def test_crosswalks_travel_to_the_hub(consortium, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    package, out = tmp_path / "package", tmp_path / "hub"
    shutil.copytree(consortium["releases"]["site_a"], package)
    released = _with_crosswalk(package)
    out.mkdir()
    shutil.copy(consortium["hub"].parent / "warehouse.duckdb", out / "warehouse.duckdb")
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        summary = merge_flow(str(consortium["hub"]), [str(package)], str(out))
    assert list(summary.outcomes.values()) == ["merged"]
    assert _counts(out / "warehouse.duckdb")["crosswalks"] == released


def test_hub_outputs_hold_no_planted_identifier(consortium) -> None:
    hub = consortium["root"] / "hub"
    assert files_under([hub]) > 0
    assert find_leaks([hub], planted_values(FIXTURES / "mini")) == []


def test_merge_has_help() -> None:
    result = CliRunner().invoke(app, ["merge", "--help"])
    assert result.exit_code == 0 and "--config" in result.output

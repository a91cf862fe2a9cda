"""Splitting a consortium config into site configs and a hub config."""

from __future__ import annotations

from pathlib import Path

from qualbridge.cli.sites import split_by_site
from qualbridge.schemas.config import load_config
from tests.conftest import FIXTURES


def test_each_site_gets_its_studies_and_the_hub_gets_the_comparisons(tmp_path: Path) -> None:
    original = load_config(FIXTURES / "mini" / "consortium.yaml")
    sites, hub = split_by_site(FIXTURES / "mini" / "consortium.yaml", tmp_path)
    assert sorted(sites) == sorted({s.site for s in original.studies})
    for site, path in sites.items():
        config = load_config(path)
        assert {s.site for s in config.studies} == {site}
        assert config.comparisons == [] and not config.hub
        assert all(config.resolve(s.manifest).is_file() for s in config.studies)
        assert config.output_dir == tmp_path / site
    hub_config = load_config(hub)
    assert hub_config.hub and hub_config.studies == []
    assert hub_config.comparisons == original.comparisons
    assert hub_config.resolve(hub_config.codebook).is_file()

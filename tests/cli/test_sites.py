"""Splitting a consortium config into site configs and a hub config."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


def _sources_config(root: Path, autocode: dict) -> Path:
    """Two sites whose studies are an utterance table and a REFI-QDA project, beside the config."""
    (root / "data").mkdir(parents=True)
    for name in ("a.csv", "b.qdpx"):
        (root / "data" / name).write_text("x", encoding="utf-8")
    (root / "codebook.yaml").write_bytes((FIXTURES / "mini" / "codebook.yaml").read_bytes())
    mapping = {"conversation_id": "c", "turn": "n", "speaker": "w", "text": "t"}
    studies = [
        {"study_id": "a", "corpus": "x", "site": "site_a", "speakers": {"W": "peer_worker"},
         "tables": [{"path": "data/a.csv", "mapping": mapping}]},
        {"study_id": "b", "corpus": "y", "site": "site_b", "speakers": {"W": "peer_worker"},
         "qdpx": ["data/b.qdpx"]},
    ]  # fmt: skip
    config = {"consortium": "c", "codebook": "codebook.yaml", "studies": studies,
              "autocode": autocode}  # fmt: skip
    (root / "consortium.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root / "consortium.yaml"


@pytest.mark.parametrize(
    ("autocode", "site_a_autocodes"),
    [
        ({"train_on": ["a"], "apply_to": ["b"]}, False),  # across sites: only the hub can
        ({"train_on": ["a"]}, True),  # site a's own study: the site too
    ],
)
def test_sources_stay_found_and_autocoding_goes_where_its_studies_are(
    tmp_path: Path, autocode: dict, site_a_autocodes: bool
) -> None:
    sites, hub = split_by_site(_sources_config(tmp_path / "in", autocode), tmp_path / "out")
    site_a, site_b = load_config(sites["site_a"]), load_config(sites["site_b"])
    assert Path(site_a.studies[0].tables[0].path).is_file()
    assert Path(site_b.studies[0].qdpx[0]).is_file()
    assert (site_a.autocode is not None) is site_a_autocodes and site_b.autocode is None
    assert load_config(hub).autocode is not None

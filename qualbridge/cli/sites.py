"""Split one consortium config into per-site configs and a hub config (the two-site demo)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from qualbridge.schemas.config import load_config

# Path settings of a config and of a study, made absolute so the written configs work anywhere.
CONFIG_PATHS = ("codebook", "key_file")
STUDY_PATHS = ("manifest", "deny_list", "crosswalk", "decisions")


def split_by_site(config_path: Path, out: Path) -> tuple[dict[str, Path], Path]:
    """Write out/<site>/consortium.yaml per site and out/hub/consortium.yaml; return their paths."""
    config = load_config(config_path)
    raw: dict[str, Any] = yaml.safe_load(Path(config_path).read_text(encoding="utf-8"))
    for name in CONFIG_PATHS:
        if raw.get(name):
            raw[name] = str(config.resolve(Path(raw[name])))
    for study in raw["studies"]:
        for name in STUDY_PATHS:
            if study.get(name):
                study[name] = str(config.resolve(Path(study[name])))
        for table in study.get("tables") or []:
            table["path"] = str(config.resolve(Path(table["path"])))
        study["qdpx"] = [str(config.resolve(Path(p))) for p in study.get("qdpx") or []]
    sites: dict[str, Path] = {}
    for site in sorted({s["site"] for s in raw["studies"]}):
        site_raw = {
            **raw,
            "studies": [s for s in raw["studies"] if s["site"] == site],
            # A site compares nothing: its studies alone cannot fill both groups.
            "comparisons": [],
            "autocode": _local_autocode(raw, site),
            "output_dir": str((out / site).resolve()),
        }
        sites[site] = _write(out / site / "consortium.yaml", site_raw)
    hub_raw = {**raw, "studies": [], "hub": True, "output_dir": str((out / "hub").resolve())}
    return sites, _write(out / "hub" / "consortium.yaml", hub_raw)


def _local_autocode(raw: dict[str, Any], site: str) -> dict[str, Any] | None:
    """The auto-coding a site can do alone: only when every study it names is the site's own."""
    autocode = raw.get("autocode")
    if not autocode:
        return None
    local = {s["study_id"] for s in raw["studies"] if s["site"] == site}
    named = set(autocode.get("train_on", [])) | set(autocode.get("apply_to", []))
    return autocode if named <= local else None


def _write(path: Path, raw: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path

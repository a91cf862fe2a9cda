"""Packaging: one installed import name, and every package folder listed in pyproject.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"qualbridge": "qualbridge", "flows": "qualbridge.flows", "tasks": "qualbridge.tasks",
           "schemas": "qualbridge.schemas"}  # fmt: skip


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_package_folder_is_installed_under_qualbridge() -> None:
    found = set()
    for folder, prefix in FOLDERS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((prefix, *parts)))
    assert found == set(_setuptools()["packages"])


def test_one_top_level_name() -> None:
    assert {name.split(".")[0] for name in _setuptools()["packages"]} == {"qualbridge"}
    assert _setuptools()["package-dir"] == {"qualbridge": "qualbridge", **{
        f"qualbridge.{f}": f for f in ("flows", "tasks", "schemas")}}  # fmt: skip

"""The probe generator: shipped files are its output, dev and test share no carrier or value."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "evaluation"


def _load() -> ModuleType:
    sys.path.insert(0, str(FOLDER))  # the script imports its sibling modules by name
    try:
        return importlib.import_module("generate_probe")
    finally:
        sys.path.remove(str(FOLDER))


probe = _load()


@pytest.mark.parametrize("part", ["dev", "test"])
def test_shipped_files_are_the_generators_output(part):
    path = probe.PARTS[part][0]
    shipped = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert shipped == probe.build(part)


@pytest.mark.parametrize("part", ["dev", "test"])
def test_offsets_point_at_the_values(part):
    for record in probe.build(part):
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["value"]


def test_parts_share_no_carrier_sentence():
    dev, test = set(probe.templates_of("dev")), set(probe.templates_of("test"))
    assert dev and test and not dev & test


@pytest.mark.parametrize(
    "entity_type",
    ["PERSON", "PHONE_NUMBER", "UK_NHS", "UK_NINO", "UK_POSTCODE", "STREET_ADDRESS", "LOCATION"],
)
def test_parts_share_no_value(entity_type):
    def values(part: str) -> set[str]:
        return {
            e["value"].casefold()
            for r in probe.build(part)
            for e in r["entities"]
            if e["entity_type"] == entity_type
        }

    dev, test = values("dev"), values("test")
    assert dev and test and not dev & test

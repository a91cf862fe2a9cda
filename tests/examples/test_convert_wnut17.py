"""The WNUT-17 converter: tokens back into text, BIO tags into offsets, types mapped or dropped."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "evaluation" / "convert_wnut17.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_wnut17", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while being made
    spec.loader.exec_module(module)
    return module


convert = _load()


def _post(pairs: str) -> list[object]:
    """'word/TAG word ...' into tokens (a bare word is tagged O)."""
    tokens = []
    for item in pairs.split(" "):
        text, _, tag = item.partition("/")
        tokens.append(convert.Token(text, tag or "O"))
    return tokens


@pytest.mark.parametrize(
    ("pairs", "text", "entities"),
    [
        ("Trump/B-person ' s a stud", "Trump's a stud", [("PERSON", "Trump")]),
        ("would n ' t go", "wouldn't go", []),
        (
            "on Redondo/B-location Beach/I-location Blvd/I-location .",
            "on Redondo Beach Blvd.",
            [("LOCATION", "Redondo Beach Blvd")],
        ),
        (
            "PSG/B-group & amp ; Juve/B-group",
            "PSG & Juve",
            [("ORGANIZATION", "PSG"), ("ORGANIZATION", "Juve")],
        ),
        ("@ Maronti/B-person Hi", "@Maronti Hi", [("PERSON", "Maronti")]),
        ("# Kalupey/B-person !", "#Kalupey!", [("PERSON", "Kalupey")]),
        ("my iPhone/B-product and Inception/B-creative-work", "my iPhone and Inception", []),
        ("Apple/B-corporation rocks", "Apple rocks", [("ORGANIZATION", "Apple")]),
        ("Sam/B-person and Jo/I-person", "Sam and Jo", [("PERSON", "Sam"), ("PERSON", "Jo")]),
    ],
)
def test_posts_become_text_with_offsets_and_mapped_types(
    pairs: str, text: str, entities: list[tuple[str, str]]
) -> None:
    record = convert.to_record(_post(pairs), "r1")
    assert record["text"] == text
    found = [(e["entity_type"], e["value"]) for e in record["entities"]]
    assert found == entities
    assert all(text[e["start"] : e["end"]] == e["value"] for e in record["entities"])

"""Which names of the world list are everyday words, by the dictionary and English casing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_world_first_names.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("build_world_first_names", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_script()
# (capitalised uses, lower-case uses), as the truecase counts give them
CASING = {"martin": (142, 0), "rose": (52, 1561), "florin": (0, 0), "table": (85, 292)}


@pytest.mark.parametrize(
    ("name", "listed", "everyday"),
    [
        ("oksana", False, False),  # no dictionary word
        ("martin", True, False),  # a bird the dictionary lists, written as a name
        ("florin", True, False),  # an old coin English hardly uses
        ("rose", True, True),  # a flower and a verb, mostly in lower case
        ("table", True, True),
        ("june", True, True),  # a month
        ("irish", True, True),  # a nationality
    ],
)
def test_everyday_words_leave_the_world_names(name, listed, everyday):
    assert build.is_everyday_word(name, listed, CASING) is everyday

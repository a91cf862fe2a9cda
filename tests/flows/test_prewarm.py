"""Background imports: a module loads in the thread, and a failing one never raises there."""

from __future__ import annotations

import sys

import pytest

from qualbridge.flows.prewarm import LATER_STAGE_MODULES, import_in_background


@pytest.mark.parametrize(
    ("modules", "loaded"),
    [
        (("tabnanny",), {"tabnanny"}),  # a module: loaded by the thread
        (("no_such_module_qb", "tabnanny"), set()),  # a failure stops the thread quietly
    ],
)
def test_import_in_background(modules: tuple[str, ...], loaded: set[str]) -> None:
    for name in modules:
        sys.modules.pop(name, None)
    import_in_background(modules).join(timeout=60)
    assert {m for m in modules if m in sys.modules} == loaded


def test_later_stage_modules_import() -> None:
    import_in_background(LATER_STAGE_MODULES).join(timeout=300)
    assert all(name in sys.modules for name in LATER_STAGE_MODULES)

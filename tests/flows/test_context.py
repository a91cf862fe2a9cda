"""The stage flows' context: Prefect records it as the paths it was built from, nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.encoders import jsonable_encoder

from qualbridge.flows.context import run_context
from tests.conftest import FIXTURES


def test_context_is_recorded_as_paths_only(tmp_path: Path) -> None:
    ctx = run_context(str(FIXTURES / "mini" / "consortium.yaml"), str(tmp_path), "run-1")
    assert ctx.config.studies and ctx.codebook.themes
    # The same encoder Prefect uses for flow parameters stored in its database.
    assert jsonable_encoder(ctx) == {
        "config_path": str((FIXTURES / "mini" / "consortium.yaml").resolve()),
        "output_dir": str(tmp_path.resolve()),
        "run_id": "run-1",
    }


def test_context_is_frozen(tmp_path: Path) -> None:
    ctx = run_context(str(FIXTURES / "mini" / "consortium.yaml"), str(tmp_path), "run-1")
    with pytest.raises(ValueError, match="frozen"):
        ctx.run_id = "other"  # type: ignore[misc]
    assert ctx.model_copy(update={"run_id": "run-2"}).run_id == "run-2"

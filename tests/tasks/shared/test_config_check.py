"""The config check reads each config's own speaker roles, whatever was loaded before it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualbridge.tasks.shared.config_check import check_config_file
from qualbridge.tasks.shared.contract_catalog import use_speaker_roles

FIXTURES = Path(__file__).parents[2] / "fixtures"


@pytest.mark.parametrize("loaded_before", [("helper", "other"), ("interviewer",)])
def test_roles_of_an_earlier_config_do_not_leak_into_the_check(
    tmp_path: Path, loaded_before: tuple[str, ...]
) -> None:
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    use_speaker_roles(loaded_before)  # as loading another config in this process does
    try:
        config = check_config_file(tmp_path / "consortium.yaml")
    finally:
        use_speaker_roles(config_default_roles())
    assert {"interviewer", "participant", "therapist", "client"} <= set(config.speaker_roles)


def config_default_roles() -> list[str]:
    from qualbridge.schemas.vocabulary import DEFAULT_SPEAKER_ROLES

    return DEFAULT_SPEAKER_ROLES

"""Starting a run's fixed costs early: which runs warm workers, and the sizes that decide it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualbridge.flows.warm_start import early_workers, source_bytes, start_prefect_api, warm_start
from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, load_config
from qualbridge.tasks.deid import run_pool_size
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini" / "consortium.yaml"


@pytest.fixture(scope="module")
def mini() -> ConsortiumConfig:
    return load_config(MINI)


def _with_deid(config: ConsortiumConfig, **deid: object) -> ConsortiumConfig:
    return config.model_copy(update={"deid": config.deid.model_copy(update=deid)})


def test_source_bytes_counts_the_files_beside_each_manifest(mini: ConsortiumConfig) -> None:
    expected = sum(
        p.stat().st_size
        for study in mini.studies
        for p in mini.resolve(study.manifest).parent.rglob("*")  # type: ignore[arg-type]
        if p.is_file()
    )
    assert source_bytes(mini) == expected > 0


def test_source_bytes_counts_tables(tmp_path: Path, mini: ConsortiumConfig) -> None:
    table = tmp_path / "chats.csv"
    table.write_text("conv,n,who,text\n" + "c1,1,A,hello there\n" * 100, encoding="utf-8")
    mapping = {"conversation_id": "conv", "turn": "n", "speaker": "who", "text": "text"}
    fields = mini.studies[0].model_dump() | {"manifest": None, "deny_list": None, "crosswalk": None}
    study = StudyConfig.model_validate(fields | {"tables": [{"path": table, "mapping": mapping}]})
    config = mini.model_copy(update={"studies": [study]})
    assert source_bytes(config) == table.stat().st_size


@pytest.mark.parametrize(
    ("deid", "min_bytes", "workers"),
    [
        ({"processes": 2}, 1, 2),  # a big run with two processes: warm both
        ({"processes": 3}, 1, 3),
        ({"processes": 1}, 1, 0),  # one process: nothing to start early
        ({"processes": 2}, 10**12, 0),  # a small run: not worth starting workers
        ({"processes": 2, "dask_address": "tcp://127.0.0.1:8786"}, 1, 0),  # Dask does the work
    ],
)
def test_early_workers(
    mini: ConsortiumConfig, deid: dict[str, object], min_bytes: int, workers: int
) -> None:
    assert early_workers(_with_deid(mini, **deid), min_bytes) == workers


def test_no_temporary_server_once_prefect_has_read_its_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    import prefect.context  # noqa: F401 - the tests' Prefect is loaded: its settings are read

    start_prefect_api()()
    assert "PREFECT_API_URL" not in os.environ


@pytest.mark.parametrize(("key", "workers"), [(None, 0), (b"warm-start-test-key", 2)])
def test_workers_start_only_with_a_key(
    tmp_path: Path, mini: ConsortiumConfig, key: bytes | None, workers: int
) -> None:
    table = tmp_path / "chats.csv"
    table.write_text("conv,n,who,text\n" + "c1,1,A,hello there\n" * 20_000, encoding="utf-8")
    mapping = {"conversation_id": "conv", "turn": "n", "speaker": "who", "text": "text"}
    fields = mini.studies[0].model_dump() | {"manifest": None, "deny_list": None, "crosswalk": None}
    study = StudyConfig.model_validate(fields | {"tables": [{"path": table, "mapping": mapping}]})
    config = _with_deid(mini.model_copy(update={"studies": [study]}), processes=2)
    assert early_workers(config) == 2  # big enough for early workers
    with warm_start(config, key):
        assert run_pool_size() == workers
    assert run_pool_size() == 0

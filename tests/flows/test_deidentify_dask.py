"""De-identification fanned out over a real Dask LocalCluster gives the serial result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster

from tests.conftest import FIXTURES, TEST_KEY
from tests.flows.test_deidentify import FRAMES, deidentify


@pytest.fixture
def cluster(monkeypatch: pytest.MonkeyPatch):
    """Two worker processes; they inherit the key from the environment, as real workers would."""
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def _copy(tmp_path: Path, name: str, extra: str) -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "mini", root)
    config = root / "consortium.yaml"
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return config


def test_dask_workers_return_the_same_frames_as_one_process(tmp_path: Path, cluster) -> None:
    serial = _copy(tmp_path, "serial", "deid:\n  cache: false\n")
    fanned = _copy(
        tmp_path,
        "dask",
        f"deid:\n  cache: false\n  dask_address: {cluster.scheduler_address}\n"
        "  dask_chunk_size: 1\n",
    )
    serial_totals, serial_frames = deidentify(serial)
    dask_totals, dask_frames = deidentify(fanned)
    assert dask_totals == serial_totals and dask_totals["transcripts"] == 6
    for name in FRAMES:
        assert dask_frames[name].equals(serial_frames[name]), name

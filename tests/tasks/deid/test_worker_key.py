"""A Dask worker without the key says which worker and host it is, and what is missing."""

from __future__ import annotations

import socket

import pytest
from distributed import Client, LocalCluster

from qualbridge.schemas.config import ConsortiumConfig
from qualbridge.tasks.deid.distributed import worker_key
from qualbridge.tasks.shared.keys import ConsortiumKeyError
from tests.conftest import FIXTURES, TEST_KEY

CONFIG = ConsortiumConfig(consortium="c", codebook=FIXTURES / "mini" / "codebook.yaml", hub=True)


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUALBRIDGE_KEY", raising=False)
    monkeypatch.delenv("QUALBRIDGE_KEY_FILE", raising=False)


def test_a_worker_without_the_key_names_itself_and_the_missing_key(no_key) -> None:
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        future = client.submit(worker_key, CONFIG, pure=False)
        with pytest.raises(ConsortiumKeyError) as raised:
            future.result()
        address = next(iter(cluster.scheduler_info["workers"]))
    message = str(raised.value)
    assert f"on Dask worker {address}" in message
    assert socket.gethostname() in message and "QUALBRIDGE_KEY" in message


def test_outside_a_worker_the_host_is_named(no_key) -> None:
    with pytest.raises(ConsortiumKeyError, match=f"host {socket.gethostname()}"):
        worker_key(CONFIG)


def test_a_worker_with_the_key_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    assert worker_key(CONFIG) == TEST_KEY.encode()

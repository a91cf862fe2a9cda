"""Approvals and release blockers on a warehouse with a run and a risk-flagged study."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qualbridge.tasks.audit.signoff import SignoffError, approvals, approve, signoff_blockers
from qualbridge.tasks.warehouse.store import connect
from tests.tasks.audit.builders import RUN_ID, audited_consortium, load_warehouse


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory):
    config_path = audited_consortium(tmp_path_factory.mktemp("signoff"))
    return config_path, load_warehouse(config_path)


def test_unapproved_run_with_unaccepted_risk_is_blocked(audited) -> None:
    _, config = audited
    with connect(config.warehouse_path) as con:
        blockers = signoff_blockers(con, RUN_ID, config)
    assert len(blockers) == 2
    assert "no steward approval" in blockers[0]
    # Over age band and gender every peer_support participant is alone (k=2); the steward
    # accepted P-PS03, so P-PS01 and P-PS02 still block.
    assert blockers[1].startswith("peer_support: 2 participant record(s) below k=2")


def test_approval_is_refused_when_the_config_changed(audited) -> None:
    config_path, config = audited
    with connect(config.warehouse_path) as con:
        with pytest.raises(SignoffError, match="rerun before approving"):
            approve(con, RUN_ID, hashlib.sha256(b"another config").hexdigest(), "steward_a")
        with pytest.raises(SignoffError, match="no run"):
            approve(con, "no-such-run", "0" * 64, "steward_a")
        with pytest.raises(SignoffError, match="name"):
            approve(con, RUN_ID, _hash(config_path), "  ")
        assert approvals(con, RUN_ID) == []


def test_approval_records_who_when_which_run_and_config(audited) -> None:
    config_path, config = audited
    with connect(config.warehouse_path) as con:
        at = approve(con, RUN_ID, _hash(config_path), "steward_a", "checked the audit")
        (record,) = approvals(con, RUN_ID)
        blockers = signoff_blockers(con, RUN_ID, config)
    assert record["approved_by"] == "steward_a"
    assert record["approved_at"] == at
    assert record["config_hash"] == _hash(config_path)
    assert len(blockers) == 1 and blockers[0].startswith("peer_support: 2 participant")


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_misspelt_quasi_identifier_blocks_the_release(tmp_path: Path) -> None:
    config_path = audited_consortium(tmp_path)
    text = config_path.read_text().replace("[age_band, gender]", "[age_bnad, gender]")
    config_path.write_text(text)
    config = load_warehouse(config_path)
    with connect(config.warehouse_path) as con:
        blockers = signoff_blockers(con, RUN_ID, config)
    assert "peer_support: risk settings name attributes no participant record has: age_bnad" in (
        blockers
    )

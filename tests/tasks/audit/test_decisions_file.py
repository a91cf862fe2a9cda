"""Writing a steward's decision: appended to the file, the file referenced in the config."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.tasks.audit import append_decision, reference_decisions
from qualbridge.tasks.shared.decisions import Decision, read_decisions
from tests.conftest import FIXTURES

AT = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)
MISSED = Decision(
    decision="missed", term="Recovery College", entity_type="ORGANIZATION",
    decided_by="Dana", decided_at=AT,
)  # fmt: skip
SPAN = Decision(
    decision="false_positive", utterance_id="peer_support:PS01:0003", start=4, end=9,
    entity_type="DATE_TIME", decided_by="Dana", decided_at=AT, note="a weekday",
)  # fmt: skip


@pytest.fixture
def config(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    path = tmp_path / "consortium.yaml"
    path.write_text("# site config: keep this comment\n" + path.read_text(), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["decisions.csv", "decisions.yaml"])
def test_decisions_append_and_read_back(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert append_decision(path, MISSED) == 1
    assert append_decision(path, SPAN) == 2
    read = [item.decision for item in read_decisions(path)]
    assert read == [MISSED, SPAN]


def test_an_existing_csv_keeps_its_rows_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "decision,term,entity_type,decided_by,decided_at,ticket\n"
        "missed,Heron Ward,LOCATION,Sam,2026-01-01,T-1\n",
        encoding="utf-8",
    )
    append_decision(path, MISSED)
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[0].endswith(",ticket") and rows[1].startswith("missed,Heron Ward,")
    assert rows[1].endswith(",T-1") and len(read_decisions(path)) == 2


def test_a_study_without_a_decisions_file_gets_one_line_in_its_block(config: Path) -> None:
    before = config.read_text(encoding="utf-8").splitlines()
    path = reference_decisions(config, "therapist_disclosure")
    after = config.read_text(encoding="utf-8").splitlines()
    assert path == config.parent / "decisions" / "therapist_disclosure.csv"
    assert [line for line in after if line not in before] == [
        "  decisions: decisions/therapist_disclosure.csv"
    ]
    assert after[0] == "# site config: keep this comment"
    studies = {s.study_id: s.decisions for s in load_config(config).studies}
    assert studies == {
        "peer_support": None,
        "therapist_disclosure": Path("decisions/therapist_disclosure.csv"),
    }
    assert reference_decisions(config, "therapist_disclosure") == path
    assert config.read_text(encoding="utf-8").splitlines() == after


def test_an_unknown_study_is_refused_and_the_config_left_alone(config: Path) -> None:
    before = config.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="no study"):
        reference_decisions(config, "nobody")
    assert config.read_text(encoding="utf-8") == before

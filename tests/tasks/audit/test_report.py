"""The steward's audit report shows every identifier type, and warns of those switched off."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.schemas.config import load_config
from qualbridge.tasks.audit.report import audit_context, entity_types, write_audit
from qualbridge.tasks.deid import entity_type_statuses
from qualbridge.tasks.quality.registry_scan import entity_type_frame
from qualbridge.tasks.warehouse import append_rows, connect
from tests.tasks.audit.builders import RUN_ID, audited_consortium, load_warehouse

SWITCHED_OFF = "deid:\n  disabled_entities: [CREDIT_CARD]\n  countries: [GB, IE]\n"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A loaded run whose config switched a type and several countries off; its audit HTML."""
    config_path = audited_consortium(tmp_path_factory.mktemp("consortium"))
    with config_path.open("a", encoding="utf-8") as handle:
        handle.write(SWITCHED_OFF)
    config = load_warehouse(config_path)
    with connect(config.warehouse_path) as con:
        statuses = entity_type_statuses(config.deid)
        append_rows(con, "entity_types", entity_type_frame(RUN_ID, statuses, {"UK_NHS"}))
        html = write_audit(audit_context(con, config, RUN_ID), config.output_dir / "audit.html")
    return config_path, html.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("shown", "present"),
    [
        ('id="types-off"', True),
        ("<td>CREDIT_CARD</td><td>switched off by deid.disabled_entities</td>", True),
        ("<td>US_SSN</td><td>no configured country detects it (US not in deid.countries)</td>",
         True),
        ("<td>IE_PPS</td><td>", False),  # IE is configured
        ("<td>UK_NHS</td><td>", False),  # on
        ("(by the current config; the run recorded none)", False),
    ],
)  # fmt: skip
def test_switched_off_types_are_warned_of_with_their_reason(audited, shown, present):
    _, html = audited
    off_block = html.split('id="types-off"', 1)[-1].split("</div>", 1)[0]
    assert (shown in html if shown.startswith(("id=", "(by")) else shown in off_block) is present


def test_every_type_is_listed_with_its_gate_coverage(audited):
    _, html = audited
    assert '<td>UK_NHS</td><td><span class="status ok">yes</span></td>\n<td>scanned</td>' in html
    assert '<td>CREDIT_CARD</td><td><span class="status bad">no</span></td>' in html


@pytest.mark.parametrize(
    ("yaml", "off"),
    [("", set()), ("deid:\n  disabled_entities: [NRP]\n", {"NRP"}),
     ("deid:\n  entities: [PERSON, UK_NHS]\n", {"US_SSN", "CREDIT_CARD", "LOCATION"})],
)  # fmt: skip
def test_a_run_that_recorded_none_is_read_from_the_config(tmp_path, yaml, off):
    config_path = audited_consortium(tmp_path / "c")
    with config_path.open("a", encoding="utf-8") as handle:
        handle.write(yaml)
    config = load_config(config_path)
    with connect(tmp_path / "w.duckdb") as con:
        found = entity_types(con, config, "no-such-run")
    assert found["recorded"] is False
    assert off <= {r["entity_type"] for r in found["off"]}
    assert bool(found["off"]) is bool(off)

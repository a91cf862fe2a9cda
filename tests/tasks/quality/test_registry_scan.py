"""The residual scan's registry pass: every format type of the one registry reaches the gate."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import duckdb
import pytest
from presidio_analyzer import Pattern, PatternRecognizer

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier, effective_entities, registry, scan_recognizers
from qualbridge.tasks.quality.gate import residual_scan
from qualbridge.tasks.quality.registry_scan import (
    GATE_MIN_SCORE,
    can_be_sure,
    entity_type_frame,
    registry_counts,
    scan_name,
    scanned_types,
)
from qualbridge.tasks.shared.contracts import load_contract
from tests.conftest import TEST_KEY

CONTRACT = Path(__file__).parents[3] / "data_contracts" / "deidentified_utterances.odcs.yaml"
BADGE = "STAFF_BADGE"


@pytest.fixture(scope="module")
def recognizers() -> list:
    return scan_recognizers(DeidConfig())


def _hits(recognizers: list, rows: list, allowed: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The types with at least one hit, and their row ids."""
    hits = registry_counts(rows, recognizers, allowed)
    return {h.pattern_name: h.sample_ids for h in hits if h.count}


# (released text, replacement spans, allow list, the registry checks it must fail)
CASES = [
    ("my card is 4111 1111 1111 1111", [], (), {"registry_credit_card"}),
    ("my card is 4111 1111 1111 1112", [], (), set()),  # fails Luhn
    ("NHS number 943 476 5919", [], (), {"registry_uk_nhs"}),
    ("NHS number 943 476 5918", [], (), {"registry_uk_nhs"}),  # misheard, yet cued: a leak
    ("the reference was 943 476 5918", [], (), set()),  # fails mod 11, no cue
    ("the crisis line is 1-800-273-8255", [], (), set()),  # a valid US number, NHS-shaped
    ("IBAN GB82 WEST 1234 5698 7654 32", [], (), {"registry_iban_code"}),
    ("write to jane.doe@example.org", [], (), {"registry_email_address"}),
    ("write to jane.doe@example.org", [], ("Jane.Doe@example.org",), set()),  # allowed
    ("card [CREDIT_CARD-0a1b2c3d] ok 4111 1111 1111 1111", [(30, 49)], (), set()),  # replaced
    ("I took the bus to work on Tuesday with Maria", [], (), set()),  # context types: not here
]


@pytest.mark.parametrize(("text", "spans", "allowed", "expected"), CASES)
def test_sure_hits_of_format_types_count(recognizers, text, spans, allowed, expected):
    assert set(_hits(recognizers, [("s:t:0001", text, spans)], allowed)) == expected


def test_every_scanned_type_reports_a_count_even_when_clean(recognizers):
    hits = registry_counts([("s:t:0001", "nothing here", [])], recognizers)
    assert [h.pattern_name for h in hits] == [scan_name(t) for t in scanned_types(recognizers)]
    assert all(h.count == 0 and h.sample_ids == [] for h in hits)


def test_hits_map_to_their_own_rows_and_never_across_two(recognizers):
    rows = [
        ("s:t:0001", "fine", []),
        ("s:t:0002", "card 4111 1111 1111 1111", []),
        ("s:t:0003", "4111 1111", []),  # with the next row it would read as one card
        ("s:t:0004", "1111 1111 later", []),
    ]
    assert _hits(recognizers, rows) == {"registry_credit_card": ["s:t:0002"]}


@pytest.mark.parametrize(
    ("entity_type", "scanned"),
    [("CREDIT_CARD", True), ("UK_NHS", True), ("IBAN_CODE", True), ("US_SSN", True),
     ("IE_PPS", True), ("PERSON", False), ("LOCATION", False), ("DATE_TIME", False)],
)  # fmt: skip
def test_the_gate_scans_every_enabled_format_type_of_the_registry(
    recognizers, entity_type, scanned
):
    assert (entity_type in scanned_types(recognizers)) is scanned


def test_a_disabled_type_is_neither_scanned_nor_analysed():
    config = DeidConfig(disabled_entities=["CREDIT_CARD"], countries=["GB"])
    types = scanned_types(scan_recognizers(config))
    assert "CREDIT_CARD" not in types and "US_SSN" not in types and "UK_NHS" in types
    frame = entity_type_frame("r1", registry.entity_type_statuses(config), types)
    off = {r["entity_type"]: r["reason"] for r in frame.to_dicts() if not r["enabled"]}
    assert off["CREDIT_CARD"] == "switched off by deid.disabled_entities"
    assert "US not in deid.countries" in off["US_SSN"]
    assert frame.filter(frame["entity_type"] == "UK_NHS")["residual_scan"].to_list() == [True]


def test_the_threshold_keeps_checked_numbers_only():
    assert 0.5 < GATE_MIN_SCORE <= 0.85


@pytest.mark.parametrize(
    ("recognizer", "sure"),
    [(PatternRecognizer("X", patterns=[Pattern("shape", r"\d{4}", 0.6)]), False),
     (PatternRecognizer("X", patterns=[Pattern("shape", r"\d{4}", 0.9)]), True)],
)  # fmt: skip
def test_a_recognizer_that_can_never_be_sure_is_not_run(recognizer, sure):
    assert can_be_sure(recognizer) is sure
    assert (scanned_types([recognizer]) == ("X",)) is sure
    assert [h.count for h in registry_counts([("r", "code 1234", [])], [recognizer])] == (
        [1] if sure else []
    )


@pytest.fixture
def badge_family(monkeypatch) -> ModuleType:
    """A new family, registered once in the registry like every other."""
    family = ModuleType("qualbridge.tasks.deid.families.badges")
    family.ENTITIES = (BADGE,)  # type: ignore[attr-defined]
    family.build = lambda context: [  # type: ignore[attr-defined]
        PatternRecognizer(
            BADGE, name="StaffBadgeRecognizer", patterns=[Pattern("badge", r"\bSB-\d{6}\b", 0.9)]
        )
    ]
    monkeypatch.setattr(registry, "FAMILIES", (*registry.FAMILIES, family))
    return family


def test_a_new_family_reaches_defaults_engine_audit_rows_and_gate(badge_family, tmp_path):
    config = DeidConfig()
    assert BADGE in effective_entities(config).enabled
    engine = Deidentifier(config, TEST_KEY.encode())
    [result] = engine.deidentify(["my badge is SB-123456 on the lanyard"])
    assert [d.entity_type for d in result.detections] == [BADGE]
    assert "SB-123456" not in result.text
    statuses = registry.entity_type_statuses(config)
    recognizers = scan_recognizers(config)
    rows = entity_type_frame("r1", statuses, scanned_types(recognizers))
    assert rows.filter(rows["entity_type"] == BADGE).select("enabled", "residual_scan").row(0) == (
        True,
        True,
    )
    con = duckdb.connect()
    con.execute("CREATE TABLE utterances (utterance_id VARCHAR, study_id VARCHAR, text VARCHAR)")
    con.execute("CREATE TABLE detections (utterance_id VARCHAR, out_start INT, out_end INT)")
    con.execute("INSERT INTO utterances VALUES ('s:t:1', 's', 'badge SB-654321 left in')")
    contract = load_contract(CONTRACT)
    hits = residual_scan(con, contract, {}, recognizers=recognizers)
    assert {h.pattern_name: h.count for h in hits}[scan_name(BADGE)] == 1

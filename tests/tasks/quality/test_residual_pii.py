"""Tests that the residual-PII patterns agree across Python re, RE2 and DuckDB counts."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from qualbridge.tasks.quality.residual_pii import (
    PiiHit,
    gazetteer_name_counts,
    known_identifier_counts,
    residual_pii_counts,
)
from qualbridge.tasks.shared.contracts import NamedPattern, load_contract

CONTRACT = Path(__file__).parents[3] / "data_contracts" / "deidentified_utterances.odcs.yaml"
PATTERNS = load_contract(CONTRACT).column("text").residual_pii

# (text, names of the patterns it must match); positives and their near misses side by side.
CASES = [
    ("write to jane.doe@example.org today", {"email"}),
    ("JANE_DOE+study@mail.example.co.uk.", {"email"}),
    ("write to jane.doe at example dot org", set()),
    ("user@localhost", set()),
    ("call 07700 900123 tonight", {"uk_phone"}),
    ("call +44 7700 900123", {"uk_phone"}),
    ("+447700900123", {"uk_phone"}),
    ("(020) 7946 0958", {"uk_phone"}),
    ("+44 (0)20 7946 0958", {"uk_phone"}),
    ("line one\n07700 900123\nline three", {"uk_phone"}),
    ("call 07700 then", set()),
    ("ring NHS 111 or 999", set()),
    ("ref 0123456789012", set()),
    ("NHS number 943 476 5919", {"nhs_number"}),
    ("9434765919", {"nhs_number"}),
    ("943-476-5919.", {"nhs_number"}),
    ("943 476 59", set()),
    ("lives at SW1A 1AA", {"uk_postcode"}),
    ("m1 1ae", {"uk_postcode"}),
    ("B338TH.", {"uk_postcode"}),
    ("the A1 road and B12 vitamins", set()),
    ("NI AB123456C", {"ni_number"}),
    ("ni ab 12 34 56 c", {"ni_number"}),
    ("QQ123456C", set()),
    ("AB123456", set()),
    ("see www.example.com", {"url"}),
    ("HTTPS://example.org/page", {"url"}),
    ("http://", set()),
    ("version 1.2.3 of the app", set()),
    ("at 10:30 on 12/03/2024, about 20 minutes", set()),
    ("COVID-19 and long covid", set()),
    ("I met [PERSON-3f9a1b2c] at [LOCATION-a1b2c3d4]", set()),
    ("[PHONE_NUMBER-0a1b2c3d] or [PHONE_NUMBER-07123456]", set()),
    ("[EMAIL_ADDRESS-12345678] [URL-deadbeef]", set()),
    ("[UK_NHS-0123abcd] [UK_NHS-12345678]", set()),
    ("[UK_POSTCODE-ab12cd34] [UK_NINO-ab123456]", set()),
]


def _python(text: str) -> set[str]:
    return {p.name for p in PATTERNS if re.search(p.regex, text)}


def _duckdb(con: duckdb.DuckDBPyConnection, text: str) -> set[str]:
    hits = con.execute(
        "SELECT " + ", ".join("regexp_matches(?, ?)" for _ in PATTERNS),
        [x for p in PATTERNS for x in (text, p.regex)],
    ).fetchone()
    return {p.name for p, hit in zip(PATTERNS, hits, strict=True) if hit}


def _pandas(text: str) -> set[str]:
    # The route GX takes: pandas' str dtype hands regexes to pyarrow's RE2.
    series = pd.Series([text], dtype="str")
    return {p.name for p in PATTERNS if series.str.contains(p.regex).iloc[0]}


@pytest.fixture(scope="module")
def con():
    with duckdb.connect() as connection:
        yield connection


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_python_re_duckdb_and_pandas_agree(con, text, expected):
    assert _python(text) == expected
    assert _duckdb(con, text) == expected
    assert _pandas(text) == expected


def _load(con: duckdb.DuckDBPyConnection, table: str, id_col: str, rows: list[tuple]) -> None:
    con.execute(f'CREATE OR REPLACE TABLE {table} ("{id_col}" VARCHAR, "text" VARCHAR)')
    con.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)


EMAIL_ROWS = [(f"s:t1:{i:04d}", f"mail person{i}@example.org") for i in range(25, 0, -1)]
PLANTED = [
    ("s:t2:0001", "ring 07700 900123"),
    ("s:t2:0002", "I met [PERSON-3f9a1b2c] at [UK_POSTCODE-ab12cd34]"),
    ("s:t2:0003", None),
    ("s:t2:0004", "see www.example.com or SW1A 1AA"),
]


@pytest.mark.parametrize(
    ("name", "count", "ids"),
    [
        ("email", 25, [f"s:t1:{i:04d}" for i in range(1, 21)]),
        ("uk_phone", 1, ["s:t2:0001"]),
        ("nhs_number", 0, []),
        ("uk_postcode", 1, ["s:t2:0004"]),
        ("ni_number", 0, []),
        ("url", 1, ["s:t2:0004"]),
    ],
)
def test_counts_and_sorted_sample_ids(con, name, count, ids):
    _load(con, "utterances", "utterance_id", EMAIL_ROWS + PLANTED)
    hits = {
        h.pattern_name: h
        for h in residual_pii_counts(con, "utterances", "utterance_id", "text", PATTERNS)
    }
    assert list(hits) == [p.name for p in PATTERNS]
    assert (hits[name].count, hits[name].sample_ids) == (count, ids)


def test_results_hold_ids_never_text(con):
    _load(con, "utterances", "utterance_id", EMAIL_ROWS + PLANTED)
    shown = repr(residual_pii_counts(con, "utterances", "utterance_id", "text", PATTERNS))
    for _, text in EMAIL_ROWS + PLANTED:
        for fragment in re.findall(r"[^ ]*[@0-9][^ ]*", text or ""):
            assert fragment not in shown


def test_identifiers_are_quoted(con):
    con.execute('CREATE SCHEMA IF NOT EXISTS "site a"')
    _load(con, '"site a"."release ""v1"""', "utterance id", PLANTED)
    hits = residual_pii_counts(con, 'site a.release "v1"', "utterance id", "text", PATTERNS[:1])
    assert hits == [("email", 0, [])]


@pytest.mark.parametrize(("max_ids", "expected"), [(1, ["s:t1:0001"]), (3, None)])
def test_sample_size_is_capped(con, max_ids, expected):
    _load(con, "utterances", "utterance_id", EMAIL_ROWS)
    email = [NamedPattern("email", PATTERNS[0].regex)]
    [hit] = residual_pii_counts(con, "utterances", "utterance_id", "text", email, max_ids)
    assert hit.sample_ids == (expected or [f"s:t1:{i:04d}" for i in range(1, max_ids + 1)])


@pytest.mark.parametrize(("patterns", "max_ids", "outcome"), [([], 20, []), (PATTERNS, 0, None)])
def test_edge_arguments(con, patterns, max_ids, outcome):
    _load(con, "utterances", "utterance_id", PLANTED)
    if outcome is None:
        with pytest.raises(ValueError, match="max_ids"):
            residual_pii_counts(con, "utterances", "utterance_id", "text", patterns, max_ids)
    else:
        assert (
            residual_pii_counts(con, "utterances", "utterance_id", "text", patterns, max_ids)
            == outcome
        )


KNOWN_ROWS = [
    ("a", "a:t1:0001", "I saw Dr Lorna Ackroyd on Ward 7."),
    ("a", "a:t1:0002", "I saw [PERSON-3f9a1b2c] on [LOCATION-0badc0de]."),
    ("a", "a:t1:0003", "Lornas are rare; ackroydshire is not a place."),
    ("a", "a:t1:0004", "she said lorna   ackroyd (twice)"),
    ("b", "b:t1:0001", "Lorna Ackroyd belongs to study a, not b."),
    ("b", "b:t1:0002", "Dial 0(1)2 now."),
]


@pytest.fixture
def known_con():
    with duckdb.connect() as con:
        con.execute("CREATE TABLE u (study_id VARCHAR, utterance_id VARCHAR, text VARCHAR)")
        con.executemany("INSERT INTO u VALUES (?, ?, ?)", KNOWN_ROWS)
        yield con


@pytest.mark.parametrize(
    ("known", "count", "ids"),
    [
        ({"a": ["Lorna Ackroyd"]}, 2, ["a:t1:0001", "a:t1:0004"]),
        ({"a": ["Ward 7"], "b": ["Lorna Ackroyd"]}, 2, ["a:t1:0001", "b:t1:0001"]),
        ({"b": ["0(1)2"]}, 1, ["b:t1:0002"]),
        ({"a": ["Lorna"]}, 2, ["a:t1:0001", "a:t1:0004"]),
        ({}, 0, []),
    ],
)
def test_known_identifiers_are_matched_per_study_as_whole_words(known_con, known, count, ids):
    hit = known_identifier_counts(known_con, "u", "utterance_id", "text", known)
    assert hit == PiiHit("known_identifiers", count, ids)


@pytest.mark.parametrize(
    ("text", "spans", "hit"),
    [
        ("I rang Lorna Ackroyd yesterday.", [], True),
        ("I rang Lorna  Ackroyd yesterday.", [], False),
        ("I rang lorna ackroyd yesterday.", [], False),
        ("I rang [PERSON-3f9a1b2c] yesterday.", [(7, 24)], False),
        ("I rang Lorna Ackroyd yesterday.", [(7, 20)], False),
        ("Dear Lorna Ackroyd,", [], True),
        ("The Mental Health team rang.", [], False),
    ],
)
def test_gazetteer_finds_first_last_pairs_outside_replacements(text, spans, hit):
    result = gazetteer_name_counts([("s:t:0001", text, spans)], {"Lorna"}, {"Ackroyd"})
    assert result == PiiHit("name_gazetteer", int(hit), ["s:t:0001"] if hit else [])
    assert "Lorna" not in str(result)


NUMBER_ROWS = [
    ("s:t3:0001", "the crisis line is 1-800-273-8255"),  # NHS-shaped, fails mod 11
    ("s:t3:0002", "NHS number 943 476 5919"),  # passes mod 11
    ("s:t3:0003", "943 476 5918 was misheard"),  # fails mod 11
    ("s:t3:0004", "ref 800 273 8255 and 9434765919"),  # second number passes
]


def test_nhs_shaped_numbers_count_only_with_valid_check_digits(con):
    _load(con, "utterances", "utterance_id", NUMBER_ROWS)
    nhs = [p for p in PATTERNS if p.name == "nhs_number"]
    [hit] = residual_pii_counts(con, "utterances", "utterance_id", "text", nhs)
    assert (hit.count, hit.sample_ids) == (2, ["s:t3:0002", "s:t3:0004"])


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("ring 07700\u00a0900123 tonight", "uk_phone"),  # no-break space
        ("ring 0161\u2011496\u20110000 tonight", "uk_phone"),  # non-breaking hyphens
        ("it's 943\u2013476\u20135919", "nhs_number"),  # en dashes, valid check digits
        ("AB\u202f12\u202f34\u202f56\u202fC is mine", "ni_number"),  # narrow no-break spaces
    ],
)
def test_unicode_dashes_and_spaces_do_not_hide_a_number(con, text, pattern):
    _load(con, "unicode_rows", "utterance_id", [("s:t9:0001", text)])
    [hit] = residual_pii_counts(
        con, "unicode_rows", "utterance_id", "text", [p for p in PATTERNS if p.name == pattern]
    )
    assert (hit.count, hit.sample_ids) == (1, ["s:t9:0001"])

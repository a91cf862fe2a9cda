"""Foreign-key checks get only the referenced values that occur, with the same outcome."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from qualbridge.tasks.quality.gate import check_dataset, narrowed
from qualbridge.tasks.shared.contract_catalog import contract_for


@pytest.mark.parametrize(
    ("known", "used", "kept"),
    [
        ({"a", "b", "c"}, {"a", "c", "x"}, {"a", "c"}),  # only what the column holds
        ({"a", "b"}, {"a", "b"}, {"a", "b"}),
        ({"a", "b"}, {"x"}, {"a", "b"}),  # nothing in common: the whole set, never an empty one
        ({"a"}, set(), {"a"}),  # an empty column
        (set(), {"x"}, set()),  # an empty target stays empty
    ],
)
def test_narrowed(known: set[str], used: set[str], kept: set[str]) -> None:
    assert narrowed(known, used) == kept


@pytest.mark.parametrize(
    ("coded", "success", "unexpected"),
    [
        (["s:t1:1", "s:t1:2"], True, 0),
        (["s:t1:1", "s:t9:1", "s:t9:2"], False, 2),  # two rows point at no utterance
    ],
)
def test_reference_check_outcome(coded: list[str], success: bool, unexpected: int) -> None:
    contract = contract_for("codings")
    with duckdb.connect() as con:
        utterance_ids = [f"s:t1:{i}" for i in range(1, 500)]
        con.register("utterances", pl.DataFrame({"utterance_id": utterance_ids}).to_arrow())
        con.register("codings", pl.DataFrame({"utterance_id": coded}).to_arrow())
        results, _ = check_dataset(con, contract)
    check = next(r for r in results if r.check == "utterance_id.references.utterances.utterance_id")
    assert (check.success, check.broken, check.unexpected_count) == (success, False, unexpected)

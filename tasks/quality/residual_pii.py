"""The residual-PII scan: patterns, the study's known identifiers and a names gazetteer.

Results are counts and row ids only, never the values that matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

import duckdb
from stdnum.gb import nhs

from qualbridge.tasks.shared.contracts import NamedPattern

MAX_SAMPLE_IDS = 20
KNOWN_IDENTIFIERS = "known_identifiers"
NAME_GAZETTEER = "name_gazetteer"
# A capitalised word; runs in Python only, so it need not read alike in RE2.
# Patterns whose matches count only when their check digits hold: a US '1-800-273-8255' has
# an NHS number's shape, but only a number passing mod 11 can be one.
CHECK_DIGITS: dict[str, Callable[[str], bool]] = {
    "nhs_number": lambda value: nhs.is_valid(re.sub(r"\D", "", value)),
}
# The scan reads dashes and spaces of any kind as ASCII ones, as the detector does: a number
# joined by en dashes or no-break spaces has the same shape as one joined by '-' or ' '.
_FOLDED_TEXT = (
    r"regexp_replace(regexp_replace({column}, '\p{{Pd}}', '-', 'g'), '\p{{Zs}}', ' ', 'g')"
)
_CAP_WORD = re.compile(r"(?<![\w'-])[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?(?![\w'-])")


class PiiHit(NamedTuple):
    """How many rows one pattern matched, and the smallest of their ids."""

    pattern_name: str
    count: int  # type: ignore[assignment]  # the field shadows tuple.count, as intended
    sample_ids: list[str]


def quote_identifier(name: str) -> str:
    """Quote one SQL identifier for DuckDB."""
    return '"' + name.replace('"', '""') + '"'


def residual_pii_counts(
    con: duckdb.DuckDBPyConnection,
    table: str,
    id_column: str,
    text_column: str,
    patterns: Sequence[NamedPattern],
    max_ids: int = MAX_SAMPLE_IDS,
) -> list[PiiHit]:
    """Match each pattern against text_column in one scan; `table` may be schema-qualified."""
    if max_ids < 1:
        raise ValueError("max_ids must be at least 1")
    if not patterns:
        return []
    folded = _FOLDED_TEXT.format(column=quote_identifier(text_column))
    table_ref = (
        f"(SELECT {quote_identifier(id_column)}, {folded} AS qb_text FROM "
        + ".".join(quote_identifier(part) for part in table.split("."))
        + ")"
    )
    row_id = f"CAST({quote_identifier(id_column)} AS VARCHAR)"
    text = "qb_text"
    aggregates = []
    for _ in patterns:
        # The pattern is a bound parameter, so contract text never becomes SQL.
        match = f"regexp_matches({text}, ?)"
        aggregates.append(f"count(*) FILTER (WHERE {match})")
        aggregates.append(f"min({row_id}, {int(max_ids)}) FILTER (WHERE {match})")
    sql = f"SELECT {', '.join(aggregates)} FROM {table_ref}"
    params = [p.regex for p in patterns for _ in range(2)]
    row = con.execute(sql, params).fetchone()
    assert row is not None
    hits = [
        PiiHit(p.name, int(row[2 * i]), list(row[2 * i + 1] or [])) for i, p in enumerate(patterns)
    ]
    return [
        _validated(con, table_ref, row_id, text, p, hit, max_ids)
        if hit.count and p.name in CHECK_DIGITS
        else hit
        for p, hit in zip(patterns, hits, strict=True)
    ]


def _validated(
    con: duckdb.DuckDBPyConnection,
    table_ref: str,
    row_id: str,
    text: str,
    pattern: NamedPattern,
    hit: PiiHit,
    max_ids: int,
) -> PiiHit:
    """The rows whose match also passes the pattern's check-digit test."""
    rows = con.execute(
        f"SELECT {row_id}, {text} FROM {table_ref} WHERE regexp_matches({text}, ?)",
        [pattern.regex],
    ).fetchall()
    check, regex = CHECK_DIGITS[pattern.name], re.compile(pattern.regex)
    ids = sorted(
        row_id_value
        for row_id_value, value in rows
        if any(check(m.group()) for m in _overlapping(regex, value))
    )
    return PiiHit(hit.pattern_name, len(ids), ids[:max_ids])


def _overlapping(regex: re.Pattern[str], value: str) -> Iterable[re.Match[str]]:
    """Every match, including those starting inside an earlier one."""
    pos = 0
    while (match := regex.search(value, pos)) is not None:
        yield match
        pos = match.start() + 1


def literal_regex(value: str) -> str:
    """A case-insensitive whole-word regex for a literal that Python re and RE2 read alike."""
    escaped = re.sub(r"([\\.^$|?*+()\[\]{}-])", r"\\\1", value.strip())
    escaped = re.sub(r"\s+", "[ \\t]+", escaped)
    return f"(?i)(?:^|[^0-9A-Za-z]){escaped}(?:[^0-9A-Za-z]|$)"


def known_identifier_counts(
    con: duckdb.DuckDBPyConnection,
    table: str,
    id_column: str,
    text_column: str,
    known: Mapping[str, Iterable[str]],
    max_ids: int = MAX_SAMPLE_IDS,
) -> PiiHit:
    """Rows whose text still holds one of its own study's known identifiers (study_id column)."""
    pairs = sorted({(study, literal_regex(v)) for study, values in known.items() for v in values})
    if not pairs:
        return PiiHit(KNOWN_IDENTIFIERS, 0, [])
    table_ref = ".".join(quote_identifier(part) for part in table.split("."))
    row_id = f"CAST(u.{quote_identifier(id_column)} AS VARCHAR)"
    cur = con.cursor()
    try:
        cur.execute("CREATE TEMP TABLE qb_known (study_id VARCHAR, regex VARCHAR)")
        cur.executemany("INSERT INTO qb_known VALUES (?, ?)", [list(p) for p in pairs])
        row = cur.execute(
            f"SELECT count(DISTINCT {row_id}), min(DISTINCT {row_id}, {int(max_ids)}) "
            f"FROM {table_ref} u JOIN qb_known k ON u.study_id = k.study_id "
            f"AND regexp_matches(u.{quote_identifier(text_column)}, k.regex)"
        ).fetchone()
    finally:
        cur.close()
    assert row is not None
    return PiiHit(KNOWN_IDENTIFIERS, int(row[0]), list(row[1] or []))


def gazetteer_name_counts(
    rows: Iterable[tuple[str, str, Sequence[tuple[int, int]]]],
    first_names: Collection[str],
    last_names: Collection[str],
    max_ids: int = MAX_SAMPLE_IDS,
) -> PiiHit:
    """Rows with a 'First Last' pair of gazetteer names outside the replacements' spans.

    Each row is (id, de-identified text, replacement spans); spans are blanked first, so a
    surrogate name put there on purpose is not counted.
    """
    hits = []
    for row_id, text, spans in rows:
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        masked = "".join(chars)
        words = list(_CAP_WORD.finditer(masked))
        if any(
            a.end() + 1 == b.start()
            and masked[a.end()] == " "
            and a.group() in first_names
            and b.group() in last_names
            for a, b in pairwise(words)
        ):
            hits.append(row_id)
    hits.sort()
    return PiiHit(NAME_GAZETTEER, len(hits), hits[:max_ids])

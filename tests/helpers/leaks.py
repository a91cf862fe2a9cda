"""Search everything qualbridge wrote for planted identifiers, decoding each file's format."""

from __future__ import annotations

import contextlib
import html
import json
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import duckdb
import polars as pl

SQLITE_MAGIC = b"SQLite format 3\x00"
DUCKDB_MAGIC = b"DUCK"  # at byte 8 of a DuckDB file


def _duckdb_strings(path: Path) -> Iterable[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()
        for schema, table in tables:
            df = con.sql(f'SELECT * FROM "{schema}"."{table}"').pl()
            yield from (str(v) for col in df.columns for v in df[col].to_list() if v is not None)


def _sqlite_strings(path: Path) -> Iterable[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                for v in row:
                    if isinstance(v, bytes):
                        yield v.decode("utf-8", "replace")
                    elif v is not None:
                        yield str(v)
    finally:
        con.close()


def searchable(path: Path) -> tuple[str, str]:
    """(raw, decoded) text of a file. Decoded holds table values and decoded JSON and HTML,
    searched with case folded; raw binary is searched as written, since folded it would
    match short names in fonts and images by chance."""
    raw = path.read_bytes()
    head = raw[:16]
    try:
        return "", _decoded(path, raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", "replace")
    if path.suffix == ".parquet":
        df = pl.read_parquet(path)
        return text, "\n".join(str(v) for c in df.columns for v in df[c].to_list())
    if head[8:12] == DUCKDB_MAGIC:
        return text, "\n".join(_duckdb_strings(path))
    if head.startswith(SQLITE_MAGIC):
        return text, "\n".join(_sqlite_strings(path))
    return text, ""


def _decoded(path: Path, text: str) -> str:
    parts = [text]
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):
            parts.append(json.dumps(json.loads(text), ensure_ascii=False))
    elif path.suffix in (".html", ".htm"):
        parts.append(html.unescape(text))
    return "\n".join(parts)


def variants(value: str) -> set[str]:
    """The forms a value may take in output: as written, or with its digits run together."""
    forms = {value}
    digits = re.sub(r"[ -]", "", value)
    if sum(c.isdigit() for c in digits) >= 6:
        forms.add(digits)
    return forms


def find_leaks(folders: Iterable[Path], values: Iterable[str]) -> list[tuple[str, str]]:
    """(value, file) for every planted value found in any file under the folders."""
    wanted = {form: value for value in values for form in variants(value)}
    leaks = set()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.is_symlink():
                continue
            raw, decoded = searchable(path)
            folded = decoded.casefold()
            leaks |= {
                (value, str(path))
                for form, value in wanted.items()
                if form in raw or form.casefold() in folded
            }
    return sorted(leaks)


def files_under(folders: Iterable[Path]) -> int:
    """How many files the folders hold (a search over nothing proves nothing)."""
    return sum(1 for folder in folders for p in folder.rglob("*") if p.is_file())

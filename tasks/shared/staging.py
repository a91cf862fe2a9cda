"""Parquet files that hand de-identified data and metadata from one stage flow to the next."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from qualbridge.schemas.frames import FrameSchema


def write_frame(df: pl.DataFrame, path: Path) -> Path:
    """Write a frame atomically (temporary file, then rename), so a crash leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    df.write_parquet(tmp)
    tmp.replace(path)
    return path


def read_frames(folder: Path, pattern: str, schema: FrameSchema) -> pl.DataFrame:
    """Concatenate the frames matching a pattern in a folder (empty frame if none)."""
    paths = sorted(folder.glob(pattern)) if folder.is_dir() else []
    if not paths:
        return pl.DataFrame(schema=schema)
    return pl.concat([pl.read_parquet(p) for p in paths], how="vertical")


def write_results(tables: Mapping[str, pl.DataFrame], folder: Path) -> None:
    """Each result table as <table>.csv and <table>.parquet, named as the warehouse table."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, frame in tables.items():
        frame.write_csv(folder / f"{table}.csv")
        frame.write_parquet(folder / f"{table}.parquet")

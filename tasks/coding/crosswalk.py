"""Map a study's imported codings onto consortium themes through its crosswalk."""

from __future__ import annotations

import re

import polars as pl

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook, load_codebook, slug
from qualbridge.schemas.config import ConfigError, ConsortiumConfig, StudyConfig
from qualbridge.schemas.crosswalk import Crosswalk, load_crosswalks

CODE_PREFIX = "code:"


def _known_identifiers(study: StudyConfig, config: ConsortiumConfig) -> list[str]:
    if study.deny_list is None:
        return []
    from qualbridge.tasks.deid import parse_deny_list

    path = config.resolve(study.deny_list)
    if not path.is_file():
        raise ConfigError(f"study {study.study_id}: deny list {path} not found")
    grouped = parse_deny_list(path.read_text(encoding="utf-8").splitlines())
    return [value for values in grouped.values() for value in values if value]


def check_code_names(crosswalk: Crosswalk, known: list[str]) -> None:
    """Refuse study code names holding one of the study's known identifiers (whole words)."""
    if not known:
        return
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(v) for v in known) + r")(?!\w)", re.IGNORECASE
    )
    lines = [e.line for e in crosswalk.entries if pattern.search(e.study_code)]
    if lines:
        # The message names lines only: echoing the code would print the identifier.
        raise ConfigError(
            f"{crosswalk.source}: study codes on lines {', '.join(map(str, lines))} contain an "
            "identifier from the study's deny list; rename them (code names are stored and "
            "released)"
        )


def study_crosswalks(config: ConsortiumConfig, codebook: Codebook) -> dict[str, Crosswalk]:
    """Every study's validated crosswalk, with code names checked against its deny list."""
    crosswalks = load_crosswalks(config, codebook)
    for study in config.studies:
        if study.study_id in crosswalks:
            check_code_names(crosswalks[study.study_id], _known_identifiers(study, config))
    return crosswalks


def check_inputs(config: ConsortiumConfig) -> tuple[Codebook, dict[str, Crosswalk]]:
    """Load the codebook and crosswalks a config names, so a bad one fails before any run."""
    codebook = load_codebook(config.resolve(config.codebook))
    return codebook, study_crosswalks(config, codebook)


def _study_code() -> pl.Expr:
    """The study's own code name: from matched_rule 'code:<name>', else the coding's theme id."""
    rule = pl.col("matched_rule")
    return (
        pl.when(rule.str.starts_with(CODE_PREFIX))
        .then(rule.str.strip_prefix(CODE_PREFIX))
        .otherwise(pl.col("theme_id"))
    )


def apply_crosswalk(
    codings: pl.DataFrame, crosswalk: Crosswalk, study_id: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Codings with consortium theme ids, and the study codes the crosswalk does not map.

    Rows arrive with theme_id = the study code normalised and matched_rule = 'code:<name>';
    mapped rows take the consortium theme id and keep matched_rule. When two study codes on
    the same span map onto one theme, one row is kept (the first by matched_rule). Unmapped
    codes come back with how many codings each had: the caller reports them, never drops them.
    """
    foreign = codings.filter(~pl.col("transcript_id").str.starts_with(f"{study_id}:"))
    if foreign.height:
        raise ValueError(
            f"{foreign.height} codings are not of study {study_id!r} "
            f"(e.g. transcript {foreign['transcript_id'][0]!r})"
        )
    mapping = crosswalk.mapping()
    named = codings.with_columns(_study_code().alias("_code"))
    lookup = {code: mapping.get(slug(code)) for code in named["_code"].unique().to_list()}
    # A code mapped onto several themes gives one coding per theme.
    named = named.with_columns(
        pl.col("_code")
        .replace_strict(lookup, default=None, return_dtype=pl.List(pl.String))
        .alias("_theme")
    ).explode("_theme")
    mapped = (
        named.filter(pl.col("_theme").is_not_null())
        .with_columns(pl.col("_theme").alias("theme_id"))
        .sort("utterance_id", "theme_id", "coder", "start_offset", "matched_rule")
        .unique(["utterance_id", "theme_id", "coder", "start_offset"], keep="first")
        .sort("utterance_id", "theme_id", "coder", "start_offset")
        .select(list(frames.CODINGS))
        # polars' cast takes no Mapping[str, ...]: its key type is invariant (pola-rs/polars#14468)
        .cast(frames.CODINGS)  # type: ignore[arg-type]
    )
    unmapped = (
        named.filter(pl.col("_theme").is_null())
        .group_by("_code")
        .agg(pl.len().cast(pl.Int64).alias("n_codings"))
        .select(
            pl.lit(study_id).alias("study_id"), pl.col("_code").alias("study_code"), "n_codings"
        )
        .sort("study_code")
        # polars' cast takes no Mapping[str, ...]: its key type is invariant (pola-rs/polars#14468)
        .cast(frames.UNMAPPED_CODES)  # type: ignore[arg-type]
    )
    return mapped, unmapped


def apply_crosswalks(
    codings: pl.DataFrame, crosswalks: dict[str, Crosswalk], run_id: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Map each study's codings through its crosswalk; unmapped codes become quarantine rows."""
    study = pl.col("transcript_id").str.split_exact(":", 1).struct.field("field_0")
    parts, unmapped = [codings.filter(~study.is_in(list(crosswalks)))], []
    for study_id, crosswalk in sorted(crosswalks.items()):
        mapped, missing = apply_crosswalk(codings.filter(study == study_id), crosswalk, study_id)
        parts.append(mapped)
        unmapped.append(missing)
    quarantine = unmapped_quarantine(
        pl.concat(unmapped) if unmapped else frames.frame([], frames.UNMAPPED_CODES), run_id
    )
    return pl.concat(parts).select(list(frames.CODINGS)), quarantine


def crosswalk_frame(crosswalks: dict[str, Crosswalk]) -> pl.DataFrame:
    """Rows of the crosswalks table for the given studies' crosswalks."""
    rows = [
        {
            "study_id": study_id,
            "study_code": e.study_code,
            "code_key": e.code_key,
            "theme_id": e.theme_id,
            "crosswalk_version": cw.version,
            "crosswalk_hash": cw.sha256,
        }
        for study_id, cw in sorted(crosswalks.items())
        for e in cw.entries
    ]
    return frames.frame(rows, frames.CROSSWALKS)


def unmapped_quarantine(unmapped: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """Quarantine rows a steward can read: one per study code the crosswalk does not map."""
    rows = [
        {
            "run_id": run_id,
            "study_id": study_id,
            "source": f"{CODE_PREFIX}{code}",
            "stage": "code",
            "reason": f"{n} codings with this study code were not loaded: the study's "
            "crosswalk does not map it onto a consortium theme",
        }
        for study_id, code, n in unmapped.select(list(frames.UNMAPPED_CODES)).iter_rows()
    ]
    return frames.frame(rows, frames.QUARANTINE)

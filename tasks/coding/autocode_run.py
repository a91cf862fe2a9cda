"""The auto-coding step: read units and manual codes, train, validate, code, correct coverage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.config import AutocodeConfig
from qualbridge.tasks.coding.autocode import (
    ThemeModels,
    exclusive_classes,
    featurize,
    model_coder,
    save_models,
    train_models,
)
from qualbridge.tasks.coding.autocode_exclusive import (
    ExclusiveFit,
    calibrated,
    choose_method,
    exclusive_prevalence,
    out_of_fold_classes,
)
from qualbridge.tasks.coding.autocode_prevalence import (
    PREVALENCE,
    applied_counts,
    corrected_prevalence,
)
from qualbridge.tasks.coding.autocode_quantify import (
    EXCLUSIVE_METHODS,
    applied_classes,
    train_confusion,
)
from qualbridge.tasks.coding.autocode_validation import (
    VALIDATION,
    TranscriptCounts,
    confusion_rows,
    out_of_fold_scores,
    transcript_counts,
)
from qualbridge.tasks.coding.rules import coder_name

# The configured estimator on each path; "auto" chooses.
BINARY_METHOD = {"acc": "acc", "pacc": "pacc", "macc": "acc", "mpacc": "pacc"}
EXCLUSIVE_METHOD = {"acc": "macc", "pacc": "mpacc"} | {m: m for m in EXCLUSIVE_METHODS}

# Codings that count as the gold: imported from QDA projects or label columns, never automatic.
MANUAL_ORIGINS = ("qdpx", "table")

UNITS_SQL = """
WITH ordered AS (
    SELECT utterance_id, transcript_id, study_id, seq, speaker_role, text,
           coalesce(lag(text) OVER (PARTITION BY transcript_id ORDER BY seq), '') AS previous_text
    FROM utterances WHERE list_contains($studies, study_id)
)
SELECT * FROM ordered WHERE $all_roles OR list_contains($roles, speaker_role)
ORDER BY transcript_id, seq
"""


def read_units(
    con: duckdb.DuckDBPyConnection, study_ids: list[str], roles: list[str] | None
) -> pl.DataFrame:
    """De-identified utterances of the studies (in scope roles) with the previous utterance."""
    params = {"studies": study_ids, "all_roles": roles is None, "roles": roles or [""]}
    units: pl.DataFrame = con.sql(UNITS_SQL, params=params).pl()
    return units


def coded_labels(
    con: duckdb.DuckDBPyConnection,
    units: pl.DataFrame,
    theme_ids: list[str],
    origins: list[str],
    coder: str | None = None,
) -> np.ndarray:
    """0/1 per unit and theme: does a coding of these origins (and coder) give it the theme."""
    con.register("autocode_units", units.select("utterance_id").to_arrow())
    try:
        pairs = con.sql(
            "SELECT DISTINCT utterance_id, theme_id FROM codings "
            "JOIN autocode_units USING (utterance_id) WHERE list_contains($origins, origin) "
            "AND ($coder IS NULL OR coder = $coder)",
            params={"origins": origins, "coder": coder},
        ).pl()
    finally:
        con.unregister("autocode_units")
    row = {u: i for i, u in enumerate(units["utterance_id"].to_list())}
    col = {t: j for j, t in enumerate(theme_ids)}
    labels = np.zeros((units.height, len(theme_ids)), dtype=np.int8)
    for utterance_id, theme_id in pairs.iter_rows():
        if theme_id in col:
            labels[row[utterance_id], col[theme_id]] = 1
    return labels


def manually_coded(con: duckdb.DuckDBPyConnection, units: pl.DataFrame) -> pl.DataFrame:
    """Only the units of transcripts that carry at least one manual coding."""
    coded = con.sql(
        "SELECT DISTINCT transcript_id FROM codings WHERE list_contains($o, origin)",
        params={"o": list(MANUAL_ORIGINS)},
    ).pl()
    return units.join(coded, on="transcript_id", how="semi")


def choose_themes(
    labels: np.ndarray, theme_ids: list[str], settings: AutocodeConfig
) -> tuple[list[str], list[str]]:
    """Themes to model and, with reasons, those left out for too few manual codes."""
    counts = dict(zip(theme_ids, labels.sum(axis=0).tolist(), strict=True))
    wanted = settings.themes if settings.themes is not None else theme_ids
    kept = [t for t in wanted if counts[t] >= settings.min_examples]
    skipped = [
        f"theme {t}: {counts[t]} manually coded units, fewer than min_examples "
        f"{settings.min_examples}; not auto-coded"
        for t in wanted
        if counts[t] < settings.min_examples
    ]
    return kept, skipped


@dataclass
class AutocodeResult:
    """What the step produced: tables for the warehouse and the model file's path."""

    validation: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=VALIDATION))
    prevalence: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=PREVALENCE))
    codings: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=frames.MODEL_CODINGS))
    coder: str | None = None
    model_path: Path | None = None
    skipped: list[str] = field(default_factory=list)


def run_autocode(
    con: duckdb.DuckDBPyConnection,
    settings: AutocodeConfig,
    codebook: Codebook,
    model_dir: Path,
) -> AutocodeResult:
    """Train on the manual codes, validate against them (and the rules), code and correct."""
    all_themes = [t.theme_id for t in codebook.themes]
    if settings.themes and (unknown := sorted(set(settings.themes) - set(all_themes))):
        raise ValueError(f"autocode.themes: not in the codebook: {unknown}")
    train = manually_coded(con, read_units(con, settings.train_on, settings.speaker_roles))
    gold = coded_labels(con, train, all_themes, list(MANUAL_ORIGINS))
    theme_ids, skipped = choose_themes(gold, all_themes, settings)
    if not theme_ids:
        return AutocodeResult(skipped=skipped or ["no manually coded units to train on"])
    labels = gold[:, [all_themes.index(t) for t in theme_ids]]
    features = featurize(train)
    groups = train["transcript_id"].to_numpy()
    # Themes no unit shares are modelled as one choice among them (and "no theme").
    exclusive = len(theme_ids) > 1 and exclusive_classes(labels) is not None
    models = train_models(features, labels, theme_ids, settings.seed, exclusive=exclusive)
    if exclusive:
        fit = out_of_fold_classes(features, labels, groups, settings.folds, settings.seed)
        models, oof = calibrated(models, fit), fit.probs[:, : len(theme_ids)]
        estimate = _exclusive_estimator(fit, groups, settings)
    else:
        oof = out_of_fold_scores(features, labels, groups, theme_ids, settings.folds, settings.seed)
        estimate = _binary_estimator(transcript_counts(labels, oof, groups), settings)
    coder = model_coder(models)
    validation = pl.concat(
        [
            confusion_rows(labels, models.codes(oof), groups, theme_ids, coder, "cross_validation"),
            _rule_rows(con, train, labels, groups, theme_ids, codebook),
        ]
    )
    applied = read_units(con, settings.apply_to, settings.speaker_roles)
    width = len(theme_ids) + 1 if exclusive else len(theme_ids)
    applied_features = featurize(applied) if applied.height else None
    scores = (
        models.class_scores(applied_features) if exclusive else models.scores(applied_features)
    ) if applied_features is not None else np.zeros((0, width))  # fmt: skip
    prevalence = _prevalence_rows(applied, scores, estimate, models, settings)
    theme_scores = scores[:, : len(theme_ids)]
    return AutocodeResult(
        validation,
        prevalence,
        model_codings(applied, theme_scores, models),
        coder,
        save_models(models, model_dir),
        skipped,
    )


Estimator = Callable[[np.ndarray, np.ndarray], dict[str, np.ndarray]]


def _binary_estimator(train_counts: TranscriptCounts, settings: AutocodeConfig) -> Estimator:
    """Per-theme acc/pacc of a study's scores (units x themes) grouped by transcript."""

    def estimate(scores: np.ndarray, groups: np.ndarray) -> dict[str, np.ndarray]:
        return corrected_prevalence(
            train_counts,
            applied_counts(scores, groups),
            settings.resamples,
            settings.seed,
            settings.confidence,
            BINARY_METHOD.get(settings.method, "auto"),
        )

    return estimate


def _exclusive_estimator(
    fit: ExclusiveFit, groups: np.ndarray, settings: AutocodeConfig
) -> Estimator:
    """The estimator chosen by cross-validation in the training studies (or the configured
    one) on a study's class probabilities (units x themes + 1)."""
    trained = train_confusion(fit.classes, fit.probs, groups)
    method = EXCLUSIVE_METHOD.get(settings.method)
    if method is None:
        errors = choose_method(fit, groups, settings.seed)
        method = min(errors, key=errors.__getitem__)

    def estimate(probs: np.ndarray, study_groups: np.ndarray) -> dict[str, np.ndarray]:
        est = exclusive_prevalence(
            trained,
            applied_classes(probs, study_groups),
            method,
            settings.resamples,
            settings.seed,
            settings.confidence,
        )
        return {**est, "acc": est["macc"], "pacc": est["mpacc"]}

    return estimate


def _rule_rows(
    con: duckdb.DuckDBPyConnection,
    train: pl.DataFrame,
    labels: np.ndarray,
    groups: np.ndarray,
    theme_ids: list[str],
    codebook: Codebook,
) -> pl.DataFrame:
    """The codebook rules' figures on the same units and manual codes as the model's."""
    coder = coder_name(codebook)
    rules = coded_labels(con, train, theme_ids, ["rules"], coder)
    return confusion_rows(labels, rules, groups, theme_ids, coder, "rules")


def _prevalence_rows(
    applied: pl.DataFrame,
    scores: np.ndarray,
    estimate: Estimator,
    models: ThemeModels,
    settings: AutocodeConfig,
) -> pl.DataFrame:
    """One row per auto-coded study and theme: raw and corrected share with its interval."""
    rows = []
    for (study_id,), part in applied.with_row_index("_row").group_by(
        ["study_id"], maintain_order=True
    ):
        idx = part["_row"].to_numpy()
        groups = part["transcript_id"].to_numpy()
        est = estimate(scores[idx], groups)
        coded = models.codes(scores[idx, : len(models.theme_ids)])
        for j, theme_id in enumerate(models.theme_ids):
            rows.append(
                {
                    "study_id": study_id,
                    "theme_id": theme_id,
                    "coder": model_coder(models),
                    "units": len(idx),
                    "transcripts": len(np.unique(groups)),
                    "units_coded": int(coded[:, j].sum()),
                    "share_raw": _num(est["raw"][j]),
                    "share_corrected": _num(est["corrected"][j]),
                    "ci_low": _num(est["ci_low"][j]),
                    "ci_high": _num(est["ci_high"][j]),
                    "method": str(est["method"][j]),
                    "share_acc": _num(est["acc"][j]),
                    "share_pacc": _num(est["pacc"][j]),
                    "resamples": settings.resamples,
                }
            )
    return pl.DataFrame(rows, schema=PREVALENCE, orient="row")


def _num(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def model_codings(applied: pl.DataFrame, scores: np.ndarray, models: ThemeModels) -> pl.DataFrame:
    """A whole-utterance coding, with its probability as score, per unit and theme coded."""
    coder = model_coder(models)
    codes = models.codes(scores)
    rows = [
        {
            "utterance_id": utterance_id,
            "transcript_id": transcript_id,
            "theme_id": models.theme_ids[j],
            "coder": coder,
            "matched_rule": f"model:{models.digest}",
            "start_offset": 0,
            "end_offset": len(text),
            "origin": "model",
            "score": float(scores[i, j]),
        }
        for i, (utterance_id, transcript_id, text) in enumerate(
            applied.select("utterance_id", "transcript_id", "text").iter_rows()
        )
        for j in np.flatnonzero(codes[i])
        if text
    ]
    return frames.frame(rows, frames.MODEL_CODINGS)

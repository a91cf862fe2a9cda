"""Learned auto-coding: features, model file, cross-validation, corrected coverage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from qualbridge.tasks.coding.autocode import (
    featurize,
    load_models,
    model_coder,
    model_file_bytes,
    save_models,
    train_models,
    with_previous,
)
from qualbridge.tasks.coding.autocode_prevalence import (
    AppliedCounts,
    applied_counts,
    corrected_prevalence,
)
from qualbridge.tasks.coding.autocode_validation import (
    TranscriptCounts,
    confusion_rows,
    out_of_fold_scores,
    transcript_counts,
    transcript_folds,
)
from tests.helpers.synthetic_codes import synthetic_units

THEMES = ["question", "reflection", "disclosure", "suggestion"]
TRAIN_PREVALENCE = {"question": 0.25, "reflection": 0.10, "disclosure": 0.06, "suggestion": 0.15}
APPLY_PREVALENCE = {"question": 0.12, "reflection": 0.20, "disclosure": 0.12, "suggestion": 0.05}
SECRET = "quokkazanzibar"


@pytest.fixture(scope="module")
def train() -> pl.DataFrame:
    return with_previous(synthetic_units(THEMES, TRAIN_PREVALENCE, 60, 40, seed=1, study_id="a"))


@pytest.fixture(scope="module")
def fitted(train: pl.DataFrame):
    features = featurize(train)
    labels = train.select(THEMES).to_numpy()
    return features, labels, train_models(features, labels, THEMES, seed=7)


def test_saved_model_holds_no_training_word(train: pl.DataFrame, tmp_path: Path) -> None:
    # A distinctive word in every question: the model leans on it, yet cannot spell it.
    units = train.head(800).with_columns(
        text=pl.when(pl.col("question") == 1)
        .then(pl.col("text") + f" {SECRET}")
        .otherwise(pl.col("text"))
    )
    features = featurize(units)
    models = train_models(features, units.select(THEMES).to_numpy(), THEMES, seed=7)
    path = save_models(models, tmp_path)
    stored = model_file_bytes(path)
    for word in (SECRET, "question07", "w123"):
        assert word.encode() not in stored
        assert word.encode("utf-16-le") not in stored
    assert np.allclose(load_models(path).scores(features), models.scores(features))
    assert path.name == f"autocode-{models.digest}.npz"


def test_training_is_deterministic_under_the_seed(fitted) -> None:
    features, labels, models = fitted
    again = train_models(features, labels, THEMES, seed=7)
    assert again.digest == models.digest
    assert model_coder(models) == f"model:question+reflection+disclosure+suggestion@{models.digest}"


def test_features_use_the_previous_turn_and_the_role() -> None:
    base = {"text": ["same words"], "previous_text": [""], "speaker_role": ["helper"]}
    variants = [
        base,
        {**base, "previous_text": ["how do you feel"]},
        {**base, "speaker_role": ["seeker"]},
    ]
    rows = [featurize(pl.DataFrame(v)).toarray() for v in variants]
    assert not np.allclose(rows[0], rows[1]) and not np.allclose(rows[0], rows[2])


@pytest.mark.parametrize("folds", [2, 5])
def test_folds_never_split_a_transcript(train: pl.DataFrame, folds: int) -> None:
    groups = train["transcript_id"].to_numpy()
    fold = transcript_folds(groups, folds, seed=3)
    per_transcript = (
        pl.DataFrame({"t": groups, "f": fold}).group_by("t").agg(pl.col("f").n_unique())
    )
    assert per_transcript["f"].max() == 1
    assert len(np.unique(fold)) == folds


def test_out_of_fold_scores_come_from_models_without_the_transcript(fitted, train) -> None:
    features, labels, _ = fitted
    groups = train["transcript_id"].to_numpy()
    oof = out_of_fold_scores(features, labels, groups, THEMES, 3, 7)
    fold = transcript_folds(groups, 3, 7)
    for k in range(3):
        held = fold == k
        model = train_models(features[~held], labels[~held], THEMES, seed=7)
        assert np.allclose(oof[held], model.scores(features[held]))
        assert not set(groups[held]) & set(groups[~held])


def test_confusion_rows_match_sklearn() -> None:
    rng = np.random.default_rng(5)
    labels = rng.integers(0, 2, size=(300, 2))
    predicted = np.where(rng.random((300, 2)) < 0.7, labels, 1 - labels)
    groups = np.repeat(np.arange(30), 10)
    rows = confusion_rows(labels, predicted, groups, ["a", "b"], "model:x", "cross_validation")
    for j, row in enumerate(rows.iter_rows(named=True)):
        p, r, f, _ = precision_recall_fscore_support(
            labels[:, j], predicted[:, j], average="binary"
        )
        tn, fp, fn, tp = confusion_matrix(labels[:, j], predicted[:, j]).ravel()
        assert (row["tp"], row["fp"], row["fn"], row["tn"]) == (tp, fp, fn, tn)
        assert row["precision"] == pytest.approx(p) and row["recall"] == pytest.approx(r)
        assert row["f1"] == pytest.approx(f) and row["fpr"] == pytest.approx(fp / (fp + tn))
        assert row["transcripts"] == 30 and row["positives"] == labels[:, j].sum()


def _single(values: list[list[float]]) -> np.ndarray:
    return np.array(values, dtype=float)


@pytest.mark.parametrize(
    ("tp", "fp", "coded", "expected"),
    [
        (80, 10, 30, (0.30 - 0.10) / (0.80 - 0.10)),
        (80, 10, 5, 0.0),  # below the false-positive rate: clipped at 0
        (80, 10, 95, 1.0),  # above the true-positive rate: clipped at 1
    ],
)
def test_adjusted_count_is_the_textbook_formula(tp, fp, coded, expected) -> None:
    # 100 positives and 100 negatives in training; 100 coded units, `coded` of them coded.
    train = TranscriptCounts(
        _single([[100]]), _single([[100]]), _single([[tp]]), _single([[fp]]),
        _single([[70.0]]), _single([[20.0]]),
    )  # fmt: skip
    applied = AppliedCounts(np.array([100.0]), _single([[coded]]), _single([[40.0]]))
    est = corrected_prevalence(train, applied, resamples=200, seed=1, confidence=0.95)
    assert est["acc"][0] == pytest.approx(expected)
    assert est["raw"][0] == pytest.approx(coded / 100)
    assert est["pacc"][0] == pytest.approx((0.40 - 0.20) / (0.70 - 0.20))


def test_bootstrap_interval_matches_an_independent_resampling_loop(fitted, train) -> None:
    features, labels, models = fitted
    groups = train["transcript_id"].to_numpy()
    oof = out_of_fold_scores(features, labels, groups, THEMES, 5, 7)
    apply = with_previous(synthetic_units(THEMES, APPLY_PREVALENCE, 30, 40, seed=2, study_id="b"))
    scores = models.scores(featurize(apply))
    applied_groups = apply["transcript_id"].to_numpy()
    est = corrected_prevalence(
        transcript_counts(labels, oof, groups), applied_counts(scores, applied_groups),
        2000, seed=11, confidence=0.9, method="acc",
    )  # fmt: skip
    rng = np.random.default_rng(99)
    train_ids, apply_ids = np.unique(groups), np.unique(applied_groups)
    draws = []
    for _ in range(2000):
        t = np.concatenate(
            [np.flatnonzero(groups == g) for g in rng.choice(train_ids, len(train_ids))]
        )
        a = np.concatenate(
            [np.flatnonzero(applied_groups == g) for g in rng.choice(apply_ids, len(apply_ids))]
        )
        y, p = labels[t] == 1, oof[t] >= 0.5
        tpr, fpr = (y & p).sum(0) / y.sum(0), (~y & p).sum(0) / (~y).sum(0)
        draws.append(np.clip(((scores[a] >= 0.5).mean(0) - fpr) / (tpr - fpr), 0, 1))
    low, high = np.quantile(draws, [0.05, 0.95], axis=0)
    assert np.allclose(est["ci_low"], low, atol=0.015)
    assert np.allclose(est["ci_high"], high, atol=0.015)


def test_corrected_coverage_recovers_the_known_truth(fitted, train) -> None:
    """The issue's bar on synthetic data: corrected beats raw, lands near truth, covers it."""
    features, labels, models = fitted
    groups = train["transcript_id"].to_numpy()
    oof = out_of_fold_scores(features, labels, groups, THEMES, 5, 7)
    apply = with_previous(synthetic_units(THEMES, APPLY_PREVALENCE, 60, 40, seed=2, study_id="b"))
    truth = apply.select(THEMES).mean().to_numpy()[0]
    est = corrected_prevalence(
        transcript_counts(labels, oof, groups),
        applied_counts(models.scores(featurize(apply)), apply["transcript_id"].to_numpy()),
        1000, seed=3, confidence=0.95,
    )  # fmt: skip
    corrected_error = np.abs(est["corrected"] - truth)
    raw_error = np.abs(est["raw"] - truth)
    assert corrected_error.mean() < raw_error.mean() / 2
    assert corrected_error.max() < 0.03
    assert ((est["ci_low"] <= truth) & (truth <= est["ci_high"])).all()
    assert set(est["method"]) <= {"acc", "pacc"}

"""Cross-validation of the learned coder grouped by transcript, and the rules' own figures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import scipy.sparse as sp
from sklearn.model_selection import GroupKFold

from qualbridge.tasks.coding.autocode import train_models

THRESHOLD = 0.5

VALIDATION = {
    "theme_id": pl.String,
    "coder": pl.String,
    "method": pl.String,  # cross_validation (the model) | rules (codebook rules, no training)
    "units": pl.Int64,
    "transcripts": pl.Int64,
    "positives": pl.Int64,
    "tp": pl.Int64,
    "fp": pl.Int64,
    "fn": pl.Int64,
    "tn": pl.Int64,
    "precision": pl.Float64,
    "recall": pl.Float64,
    "f1": pl.Float64,
    "tpr": pl.Float64,
    "fpr": pl.Float64,
}


def transcript_folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """The fold of each unit: every unit of a transcript lands in the same fold."""
    n_splits = min(folds, len(np.unique(groups)))
    if n_splits < 2:
        raise ValueError("cross-validation needs coded units from at least 2 transcripts")
    fold = np.empty(len(groups), dtype=np.int64)
    splitter = GroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for k, (_, test) in enumerate(splitter.split(np.zeros(len(groups)), groups=groups)):
        fold[test] = k
    return fold


def out_of_fold_scores(
    features: sp.csr_matrix,
    labels: np.ndarray,
    groups: np.ndarray,
    theme_ids: list[str],
    folds: int,
    seed: int,
) -> np.ndarray:
    """Scores of each unit from a model that never saw its transcript (units x themes)."""
    fold = transcript_folds(groups, folds, seed)
    scores = np.zeros(labels.shape, dtype=np.float64)
    for k in np.unique(fold):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        fold_labels = labels[train]
        usable = fold_labels.min(axis=0) != fold_labels.max(axis=0)
        # A theme absent (or everywhere) in a fold's training part scores its prior there.
        scores[np.ix_(test, ~usable)] = fold_labels[:, ~usable].mean(axis=0)
        if usable.any():
            idx = np.flatnonzero(usable)
            models = train_models(
                features[train], fold_labels[:, idx], [theme_ids[j] for j in idx], seed
            )
            scores[np.ix_(test, idx)] = models.scores(features[test])
    return scores


@dataclass(frozen=True)
class TranscriptCounts:
    """Per transcript (rows) and theme (columns): what the validation rates are made of."""

    positives: np.ndarray
    negatives: np.ndarray
    true_pos: np.ndarray
    false_pos: np.ndarray
    score_pos: np.ndarray  # sum of scores over the transcript's positive units
    score_neg: np.ndarray


def transcript_counts(
    labels: np.ndarray, scores: np.ndarray, groups: np.ndarray
) -> TranscriptCounts:
    """Sum the cross-validated outcomes per transcript, for bootstrapping over transcripts."""
    _, index = np.unique(groups, return_inverse=True)
    predicted = scores >= THRESHOLD
    pos, neg = labels == 1, labels == 0

    def per_transcript(values: np.ndarray) -> np.ndarray:
        out = np.zeros((index.max() + 1, values.shape[1]))
        np.add.at(out, index, values)
        return out

    return TranscriptCounts(
        per_transcript(pos.astype(float)),
        per_transcript(neg.astype(float)),
        per_transcript((pos & predicted).astype(float)),
        per_transcript((neg & predicted).astype(float)),
        per_transcript(np.where(pos, scores, 0.0)),
        per_transcript(np.where(neg, scores, 0.0)),
    )


def _ratio(num: float, den: float) -> float | None:
    return float(num / den) if den else None


def confusion_rows(
    labels: np.ndarray,
    predicted: np.ndarray,
    groups: np.ndarray,
    theme_ids: list[str],
    coder: str,
    method: str,
) -> pl.DataFrame:
    """Precision, recall, F1, TPR and FPR of 0/1 codes against the manual ones, per theme."""
    rows = []
    for j, theme_id in enumerate(theme_ids):
        y, p = labels[:, j] == 1, predicted[:, j] == 1
        tp, fp = int((y & p).sum()), int((~y & p).sum())
        fn, tn = int((y & ~p).sum()), int((~y & ~p).sum())
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        rows.append(
            {
                "theme_id": theme_id,
                "coder": coder,
                "method": method,
                "units": len(y),
                "transcripts": len(np.unique(groups)),
                "positives": int(y.sum()),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "tn": tn,
                "precision": precision,
                "recall": recall,
                "f1": _ratio(2 * tp, 2 * tp + fp + fn),
                "tpr": recall,
                "fpr": _ratio(fp, fp + tn),
            }
        )
    return pl.DataFrame(rows, schema=VALIDATION, orient="row")

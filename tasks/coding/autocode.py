"""Learned auto-coding: hashed n-gram features and linear classifiers over them.

Themes that never share a unit (exclusive) get one multinomial model over the themes and a "no
theme" class; otherwise each theme gets its own binary model.

The features are hashed, so neither the featurizer nor the saved model holds a vocabulary:
no word of a transcript can be read back out of the model file.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import polars as pl
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

# Bits of each hashed feature block: words of the utterance, its characters, the previous
# utterance's words and the speaker role.
WORD_BITS, CHAR_BITS, PREVIOUS_BITS, ROLE_BITS = 18, 18, 16, 6
PREVIOUS_WEIGHT = 0.5
REGULARISATION_C = 4.0
EXCLUSIVE_ITERATIONS = 100
EXCLUSIVE_TOLERANCE = 1e-3
# Logit of a class no training unit has: its probability is nil.
ABSENT_CLASS_LOGIT = -50.0
MODEL_FORMAT = "qualbridge-autocode-2"
THRESHOLD = 0.5


def _hashing(analyzer: str, ngrams: tuple[int, int], bits: int) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        n_features=2**bits,
        alternate_sign=False,
        lowercase=True,
        norm="l2",
        dtype=np.float64,
    )


def featurize(units: pl.DataFrame) -> sp.csr_matrix:
    """Hashed features of each unit: its words (1-2 grams), characters (2-5), previous turn, role.

    `units` has columns text, previous_text and speaker_role.
    """
    texts = units["text"].to_list()
    blocks = [
        _hashing("word", (1, 2), WORD_BITS).transform(texts),
        _hashing("char_wb", (2, 5), CHAR_BITS).transform(texts),
        _hashing("word", (1, 1), PREVIOUS_BITS).transform(units["previous_text"].to_list())
        * PREVIOUS_WEIGHT,
        _hashing("word", (1, 1), ROLE_BITS).transform(
            ["role_" + role for role in units["speaker_role"].to_list()]
        ),
    ]
    return sp.hstack(blocks, format="csr", dtype=np.float64)


def with_previous(utterances: pl.DataFrame) -> pl.DataFrame:
    """Add each utterance's previous utterance in its transcript ('' for the first)."""
    return utterances.sort("transcript_id", "seq").with_columns(
        previous_text=pl.col("text").shift(1).over("transcript_id").fill_null("")
    )


def fit_theme(features: sp.csr_matrix, labels: np.ndarray, seed: int) -> LogisticRegression:
    """A class-weighted logistic regression for one theme (deterministic under the seed)."""
    model = LogisticRegression(
        solver="liblinear",
        dual=True,  # far faster than the primal when features outnumber units, as here
        C=REGULARISATION_C,
        class_weight="balanced",
        random_state=seed,
        max_iter=1000,
    )
    return model.fit(features, labels)


def fit_exclusive(
    features: sp.csr_matrix, classes: np.ndarray, n_classes: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (one softmax over the classes): weights and intercepts.

    Unweighted, so its probabilities estimate the training shares as prior adjustment needs.
    SAGA updates sparse rows lazily: far faster than L-BFGS over hashed features.
    """
    model = LogisticRegression(
        C=REGULARISATION_C,
        solver="saga",
        tol=EXCLUSIVE_TOLERANCE,
        max_iter=EXCLUSIVE_ITERATIONS,
        random_state=seed,
    )
    with warnings.catch_warnings():
        # Stopping at max_iter is the time bound, not a failure.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(features, classes)
    coef = np.zeros((n_classes, features.shape[1]))
    intercepts = np.full(n_classes, ABSENT_CLASS_LOGIT)
    present = model.classes_
    if len(present) == 2:  # sklearn keeps one row for two classes: the second's log-odds
        coef[present[1]], intercepts[present] = model.coef_[0], [0.0, model.intercept_[0]]
        intercepts[present[0]] = 0.0
    else:
        coef[present], intercepts[present] = model.coef_, model.intercept_
    return coef, intercepts


def exclusive_classes(labels: np.ndarray) -> np.ndarray | None:
    """Each unit's theme column, or the extra "no theme" class (= number of themes); None
    when some unit carries two themes (the themes are not exclusive)."""
    if labels.size and labels.sum(axis=1).max() > 1:
        return None
    none = labels.shape[1]
    return cast(np.ndarray, np.where(labels.sum(axis=1) == 1, labels.argmax(axis=1), none))


@dataclass(frozen=True)
class ThemeModels:
    """Linear weights over the hashed features: no vocabulary, no text.

    Binary: one row per theme, a sigmoid each. Exclusive: one row per theme plus, last, a row
    for "no theme", one softmax over all rows (logits divided by the calibrated temperature).
    """

    theme_ids: tuple[str, ...]
    weights: sp.csr_matrix  # rows x features
    intercepts: np.ndarray
    exclusive: bool = False
    temperature: float = 1.0

    def class_scores(self, features: sp.csr_matrix) -> np.ndarray:
        """Exclusive: probability of each class, "no theme" last (units x themes + 1)."""
        logits = np.asarray((features @ self.weights.T).todense()) + self.intercepts
        return softmax(logits / self.temperature)

    def scores(self, features: sp.csr_matrix) -> np.ndarray:
        """Probability of each theme for each unit (units x themes)."""
        if self.exclusive:
            return self.class_scores(features)[:, : len(self.theme_ids)]
        logits = np.asarray((features @ self.weights.T).todense()) + self.intercepts
        return cast(np.ndarray, 1.0 / (1.0 + np.exp(-logits)))

    def codes(self, scores: np.ndarray) -> np.ndarray:
        """0/1 codes from theme scores: the likeliest class if exclusive, else score >= 0.5."""
        return predicted_codes(scores, self.exclusive)

    @property
    def digest(self) -> str:
        """Twelve hex digits identifying the weights and themes."""
        h = hashlib.sha256(json.dumps([self.theme_ids, self.exclusive]).encode())
        for part in (self.weights.data, self.weights.indices, self.weights.indptr, self.intercepts):
            h.update(np.ascontiguousarray(part).tobytes())
        h.update(np.float64(self.temperature).tobytes())
        return h.hexdigest()[:12]


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large logits."""
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return cast(np.ndarray, z / z.sum(axis=1, keepdims=True))


def predicted_codes(scores: np.ndarray, exclusive: bool) -> np.ndarray:
    """0/1 codes: exclusive themes code the likeliest class (none if "no theme" wins)."""
    if not exclusive:
        return (scores >= THRESHOLD).astype(np.int8)
    rest = 1.0 - scores.sum(axis=1)  # the "no theme" probability
    best = scores.argmax(axis=1)
    won = scores[np.arange(len(scores)), best] > rest if len(scores) else np.zeros(0, bool)
    codes = np.zeros(scores.shape, dtype=np.int8)
    codes[np.flatnonzero(won), best[won]] = 1
    return codes


def train_models(
    features: sp.csr_matrix,
    labels: np.ndarray,
    theme_ids: list[str],
    seed: int,
    exclusive: bool = False,
) -> ThemeModels:
    """Binary: one classifier per theme column of `labels` (units x themes, 0/1). Exclusive:
    one multinomial model over the themes and "no theme" (labels must be exclusive)."""
    if exclusive:
        return _train_exclusive(features, labels, theme_ids, seed)
    fitted = [fit_theme(features, labels[:, j], seed) for j in range(len(theme_ids))]
    weights = sp.csr_matrix(np.vstack([m.coef_[0] for m in fitted]))
    intercepts = np.array([m.intercept_[0] for m in fitted])
    return ThemeModels(tuple(theme_ids), weights, intercepts)


def _train_exclusive(
    features: sp.csr_matrix, labels: np.ndarray, theme_ids: list[str], seed: int
) -> ThemeModels:
    classes = exclusive_classes(labels)
    if classes is None:
        raise ValueError("exclusive training needs at most one theme per unit")
    coef, intercepts = fit_exclusive(features, classes, len(theme_ids) + 1, seed)
    return ThemeModels(tuple(theme_ids), sp.csr_matrix(coef), intercepts, exclusive=True)


def model_coder(models: ThemeModels) -> str:
    """The coder recorded for this model's codings: model:<theme set>@<hash>."""
    return f"model:{'+'.join(models.theme_ids)}@{models.digest}"


def save_models(models: ThemeModels, folder: Path) -> Path:
    """Write the weights (numbers only) to <folder>/autocode-<hash>.npz; return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autocode-{models.digest}.npz"
    w = models.weights
    np.savez_compressed(
        path,
        format=np.array(MODEL_FORMAT),
        theme_ids=np.array(models.theme_ids),
        data=w.data,
        indices=w.indices,
        indptr=w.indptr,
        shape=np.array(w.shape),
        intercepts=models.intercepts,
        exclusive=np.array(models.exclusive),
        temperature=np.array(models.temperature),
    )
    return path


def load_models(path: Path) -> ThemeModels:
    """Read weights written by save_models (plain arrays; no pickled objects are loaded)."""
    with np.load(path, allow_pickle=False) as z:
        if str(z["format"]) != MODEL_FORMAT:
            raise ValueError(f"{path.name}: not a qualbridge auto-coding model")
        weights = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        return ThemeModels(
            tuple(str(t) for t in z["theme_ids"]),
            weights,
            z["intercepts"],
            bool(z["exclusive"]),
            float(z["temperature"]),
        )


def model_file_bytes(path: Path) -> bytes:
    """Every byte stored in a model file, decompressed (to check that it holds no text)."""
    with zipfile.ZipFile(path) as z:
        out = io.BytesIO()
        for name in z.namelist():
            out.write(z.read(name))
        return path.read_bytes() + out.getvalue()

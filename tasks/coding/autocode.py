"""Learned auto-coding: hashed n-gram features and one linear classifier per theme.

The features are hashed, so neither the featurizer nor the saved model holds a vocabulary:
no word of a transcript can be read back out of the model file.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import polars as pl
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

# Bits of each hashed feature block: words of the utterance, its characters, the previous
# utterance's words and the speaker role.
WORD_BITS, CHAR_BITS, PREVIOUS_BITS, ROLE_BITS = 18, 18, 16, 6
PREVIOUS_WEIGHT = 0.5
REGULARISATION_C = 4.0
MODEL_FORMAT = "qualbridge-autocode-1"


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


@dataclass(frozen=True)
class ThemeModels:
    """Linear weights per theme over the hashed features: no vocabulary, no text."""

    theme_ids: tuple[str, ...]
    weights: sp.csr_matrix  # themes x features
    intercepts: np.ndarray

    def scores(self, features: sp.csr_matrix) -> np.ndarray:
        """Probability of each theme for each unit (units x themes)."""
        logits = np.asarray((features @ self.weights.T).todense()) + self.intercepts
        return cast(np.ndarray, 1.0 / (1.0 + np.exp(-logits)))

    @property
    def digest(self) -> str:
        """Twelve hex digits identifying the weights and themes."""
        h = hashlib.sha256(json.dumps(self.theme_ids).encode())
        for part in (self.weights.data, self.weights.indices, self.weights.indptr, self.intercepts):
            h.update(np.ascontiguousarray(part).tobytes())
        return h.hexdigest()[:12]


def train_models(
    features: sp.csr_matrix, labels: np.ndarray, theme_ids: list[str], seed: int
) -> ThemeModels:
    """One classifier per theme column of `labels` (units x themes, 0/1)."""
    fitted = [fit_theme(features, labels[:, j], seed) for j in range(len(theme_ids))]
    weights = sp.csr_matrix(np.vstack([m.coef_[0] for m in fitted]))
    intercepts = np.array([m.intercept_[0] for m in fitted])
    return ThemeModels(tuple(theme_ids), weights, intercepts)


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
    )
    return path


def load_models(path: Path) -> ThemeModels:
    """Read weights written by save_models (plain arrays; no pickled objects are loaded)."""
    with np.load(path, allow_pickle=False) as z:
        if str(z["format"]) != MODEL_FORMAT:
            raise ValueError(f"{path.name}: not a qualbridge auto-coding model")
        weights = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        return ThemeModels(tuple(str(t) for t in z["theme_ids"]), weights, z["intercepts"])


def model_file_bytes(path: Path) -> bytes:
    """Every byte stored in a model file, decompressed (to check that it holds no text)."""
    with zipfile.ZipFile(path) as z:
        out = io.BytesIO()
        for name in z.namelist():
            out.write(z.read(name))
        return path.read_bytes() + out.getvalue()

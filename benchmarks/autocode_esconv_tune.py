"""Tuning signal for the ESConv bar from the training split alone: the bar simulated inside it.

Splits the training split's dialogues at random into halves, trains on one half (with its own
grouped cross-validation, as the pipeline does) and applies the model to the other half, whose
codes stand in for the withheld truth. Repeated, it gives each estimator's mean absolute error
on the eight strategies: the figure every choice of features, model and estimator is made on.
The apply split is never read.

    python benchmarks/autocode_esconv_tune.py --data DIR [--train dev] [--repeats 8]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from autocode_esconv import read_split

from qualbridge.tasks.coding.autocode import featurize, train_models
from qualbridge.tasks.coding.autocode_exclusive import (
    calibrated,
    choose_method,
    exclusive_inputs,
    exclusive_prevalence,
    out_of_fold_classes,
)
from qualbridge.tasks.coding.autocode_quantify import EXCLUSIVE_METHODS

RESAMPLES = 200


def simulated_errors(train: pl.DataFrame, themes: list[str], seed: int) -> dict[str, np.ndarray]:
    """Absolute error per strategy of each estimator on one random half/half dialogue split,
    and whether each interval (interval:<method>) holds the half's truth."""
    rng = np.random.default_rng(seed)
    dialogues = np.array(sorted(train["transcript_id"].unique()))
    half = rng.permutation(dialogues)[: len(dialogues) // 2].tolist()
    in_a = train["transcript_id"].is_in(half).to_numpy()
    part_a, part_b = train.filter(in_a), train.filter(~in_a)
    labels = np.column_stack([(part_a["strategy"] == t).to_numpy() for t in themes]).astype(int)
    truth = np.array([(part_b["strategy"] == t).mean() for t in themes])
    groups = part_a["transcript_id"].to_numpy()
    features = featurize(part_a)
    fit = out_of_fold_classes(features, labels, groups, 5, seed)
    models = calibrated(train_models(features, labels, themes, seed, exclusive=True), fit)
    trained, applied = exclusive_inputs(
        fit, groups, models, featurize(part_b), part_b["transcript_id"].to_numpy()
    )
    out: dict[str, np.ndarray] = {"prior": labels.mean(axis=0)}
    for method in EXCLUSIVE_METHODS:
        est = exclusive_prevalence(trained, applied, method, RESAMPLES, seed, 0.95)
        out |= {m: est[m] for m in ("raw", "pcc", method)}
        out[f"interval:{method}"] = (est["ci_low"] <= truth) & (truth <= est["ci_high"])
    cv = choose_method(fit, groups, seed)
    out["cv_choice"] = out[min(cv, key=cv.__getitem__)]
    return {m: v if m.startswith("interval:") else np.abs(v - truth) for m, v in out.items()}


def main() -> None:
    """Print each estimator's simulated-bar MAE, max error and within-0.03 count."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--train", default="dev")
    parser.add_argument("--repeats", type=int, default=8)
    args = parser.parse_args()
    train = read_split(args.data / f"{args.train}WithStrategy_short.tsv", args.train)
    themes = sorted(train["strategy"].unique())
    runs = [simulated_errors(train, themes, 100 + r) for r in range(args.repeats)]
    summary = {
        m: round(float(np.mean([r[m].sum() for r in runs])), 2)  # intervals holding the truth
        if m.startswith("interval:")
        else {
            "mae": round(float(np.mean([r[m].mean() for r in runs])), 4),
            "mae_sd": round(float(np.std([r[m].mean() for r in runs])), 4),
            "max": round(float(np.mean([r[m].max() for r in runs])), 4),
            "within_0_03": round(float(np.mean([(r[m] <= 0.03).sum() for r in runs])), 2),
        }
        for m in runs[0]
    }
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()

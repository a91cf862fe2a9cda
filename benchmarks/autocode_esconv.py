"""The issue's bar on a public chat corpus: ESConv's eight helper strategies.

Trains on the supporter turns of one split (their strategy labels are the manual codes) and
applies the model to another split whose labels are withheld, then compares the corrected
coverage of each strategy with the withheld truth. ESConv (CC BY-NC 4.0, academic use) is not
shipped: point --data at a folder holding the `*WithStrategy_short.tsv` files of the ESConv
repository's codes/dataset folder. Each line of those files is one supporter turn with its
preceding turns, separated by ' EOS '; a turn reads '<emotion> <speaker> <turn> [<strategy>] text'.

    python benchmarks/autocode_esconv.py --data DIR [--train dev] [--apply test]
        [--resamples 1000] [--path auto|binary|exclusive] [--out FILE]

ESConv's strategies are exclusive (one per turn), so `auto` takes the exclusive path: one
multinomial model, the estimator chosen by cross-validation inside the training split.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

from qualbridge.tasks.coding.autocode import (
    exclusive_classes,
    featurize,
    predicted_codes,
    train_models,
)
from qualbridge.tasks.coding.autocode_exclusive import (
    calibrated,
    choose_method,
    exclusive_inputs,
    exclusive_prevalence,
    out_of_fold_classes,
)
from qualbridge.tasks.coding.autocode_prevalence import applied_counts, corrected_prevalence
from qualbridge.tasks.coding.autocode_validation import (
    confusion_rows,
    out_of_fold_scores,
    transcript_counts,
)

TURN = re.compile(r"^\s*([0-9.]+) ([01]) (\d+) (?:\[([^\]]+)\] )?(.*)$", re.S)
DEFAULT_OUT = Path("out/bench/autocode_esconv.json")


def read_split(path: Path, split: str) -> pl.DataFrame:
    """Supporter turns with their strategy and previous turn; a new dialogue when turns restart."""
    rows, dialogue, last_turn = [], 0, None
    for line in path.read_text(encoding="utf-8").splitlines():
        turns = [TURN.match(t) for t in line.split(" EOS ")]
        if not turns or turns[-1] is None or turns[-1].group(4) is None:
            continue
        number = int(turns[-1].group(3))
        if last_turn is not None and number <= last_turn:
            dialogue += 1
        last_turn = number
        previous = turns[-2].group(5).strip() if len(turns) > 1 and turns[-2] else ""
        rows.append(
            {
                "transcript_id": f"{split}:{dialogue:04d}",
                "seq": number,
                "speaker_role": "supporter",
                "text": turns[-1].group(5).strip(),
                "previous_text": previous,
                "strategy": turns[-1].group(4),
            }
        )
    return pl.DataFrame(rows)


def main() -> None:
    """Train on one split, apply to the other, print the errors against the withheld truth."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--train", default="dev")
    parser.add_argument("--apply", default="test")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--path", choices=["auto", "binary", "exclusive"], default="auto")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    files = {s: args.data / f"{s}WithStrategy_short.tsv" for s in (args.train, args.apply)}
    if missing := [str(p) for p in files.values() if not p.is_file()]:
        sys.exit(f"missing {missing}")
    train, apply = (read_split(files[s], s) for s in (args.train, args.apply))
    themes = sorted(train["strategy"].unique())
    labels = np.column_stack([(train["strategy"] == t).to_numpy() for t in themes]).astype(int)
    truth = np.array([(apply["strategy"] == t).mean() for t in themes])
    groups = train["transcript_id"].to_numpy()
    exclusive = args.path == "exclusive" or (
        args.path == "auto" and exclusive_classes(labels) is not None
    )
    start = time.perf_counter()
    features = featurize(train)
    models = train_models(features, labels, themes, 7, exclusive=exclusive)
    extra = {}
    if exclusive:
        fit = out_of_fold_classes(features, labels, groups, 5, 7)
        cv_errors = choose_method(fit, groups, 7)
        fitted = time.perf_counter() - start
        method = min(cv_errors, key=cv_errors.__getitem__)
        trained, applied = exclusive_inputs(
            fit, groups, calibrated(models, fit), featurize(apply),
            apply["transcript_id"].to_numpy(),
        )  # fmt: skip
        est = exclusive_prevalence(trained, applied, method, args.resamples, 3, 0.95)
        oof = fit.probs[:, : len(themes)]
        extra = {"cv_mae_by_method": {m: round(e, 4) for m, e in cv_errors.items()}}
    else:
        oof = out_of_fold_scores(features, labels, groups, themes, 5, 7)
        fitted = time.perf_counter() - start
        scores = models.scores(featurize(apply))  # the apply split's labels are never used here
        est = corrected_prevalence(
            transcript_counts(labels, oof, groups),
            applied_counts(scores, apply["transcript_id"].to_numpy()),
            args.resamples,
            3,
            0.95,
        )
    validation = confusion_rows(
        labels, predicted_codes(oof, exclusive), groups, themes, "model", "cv"
    )
    error = np.abs(est["corrected"] - truth)
    per_theme = [
        {
            "strategy": t,
            "truth": round(float(truth[j]), 4),
            "raw": round(float(est["raw"][j]), 4),
            "corrected": round(float(est["corrected"][j]), 4),
            "ci": [round(float(est["ci_low"][j]), 4), round(float(est["ci_high"][j]), 4)],
            "method": str(est["method"][j]),
            "cv_f1": round(validation["f1"][j], 3),
        }
        for j, t in enumerate(themes)
    ]
    result = {
        "train": {"split": args.train, "turns": train.height, "dialogues": len(set(groups))},
        "apply": {"split": args.apply, "turns": apply.height},
        "path": "exclusive" if exclusive else "binary",
        **extra,
        "train_plus_cv_seconds": round(fitted, 2),
        "corrected_mae": round(float(error.mean()), 4),
        "corrected_max_error": round(float(error.max()), 4),
        "raw_mae": round(float(np.abs(est["raw"] - truth).mean()), 4),
        # The training split's own shares as the estimate: what a coder that learnt nothing
        # would score when the two splits barely differ.
        "training_shares_mae": round(float(np.abs(labels.mean(axis=0) - truth).mean()), 4),
        "within_0_03": int((error <= 0.03).sum()),
        "intervals_holding_truth": int(
            ((est["ci_low"] <= truth) & (truth <= est["ci_high"])).sum()
        ),
        "strategies": per_theme,
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()

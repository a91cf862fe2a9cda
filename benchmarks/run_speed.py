"""A whole `qualbridge run` with default settings against a raw spaCy pass over the same texts.

The corpus is generated (benchmarks/chat_corpus.py): two studies of chat utterance tables with
planted identifiers, about 38,000 utterances and 630,000 words at --scale 1. The run is the
installed console script in a fresh process on a fresh output folder, every stage included
(ingest, de-identification, warehouse, quality gates, coding, comparison, audit, report).
The raw spaCy pass is a fresh process too: the same model with the parser excluded, `nlp.pipe`
over every utterance text with --processes worker processes (default 2). The goal: the whole run
takes no more time than the spaCy pass (ratio <= 1). Wall time is the goal's measure; CPU
seconds (user + system, children included) are printed too.

    python benchmarks/run_speed.py [--scale S] [--seed N] [--processes N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
import time
from pathlib import Path

from chat_corpus import write_corpus
from deid_process import BENCH_KEY, console_script
from process_timing import ProcessTime, timed_process

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("out/bench/run_corpus")
DEFAULT_OUT = Path("out/bench/run_speed.json")
GOAL_RATIO = 1.0


def corpus_ready(folder: Path, scale: float, seed: int) -> dict[str, object]:
    """The corpus under folder, written anew unless one of the same scale and seed is there."""
    stamp = folder / "corpus.json"
    if stamp.is_file():
        size = json.loads(stamp.read_text(encoding="utf-8"))
        if (size["scale"], size["seed"]) == (scale, seed):
            return size
    shutil.rmtree(folder, ignore_errors=True)
    return write_corpus(folder, scale, seed)


def corpus_texts(folder: Path) -> list[str]:
    """Every utterance text of the corpus's tables."""
    texts: list[str] = []
    for table in sorted((folder / "data").glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    return texts


def spacy_pass(folder: Path, processes: int) -> int:
    """In a child process: load the model without the parser and pipe every text through it."""
    started = time.perf_counter()
    import spacy

    from qualbridge.schemas.config import DeidConfig
    from qualbridge.tasks.deid.nlp import EXCLUDED_PIPES

    texts = corpus_texts(folder)
    nlp = spacy.load(DeidConfig().spacy_model, exclude=list(EXCLUDED_PIPES))
    loaded = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=processes))
    done = time.perf_counter()
    timing = {"load_s": round(loaded - started, 3), "pipe_s": round(done - loaded, 3)}
    print(json.dumps({**timing, "texts": len(texts), "entities": entities}), file=sys.stderr)
    return 0


def time_run(folder: Path) -> ProcessTime:
    """`qualbridge run` on the corpus with default settings, into a fresh output folder."""
    shutil.rmtree(folder / "out", ignore_errors=True)
    env = {**os.environ, "QUALBRIDGE_KEY": BENCH_KEY}
    command = [console_script(), "run", "consortium.yaml", "--out", "out"]
    timing = timed_process(command, stdout=folder / "run.log", env=env, cwd=folder)
    with (folder / "run.log").open("a", encoding="utf-8") as log:
        log.write(timing.stderr)  # the run reports on stderr; keep its last lines to read
    # 3 means a quality gate held the release back; every stage still ran.
    if timing.returncode not in (0, 3):
        raise SystemExit(f"qualbridge run failed (exit {timing.returncode}):\n{timing.stderr}")
    return timing


def time_spacy(folder: Path, processes: int) -> tuple[ProcessTime, dict[str, float]]:
    """The raw spaCy pass as a whole process, and its own load and pipe seconds."""
    command = [sys.executable, str(Path(__file__).resolve()), "--spacy-pass", str(folder)]
    timing = timed_process([*command, "--processes", str(processes)])
    if timing.returncode != 0:
        raise SystemExit(f"the spaCy pass failed:\n{timing.stderr}")
    return timing, json.loads(timing.stderr.strip().splitlines()[-1])


def deid_processes_note() -> str:
    """What the default config does with the machine's cores during de-identification."""
    from qualbridge.schemas.config import DeidConfig

    processes = DeidConfig().worker_processes(transcripts=10**6)
    return (
        f"de-identification uses {processes} process(es) by default for a large study"
        f" on this {os.cpu_count()}-CPU machine"
    )


def print_result(result: dict) -> None:
    """Both times, the ratios against the goal, and the note on processes."""
    run, spacy_ = result["run"], result["spacy"]
    print(f"\n{'':<46} {'wall s':>8} {'CPU s':>8}")
    print(f"{'qualbridge run, default settings (exit ' + str(run['returncode']) + ')':<46}", end="")
    print(f" {run['wall_s']:>8.2f} {run['cpu_s']:>8.2f}")
    label = f"raw spaCy, no parser, {result['processes']} processes"
    print(f"{label:<46} {spacy_['wall_s']:>8.2f} {spacy_['cpu_s']:>8.2f}")
    print(f"{'  of which nlp.pipe alone':<46} {spacy_['pipe_s']:>8.2f}")
    verdict = "PASS" if result["ratio_wall"] <= GOAL_RATIO else "FAIL"
    print(f"\nrun / spaCy pass, wall (goal <= {GOAL_RATIO}): {result['ratio_wall']} {verdict}")
    print(f"run / spaCy pass, CPU seconds:        {result['ratio_cpu']}")
    print(f"run / nlp.pipe alone, wall:           {result['ratio_wall_vs_pipe']}")
    print(result["note"])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 38,000 utterances")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=2, help="spaCy worker processes")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the fastest counts")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--spacy-pass", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale <= 0 or min(args.processes, args.repeat) < 1:
        parser.error("--scale must be positive, --processes and --repeat at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Write or reuse the corpus, time both in alternating rounds, print and write the JSON."""
    args = parse_args(argv)
    if args.spacy_pass is not None:
        return spacy_pass(args.spacy_pass, args.processes)
    folder = args.corpus if args.corpus.is_absolute() else REPO_ROOT / args.corpus
    size = corpus_ready(folder, args.scale, args.seed)
    print(
        f"corpus: {size['utterances']:,} utterances, {size['words']:,} words (scale"
        f" {args.scale}); {os.cpu_count()} CPUs; {args.repeat} round(s)",
        flush=True,
    )
    runs, passes = [], []
    for number in range(1, args.repeat + 1):
        print(f"round {number}: qualbridge run ...", flush=True)
        runs.append(time_run(folder))
        print(f"round {number}: raw spaCy pass ...", flush=True)
        passes.append(time_spacy(folder, args.processes))
    run = min(runs, key=lambda t: t.wall_s)
    spacy_time, spacy_detail = min(passes, key=lambda p: p[0].wall_s)
    result = {
        "corpus": size,
        "processes": args.processes,
        "run": {"wall_s": run.wall_s, "cpu_s": run.cpu_s, "returncode": run.returncode},
        "spacy": {"wall_s": spacy_time.wall_s, "cpu_s": spacy_time.cpu_s, **spacy_detail},
        "ratio_wall": round(run.wall_s / spacy_time.wall_s, 2),
        "ratio_cpu": round(run.cpu_s / spacy_time.cpu_s, 2),
        "ratio_wall_vs_pipe": round(run.wall_s / spacy_detail["pipe_s"], 2),
        "note": deid_processes_note(),
    }
    print_result(result)
    out = args.out if args.out.is_absolute() else REPO_ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

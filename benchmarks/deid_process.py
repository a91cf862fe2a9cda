"""`qualbridge deid-text` as a whole process against vanilla Presidio, on PriMock57 utterances.

Both run as a user would: a fresh process reading JSONL on stdin and writing JSONL, start-up
(interpreter, model and lexicons) included. qualbridge is the installed console script;
vanilla Presidio is benchmarks/presidio_stdin.py (analyze + anonymize per utterance, default
recognizers, the same spaCy model). Start-up is `qualbridge deid-text` on one utterance. Rounds
interleave the variants and the fastest round of each counts (other load only slows a round).
Wall time is the goal's measure; CPU seconds (user + system, children included) are printed too,
since on a shared machine they are what other users' load cannot stretch, with the load average.
deid-text uses every core on input longer than one block, so its wall time gains only where
cores are idle.

    python benchmarks/deid_process.py [--data DIR] [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from deid_variants import consultations
from process_timing import ProcessTime, timed_process

REPO_ROOT = Path(__file__).resolve().parents[1]
PRESIDIO_SCRIPT = Path(__file__).resolve().with_name("presidio_stdin.py")
DATA_ENV = "QUALBRIDGE_PRIMOCK57"
DEFAULT_DATA = Path("../shared/data/primock57")
WORK = Path("out/bench/deid_process")
BENCH_KEY = "benchmark-key-not-a-secret-0000"
GOAL_RATIO = 3.0
GOAL_STARTUP_S = 2.0


def console_script() -> str:
    """The installed `qualbridge` beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("qualbridge")
    found = str(beside) if beside.exists() else shutil.which("qualbridge")
    if found is None:
        raise SystemExit("the qualbridge console script is not installed (pip install -e .)")
    return found


def write_utterances(transcripts: list[list[str]], path: Path) -> tuple[int, int]:
    """Every utterance as one JSONL line {"id", "text"}; return (utterances, words)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = words = 0
    with path.open("w", encoding="utf-8") as handle:
        for texts in transcripts:
            for text in texts:
                count += 1
                words += len(text.split())
                handle.write(json.dumps({"id": count, "text": text}) + "\n")
    return count, words


def _round(work: Path, env: dict[str, str]) -> dict[str, ProcessTime]:
    """One round: start-up, the whole qualbridge run, the whole Presidio run."""
    qualbridge = [console_script(), "deid-text"]
    presidio = [sys.executable, str(PRESIDIO_SCRIPT)]
    found = {
        "qualbridge_startup": timed_process(qualbridge, stdin=work / "one.jsonl", env=env),
        "qualbridge": timed_process(
            qualbridge, stdin=work / "all.jsonl", stdout=work / "qb.jsonl", env=env
        ),
        "presidio": timed_process(
            presidio, stdin=work / "all.jsonl", stdout=work / "vp.jsonl", env=env
        ),
    }
    for name, timing in found.items():
        if timing.returncode != 0:
            raise SystemExit(f"{name} failed (exit {timing.returncode}):\n{timing.stderr}")
    return found


def measure(transcripts: list[list[str]], repeat: int) -> dict[str, object]:
    """Run the rounds; return the fastest wall and CPU time of each variant, and the ratios."""
    work = REPO_ROOT / WORK
    utterances, words = write_utterances(transcripts, work / "all.jsonl")
    first = (work / "all.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (work / "one.jsonl").write_text(first + "\n", encoding="utf-8")
    env = {**os.environ, "QUALBRIDGE_KEY": BENCH_KEY}
    load_before = os.getloadavg()[0]
    rounds = []
    for number in range(1, repeat + 1):
        print(f"whole-process round {number}: deid-text start-up, deid-text, Presidio", flush=True)
        rounds.append(_round(work, env))
    best = {
        name: {
            "wall_s": min(r[name].wall_s for r in rounds),
            "cpu_s": min(r[name].cpu_s for r in rounds),
        }
        for name in rounds[0]
    }
    presidio_run = min(json.loads(r["presidio"].stderr.splitlines()[-1])["run_s"] for r in rounds)
    qb, vp = best["qualbridge"], best["presidio"]
    return {
        "utterances": utterances,
        "words": words,
        "best": best,
        "presidio_run_only_s": presidio_run,
        "ratio_wall": round(vp["wall_s"] / qb["wall_s"], 2),
        "ratio_cpu": round(vp["cpu_s"] / qb["cpu_s"], 2),
        "ratio_presidio_run_only_vs_qualbridge_whole": round(presidio_run / qb["wall_s"], 2),
        "startup_s": best["qualbridge_startup"]["wall_s"],
        # Wall ratios mean little on a machine busier than its cores: CPU seconds hold better.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "rounds": [{k: asdict(v) | {"stderr": ""} for k, v in r.items()} for r in rounds],
    }


def print_result(result: dict[str, object]) -> None:
    """The side-by-side table, the ratios against the goals and the start-up time."""
    best: dict[str, dict[str, float]] = result["best"]  # type: ignore[assignment]
    print(f"\n{'whole process':<44} {'wall s':>8} {'CPU s':>8}")
    labels = {
        "qualbridge_startup": "qualbridge deid-text, one utterance",
        "qualbridge": f"qualbridge deid-text, {result['utterances']:,} utterances",
        "presidio": f"vanilla Presidio, {result['utterances']:,} utterances",
    }
    for name, label in labels.items():
        print(f"{label:<44} {best[name]['wall_s']:>8.2f} {best[name]['cpu_s']:>8.2f}")
    print(f"{'vanilla Presidio, processing alone':<44} {result['presidio_run_only_s']:>8.2f}")
    print()
    verdict = "PASS" if result["ratio_wall"] >= GOAL_RATIO else "FAIL"  # type: ignore[operator]
    print(f"Presidio / deid-text, wall (goal >= {GOAL_RATIO}x): {result['ratio_wall']}x {verdict}")
    print(f"Presidio / deid-text, CPU seconds:              {result['ratio_cpu']}x")
    print(
        "Presidio processing alone / deid-text whole:   "
        f"{result['ratio_presidio_run_only_vs_qualbridge_whole']}x"
    )
    load: list[float] = result["load_average"]  # type: ignore[assignment]
    cores = os.cpu_count()
    print(f"Load average (1 min) before / after:           {load[0]} / {load[1]}, {cores} cores")
    startup = result["startup_s"]
    verdict = "PASS" if startup < GOAL_STARTUP_S else "FAIL"  # type: ignore[operator]
    print(f"deid-text start-up (goal < {GOAL_STARTUP_S} s):           {startup} s {verdict}")


def data_folder(given: Path) -> Path | None:
    """The PriMock57 folder (relative to the repository root), or None when it is absent."""
    data = given if given.is_absolute() else REPO_ROOT / given
    return data if any((data / "transcripts").glob("*.TextGrid")) else None


def main(argv: list[str] | None = None) -> int:
    """Measure and print; write out/bench/deid_process.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get(DATA_ENV, DEFAULT_DATA)))
    parser.add_argument("--limit", type=int, default=None, help="first N consultations only")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every variant")
    args = parser.parse_args(argv)
    data = data_folder(args.data)
    if data is None:
        print(f"PriMock57 not found under {args.data}/transcripts; set {DATA_ENV} or --data.")
        return 0
    result = measure(consultations(data, args.limit), args.repeat)
    print_result(result)
    out = REPO_ROOT / "out" / "bench" / "deid_process.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

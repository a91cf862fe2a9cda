"""De-identification speed on a Dask LocalCluster with 1 and 2 workers (PriMock57).

Each worker process builds its engine once (as the pipeline's Dask path does) and de-identifies
one consultation per task; the parent only gathers results. Engine builds are timed apart
from throughput. On a real cluster, point `deid.dask_address` at its scheduler instead.

    python benchmarks/deid_dask.py [--data DIR] [--limit N] [--workers 1,2] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from deid_dask_worker import deidentify, warm_up  # noqa: E402
from deid_variants import consultations, count_words  # noqa: E402

DATA_ENV = "QUALBRIDGE_PRIMOCK57"
DEFAULT_DATA = Path("../shared/data/primock57")
DEFAULT_OUT = Path("out/bench/deid_dask.json")


def measure(n_workers: int, transcripts: list[list[str]]) -> dict[str, float]:
    """Start a cluster, warm every worker, then time the corpus through it."""
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        workers = list(client.scheduler_info()["workers"])
        pids = client.gather(
            [client.submit(warm_up, i, workers=[w], pure=False) for i, w in enumerate(workers)]
        )
        assert len(set(pids)) == n_workers
        ready = time.perf_counter()
        futures = client.map(deidentify, transcripts, pure=False)
        entities = sum(client.gather(futures))
        done = time.perf_counter()
    words = count_words(transcripts)
    return {
        "workers": n_workers,
        "startup_s": round(ready - started, 2),
        "seconds": round(done - ready, 2),
        "words_per_s": round(words / (done - ready)),
        "entities": entities,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print words per second and the speed-up ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get(DATA_ENV, DEFAULT_DATA)),
        help=f"PriMock57 folder (default: ${DATA_ENV} or {DEFAULT_DATA}, from the repo root)",
    )
    parser.add_argument("--limit", type=int, default=None, help="Use the first N consultations.")
    parser.add_argument("--workers", default="1,2", help="Worker counts to compare.")
    parser.add_argument("--repeat", type=int, default=1, help="Rounds per worker count.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.data / "transcripts").is_dir():
        print(
            f"No PriMock57 transcripts in {args.data}; nothing to measure. Set {DATA_ENV} or "
            "pass --data to point at a PriMock57 copy."
        )
        return 0
    transcripts = consultations(args.data, args.limit)
    counts = [int(n) for n in args.workers.split(",")]
    rounds: dict[int, list[dict[str, float]]] = {n: [] for n in counts}
    for _ in range(args.repeat):
        for n in counts:  # interleaved, so a busy spell on the machine hits every count
            rounds[n].append(measure(n, transcripts))
    results = []
    for n in counts:
        best = max(rounds[n], key=lambda r: r["words_per_s"])
        median = statistics.median(r["words_per_s"] for r in rounds[n])
        results.append({**best, "median_words_per_s": round(median)})
    base = results[0]["median_words_per_s"]
    report = {
        "consultations": len(transcripts),
        "words": count_words(transcripts),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "results": results,
        "speedup_vs_first": {
            r["workers"]: round(r["median_words_per_s"] / base, 2) for r in results
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{report['consultations']} consultations, {report['words']} words")
    for r in results:
        print(
            f"  {r['workers']} worker(s): {r['median_words_per_s']:>6} words/s (median), "
            f"x{report['speedup_vs_first'][r['workers']]:.2f}; engine start {r['startup_s']} s"
        )
    print(f"1-minute load average {report['load_average_1m']} on {report['cpus']} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

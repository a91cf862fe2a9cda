"""Speed of the compare stage (coverage and two-group comparisons) on a synthetic warehouse.

Builds warehouses of 250k, 500k and 1M utterances (transcripts of 100 utterances, two corpora,
four studies, two speaker roles, 30 themes, each utterance coded with each theme at a
theme-specific rate that varies by transcript) directly in DuckDB, then times
coverage_breakdown and two comparisons (by corpus; by speaker role, paired) with B = 2,000
bootstrap resamples. It prints seconds per stage and the ratio of each size to the one before:
linear scaling gives ratios near 2.

    python benchmarks/compare_speed.py [--sizes 250000 500000 1000000] [--themes 30]
        [--resamples 2000] [--per-transcript 100] [--out FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

import duckdb

from qualbridge.schemas.config import ComparisonConfig, StatsConfig
from qualbridge.tasks.compare.comparison import compare_groups
from qualbridge.tasks.compare.coverage import coverage_breakdown
from qualbridge.tasks.warehouse.store import connect

DEFAULT_OUT = Path("out/bench/compare_speed.json")

SYNTHETIC_SQL = """
INSERT INTO studies VALUES ('s1', 'peer', 'a', 's1'), ('s2', 'peer', 'b', 's2'),
    ('s3', 'therapy', 'c', 's3'), ('s4', 'therapy', 'd', 's4');
INSERT INTO themes (theme_id, codebook_id, name, definition, parent)
SELECT 'theme_' || lpad(i::VARCHAR, 2, '0'), 'bench', 'Theme ' || i, 'synthetic', NULL
FROM range($themes) r(i);
INSERT INTO transcripts
SELECT 's' || (t % 4 + 1) || ':T' || t, 's' || (t % 4 + 1), 'P' || t, 'bench.txt', 'h',
       json_object('gender', CASE WHEN t % 3 = 0 THEN 'f' ELSE 'm' END,
                   'age_band', (20 + 10 * (t % 5))::VARCHAR),
       $per, 10 * $per, 'bench'
FROM range($transcripts) r(t);
INSERT INTO utterances
SELECT 's' || (t % 4 + 1) || ':T' || t || ':' || lpad(j::VARCHAR, 4, '0'),
       's' || (t % 4 + 1) || ':T' || t, 's' || (t % 4 + 1), j,
       CASE WHEN j % 2 = 0 THEN 'helper' ELSE 'client' END,
       repeat('word ', 5 + (hash(t, j) % 20)::INTEGER), 5 + (hash(t, j) % 20)::INTEGER
FROM range($transcripts) r(t), range($per) q(j);
INSERT INTO codings
SELECT u.utterance_id, u.transcript_id, th.theme_id, 'rules:bench', 'r', 0, length(u.text),
       'rules'
FROM utterances u, (SELECT theme_id, row_number() OVER (ORDER BY theme_id) AS k FROM themes) th
WHERE (hash(u.utterance_id, th.theme_id) % 1000) / 1000.0
      < 0.01 * (1 + th.k % 7) * (0.5 + (hash(u.transcript_id) % 100) / 100.0)
      * CASE WHEN u.study_id IN ('s1', 's2') THEN 1.3 ELSE 1.0 END;
"""


def build(path: Path, utterances: int, per_transcript: int, themes: int) -> int:
    """A synthetic warehouse of about `utterances` utterances; return the number of codings."""
    con = connect(path)
    params = {"themes": themes, "per": per_transcript, "transcripts": utterances // per_transcript}
    for statement in filter(str.strip, SYNTHETIC_SQL.split(";")):
        names = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, names)
    [(codings,)] = con.execute("SELECT count(*) FROM codings").fetchall()
    con.close()
    return codings


def timed(function, *args) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def measure(path: Path, resamples: int) -> dict[str, float]:
    """Seconds for coverage and each comparison on one warehouse."""
    stats = StatsConfig(bootstrap_resamples=resamples)
    by_corpus = ComparisonConfig(comparison_id="c", group_a="peer", group_b="therapy")
    by_role = ComparisonConfig(
        comparison_id="r", by="speaker_role", group_a="helper", group_b="client"
    )
    con = duckdb.connect(str(path))
    try:
        result = {
            "coverage": timed(coverage_breakdown, con, stats),
            "compare_corpus": timed(compare_groups, con, by_corpus, stats),
            "compare_role": timed(compare_groups, con, by_role, stats),
        }
    finally:
        con.close()
    result["total"] = sum(result.values())
    return result


def main() -> int:
    """Build, time and report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250_000, 500_000, 1_000_000])
    parser.add_argument("--themes", type=int, default=30)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--per-transcript", type=int, default=100)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory(prefix="qualbridge-bench-") as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"w{size}.duckdb"
            start = time.perf_counter()
            codings = build(path, size, args.per_transcript, args.themes)
            built = time.perf_counter() - start
            seconds = measure(path, args.resamples)
            runs.append({"utterances": size, "codings": codings, "build_s": built} | seconds)
            print(
                f"{size:>9,} utterances, {codings:>9,} codings: "
                + ", ".join(f"{k} {v:.2f} s" for k, v in seconds.items()),
                flush=True,
            )
            path.unlink()
    for before, after in itertools.pairwise(runs):
        ratios = ", ".join(
            f"{k} x{after[k] / before[k]:.2f}"
            for k in ("coverage", "compare_corpus", "compare_role", "total")
        )
        size_ratio = after["utterances"] / before["utterances"]
        print(f"{before['utterances']:,} -> {after['utterances']:,} (x{size_ratio:g}): {ratios}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (DuckDB included): {peak_mb:,.0f} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "themes": args.themes,
        "resamples": args.resamples,
        "peak_rss_mb": round(peak_mb),
        "runs": runs,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Ingest speed on a large generated consortium, against de-identification speed on the same text.

The corpus is built from the demo generator's transcripts (examples/generate_demo.py): each
benchmark transcript strings together whole demo interviews of one study, picked in a seeded
order, until it holds the target number of words, so every line keeps the 'Label: text' format.
It is written once to out/bench/ingest_corpus/ and reused while the parameters are unchanged.

Ingest is timed as the pipeline runs it, discover_study per study (read, SHA-256, decode, parse),
once with the files evicted from the page cache (cold) and then warm, plus parse_source alone.
De-identification runs in this process on a sample of the same transcripts (model load and
warm-up timed apart). The ingest / de-identification words-per-second ratio must be at least 10.

    python benchmarks/ingest_speed.py [--transcripts N] [--words-per-transcript W]
        [--deid-sample K] [--warm-rounds R] [--seed S] [--corpus DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from qualbridge.schemas.config import ConsortiumConfig, DeidConfig, StudyConfig, load_config
from qualbridge.tasks.ingest.formats import parse_source
from qualbridge.tasks.ingest.reading import content_hash, decode_text
from qualbridge.tasks.ingest.sources import TranscriptSource, discover_study

REPO_ROOT = Path(__file__).resolve().parents[1]

GENERATOR = REPO_ROOT / "examples" / "generate_demo.py"
DEFAULT_CORPUS = Path("out/bench/ingest_corpus")
DEFAULT_OUT = Path("out/bench/ingest_speed.json")
STAMP = "corpus.json"
# The demo generator writes at most 99 transcripts per study; all of them seed the corpus.
BASE_PER_STUDY = 99
CORPUS_FORMAT = 1
BENCH_KEY = b"benchmark-key-not-a-secret-0000"
WARM_UP_UTTERANCES = 50
GOAL_RATIO = 10.0
MB = 1_000_000

Report = dict[str, Any]


# --- the corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BaseStudy:
    """One demo study: its config entry and the utterance lines of each demo transcript."""

    entry: dict[str, Any]
    prefix: str
    transcripts: list[list[str]]


def line_words(line: str) -> int:
    """Words of a 'Label: text' line, not counting the label."""
    return len(line.partition(":")[2].split())


def corpus_params(args: argparse.Namespace) -> dict[str, object]:
    """What the corpus depends on; a stored corpus is reused only if all of it matches."""
    return {
        "format": CORPUS_FORMAT,
        "transcripts": args.transcripts,
        "words_per_transcript": args.words_per_transcript,
        "seed": args.seed,
        "base_per_study": BASE_PER_STUDY,
        "generator_sha256": hashlib.sha256(GENERATOR.read_bytes()).hexdigest(),
    }


def generate_base(folder: Path, seed: int) -> Path:
    """Run the demo generator into a folder; return its consortium.yaml."""
    command = [sys.executable, str(GENERATOR), "--out", str(folder)]
    command += ["--per-study", str(BASE_PER_STUDY), "--seed", str(seed)]
    subprocess.run(command, cwd=REPO_ROOT, check=True, capture_output=True, text=True)
    return folder / "consortium.yaml"


def read_base(config_path: Path) -> list[BaseStudy]:
    """The demo consortium's studies with the lines of every transcript, in manifest order."""
    raw = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    base = config_path.parent
    studies = []
    for entry in raw["studies"]:
        manifest = base / entry["manifest"]
        with manifest.open(newline="", encoding="utf-8") as handle:
            files = [row["file"] for row in csv.DictReader(handle)]
        lines = [
            [ln for ln in (manifest.parent / f).read_text(encoding="utf-8").splitlines() if ln]
            for f in files
        ]
        prefix = "".join(w[0] for w in entry["study_id"].split("_")).upper()
        studies.append(BaseStudy(entry, prefix, lines))
    return studies


def lengthen(base: list[list[str]], rng: random.Random, words: int) -> tuple[list[str], int]:
    """Whole demo transcripts in a seeded order, cut at a line once `words` are reached."""
    lines: list[str] = []
    total = 0
    while total < words:
        for index in rng.sample(range(len(base)), len(base)):
            for line in base[index]:
                lines.append(line)
                total += line_words(line)
                if total >= words:
                    return lines, total
    return lines, total


def write_study(
    folder: Path, study: BaseStudy, count: int, args: argparse.Namespace
) -> tuple[dict[str, Any], int, int]:
    """Write one study's long transcripts and manifest; return its config entry, bytes, words."""
    study_id = str(study.entry["study_id"])
    root = folder / "studies" / study_id
    (root / "transcripts").mkdir(parents=True, exist_ok=True)
    rows, size, words = [], 0, 0
    for number in range(1, count + 1):
        transcript_id = f"{study.prefix}{number:04d}"
        rng = random.Random(f"{args.seed}:{study_id}:{transcript_id}")
        lines, n_words = lengthen(study.transcripts, rng, args.words_per_transcript)
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (root / "transcripts" / f"{transcript_id}.txt").write_bytes(data)
        rows.append([transcript_id, f"transcripts/{transcript_id}.txt", f"P-{transcript_id}"])
        size, words = size + len(data), words + n_words
    with (root / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([["transcript_id", "file", "participant_id"], *rows])
    entry = {k: v for k, v in study.entry.items() if k != "deny_list"}
    return entry, size, words


def build_corpus(folder: Path, args: argparse.Namespace) -> Report:
    """Write the whole benchmark consortium into a folder; return its size."""
    if folder.exists() and any(folder.iterdir()) and not (folder / STAMP).is_file():
        raise SystemExit(f"{folder} is not empty and holds no benchmark corpus; not replacing it")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # Marks the folder as ours at once, so an interrupted build can be replaced next time.
    (folder / STAMP).write_text(json.dumps({"params": None}) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        base_config = generate_base(Path(tmp) / "demo", args.seed)
        studies = read_base(base_config)
        shutil.copy(base_config.parent / "codebook.yaml", folder / "codebook.yaml")
    counts = [args.transcripts // len(studies)] * len(studies)
    counts[0] += args.transcripts - sum(counts)
    entries, size, words = [], 0, 0
    for study, count in zip(studies, counts, strict=True):
        entry, n_bytes, n_words = write_study(folder, study, count, args)
        entries.append(entry)
        size, words = size + n_bytes, words + n_words
    config = {"consortium": "ingest-bench", "codebook": "codebook.yaml", "studies": entries}
    text = yaml.safe_dump(config, sort_keys=False, width=100)
    (folder / "consortium.yaml").write_text(text, encoding="utf-8")
    return {"files": args.transcripts, "bytes": size, "words": words}


def ensure_corpus(folder: Path, args: argparse.Namespace) -> tuple[Report, bool, float]:
    """Reuse the stored corpus if its parameters match, else build it; return size and reuse."""
    params = corpus_params(args)
    stamp = folder / STAMP
    if stamp.is_file() and (folder / "consortium.yaml").is_file():
        stored = json.loads(stamp.read_text(encoding="utf-8"))
        if stored.get("params") == params:
            return stored["size"], True, 0.0
    start = time.perf_counter()
    size = build_corpus(folder, args)
    seconds = time.perf_counter() - start
    stamp.write_text(json.dumps({"params": params, "size": size}, indent=2) + "\n", "utf-8")
    return size, False, seconds


# --- timing ingest ----------------------------------------------------------------------------


def corpus_files(config: ConsortiumConfig) -> list[tuple[StudyConfig, Path]]:
    """Every transcript file of the consortium, with its study, in manifest order."""
    found = []
    for study in config.studies:
        manifest = config.resolve(study.manifest)
        with manifest.open(newline="", encoding="utf-8") as handle:
            found += [(study, manifest.parent / r["file"]) for r in csv.DictReader(handle)]
    return found


def evict(paths: list[Path]) -> bool:
    """Drop files from the OS page cache (flushed first); False where the OS cannot."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    return True


def discover_all(config: ConsortiumConfig) -> tuple[float, list[TranscriptSource], int]:
    """Time discover_study over every study; return seconds, sources and quarantined count."""
    start = time.perf_counter()
    sources, quarantined = [], 0
    for study in config.studies:
        found, refused = discover_study(study, config)
        sources += found
        quarantined += len(refused)
    return time.perf_counter() - start, sources, quarantined


def rates(seconds: float, size: int, words: int) -> Report:
    """Seconds, MB/s and words/s of one timed pass."""
    return {
        "seconds": round(seconds, 3),
        "mb_per_s": round(size / MB / seconds, 1),
        "words_per_s": round(words / seconds),
    }


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and its value."""
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def parse_all(files: list[tuple[StudyConfig, Path]], blobs: list[bytes]) -> int:
    """parse_source over every file, keeping only a count, as discover_study does."""
    return sum(
        len(parse_source(b, p.suffix, s.speakers)) for (s, p), b in zip(files, blobs, strict=True)
    )


def stage_seconds(files: list[tuple[StudyConfig, Path]]) -> dict[str, float]:
    """Each ingest step alone, on bytes already in memory."""
    blobs = [path.read_bytes() for _, path in files]
    hashing, _ = timed(lambda: [content_hash(b) for b in blobs])
    decoding, _ = timed(lambda: [decode_text(b) for b in blobs])
    # Results are dropped as they come: holding ~1M utterances would time the GC, not parsing.
    parsing, _ = timed(lambda: parse_all(files, blobs))
    return {"sha256": hashing, "decode_text": decoding, "parse_source": parsing}


def utterance_texts(files: list[tuple[StudyConfig, Path]]) -> list[list[str]]:
    """The utterance texts of every file, for counting words and de-identifying (untimed)."""
    return [
        [u.text for u in parse_source(path.read_bytes(), path.suffix, study.speakers)]
        for study, path in files
    ]


def time_ingest(config: ConsortiumConfig, rounds: int) -> tuple[Report, list[list[str]]]:
    """Cold and warm discover_study passes and stage timings; return them and utterance texts."""
    files = corpus_files(config)
    size = sum(path.stat().st_size for _, path in files)
    evicted = evict([path for _, path in files])
    cold, sources, quarantined = discover_all(config)
    if quarantined or len(sources) != len(files):
        raise SystemExit(f"ingest refused {quarantined} of {len(files)} files; corpus is broken")
    warm = [discover_all(config)[0] for _ in range(rounds)]
    stages = stage_seconds(files)
    texts = utterance_texts(files)
    words = sum(len(t.split()) for utterances in texts for t in utterances)
    report = {
        "files": len(files),
        "bytes": size,
        "words": words,
        "utterances": sum(len(t) for t in texts),
        "cold_evicted_from_page_cache": evicted,
        "discover_cold": rates(cold, size, words),
        "discover_warm": rates(statistics.median(warm), size, words),
        "discover_warm_best": rates(min(warm), size, words),
        "warm_rounds": rounds,
        "stages_in_memory": {name: rates(s, size, words) for name, s in stages.items()},
    }
    return report, texts


# --- timing de-identification -----------------------------------------------------------------


def sample(texts: list[list[str]], count: int) -> list[int]:
    """Indices of `count` transcripts spread evenly over the corpus (both studies)."""
    count = min(count, len(texts))
    return [round(i * (len(texts) - 1) / max(count - 1, 1)) for i in range(count)]


def time_deid(texts: list[list[str]], participants: list[str], count: int) -> Report:
    """Load the engine, warm it up, then de-identify the sampled transcripts one by one."""
    from qualbridge.tasks.deid.engine import Deidentifier

    picked = sample(texts, count)
    load, engine = timed(lambda: Deidentifier(DeidConfig(), BENCH_KEY))
    warm, _ = timed(lambda: engine.deidentify(texts[picked[0]][:WARM_UP_UTTERANCES]))
    run, results = timed(lambda: [engine.deidentify(texts[i], participants[i]) for i in picked])
    words = sum(len(t.split()) for i in picked for t in texts[i])
    detections = sum(len(r.detections) for rs in results for r in rs)
    return {
        "transcripts": len(picked),
        "utterances": sum(len(texts[i]) for i in picked),
        "words": words,
        "detections": detections,
        "load_s": round(load, 3),
        "warm_up_s": round(warm, 3),
        "run_s": round(run, 3),
        "words_per_s": round(words / run, 1),
    }


# --- report -----------------------------------------------------------------------------------


def ratio_report(ingest: Report, deid: Report) -> Report:
    """Ingest words/s over de-identification words/s; the verdict uses the cold pass."""

    def over(key: str) -> float:
        return round(ingest[key]["words_per_s"] / deid["words_per_s"], 1)

    cold = over("discover_cold")
    return {
        "goal": GOAL_RATIO,
        "cold": cold,
        "warm": over("discover_warm"),
        "verdict": "PASS" if cold >= GOAL_RATIO else "FAIL",
    }


def print_report(ingest: Report, deid: Report, ratio: Report) -> None:
    """A plain-text summary of the timings."""
    print(f"{'pass':<28} {'seconds':>8} {'MB/s':>8} {'words/s':>12}")
    rows = [
        ("discover_study, cold", ingest["discover_cold"]),
        ("discover_study, warm median", ingest["discover_warm"]),
        ("discover_study, warm best", ingest["discover_warm_best"]),
        *((f"  {name} alone", r) for name, r in ingest["stages_in_memory"].items()),
    ]
    for name, r in rows:
        print(f"{name:<28} {r['seconds']:>8.2f} {r['mb_per_s']:>8.1f} {r['words_per_s']:>12,}")
    print(
        f"\nde-identification: {deid['transcripts']} transcripts, {deid['words']:,} words in"
        f" {deid['run_s']:.1f} s = {deid['words_per_s']:,.0f} words/s"
        f" (load {deid['load_s']:.1f} s, warm-up {deid['warm_up_s']:.1f} s)"
    )
    print(
        f"ingest / de-identification: cold {ratio['cold']:,}x, warm {ratio['warm']:,}x"
        f"  (goal >= {ratio['goal']:.0f}x, cold)  {ratio['verdict']}"
    )
    if not ingest["cold_evicted_from_page_cache"]:
        print("note: files could not be evicted from the page cache; 'cold' may be warm")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=1000, help="transcripts in corpus")
    parser.add_argument(
        "--words-per-transcript", type=int, default=10_000, help="words per transcript"
    )
    parser.add_argument("--deid-sample", type=int, default=20, help="transcripts to de-identify")
    parser.add_argument("--warm-rounds", type=int, default=3, help="warm discover passes")
    parser.add_argument("--seed", type=int, default=7, help="seed of the demo generator")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    args = parser.parse_args(argv)
    if min(args.transcripts, args.words_per_transcript, args.deid_sample, args.warm_rounds) < 1:
        parser.error("counts must be at least 1")
    if args.transcripts < 2:
        parser.error("--transcripts must be at least 2 (one per study)")
    return args


def load_average() -> float | None:
    """The 1-minute load average, to tell a busy machine from slow code."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def in_repo(path: Path) -> Path:
    """A path from the command line, relative to the repository root unless absolute."""
    return path if path.is_absolute() else REPO_ROOT / path


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the corpus, time ingest and de-identification, write the JSON."""
    started = time.perf_counter()
    args = parse_args(argv)
    busy = load_average()
    if busy is not None and busy > (os.cpu_count() or 1) / 4:
        print(f"warning: load average is {busy} before starting; timings will be noisy\n")
    folder = in_repo(args.corpus)
    size, reused, build_s = ensure_corpus(folder, args)
    how = "reused" if reused else f"built in {build_s:.1f} s"
    print(
        f"corpus ({how}): {size['files']:,} files, {size['bytes'] / MB:.1f} MB,"
        f" {size['words']:,} words; {os.cpu_count()} CPUs\n",
        flush=True,
    )
    config = load_config(folder / "consortium.yaml")
    ingest, texts = time_ingest(config, args.warm_rounds)
    participants = [f"P-{path.stem}" for _, path in corpus_files(config)]
    print(f"de-identifying {min(args.deid_sample, len(texts))} transcripts ...\n", flush=True)
    deid = time_deid(texts, participants, args.deid_sample)
    ratio = ratio_report(ingest, deid)
    print_report(ingest, deid, ratio)
    total = round(time.perf_counter() - started, 1)
    result = {
        "corpus": {**size, "reused": reused, "build_s": round(build_s, 1), "seed": args.seed},
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": busy,
            "load_average_after": load_average(),
        },
        "ingest": ingest,
        "deid": deid,
        "ratio": ratio,
        "wall_s": total,
    }
    out = in_repo(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwall time {total:.1f} s; wrote {args.out}")
    return 0 if ratio["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

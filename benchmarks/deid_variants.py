"""One benchmark variant, run in this process: load, warm up, time, report JSON on stdout.

The orchestrator (deid_speed.py) starts one fresh interpreter per variant like this:

    python benchmarks/deid_variants.py --variant NAME --data DIR [--limit N] [--processes N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH_KEY = b"benchmark-key-not-a-secret-0000"
WARM_UP_UTTERANCES = 50

# --- the corpus -------------------------------------------------------------------------------


def consultations(data_dir: Path, limit: int | None) -> list[list[str]]:
    """Utterance texts per consultation: PriMock57's <id>_doctor and <id>_patient files merged."""
    from qualbridge.tasks.ingest.textgrid import merge_timelines, textgrid_tiers, timeline

    groups: dict[str, list[Path]] = {}
    for path in sorted((data_dir / "transcripts").glob("*.TextGrid")):
        groups.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    ids = sorted(groups)[:limit] if limit else sorted(groups)
    return [
        [
            u.text
            for u in merge_timelines(
                timeline(textgrid_tiers(p.read_bytes()), speaker=p.stem.rsplit("_", 1)[-1])
                for p in groups[cid]
            )
        ]
        for cid in ids
    ]


def count_words(transcripts: list[list[str]]) -> int:
    """Whitespace-separated tokens of all utterance texts."""
    return sum(len(text.split()) for texts in transcripts for text in texts)


def warm_up_slice(transcripts: list[list[str]]) -> list[str]:
    """The first utterances of the corpus, to warm each variant before timing it."""
    return [t for texts in transcripts for t in texts][:WARM_UP_UTTERANCES]


# --- the variants: each loads, warms up and returns (load s, warm-up s, run s, detail) ----------

Timings = tuple[float, float, float, dict[str, object]]


def _timed(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def run_qualbridge(transcripts: list[list[str]], n_process: int) -> Timings:
    """Deidentifier.deidentify once per whole transcript, one engine."""
    from qualbridge.schemas.config import DeidConfig
    from qualbridge.tasks.deid.engine import Deidentifier

    load, engine = _timed(lambda: Deidentifier(DeidConfig(), BENCH_KEY))
    warm, _ = _timed(lambda: engine.deidentify(warm_up_slice(transcripts)))
    run, results = _timed(lambda: [engine.deidentify(texts) for texts in transcripts])
    detections = sum(len(r.detections) for rs in results for r in rs)
    return load, warm, run, {"detections": detections}


def run_qualbridge_parallel(transcripts: list[list[str]], n_process: int) -> Timings:
    """ParallelDeidentifier over whole transcripts; load includes starting and warming workers."""
    from qualbridge.schemas.config import DeidConfig
    from qualbridge.tasks.deid.parallel import ParallelDeidentifier

    start = time.perf_counter()
    # spawn, not forkserver: workers are then our children, so RUSAGE_CHILDREN covers them.
    with ParallelDeidentifier(
        DeidConfig(), BENCH_KEY, n_process=n_process, start_method="spawn"
    ) as pool:
        pool.warm_up(warm_up_slice(transcripts))
        load = time.perf_counter() - start
        run, results = _timed(lambda: pool.deidentify(transcripts))
    detections = sum(len(r.detections) for rs in results for r in rs)
    return load, 0.0, run, {"detections": detections, "load_includes": "worker start + warm-up"}


def run_presidio(transcripts: list[list[str]], n_process: int) -> Timings:
    """Vanilla Presidio: default recognizers, full model; analyze + anonymize per utterance."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    import qualbridge.tasks.deid.nlp  # noqa: F401  (importing it keeps tldextract offline)
    from qualbridge.schemas.config import DeidConfig

    model = DeidConfig().spacy_model
    _require_model(model)

    def build() -> tuple[AnalyzerEngine, AnonymizerEngine]:
        nlp_config = {
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
        nlp = NlpEngineProvider(nlp_configuration=nlp_config).create_engine()
        return AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]), AnonymizerEngine()

    load, (analyzer, anonymizer) = _timed(build)

    def process(texts: list[str]) -> int:
        found = 0
        for text in texts:
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results)
            found += len(results)
        return found

    warm, _ = _timed(lambda: process(warm_up_slice(transcripts)))
    run, found = _timed(lambda: sum(process(texts) for texts in transcripts))
    return load, warm, run, {"detections": found}


def run_spacy(transcripts: list[list[str]], n_process: int) -> Timings:
    """spaCy nlp.pipe over all utterances, parser excluded; warm-up includes starting workers."""
    import spacy

    from qualbridge.schemas.config import DeidConfig
    from qualbridge.tasks.deid.nlp import EXCLUDED_PIPES

    model = DeidConfig().spacy_model
    _require_model(model)
    load, nlp = _timed(lambda: spacy.load(model, exclude=list(EXCLUDED_PIPES)))
    texts = [t for ts in transcripts for t in ts]

    def process(batch: list[str]) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(batch, n_process=n_process))

    warm, _ = _timed(lambda: process(warm_up_slice(transcripts)))
    run, ents = _timed(lambda: process(texts))
    return load, warm, run, {"entities": ents, "batch_size": nlp.batch_size}


def _require_model(model: str) -> None:
    import spacy

    if not spacy.util.is_package(model):
        raise SystemExit(f"spaCy model {model!r} is not installed (this benchmark never downloads)")


@dataclass(frozen=True)
class Variant:
    """One thing to time, with how many processes it uses."""

    name: str
    label: str
    run: Callable[[list[list[str]], int], Timings]
    n_process: int


def variants(processes: int) -> list[Variant]:
    """Every variant for a given process count (the parallel ones only when it is above 1)."""
    found = [
        Variant("qualbridge", "qualbridge, 1 process", run_qualbridge, 1),
        Variant("presidio", "vanilla Presidio, 1 process", run_presidio, 1),
        Variant("spacy_1", "raw spaCy (no parser), 1 process", run_spacy, 1),
    ]
    if processes > 1:
        found[1:1] = [
            Variant(
                "qualbridge_parallel",
                f"qualbridge, {processes} processes",
                run_qualbridge_parallel,
                processes,
            )
        ]
        found.append(
            Variant(
                "spacy_n", f"raw spaCy (no parser), {processes} processes", run_spacy, processes
            )
        )
    return found


# --- one variant, inside its own subprocess ----------------------------------------------------


def _maxrss_mb(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(resource.getrusage(who).ru_maxrss * scale / 2**20, 1)


def measure(variant: Variant, transcripts: list[list[str]]) -> dict[str, object]:
    """Run one variant and report its timings and peak memory."""
    load, warm, run, detail = variant.run(transcripts, variant.n_process)
    words = count_words(transcripts)
    return {
        "name": variant.name,
        "label": variant.label,
        "n_process": variant.n_process,
        "words": words,
        "load_s": round(load, 3),
        "warm_up_s": round(warm, 3),
        "run_s": round(run, 3),
        "words_per_s": round(words / run, 1),
        "maxrss_self_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "maxrss_children_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
        **detail,
    }


def main(argv: list[str] | None = None) -> int:
    """Measure the named variant and print its report as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    by_name = {v.name: v for v in variants(args.processes)}
    if args.variant not in by_name:
        parser.error(f"--variant must be one of {sorted(by_name)}")
    print(json.dumps(measure(by_name[args.variant], consultations(args.data, args.limit))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

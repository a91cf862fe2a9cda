"""Vanilla Presidio as a whole process, like `qualbridge deid-text`: JSONL in, JSONL out.

Default recognizers and Presidio's default NLP settings over the engine's spaCy model; analyze
and anonymize one utterance at a time. On stderr, the last line is JSON with the seconds spent
loading and processing, so the orchestrator can report the run without start-up too.

    python benchmarks/presidio_stdin.py < utterances.jsonl > out.jsonl
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    """Load Presidio, then analyze + anonymize each line's text."""
    started = time.perf_counter()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    import qualbridge.tasks.deid.nlp  # noqa: F401  (importing it keeps tldextract offline)
    from qualbridge.schemas.config import DeidConfig

    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": DeidConfig().spacy_model}],
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    anonymizer = AnonymizerEngine()
    loaded = time.perf_counter()
    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        results = analyzer.analyze(text=record["text"], language="en")
        text = anonymizer.anonymize(text=record["text"], analyzer_results=results).text
        sys.stdout.write(json.dumps({"id": record["id"], "text": text}) + "\n")
    done = time.perf_counter()
    timing = {"load_s": round(loaded - started, 3), "run_s": round(done - loaded, 3)}
    print(json.dumps(timing), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

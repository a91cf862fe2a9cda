"""How de-identification time grows with one utterance's length (a one-line transcript).

Prints CPU seconds per 1,000 words for a short and a long utterance and their ratio; a ratio
near 1 means the cost stays linear. A per-token look-back over the whole line once made a
20,000-word line cost 20 times a 2,000-word one per word.

    python benchmarks/long_lines.py [--short 2000] [--long 20000]
"""

from __future__ import annotations

import argparse
import time

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier

SENTENCE = "so i told dawn at the clinic that it was fine and we moved on to the next bit "


def cpu_per_thousand_words(engine: Deidentifier, words: int) -> float:
    """CPU seconds per 1,000 words to detect identifiers in one utterance of `words` words."""
    per_sentence = len(SENTENCE.split())
    text = SENTENCE * (words // per_sentence)
    started = time.process_time()
    engine.detect([text])
    return (time.process_time() - started) / (words / 1000)


def main() -> None:
    """Time a short and a long utterance and print the ratio of their per-word costs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=2000)
    parser.add_argument("--long", type=int, default=20000)
    args = parser.parse_args()
    engine = Deidentifier(DeidConfig(), b"benchmark-key-0123456789")
    engine.detect(["warm up: Bob from Leeds rang on 07700 900123."])
    short = cpu_per_thousand_words(engine, args.short)
    long = cpu_per_thousand_words(engine, args.long)
    print(f"{args.short:>6} words: {short:.3f} CPU s per 1,000 words")
    print(f"{args.long:>6} words: {long:.3f} CPU s per 1,000 words")
    print(f"ratio long/short per word: {long / short:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()

"""Parse speed of utterance tables and coded REFI-QDA projects into transcripts with codings.

Builds, in memory and seeded, a CSV table (conversations x turns, one label column) and a
project with one CRLF text source and a coded selection every few lines, then times
table_documents and qdpx_documents (best of a few rounds).

    python benchmarks/documents_speed.py [--conversations N] [--turns T] [--lines L] [--rounds R]
"""

from __future__ import annotations

import argparse
import io
import random
import time
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import quoteattr

import polars as pl

from qualbridge.schemas.config import TableSourceConfig
from qualbridge.tasks.ingest.documents import qdpx_documents, table_documents
from qualbridge.tasks.ingest.limits import IngestLimits

KEY = b"benchmark-key-not-a-secret-0123456789"
SPEAKERS = {"Worker": "peer_worker", "Client": "client"}


def _words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def table_bytes(rng: random.Random, vocabulary: list[str], conversations: int, turns: int) -> bytes:
    """A CSV utterance table with a label column."""
    rows = [
        {
            "conv": f"C{c:05d}",
            "n": t,
            "who": "Client" if t % 2 else "Worker",
            "text": _words(rng, vocabulary, 20),
            "act": rng.choice(["question", "reflection", "disclosure"]),
        }
        for c in range(conversations)
        for t in range(turns)
    ]
    return pl.DataFrame(rows).write_csv().encode()


def project_bytes(rng: random.Random, vocabulary: list[str], lines: int) -> bytes:
    """A .qdpx with one CRLF text source and a coded selection on every fourth line."""
    text_lines = [
        f"{'Client' if i % 2 else 'Worker'}: {_words(rng, vocabulary, 12)}\r\n"
        for i in range(lines)
    ]
    starts = [0]
    for line in text_lines:
        starts.append(starts[-1] + len(line))
    selections = "".join(
        f"<PlainTextSelection guid='s{i}' startPosition='{starts[i] + 8}' "
        f"endPosition='{starts[i + 1] - 4}'><Coding guid='c{i}' creatingUser='U1'>"
        "<CodeRef targetGUID='K1'/></Coding></PlainTextSelection>"
        for i in range(0, lines, 4)
    )
    project = (
        '<?xml version="1.0" encoding="utf-8"?><Project name="bench" '
        'xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="K1" name="Theme"/>'
        f"</Codes></CodeBook><Sources><TextSource guid='G1' name={quoteattr('S1')} "
        f"plainTextPath='internal://G1.txt'>{selections}</TextSource></Sources></Project>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
        archive.writestr("sources/G1.txt", "".join(text_lines))
    return buffer.getvalue()


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """The fastest of several timed runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Build the inputs, time both readers and print MB/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20261127)
    vocabulary = [f"w{rng.randrange(10**6)}" for _ in range(5000)]
    table = table_bytes(rng, vocabulary, args.conversations, args.turns)
    project = project_bytes(rng, vocabulary, args.lines)
    config = TableSourceConfig.model_validate(
        {
            "path": "chats.csv",
            "mapping": {"conversation_id": "conv", "turn": "n", "speaker": "who",
                        "text": "text", "labels": ["act"]},
        }
    )  # fmt: skip
    limits = IngestLimits(max_compression_ratio=1000.0)
    seconds = best_of(args.rounds, lambda: table_documents(table, config, SPEAKERS, KEY, limits))
    rows = args.conversations * args.turns
    print(f"table: {rows} rows, {len(table) / 1e6:.1f} MB: {seconds:.2f} s, "
          f"{len(table) / 1e6 / seconds:.1f} MB/s")  # fmt: skip
    seconds = best_of(args.rounds, lambda: qdpx_documents(project, SPEAKERS, KEY, limits))
    size = zipfile.ZipFile(io.BytesIO(project)).getinfo("sources/G1.txt").file_size
    print(f"qdpx: {args.lines} lines, {size / 1e6:.1f} MB text, {args.lines // 4} selections: "
          f"{seconds:.2f} s, {size / 1e6 / seconds:.1f} MB/s")  # fmt: skip


if __name__ == "__main__":
    main()

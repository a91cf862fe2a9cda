"""Speed and fidelity of REFI-QDA .qdc exchange on a large generated codebook.

Builds a codebook of N themes in a five-way tree (each with a 200-character definition and an
inclusion note), exports it, imports the export with the codebook as base, and checks that the
round trip gives back the same codebook and that a second export is byte-identical.

    python benchmarks/codebook_exchange.py [--themes N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qualbridge.schemas.codebook import Codebook
from qualbridge.tasks.coding.qdc import export_qdc, import_qdc


def build(themes: int) -> Codebook:
    """A codebook of the given size: theme i's parent is theme (i - 1) // 5."""
    return Codebook.model_validate(
        {
            "codebook_id": "bench",
            "themes": [
                {
                    "theme_id": f"t{i}",
                    "name": f"Theme {i}",
                    "definition": "d" * 200,
                    "include": "i" * 50,
                    "parent": f"t{(i - 1) // 5}" if i else None,
                }
                for i in range(themes)
            ],
        }
    )


def main(argv: list[str] | None = None) -> None:
    """Time export and import and check the round trip."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--themes", type=int, default=5000, help="themes in the codebook")
    args = parser.parse_args(argv)
    codebook = build(args.themes)
    started = time.perf_counter()
    data = export_qdc(codebook)
    exported = time.perf_counter()
    back = import_qdc(data, "bench.qdc", "bench", base=codebook)
    imported = time.perf_counter()
    print(f"{args.themes} themes, {len(data):,} bytes of .qdc")
    print(f"export {exported - started:.2f} s, import {imported - exported:.2f} s")
    identical = export_qdc(back) == data
    print(f"round trip equal: {back == codebook}; export byte-identical: {identical}")


if __name__ == "__main__":
    main()

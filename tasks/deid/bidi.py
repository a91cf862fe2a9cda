"""Text inside a right-to-left override is shown reversed: 'nosniboR aileD' between U+202E and
U+202C reads 'Delia Robinson' on screen. The detector reads each such run as it is shown too,
and what it finds there is mapped back, mirrored, onto the characters that store it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.normalise import is_format_char

# A right-to-left override (or isolate) and what it holds, up to its pop or the line's end.
_OVERRIDE = re.compile("[\u202e\u2067](?P<run>[^\u202c\u2069\n]*)")


def shown_runs(text: str) -> list[tuple[str, list[int]]]:
    """Each overridden run as a reader sees it, with the original index of each character."""
    if "\u202e" not in text and "\u2067" not in text:
        return []
    runs = []
    for m in _OVERRIDE.finditer(text):
        positions = [m.start("run") + i for i, ch in enumerate(m.group("run"))]
        positions = [p for p in positions if not is_format_char(text[p])]
        if positions:
            runs.append(("".join(text[p] for p in reversed(positions)), positions[::-1]))
    return runs


def found_as_shown(
    texts: Sequence[str], detect: Callable[[list[str]], list[list[Detection]]]
) -> list[list[Detection]]:
    """What the detector finds in each text's overridden runs read as shown, as spans of the
    original text."""
    runs = [(index, run) for index, text in enumerate(texts) for run in shown_runs(text)]
    out: list[list[Detection]] = [[] for _ in texts]
    if not runs:
        return out
    for (index, (_, positions)), found in zip(runs, detect([r[0] for _, r in runs]), strict=True):
        for d in found:
            mirrored = positions[d.start : d.end]
            out[index].append(replace(d, start=min(mirrored), end=max(mirrored) + 1))
    return out

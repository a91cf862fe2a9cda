"""The residual scan's registry pass: every format type the recognizer registry knows.

The run's own recognizers (patterns and checked numbers, from the one registry) read the
released text with its replacements blanked. A hit counts only when a recognizer is sure of it
without context (check digits hold, as for NHS mod 11, Luhn or IBAN), so a number that merely
looks like one ('1-800-273-8255' has an NHS number's shape) cannot block a release.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

import polars as pl
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from qualbridge.schemas import frames
from qualbridge.tasks.deid import EntityTypeStatus
from qualbridge.tasks.quality.residual_pii import MAX_SAMPLE_IDS, PiiHit

# Checked numbers score 0.85-1.0 on their own; a bare shape or a cue alone scores below.
GATE_MIN_SCORE = 0.8
SCAN_PREFIX = "registry_"
# Rows are scanned joined into documents of about this size (one regex pass per recognizer).
DOCUMENT_CHARS = 1_000_000


class TextRecognizer(Protocol):
    """A recognizer that reads text alone, as Presidio's pattern recognizers do."""

    supported_entities: list[str]

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: None = None
    ) -> list[RecognizerResult]:
        """Results for the entities in the text."""
        ...


def scan_name(entity_type: str) -> str:
    """The check name of one type's registry pass ('registry_credit_card')."""
    return SCAN_PREFIX + entity_type.lower()


def can_be_sure(recognizer: TextRecognizer) -> bool:
    """Whether a recognizer can ever reach GATE_MIN_SCORE on its own: a checked number, or a
    pattern scored that high (a bare shape such as an IP address never does)."""
    if not isinstance(recognizer, PatternRecognizer):
        return True
    validates = type(recognizer).validate_result is not PatternRecognizer.validate_result
    # Presidio sets `patterns` in a branch mypy cannot infer a type from.
    patterns: list[Pattern] = recognizer.patterns  # type: ignore[has-type]
    return validates or max((p.score for p in patterns), default=0) >= GATE_MIN_SCORE


def scanned_types(recognizers: Iterable[TextRecognizer]) -> tuple[str, ...]:
    """The types the registry pass checks, sorted."""
    return tuple(sorted({e for r in recognizers if can_be_sure(r) for e in r.supported_entities}))


def blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with each replacement's span turned to spaces (its tag is not a leak)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _documents(
    rows: Iterable[tuple[str, str, Sequence[tuple[int, int]]]],
) -> Iterable[tuple[str, list[int], list[str]]]:
    """Rows joined by newlines into documents: (text, each row's start, each row's id)."""
    parts: list[str] = []
    starts: list[int] = []
    ids: list[str] = []
    size = 0
    for row_id, text, spans in rows:
        starts.append(size)
        ids.append(row_id)
        parts.append(blanked(text, spans))
        size += len(text) + 1
        if size >= DOCUMENT_CHARS:
            yield "\n".join(parts), starts, ids
            parts, starts, ids, size = [], [], [], 0
    if parts:
        yield "\n".join(parts), starts, ids


def registry_counts(
    rows: Iterable[tuple[str, str, Sequence[tuple[int, int]]]],
    recognizers: Sequence[TextRecognizer],
    allowed: Collection[str] = (),
    max_ids: int = MAX_SAMPLE_IDS,
) -> list[PiiHit]:
    """One hit count per scanned type: rows (id, released text, replacement spans) it is sure of.

    A value on the allow list (any case) is harmless by the steward's word and not counted.
    """
    allow = {a.strip().casefold() for a in allowed}
    recognizers = [r for r in recognizers if can_be_sure(r)]
    found: dict[str, set[str]] = {t: set() for t in scanned_types(recognizers)}
    for document, starts, ids in _documents(rows):
        for recognizer in recognizers:
            for result in recognizer.analyze(document, list(recognizer.supported_entities)):
                row = bisect_right(starts, result.start) - 1
                row_end = starts[row + 1] - 1 if row + 1 < len(starts) else len(document)
                value = document[result.start : result.end]
                if (
                    result.score >= GATE_MIN_SCORE
                    and result.end <= row_end
                    and result.entity_type in found
                    and value.strip().casefold() not in allow
                ):
                    found[result.entity_type].add(ids[row])
    return [
        PiiHit(scan_name(t), len(hits), sorted(hits)[:max_ids]) for t, hits in sorted(found.items())
    ]


def entity_type_frame(
    run_id: str, statuses: Iterable[EntityTypeStatus], scanned: Collection[str]
) -> pl.DataFrame:
    """The run's entity_types rows: each type on or off (and why), and whether the gate scans it."""
    rows = [
        {
            "run_id": run_id,
            "entity_type": s.entity_type,
            "enabled": s.enabled,
            "reason": s.reason,
            "residual_scan": s.entity_type in scanned,
        }
        for s in statuses
    ]
    return frames.frame(rows, frames.ENTITY_TYPES)

"""deid-text's JSONL lines: parse, group into engine batches, and turn a batch into records."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Deidentifier, DeidResult

# Texts of one batch share mentions (a name seen in one line is found in the others), so the
# batches are the same whether one process or many de-identify them: output is identical.
BATCH_LINES = 32
# Longer texts are analysed in pieces; this only bounds memory per line.
MAX_TEXT_CHARS = 20_000_000

# Numbered non-empty input lines that the engine sees together.
Batch = list[tuple[int, bytes]]


def parse_line(line_no: int, raw: bytes) -> tuple[object, str | None, str | None]:
    """Return (id, text, error); errors describe the problem without echoing the text."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, None, f"line {line_no}: not valid UTF-8"
    except json.JSONDecodeError:
        return None, None, f"line {line_no}: not valid JSON"
    if not isinstance(record, dict):
        return None, None, f"line {line_no}: expected a JSON object"
    record_id = record.get("id")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool):
        return None, None, f"line {line_no}: 'id' must be a string or an integer"
    text = record.get("text")
    if not isinstance(text, str):
        return record_id, None, f"line {line_no}: 'text' must be a string"
    if len(text) > MAX_TEXT_CHARS:
        return record_id, None, f"line {line_no}: text longer than {MAX_TEXT_CHARS} characters"
    return record_id, text, None


def batches(lines: Iterable[bytes]) -> Iterator[Batch]:
    """Non-empty lines, numbered from 1 over all input, BATCH_LINES at a time."""
    batch: Batch = []
    for line_no, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        batch.append((line_no, raw))
        if len(batch) >= BATCH_LINES:
            yield batch
            batch = []
    if batch:
        yield batch


def _deidentify_each(engine: Deidentifier, texts: list[str]) -> list[DeidResult | str]:
    """Batch when possible; if the batch fails, retry one by one so one bad text fails alone."""
    try:
        return list(engine.deidentify(texts))
    except Exception:
        results: list[DeidResult | str] = []
        for text in texts:
            try:
                results.extend(engine.deidentify([text]))
            except Exception as exc:
                results.append(f"de-identification failed ({type(exc).__name__})")
        return results


def batch_records(batch: Batch, engine: Deidentifier) -> list[dict[str, Any]]:
    """One output record per line of the batch, in order; a bad line gets an error record."""
    parsed = [parse_line(line_no, raw) for line_no, raw in batch]
    texts = [text for _, text, error in parsed if error is None and text is not None]
    results = iter(_deidentify_each(engine, texts))
    records: list[dict[str, Any]] = []
    for record_id, _, error in parsed:
        result = next(results) if error is None else error
        if isinstance(result, str):
            records.append({"id": record_id, "error": result})
            continue
        records.append(
            {
                "id": record_id,
                "text": result.text,
                "entities": [
                    {"start": d.start, "end": d.end, "entity_type": d.entity_type, "score": d.score}
                    for d in result.detections
                ],
            }
        )
    return records


def dump_record(record: dict[str, Any]) -> str:
    """One output line, newline included."""
    return json.dumps(record, ensure_ascii=False) + "\n"

"""`qualbridge deid-text`: JSONL in, de-identified JSONL out, with the pipeline's engine."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from qualbridge.cli.common import err, fail
from qualbridge.schemas.config import (
    ConfigError,
    ConsortiumConfig,
    DeidConfig,
    StudyConfig,
    load_config,
)
from qualbridge.tasks.shared.keys import ConsortiumKeyError, load_key

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Deidentifier, DeidResult

BATCH_LINES = 32
# Longer texts are analysed in pieces; this only bounds memory per line.
MAX_TEXT_CHARS = 20_000_000


def _parse_line(line_no: int, raw: bytes) -> tuple[object, str | None, str | None]:
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


def deid_records(lines: Iterable[bytes], engine: Deidentifier) -> Iterator[dict[str, Any]]:
    """De-identify JSONL records in batches; a bad line yields an error record in its place."""
    batch: list[tuple[object, str | None, str | None]] = []

    def flush() -> Iterator[dict[str, Any]]:
        texts = [text for _, text, error in batch if error is None and text is not None]
        results = iter(_deidentify_each(engine, texts))
        for record_id, _, error in batch:
            result = next(results) if error is None else error
            if isinstance(result, str):
                yield {"id": record_id, "error": result}
                continue
            yield {
                "id": record_id,
                "text": result.text,
                "entities": [
                    {"start": d.start, "end": d.end, "entity_type": d.entity_type, "score": d.score}
                    for d in result.detections
                ],
            }
        batch.clear()

    for line_no, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        batch.append(_parse_line(line_no, raw))
        if len(batch) >= BATCH_LINES:
            yield from flush()
    yield from flush()


def run_deid_text(stdin: IO[bytes], stdout: IO[str], engine: Deidentifier) -> int:
    """Stream stdin to stdout; return how many lines were errors."""
    errors = 0
    for record in deid_records(stdin, engine):
        errors += "error" in record
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
    return errors


def _study_engine(study: StudyConfig, config: ConsortiumConfig, key: bytes) -> Deidentifier:
    """The engine with a study's known identifiers and allow list (which reads the manifest)."""
    from qualbridge.tasks.deid import study_engine

    return study_engine(study, config, key)


def deid_text(
    config: Annotated[
        Path | None, typer.Option(help="Consortium config whose settings to use.")
    ] = None,
    study: Annotated[
        str | None, typer.Option(help="Add this study's known identifiers and allow list.")
    ] = None,
) -> None:
    """Read JSONL {"id", "text"} on stdin; write de-identified JSONL with entity offsets."""
    with _collection_paused():
        engine = _engine(config, study)
    errors = run_deid_text(sys.stdin.buffer, sys.stdout, engine)
    if errors:
        err.print(f"{errors} line(s) could not be processed; see their error records.")


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Start-up creates a million lasting objects (modules, model, lexicons); collecting while
    they load finds no garbage and costs a tenth of a second, so it waits, and they are frozen
    out of later collections."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _engine(config: Path | None, study: str | None) -> Deidentifier:
    """The engine of the config (default settings without one), with a study's lists if named."""
    from qualbridge.tasks.deid import Deidentifier

    try:
        if config is None:
            engine = Deidentifier(DeidConfig(), load_key())
        else:
            parsed = load_config(config)
            key = load_key(parsed.key_env, parsed.key_file)
            chosen = [s for s in parsed.studies if s.study_id == study]
            if study and not chosen:
                raise ConfigError(f"{config}: no study {study!r}")
            engine = (
                _study_engine(chosen[0], parsed, key) if chosen else Deidentifier(parsed.deid, key)
            )
    except (ConfigError, ConsortiumKeyError) as exc:
        raise fail(str(exc)) from None
    return engine

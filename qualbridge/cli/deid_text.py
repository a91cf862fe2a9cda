"""`qualbridge deid-text`: JSONL in, de-identified JSONL out, with the pipeline's engine."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Literal

import typer

from qualbridge.cli.common import err, fail
from qualbridge.cli.deid_lines import batch_records, batches, dump_record
from qualbridge.cli.deid_pool import EngineSpec, resolve_processes, run_parallel
from qualbridge.schemas.config import ConfigError, DeidConfig, load_config
from qualbridge.tasks.shared.keys import ConsortiumKeyError, load_key

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Deidentifier

# Input is read this many lines at a time; more than one block is worth starting workers for.
BLOCK_LINES = 2_000


def run_deid_text(lines: Iterable[bytes], stdout: IO[str], engine: Deidentifier) -> int:
    """Stream lines to stdout in this process, one engine batch at a time; return errors."""
    errors = 0
    for batch in batches(lines):
        for record in batch_records(batch, engine):
            errors += "error" in record
            stdout.write(dump_record(record))
        stdout.flush()
    return errors


def parse_processes(value: str | None) -> int | Literal["auto"] | None:
    """--processes: a number from 1 to 64, or auto; None leaves it to the config."""
    if value == "auto":
        return "auto"
    if value is None:
        return None
    if value.isdigit() and 1 <= int(value) <= 64:
        return int(value)
    raise fail(f"--processes must be a number from 1 to 64, or auto (got {value!r})")


def chosen_processes(choice: int | Literal["auto"] | None, config: DeidConfig) -> int:
    """The option's count if given, else the config's deid.processes (auto by default)."""
    return resolve_processes(config.processes if choice is None else choice)


def use_workers(lines_read: int, processes: int) -> bool:
    """Workers pay for their start-up only on input longer than one block."""
    return processes > 1 and lines_read > BLOCK_LINES


def deid_stream(lines: Iterable[bytes], stdout: IO[str], spec: EngineSpec, processes: int) -> int:
    """De-identify on workers or in this process (see use_workers); return how many errors."""
    if processes > 1:
        head = list(islice(lines, BLOCK_LINES + 1))
        lines = chain(head, lines)
        if use_workers(len(head), processes):
            try:
                return run_parallel(lines, stdout, spec, processes)
            except BrokenProcessPool:
                raise fail("a worker process stopped (out of memory?); try --processes 1") from None
    return run_deid_text(lines, stdout, spec.build())


def deid_text(
    config: Annotated[
        Path | None, typer.Option(help="Consortium config whose settings to use.")
    ] = None,
    study: Annotated[
        str | None, typer.Option(help="Add this study's known identifiers and allow list.")
    ] = None,
    processes: Annotated[
        str | None,
        typer.Option(
            help="Worker processes, a number or auto (every core, used when the input is "
            f"longer than {BLOCK_LINES:,} lines). Default: the config's deid.processes, else auto."
        ),
    ] = None,
) -> None:
    """Read JSONL {"id", "text"} on stdin; write de-identified JSONL with entity offsets."""
    choice = parse_processes(processes)
    spec = _engine_spec(config, study)
    errors = deid_stream(sys.stdin.buffer, sys.stdout, spec, chosen_processes(choice, spec.config))
    if errors:
        err.print(f"{errors} line(s) could not be processed; see their error records.")


def _engine_spec(config: Path | None, study: str | None) -> EngineSpec:
    """The engine of the config (default settings without one), with a study's lists if named."""
    try:
        if config is None:
            return EngineSpec(DeidConfig(), load_key())
        parsed = load_config(config)
        key = load_key(parsed.key_env, parsed.key_file)
        chosen = [s for s in parsed.studies if s.study_id == study]
        if study and not chosen:
            raise ConfigError(f"{config}: no study {study!r}")
        if not chosen:
            return EngineSpec(parsed.deid, key)
        from qualbridge.tasks.deid import study_lists

        known, allow = study_lists(chosen[0], parsed)
        return EngineSpec(parsed.deid, key, known, tuple(allow))
    except (ConfigError, ConsortiumKeyError) as exc:
        raise fail(str(exc)) from None

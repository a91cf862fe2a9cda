"""A failed run's summary: which stage failed and how, as a file, a log line and an artifact."""

from __future__ import annotations

import json
import traceback
from datetime import UTC, datetime
from pathlib import Path

from prefect import get_run_logger
from prefect.artifacts import create_markdown_artifact
from rich.console import Console

from qualbridge.schemas.config import ConfigError
from qualbridge.tasks.deid import ModelNotInstalledError
from qualbridge.tasks.shared.keys import ConsortiumKeyError

FAILURE_FILE = "failure.json"
# qualbridge's own errors whose messages name settings and files, never data.
SAFE_MESSAGES = (ConfigError, ConsortiumKeyError, ModelNotInstalledError)


def failed_stage(exc: BaseException) -> str:
    """The innermost stage flow (a `*_flow` function in flows/) the error passed through."""
    stage = "pipeline"
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).parent.name == "flows" and frame.name.endswith("_flow"):
            stage = frame.name.removesuffix("_flow")
    return stage


def describe(exc: BaseException) -> str:
    """What went wrong, without the exception's message unless it is an OS error on a path.

    Messages of arbitrary errors can quote the data being processed (raw text at the
    de-identification stage), so only the type is kept for them.
    """
    if isinstance(exc, SAFE_MESSAGES):
        return f"{type(exc).__name__}: {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{type(exc).__name__}: {exc.strerror}{where}"
    return type(exc).__name__


def record_failure(run_dir: Path, run_id: str, exc: BaseException) -> Path:
    """Write failure.json in the run folder, log it and publish it as a Prefect artifact."""
    summary = {
        "run_id": run_id,
        "failed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "stage": failed_stage(exc),
        "error": describe(exc),
    }
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / FAILURE_FILE
    path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    get_run_logger().error(
        "qualbridge run %s failed at stage %s: %s", run_id, summary["stage"], summary["error"]
    )
    create_markdown_artifact(
        key="qualbridge-run-failure",
        markdown=(
            f"## qualbridge run {run_id} FAILED\n\n"
            f"Stage: **{summary['stage']}**\n\nError: `{summary['error']}`\n\n"
            f"Summary file: `{path}`. Nothing was released; rerun after fixing the cause "
            "(unchanged files and de-identified outputs are reused)."
        ),
        description="Where and how the run failed",
    )
    return path


def report_failed_run(output_dir: Path, exc: BaseException, console: Console) -> int:
    """Tell a CLI user where the run failed and where its summary is; return exit code 1."""
    summaries = sorted((output_dir / "runs").glob(f"*/{FAILURE_FILE}"), key=_mtime)
    where = f" Summary: {summaries[-1]}" if summaries else ""
    console.print(
        f"[bold red]The run failed[/] at stage {failed_stage(exc)}: {describe(exc)}.{where}"
    )
    return 1


def _mtime(path: Path) -> float:
    return path.stat().st_mtime

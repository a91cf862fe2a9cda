"""The whole pipeline for one consortium config, composed of the stage flows."""

from __future__ import annotations

from dataclasses import dataclass, field

from prefect import flow
from prefect.runtime import flow_run

from qualbridge.flows.autocode import autocode_flow
from qualbridge.flows.code import code_flow
from qualbridge.flows.compare import compare_flow
from qualbridge.flows.context import record_run_start, run_context
from qualbridge.flows.deidentify import deidentify_flow
from qualbridge.flows.failure import record_failure
from qualbridge.flows.ingest import ingest_flow
from qualbridge.flows.load import load_flow
from qualbridge.flows.release import release_with
from qualbridge.flows.report import report_flow
from qualbridge.flows.validate import validate_flow
from qualbridge.tasks.warehouse import connect, finish_run


@dataclass
class RunSummary:
    """What a run did, for the CLI and for scripts."""

    run_id: str
    status: str
    counts: dict[str, int]
    gates_passed: bool
    report: str
    release: str | None
    failed_checks: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)


@flow(name="qualbridge-pipeline", persist_result=False)
def pipeline(config_path: str, output_dir: str | None = None) -> RunSummary:
    """ingest -> deidentify -> load -> validate -> code -> compare -> report (-> release)."""
    run_id = str(flow_run.get_id())
    ctx = run_context(config_path, output_dir, run_id)
    record_run_start(ctx)
    try:
        ingested = ingest_flow(ctx)
        deidentified = deidentify_flow(ctx)
        loaded = load_flow(ctx)
        validation = validate_flow(ctx)
        code_flow(ctx)
        autocode_flow(ctx)
        compare_flow(ctx)
    except BaseException as exc:
        with connect(ctx.warehouse) as con:
            finish_run(con, run_id, "failed", _empty_counts(), None)
        record_failure(ctx.run_dir, run_id, exc)
        raise
    counts = {
        "seen": ingested["to_load"] + ingested["unchanged"] + ingested["quarantined"],
        "loaded": loaded["loaded"],
        "unchanged": ingested["unchanged"],
        "quarantined": ingested["quarantined"] + deidentified["quarantined"],
    }
    # With sign-off required, the run only checks every gate; `qualbridge approve` and
    # `qualbridge release` follow on site.
    export = not ctx.config.release.require_approval
    outcome = release_with(ctx, run_id, export=export)
    passed = not outcome.blockers
    release = str(outcome.path) if outcome.released else None
    status = "gate_failed" if not passed else "completed" if release else "awaiting_approval"
    with connect(ctx.warehouse) as con:
        finish_run(con, run_id, status, counts, release)
    report = report_flow(ctx, counts, passed)
    failed = validation["failed_checks"] + [
        c.check for c in outcome.checks if c.broken or not c.success
    ]
    return RunSummary(run_id, status, counts, passed, report, release, failed, outcome.blockers)


def _empty_counts() -> dict[str, int]:
    return {"seen": 0, "loaded": 0, "unchanged": 0, "quarantined": 0}

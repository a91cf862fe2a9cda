"""The whole pipeline for one consortium config, composed of the stage flows."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from qualbridge.flows.autocode import autocode_flow
from qualbridge.flows.code import code_flow
from qualbridge.flows.compare import compare_flow
from qualbridge.flows.context import RunContext, record_run_start, run_context
from qualbridge.flows.deidentify import deidentify_flow
from qualbridge.flows.failure import record_failure
from qualbridge.flows.ingest import ingest_flow
from qualbridge.flows.load import load_flow
from qualbridge.flows.prewarm import import_in_background
from qualbridge.flows.release import release_with
from qualbridge.flows.report import report_flow
from qualbridge.flows.validate import validate_flow
from qualbridge.tasks.audit import RunStatus, set_status, status_markdown
from qualbridge.tasks.deid import close_run_pool
from qualbridge.tasks.quality import run_losses
from qualbridge.tasks.report import quarantine_by_kind
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
    # Studies, sources and comparisons the run left out, each with its reason.
    losses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Quarantined items by the stage that set them aside (ingest, deidentify, validate, ...).
    set_aside: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """True only when the run did everything it was asked: gates passed, nothing left out."""
        return self.gates_passed and not self.losses


@flow(name="qualbridge-pipeline", persist_result=False)
def pipeline(config_path: str, output_dir: str | None = None) -> RunSummary:
    """ingest -> deidentify -> load -> validate -> code -> compare -> report (-> release)."""
    run_id = str(flow_run.get_id())
    ctx = run_context(config_path, output_dir, run_id)
    record_run_start(ctx)
    try:
        ingested = run_stage("ingest", ingest_flow, ctx)
        import_in_background()  # while the workers de-identify, this process is mostly idle
        deidentified = run_stage("deidentify", deidentify_flow, ctx)
        close_run_pool()  # workers started before the flow hold a model each; free them now
        loaded = run_stage("load", load_flow, ctx)
        # The release check below validates again and renders the Data Docs from both.
        validation = run_stage("validate", partial(validate_flow, build_docs=False), ctx)
        run_stage("code", code_flow, ctx)
        run_stage("autocode", autocode_flow, ctx)
        run_stage("compare", compare_flow, ctx)
    except BaseException as exc:
        with connect(ctx.warehouse) as con:
            finish_run(con, run_id, "failed", _empty_counts(), None)
        record_failure(ctx.run_dir, run_id, exc)
        raise
    counts = _counts(ingested, deidentified, loaded)
    # With sign-off required, the run only checks every gate; `qualbridge approve` and
    # `qualbridge release` follow on site.
    export = not ctx.config.release.require_approval
    outcome = release_with(ctx, run_id, export=export)
    passed = not outcome.blockers
    release = str(outcome.path) if outcome.released else None
    status = "blocked" if not passed else "released" if release else "awaiting_approval"
    with connect(ctx.warehouse) as con:
        finish_run(con, run_id, status, counts, release)
        set_status(con, run_id, status, outcome.blockers)
        losses = run_losses(con, run_id)
        set_aside = quarantine_by_kind(con, run_id)
    report = report_flow(ctx, counts, passed)
    failed = validation["failed_checks"] + [
        c.check for c in outcome.checks if c.broken or not c.success
    ]
    summary = RunSummary(
        run_id, status, counts, passed, report, release, failed, outcome.blockers, losses,
        _redecided_note(ingested), set_aside,
    )  # fmt: skip
    publish_summary(summary)
    return summary


def run_stage(
    name: str, stage: Callable[[RunContext], dict[str, Any]], ctx: RunContext
) -> dict[str, Any]:
    """Run one stage flow and log its counts and time at INFO (numbers only, never data)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = stage(ctx)
    counts = {k: v for k, v in result.items() if isinstance(v, int) and not isinstance(v, bool)}
    # CPU seconds of this process (worker processes excluded) read true on a busy machine.
    get_run_logger().info(
        "stage %s finished in %.1f s (%.1f CPU s here): %s",
        name,
        time.perf_counter() - started,
        time.process_time() - cpu,
        ", ".join(f"{k} {v}" for k, v in counts.items()) or "done",
    )
    return result


def _counts(
    ingested: dict[str, int], deidentified: dict[str, int], loaded: dict[str, int]
) -> dict[str, int]:
    """Files seen = loaded + unchanged + quarantined, as the run summary prints them."""
    return {
        "seen": ingested["to_load"] + ingested["unchanged"] + ingested["quarantined"],
        "loaded": loaded["loaded"],
        "unchanged": ingested["unchanged"],
        "quarantined": ingested["quarantined"] + deidentified["quarantined"],
    }


def _redecided_note(ingested: dict[str, int]) -> list[str]:
    """What the steward's new decisions redid, in words ("2 transcripts ... 1 new decision")."""
    if not ingested.get("redecided"):
        return []
    n, d = ingested["redecided"], ingested.get("new_decisions", 0)
    what = f"after {d} new decision{'s' if d != 1 else ''}" if d else "after a decision change"
    return [f"{n} transcript{'s' if n != 1 else ''} re-de-identified {what}"]


def publish_summary(summary: RunSummary) -> None:
    """Log the outcome and attach it, with the run's true status, to the top-level flow run."""
    c = summary.counts
    outcome = (
        "FAILED a quality gate (no release)"
        if not summary.gates_passed
        else f"completed with {len(summary.losses)} loss(es)"
        if summary.losses
        else "completed"
    )
    _status_artifact(summary)
    get_run_logger().info(
        "qualbridge run %s %s: files seen %d, loaded %d, unchanged %d, quarantined %d",
        summary.run_id, outcome, c["seen"], c["loaded"], c["unchanged"], c["quarantined"],
    )  # fmt: skip
    lost = "".join(f"- {loss}\n" for loss in summary.losses)
    create_markdown_artifact(
        key="qualbridge-run-summary",
        markdown=(
            f"## qualbridge run {summary.run_id}: {outcome}\n\n"
            f"Files seen {c['seen']}, loaded {c['loaded']}, unchanged {c['unchanged']}, "
            f"quarantined {c['quarantined']}.\n\n"
            f"Set aside in this run: {by_kind(summary.set_aside)}.\n\n"
            + (f"Left out of this run:\n\n{lost}\n" if lost else "")
            + f"Report: `{summary.report}`"
        ),
        description="Counts, gate status and anything the run left out",
    )


def _status_artifact(summary: RunSummary) -> None:
    """Leave the run's true status on the pipeline's flow run, not a plain green tick."""
    status = RunStatus(summary.status, summary.blockers)
    steps = (
        ["review: `qualbridge review`", "approve: `qualbridge approve`", "`qualbridge release`"]
        if status.status == "awaiting_approval"
        else []
    )
    markdown = status_markdown(summary.run_id, status, steps)
    if summary.notes:
        markdown += "\n\n" + "\n".join(summary.notes)
    create_markdown_artifact(
        key="qualbridge-run-status", markdown=markdown, description=f"Run status: {status.label}"
    )


def by_kind(counts: dict[str, int]) -> str:
    """Quarantined items by the stage that set them aside, e.g. 'ingest 2, compare 1 (3 in all)'."""
    if not counts:
        return "nothing"
    parts = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    return f"{parts} ({sum(counts.values())} in all)"


def _empty_counts() -> dict[str, int]:
    return {"seen": 0, "loaded": 0, "unchanged": 0, "quarantined": 0}

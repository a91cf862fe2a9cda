"""Hub flow: verify every site's release package, merge them, then code and compare across sites."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from qualbridge.flows.autocode import autocode_flow
from qualbridge.flows.code import code_flow
from qualbridge.flows.compare import compare_flow
from qualbridge.flows.context import record_run_start, run_context
from qualbridge.flows.report import report_flow
from qualbridge.flows.validate import validate_flow
from qualbridge.tasks.deid import transcript_progress
from qualbridge.tasks.quality import release_contract_ids, verify_package
from qualbridge.tasks.warehouse import (
    connect,
    finish_run,
    merge_package,
    replace_themes,
)


@dataclass
class MergeSummary:
    """What a merge did with each package, and the hub's gates and report."""

    run_id: str
    outcomes: dict[str, str]
    gates_passed: bool
    report: str
    failed_checks: list[str] = field(default_factory=list)


def hub_contracts() -> dict[str, str]:
    """Contract ids and versions this qualbridge checks, as a release manifest lists them."""
    return release_contract_ids()


@flow(name="qualbridge-merge", persist_result=False)
def merge_flow(
    config_path: str, packages: list[str], output_dir: str | None = None
) -> MergeSummary:
    """Refuse the lot if any package is bad; else merge each, validate, code, compare, report."""
    run_id = str(flow_run.get_id())
    ctx = run_context(config_path, output_dir, run_id)
    fingerprint = ctx.key_fingerprint()
    # Every package is verified before the warehouse is even opened.
    verified, contracts = [], hub_contracts()
    with transcript_progress("Verifying release packages", len(packages)) as advance:
        for folder in packages:
            verified.append(verify_package(Path(folder), fingerprint, contracts, ctx.key()))
            advance(1)
    logger = get_run_logger()
    record_run_start(ctx)
    with connect(ctx.warehouse) as con:
        outcomes = {}
        for package in verified:
            outcomes[str(package.folder)] = merge_package(con, package, run_id)
            logger.info("package %s: %s", package.folder, outcomes[str(package.folder)])
        replace_themes(con, ctx.codebook)
    validation = validate_flow(ctx)
    code_flow(ctx)
    autocode_flow(ctx)  # one site's manual codes can teach the model that codes another's
    compare_flow(ctx)
    merged = sum(o == "merged" for o in outcomes.values())
    counts = {"seen": len(packages), "loaded": merged, "unchanged": len(packages) - merged}
    counts["quarantined"] = 0
    with connect(ctx.warehouse) as con:
        status = "completed" if validation["passed"] else "gate_failed"
        finish_run(con, run_id, status, counts, None)
    report = report_flow(ctx, counts, validation["passed"])
    create_markdown_artifact(
        key="qualbridge-merge-summary",
        markdown=f"## qualbridge merge {run_id}\n\n"
        + "".join(f"- `{package}`: {outcome}\n" for package, outcome in outcomes.items())
        + f"\nQuality gates: {'passed' if validation['passed'] else 'FAILED'}.\n\n"
        + f"Report: `{report}`",
        description="What the hub did with each package, and its gates",
    )
    return MergeSummary(run_id, outcomes, validation["passed"], report, validation["failed_checks"])

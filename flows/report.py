"""Report flow: the HTML report, the release when every gate passed, and Prefect artifacts."""

from __future__ import annotations

import polars as pl
from prefect import flow
from prefect.artifacts import create_table_artifact

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.audit import run_status
from qualbridge.tasks.coding import coder_name
from qualbridge.tasks.report import report_context, write_report
from qualbridge.tasks.warehouse import connect


@flow(name="report", persist_result=False)
def report_flow(
    ctx: RunContext,
    counts: dict[str, int],
    gates_passed: bool,
) -> str:
    """Write the run's HTML report and publish a summary and the comparison as artifacts."""
    with connect(ctx.warehouse) as con:
        context = report_context(
            con, ctx.config, ctx.run_id, counts, gates_passed, coder_name(ctx.codebook)
        )
        status = run_status(con, ctx.run_id)
    context["run_status"] = status
    path = write_report(context, ctx.run_dir / "report.html")
    # What a steward acts on: every file or row not loaded, with its reason (never its content).
    pl.DataFrame(context["quarantine"], schema=frames.QUARANTINE).write_csv(
        ctx.run_dir / "quarantine.csv"
    )
    rows = [
        {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
        for c in context["comparisons"]
        for row in c["rows"]
    ]
    if rows:
        create_table_artifact(
            key="qualbridge-theme-comparison",
            table=rows,
            description="Differences in theme coverage with 95% intervals",
        )
    return str(path)

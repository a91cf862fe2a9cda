"""Report flow: the HTML report, the release when every gate passed, and Prefect artifacts."""

from __future__ import annotations

import polars as pl
from prefect import flow
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
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
    path = write_report(context, ctx.run_dir / "report.html")
    # What a steward acts on: every file or row not loaded, with its reason (never its content).
    pl.DataFrame(context["quarantine"], schema=frames.QUARANTINE).write_csv(
        ctx.run_dir / "quarantine.csv"
    )
    create_markdown_artifact(
        key="qualbridge-run-summary",
        markdown=(
            f"## qualbridge run {ctx.run_id}\n\n"
            f"Files seen {counts['seen']}, loaded {counts['loaded']}, unchanged "
            f"{counts['unchanged']}, quarantined {counts['quarantined']}.\n\n"
            f"Set aside in this run: {_by_kind(context['quarantine_by_kind'])}.\n\n"
            f"Quality gates: {'passed' if gates_passed else 'FAILED (no release)'}.\n\n"
            f"Report: `{path}`"
        ),
        description="Counts and gate status of the run",
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


def _by_kind(counts: dict[str, int]) -> str:
    """Quarantined items by the stage that set them aside, e.g. 'ingest 2, compare 1 (3 in all)'."""
    if not counts:
        return "nothing"
    parts = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    return f"{parts} ({sum(counts.values())} in all)"

"""Validation flow: contracts compiled to GX suites and DuckDB sql checks, and the PII scan."""

from __future__ import annotations

from typing import Any

from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.schemas import frames
from qualbridge.tasks.deid import first_names, person_names, study_lists
from qualbridge.tasks.quality import validate_warehouse_task
from qualbridge.tasks.shared.contract_catalog import contract_for
from qualbridge.tasks.shared.staging import write_results
from qualbridge.tasks.warehouse import append_rows, connect, transaction

# The de-identification gate: what must hold before anything is coded, compared or released.
GATE_DATASETS = ("utterances", "detections")


@flow(name="validate", persist_result=False)
def validate_flow(ctx: RunContext, build_docs: bool = True) -> dict[str, Any]:
    """Check the warehouse's de-identified data; failing rows go to quarantine by id.

    build_docs=False leaves the Data Docs to a release check that follows (the pipeline's).
    """
    contracts = [contract_for(name) for name in GATE_DATASETS]
    with connect(ctx.warehouse) as con:
        outcome = validate_warehouse_task(
            con, contracts, ctx.run_dir, ctx.run_id, _known_identifiers(ctx), first_names(),
            person_names(), ctx.config.deid, _allowed(ctx), build_docs,
        )  # fmt: skip
        quarantined = frames.frame(
            [
                {
                    "run_id": ctx.run_id,
                    "study_id": row_id.split(":")[0],
                    "source": row_id,
                    "stage": "validate",
                    "reason": f"de-identified text still matches the {hit.pattern_name} check",
                }
                for hit in outcome.hits
                for row_id in hit.sample_ids
            ],
            frames.QUARANTINE,
        )
        with transaction(con):
            con.execute(
                "DELETE FROM check_results WHERE run_id = ? AND coalesce(stage, 'validate') "
                "= 'validate'",
                [ctx.run_id],
            )
            append_rows(con, "check_results", outcome.rows)
            con.execute(
                "DELETE FROM quarantine WHERE run_id = ? AND stage = 'validate'", [ctx.run_id]
            )
            append_rows(con, "quarantine", quarantined)
            con.execute("DELETE FROM entity_types WHERE run_id = ?", [ctx.run_id])
            append_rows(con, "entity_types", outcome.entity_types)
    write_results({"entity_types": outcome.entity_types}, ctx.run_dir / "results")
    failed = [r.check for r in outcome.results if not r.success or r.broken]
    return {
        "passed": not failed,
        "failed_checks": failed,
        "contracts": {c.contract_id: c.version for c in contracts},
        "data_docs": str(outcome.data_docs),
    }


def _allowed(ctx: RunContext) -> set[str]:
    """Terms the config and each study's allow list declare harmless, for the residual scan."""
    allowed = set(ctx.config.deid.allow_list)
    for study in ctx.config.studies:
        allowed.update(study_lists(study, ctx.config)[1])
    return allowed


def _known_identifiers(ctx: RunContext) -> dict[str, list[str]]:
    """Each study's known identifiers minus its allow list, for the residual scan."""
    known = {}
    for study in ctx.config.studies:
        grouped, allow = study_lists(study, ctx.config)
        allowed = {a.casefold() for a in allow}
        known[study.study_id] = [
            v for values in grouped.values() for v in values if v.casefold() not in allowed
        ]
    return known

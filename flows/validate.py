"""Validation flow: the data contract's GX suite and an independent residual-PII scan."""

from __future__ import annotations

import polars as pl
from prefect import flow

from flows.context import run_context
from flows.environment import PROJECT_ROOT
from schemas import frames
from tasks.quality.contracts import load_contract
from tasks.quality.residual_pii import residual_pii_counts
from tasks.quality.tasks import validate_frame_task
from tasks.warehouse.store import append_rows, connect

CONTRACTS = PROJECT_ROOT / "data_contracts"
UTTERANCES_CONTRACT = CONTRACTS / "deidentified_utterances.odcs.yaml"


@flow(name="validate", persist_result=False)
def validate_flow(config_path: str, output_dir: str | None, run_id: str) -> dict:
    """Check the warehouse's de-identified utterances; failing rows go to quarantine by id."""
    ctx = run_context(config_path, output_dir, run_id)
    contract = load_contract(UTTERANCES_CONTRACT)
    columns = [c.name for c in contract.columns]
    with connect(ctx.warehouse) as con:
        df = con.sql(f"SELECT {', '.join(columns)} FROM utterances").pl().to_pandas()
        results = validate_frame_task(df, contract)
        hits = residual_pii_counts(
            con, "utterances", "utterance_id", "text", contract.column("text").residual_pii
        )
        checks = [
            {
                "run_id": run_id,
                "contract_id": r.contract_id,
                "check_name": r.check,
                "column_name": r.column,
                "success": r.success,
                "broken": r.broken,
                "unexpected_count": r.unexpected_count,
                "detail": r.detail,
            }
            for r in results
        ] + [
            {
                "run_id": run_id,
                "contract_id": contract.contract_id,
                "check_name": f"text.residual_pii_scan.{hit.pattern_name}",
                "column_name": "text",
                "success": hit.count == 0,
                "broken": False,
                "unexpected_count": hit.count,
                "detail": "independent DuckDB scan; row ids in quarantine",
            }
            for hit in hits
        ]
        con.execute("DELETE FROM check_results WHERE run_id = ?", [run_id])
        append_rows(con, "check_results", pl.DataFrame(checks))
        quarantined = frames.frame(
            [
                {
                    "run_id": run_id,
                    "study_id": row_id.split(":")[0],
                    "source": row_id,
                    "stage": "validate",
                    "reason": f"de-identified text still matches the {hit.pattern_name} pattern",
                }
                for hit in hits
                for row_id in hit.sample_ids
            ],
            frames.QUARANTINE,
        )
        append_rows(con, "quarantine", quarantined)
    failed = [c["check_name"] for c in checks if not c["success"] or c["broken"]]
    return {
        "passed": not failed,
        "failed_checks": failed,
        "contracts": {contract.contract_id: contract.version},
    }

"""Coding flow: apply the codebook's rules to every de-identified utterance."""

from __future__ import annotations

from prefect import flow

from flows.context import run_context
from tasks.coding.rules import code_utterances, coder_name
from tasks.warehouse.store import connect, replace_codings


@flow(name="code", persist_result=False)
def code_flow(config_path: str, output_dir: str | None, run_id: str) -> dict[str, int]:
    """Replace the rule coder's codings with a fresh pass over the warehouse's utterances."""
    ctx = run_context(config_path, output_dir, run_id)
    with connect(ctx.warehouse) as con:
        utterances = con.sql(
            "SELECT utterance_id, transcript_id, speaker_role, text FROM utterances"
        ).pl()
        codings = code_utterances(utterances, ctx.codebook)
        replace_codings(con, coder_name(ctx.codebook), codings)
    return {"utterances": utterances.height, "codings": codings.height}

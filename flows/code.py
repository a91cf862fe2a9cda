"""Coding flow: apply the codebook's rules to every de-identified utterance."""

from __future__ import annotations

from prefect import flow

from qualbridge.flows.context import RunContext
from qualbridge.tasks.coding import code_utterances, coder_name
from qualbridge.tasks.warehouse import connect, replace_codings


@flow(name="code", persist_result=False)
def code_flow(ctx: RunContext) -> dict[str, int]:
    """Replace the rule coder's codings with a fresh pass over the warehouse's utterances."""
    with connect(ctx.warehouse) as con:
        utterances = con.sql(
            "SELECT utterance_id, transcript_id, speaker_role, text FROM utterances"
        ).pl()
        codings = code_utterances(utterances, ctx.codebook)
        replace_codings(con, coder_name(ctx.codebook), codings)
    return {"utterances": utterances.height, "codings": codings.height}

"""The `qualbridge` command line: every command is registered here, in one place and one style."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from qualbridge.cli import (
    audit,
    check,
    codebook,
    deid_text,
    evaluate,
    hub,
    pipeline,
    release,
    review,
    serve,
)
from qualbridge.cli.logs import Debug

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    # Tracebacks must never print local variables: they may hold raw transcript text.
    pretty_exceptions_show_locals=False,
)
codebook_app = typer.Typer(
    help="Check codebooks and crosswalks; import and export REFI-QDA codebooks (.qdc).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

COMMANDS: dict[str, Callable[..., Any]] = {
    "check": check.check,
    "run": pipeline.run,
    "demo": pipeline.demo,
    "merge": hub.merge,
    "serve": serve.serve,
    "deid-text": deid_text.deid_text,
    "evaluate": evaluate.evaluate,
    "audit": audit.audit,
    "approve": audit.approve,
    "release": release.release,
    "review": review.review,
    "keygen": pipeline.keygen,
}
CODEBOOK_COMMANDS: dict[str, Callable[..., Any]] = {
    "check": codebook.check,
    "import": codebook.import_,
    "export": codebook.export,
}


@app.callback()
def main(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="Write full tracebacks of a failed run to <output>/logs/qualbridge-debug.log "
            "(the terminal always shows one clear message).",
        ),
    ] = False,
) -> None:
    """De-identify qualitative transcripts, check them against data contracts, and compare theme
    coverage across studies.

    Exit codes:

    0 everything asked was done

    1 the run failed (runs/<run id>/failure.json)

    2 bad config, key or usage (nothing ran)

    3 a quality gate or sign-off blocker stopped the release

    4 evaluate: a --min-* threshold was not met

    5 completed with losses: a study, source or comparison was left out (each is listed)
    """
    Debug.enabled = debug


for name, command in COMMANDS.items():
    app.command(name)(command)
for name, command in CODEBOOK_COMMANDS.items():
    codebook_app.command(name)(command)
app.add_typer(codebook_app, name="codebook")

"""`qualbridge evaluate`: choose the detector to score and print its report for a data steward."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from qualbridge.cli.common import EXIT_BELOW_MINIMUM, EXIT_OK, console, err, fail
from qualbridge.schemas.config import ConfigError, DeidConfig, load_config
from qualbridge.tasks.shared.keys import ConsortiumKeyError, load_key

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Detector, EvaluationReport, PrecisionRow, RecallRow, Snippet

# Detection never depends on the key (only replacement does), so scoring needs no real one.
THROWAWAY_KEY = b"qualbridge-evaluation-throwaway-key"


def _key(env_var: str, key_file: Path | None) -> bytes:
    """The consortium key when one is set, else a fixed throwaway key."""
    try:
        return load_key(env_var, key_file)
    except ConsortiumKeyError:
        return THROWAWAY_KEY


def build_detector(config: Path | None, study: str | None, baseline: bool) -> tuple[str, Detector]:
    """A label and detect function: the study's engine, the config's, the default, or Presidio."""
    if study and config is None:
        raise ConfigError("--study needs --config to say where the study is defined")
    parsed = load_config(config) if config is not None else None
    deid = parsed.deid if parsed is not None else DeidConfig()
    if baseline:
        from qualbridge.tasks.deid import vanilla_presidio_detector

        detect = vanilla_presidio_detector(deid.spacy_model, deid.language, deid.score_threshold)
        return f"vanilla Presidio ({deid.spacy_model})", detect
    from qualbridge.tasks.deid import Deidentifier, study_engine

    if parsed is None:
        engine = Deidentifier(deid, _key("QUALBRIDGE_KEY", None))
        return "qualbridge (default settings)", engine.detect
    key = _key(parsed.key_env, parsed.key_file)
    if study:
        chosen = [s for s in parsed.studies if s.study_id == study]
        if not chosen:
            raise ConfigError(f"{config}: no study {study!r}")
        return f"qualbridge (study {study})", study_engine(chosen[0], parsed, key).detect
    return f"qualbridge ({config})", Deidentifier(deid, key).detect


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _recall_table(title: str, rows: list[RecallRow], with_class: bool) -> Table:
    table = Table(title=title)
    table.add_column("entity type" if with_class else "class")
    if with_class:
        table.add_column("class")
    for column in ("n", "caught", "recall"):
        table.add_column(column, justify="right")
    for row in sorted(rows, key=lambda r: (r.entity_class, r.group)):
        cells = [row.group, *([row.entity_class] if with_class else [])]
        table.add_row(*cells, str(row.n), str(row.caught), _ratio(row.recall))
    return table


def _precision_table(rows: list[PrecisionRow], total: PrecisionRow) -> Table:
    table = Table(title="Precision by detected type")
    table.add_column("detected type")
    for column in ("detections", "true pos.", "false pos.", "precision"):
        table.add_column(column, justify="right")
    for row in [*rows, total]:
        style = "bold" if row is total else None
        table.add_row(
            row.group,
            str(row.n),
            str(row.true_positives),
            str(row.n - row.true_positives),
            _ratio(row.precision),
            style=style,
        )
    return table


def _context(snippet: Snippet) -> Text:
    """The snippet with its span highlighted (rich Text, so brackets in speech stay literal)."""
    return Text.assemble(snippet.left, (snippet.value, "bold reverse"), snippet.right)


def _snippet_table(title: str, snippets: list[Snippet], limit: int, misses: bool) -> Table:
    table = Table(title=f"{title} (first {min(limit, len(snippets))} of {len(snippets)})")
    table.add_column("record")
    table.add_column("type")
    table.add_column("class" if misses else "recognizer")
    table.add_column("context")
    for s in snippets[:limit]:
        table.add_row(s.record_id, s.entity_type, s.entity_class or s.recognizer, _context(s))
    return table


def print_report(report: EvaluationReport, label: str, console: Console, limit: int) -> None:
    """Recall by class and type, precision, then up to `limit` misses and false positives."""
    gold = sum(r.n for r in report.recall_by_class)
    console.print(
        f"[bold]{label}[/]: {report.records} records, {gold} gold entities, "
        f"{report.precision.n} detections, detection took {report.detect_seconds:.1f} s"
    )
    console.print(_recall_table("Recall by class", report.recall_by_class, with_class=False))
    console.print(_recall_table("Recall by entity type", report.recall_by_type, with_class=True))
    console.print(_precision_table(report.precision_by_type, report.precision))
    if limit > 0:
        console.print(_snippet_table("Misses", report.misses, limit, misses=True))
        console.print(
            _snippet_table("False positives", report.false_positives, limit, misses=False)
        )


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold-annotated JSONL (see examples/evaluation).")],
    config: Annotated[
        Path | None, typer.Option(help="Consortium config whose engine settings to score.")
    ] = None,
    study: Annotated[
        str | None, typer.Option(help="Add this study's known identifiers and allow list.")
    ] = None,
    baseline: Annotated[
        bool,
        typer.Option("--baseline", help="Score plain Presidio (same model and threshold) instead."),
    ] = False,
    misses: Annotated[
        int, typer.Option(min=0, help="How many misses and false positives to list.")
    ] = 20,
    min_direct_recall: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if direct-identifier recall is lower.")
    ] = None,
    min_quasi_recall: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if quasi-identifier recall is lower.")
    ] = None,
    min_precision: Annotated[
        float | None, typer.Option(min=0.0, help="Exit 4 if precision is lower.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the full report as JSON here.")
    ] = None,
) -> None:
    """Score de-identification against a gold set: recall by class and type, precision, misses.

    A gold entity counts as caught only when every non-space character of it is masked; a
    detection that touches no gold entity is a false positive. No real key is needed. Exit 0
    when done, 4 when a given --min-* threshold is not met, 2 for a bad gold file or config.
    """
    import json

    from qualbridge.tasks.deid import GoldFileError, evaluate, load_gold

    try:
        records = load_gold(gold)
        label, detect = build_detector(config, study, baseline)
    except (GoldFileError, ConfigError) as exc:
        raise fail(str(exc)) from None
    started = time.perf_counter()
    with err.status(f"Scoring {label} on {len(records)} gold records..."):
        report = evaluate(records, detect)
    print_report(report, label, console(), misses)
    if json_out is not None:
        payload = {"gold": str(gold), "detector": label, **report.to_dict()}
        json_out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    err.print(f"Finished in {time.perf_counter() - started:.1f} s")
    unmet = report.unmet_minimums(min_direct_recall, min_quasi_recall, min_precision)
    for problem in unmet:
        err.print(f"[bold red]below minimum:[/] {problem}")
    raise typer.Exit(EXIT_BELOW_MINIMUM if unmet else EXIT_OK)

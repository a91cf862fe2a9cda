"""`qualbridge evaluate`: choose the detector to score and print its report for a data steward."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from qualbridge.cli.common import EXIT_BELOW_MINIMUM, EXIT_OK, console, err, fail
from qualbridge.environment import PROJECT_ROOT
from qualbridge.schemas.config import ConfigError, DeidConfig, load_config
from qualbridge.tasks.shared.keys import ConsortiumKeyError, load_key

if TYPE_CHECKING:  # the engine loads spaCy: imported when a command runs, not at start-up
    from qualbridge.tasks.deid import Detector, EvaluationReport, PrecisionRow, RecallRow, Snippet
    from qualbridge.tasks.deid.evaluation import (
        GoldRecord,
        GoldSet,
        SetScore,
        TypeComparison,
    )

# Detection never depends on the key (only replacement does), so scoring needs no real one.
THROWAWAY_KEY = b"qualbridge-evaluation-throwaway-key"
SETS_DIR = Path("examples") / "evaluation"
GOLD_HELP = (
    "Gold-annotated JSONL files (see examples/evaluation); none: every shipped set, its tuned"
    " (dev) and untuned (test) parts."
)


def _key(env_var: str, key_file: Path | None) -> bytes:
    """The consortium key when one is set, else a fixed throwaway key."""
    try:
        return load_key(env_var, key_file)
    except ConsortiumKeyError:
        return THROWAWAY_KEY


def vanilla_detector(deid: DeidConfig) -> tuple[str, Detector]:
    """Plain Presidio with the engine's model, language and threshold, and its label."""
    from qualbridge.tasks.deid import vanilla_presidio_detector

    detect = vanilla_presidio_detector(deid.spacy_model, deid.language, deid.score_threshold)
    return f"vanilla Presidio ({deid.spacy_model})", detect


def build_detector(config: Path | None, study: str | None, baseline: bool) -> tuple[str, Detector]:
    """A label and detect function: the study's engine, the config's, the default, or Presidio."""
    if study and config is None:
        raise ConfigError("--study needs --config to say where the study is defined")
    parsed = load_config(config) if config is not None else None
    deid = parsed.deid if parsed is not None else DeidConfig()
    if baseline:
        return vanilla_detector(deid)
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


def _share(n: int, part: int) -> float | None:
    return part / n if n else None


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


def _class_table(score: SetScore) -> Table:
    """Recall by class, with vanilla Presidio's beside it when it was scored."""
    if score.baseline is None:
        return _recall_table("Recall by class", score.report.recall_by_class, with_class=False)
    table = Table(title="Recall by class (qualbridge beside vanilla Presidio)")
    table.add_column("class")
    for column in ("n", "caught", "recall", "vanilla caught", "vanilla recall"):
        table.add_column(column, justify="right")
    theirs = {row.group: row for row in score.baseline.recall_by_class}
    for row in score.report.recall_by_class:
        other = theirs.get(row.group)
        caught = other.caught if other else 0
        table.add_row(
            row.group,
            str(row.n),
            str(row.caught),
            _ratio(row.recall),
            str(caught),
            _ratio(caught / row.n if row.n else None),
        )
    return table


def _versus(row: TypeComparison) -> Text:
    """The recall difference, red when the engine is below vanilla Presidio."""
    if row.n == 0:
        return Text("-")
    diff = (row.caught - row.baseline_caught) / row.n
    return Text(
        f"{diff:+.3f}" + (" BELOW" if row.below_baseline else ""),
        style="bold red" if row.below_baseline else "",
    )


def _type_table(score: SetScore) -> Table:
    """Recall by entity type, with vanilla Presidio's beside it when it was scored."""
    if score.baseline is None:
        return _recall_table("Recall by entity type", score.report.recall_by_type, with_class=True)
    table = Table(title="Recall by entity type (qualbridge beside vanilla Presidio)")
    table.add_column("entity type")
    table.add_column("class")
    for column in ("n", "caught", "recall", "vanilla caught", "vanilla recall", "difference"):
        table.add_column(column, justify="right")
    for row in score.by_type():
        table.add_row(
            row.entity_type,
            row.entity_class,
            str(row.n),
            str(row.caught),
            _ratio(row.recall),
            str(row.baseline_caught),
            _ratio(row.baseline_recall),
            _versus(row),
        )
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


def print_set(score: SetScore, label: str, console: Console, limit: int) -> None:
    """One set: recall by class and type beside vanilla Presidio's, precision, misses."""
    report = score.report
    gold = sum(r.n for r in report.recall_by_class)
    console.rule(f"[bold]{score.gold.name}[/]: {score.gold.part_label}")
    console.print(
        f"[bold]{label}[/]: {report.records} records, {gold} gold entities, "
        f"{report.precision.n} detections, detection took {report.detect_seconds:.1f} s"
    )
    console.print(_class_table(score))
    console.print(_type_table(score))
    console.print(_precision_table(report.precision_by_type, report.precision))
    if score.baseline is not None:
        console.print(
            f"vanilla Presidio precision: {_ratio(score.baseline.precision.precision)} "
            f"({score.baseline.precision.true_positives} of {score.baseline.precision.n})"
        )
    if limit > 0 and score.gold.part == "test" and not report.misses:
        console.print("Misses of an untuned part are withheld (--test-misses lists them).")
    elif limit > 0:
        console.print(_snippet_table("Misses", report.misses, limit, misses=True))
        console.print(
            _snippet_table("False positives", report.false_positives, limit, misses=False)
        )


def _class_counts(reports: list[EvaluationReport], entity_class: str) -> tuple[int, int]:
    rows = [r for report in reports for r in report.recall_by_class if r.group == entity_class]
    return sum(r.n for r in rows), sum(r.caught for r in rows)


def _summary_cells(reports: list[EvaluationReport], baselines: list[EvaluationReport]) -> list[str]:
    """Direct and quasi recall and precision, pooled over the reports, engine then vanilla."""
    cells = []
    for entity_class in ("direct", "quasi"):
        for group in (reports, baselines):
            n, caught = _class_counts(group, entity_class)
            cells.append(_ratio(_share(n, caught)) if group else "")
    for group in (reports, baselines):
        n = sum(r.precision.n for r in group)
        cells.append(_ratio(_share(n, sum(r.precision.true_positives for r in group))))
    return cells


def print_summary(scores: list[SetScore], console: Console) -> None:
    """One row per set and one per part (tuned dev, untuned test), engine beside vanilla."""
    from qualbridge.tasks.deid.evaluation import PARTS

    table = Table(title="Summary: qualbridge (qb) beside vanilla Presidio (vp)")
    for column in ("set", "part", "records"):
        table.add_column(column)
    for column in ("direct qb", "direct vp", "quasi qb", "quasi vp", "prec. qb", "prec. vp"):
        table.add_column(column, justify="right")
    table.add_column("types below vanilla")
    for score in scores:
        base = [score.baseline] if score.baseline else []
        below = ", ".join(r.entity_type for r in score.below_baseline()) or "none"
        table.add_row(
            score.gold.name,
            score.gold.part_label,
            str(score.report.records),
            *_summary_cells([score.report], base),
            below if base else "-",
        )
    for part in ("dev", "test", ""):
        group = [s for s in scores if s.gold.part == part]
        if len(group) < 2:
            continue
        base = [s.baseline for s in group if s.baseline is not None]
        table.add_row(
            f"all {part or 'given'} sets",
            PARTS[part],
            str(sum(s.report.records for s in group)),
            *_summary_cells([s.report for s in group], base),
            "",
            style="bold",
        )
    console.print(table)


def load_sets(gold: list[Path] | None) -> list[tuple[GoldSet, list[GoldRecord]]]:
    """The named gold files, or every shipped set; each file is read and checked first."""
    from qualbridge.tasks.deid.evaluation import gold_set_for, load_gold, shipped_sets

    sets = [gold_set_for(p) for p in gold] if gold else shipped_sets(PROJECT_ROOT / SETS_DIR)
    return [(s, load_gold(s.path)) for s in sets]


def score_and_print(
    loaded: list[tuple[GoldSet, list[GoldRecord]]],
    engine: tuple[str, Detector],
    baseline: Detector | None,
    limit: int,
    test_misses: bool = False,
) -> list[SetScore]:
    """Score each set with the engine (and the baseline), print it, then print the summary.

    The misses and false positives of untuned (test) parts are withheld unless asked for:
    whoever reads them while writing rules turns the part into a tuned one.
    """
    from dataclasses import replace

    from qualbridge.tasks.deid.evaluation import SetScore
    from qualbridge.tasks.deid.evaluation import evaluate as score

    label, detect = engine
    out = console()
    scores = []
    for gold_set, records in loaded:
        with err.status(f"Scoring {gold_set.name} ({len(records)} records)..."):
            report = score(records, detect)
            theirs = score(records, baseline) if baseline else None
        if gold_set.part == "test" and not test_misses:
            report = replace(report, misses=[], false_positives=[])
            theirs = replace(theirs, misses=[], false_positives=[]) if theirs else None
        scores.append(SetScore(gold_set, report, theirs))
        print_set(scores[-1], label, out, limit)
    print_summary(scores, out)
    return scores


def _json_payload(scores: list[SetScore], label: str, baseline_label: str | None) -> dict[str, Any]:
    """One set keeps the single-report shape; several are listed under 'sets'."""
    head = {"detector": label, "baseline_detector": baseline_label}
    items = [{"gold": str(s.gold.path), **s.to_dict()} for s in scores]
    if len(items) == 1:
        return {**head, **items[0]}
    return {**head, "sets": items}


def _unmet(scores: list[SetScore], minimums: tuple[float | None, ...]) -> list[str]:
    return [
        f"{score.gold.name}: {problem}"
        for score in scores
        for problem in score.report.unmet_minimums(*minimums)
    ]


# The command's arguments and options, named once so its signature stays readable.
GoldFiles = Annotated[list[Path] | None, typer.Argument(help=GOLD_HELP, show_default=False)]
ConfigOption = Annotated[
    Path | None, typer.Option(help="Consortium config whose engine settings to score.")
]
StudyOption = Annotated[
    str | None, typer.Option(help="Add this study's known identifiers and allow list.")
]
BaselineFlag = Annotated[
    bool,
    typer.Option("--baseline", help="Score plain Presidio (same model and threshold) instead."),
]
VanillaFlag = Annotated[
    bool,
    typer.Option(
        "--vanilla/--no-vanilla",
        help="Also score vanilla Presidio and print its recall beside the engine's.",
    ),
]
MissesOption = Annotated[
    int, typer.Option(min=0, help="How many misses and false positives to list per set.")
]
MinDirect = Annotated[
    float | None, typer.Option(min=0.0, help="Exit 4 if direct-identifier recall is lower.")
]
MinQuasi = Annotated[
    float | None, typer.Option(min=0.0, help="Exit 4 if quasi-identifier recall is lower.")
]
MinPrecision = Annotated[float | None, typer.Option(min=0.0, help="Exit 4 if precision is lower.")]
TestMissesFlag = Annotated[
    bool,
    typer.Option(
        "--test-misses",
        help="Also list the misses of untuned (test) parts (reading them makes them tuned).",
    ),
]
JsonOption = Annotated[
    Path | None, typer.Option("--json", help="Also write the full report as JSON here.")
]


def evaluate(
    gold: GoldFiles = None,
    config: ConfigOption = None,
    study: StudyOption = None,
    baseline: BaselineFlag = False,
    vanilla: VanillaFlag = True,
    misses: MissesOption = 20,
    min_direct_recall: MinDirect = None,
    min_quasi_recall: MinQuasi = None,
    min_precision: MinPrecision = None,
    json_out: JsonOption = None,
    test_misses: TestMissesFlag = False,
) -> None:
    """Score de-identification against gold sets: recall by class and type beside vanilla Presidio.

    A gold entity counts as caught only when every non-space character of it is masked; a
    detection that touches no gold entity is a false positive. With no file, every shipped set
    is scored, tuned (dev) and untuned (test) parts apart; the misses of test parts are listed
    only with --test-misses. No real key is needed. Exit 0 when
    done, 4 when a given --min-* threshold is not met on any set, 2 for a bad gold file or config.
    """
    import json

    from qualbridge.tasks.deid import GoldFileError

    try:
        loaded = load_sets(gold)
        label, detect = build_detector(config, study, baseline)
        base_label, base_detect = (
            vanilla_detector(load_config(config).deid if config else DeidConfig())
            if vanilla and not baseline
            else (None, None)
        )
    except (GoldFileError, ConfigError) as exc:
        raise fail(str(exc)) from None
    started = time.perf_counter()
    scores = score_and_print(loaded, (label, detect), base_detect, misses, test_misses)
    if json_out is not None:
        payload = _json_payload(scores, label, base_label)
        json_out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    err.print(f"Finished in {time.perf_counter() - started:.1f} s")
    unmet = _unmet(scores, (min_direct_recall, min_quasi_recall, min_precision))
    for problem in unmet:
        err.print(f"[bold red]below minimum:[/] {problem}")
    raise typer.Exit(EXIT_BELOW_MINIMUM if unmet else EXIT_OK)

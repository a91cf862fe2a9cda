"""`qualbridge evaluate` through the real command and engine, on a slice of the gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_BELOW_MINIMUM, EXIT_OK, EXIT_USAGE
from qualbridge.cli.evaluate import load_sets
from qualbridge.tasks.deid.evaluation import load_gold, shipped_sets

SETS = Path(__file__).resolve().parents[2] / "examples" / "evaluation"
GOLD = SETS / "gold.jsonl"
runner = CliRunner()


@pytest.fixture
def gold_slice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The first 20 gold lines, scored with no consortium key set."""
    monkeypatch.delenv("QUALBRIDGE_KEY", raising=False)
    monkeypatch.delenv("QUALBRIDGE_KEY_FILE", raising=False)
    path = tmp_path / "gold20.jsonl"
    lines = GOLD.read_text(encoding="utf-8").splitlines()[:20]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("options", "exit_code"),
    [
        pytest.param([], EXIT_OK, id="default"),
        pytest.param(["--min-direct-recall", "1.01"], EXIT_BELOW_MINIMUM, id="direct-unmet"),
        pytest.param(["--min-precision", "1.01"], EXIT_BELOW_MINIMUM, id="precision-unmet"),
        pytest.param(["--min-quasi-recall", "0"], EXIT_OK, id="quasi-met"),
    ],
)
def test_evaluate_prints_tables_and_exits_by_minimums(
    gold_slice: Path, options: list[str], exit_code: int
) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_slice), "--misses", "3", *options])
    assert result.exit_code == exit_code, result.output
    for title in ("Recall by class", "Recall by entity type", "Precision by detected type"):
        assert title in result.output
    assert ("below minimum" in result.output) is (exit_code == EXIT_BELOW_MINIMUM)


def test_evaluate_writes_the_json_report(gold_slice: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(gold_slice), "--misses", "0", "--json", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["records"] == 20
    assert {row["group"] for row in report["recall_by_class"]} == {"direct", "quasi"}
    assert report["baseline_detector"].startswith("vanilla Presidio")
    assert report["baseline"]["records"] == 20
    types = {row["group"] for row in report["recall_by_type"]}
    assert {row["entity_type"] for row in report["by_type_vs_baseline"]} == types


def _slice(source: Path, out: Path, lines: slice) -> Path:
    out.write_text(
        "\n".join(source.read_text(encoding="utf-8").splitlines()[lines]) + "\n", encoding="utf-8"
    )
    return out


@pytest.fixture
def two_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A dev and a test slice of two shipped sets, under names that give their part."""
    monkeypatch.delenv("QUALBRIDGE_KEY", raising=False)
    monkeypatch.delenv("QUALBRIDGE_KEY_FILE", raising=False)
    return [
        _slice(GOLD, tmp_path / "uk_dev.jsonl", slice(0, 15)),
        _slice(SETS / "international_test.jsonl", tmp_path / "intl_test.jsonl", slice(0, 15)),
    ]


def test_evaluate_scores_several_sets_beside_vanilla_presidio(
    two_sets: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, ["evaluate", *map(str, two_sets), "--misses", "0", "--json", str(out)]
    )
    assert result.exit_code == EXIT_OK, result.output
    for text in ("uk/dev", "intl/test", "tuned (dev)", "untuned (test)", "vanilla recall"):
        assert text in result.output
    assert "Summary: qualbridge (qb) beside vanilla Presidio (vp)" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["set"], s["part"], s["records"]) for s in report["sets"]] == [
        ("uk/dev", "dev", 15),
        ("intl/test", "test", 15),
    ]
    for item in report["sets"]:
        assert item["baseline"]["records"] == 15


def test_evaluate_names_the_set_that_misses_a_minimum(two_sets: list[Path]) -> None:
    result = runner.invoke(
        app, ["evaluate", *map(str, two_sets), "--no-vanilla", "--min-direct-recall", "1.01"]
    )
    assert result.exit_code == EXIT_BELOW_MINIMUM, result.output
    assert "below minimum: uk/dev: direct recall" in result.output
    assert "below minimum: intl/test: direct recall" in result.output
    assert "vanilla recall" not in result.output


def test_evaluate_without_files_reads_every_shipped_set() -> None:
    loaded = load_sets(None)
    assert [(s.name, len(records)) for s, records in loaded] == [
        (s.name, len(load_gold(s.path))) for s in shipped_sets(SETS)
    ]
    assert {s.part for s, _ in loaded} == {"dev", "test"}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(["--study", "s1"], "--study needs --config", id="study-without-config"),
        pytest.param(["--config", "nowhere.yaml"], "config file not found", id="missing-config"),
    ],
)
def test_evaluate_refuses_bad_options(gold_slice: Path, options: list[str], expected: str) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_slice), *options])
    assert result.exit_code == EXIT_USAGE
    assert expected in result.output


def test_evaluate_names_the_bad_gold_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "hi", "entities": []}\n{"id": \n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == EXIT_USAGE
    assert "gold.jsonl:2" in result.output.replace("\n", "")


def test_evaluate_help_documents_the_exit_code() -> None:
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "4" in result.output and "--baseline" in result.output
    assert "--no-vanilla" in result.output and "every shipped set" in result.output


@pytest.mark.parametrize(
    ("options", "test_misses_shown"),
    [
        pytest.param([], False, id="withheld-by-default"),
        pytest.param(["--test-misses"], True, id="asked-for"),
    ],
)
def test_evaluate_withholds_the_misses_of_untuned_parts(
    two_sets: list[Path], tmp_path: Path, options: list[str], test_misses_shown: bool
) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app,
        ["evaluate", *map(str, two_sets), "--no-vanilla", "--json", str(out), *options],
        terminal_width=200,
    )
    assert result.exit_code == EXIT_OK, result.output
    assert ("Misses of an untuned part are withheld" in result.output) is not test_misses_shown
    dev, test = json.loads(out.read_text(encoding="utf-8"))["sets"]
    caught = {row["group"]: row for row in test["recall_by_class"]}
    missed = sum(row["n"] - row["caught"] for row in caught.values())
    assert missed > 0, "the slice must have misses for the check to mean anything"
    assert bool(test["misses"]) is test_misses_shown
    assert dev["part"] == "dev" and "misses" in dev

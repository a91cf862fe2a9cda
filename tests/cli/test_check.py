"""`qualbridge check`: a config refused before any work, naming file, line, key and a fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_OK, EXIT_USAGE
from qualbridge.environment import PROJECT_ROOT
from tests.conftest import FIXTURES

runner = CliRunner()
DEMO = PROJECT_ROOT / "examples" / "demo"


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """The demo consortium copied, so its config can be edited."""
    shutil.copytree(DEMO, tmp_path / "demo", ignore=shutil.ignore_patterns("out"))
    return tmp_path / "demo" / "consortium.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  deny_list: studies/peer",
            "  deny_lst: studies/peer",
            ["line 13", "deny_lst", "deny_list"],
        ),
        ("comparisons:", "comparsions:", ["line 25", "comparsions", "'comparisons'"]),
        (
            "stats:\n  bootstrap",
            "stats:\n  bootstrap_resample: 5\n  bootstrap",
            ["bootstrap_resample", "'bootstrap_resamples'"],
        ),
        (
            "  by: corpus\n  group_a: peer",
            "  by: corpus\n  spekaer_roles: [client]\n  group_a: peer",
            ["spekaer_roles", "'speaker_roles'"],
        ),
        (
            "Interviewer: interviewer",
            "Interviewer: interviwer",
            ["line 11", "'interviwer'", "'interviewer'"],
        ),
        ("  - therapist", "  - therapists", ["line 34", "speaker_roles", "'therapists'"]),
        ("group_b: therapy\n", "group_b: therapie\n", ["line 29", "'therapie'", "'therapy'"]),
        (
            "manifest: studies/peer_support/manifest.csv",
            "manifest: studies/peer_support/gone.csv",
            ["line 9", "gone.csv not found"],
        ),
        (
            "deny_list: studies/therapist",
            "deny_list: nowhere/therapist",
            ["studies.1.deny_list", "not found"],
        ),
        (
            "codebook: codebook.yaml",
            "codebook: [codebook.yaml",
            ["not valid YAML at line 4, column 8"],
        ),
    ],
)
def test_check_refuses_with_line_and_suggestion(
    demo_copy: Path, old: str, new: str, expected: list[str]
) -> None:
    _edit(demo_copy, old, new)
    result = runner.invoke(app, ["check", str(demo_copy)])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "consortium.yaml" in result.output
    for text in expected:
        assert text in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "config", [DEMO / "consortium.yaml", FIXTURES / "mini" / "consortium.yaml"]
)
def test_check_accepts_the_shipped_configs(config: Path) -> None:
    result = runner.invoke(app, ["check", str(config)])
    assert result.exit_code == EXIT_OK, result.output
    assert "OK" in result.output


def test_both_typos_refused_fast_by_the_installed_command(demo_copy: Path) -> None:
    """The bar: `deny_lst:` and `comparsions:` refused with exit 2 naming each, well under 20 s."""
    _edit(demo_copy, "  deny_list: studies/peer", "  deny_lst: studies/peer")
    _edit(demo_copy, "comparisons:", "comparsions:")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "qualbridge.cli", "check", str(demo_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == EXIT_USAGE
    assert "deny_lst" in done.stderr and "comparsions" in done.stderr
    assert "Traceback" not in done.stderr
    assert elapsed < 20  # the bar; about 1 s of CPU, the rest is a busy machine


def test_check_imports_neither_prefect_nor_spacy() -> None:
    code = (
        "import sys, qualbridge.cli.app; "
        "print(sorted(m for m in ('prefect', 'spacy', 'presidio_analyzer') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_run_refuses_an_unknown_key_before_any_work(demo_copy: Path) -> None:
    _edit(demo_copy, "comparisons:", "comparsions:")
    result = runner.invoke(app, ["run", str(demo_copy)])
    assert result.exit_code == EXIT_USAGE
    assert "comparsions" in result.output
    assert not (demo_copy.parent / "out").exists()

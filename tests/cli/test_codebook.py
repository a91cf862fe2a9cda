"""The `qualbridge codebook` commands: check, import and export, with exit codes scripts trust."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qualbridge.cli import app
from qualbridge.cli.common import EXIT_OK, EXIT_USAGE
from qualbridge.schemas.codebook import load_codebook
from tests.conftest import FIXTURES, TEST_KEY

runner = CliRunner()
DEMO = Path(__file__).parents[2] / "examples" / "demo"


@pytest.mark.parametrize(
    "command", [["codebook"], *[["codebook", c] for c in ("check", "import", "export")]]
)
def test_every_codebook_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_check_accepts_the_demo_codebook_and_crosswalk() -> None:
    crosswalk = DEMO / "studies" / "peer_support" / "crosswalk.yaml"
    result = runner.invoke(
        app, ["codebook", "check", str(DEMO / "codebook.yaml"), "--crosswalk", str(crosswalk)]
    )
    assert result.exit_code == EXIT_OK, result.output
    output = " ".join(result.output.split())
    assert "5 themes" in output and "study peer_support, version 1, 9 study codes onto 5" in output


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "cb.yaml",
            "codebook_id: x\nthemes:\n- {theme_id: a, name: A, definition: d, parent: b}\n",
            "parent",
        ),
        ("cb.qdc", "<CodeBook><Codes/></CodeBook>", "Codes holds no Code"),
    ],
)
def test_check_exits_2_naming_file_and_problem(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["codebook", "check", str(path)])
    assert result.exit_code == EXIT_USAGE
    assert name in result.output and expected in result.output


def test_check_exits_2_for_a_crosswalk_onto_an_unknown_theme(tmp_path: Path) -> None:
    crosswalk = tmp_path / "cw.yaml"
    crosswalk.write_text("codes:\n  Felt heard: being_understood\n  Odd: nowhere\n", "utf-8")
    result = runner.invoke(
        app, ["codebook", "check", str(DEMO / "codebook.yaml"), "--crosswalk", str(crosswalk)]
    )
    assert result.exit_code == EXIT_USAGE
    assert "cw.yaml:3" in result.output and "nowhere" in result.output


def test_export_then_import_with_base_gives_back_the_codebook(tmp_path: Path) -> None:
    qdc, again = tmp_path / "out" / "demo.qdc", tmp_path / "again.yaml"
    source = DEMO / "codebook.yaml"
    assert runner.invoke(app, ["codebook", "export", str(source), "--out", str(qdc)]).exit_code == 0
    first = qdc.read_bytes()
    result = runner.invoke(app, ["codebook", "export", str(source), "--out", str(qdc), "--force"])
    assert result.exit_code == 0 and qdc.read_bytes() == first
    result = runner.invoke(
        app, ["codebook", "import", str(qdc), "--out", str(again), "--base", str(source)]
    )
    assert result.exit_code == 0, result.output
    assert load_codebook(again) == load_codebook(source)


def test_import_without_base_names_the_codebook_after_the_file(tmp_path: Path) -> None:
    qdc, out = tmp_path / "site_codes.qdc", tmp_path / "site.yaml"
    runner.invoke(app, ["codebook", "export", str(DEMO / "codebook.yaml"), "--out", str(qdc)])
    result = runner.invoke(app, ["codebook", "import", str(qdc), "--out", str(out)])
    assert result.exit_code == 0, result.output
    imported = load_codebook(out)
    assert imported.codebook_id == "site_codes" and len(imported.themes) == 5
    assert out.read_text(encoding="utf-8").startswith("# Imported from site_codes.qdc")


@pytest.mark.parametrize("command", ["import", "export"])
def test_existing_output_is_not_overwritten_without_force(tmp_path: Path, command: str) -> None:
    out = tmp_path / "exists"
    out.write_text("keep me", encoding="utf-8")
    source = DEMO / "codebook.yaml"
    result = runner.invoke(app, ["codebook", command, str(source), "--out", str(out)])
    assert result.exit_code == EXIT_USAGE and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"


def test_run_refuses_a_bad_crosswalk_before_starting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUALBRIDGE_KEY", TEST_KEY)
    mini = FIXTURES / "mini"
    crosswalk = tmp_path / "cw.yaml"
    crosswalk.write_text("codes:\n  Felt heard: nowhere\n", encoding="utf-8")
    config = tmp_path / "consortium.yaml"
    config.write_text(
        f"consortium: x\ncodebook: {mini / 'codebook.yaml'}\nstudies:\n"
        f"  - study_id: s1\n    corpus: c1\n    site: site_a\n"
        f"    manifest: {mini / 'studies/peer_support/manifest.csv'}\n"
        f"    speakers: {{Interviewer: interviewer, Participant: participant}}\n"
        f"    crosswalk: cw.yaml\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["run", str(config)])
    assert result.exit_code == EXIT_USAGE
    assert "cw.yaml:2" in result.output and "nowhere" in result.output

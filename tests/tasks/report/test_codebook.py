"""Tests of the report's codebook section: theme notes and each study's crosswalk with counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.crosswalk import load_crosswalk
from qualbridge.tasks.coding.crosswalk import crosswalk_frame
from qualbridge.tasks.report.codebook import codebook_context
from qualbridge.tasks.report.html import _ENV
from qualbridge.tasks.warehouse.store import (
    append_rows,
    connect,
    replace_crosswalks,
    replace_themes,
)

CODEBOOK = Codebook.model_validate(
    {
        "codebook_id": "cb",
        "themes": [
            {
                "theme_id": "heard",
                "name": "Being heard",
                "definition": "Feeling heard.",
                "include": "Felt listened to.",
                "exclude": "Techniques.",
            },
            {"theme_id": "identity", "name": "Identity", "definition": "d", "parent": "heard"},
        ],
    }
)


def _coding(transcript: str, theme: str, rule: str, n: int = 1) -> dict:
    return {
        "utterance_id": f"{transcript}:{n:04d}",
        "transcript_id": transcript,
        "theme_id": theme,
        "coder": "ann",
        "matched_rule": rule,
        "start_offset": 0,
        "end_offset": 3,
        "origin": "qdpx",
    }


@pytest.fixture
def con(tmp_path: Path):
    crosswalk_path = tmp_path / "cw.yaml"
    crosswalk_path.write_text(
        "version: '7'\ncodes:\n  Felt heard: heard\n  Not <judged>: heard\n"
        "  Been there: identity\n",
        encoding="utf-8",
    )
    crosswalk = load_crosswalk(crosswalk_path, CODEBOOK, "ps")
    with connect(tmp_path / "warehouse.duckdb") as con:
        replace_themes(con, CODEBOOK)
        replace_crosswalks(con, ["ps"], crosswalk_frame({"ps": crosswalk}))
        for study, transcript in (("ps", "ps:T1"), ("td", "td:T1")):
            con.execute(
                "INSERT INTO transcripts VALUES (?, ?, 'P1', 'f.txt', 'h', '{}', 1, 1, 'r')",
                [transcript, study],
            )
        codings = [
            _coding("ps:T1", "heard", "code:Felt heard", 1),
            _coding("ps:T1", "heard", "code:Felt heard", 2),
            _coding("ps:T1", "heard", "keyword:heard", 3),  # a rule coding, not from the code
            _coding("td:T1", "heard", "code:Felt heard", 1),  # another study's code of that name
            # Spelt as the coders wrote it in a label column: the crosswalk matches it all the same.
            _coding("ps:T1", "identity", "code:been  THERE", 4),
        ]
        append_rows(con, "codings", frames.frame(codings, frames.CODINGS))
        yield con


def test_crosswalk_rows_count_the_codings_each_study_code_brought(con) -> None:
    context = codebook_context(con)
    [study] = context["crosswalks"]
    assert (study["study_id"], study["version"], len(study["hash"])) == ("ps", "7", 12)
    assert [(r["study_code"], r["theme_name"], r["codings"]) for r in study["rows"]] == [
        ("Felt heard", "Being heard", 2),
        ("Not <judged>", "Being heard", 0),
        ("Been there", "Identity", 1),
    ]


def test_themes_carry_their_notes(con) -> None:
    themes = {t["theme_id"]: t for t in codebook_context(con)["codebook_themes"]}
    assert themes["heard"]["include"] == "Felt listened to."
    assert themes["heard"]["exclude"] == "Techniques."
    assert themes["identity"]["parent"] == "heard" and themes["identity"]["include"] == ""


def test_section_renders_escaped(con) -> None:
    html = _ENV.get_template("_codebook.html.j2").render(
        theme_names={"heard": "Being heard", "identity": "Identity"}, **codebook_context(con)
    )
    assert "Crosswalk of ps" in html and "Not &lt;judged&gt;" in html
    assert "Felt listened to." in html and "<judged>" not in html


def test_without_crosswalks_the_section_says_so(tmp_path: Path) -> None:
    with connect(tmp_path / "warehouse.duckdb") as con:
        replace_themes(con, CODEBOOK)
        html = _ENV.get_template("_codebook.html.j2").render(
            theme_names={}, **codebook_context(con)
        )
    assert "No study uses a crosswalk" in html

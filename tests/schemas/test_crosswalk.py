"""Tests of crosswalk files: many study codes onto one theme, errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.schemas.codebook import Codebook
from qualbridge.schemas.config import ConfigError
from qualbridge.schemas.crosswalk import load_crosswalk

CODEBOOK = Codebook.model_validate(
    {
        "codebook_id": "cb",
        "themes": [
            {"theme_id": "heard", "name": "Heard", "definition": "d"},
            {"theme_id": "identity", "name": "Identity", "definition": "d"},
            {"theme_id": "group", "name": "Group", "definition": "d", "codable": False},
        ],
    }
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "crosswalk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_many_study_codes_map_onto_one_theme(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "study_id: s1\ncodebook_id: cb\nversion: '3'\ncodes:\n"
        "  Felt heard: heard\n  Not judged: heard\n  Been there: identity\n  No: heard\n",
    )
    crosswalk = load_crosswalk(path, CODEBOOK, "s1")
    assert crosswalk.version == "3" and len(crosswalk.sha256) == 64
    assert [(e.study_code, e.theme_id, e.line) for e in crosswalk.entries] == [
        ("Felt heard", "heard", 5),
        ("Not judged", "heard", 6),
        ("Been there", "identity", 7),
        ("No", "heard", 8),  # a YAML 1.1 boolean stays the code's name
    ]
    assert crosswalk.mapping() == {
        "felt_heard": ["heard"],
        "not_judged": ["heard"],
        "been_there": ["identity"],
        "no": ["heard"],
    }


def test_one_study_code_may_map_onto_several_themes(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "codes:\n  Shared story: [heard, identity]\n  shared-story: [identity, heard]\n"
    )
    crosswalk = load_crosswalk(path, CODEBOOK, "s1")

    assert [(e.study_code, e.theme_id) for e in crosswalk.entries][:2] == [
        ("Shared story", "heard"),
        ("Shared story", "identity"),
    ]
    assert crosswalk.mapping() == {"shared_story": ["heard", "identity"]}


def test_codes_spelt_alike_may_share_a_theme(tmp_path: Path) -> None:
    path = _write(tmp_path, "codes:\n  Felt heard: heard\n  felt-heard: heard\n")
    assert len(load_crosswalk(path, CODEBOOK, "s1").entries) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("codes:\n  Felt heard: heard\n  Shared: nowhere\n", ":3: code 'Shared' maps to 'nowhere'"),
        ("codes:\n  A: heard\n  A: identity\n", ":3: code 'A' clashes with 'A' on line 2"),
        ("codes:\n  A b: heard\n  a-b: identity\n", ":3: code 'a-b' clashes with 'A b' on line 2"),
        ("codes:\n  A: [heard, heard]\n", ":2: code 'A' lists a theme twice"),
        ("codes:\n  A: []\n", ":2: code 'A' must map onto a theme id or a list"),
        ("codes:\n  A: [heard, nowhere]\n", ":2: code 'A' maps to 'nowhere'"),
        ("codes:\n  A: group\n", ":2: code 'A' maps to 'group', which is not codable"),
        ("study_id: s2\ncodes:\n  A: heard\n", ":1: study_id is 's2', expected 's1'"),
        ("codebook_id: other\ncodes:\n  A: heard\n", ":1: codebook_id is 'other', expected 'cb'"),
        ("codez:\n  A: heard\n", ":1: unexpected or repeated key 'codez'"),
        ("version: 1\n", ": no 'codes' block"),
        ("codes: {}\n", ":1: codes must map study codes to theme ids"),
        ("codes: [a, b]\n", ":1: codes must map study codes to theme ids"),
        ("- a\n", ": expected a mapping"),
        ("codes: [unclosed\n", ": not valid YAML"),
    ],
)
def test_bad_crosswalks_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_crosswalk(path, CODEBOOK, "s1")
    assert f"{path}{expected}" in str(caught.value)


def test_missing_crosswalk_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="crosswalk not found"):
        load_crosswalk(tmp_path / "none.yaml", CODEBOOK, "s1")


def test_without_a_study_the_files_own_study_id_is_taken(tmp_path: Path) -> None:
    path = _write(tmp_path, "study_id: s9\ncodes:\n  A: heard\n")
    assert load_crosswalk(path, CODEBOOK, None).study_id == "s9"

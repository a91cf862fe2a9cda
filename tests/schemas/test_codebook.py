"""Tests of codebook validation: ids, parents, cycles, rule regexes, sets; errors name the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qualbridge.schemas.codebook import Codebook, dump_codebook, load_codebook, parent_cycles, slug
from qualbridge.schemas.config import ConfigError
from tests.conftest import FIXTURES

DEMO = Path(__file__).parents[2] / "examples" / "demo" / "codebook.yaml"


def _theme(theme_id: str, parent: str | None = None, patterns=(), **extra) -> dict:
    theme = {"theme_id": theme_id, "name": theme_id.title(), "definition": "d", **extra}
    if parent is not None:
        theme["parent"] = parent
    if patterns:
        theme["rules"] = {"patterns": list(patterns)}
    return theme


def _write(tmp_path: Path, themes: list[dict], **extra) -> Path:
    path = tmp_path / "codebook.yaml"
    data = {"codebook_id": "cb", "themes": themes, **extra}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", [DEMO, FIXTURES / "mini" / "codebook.yaml"])
def test_shipped_codebooks_are_valid(path: Path) -> None:
    assert len(load_codebook(path).themes) == 5


@pytest.mark.parametrize(
    ("themes", "extra", "expected"),
    [
        ([_theme("a"), _theme("a")], {}, "themes: theme_id values must be unique; repeated: ['a']"),
        ([_theme("a", parent="nope")], {}, "themes.0 (a).parent: no theme 'nope'"),
        ([_theme("a", parent="a")], {}, "parent cycle a -> a"),
        (
            [_theme("a", parent="c"), _theme("b", parent="a"), _theme("c", parent="b")],
            {},
            "parent cycle a -> c -> b -> a",
        ),
        (
            [_theme("a"), _theme("b", patterns=[r"\bok\b", "(unclosed"])],
            {},
            "themes.1 (b).rules.patterns.1: bad regular expression (missing ), unterminated",
        ),
        (
            [_theme("a", patterns=["x"], codable=False)],
            {},
            "themes.0 (a).rules: a theme that is not codable cannot have rules",
        ),
        ([_theme("Bad Id")], {}, "themes.0.theme_id: String should match pattern"),
        ([_theme("a", guid="not-a-guid")], {}, "themes.0.guid"),
        ([_theme("a", color="red")], {}, "themes.0.color"),
        (
            [_theme("a")],
            {"sets": [{"name": "S", "themes": ["a", "zzz"]}]},
            "sets.0 (S).themes.1: no theme 'zzz'",
        ),
        ([], {}, "themes: List should have at least 1 item"),
    ],
)
def test_bad_codebooks_name_file_and_field(
    tmp_path: Path, themes: list[dict], extra: dict, expected: str
) -> None:
    path = _write(tmp_path, themes, **extra)
    with pytest.raises(ConfigError) as caught:
        load_codebook(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, [_theme("a", parent="x", patterns=["["]), _theme("b", parent="y")])
    with pytest.raises(ConfigError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert "themes.0 (a).parent" in message and "themes.1 (b).parent" in message
    assert "themes.0 (a).rules.patterns.0" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[unclosed", "not valid YAML"), ("just text", "Input should be a valid dictionary")],
)
def test_unreadable_codebooks_name_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        load_codebook(path)


def test_missing_codebook_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="codebook not found"):
        load_codebook(tmp_path / "none.yaml")


def test_a_deep_tree_without_cycles_is_fine() -> None:
    themes = [_theme("t0")] + [_theme(f"t{i}", parent=f"t{i - 1}") for i in range(1, 50)]
    codebook = Codebook.model_validate({"codebook_id": "cb", "themes": themes})
    assert parent_cycles(codebook) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Felt heard", "felt_heard"),
        ("  Felt   heard!  ", "felt_heard"),
        ("Peer worker's own story", "peer_worker_s_own_story"),
        ("Café / naïve", "cafe_naive"),
        ("2. Boundaries", "2_boundaries"),
        ("???", "code"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_dump_reads_back_as_the_same_codebook(tmp_path: Path) -> None:
    codebook = load_codebook(DEMO)
    path = tmp_path / "again.yaml"
    path.write_text(dump_codebook(codebook, "# header\n"), encoding="utf-8")
    assert load_codebook(path) == codebook
    assert path.read_text(encoding="utf-8").startswith("# header\ncodebook_id:")

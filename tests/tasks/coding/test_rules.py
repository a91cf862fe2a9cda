"""Tests of rule-based coding of de-identified utterances."""

from __future__ import annotations

import polars as pl
import pytest

from qualbridge.schemas import frames
from qualbridge.schemas.codebook import Codebook
from qualbridge.tasks.coding.rules import (
    candidates,
    code_utterances,
    coder_name,
    compile_theme,
    quick_test,
)


def _codebook(*themes: dict) -> Codebook:
    return Codebook.model_validate({"codebook_id": "cb", "version": "7", "themes": list(themes)})


def _theme(theme_id: str = "t", keywords=(), patterns=(), speaker_roles=None) -> dict:
    rules: dict = {"keywords": list(keywords), "patterns": list(patterns)}
    if speaker_roles is not None:
        rules["speaker_roles"] = list(speaker_roles)
    return {"theme_id": theme_id, "name": theme_id, "definition": "d", "rules": rules}


def _utterances(*rows: tuple[str, str]) -> pl.DataFrame:
    """Rows of (speaker_role, text); ids are numbered in order within one transcript."""
    return frames.frame(
        [
            {
                "utterance_id": f"s:T1:{i:04d}",
                "transcript_id": "s:T1",
                "study_id": "s",
                "seq": i,
                "speaker_role": role,
                "text": text,
                "n_words": len(text.split()),
            }
            for i, (role, text) in enumerate(rows)
        ],
        frames.UTTERANCES,
    )


def _matches(theme: dict, text: str, role: str = "participant") -> bool:
    return not code_utterances(_utterances((role, text)), _codebook(theme)).is_empty()


@pytest.mark.parametrize(
    ("keyword", "text", "expected"),
    [
        ("understood", "I felt understood.", True),
        ("understood", "I FELT UNDERSTOOD", True),
        ("understood", "Understood, she said", True),
        ("understood", "I was misunderstood", False),
        ("understood", "it's understoodish", False),
        ("judged", "never judged", True),
        ("judged", "she misjudged it", False),
        ("same boat", "we were in the same boat", True),
        ("same boat", "in the Same  Boat", False),  # two spaces: the phrase is matched as written
        ("same boat", "the same boats", False),
        ("text", "she texted me", False),
        ("text", "a text, then a call", True),
        ("A&E", "I ended up in A&E again", True),
        ("A&E", "I ended up in AXE again", False),
        ("one-sided", "it felt one-sided", True),
        ("one-sided", "it felt one sided", False),
        ("a.b", "axb", False),  # keywords are literal, not regex
        ("a.b", "see a.b here", True),
        ("(ok)", "it was (ok) really", True),
    ],
)
def test_keywords_match_whole_words_case_insensitively(keyword, text, expected) -> None:
    assert _matches(_theme(keywords=[keyword]), text) is expected


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\btext(ed|ing)?\b", "she texted me", True),
        (r"\btext(ed|ing)?\b", "TEXTING all night", True),
        (r"\btext(ed|ing)?\b", "a textbook", False),
        (r"\b(first|second) session\b", "in the second session", True),
        (r"\b(first|second) session\b", "in the third session", False),
        (r"understand(s)?", "misunderstands", True),  # no \b: the pattern is used as written
        (r"^she", "she said", True),
        (r"^she", "and she said", False),
    ],
)
def test_patterns_are_regular_expressions(pattern: str, text: str, expected: bool) -> None:
    assert _matches(_theme(patterns=[pattern]), text) is expected


@pytest.mark.parametrize(
    ("roles", "role", "expected"),
    [
        (None, "interviewer", True),
        (None, "participant", True),
        (["participant"], "participant", True),
        (["participant"], "interviewer", False),
        (["participant", "client"], "client", True),
        (["therapist"], "Therapist", False),  # roles are compared exactly
    ],
)
def test_speaker_roles_restrict_coding(roles, role: str, expected: bool) -> None:
    theme = _theme(keywords=["heard"], speaker_roles=roles)

    assert _matches(theme, "I felt heard", role=role) is expected


@pytest.mark.parametrize(
    ("text", "expected_rule"),
    [
        ("I felt heard and understood", "keyword:heard"),
        ("I felt understood", "keyword:understood"),
        ("she got it", r"pattern:\b(she|he) got it\b"),
        ("she got it, I felt heard", "keyword:heard"),  # keywords are tried before patterns
    ],
)
def test_matched_rule_names_the_first_rule_that_matched(text: str, expected_rule: str) -> None:
    theme = _theme(keywords=["heard", "understood"], patterns=[r"\b(she|he) got it\b"])

    codings = code_utterances(_utterances(("participant", text)), _codebook(theme))

    assert codings["matched_rule"].to_list() == [expected_rule]


def test_one_row_per_utterance_and_theme() -> None:
    codebook = _codebook(
        _theme("heard", keywords=["heard", "listened", "understood"]),
        _theme("friends", keywords=["friend", "mate"], patterns=[r"\bfriends?\b"]),
        _theme("never", keywords=["nothing-matches-this"]),
    )
    utterances = _utterances(
        ("participant", "I felt heard, listened to and understood."),  # heard x3
        ("participant", "More like a friend, a mate, not a worker."),  # friends x3
        ("interviewer", "Nothing relevant."),  # none
        ("participant", "My friend listened."),  # both
    )

    codings = code_utterances(utterances, codebook)

    assert codings.schema == pl.Schema(frames.CODINGS)
    assert sorted(codings.select("utterance_id", "theme_id").iter_rows()) == [
        ("s:T1:0000", "heard"),
        ("s:T1:0001", "friends"),
        ("s:T1:0003", "friends"),
        ("s:T1:0003", "heard"),
    ]
    assert codings.select("utterance_id", "theme_id").is_duplicated().sum() == 0


def test_codings_carry_transcript_and_coder() -> None:
    codebook = _codebook(_theme(keywords=["heard"]))

    codings = code_utterances(_utterances(("participant", "I felt heard")), codebook)

    assert codings.row(0, named=True) == {
        "utterance_id": "s:T1:0000",
        "transcript_id": "s:T1",
        "theme_id": "t",
        "coder": "rules:cb@7",
        "matched_rule": "keyword:heard",
        "start_offset": 0,
        "end_offset": len("I felt heard"),
        "origin": "rules",
    }


def test_coder_name_includes_codebook_id_and_version() -> None:
    assert coder_name(_codebook(_theme())) == "rules:cb@7"


def test_no_matches_gives_an_empty_frame_with_the_schema() -> None:
    codings = code_utterances(
        _utterances(("participant", "hello")), _codebook(_theme(keywords=["zzz"]))
    )

    assert codings.is_empty()
    assert codings.schema == pl.Schema(frames.CODINGS)


def test_empty_utterances_give_an_empty_frame() -> None:
    codings = code_utterances(_utterances(), _codebook(_theme(keywords=["heard"])))

    assert codings.is_empty()
    assert codings.columns == list(frames.CODINGS)


def test_compile_theme_orders_keywords_before_patterns() -> None:
    theme = _codebook(_theme(keywords=["b", "a"], patterns=["z", "y"])).themes[0]

    compiled = compile_theme(theme)

    assert [name for name, _ in compiled.rules] == [
        "keyword:b",
        "keyword:a",
        "pattern:z",
        "pattern:y",
    ]
    assert compiled.speaker_roles is None


def _rule(keywords=(), patterns=()):
    return compile_theme(_codebook(_theme(keywords=keywords, patterns=patterns)).themes[0])


@pytest.mark.parametrize(
    ("patterns", "vectorised"),
    [
        (["\\bgroup\\b", "(peer|therapist) said"], True),
        (["(?<=my )mate"], False),  # a look-behind the vectorised engine lacks
        (["mate(?= said)"], False),
        (["(a)\\1"], False),  # a group reference
        (["(?P<x>a)(?P=x)"], False),
    ],
)
def test_the_quick_test_is_used_only_where_it_can_be(patterns, vectorised: bool) -> None:
    assert (quick_test(_rule(patterns=patterns)) is not None) is vectorised


TEXTS = [
    "",
    "nothing here",
    "I felt ALONE then",
    "lonely, not alone-ish",
    "my peer said so",
    "aa",
    "the group met",
    "Straight Away",
    "straight-away",
]


def test_the_quick_test_lets_through_every_text_a_rule_matches() -> None:
    rule = _rule(
        keywords=["alone", "straight away"],
        patterns=["\\bgroup\\b", "(peer|therapist) said", "a{2}"],
    )
    mask = candidates(pl.Series(TEXTS), rule)
    assert mask is not None
    for text, passed in zip(TEXTS, mask, strict=True):
        matched = any(rx.search(text) for _, rx in rule.rules)
        assert passed or not matched, text
    assert mask.count(False) >= 2  # and it does rule texts out


def test_codings_are_the_same_with_and_without_the_quick_test() -> None:
    theme = _theme(keywords=["alone", "straight away"], patterns=["(peer|therapist) said"])
    rows = [("client", t) for t in TEXTS]
    codings = code_utterances(_utterances(*rows), _codebook(theme))
    expected = [
        t for t in TEXTS if any(rx.search(t) for _, rx in compile_theme(
            _codebook(theme).themes[0]).rules)
    ]  # fmt: skip
    assert codings.height == len(expected)

"""Presidio imported with its pattern checks deferred: same patterns, checks back afterwards."""

from __future__ import annotations

import pytest
import regex
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from qualbridge.tasks.deid.presidio_import import DeferredPattern, checks_deferred


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"\b\d{3}\b", 0, "call 123 or 4567"),
        (r"(?P<value>[a-z]+)\.org", regex.IGNORECASE, "see Example.ORG and foo.org"),
        (r"x", 0, ""),
    ],
)
def test_a_deferred_pattern_matches_as_the_compiled_one(
    pattern: str, flags: int, text: str
) -> None:
    deferred = DeferredPattern(pattern, flags, (), {})
    compiled = regex.compile(pattern, flags)
    assert [m.span() for m in deferred.finditer(text)] == [
        m.span() for m in compiled.finditer(text)
    ]
    assert deferred.pattern == compiled.pattern


def test_the_compile_function_is_restored_after_the_block() -> None:
    real = regex.compile
    with checks_deferred():
        assert regex.compile is not real
    assert regex.compile is real


def test_only_presidio_checks_are_deferred() -> None:
    with checks_deferred():
        assert isinstance(regex.compile(r"\d+"), regex.Pattern)


def test_patterns_built_after_the_import_are_still_checked() -> None:
    with pytest.raises(ValueError, match="Invalid regex"):
        Pattern("broken", r"(unclosed", 0.5)


def test_presidio_recognizers_defined_under_the_block_still_find_what_they_did() -> None:
    recognizer = UrlRecognizer()
    found = recognizer.analyze("see https://example.org/page today", ["URL"])
    assert [(r.start, r.end) for r in found] == [(4, 28)]
    assert isinstance(recognizer, PatternRecognizer)
